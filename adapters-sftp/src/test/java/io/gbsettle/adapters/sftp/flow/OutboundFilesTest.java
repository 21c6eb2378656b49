package io.gbsettle.adapters.sftp.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import io.gbsettle.adapters.sftp.reconcile.Reconciliation;
import io.gbsettle.adapters.sftp.reconcile.SettlementFigures;
import io.gbsettle.core.engine.BundleEvents;
import io.gbsettle.core.engine.Engine;
import io.gbsettle.core.engine.EngineContext;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.SyntheticBundle;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.time.SettlementRun;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A day settled by the engine with its journal: its reports go to the outbox as #3's CSVs and an S0142-shaped file,
 * bytes fixed once; that S0142 verifies and reconciles to zero against the journal's results.
 */
final class OutboundFilesTest
{
    @TempDir
    Path tmp;

    @Test
    void theEnginesReportsGoToTheOutboxOnceAndReconcile() throws Exception
    {
        final LocalDate date = LocalDate.of(2025, 6, 10);
        SyntheticBundle.write(SyntheticRegistry.generate(21, SyntheticRegistry.Size.SMALL), 21, date,
            SettlementRun.SF, false, tmp.resolve("day"));
        final DayBundle bundle = DayBundle.load(tmp.resolve("day"));
        final MarketRegistry registry = bundle.registry();
        final Path journal = tmp.resolve("journal");
        try (Engine engine = Engine.launch(new EngineContext().registry(registry).journalDir(journal)
            .indicative(false)))
        {
            BundleEvents.settle(bundle, engine, 60, TimeUnit.SECONDS);
        }
        final Path outbox = tmp.resolve("outbox");
        assertNull(OutboundFiles.write(journal, registry, date, SettlementRun.R1, outbox, 1), "no R1 run");
        final OutboundFiles.Written first = OutboundFiles.write(journal, registry, date, SettlementRun.SF, outbox, 9);
        assertNotNull(first);
        assertEquals(1, first.runSequence());
        assertTrue(first.files().size() >= 4, first.files()::toString);
        final Path s0142 = first.files().get(first.files().size() - 1);
        assertEquals("GB20250610SF01", s0142.getFileName().toString());
        assertTrue(first.files().stream().anyMatch(p -> p.getFileName().toString().startsWith("20250610_SF_1_")));
        final byte[] bytes = Files.readAllBytes(s0142);

        // A second call (a retry) leaves the bytes as they were, even with another sequence number.
        final OutboundFiles.Written again = OutboundFiles.write(journal, registry, date, SettlementRun.SF, outbox, 10);
        assertEquals(first.files(), again.files());
        assertArrayEquals(bytes, Files.readAllBytes(s0142));
        try (var listing = Files.list(outbox))
        {
            assertEquals(first.files().size(), listing.count(), "no staging folder left behind");
        }

        final InboundFlows flows = new InboundFlows(registry);
        final InboundFile file = flows.verify(s0142.getFileName().toString(), new UnsafeBuffer(bytes), 0,
            bytes.length);
        assertTrue(file.accepted(), file::reason);
        assertEquals("IDD|SA|UKDC|S0142013|9", file.businessKey());
        final S0142Report report = S0142Report.read(file, new UnsafeBuffer(bytes), 0, bytes.length, flows);
        final SettlementFigures engine = SettlementFigures.fromJournal(journal, registry, date.toEpochDay(),
            SettlementRun.SF);
        final Reconciliation.Summary summary = new Reconciliation(flows.catalogue()).reconcile(registry, date, engine,
            report.figures(), report.unknownSubjects(), tmp.resolve("rec"));
        assertTrue(summary.clean(), summary::toJson);
        assertTrue(summary.compared() > 1000);
    }
}
