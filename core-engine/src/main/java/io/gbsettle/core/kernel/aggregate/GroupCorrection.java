package io.gbsettle.core.kernel.aggregate;

import io.gbsettle.core.registry.GspGroup;

/**
 * Line-loss uplift and GSP Group Correction over the sums of a day ({@link AggregateAccumulator}), small and
 * sequential (keys x periods, not MPANs):
 *
 * <pre>
 *   uplifted(key, j)  = Wh(key, j) x LLF(llfc(key), j)                    exact, micro-Wh
 *   C(g, j)           = sum of uplifted over correctable import keys of g
 *   U(g, j)           = sum of uplifted over all keys of g (exports negative);  N = U - C
 *   GGCF(g, j)        = (take(g, j) - N) / C                                  when C != 0 and a take exists
 *   corrected(s,g,j)  = GGCF x C(s,g,j) + N(s,g,j)                            so that sum over s = take
 *   QM(s,g,j) MWh     = -corrected / 10^12                                    consumption negative
 * </pre>
 *
 * The choices where the take or the correctable volume is missing are in {@link AggregationOptions}.
 */
public final class GroupCorrection
{
    private static final double MICRO_WH_PER_MWH = 1e12;

    private GroupCorrection()
    {
    }

    /**
     * @param keys    the day's aggregation keys.
     * @param sums    the aggregated sums.
     * @param llf     the day's Line Loss Factors.
     * @param takes   the day's GSP Group Takes.
     * @param options the choices.
     * @return the result.
     */
    public static AggregationResult correct(
        final AggregationKeys keys, final AggregateAccumulator sums, final LossFactors llf, final GroupTakes takes,
        final AggregationOptions options)
    {
        final int periods = sums.periods();
        if (llf.periods() != periods || takes.periods() != periods || sums.keyCount() != keys.count())
        {
            throw new IllegalArgumentException("sums, loss factors and takes are of different days or key sets");
        }
        final int supplierLimit = keys.supplierLimit();
        final int[] pairOf = new int[supplierLimit * GspGroup.COUNT];
        for (int k = 0; k < keys.count(); k++)
        {
            pairOf[keys.supplier(k) * GspGroup.COUNT + keys.gspGroup(k)] = 1;
        }
        int pairs = 0;
        for (int i = 0; i < pairOf.length; i++)
        {
            pairs += pairOf[i];
        }
        final int[] pairSupplier = new int[pairs];
        final int[] pairGsp = new int[pairs];
        int next = 0;
        for (int i = 0; i < pairOf.length; i++)
        {
            if (pairOf[i] != 0)
            {
                pairSupplier[next] = i / GspGroup.COUNT;
                pairGsp[next] = i % GspGroup.COUNT;
                pairOf[i] = next++;
            }
        }
        final AggregationResult result = new AggregationResult(periods, pairSupplier, pairGsp);

        for (int k = 0; k < keys.count(); k++)
        {
            final int pair = pairOf[keys.supplier(k) * GspGroup.COUNT + keys.gspGroup(k)];
            final int g = keys.gspGroup(k);
            final long sign = keys.export(k) ? -1 : 1;
            final boolean correctable = keys.correctable(k) && (!keys.export(k) || options.exportCorrectable());
            for (int p = 1; p <= periods; p++)
            {
                final long wh = sums.wh(k, p);
                final int factor = llf.classes() > keys.llfc(k) ? llf.get(keys.llfc(k), p) : LossFactors.NONE;
                final long up = wh == 0 || factor == LossFactors.NONE ? 0 : Math.multiplyExact(wh, (long)factor);
                final int r = pair * periods + p - 1;
                final int gr = g * periods + p - 1;
                result.consumptionWh[r] += sign * wh;
                result.upliftedMicroWh[r] = Math.addExact(result.upliftedMicroWh[r], sign * up);
                result.groupUplifted[gr] = Math.addExact(result.groupUplifted[gr], sign * up);
                if (correctable)
                {
                    result.correctableMicroWh[r] += sign * up;
                    result.groupCorrectable[gr] += sign * up;
                }
                result.reads[r] += sums.reads(k, p);
                result.estimated[r] += sums.estimated(k, p);
            }
        }

        final boolean[] scaleAll = new boolean[GspGroup.COUNT * periods];
        for (int g = 0; g < GspGroup.COUNT; g++)
        {
            for (int p = 1; p <= periods; p++)
            {
                final int gr = g * periods + p - 1;
                final long take = takes.get(g, p);
                final long c = result.groupCorrectable[gr];
                final long u = result.groupUplifted[gr];
                result.takeWh[gr] = take;
                double factor = 1.0;
                int status = AggregationResult.CORRECTED;
                if (u == 0 && c == 0)
                {
                    status = AggregationResult.NO_VOLUME;
                }
                else if (take == GroupTakes.NONE)
                {
                    status = AggregationResult.NO_TAKE;
                }
                else if (c != 0)
                {
                    factor = (Math.multiplyExact(take, (long)LossFactors.SCALE) - (u - c)) / (double)c;
                }
                else if (options.noCorrectable() == AggregationOptions.NoCorrectableRule.SCALE_ALL)
                {
                    factor = Math.multiplyExact(take, (long)LossFactors.SCALE) / (double)u;
                    status = AggregationResult.SCALED_ALL;
                    scaleAll[gr] = true;
                }
                else
                {
                    status = AggregationResult.NO_CORRECTABLE;
                }
                result.ggcf[gr] = factor;
                result.status[gr] = status;
            }
        }

        for (int pair = 0; pair < pairs; pair++)
        {
            final int g = pairGsp[pair];
            for (int p = 1; p <= periods; p++)
            {
                final int r = pair * periods + p - 1;
                final int gr = g * periods + p - 1;
                final double factor = result.ggcf[gr];
                final long up = result.upliftedMicroWh[r];
                final long c = result.correctableMicroWh[r];
                final double corrected = scaleAll[gr] ? factor * up : factor * c + (up - c);
                result.correctedMwh[r] = corrected == 0 ? 0.0 : -corrected / MICRO_WH_PER_MWH;
                result.groupCorrectedMwh[gr] += result.correctedMwh[r];
            }
        }
        for (int r = 0; r < ReadRejection.COUNT; r++)
        {
            result.rejected[r] = sums.rejected(r);
        }
        result.accepted = sums.acceptedTotal();
        return result;
    }
}
