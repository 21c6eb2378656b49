package io.gbsettle.core.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.event.EventType;
import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.MeteredVolumes;
import io.gbsettle.core.registry.BmUnitDay;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.time.EpochDays;
import io.gbsettle.core.time.SettlementRun;

import static io.gbsettle.core.testing.PropertyChecks.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The day store against a naive model (a set of seen records and an insertion-ordered map from business key to the
 * latest record): for any stream of records with repeats, corrections and late redeliveries of older versions, the
 * rows, their order within a period, the count of changes and the digest agree.
 */
final class DayInputsProperties
{
    private static final MarketRegistry REGISTRY = SyntheticRegistry.generate(5, SyntheticRegistry.Size.SMALL);
    private static final long DAY = EpochDays.of(2025, 6, 10);

    @Test
    void dedupAndReplacementFollowTheNaiveModel()
    {
        final BmUnitDay view = REGISTRY.newDayView();
        REGISTRY.fillDay(DAY, view);
        final List<Integer> active = new ArrayList<>();
        for (int i = 0; i < view.bmUnitCount(); i++)
        {
            if (view.active(i))
            {
                active.add(i);
            }
        }
        check(300).forAll(longs().all()).checkAssert((final Long seed) -> compare(seed, active));
    }

    private static void compare(final long seed, final List<Integer> active)
    {
        final Random random = new Random(seed);
        final int messages = 1 + random.nextInt(40);
        final UnsafeBuffer[] pool = new UnsafeBuffer[messages];
        for (int m = 0; m < messages; m++)
        {
            pool[m] = new UnsafeBuffer(new byte[InputEvent.LENGTH]);
            new InputEvent().wrap(pool[m], 0).reset(EventType.METERED_VOLUME, DAY, 1 + random.nextInt(3),
                EventSource.SYNTHETIC, random.nextInt(5)).subject(active.get(random.nextInt(Math.min(4,
                active.size())))).values(random.nextInt(4), 0, 0, 0);
        }

        final DayInputs store = new DayInputs(DAY, 4);
        final Set<Long> seen = new HashSet<>();
        final Map<Long, InputEvent> latest = new LinkedHashMap<>();
        long modelChanges = 0;
        long storeChanges = 0;
        final InputEvent event = new InputEvent();
        for (int n = random.nextInt(120), i = 0; i < n; i++)
        {
            event.wrap(pool[random.nextInt(messages)], 0).position(i);
            final long key = event.idempotencyKey();
            if (seen.add(key))
            {
                modelChanges++;
                final InputEvent copy = new InputEvent().wrap(new UnsafeBuffer(new byte[InputEvent.LENGTH]), 0)
                    .copyFrom(event.buffer(), 0);
                latest.put(EventType.businessKey(event), copy);
            }
            storeChanges += store.accept(event, key) ? 1 : 0;
        }
        assertEquals(modelChanges, storeChanges, "records that changed something");
        assertEquals(latest.size(), store.rowCount(), "rows");
        long digest = 0;
        for (final InputEvent e : latest.values())
        {
            digest += io.gbsettle.core.event.Hashing64.mix(e.idempotencyKey());
        }
        assertEquals(digest, store.digest(), "digest of the current rows");

        final DayBundle bundle = store.toBundle(REGISTRY, SettlementRun.SF);
        final MeteredVolumes metered = bundle.meteredVolumes();
        final List<String> expected = new ArrayList<>();
        for (int period = 1; period <= 3; period++)
        {
            for (final InputEvent e : latest.values())
            {
                if (e.period() == period)
                {
                    expected.add(period + ":" + e.subject() + "=" + e.value(0));
                }
            }
        }
        final List<String> actual = new ArrayList<>();
        for (int r = 0; r < metered.count(); r++)
        {
            actual.add(metered.period(r) + ":" + metered.bmUnit(r) + "=" + metered.qm(r));
        }
        assertEquals(expected, actual, "rows and their order within each period");
    }
}
