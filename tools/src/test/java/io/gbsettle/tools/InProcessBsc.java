package io.gbsettle.tools;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the tests that run {@code bsc} in-process: a fresh temp directory and captured standard output and error
 * for every test, and {@link #bsc} to run a command line through {@link Bsc#run}.
 */
abstract class InProcessBsc
{
    /** A temp directory for the test, deleted after it. */
    @TempDir
    protected Path tmp;

    /** Everything the commands printed to standard output during the test. */
    protected final StringWriter out = new StringWriter();

    /** Everything the commands printed to standard error during the test. */
    protected final StringWriter err = new StringWriter();

    /**
     * Runs {@code bsc} with the given arguments, appending its output to {@link #out} and {@link #err}.
     *
     * @param args the command line after {@code bsc}.
     * @return the exit code.
     */
    protected final int bsc(final String... args)
    {
        return Bsc.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
