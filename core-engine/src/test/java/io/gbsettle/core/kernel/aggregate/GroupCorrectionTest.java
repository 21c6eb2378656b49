package io.gbsettle.core.kernel.aggregate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A worked example by hand: one GSP Group, one period, two correctable suppliers and one non-correctable
 * registration, one export, a take.
 */
final class GroupCorrectionTest
{
    private static final int A = 0;
    private static final int B = 1;

    @Test
    void workedExample()
    {
        // Supplier A: import 1000 Wh at LLF 1.05 (correctable) and export 100 Wh at LLF 1.0 -> uplifted 1050 - 100.
        // Supplier B: import 2000 Wh at LLF 1.10 (correctable) and 500 Wh at LLF 1.0 (non-correctable).
        // Take 4000 Wh. C = 1050 + 2200 = 3250; U = 950 + 2700 = 3650; N = 400.
        // GGCF = (4000 - 400) / 3250 = 1.107692307692...
        // A corrected = 1.1076923 x 1050 - 100 = 1063.076923 Wh; B = 1.1076923 x 2200 + 500 = 2936.923077 Wh.
        final int periods = 1;
        final AggregationKeys keys = new AggregationKeys();
        final MeterColumns columns = MeterColumns.onHeap(4, periods, 4);
        final LossFactors llf = new LossFactors(3, periods);
        llf.set(0, 1, LossFactors.millionths(1.05));
        llf.set(1, 1, LossFactors.millionths(1.10));
        llf.set(2, 1, LossFactors.millionths(1.0));
        columns.putKey(0, keys.key(A, 0, 0, false, true));
        columns.putKey(1, keys.key(A, 0, 2, true, true));
        columns.putKey(2, keys.key(B, 0, 1, false, true));
        columns.putKey(3, keys.key(B, 0, 2, false, false));
        columns.putRead(0, 1, 1000, false);
        columns.putRead(1, 1, 100, true);
        columns.putRead(2, 1, 2000, false);
        columns.putRead(3, 1, 500, false);
        final GroupTakes takes = new GroupTakes(periods);
        takes.set(0, 1, 4000);

        final AggregateAccumulator acc = new AggregateAccumulator(keys.count(), periods, 8);
        AggregationKernel.accumulate(columns, AggregationKernel.keyMasks(keys, llf, new long[keys.count()]), 0, 4,
            acc);
        final AggregationResult result = GroupCorrection.correct(keys, acc, llf, takes, AggregationOptions.DEFAULTS);

        assertEquals(2, result.pairs());
        assertEquals(3600.0 / 3250.0, result.ggcf(0, 1), 1e-15);
        assertEquals(AggregationResult.CORRECTED, result.status(0, 1));
        assertEquals(900, result.consumptionWh(0, 1));
        assertEquals(950_000_000L, result.upliftedMicroWh(0, 1));
        assertEquals(-1063.0769230769231e-6, result.correctedMwh(0, 1), 1e-15);
        assertEquals(-2936.9230769230769e-6, result.correctedMwh(1, 1), 1e-15);
        assertEquals(-0.004, result.groupCorrectedMwh(0, 1), 1e-15);
        assertEquals(0.5, result.estimatedShare(0, 1));
        assertEquals(4, result.accepted());
    }

    @Test
    void noCorrectableVolumeLeavesTheGroupUncorrectedOrScalesAll()
    {
        final AggregationKeys keys = new AggregationKeys();
        final MeterColumns columns = MeterColumns.onHeap(1, 48, 4);
        final LossFactors llf = new LossFactors(1, 48);
        final GroupTakes takes = new GroupTakes(48);
        columns.putKey(0, keys.key(0, 5, 0, false, false));
        for (int p = 1; p <= 48; p++)
        {
            llf.set(0, p, LossFactors.SCALE);
            columns.putRead(0, p, 1000, false);
            takes.set(5, p, 2000);
        }
        final AggregateAccumulator acc = new AggregateAccumulator(keys.count(), 48, 8);
        AggregationKernel.accumulate(columns, AggregationKernel.keyMasks(keys, llf, new long[1]), 0, 1, acc);

        final AggregationResult uncorrected = GroupCorrection.correct(keys, acc, llf, takes,
            AggregationOptions.DEFAULTS);
        assertEquals(AggregationResult.NO_CORRECTABLE, uncorrected.status(5, 7));
        assertEquals(1.0, uncorrected.ggcf(5, 7));
        assertEquals(-0.001, uncorrected.correctedMwh(0, 7), 1e-15);

        final AggregationResult scaled = GroupCorrection.correct(keys, acc, llf, takes,
            AggregationOptions.DEFAULTS.withNoCorrectable(AggregationOptions.NoCorrectableRule.SCALE_ALL));
        assertEquals(AggregationResult.SCALED_ALL, scaled.status(5, 7));
        assertEquals(2.0, scaled.ggcf(5, 7));
        assertEquals(-0.002, scaled.correctedMwh(0, 7), 1e-15);
        assertEquals(AggregationResult.NO_TAKE, GroupCorrection.correct(keys, acc, llf, new GroupTakes(48),
            AggregationOptions.DEFAULTS).status(5, 7));
        assertEquals(AggregationResult.NO_VOLUME, uncorrected.status(4, 7));
    }

    @Test
    void rejectionsByReason()
    {
        final AggregationKeys keys = new AggregationKeys();
        final MeterColumns columns = MeterColumns.onHeap(3, 46, 1);
        final LossFactors llf = new LossFactors(1, 46);
        for (int p = 1; p <= 45; p++)
        {
            llf.set(0, p, LossFactors.SCALE);
        }
        columns.putKey(1, keys.key(0, 0, 0, false, true));
        columns.putKey(2, keys.key(0, 0, 0, false, true));
        for (int p = 1; p <= 46; p++)
        {
            columns.putRead(0, p, 10, false);
            columns.putRead(1, p, 10, false);
            columns.putRead(2, p, p == 3 ? -5 : 10, p == 3);
        }
        final AggregateAccumulator acc = new AggregateAccumulator(keys.count(), 46, 8);
        AggregationKernel.accumulate(columns, AggregationKernel.keyMasks(keys, llf, new long[1]), 0, 3, acc);
        assertEquals(46, acc.rejected(ReadRejection.NO_REGISTRATION));
        assertEquals(2, acc.rejected(ReadRejection.NO_LLF));
        assertEquals(1, acc.rejected(ReadRejection.NEGATIVE));
        assertEquals(3 * 46 - 49, acc.acceptedTotal());
        assertEquals(0, acc.estimated(0, 3));
        assertEquals(1, acc.reads(0, 3));
        assertEquals(0, acc.reads(0, 46));
        assertEquals(3, acc.rejectedSlotCount());
    }
}
