package io.gbsettle.tools;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bsc iris export} then {@code bsc iris replay}: a generated day as IRIS messages, replayed through the engine;
 * a replay into the same journal again is all duplicates; a malformed message is listed and exits 1.
 */
final class IrisCommandTest extends InProcessBsc
{
    @Test
    void exportsADayAndReplaysIt() throws Exception
    {
        final Path day = tmp.resolve("day");
        final Path messages = tmp.resolve("iris");
        final Path journal = tmp.resolve("journal");
        assertEquals(ExitCode.OK, bsc("generate", "bundle", "--out", day.toString(), "--size", "SMALL", "--date", "2025-06-11"),
            err::toString);
        assertEquals(ExitCode.OK, bsc("iris", "export", "--bundle", day.toString(), "--dir", messages.toString()),
            err::toString);
        assertTrue(Files.isDirectory(messages.resolve("BOD")) && Files.isDirectory(messages.resolve("LOLPDRM")));

        assertEquals(ExitCode.OK, bsc("iris", "replay", "--dir", messages.toString(), "--journal",
            journal.toString(), "--registry", day.toString()), err::toString);
        assertTrue(out.toString().contains("dead-lettered 0"), out::toString);

        out.getBuffer().setLength(0);
        assertEquals(ExitCode.OK, bsc("iris", "replay", "--dir", messages.toString(), "--journal",
            journal.toString()), err::toString);
        final String again = out.toString();
        assertTrue(again.contains("records 0,") || again.contains("records 0\n") || again.contains("records 0"),
            again);

        Files.writeString(messages.resolve("PN").resolve("PN_209901010000_1.json"), "[{\"dataset\":\"PN\"}",
            StandardCharsets.UTF_8);
        assertEquals(ExitCode.DATA_PROBLEMS, bsc("iris", "replay", "--dir", messages.toString(), "--registry", day.toString()), out::toString);
        assertTrue(err.toString().contains("PN_209901010000_1.json"), err::toString);
    }
}
