package io.gbsettle.core.kernel.aggregate;

import java.util.Map;

import io.gbsettle.core.kernel.aggregate.ReferenceAggregation.Pair;
import io.gbsettle.core.kernel.aggregate.ReferenceAggregation.Row;
import io.gbsettle.core.registry.GspGroup;
import org.junit.jupiter.api.Test;

import static io.gbsettle.core.testing.PropertyChecks.check;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Random small days ({@link RandomMeterDay}) held to the naive reference ({@link ReferenceAggregation}): exact Wh,
 * reads and estimates, uplift and corrected MWh within a relative 1e-9; rejections by reason exact; accepted +
 * rejected = read; corrected group totals meet the take; the same bits and the same listed rejected slots whatever
 * the thread count (tiny chunks spread each small day over the threads).
 */
final class AggregationProperties
{
    private static final double TOLERANCE = 1e-9;

    @Test
    void kernelMatchesTheReference()
    {
        check(300).forAll(longs().all()).checkAssert(seed ->
        {
            final RandomMeterDay day = new RandomMeterDay(seed);
            final ReferenceAggregation ref = new ReferenceAggregation(day);
            final AggregateAccumulator acc = new AggregateAccumulator(day.keys.count(), day.periods, 1000);
            final long[] mask = day.keyMask();
            final int cut = day.slots / 3;
            AggregationKernel.accumulate(day.columns, mask, 0, cut, acc);
            AggregationKernel.accumulate(day.columns, mask, cut, day.slots, acc);
            final AggregationResult result =
                GroupCorrection.correct(day.keys, acc, day.lossFactors, day.takes, day.options);

            assertArrayEquals(ref.rejected, rejected(result), day + ": rejections");
            assertEquals(ref.accepted, result.accepted(), day + ": accepted");
            assertEquals(ref.rows.size(), (long)result.pairs() * day.periods, day + ": rows");
            for (int pair = 0; pair < result.pairs(); pair++)
            {
                for (int p = 1; p <= day.periods; p++)
                {
                    final Row row = ref.rows.get(new Pair(result.supplier(pair), result.gspGroup(pair), p));
                    final String where = day + " pair " + pair + " period " + p;
                    assertEquals(row.consumptionWh, result.consumptionWh(pair, p), where);
                    close(row.upliftedWh, result.upliftedMicroWh(pair, p) / 1e6, 1e-6, where + " uplift");
                    assertEquals(row.reads, result.reads(pair, p), where);
                    assertEquals(row.estimated, result.estimated(pair, p), where);
                    close(row.correctedMwh, result.correctedMwh(pair, p), 1e-12, where + " corrected");
                }
            }
            for (int g = 0; g < GspGroup.COUNT; g++)
            {
                for (int p = 1; p <= day.periods; p++)
                {
                    close(ref.ggcf.get(g * 100 + p), result.ggcf(g, p), 1e-12, day + " ggcf " + g + "/" + p);
                }
            }
        });
    }

    @Test
    void acceptedPlusRejectedIsRead()
    {
        check(300).forAll(longs().all()).checkAssert(seed ->
        {
            final RandomMeterDay day = new RandomMeterDay(seed);
            final AggregateAccumulator acc =
                new ParallelAggregator(2, day.keys.count(), day.periods, 10, 7).run(day.columns, day.keyMask());
            assertEquals(day.reads.size(), acc.acceptedTotal() + acc.rejectedTotal(), day.toString());
        });
    }

    @Test
    void correctedGroupTotalsMeetTheTake()
    {
        check(300).forAll(longs().all()).checkAssert(seed ->
        {
            final RandomMeterDay day = new RandomMeterDay(seed);
            final AggregateAccumulator acc =
                new ParallelAggregator(3, day.keys.count(), day.periods, 10, 5).run(day.columns, day.keyMask());
            final AggregationResult result =
                GroupCorrection.correct(day.keys, acc, day.lossFactors, day.takes, day.options);
            for (int g = 0; g < GspGroup.COUNT; g++)
            {
                for (int p = 1; p <= day.periods; p++)
                {
                    final int status = result.status(g, p);
                    if (status == AggregationResult.CORRECTED || status == AggregationResult.SCALED_ALL)
                    {
                        final double take = result.takeWh(g, p) / 1e6;
                        final double scale = Math.abs(take) + result.groupUpliftedMicroWh(g, p) / 1e12;
                        close(-take, result.groupCorrectedMwh(g, p), 1e-12 * (1 + scale), day + " group " + g);
                    }
                }
            }
        });
    }

    @Test
    void sameBitsWhateverTheThreadCount()
    {
        check(100).forAll(longs().all()).checkAssert(seed ->
        {
            final RandomMeterDay day = new RandomMeterDay(seed);
            final long[] mask = day.keyMask();
            final AggregateAccumulator oneSums =
                new ParallelAggregator(1, day.keys.count(), day.periods, 5).run(day.columns, mask);
            final AggregationResult one = GroupCorrection.correct(day.keys, oneSums, day.lossFactors, day.takes,
                day.options);
            final ParallelAggregator three = new ParallelAggregator(3, day.keys.count(), day.periods, 5, 3);
            final AggregateAccumulator sums = three.run(day.columns, mask);
            assertEquals(oneSums.rejectedSlotCount(), sums.rejectedSlotCount());
            for (int i = 0; i < sums.rejectedSlotCount(); i++)
            {
                assertEquals(oneSums.rejectedSlot(i), sums.rejectedSlot(i), "the first rejected slots listed");
            }
            final AggregationResult many = GroupCorrection.correct(day.keys, sums, day.lossFactors, day.takes,
                day.options);
            for (int pair = 0; pair < one.pairs(); pair++)
            {
                for (int p = 1; p <= day.periods; p++)
                {
                    assertEquals(Double.doubleToRawLongBits(one.correctedMwh(pair, p)),
                        Double.doubleToRawLongBits(many.correctedMwh(pair, p)), day.toString());
                }
            }
            assertEquals(day.slots, three.slotsDone());
        });
    }

    @Test
    void rejectedSlotsAreListedAndDescribed()
    {
        check(200).forAll(longs().all()).checkAssert(seed ->
        {
            final RandomMeterDay day = new RandomMeterDay(seed);
            final long[] mask = day.keyMask();
            final AggregateAccumulator acc =
                new ParallelAggregator(2, day.keys.count(), day.periods, 1000, 4).run(day.columns, mask);
            final long[] described = new long[ReadRejection.COUNT];
            int previous = -1;
            for (int i = 0; i < acc.rejectedSlotCount(); i++)
            {
                final int slot = acc.rejectedSlot(i);
                assertTrue(slot > previous, "slots in order");
                previous = slot;
                AggregationKernel.describeRejections(day.columns, mask, slot,
                    (s, period, reason, wh) -> described[reason]++);
            }
            assertEquals(acc.rejectedSlotsTotal(), acc.rejectedSlotCount());
            for (int r = 0; r < ReadRejection.COUNT; r++)
            {
                assertEquals(acc.rejected(r), described[r], ReadRejection.name(r));
            }
        });
    }

    private static long[] rejected(final AggregationResult result)
    {
        final long[] out = new long[ReadRejection.COUNT];
        for (int r = 0; r < ReadRejection.COUNT; r++)
        {
            out[r] = result.rejected(r);
        }
        return out;
    }

    private static void close(final double expected, final double actual, final double floor, final String what)
    {
        final double diff = Math.abs(expected - actual);
        if (diff > floor && diff > TOLERANCE * Math.max(Math.abs(expected), Math.abs(actual)))
        {
            fail(what + ": expected " + expected + " but was " + actual);
        }
    }

}
