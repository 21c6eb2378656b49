package io.gbsettle.core.engine;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.event.EventType;
import io.gbsettle.core.event.ResultType;
import io.gbsettle.core.registry.BmUnitDay;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.time.EpochDays;
import io.gbsettle.core.time.SettlementCalendar;
import io.gbsettle.core.time.SettlementRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Before a run settles a day it reports what failed to arrive, and every figure computed on a gap carries it: a
 * metered volume missing for a (BM Unit, period), a period without PN, without MID, without NETBSAD or LoLP.
 */
final class EngineCompletenessTest
{
    @Test
    void whatFailedToArriveIsReportedAndLabelled() throws Exception
    {
        final MarketRegistry registry = SyntheticRegistry.generate(11, SyntheticRegistry.Size.SMALL);
        final long day = EpochDays.of(2025, 6, 10);
        final BmUnitDay view = registry.newDayView();
        registry.fillDay(day, view);
        final long start = new SettlementCalendar(java.time.LocalDate.ofEpochDay(day),
            java.time.LocalDate.ofEpochDay(day)).periodStartEpochSecond(day, 1);
        final int unit = firstActive(view);

        final Set<String> missing = new HashSet<>();
        final Set<String> labelled = new HashSet<>();
        try (Engine engine = Engine.launch(new EngineContext().registry(registry).listener(record ->
        {
            if (record.type() == ResultType.MISSING_INPUT)
            {
                missing.add(record.period() + "/" + record.subject() + "/" + (int)record.value(0));
            }
            if (record.type() == ResultType.BM_UNIT_PERIOD && (record.quality() & ResultType.MISSING_METERED) != 0)
            {
                labelled.add("bmu " + record.period() + "/" + record.subject());
            }
            if (record.type() == ResultType.PERIOD)
            {
                labelled.add("period " + record.period() + " " + record.quality());
            }
        })))
        {
            long key = 0;
            // PN for the first two periods only; metered volumes for every active unit except `unit` in period 3;
            // MID, NETBSAD and LoLP for period 1 only.
            engine.submitPn(EventSource.SYNTHETIC, key++, day, unit, start, 10, start + 3600, 10);
            for (int p = 1; p <= 48; p++)
            {
                for (int i = 0; i < registry.bmUnitCount(); i++)
                {
                    if (view.active(i) && !(i == unit && p == 3))
                    {
                        engine.submitMetered(EventSource.SYNTHETIC, key++, day, p, i, 1.0);
                    }
                }
            }
            engine.submitPeriodValue(EventType.MARKET_INDEX, EventSource.SYNTHETIC, key++, day, 1, 1, 50, 100, 0);
            engine.submitPeriodValue(EventType.NETBSAD, EventSource.SYNTHETIC, key++, day, 1, 0, 0, 0, 0);
            engine.submitPeriodValue(EventType.LOLP, EventSource.SYNTHETIC, key++, day, 1, 0, 0.001, 0, 0);
            final long run = engine.triggerRun(EventSource.OPERATOR, 1, day, SettlementRun.SF);
            engine.awaitProcessed(run, 30, TimeUnit.SECONDS);
        }

        assertTrue(missing.contains("3/" + unit + "/" + ResultType.MISSING_METERED), missing::toString);
        assertEquals(1, missing.stream().filter(m -> m.endsWith("/" + ResultType.MISSING_METERED)).count(),
            "only that metered volume is missing");
        assertTrue(labelled.contains("bmu 3/" + unit), "its row is labelled");
        assertTrue(!missing.contains("1/-1/" + ResultType.MISSING_BALANCING) &&
            !missing.contains("2/-1/" + ResultType.MISSING_BALANCING), "PN covers periods 1 and 2");
        for (int p = 3; p <= 48; p++)
        {
            assertTrue(missing.contains(p + "/-1/" + ResultType.MISSING_BALANCING), "no PN in period " + p);
        }
        for (int p = 2; p <= 48; p++)
        {
            assertTrue(missing.contains(p + "/-1/" + ResultType.MISSING_MARKET_INDEX), "no MID in period " + p);
            assertTrue(missing.contains(p + "/-1/" + ResultType.MISSING_NETBSAD));
            assertTrue(missing.contains(p + "/-1/" + ResultType.MISSING_LOLP));
        }
        assertTrue(labelled.contains("period 1 0"), "period 1 had everything: " + labelled);
        assertTrue(labelled.contains("period 5 " + (ResultType.MISSING_BALANCING | ResultType.MISSING_MARKET_INDEX |
            ResultType.MISSING_NETBSAD | ResultType.MISSING_LOLP)), labelled::toString);
    }

    private static int firstActive(final BmUnitDay view)
    {
        for (int i = 0; i < view.bmUnitCount(); i++)
        {
            if (view.active(i))
            {
                return i;
            }
        }
        throw new IllegalStateException("no active BM Unit");
    }
}
