package io.gbsettle.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.gbsettle.core.event.ResultRecord;
import io.gbsettle.core.event.ResultType;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.NationalBundle;
import io.gbsettle.core.settle.DaySettlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A generated national day submitted record by record through the ring settles to exactly (bit for bit) what the
 * batch settlement of the same bundle gives.
 */
final class EngineSettlementTest
{
    @Test
    void nationalDayThroughTheRingEqualsBatchSettlement() throws Exception
    {
        final DayBundle bundle = NationalBundle.load();
        final CapturingReport batch = new CapturingReport();
        new DaySettlement(bundle).settle(batch);

        final CapturingReport viaEngine = new CapturingReport();
        final List<String> runMarkers = new ArrayList<>();
        final double[] indicative = new double[bundle.periodCount() + 1];
        try (Engine engine = Engine.launch(new EngineContext().registry(bundle.registry()).rowsPerDay(1 << 20)
            .listener(record -> collect(record, viaEngine, runMarkers, indicative))))
        {
            BundleEvents.settle(bundle, engine, 60, TimeUnit.SECONDS);
            final long[] counters = engine.counters();
            assertEquals(0, counters[2], "nothing rejected");
            assertEquals(1, counters[3], "one run");
            assertEquals(0, counters[4], "every balancing record reached the indicative prices");
        }
        for (int period = 1; period <= bundle.periodCount(); period++)
        {
            assertTrue(Double.isFinite(indicative[period]), "an indicative price for period " + period);
        }

        assertEquals(batch.rows.size(), viaEngine.rows.size());
        for (int i = 0; i < batch.rows.size(); i++)
        {
            assertEquals(batch.rows.get(i), viaEngine.rows.get(i), "row " + i);
        }
        assertEquals(1, viaEngine.ends);
        assertEquals(List.of("RUN_START SF#1", "RUN_END SF#1"), runMarkers);
    }

    private static void collect(final ResultRecord record, final CapturingReport report, final List<String> markers,
        final double[] indicative)
    {
        if (record.run() == ResultRecord.INDICATIVE)
        {
            if (record.type() == ResultType.INDICATIVE_PRICE)
            {
                assertTrue((record.quality() & ResultType.ESTIMATED_TLM) != 0);
                indicative[record.period()] = record.value(0);
            }
            return;
        }
        RunResults.toReport(record, report);
        if (record.type() == ResultType.RUN_START || record.type() == ResultType.RUN_END)
        {
            markers.add(ResultType.name(record.type()) + " " + ResultType.runName(record.run()) + "#" +
                record.runSequence());
            assertTrue(record.inputTo() >= record.inputFrom());
        }
    }
}
