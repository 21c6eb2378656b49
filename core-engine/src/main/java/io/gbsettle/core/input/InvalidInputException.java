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

    /**
     * @param what     what was being loaded, for example {@code "market registry"}.
     * @param problems every problem found; must not be empty.
     */
    public InvalidInputException(final String what, final List<InputProblem> problems)
    {
        super(message(what, problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * @return every problem found, in file and line order.
     */
    public List<InputProblem> problems()
    {
        return problems;
    }

    private static String message(final String what, final List<InputProblem> problems)
    {
        final StringBuilder sb = new StringBuilder(256)
            .append("cannot load ").append(what).append(": ").append(problems.size())
            .append(problems.size() == 1 ? " problem" : " problems").append(", nothing was loaded");
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
