package io.gbsettle.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.gbsettle.core.files.CsvWriter;
import io.gbsettle.core.settle.SettlementReportCsv;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bsc report}: writes the page from run folders; says what to do, with exit code 2, when a folder or option is
 * wrong. (What the page shows is checked in {@code ReportPageTest}.)
 */
final class ReportCommandTest extends InProcessBsc
{
    @Test
    void helpShowsAnExample()
    {
        assertEquals(ExitCode.OK, bsc("report", "--help"));
        assertTrue(out.toString().contains("Example: ./bsc report --run SF="), out::toString);
    }

    @Test
    void writesThePageFromTwoRunFolders() throws IOException
    {
        final Path sf = run("sf", 60.0, -1000.0);
        final Path r1 = run("r1", 61.5, -1200.0);
        final Path page = tmp.resolve("site").resolve("report.html");
        assertEquals(ExitCode.OK, bsc("report", "--run", "SF=" + sf, "--run", "R1=" + r1, "--title", "Two runs",
            "--out", page.toString()), err::toString);
        assertTrue(out.toString().contains("wrote " + page.toAbsolutePath()), out::toString);
        final String html = Files.readString(page, StandardCharsets.UTF_8);
        assertTrue(html.contains("<title>Two runs</title>"));
        assertTrue(html.contains("\"movement\":{\"from\":\"SF\",\"to\":\"R1\",\"source\":\"party_day.csv\""),
            "without run_diff.csv the movement per party comes from the two party_day.csv files");
        assertTrue(html.contains("\"change\":-200"), "BIG moved by -200 GBP");
        assertFalse(Files.exists(tmp.resolve("site").resolve("report.html.tmp")));

        // Written again over the old page.
        assertEquals(ExitCode.OK, bsc("report", "--run", "R1=" + r1, "--out", page.toString()), err::toString);
        assertTrue(Files.readString(page, StandardCharsets.UTF_8).contains("\"movement\":null"));
    }

    @Test
    void aMissingFolderOrFileIsAUsageErrorSayingWhatToDo() throws IOException
    {
        final Path page = tmp.resolve("report.html");
        assertEquals(ExitCode.USAGE, bsc("report", "--run", "SF=" + tmp.resolve("nowhere"), "--out", page.toString()));
        assertTrue(err.toString().contains("is not a folder; point it at the --out folder of bsc settle"),
            err::toString);

        Files.createDirectories(tmp.resolve("empty"));
        assertEquals(ExitCode.USAGE, bsc("report", "--run", "SF=" + tmp.resolve("empty"), "--out", page.toString()));
        assertTrue(err.toString().contains("has no period.csv"), err::toString);

        assertEquals(ExitCode.USAGE, bsc("report", "--run", tmp.toString(), "--out", page.toString()));
        assertTrue(err.toString().contains("is not LABEL=DIR"), err::toString);

        final Path sf = run("sf", 60.0, -1000.0);
        assertEquals(ExitCode.USAGE, bsc("report", "--run", "SF=" + sf, "--indicative", tmp.resolve("none.csv")
            .toString(), "--out", page.toString()));
        assertTrue(err.toString().contains("leave the option out"), err::toString);

        assertEquals(ExitCode.USAGE, bsc("report", "--out", page.toString()));
        assertFalse(Files.exists(page));
    }

    @Test
    void aBadValueIsADataProblem() throws IOException
    {
        final Path sf = run("sf", 60.0, -1000.0);
        Files.writeString(sf.resolve(SettlementReportCsv.PERIOD_FILE),
            String.join(",", SettlementReportCsv.PERIOD_HEADER) + "\n2025-06-10,1,abc,1,0,0,0,0,0,0,0\n");
        assertEquals(ExitCode.DATA_PROBLEMS, bsc("report", "--run", "SF=" + sf, "--out",
            tmp.resolve("report.html").toString()));
        assertTrue(err.toString().contains("period.csv") && err.toString().contains("not a number"), err::toString);
    }

    private Path run(final String name, final double price, final double bigNet) throws IOException
    {
        final Path dir = Files.createDirectories(tmp.resolve(name));
        try (CsvWriter w = CsvWriter.create(dir.resolve(SettlementReportCsv.PERIOD_FILE),
            SettlementReportCsv.PERIOD_HEADER))
        {
            for (int p = 1; p <= 48; p++)
            {
                w.field("2025-06-10").field(Integer.toString(p)).field(price + p).field(p % 2 == 0 ? 50 : -50)
                    .field(0).field(0).field(0).field(0).field(0).field(0).field(0).endRecord();
            }
        }
        try (CsvWriter w = CsvWriter.create(dir.resolve(SettlementReportCsv.PARTY_DAY_FILE),
            SettlementReportCsv.PARTY_DAY_HEADER))
        {
            w.field("2025-06-10").field("BIG").field(0).field(0).field(-bigNet).field(0).field(0).field(bigNet)
                .endRecord();
            w.field("2025-06-10").field("SMALL").field(5).field(0).field(0).field(0).field(0).field(5).endRecord();
        }
        SettlementReportCsv.writeExceptions(dir, List.of());
        return dir;
    }
}
