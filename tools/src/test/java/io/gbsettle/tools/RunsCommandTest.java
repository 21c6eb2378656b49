package io.gbsettle.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import io.gbsettle.core.engine.RevisedRuns;
import io.gbsettle.core.engine.RunCsv;
import io.gbsettle.core.engine.RunRecords;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.SyntheticBundle;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.time.SettlementRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bsc runs list} and {@code bsc runs diff} on a journal holding SF, then R1 after revised metered volumes and
 * a BM Unit moved to another lead party.
 */
final class RunsCommandTest extends InProcessBsc
{
    private static final LocalDate DATE = LocalDate.of(2025, 6, 10);

    @TempDir
    static Path shared;

    private static Path journal;
    private static String engineRunDiff;
    private static int engineRows;

    @BeforeAll
    static void settle() throws Exception
    {
        final Path bundleDir = shared.resolve("bundle");
        SyntheticBundle.write(SyntheticRegistry.generate(11, SyntheticRegistry.Size.SMALL), 11, DATE,
            SettlementRun.SF, false, bundleDir);
        final DayBundle bundle = DayBundle.load(bundleDir);
        journal = shared.resolve("journal");
        final int unit = bundle.acceptances().bmUnit(0);
        final int party = (bundle.day().leadParty(unit) + 1) % bundle.registry().partyCount();
        final List<RevisedRuns.EngineDiff> diffs = RevisedRuns.settle(bundle, journal, List.of(SettlementRun.R1),
            List.of(List.of(RevisedRuns.Revision.metered(5, 20.0), RevisedRuns.Revision.metered(77, -3.5),
                RevisedRuns.Revision.move(unit, party))));
        engineRows = diffs.size();
        // The engine's own differences of R1, as bsc settle --journal writes them.
        final Path reports = shared.resolve("r1-reports");
        try (RunCsv csv = new RunCsv(bundle.registry(), DATE, reports, List.of()))
        {
            RunRecords.latest(journal, bundle.epochDay(), SettlementRun.R1, csv::accept);
        }
        engineRunDiff = Files.readString(reports.resolve(RunCsv.DIFF_FILE), StandardCharsets.UTF_8);
    }

    @Test
    void theCsvDiffOfSfToR1IsTheEnginesRunDiffCsvByteForByte() throws IOException
    {
        assertTrue(engineRows > 10, "the revisions moved several party-periods: " + engineRows);
        final Path file = tmp.resolve("diff.csv");
        assertEquals(ExitCode.OK, bsc("runs", "diff", "--journal", journal.toString(), "--date", DATE.toString(),
            "--from", "SF", "--to", "R1", "--format", "csv", "--out", file.toString()), err::toString);
        assertEquals(engineRunDiff, Files.readString(file, StandardCharsets.UTF_8));
        assertTrue(out.toString().startsWith(engineRows + " party-periods moved"), out::toString);

        out.getBuffer().setLength(0);
        assertEquals(ExitCode.OK, bsc("runs", "diff", "--journal", journal.toString(), "--date", DATE.toString(),
            "--from", "sf", "--to", "r1", "--format", "csv"));
        assertEquals(engineRunDiff, out.toString(), "standard output too");
    }

    @Test
    void textListsTheLargestChangesFirstAndEndsWithAVerdict()
    {
        assertEquals(ExitCode.OK, bsc("runs", "diff", "--journal", journal.toString(), "--date", DATE.toString(),
            "--from", "SF", "--to", "R1", "--top", "5"), err::toString);
        final String text = out.toString();
        assertTrue(text.startsWith("runs diff 2025-06-10: SF#1 (inputs 0.."), text);
        assertTrue(text.contains("party-periods, largest |net change| first (5 of " + engineRows + ")"), text);
        assertTrue(text.contains("party day totals"), text);
        assertTrue(text.contains("market: system price"), text);
        final String[] lines = text.trim().split("\n");
        assertTrue(lines[lines.length - 1].startsWith(engineRows + " party-periods moved ("), text);
        assertTrue(lines[lines.length - 1].contains("from SF#1 to R1#2 of 2025-06-10, largest: "), text);
        assertTrue(lines[lines.length - 1].endsWith("(5 shown)"), text);
        double previous = Double.MAX_VALUE;
        for (int i = 4; i < 9; i++)
        {
            final String[] fields = lines[i].trim().split(" +");
            final double change = Math.abs(Double.parseDouble(fields[4].replace(",", "")));
            assertTrue(change <= previous, "sorted by |net change|: " + lines[i]);
            previous = change;
        }
    }

    @Test
    void jsonIsCompleteAndMinChangeCuts()
    {
        assertEquals(ExitCode.OK, bsc("runs", "diff", "--journal", journal.toString(), "--date", DATE.toString(),
            "--from", "SF", "--to", "R1", "--format", "json"));
        final String json = out.toString();
        assertTrue(json.contains("\"partyPeriodsMoved\": " + engineRows), json);
        assertEquals(engineRows, count(json, "\"netChangeGbp\"") - count(json.substring(json.indexOf(
            "\"parties\"")), "\"netChangeGbp\""), "every party-period that moved");
        assertEquals(48, count(json, "\"systemPriceBefore\""), "every period");

        out.getBuffer().setLength(0);
        assertEquals(ExitCode.OK, bsc("runs", "diff", "--journal", journal.toString(), "--date", DATE.toString(),
            "--from", "SF", "--to", "R1", "--format", "csv", "--min-change", "1000000000"));
        assertEquals(1, out.toString().split("\n").length, "only the header: " + out);
    }

    @Test
    void aRunAgainstItselfMovesNothing()
    {
        assertEquals(ExitCode.OK, bsc("runs", "diff", "--journal", journal.toString(), "--date", DATE.toString(),
            "--from", "R1", "--to", "R1"));
        assertTrue(out.toString().contains("nothing moved: R1#2 and R1#2 of 2025-06-10 agree for every party and " +
            "period"), out::toString);
        out.getBuffer().setLength(0);
        assertEquals(ExitCode.OK, bsc("runs", "diff", "--journal", journal.toString(), "--date", DATE.toString(),
            "--from", "R1", "--to", "R1", "--format", "csv"));
        assertEquals(String.join(",", RunCsv.DIFF_HEADER) + "\n", out.toString());
    }

    @Test
    void aMissingRunExitsOneSayingWhatTheJournalHoldsAndHowToProduceIt()
    {
        assertEquals(ExitCode.DATA_PROBLEMS, bsc("runs", "diff", "--journal", journal.toString(), "--date",
            DATE.toString(), "--from", "SF", "--to", "RF"));
        final String text = err.toString();
        assertTrue(text.contains("holds no complete RF run of 2025-06-10"), text);
        assertTrue(text.contains("It holds these runs of 2025-06-10: SF#1, R1#2"), text);
        assertTrue(text.contains("./bsc generate day --out out/day-RF --date 2025-06-10 --run RF"), text);
        assertTrue(text.contains("./bsc settle --bundle out/day-RF --out out/reports-RF --journal " + journal), text);

        err.getBuffer().setLength(0);
        assertEquals(ExitCode.DATA_PROBLEMS, bsc("runs", "diff", "--journal", journal.toString(), "--date",
            "2025-06-11", "--from", "SF", "--to", "R1"));
        assertTrue(err.toString().contains("It holds no run of 2025-06-11; runs of other days: 2025-06-10 SF#1, " +
            "2025-06-10 R1#2."), err::toString);
    }

    @Test
    void usageErrorsExitTwoAndSayWhatToDo()
    {
        assertEquals(ExitCode.USAGE, bsc("runs", "diff", "--journal", tmp.resolve("none").toString(), "--date",
            DATE.toString(), "--from", "SF", "--to", "R1"));
        assertTrue(err.toString().contains("no engine journal there"), err::toString);
        assertTrue(err.toString().contains("./bsc settle --bundle DIR --out DIR --journal"), err::toString);
        assertEquals(ExitCode.USAGE, bsc("runs", "diff", "--journal", journal.toString(), "--date", "2025-02-30",
            "--from", "SF", "--to", "R1"));
        assertEquals(ExitCode.USAGE, bsc("runs", "diff", "--journal", journal.toString(), "--date", "1900-01-01",
            "--from", "SF", "--to", "R1"));
        assertTrue(err.toString().contains("--date 1900-01-01 is outside the supported range"), err::toString);
        assertEquals(ExitCode.USAGE, bsc("runs", "diff", "--journal", journal.toString(), "--date",
            DATE.toString(), "--from", "SF", "--to", "R9"));
        assertEquals(ExitCode.USAGE, bsc("runs", "diff", "--journal", journal.toString(), "--date",
            DATE.toString(), "--from", "SF", "--to", "R1", "--top", "-1"));
        assertEquals(ExitCode.USAGE, bsc("runs", "list", "--journal", tmp.toString()));
        assertEquals(ExitCode.USAGE, bsc("runs"));
    }

    @Test
    void listShowsEveryRun()
    {
        assertEquals(ExitCode.OK, bsc("runs", "list", "--journal", journal.toString()), err::toString);
        final String[] lines = out.toString().split("\n");
        assertEquals(3, lines.length, out::toString);
        assertTrue(lines[0].startsWith("date        run   seq     records  status"), lines[0]);
        assertTrue(lines[1].matches("2025-06-10  SF      1 +[0-9,]+  complete  0\\.\\.[0-9,]+"), lines[1]);
        assertTrue(lines[2].matches("2025-06-10  R1      2 +[0-9,]+  complete  0\\.\\.[0-9,]+"), lines[2]);

        out.getBuffer().setLength(0);
        assertEquals(ExitCode.OK, bsc("runs", "list", "--journal", journal.toString(), "--format", "csv"));
        final String[] csv = out.toString().split("\n");
        assertEquals("settlement_date,run,run_sequence,records,status,input_from,input_to,results_position", csv[0]);
        assertTrue(csv[2].startsWith("2025-06-10,R1,2,"), csv[2]);

        out.getBuffer().setLength(0);
        assertEquals(ExitCode.OK, bsc("runs", "list", "--journal", journal.toString(), "--date", "2025-06-11"));
        assertEquals("no settlement runs of 2025-06-11 in the journal at " + journal + "\n", out.toString());
        out.getBuffer().setLength(0);
        assertEquals(ExitCode.OK, bsc("runs", "list", "--journal", journal.toString(), "--format", "json"));
        assertTrue(out.toString().contains("\"status\": \"complete\""), out::toString);
        assertFalse(out.toString().contains("\"cut\""), out::toString);
    }

    private static int count(final String text, final String what)
    {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1))
        {
            n++;
        }
        return n;
    }
}
