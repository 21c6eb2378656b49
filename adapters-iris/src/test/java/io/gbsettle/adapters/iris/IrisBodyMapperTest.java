package io.gbsettle.adapters.iris;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;

import org.agrona.DirectBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.gbsettle.core.event.EventType;
import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.SyntheticBundle;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.testing.AllocationAssert;
import io.gbsettle.core.time.SettlementRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The IRIS mapping path allocates nothing once warm: national-size message bodies (a generated national day, about
 * 2,700 BM Units; period 20's BOD, PN and BOALF messages) scanned and mapped to records by {@link IrisBodyMapper},
 * with a sink that counts the records and folds their bytes (no engine, no journal).
 */
final class IrisBodyMapperTest
{
    private static MarketRegistry registry;
    private static byte[] bod;
    private static byte[] pn;
    private static byte[] boalf;

    @BeforeAll
    static void nationalDay(@TempDir final Path dir) throws IOException
    {
        registry = SyntheticRegistry.generate(42, SyntheticRegistry.Size.NATIONAL);
        SyntheticBundle.write(registry, 42, LocalDate.of(2025, 6, 10), SettlementRun.SF, false, dir);
        for (final IrisDayMessages.Message m : IrisDayMessages.of(DayBundle.load(dir)))
        {
            if (m.messageId().endsWith("_20.json"))
            {
                switch (m.dataset())
                {
                    case "BOD" -> bod = m.body();
                    case "PN" -> pn = m.body();
                    case "BOALF" -> boalf = m.body();
                    default ->
                    {
                    }
                }
            }
        }
    }

    @Test
    void mappingWarmNationalBodiesAllocatesNothing()
    {
        final IrisBodyMapper mapper = new IrisBodyMapper(registry, 1);
        final CountingSink sink = new CountingSink();
        final byte[] doubleEncoded = jsonString(pn);

        final Runnable mapBod = () -> sink.take(mapper, mapper.map("BOD", "BOD_1.json", bod, 0, bod.length));
        final Runnable mapPn = () -> sink.take(mapper, mapper.map("PN", "PN_1.json", pn, 0, pn.length));
        final Runnable mapDoubleEncoded = () -> sink.take(mapper,
            mapper.map("PN", "PN_2.json", doubleEncoded, 0, doubleEncoded.length));
        final Runnable mapNoSubject = () -> sink.take(mapper, mapper.map("", "BOALF_1.json", boalf, 0, boalf.length));

        assertMapsEveryRow(mapper, sink, mapBod, EventType.BOD_BAND, 2_000);
        assertMapsEveryRow(mapper, sink, mapPn, EventType.PN_POINT, 500);
        assertMapsEveryRow(mapper, sink, mapDoubleEncoded, EventType.PN_POINT, 500);
        assertMapsEveryRow(mapper, sink, mapNoSubject, EventType.ACCEPTANCE_SEGMENT, 5);

        AllocationAssert.assertZeroAllocation("map a national BOD body (" + bod.length + " bytes)", mapBod, 300, 20);
        AllocationAssert.assertZeroAllocation("map a national PN body (" + pn.length + " bytes)", mapPn, 500, 50);
        AllocationAssert.assertZeroAllocation("map a double-encoded PN body", mapDoubleEncoded, 500, 50);
        AllocationAssert.assertZeroAllocation("map a BOALF body without subject", mapNoSubject, 5_000, 500);
    }

    private static void assertMapsEveryRow(final IrisBodyMapper mapper, final CountingSink sink, final Runnable map,
        final int type, final int atLeast)
    {
        final long before = sink.records;
        map.run();
        assertTrue(mapper.problems().isEmpty(), mapper.problems()::toString);
        assertTrue(mapper.skipped().isEmpty(), mapper.skipped()::toString);
        assertEquals(type, sink.lastType);
        assertEquals(mapper.rows(), mapper.recordCount(), "one record per row");
        assertTrue(mapper.recordCount() >= atLeast, mapper.recordCount() + " rows");
        assertEquals(mapper.recordCount(), sink.records - before);
    }

    /**
     * A JSON string literal holding the text (a double-encoded body).
     */
    private static byte[] jsonString(final byte[] json)
    {
        final String text = new String(json, StandardCharsets.UTF_8);
        return ("\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Counts the records of each body and folds their bytes, so that nothing is optimised away.
     */
    private static final class CountingSink
    {
        long records;
        long fold;
        int lastType;

        void take(final IrisBodyMapper mapper, final int type)
        {
            lastType = type;
            final DirectBuffer buffer = mapper.records();
            for (int i = 0; i < mapper.recordCount(); i++)
            {
                fold = fold * 31 + buffer.getLong(i * InputEvent.LENGTH + 64);
                records++;
            }
        }
    }
}
