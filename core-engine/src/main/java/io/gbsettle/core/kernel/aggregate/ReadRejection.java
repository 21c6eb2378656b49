package io.gbsettle.core.kernel.aggregate;

/**
 * Why a meter-point read could not be aggregated: the reason codes of the exceptions report. Every read is either
 * accepted or rejected with exactly one of these, so that accepted + rejected = read, per reason and in total.
 *
 * <p>The first four are found by the ingest of flat files (a read that cannot even be placed in the store); the
 * others by {@link AggregationKernel} over the stored columns.
 */
public final class ReadRejection
{
    /** The MPAN is in no registration at all. */
    public static final int UNKNOWN_MPAN = 0;
    /** The period number is outside 1..46/48/50 of the Settlement Day (a 49th read on a 48-period day). */
    public static final int PERIOD_OUT_OF_RANGE = 1;
    /** The record could not be read (a value that is not a number with at most 3 decimals, a missing field). */
    public static final int MALFORMED = 2;
    /** A later read of the same MPAN and period replaced this one (the later file wins). */
    public static final int SUPERSEDED = 3;
    /** The read is for another Settlement Day than the store's. */
    public static final int WRONG_DATE = 4;
    /** The MPAN is known but no registration of it is effective on the Settlement Day. */
    public static final int NO_REGISTRATION = 5;
    /** The MPAN's Line Loss Factor Class has no Line Loss Factor for the period. */
    public static final int NO_LLF = 6;
    /** The consumption is negative (a half-hourly advance cannot be). */
    public static final int NEGATIVE = 7;
    /** How many reasons there are; codes are 0 to COUNT - 1. */
    public static final int COUNT = 8;

    private static final String[] NAMES =
    {
        "UNKNOWN_MPAN", "PERIOD_OUT_OF_RANGE", "MALFORMED", "SUPERSEDED", "WRONG_DATE", "NO_REGISTRATION", "NO_LLF",
        "NEGATIVE"
    };

    private ReadRejection()
    {
    }

    /**
     * @param reason a reason code.
     * @return its name, as written in exception reports.
     */
    public static String name(final int reason)
    {
        return NAMES[reason];
    }

    /**
     * @param name a reason name.
     * @return its code.
     * @throws IllegalArgumentException if there is no such reason.
     */
    public static int code(final String name)
    {
        for (int i = 0; i < COUNT; i++)
        {
            if (NAMES[i].equals(name))
            {
                return i;
            }
        }
        throw new IllegalArgumentException("no read rejection reason " + name);
    }
}
