package io.gbsettle.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.gbsettle.core.files.DayBundle;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bsc settle} and {@code bsc generate bundle} through the command line: usage errors, a bundle that cannot be
 * settled, and the generator's output loading back.
 */
final class SettleCommandTest extends InProcessBsc
{
    @Test
    void missingOptionsAreUsageErrors()
    {
        assertEquals(ExitCode.USAGE, bsc("settle", "--out", tmp.toString()));
        assertTrue(err.toString().contains("Missing required option: '--bundle=DIR'"), err::toString);
        assertEquals(ExitCode.USAGE, bsc("settle", "--bundle", tmp.toString()));
        assertTrue(err.toString().contains("Missing required option: '--out=DIR'"), err::toString);
    }

    @Test
    void aBundleThatIsNotADirectoryIsAUsageError()
    {
        assertEquals(ExitCode.USAGE, bsc("settle", "--bundle", tmp.resolve("nowhere").toString(), "--out",
            tmp.resolve("out").toString()));
        assertTrue(err.toString().contains("is not a directory"), err::toString);
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void aBundleWithoutItsRequiredFilesIsNotSettled() throws IOException
    {
        final Path bundle = Files.createDirectories(tmp.resolve("bundle"));
        Files.writeString(bundle.resolve("day.json"), "{\"settlementDate\":\"2025-06-10\",\"run\":\"SF\"}");
        assertEquals(ExitCode.FAILURE, bsc("settle", "--bundle", bundle.toString(), "--out",
            tmp.resolve("out").toString()));
        final String errors = err.toString();
        assertTrue(errors.contains("the day was not settled"), errors);
        for (final String file : DayBundle.REQUIRED_FILES)
        {
            assertEquals(!file.equals("day.json"), errors.contains("  " + file + ": required file is missing"),
                file + " in " + errors);
        }
        assertFalse(Files.exists(tmp.resolve("out")), "no report for a day that was not settled");
    }

    @Test
    void generatesABundleThatLoadsBack()
    {
        final Path bundle = tmp.resolve("bundle");
        assertEquals(ExitCode.OK, bsc("generate", "bundle", "--out", bundle.toString(), "--size", "small",
            "--seed", "3", "--date", "2025-10-26", "--run", "ii", "--with-errors"), err::toString);
        assertTrue(out.toString().contains("(50 periods)"), out::toString);
        assertTrue(out.toString().contains("16 planted bad rows"), out::toString);
        final DayBundle day = DayBundle.load(bundle);
        assertEquals(50, day.periodCount());
        assertEquals(16, day.problems().size());
    }

    @Test
    void generateBundleRejectsAnUnsupportedDate()
    {
        assertEquals(ExitCode.USAGE, bsc("generate", "bundle", "--out", tmp.toString(), "--date", "1980-01-01"));
        assertTrue(err.toString().contains("outside the supported range"), err::toString);
    }
}
