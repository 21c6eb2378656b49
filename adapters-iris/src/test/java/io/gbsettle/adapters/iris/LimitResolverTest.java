package io.gbsettle.adapters.iris;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.gbsettle.adapters.iris.LimitResolver.Segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * MEL/MIL resolution (iris-insights.md §2.4): sequence then notification time wins, later records truncate earlier
 * ones by time, levels are copied, equal flat neighbours merge; independent of arrival order.
 */
final class LimitResolverTest
{
    @Test
    void aHigherSequenceOverwritesItsSpanAndTruncatesTheRest()
    {
        final Segment base = new Segment(0, 3600, 100, 100, 10, 50);
        final Segment redeclared = new Segment(1200, 2400, 60, 80, 11, 40);
        final List<Segment> resolved = LimitResolver.resolve(List.of(redeclared, base),
            IrisOptions.LimitResolution.SEQUENCE_THEN_TIME);
        assertEquals(List.of(new Segment(0, 1200, 100, 100, 10, 50), redeclared,
            new Segment(2400, 3600, 100, 100, 10, 50)), resolved);
        // Arrival order instead: the base, arriving last, wins everywhere.
        assertEquals(List.of(base), LimitResolver.resolve(List.of(redeclared, base),
            IrisOptions.LimitResolution.LATEST_ARRIVAL));
    }

    @Test
    void anEqualSequenceResolvesByNotificationTimeAndFlatNeighboursMerge()
    {
        final Segment early = new Segment(0, 1800, 50, 50, 7, 100);
        final Segment late = new Segment(900, 1800, 50, 50, 7, 200);
        final Segment other = new Segment(0, 900, 40, 40, 7, 150);
        final List<Segment> resolved = LimitResolver.resolve(List.of(late, other, early),
            IrisOptions.LimitResolution.SEQUENCE_THEN_TIME);
        assertEquals(List.of(other, late), resolved);
        assertNotEquals(resolved, LimitResolver.resolve(List.of(late, other, early),
            IrisOptions.LimitResolution.LATEST_ARRIVAL));
        assertEquals(List.of(new Segment(0, 1800, 50, 50, 7, 200)), LimitResolver.resolve(List.of(late, early),
            IrisOptions.LimitResolution.SEQUENCE_THEN_TIME));
    }

    @Test
    void theResultDoesNotDependOnArrivalOrder()
    {
        final Random random = new Random(5);
        for (int trial = 0; trial < 200; trial++)
        {
            final List<Segment> records = new ArrayList<>();
            for (int i = 0; i < 8; i++)
            {
                final long from = random.nextInt(48) * 300L;
                records.add(new Segment(from, from + (1 + random.nextInt(6)) * 300L, random.nextInt(3) * 10,
                    random.nextInt(3) * 10, 100 + i, 1000 + random.nextInt(50)));
            }
            final List<Segment> expected = LimitResolver.resolve(records,
                IrisOptions.LimitResolution.SEQUENCE_THEN_TIME);
            Collections.shuffle(records, random);
            assertEquals(expected, LimitResolver.resolve(records, IrisOptions.LimitResolution.SEQUENCE_THEN_TIME));
        }
    }
}
