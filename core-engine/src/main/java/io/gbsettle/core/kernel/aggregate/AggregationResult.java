package io.gbsettle.core.kernel.aggregate;

import io.gbsettle.core.registry.GspGroup;

/**
 * The outcome of supplier volume aggregation for a Settlement Day: per (supplier, GSP Group) pair and period the net
 * consumption, its line-loss uplift, the GSP Group Correction Factor applied and the corrected volume in MWh with the
 * BSC sign (consumption negative); per GSP Group and period the take, the correctable and non-correctable volumes,
 * the GGCF and a status. Pairs are those the day's keys name, in (supplier, GSP Group) order. Built by
 * {@link GroupCorrection#correct}.
 */
public final class AggregationResult
{
    /** The group and period were corrected. */
    public static final int CORRECTED = 0;
    /** No correctable volume: not corrected (GGCF 1) under {@link AggregationOptions.NoCorrectableRule#UNCORRECTED}. */
    public static final int NO_CORRECTABLE = 1;
    /** No GSP Group Take delivered: not corrected (GGCF 1). */
    public static final int NO_TAKE = 2;
    /** No correctable volume: every volume scaled, {@link AggregationOptions.NoCorrectableRule#SCALE_ALL}. */
    public static final int SCALED_ALL = 3;
    /** No volume at all in the group and period: nothing to correct (GGCF 1). */
    public static final int NO_VOLUME = 4;

    private static final String[] STATUS = {"CORRECTED", "NO_CORRECTABLE", "NO_TAKE", "SCALED_ALL", "NO_VOLUME"};

    final int periods;
    final int pairs;
    final int[] pairSupplier;
    final int[] pairGsp;
    final long[] consumptionWh;
    final long[] upliftedMicroWh;
    final long[] correctableMicroWh;
    final long[] reads;
    final long[] estimated;
    final double[] correctedMwh;
    final long[] takeWh = new long[GspGroup.COUNT * 50];
    final long[] groupCorrectable = new long[GspGroup.COUNT * 50];
    final long[] groupUplifted = new long[GspGroup.COUNT * 50];
    final double[] ggcf = new double[GspGroup.COUNT * 50];
    final double[] groupCorrectedMwh = new double[GspGroup.COUNT * 50];
    final int[] status = new int[GspGroup.COUNT * 50];
    final long[] rejected = new long[ReadRejection.COUNT];
    long accepted;

    AggregationResult(final int periods, final int[] pairSupplier, final int[] pairGsp)
    {
        this.periods = periods;
        this.pairs = pairSupplier.length;
        this.pairSupplier = pairSupplier;
        this.pairGsp = pairGsp;
        final int n = pairs * periods;
        consumptionWh = new long[n];
        upliftedMicroWh = new long[n];
        correctableMicroWh = new long[n];
        reads = new long[n];
        estimated = new long[n];
        correctedMwh = new double[n];
    }

    /**
     * @param status a group status code.
     * @return its name.
     */
    public static String statusName(final int status)
    {
        return STATUS[status];
    }

    /**
     * @return periods of the day.
     */
    public int periods()
    {
        return periods;
    }

    /**
     * @return (supplier, GSP Group) pairs.
     */
    public int pairs()
    {
        return pairs;
    }

    /**
     * @param pair pair index.
     * @return its supplier index.
     */
    public int supplier(final int pair)
    {
        return pairSupplier[pair];
    }

    /**
     * @param pair pair index.
     * @return its GSP Group index.
     */
    public int gspGroup(final int pair)
    {
        return pairGsp[pair];
    }

    /**
     * @param pair   pair index.
     * @param period 1..periods.
     * @return net consumption (import less export) in Wh.
     */
    public long consumptionWh(final int pair, final int period)
    {
        return consumptionWh[pair * periods + period - 1];
    }

    /**
     * @param pair   pair index.
     * @param period 1..periods.
     * @return net consumption uplifted by its Line Loss Factors, in micro-Wh (exact).
     */
    public long upliftedMicroWh(final int pair, final int period)
    {
        return upliftedMicroWh[pair * periods + period - 1];
    }

    /**
     * @param pair   pair index.
     * @param period 1..periods.
     * @return the correctable part of the uplifted consumption, in micro-Wh.
     */
    public long correctableMicroWh(final int pair, final int period)
    {
        return correctableMicroWh[pair * periods + period - 1];
    }

    /**
     * @param pair   pair index.
     * @param period 1..periods.
     * @return accepted reads.
     */
    public long reads(final int pair, final int period)
    {
        return reads[pair * periods + period - 1];
    }

    /**
     * @param pair   pair index.
     * @param period 1..periods.
     * @return accepted reads that were estimated.
     */
    public long estimated(final int pair, final int period)
    {
        return estimated[pair * periods + period - 1];
    }

    /**
     * @param pair   pair index.
     * @param period 1..periods.
     * @return estimated reads over accepted reads, 0 when none.
     */
    public double estimatedShare(final int pair, final int period)
    {
        final long n = reads(pair, period);
        return n == 0 ? 0.0 : (double)estimated(pair, period) / n;
    }

    /**
     * @param pair   pair index.
     * @param period 1..periods.
     * @return the corrected volume in MWh, BSC sign: consumption negative. The supplier base BM Unit's QM.
     */
    public double correctedMwh(final int pair, final int period)
    {
        return correctedMwh[pair * periods + period - 1];
    }

    /**
     * @param gspGroup GSP Group index.
     * @param period   1..periods.
     * @return the take in Wh or {@link GroupTakes#NONE}.
     */
    public long takeWh(final int gspGroup, final int period)
    {
        return takeWh[gspGroup * periods + period - 1];
    }

    /**
     * @param gspGroup GSP Group index.
     * @param period   1..periods.
     * @return correctable uplifted volume in micro-Wh.
     */
    public long groupCorrectableMicroWh(final int gspGroup, final int period)
    {
        return groupCorrectable[gspGroup * periods + period - 1];
    }

    /**
     * @param gspGroup GSP Group index.
     * @param period   1..periods.
     * @return all uplifted volume in micro-Wh.
     */
    public long groupUpliftedMicroWh(final int gspGroup, final int period)
    {
        return groupUplifted[gspGroup * periods + period - 1];
    }

    /**
     * @param gspGroup GSP Group index.
     * @param period   1..periods.
     * @return the GSP Group Correction Factor.
     */
    public double ggcf(final int gspGroup, final int period)
    {
        return ggcf[gspGroup * periods + period - 1];
    }

    /**
     * @param gspGroup GSP Group index.
     * @param period   1..periods.
     * @return the sum of the group's corrected supplier volumes, MWh, consumption negative.
     */
    public double groupCorrectedMwh(final int gspGroup, final int period)
    {
        return groupCorrectedMwh[gspGroup * periods + period - 1];
    }

    /**
     * @param gspGroup GSP Group index.
     * @param period   1..periods.
     * @return {@link #CORRECTED}, {@link #NO_CORRECTABLE}, {@link #NO_TAKE}, {@link #SCALED_ALL} or
     *         {@link #NO_VOLUME}.
     */
    public int status(final int gspGroup, final int period)
    {
        return status[gspGroup * periods + period - 1];
    }

    /**
     * @return reads accepted.
     */
    public long accepted()
    {
        return accepted;
    }

    /**
     * @param reason a {@link ReadRejection} code.
     * @return reads the kernel rejected for it.
     */
    public long rejected(final int reason)
    {
        return rejected[reason];
    }
}
