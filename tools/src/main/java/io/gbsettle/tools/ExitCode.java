package io.gbsettle.tools;

/**
 * Exit codes of every {@code bsc} command, so that scripts can tell a data problem from a usage mistake from a
 * failure.
 */
public final class ExitCode
{
    /** Done, nothing to report. */
    public static final int OK = 0;
    /** Done, but input data had problems; they were reported (stderr or an exceptions file). */
    public static final int DATA_PROBLEMS = 1;
    /** The command line was wrong; {@code --help} says how to call it. */
    public static final int USAGE = 2;
    /** Something failed (I/O, a bug); the message says what. */
    public static final int FAILURE = 3;

    private ExitCode()
    {
    }
}
