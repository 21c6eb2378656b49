package io.gbsettle.adapters.sftp.collect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.gbsettle.adapters.sftp.config.Counterparty;
import io.gbsettle.adapters.sftp.config.SftpContext;
import io.gbsettle.adapters.sftp.flow.InboundFlows;
import io.gbsettle.adapters.sftp.testing.SftpServerExtension;
import io.gbsettle.core.engine.Engine;
import io.gbsettle.core.engine.EngineContext;
import io.gbsettle.core.journal.PayloadEntry;
import io.gbsettle.core.journal.PayloadJournal;
import io.gbsettle.core.journal.PayloadReader;
import io.gbsettle.core.journal.PayloadState;
import io.gbsettle.core.kernel.aggregate.AggregationOptions;
import io.gbsettle.core.kernel.aggregate.AggregationResult;
import io.gbsettle.core.kernel.aggregate.ReadRejection;
import io.gbsettle.core.mhhs.MeterAggregation;
import io.gbsettle.core.mhhs.MeterDayGenerator;
import io.gbsettle.core.mhhs.MeterFlows;
import io.gbsettle.core.mhhs.MeterIngest;
import io.gbsettle.core.mhhs.MeterStore;
import io.gbsettle.core.registry.GspGroup;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;

/**
 * #6 feeding #8 end to end: {@link MeterDayGenerator} writes a small clock-change day (registrations, one D0265 per
 * distributor, one D0036 per supplier with the planted bad reads) → embedded SFTP server → {@link Collector} →
 * meter-data folder → {@link MeterIngest} gives the same store, rejections and aggregation as ingesting the
 * generator's folder directly. The bad reads are handed over ({@code FlowOptions.MeterDataProblems.HAND_OVER}), not
 * whole files rejected. The GSP Group Take ({@code gsp_take.csv}, a CSV stand-in for the CDCA's C0291) is not an
 * SFTP flow here and is copied beside the collected files.
 */
final class MeterDataEndToEndTest
{
    private static final LocalDate DATE = LocalDate.of(2025, 10, 26);

    @RegisterExtension
    final SftpServerExtension server = new SftpServerExtension();

    @TempDir
    Path tmp;

    @Test
    void aGeneratedDayCollectedOverSftpIngestsAsTheGeneratorsFolderDoes() throws Exception
    {
        final MarketRegistry registry = SyntheticRegistry.generate(7, SyntheticRegistry.Size.SMALL);
        final Path generated = tmp.resolve("generated");
        final MeterDayGenerator.Summary summary = MeterDayGenerator.generate(registry, 11, DATE, 4_000,
            tmp.resolve("store-generated"), generated, 1);
        final List<Path> flatFiles = new ArrayList<>();
        try (Stream<Path> files = Files.list(generated))
        {
            files.filter(f -> !f.getFileName().toString().equals(MeterFlows.TAKE_FILE)).sorted()
                .forEach(flatFiles::add);
        }
        for (final Path f : flatFiles)
        {
            server.put("outbox", f.getFileName().toString(), Files.readAllBytes(f));
        }

        final Counterparty cp = server.counterparty("hhdc", "outbox");
        final SftpContext context = SftpContext.of(List.of(cp), tmp.resolve("journal"), tmp.resolve("work"));
        final List<String> lines = new ArrayList<>();
        final CycleSummary cycle;
        final Map<String, String> journaledDetail = new TreeMap<>();
        try (Engine engine = Engine.launch(new EngineContext().registry(registry).journalDir(context.journal()));
            PayloadJournal payloads = PayloadJournal.open(context.payloads(), context.journalConfig());
            Poller poller = new Poller(context, payloads, engine, new InboundFlows(registry), lines::add))
        {
            poller.recover();
            final Poller.Pass pass = poller.pollOnce();
            assertEquals(List.of(), pass.failures());
            cycle = pass.cycles().get(0);
            try (PayloadReader reader = payloads.reader())
            {
                final PayloadEntry e = new PayloadEntry();
                while (reader.next(e))
                {
                    if (e.state() == PayloadState.JOURNALED)
                    {
                        journaledDetail.put(e.name(), e.detail());
                    }
                }
            }
        }
        assertEquals(flatFiles.size(), cycle.listed(), lines::toString);
        assertEquals(0, cycle.rejected(), () -> reasons(tmp.resolve("work")));
        assertEquals(flatFiles.size(), cycle.journaled(), lines::toString);
        assertEquals(0, cycle.rejected(), lines::toString);
        assertEquals(flatFiles.size(), cycle.acknowledged(), lines::toString);
        assertEquals(List.of(), server.list("outbox"));

        // The planted bad reads travelled as value problems named in the JOURNALED detail, not as rejections.
        final long handedOver = journaledDetail.values().stream()
            .filter(d -> d.contains("left to the meter-data ingest")).count();
        assertTrue(handedOver >= 1 + GspGroup.COUNT, journaledDetail::toString);
        assertTrue(journaledDetail.values().stream().anyMatch(d -> d.contains("'12.3x' is not a decimal number")),
            journaledDetail::toString);

        final Path collected = context.meterData();
        Files.copy(generated.resolve(MeterFlows.TAKE_FILE), collected.resolve(MeterFlows.TAKE_FILE));
        final MeterIngest.Summary direct = MeterIngest.ingest(generated, tmp.resolve("store-direct"), DATE, 1000);
        final MeterIngest.Summary viaSftp = MeterIngest.ingest(collected, tmp.resolve("store-sftp"), DATE, 1000);
        assertEquals(List.of(), direct.problems());
        assertEquals(List.of(), viaSftp.problems());
        assertEquals(direct.files(), viaSftp.files());
        assertEquals(direct.slots(), viaSftp.slots());
        assertEquals(direct.keys(), viaSftp.keys());
        assertEquals(direct.readsRead(), viaSftp.readsRead());
        assertArrayEquals(summary.planted(), viaSftp.rejected());
        assertArrayEquals(direct.rejected(), viaSftp.rejected());
        assertTrue(viaSftp.rejected()[ReadRejection.MALFORMED] > 0);
        assertEquals(Files.readString(tmp.resolve("store-direct").resolve(MeterIngest.REJECTIONS_FILE))
            .replaceAll("d0036_([A-Z]+)\\.usr", "$1"), Files.readString(tmp.resolve("store-sftp")
            .resolve(MeterIngest.REJECTIONS_FILE)).replaceAll("d0036_d0036_([A-Z]+)_usr\\.usr", "$1"));

        assertEquals(aggregate(tmp.resolve("store-direct")), aggregate(tmp.resolve("store-sftp")));
    }

    private static String reasons(final Path errors)
    {
        final StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.walk(errors))
        {
            for (final Path f : files.filter(f -> f.toString().endsWith(".reason")).toList())
            {
                b.append(Files.readString(f)).append('\n');
            }
        }
        catch (final java.io.IOException ex)
        {
            b.append(ex);
        }
        return b.toString();
    }

    /** The aggregation of a store as text: per supplier and GSP Group, per period, the volumes; then the GGCFs. */
    private static String aggregate(final Path storeDir)
    {
        final StringBuilder out = new StringBuilder();
        try (MeterStore store = MeterStore.open(storeDir, false))
        {
            final MeterAggregation run = new MeterAggregation(store, 1, AggregationOptions.DEFAULTS);
            final AggregationResult result = run.run();
            final Map<String, String> pairs = new TreeMap<>();
            for (int pair = 0; pair < result.pairs(); pair++)
            {
                final StringBuilder values = new StringBuilder();
                for (int p = 1; p <= result.periods(); p++)
                {
                    values.append(result.consumptionWh(pair, p)).append(',').append(result.correctedMwh(pair, p))
                        .append(',').append(result.estimated(pair, p)).append(';');
                }
                pairs.put(run.tables().suppliers().get(result.supplier(pair)) + GspGroup.id(result.gspGroup(pair)),
                    values.toString());
            }
            out.append(pairs).append('\n');
            for (int g = 0; g < GspGroup.COUNT; g++)
            {
                for (int p = 1; p <= result.periods(); p++)
                {
                    out.append(result.status(g, p)).append(':').append(result.ggcf(g, p)).append(' ');
                }
            }
            for (int r = 0; r < ReadRejection.COUNT; r++)
            {
                out.append('\n').append(ReadRejection.name(r)).append('=').append(run.rejected(r));
            }
        }
        return out.toString();
    }
}
