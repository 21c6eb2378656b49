package io.gbsettle.core.files;

/**
 * The Bid-Offer Acceptances of a day bundle ({@code boalf.json}): one straight-line segment of an acceptance's
 * absolute MW profile each, with the acceptance's number, time and flags, in file order. Only segments that overlap
 * the Settlement Day are kept.
 */
public final class AcceptanceSegments extends ColumnTable
{
    /** Flag bit: SO-Flag (system, constraint-related). */
    public static final int SO = 1;
    /** Flag bit: STOR Provider Flag. */
    public static final int STOR = 2;
    /** Flag bit: Replacement Reserve flag. */
    public static final int RR = 4;
    /** Flag bit: deemed Bid-Offer flag. */
    public static final int DEEMED = 8;

    private static final int BM_UNIT = 0;
    private static final int FLAGS = 1;
    private static final int NUMBER = 0;
    private static final int ACCEPTANCE_TIME = 1;
    private static final int TIME_FROM = 2;
    private static final int TIME_TO = 3;
    private static final int LEVEL_FROM = 0;
    private static final int LEVEL_TO = 1;

    AcceptanceSegments()
    {
        super(2, 4, 2, -1);
    }

    void add(
        final int bmUnit, final long acceptanceNumber, final long acceptanceTime, final long timeFrom,
        final double levelFrom, final long timeTo, final double levelTo, final int flags)
    {
        final int r = addRow();
        setInt(BM_UNIT, r, bmUnit);
        setInt(FLAGS, r, flags);
        setLong(NUMBER, r, acceptanceNumber);
        setLong(ACCEPTANCE_TIME, r, acceptanceTime);
        setLong(TIME_FROM, r, timeFrom);
        setLong(TIME_TO, r, timeTo);
        setDouble(LEVEL_FROM, r, levelFrom);
        setDouble(LEVEL_TO, r, levelTo);
    }

    /**
     * @param r row.
     * @return the BM Unit's registry index.
     */
    public int bmUnit(final int r)
    {
        return intAt(BM_UNIT, r);
    }

    /**
     * @param r row.
     * @return the acceptance number.
     */
    public long acceptanceNumber(final int r)
    {
        return longAt(NUMBER, r);
    }

    /**
     * @param r row.
     * @return when the acceptance was issued, epoch seconds.
     */
    public long acceptanceTime(final int r)
    {
        return longAt(ACCEPTANCE_TIME, r);
    }

    /**
     * @param r row.
     * @return the segment's start, epoch seconds.
     */
    public long timeFrom(final int r)
    {
        return longAt(TIME_FROM, r);
    }

    /**
     * @param r row.
     * @return the accepted level at the start, MW (absolute).
     */
    public double levelFrom(final int r)
    {
        return doubleAt(LEVEL_FROM, r);
    }

    /**
     * @param r row.
     * @return the segment's end, epoch seconds.
     */
    public long timeTo(final int r)
    {
        return longAt(TIME_TO, r);
    }

    /**
     * @param r row.
     * @return the accepted level at the end, MW (absolute).
     */
    public double levelTo(final int r)
    {
        return doubleAt(LEVEL_TO, r);
    }

    /**
     * @param r row.
     * @return the flag bits ({@link #SO}, {@link #STOR}, {@link #RR}, {@link #DEEMED}).
     */
    public int flags(final int r)
    {
        return intAt(FLAGS, r);
    }

    /**
     * @param r row.
     * @return the SO-Flag.
     */
    public boolean so(final int r)
    {
        return (intAt(FLAGS, r) & SO) != 0;
    }

    /**
     * @param r row.
     * @return the STOR Provider Flag.
     */
    public boolean stor(final int r)
    {
        return (intAt(FLAGS, r) & STOR) != 0;
    }

    /**
     * @param r row.
     * @return the RR flag.
     */
    public boolean rr(final int r)
    {
        return (intAt(FLAGS, r) & RR) != 0;
    }

    /**
     * @param r row.
     * @return the deemed Bid-Offer flag.
     */
    public boolean deemed(final int r)
    {
        return (intAt(FLAGS, r) & DEEMED) != 0;
    }
}
