package io.gbsettle.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.gbsettle.core.engine.RunCsv;
import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.journal.Journal;
import io.gbsettle.core.journal.JournalConfig;
import io.gbsettle.core.journal.RecordJournal;
import io.gbsettle.core.settle.SettlementReportCsv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bsc settle --journal} writes the same reports as {@code bsc settle}, writes them again identically when run
 * a second time on the same journal (every input a duplicate, the run not repeated), and {@code bsc replay --verify}
 * recomputes every journaled result.
 */
final class JournaledSettleTest extends InProcessBsc
{
    private static final String[] REPORTS = {SettlementReportCsv.BMU_PERIOD_FILE,
        SettlementReportCsv.ACCOUNT_PERIOD_FILE, SettlementReportCsv.PERIOD_FILE, SettlementReportCsv.PARTY_DAY_FILE};

    @Test
    void journaledSettleEqualsPlainSettleResumesAndReplays() throws IOException
    {
        final Path bundle = tmp.resolve("bundle");
        final Path journal = tmp.resolve("journal");
        assertEquals(ExitCode.OK, bsc("generate", "bundle", "--size", "SMALL", "--out", bundle.toString()),
            err::toString);

        assertEquals(ExitCode.OK, bsc("settle", "--bundle", bundle.toString(), "--out",
            tmp.resolve("plain").toString()), err::toString);
        assertEquals(ExitCode.OK, bsc("settle", "--bundle", bundle.toString(), "--out", tmp.resolve("first").toString(),
            "--journal", journal.toString()), err::toString);
        assertTrue(out.toString().contains("[4/4] reports from the journal's latest SF run"), out::toString);
        for (final String report : REPORTS)
        {
            assertEquals(Files.readString(tmp.resolve("plain").resolve(report)),
                Files.readString(tmp.resolve("first").resolve(report)), report);
        }
        assertTrue(Files.exists(tmp.resolve("first").resolve(RunCsv.MISSING_FILE)));

        assertEquals(ExitCode.OK, bsc("settle", "--bundle", bundle.toString(), "--out", tmp.resolve("again").toString(),
            "--journal", journal.toString()), err::toString);
        assertTrue(out.toString().contains("resumed:"), out::toString);
        assertTrue(out.toString().contains("run SF#1"), "the run is not repeated: " + out);
        for (final String report : REPORTS)
        {
            assertEquals(Files.readString(tmp.resolve("first").resolve(report)),
                Files.readString(tmp.resolve("again").resolve(report)), report);
        }

        assertEquals(ExitCode.OK, bsc("replay", "--journal", journal.toString(), "--verify"), err::toString);
        assertTrue(out.toString().contains("verified: all"), out::toString);
    }

    @Test
    void aJournalSomeoneElseWritesIsRefusedWithExitThree()
    {
        final Path bundle = tmp.resolve("bundle");
        final Path journal = tmp.resolve("journal");
        assertEquals(ExitCode.OK, bsc("generate", "bundle", "--size", "SMALL", "--out", bundle.toString()),
            err::toString);
        try (RecordJournal writer = RecordJournal.open(journal.resolve(Journal.INPUTS), InputEvent.LENGTH,
            new JournalConfig()))
        {
            assertEquals(ExitCode.FAILURE, bsc("settle", "--bundle", bundle.toString(), "--out",
                tmp.resolve("out").toString(), "--journal", journal.toString()), err::toString);
            assertTrue(err.toString().contains("is already open for writing"), err::toString);
            assertEquals(0, writer.nextPosition(), "nothing was appended beside the writer");
        }
        assertEquals(ExitCode.OK, bsc("settle", "--bundle", bundle.toString(), "--out", tmp.resolve("out").toString(),
            "--journal", journal.toString()), err::toString);
    }
}
