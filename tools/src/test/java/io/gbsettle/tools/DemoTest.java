package io.gbsettle.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.gbsettle.core.engine.RunCsv;
import io.gbsettle.core.settle.SettlementReportCsv;
import io.gbsettle.core.testing.ChildJvm;
import io.gbsettle.tools.report.HeadlessChromium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bsc demo} end to end at the small size: real SFTP server, real AMQP broker, both adapters, the SF and R1
 * runs, the reports, the replay; its console and every output asserted; a second run into the same folder; and
 * Ctrl-C in a child JVM.
 */
final class DemoTest extends InProcessBsc
{
    @Test
    void theDemoRunsTheWholeSystemAndLeavesResultsBehind() throws IOException
    {
        final Path demo = tmp.resolve("demo");
        assertEquals(ExitCode.OK, bsc("demo", "--out", demo.toString(), "--size", "SMALL"), () -> err + "\n" + out);
        final String console = out.toString();
        for (int step = 1; step <= DemoRun.STEPS; step++)
        {
            assertTrue(console.contains("[" + step + "/" + DemoRun.STEPS + "]"), console);
        }
        assertTrue(console.contains("every result recomputed identically"), console);
        assertTrue(console.contains("events/s") && console.contains("ms a period"), console);

        // The indicative price of every period was printed as the feed arrived, and kept.
        final List<String[]> indicative = rows(demo.resolve("indicative.csv"));
        assertEquals(49, indicative.size(), "header + 48 periods");
        for (int p = 1; p <= 48; p++)
        {
            assertEquals(Integer.toString(p), indicative.get(p)[1]);
            assertFalse(indicative.get(p)[2].isEmpty(), "an indicative price for period " + p);
            assertTrue(console.contains(String.format(java.util.Locale.ROOT, "%6d ", p)), "period " + p);
        }

        // The SF and R1 reports, from the journal.
        for (final String run : List.of("sf", "r1"))
        {
            assertEquals(49, rows(demo.resolve(run).resolve(SettlementReportCsv.PERIOD_FILE)).size(), run);
            assertTrue(rows(demo.resolve(run).resolve(SettlementReportCsv.BMU_PERIOD_FILE)).size() > 1000, run);
            assertTrue(rows(demo.resolve(run).resolve(SettlementReportCsv.PARTY_DAY_FILE)).size() > 5, run);
        }
        // R1 moved cashflows; prices barely (metered volumes reach the price only through the TLMs' losses).
        final List<String[]> diff = rows(demo.resolve("runs_diff.csv"));
        assertTrue(diff.size() > 1, "SF -> R1 moved some party-periods");
        assertEquals(RunCsv.DIFF_HEADER, List.of(diff.get(0)));
        final List<String> sfPrices = column(demo.resolve("sf").resolve(SettlementReportCsv.PERIOD_FILE), 2);
        final List<String> r1Prices = column(demo.resolve("r1").resolve(SettlementReportCsv.PERIOD_FILE), 2);
        for (int p = 1; p < sfPrices.size(); p++)
        {
            assertEquals(Double.parseDouble(sfPrices.get(p)), Double.parseDouble(r1Prices.get(p)), 1e-3, "period " + p);
        }
        assertTrue(console.contains("runs diff 2025-06-10: SF#1") && console.contains("party-periods moved"), console);
        assertNotEquals(Files.readString(demo.resolve("sf").resolve(SettlementReportCsv.PARTY_DAY_FILE)),
            Files.readString(demo.resolve("r1").resolve(SettlementReportCsv.PARTY_DAY_FILE)));

        // Every planted bad input is listed with its reason.
        final String exceptions = Files.readString(demo.resolve("exceptions.csv"), StandardCharsets.UTF_8);
        assertTrue(exceptions.contains("BOD_202506100200_9.json") && exceptions.contains("DEAD_LETTERED") &&
            exceptions.contains("not valid JSON"), exceptions);
        assertTrue(exceptions.contains("BOALF_") && exceptions.contains("levelFrom") &&
            exceptions.contains("not a number"), exceptions);
        assertTrue(exceptions.contains("T_NOSUCH-1"), exceptions);
        assertTrue(exceptions.contains("CD000000000009") && exceptions.contains("REJECTED"), exceptions);
        assertTrue(exceptions.contains("EC000000000008"), exceptions);
        assertTrue(exceptions.contains("EC000000000009") && exceptions.contains("DUPLICATE"), exceptions);
        assertTrue(console.contains(", 1 duplicates, 2 dead-lettered, 1 rows skipped;"), "IRIS: " + console);

        assertTrue(Files.size(demo.resolve("report.html")) > 1000);
        assertTrue(Files.isDirectory(demo.resolve("journal").resolve("payloads")));

        // A second run into the same folder works without cleaning up, and gives the same results.
        final String sfParties = Files.readString(demo.resolve("sf").resolve(SettlementReportCsv.PARTY_DAY_FILE));
        out.getBuffer().setLength(0);
        assertEquals(ExitCode.OK, bsc("demo", "--out", demo.toString(), "--size", "SMALL"), () -> err + "\n" + out);
        assertTrue(out.toString().contains("every result recomputed identically"), out::toString);
        assertEquals(sfParties, Files.readString(demo.resolve("sf").resolve(SettlementReportCsv.PARTY_DAY_FILE)));

        // Last (it skips the rest of a test where Chromium cannot be had): the demo's own page renders every chart.
        final String dom = HeadlessChromium.require().dumpDom(demo.resolve("report.html"));
        assertTrue(dom.contains("data-rendered=\"ok\""), dom);
        assertTrue(dom.contains("data-charts=\"6\""), "price, NIV, parties, movers, movement by period, exceptions");
    }

    @Test
    void ctrlCStopsTheDemoCleanlyAndTheNextRunWorks() throws IOException
    {
        final Path demo = tmp.resolve("demo");
        try (ChildJvm child = ChildJvm.start(Bsc.class, "demo", "--out", demo.toString(), "--size", "SMALL"))
        {
            child.awaitLine("[3/" + DemoRun.STEPS + "]", Duration.ofSeconds(120));
            child.interrupt();
            assertNotEquals(0, child.waitFor(Duration.ofSeconds(60)), "an interrupted demo does not exit 0");
            assertTrue(child.stderr().isEmpty() || !child.stderr().contains("Exception in thread"), child::stderr);
        }
        assertEquals(ExitCode.OK, bsc("demo", "--out", demo.toString(), "--size", "SMALL"), () -> err + "\n" + out);
        assertTrue(out.toString().contains("every result recomputed identically"), out::toString);
    }

    private static List<String> column(final Path file, final int index) throws IOException
    {
        final List<String> values = new java.util.ArrayList<>();
        for (final String[] row : rows(file))
        {
            values.add(row[index]);
        }
        return values;
    }
}
