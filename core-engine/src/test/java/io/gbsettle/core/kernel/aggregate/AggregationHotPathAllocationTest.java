package io.gbsettle.core.kernel.aggregate;

import io.gbsettle.core.testing.AllocationAssert;
import org.junit.jupiter.api.Test;

/**
 * The single-thread range kernel allocates nothing once warm: fast path, partial slots, no registration, missing
 * LLFs and negative reads, with the rejected-slot list full.
 */
final class AggregationHotPathAllocationTest
{
    @Test
    void accumulateAllocatesNothing()
    {
        final RandomMeterDay day = new RandomMeterDay(42);
        final long[] mask = day.keyMask();
        final AggregateAccumulator acc = new AggregateAccumulator(day.keys.count(), day.periods, 4);
        final MeterColumns columns = day.columns;
        final int slots = day.slots;
        AllocationAssert.assertZeroAllocation("AggregationKernel.accumulate",
            () -> AggregationKernel.accumulate(columns, mask, 0, slots, acc), 3_000, 1_000);
    }
}
