package io.gbsettle.core.kernel.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.gbsettle.core.kernel.aggregate.ReferenceAggregation.Read;
import io.gbsettle.core.kernel.aggregate.ReferenceAggregation.Registration;
import io.gbsettle.core.registry.GspGroup;

/**
 * A random small day, as plain objects for {@link ReferenceAggregation} and as {@link MeterColumns} for the kernel:
 * a few suppliers, GSP Groups and LLF classes, exports, non-correctable classes, slots with no registration, LLF
 * classes missing factors for some periods, negative, missing and estimated reads, missing takes.
 */
final class RandomMeterDay
{
    final int periods;
    final int slots;
    final List<Registration> registrations = new ArrayList<>();
    final List<Read> reads = new ArrayList<>();
    final int llfClasses;
    final int[][] llf;
    final long[][] take;
    final AggregationKeys keys = new AggregationKeys();
    final MeterColumns columns;
    final LossFactors lossFactors;
    final GroupTakes takes;
    final AggregationOptions options;

    RandomMeterDay(final long seed)
    {
        final Random rnd = new Random(seed);
        periods = new int[] {46, 48, 50}[rnd.nextInt(3)];
        slots = 1 + rnd.nextInt(300);
        final int suppliers = 1 + rnd.nextInt(5);
        final int groups = 1 + rnd.nextInt(3);
        llfClasses = 1 + rnd.nextInt(4);
        llf = new int[llfClasses][periods + 1];
        lossFactors = new LossFactors(llfClasses, periods);
        for (int c = 0; c < llfClasses; c++)
        {
            final boolean gappy = rnd.nextInt(4) == 0;
            for (int p = 1; p <= periods; p++)
            {
                llf[c][p] = gappy && rnd.nextInt(5) == 0 ? LossFactors.NONE : 1_000_000 + rnd.nextInt(120_000);
                lossFactors.set(c, p, llf[c][p]);
            }
        }
        take = new long[GspGroup.COUNT][periods + 1];
        takes = new GroupTakes(periods);
        for (int g = 0; g < GspGroup.COUNT; g++)
        {
            for (int p = 1; p <= periods; p++)
            {
                take[g][p] = rnd.nextInt(20) == 0 ? GroupTakes.NONE : rnd.nextInt(5_000_000);
                takes.set(g, p, take[g][p]);
            }
        }
        columns = MeterColumns.onHeap(slots, periods, 2 + rnd.nextInt(6));
        final boolean allFull = rnd.nextBoolean();
        for (int s = 0; s < slots; s++)
        {
            final Registration reg = rnd.nextInt(15) == 0 ? null : new Registration(rnd.nextInt(suppliers),
                rnd.nextInt(groups) * 3, rnd.nextInt(llfClasses), rnd.nextInt(8) == 0, rnd.nextInt(6) != 0);
            registrations.add(reg);
            columns.putKey(s, reg == null ? MeterColumns.NO_KEY :
                keys.key(reg.supplier(), reg.gsp(), reg.llfc(), reg.export(), reg.correctable()));
            final boolean full = allFull || rnd.nextInt(3) != 0;
            for (int p = 1; p <= periods; p++)
            {
                if (!full && rnd.nextInt(4) == 0)
                {
                    continue;
                }
                final int wh = rnd.nextInt(40) == 0 ? -1 - rnd.nextInt(1000) : rnd.nextInt(3000);
                final boolean est = rnd.nextInt(7) == 0;
                reads.add(new Read(s, p, wh, est));
                columns.putRead(s, p, wh, est);
            }
        }
        options = rnd.nextBoolean() ? AggregationOptions.DEFAULTS :
            AggregationOptions.DEFAULTS.withNoCorrectable(AggregationOptions.NoCorrectableRule.SCALE_ALL)
                .withExportCorrectable(rnd.nextBoolean());
    }

    long[] keyMask()
    {
        return AggregationKernel.keyMasks(keys, lossFactors, new long[keys.count()]);
    }

    @Override
    public String toString()
    {
        return "day of " + slots + " slots, " + periods + " periods, " + keys.count() + " keys";
    }
}
