package io.gbsettle.core.kernel.aggregate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.gbsettle.core.registry.GspGroup;

/**
 * The naive reference of supplier volume aggregation: plain maps, one read at a time, doubles for the uplift. What
 * the properties hold the kernel to.
 */
final class ReferenceAggregation
{
    record Registration(int supplier, int gsp, int llfc, boolean export, boolean correctable)
    {
    }

    record Read(int slot, int period, int wh, boolean estimated)
    {
    }

    record Pair(int supplier, int gsp, int period) implements Comparable<Pair>
    {
        @Override
        public int compareTo(final Pair o)
        {
            return supplier != o.supplier ? Integer.compare(supplier, o.supplier) :
                gsp != o.gsp ? Integer.compare(gsp, o.gsp) : Integer.compare(period, o.period);
        }
    }

    static final class Row
    {
        long consumptionWh;
        double upliftedWh;
        double correctableWh;
        long reads;
        long estimated;
        double correctedMwh;
    }

    final Map<Pair, Row> rows = new TreeMap<>();
    final Map<Integer, Double> ggcf = new HashMap<>();
    final Map<Integer, Double> groupCorrectedMwh = new HashMap<>();
    final long[] rejected = new long[ReadRejection.COUNT];
    long accepted;

    ReferenceAggregation(final RandomMeterDay day)
    {
        this(day.periods, day.registrations, day.reads, day.llf, day.take, day.options);
    }

    ReferenceAggregation(
        final int periods, final List<Registration> registrations, final List<Read> reads, final int[][] llf,
        final long[][] take, final AggregationOptions options)
    {
        for (final Registration reg : registrations)
        {
            if (reg != null)
            {
                for (int p = 1; p <= periods; p++)
                {
                    rows.computeIfAbsent(new Pair(reg.supplier(), reg.gsp(), p), k -> new Row());
                }
            }
        }
        for (final Read read : reads)
        {
            final Registration reg = registrations.get(read.slot());
            if (reg == null)
            {
                rejected[ReadRejection.NO_REGISTRATION]++;
                continue;
            }
            final int factor = llf[reg.llfc()][read.period()];
            if (factor == LossFactors.NONE)
            {
                rejected[ReadRejection.NO_LLF]++;
                continue;
            }
            if (read.wh() < 0)
            {
                rejected[ReadRejection.NEGATIVE]++;
                continue;
            }
            accepted++;
            final Row row = rows.get(new Pair(reg.supplier(), reg.gsp(), read.period()));
            final double sign = reg.export() ? -1 : 1;
            row.consumptionWh += (long)sign * read.wh();
            final double uplifted = sign * read.wh() * (factor / 1e6);
            row.upliftedWh += uplifted;
            if (reg.correctable() && (!reg.export() || options.exportCorrectable()))
            {
                row.correctableWh += uplifted;
            }
            row.reads++;
            row.estimated += read.estimated() ? 1 : 0;
        }
        for (int g = 0; g < GspGroup.COUNT; g++)
        {
            for (int p = 1; p <= periods; p++)
            {
                double c = 0;
                double u = 0;
                for (final Map.Entry<Pair, Row> e : rows.entrySet())
                {
                    if (e.getKey().gsp() == g && e.getKey().period() == p)
                    {
                        c += e.getValue().correctableWh;
                        u += e.getValue().upliftedWh;
                    }
                }
                double factor = 1;
                boolean all = false;
                if (take[g][p] != GroupTakes.NONE)
                {
                    if (c != 0)
                    {
                        factor = (take[g][p] - (u - c)) / c;
                    }
                    else if (u != 0 && options.noCorrectable() == AggregationOptions.NoCorrectableRule.SCALE_ALL)
                    {
                        factor = take[g][p] / u;
                        all = true;
                    }
                }
                ggcf.put(g * 100 + p, factor);
                double sum = 0;
                for (final Map.Entry<Pair, Row> e : rows.entrySet())
                {
                    if (e.getKey().gsp() == g && e.getKey().period() == p)
                    {
                        final Row row = e.getValue();
                        final double corrected = all ? factor * row.upliftedWh :
                            factor * row.correctableWh + row.upliftedWh - row.correctableWh;
                        row.correctedMwh = -corrected / 1e6;
                        sum += row.correctedMwh;
                    }
                }
                groupCorrectedMwh.put(g * 100 + p, sum);
            }
        }
    }
}
