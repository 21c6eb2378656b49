package io.gbsettle.core.mhhs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.gbsettle.core.kernel.aggregate.AggregationOptions;
import io.gbsettle.core.kernel.aggregate.AggregationResult;
import io.gbsettle.core.kernel.aggregate.ReadRejection;
import io.gbsettle.core.registry.GspGroup;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A generated day written straight into a store and as flat files; the files ingested into a second store; both
 * aggregated: the same supplier volumes to the bit, the planted bad reads rejected by ingest with their reasons,
 * accepted + rejected = read, the store's MPAN index and text round trips, and the generator's bytes independent of
 * its thread count.
 */
final class MeterStoreTest
{
    private static final MarketRegistry REGISTRY = SyntheticRegistry.generate(7, SyntheticRegistry.Size.MEDIUM);

    @TempDir
    Path tmp;

    @Test
    void filesIngestToTheSameVolumesAsTheGeneratedStore()
    {
        final LocalDate date = LocalDate.of(2025, 10, 26);
        final MeterDayGenerator.Summary generated = MeterDayGenerator.generate(REGISTRY, 11, date, 20_000,
            tmp.resolve("store-a"), tmp.resolve("files"), 2);
        assertEquals(50, generated.periods());
        assertTrue(generated.fileBytes() > 0);

        final MeterIngest.Summary ingested = MeterIngest.ingest(tmp.resolve("files"), tmp.resolve("store-b"), date,
            1000);
        assertEquals(List.of(), ingested.problems());
        assertEquals(generated.slots() + 0, ingested.slots());
        assertArrayEquals(generated.planted(), ingested.rejected());
        final long planted = ingested.rejectedTotal();
        assertEquals(generated.reads() + planted, ingested.readsRead());

        final Map<String, double[]> a = new HashMap<>();
        final Map<String, double[]> b = new HashMap<>();
        try (MeterStore storeA = MeterStore.open(tmp.resolve("store-a"), false);
            MeterStore storeB = MeterStore.open(tmp.resolve("store-b"), false))
        {
            final MeterAggregation runA = new MeterAggregation(storeA, 2, AggregationOptions.DEFAULTS);
            final MeterAggregation runB = new MeterAggregation(storeB, 1, AggregationOptions.DEFAULTS);
            collect(runA, a);
            collect(runB, b);
            for (final MeterAggregation run : List.of(runA, runB))
            {
                long rejected = 0;
                for (int r = 0; r < ReadRejection.COUNT; r++)
                {
                    rejected += run.rejected(r);
                }
                assertEquals(run.readsRead(), run.sums().acceptedTotal() + rejected, "accepted + rejected = read");
                assertTrue(run.rejected(ReadRejection.NO_LLF) > 0, "class 999 has unpublished periods");
                assertTrue(run.rejected(ReadRejection.NO_REGISTRATION) > 0);
            }
            assertEquals(storeA.slots(), storeB.slots());
            final long mpan = storeA.mpan(1234);
            assertEquals(1234, storeA.slotOf(mpan));
            assertEquals(-1, storeA.slotOf(mpan + 1_000_000_000_000L));
            final int slotB = storeB.slotOf(mpan);
            assertEquals(storeA.columns().presentMask(1234), storeB.columns().presentMask(slotB));
            assertEquals(storeA.columns().value(1234, 17), storeB.columns().value(slotB, 17));
            assertEquals(Distributors.checkDigit(mpan / 10), (int)(mpan % 10));

            final Path out = tmp.resolve("out");
            final long rows = MeterReports.write(runB, out);
            assertEquals((long)runB.result().pairs() * 50, rows);
            assertTrue(Files.exists(out.resolve(MeterReports.EXCEPTIONS_FILE)));
        }
        assertEquals(a.keySet(), b.keySet());
        for (final Map.Entry<String, double[]> e : a.entrySet())
        {
            assertArrayEquals(e.getValue(), b.get(e.getKey()), e.getKey());
        }
    }

    private static void collect(final MeterAggregation run, final Map<String, double[]> out)
    {
        final AggregationResult result = run.run();
        for (int pair = 0; pair < result.pairs(); pair++)
        {
            final double[] values = new double[result.periods() * 3];
            for (int p = 1; p <= result.periods(); p++)
            {
                values[3 * (p - 1)] = result.consumptionWh(pair, p);
                values[3 * (p - 1) + 1] = result.correctedMwh(pair, p);
                values[3 * (p - 1) + 2] = result.estimated(pair, p);
            }
            out.put(run.tables().suppliers().get(result.supplier(pair)) + GspGroup.id(result.gspGroup(pair)),
                values);
        }
        for (int g = 0; g < GspGroup.COUNT; g++)
        {
            for (int p = 1; p <= result.periods(); p++)
            {
                if (result.status(g, p) == AggregationResult.CORRECTED)
                {
                    assertEquals(-result.takeWh(g, p) / 1e6, result.groupCorrectedMwh(g, p),
                        1e-9 * Math.abs(result.takeWh(g, p) / 1e6));
                    assertTrue(result.ggcf(g, p) > 1.0 && result.ggcf(g, p) < 1.1, "GGCF " + result.ggcf(g, p));
                }
            }
        }
    }

    @Test
    void theGeneratorWritesTheSameBytesWhateverTheThreadCount() throws IOException
    {
        final LocalDate date = LocalDate.of(2026, 3, 29);
        MeterDayGenerator.generate(REGISTRY, 5, date, 3_000, tmp.resolve("one"), tmp.resolve("one-files"), 1);
        MeterDayGenerator.generate(REGISTRY, 5, date, 3_000, tmp.resolve("three"), tmp.resolve("three-files"), 3);
        for (final String dir : List.of("", "-files"))
        {
            try (Stream<Path> files = Files.list(tmp.resolve("one" + dir)))
            {
                for (final Path file : (Iterable<Path>)files::iterator)
                {
                    final Path other = tmp.resolve("three" + dir).resolve(file.getFileName());
                    if (!file.getFileName().toString().equals(MeterStore.META_FILE))
                    {
                        assertEquals(-1L, Files.mismatch(file, other), file.getFileName().toString());
                    }
                }
            }
        }
        try (MeterStore store = MeterStore.open(tmp.resolve("one"), false))
        {
            assertEquals(46, store.periods());
        }
    }

    @Test
    void textRoundTrips()
    {
        assertEquals("1.074", MeterText.scaled(1_074_000, 6));
        assertEquals("-0.005", MeterText.scaled(-5, 3));
        assertEquals("12", MeterText.scaled(12_000, 3));
        assertEquals(1_074_000, MeterText.parseScaled("1.074", 6));
        assertEquals(-5, MeterText.parseScaled("-0.005", 3));
        assertEquals(MeterText.INVALID, MeterText.parseScaled("0.0005", 3));
        assertEquals(MeterText.INVALID, MeterText.parseScaled("1.2x", 3));
        assertEquals(MeterText.INVALID, MeterText.parseScaled("", 3));
        assertEquals(9, Distributors.checkDigit(101_457_246_558L));
        assertEquals(7, Distributors.checkDigit(120_002_330_596L));
    }
}
