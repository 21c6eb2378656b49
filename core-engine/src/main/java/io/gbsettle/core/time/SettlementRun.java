package io.gbsettle.core.time;

/**
 * The settlement runs (BSC Section T; SAA Settlement Calendar). Each Settlement Day is settled several times as
 * better metered data arrives; every result carries the run it came from and a later run never overwrites an earlier
 * one.
 *
 * <p>Each run has a default offset from its Settlement Day. They are engineering defaults, not Code text: the
 * approximate timings are read in the Imbalance Pricing Guidance (tag [V]) but the working-day counts are from memory
 * (tag [M], see {@code bsc-calculations.md} §6), so they are data: override them with {@code run_offsets.csv}, and
 * take exact dates from Elexon's published SAA Settlement Calendar with {@code run_calendar.csv}.
 */
public enum SettlementRun
{
    /**
     * Interim Information: the first run, information only and not invoiced. About 5 working days after the day
     * [V] IPG §6; default 5 WD [M].
     */
    II(RunOffset.workingDays(5)),

    /**
     * Initial Settlement: the first invoiced run, about a month after the day [V]; default 16 WD [M].
     */
    SF(RunOffset.workingDays(16)),

    /**
     * First Reconciliation: about two months after the day [V]; default 39 WD [M].
     */
    R1(RunOffset.workingDays(39)),

    /**
     * Second Reconciliation: about four months after the day [V]; default 84 WD [M].
     */
    R2(RunOffset.workingDays(84)),

    /**
     * Third Reconciliation: about seven months after the day [V]; default 154 WD [M].
     */
    R3(RunOffset.workingDays(154)),

    /**
     * Final Reconciliation: the last scheduled run, about 14 months after the day [V]; default 14 calendar months
     * [V/M] (about 292 WD).
     */
    RF(RunOffset.months(14)),

    /**
     * Dispute Final (post-final): only when a Trading Dispute needs it, about 28 months after the day [V]; default
     * 28 calendar months.
     */
    DF(RunOffset.months(28));

    private static final SettlementRun[] VALUES = values();

    /** Number of runs, for tables indexed by {@link #ordinal()} (avoids the array copy {@code values()} makes). */
    public static final int COUNT = VALUES.length;

    private final RunOffset defaultOffset;

    SettlementRun(final RunOffset defaultOffset)
    {
        this.defaultOffset = defaultOffset;
    }

    /**
     * @return the offset used when no file overrides it.
     */
    public RunOffset defaultOffset()
    {
        return defaultOffset;
    }

    /**
     * Allocation-free look-up by ordinal, for journals that store the run as a byte.
     *
     * @param ordinal 0 to {@link #COUNT} - 1.
     * @return the run.
     */
    public static SettlementRun ofOrdinal(final int ordinal)
    {
        return VALUES[ordinal];
    }

    /**
     * @param code the run's name ({@code II}, {@code SF}, ...), any case, surrounding spaces ignored.
     * @return the run, or null when there is no such run.
     */
    public static SettlementRun ofCode(final String code)
    {
        final String trimmed = code.trim();
        for (final SettlementRun run : VALUES)
        {
            if (run.name().equalsIgnoreCase(trimmed))
            {
                return run;
            }
        }
        return null;
    }
}
