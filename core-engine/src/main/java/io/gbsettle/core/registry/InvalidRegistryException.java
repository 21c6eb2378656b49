package io.gbsettle.core.registry;

import java.util.List;

/**
 * Thrown by {@link RegistryBuilder#build()} when records break the registry's rules. It carries every problem, not
 * just the first; no registry has been built when it is thrown.
 */
public final class InvalidRegistryException extends RuntimeException
{
    private static final long serialVersionUID = 1L;
    private static final int MAX_LISTED = 20;

    private final transient List<RegistryProblem> problems;

    /**
     * @param problems every problem found; must not be empty.
     */
    public InvalidRegistryException(final List<RegistryProblem> problems)
    {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * @return every problem found, by table and line.
     */
    public List<RegistryProblem> problems()
    {
        return problems;
    }

    private static String message(final List<RegistryProblem> problems)
    {
        final StringBuilder sb = new StringBuilder(256)
            .append("invalid market registry: ").append(problems.size())
            .append(problems.size() == 1 ? " problem" : " problems");
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
