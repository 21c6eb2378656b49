package io.gbsettle.core.input;

import java.util.List;

/**
 * Thrown when an input file cannot be loaded. It carries every problem found, not just the first, so that a person
 * can fix a file in one pass; nothing from the file has been applied when it is thrown.
 */
public final class InvalidInputException extends RuntimeException
{
    private static final long serialVersionUID = 1L;
    private static final int MAX_LISTED = 20;

    private final transient List<InputProblem> problems;
    private final String summary;

    /**
     * @param what     what was being loaded, for example {@code "market registry"}.
     * @param problems every problem found; must not be empty.
     */
    public InvalidInputException(final String what, final List<InputProblem> problems)
    {
        super(message(what, problems));
        this.problems = List.copyOf(problems);
        this.summary = summary(what, problems);
    }

    /**
     * @return every problem found, in file and line order (the message lists the first 20).
     */
    public List<InputProblem> problems()
    {
        return problems;
    }

    /**
     * @return the first line of the message, without the problems: {@code cannot load X: N problems, nothing was
     *         loaded}. Callers that list every problem themselves print this, then each {@link InputProblem}.
     */
    public String summary()
    {
        return summary;
    }

    private static String summary(final String what, final List<InputProblem> problems)
    {
        return "cannot load " + what + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems") +
            ", nothing was loaded";
    }

    private static String message(final String what, final List<InputProblem> problems)
    {
        final StringBuilder sb = new StringBuilder(256).append(summary(what, problems));
        final int listed = Math.min(MAX_LISTED, problems.size());
        for (int i = 0; i < listed; i++)
        {
            sb.append(System.lineSeparator()).append("  ").append(problems.get(i).describe());
        }
        if (problems.size() > listed)
        {
            sb.append(System.lineSeparator()).append("  ... and ").append(problems.size() - listed).append(" more");
        }
        return sb.toString();
    }
}
