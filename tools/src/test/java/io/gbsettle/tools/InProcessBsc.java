package io.gbsettle.tools;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;

import io.gbsettle.core.files.CsvReader;

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

    /**
     * Reads a CSV file the commands wrote.
     *
     * @param file the file.
     * @return its header, then every row, as text fields.
     */
    protected static List<String[]> rows(final Path file)
    {
        final List<String[]> rows = new ArrayList<>();
        try (CsvReader csv = CsvReader.open(file))
        {
            rows.add(csv.header().toArray(new String[0]));
            while (csv.next())
            {
                final String[] row = new String[csv.fieldCount()];
                for (int i = 0; i < row.length; i++)
                {
                    row[i] = csv.field(i);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
