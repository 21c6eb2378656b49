package io.gbsettle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.gbsettle.adapters.sftp.flow.OutboundFiles;
import io.gbsettle.adapters.sftp.format.Xor32;
import io.gbsettle.adapters.sftp.reconcile.Reconciliation;
import io.gbsettle.core.engine.BundleEvents;
import io.gbsettle.core.engine.Engine;
import io.gbsettle.core.engine.EngineContext;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.SyntheticBundle;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.time.SettlementRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bsc sftp reconcile}: the engine's SF run against an S0142 of the same day matches; one changed figure is
 * reported, named, with exit code 1.
 */
final class SftpReconcileCommandTest
{
    @TempDir
    Path tmp;

    @Test
    void reconcilesAndNamesADifference() throws Exception
    {
        final LocalDate date = LocalDate.of(2025, 6, 10);
        SyntheticBundle.write(SyntheticRegistry.generate(4, SyntheticRegistry.Size.SMALL), 4, date, SettlementRun.SF,
            false, tmp.resolve("day"));
        final DayBundle bundle = DayBundle.load(tmp.resolve("day"));
        final Path journal = tmp.resolve("journal");
        try (Engine engine = Engine.launch(new EngineContext().registry(bundle.registry()).journalDir(journal)
            .indicative(false)))
        {
            BundleEvents.settle(bundle, engine, 60, TimeUnit.SECONDS);
        }
        final OutboundFiles.Written written = OutboundFiles.write(journal, bundle.registry(), date, SettlementRun.SF,
            tmp.resolve("outbox"), 1);
        final Path s0142 = written.files().get(written.files().size() - 1);

        final StringWriter out = new StringWriter();
        final CommandLine cli = new CommandLine(new SftpReconcileCommand());
        cli.setOut(new PrintWriter(out, true));
        assertEquals(0, cli.execute("--journal", journal.toString(), "--s0142", s0142.toString(), "--out",
            tmp.resolve("rec").toString()), out::toString);
        assertTrue(out.toString().contains("0 differ"), out::toString);

        // Change the first SPI system price and reseal the file (count and checksum), as a corrected Elexon run would.
        final List<String> lines = Files.readAllLines(s0142, StandardCharsets.US_ASCII);
        int spi = 0;
        while (!lines.get(spi).startsWith("SPI|1|"))
        {
            spi++;
        }
        final String[] f = lines.get(spi).split("\\|", -1);
        f[2] = "1234.5";
        lines.set(spi, String.join("|", f));
        final List<String> body = lines.subList(0, lines.size() - 1);
        final StringBuilder text = new StringBuilder();
        body.forEach(l -> text.append(l).append('\n'));
        text.append("ZZZ|").append(lines.size()).append('|').append(Xor32.of(body.toArray(new String[0])))
            .append("|\n");
        final Path changed = tmp.resolve("SA20250610S142");
        Files.writeString(changed, text, StandardCharsets.US_ASCII);
        final StringWriter out2 = new StringWriter();
        final CommandLine cli2 = new CommandLine(new SftpReconcileCommand());
        cli2.setOut(new PrintWriter(out2, true));
        assertEquals(1, cli2.execute("--journal", journal.toString(), "--s0142", changed.toString(), "--out",
            tmp.resolve("rec2").toString()), out2::toString);
        final List<String> rows = Files.readAllLines(tmp.resolve("rec2").resolve(Reconciliation.CSV_FILE));
        assertEquals(2, rows.size(), rows::toString);
        assertTrue(rows.get(1).startsWith("2025-06-10,system_price,period,,1,"), rows.get(1));
        assertTrue(rows.get(1).contains(",1234.5,"), rows.get(1));
    }
}
