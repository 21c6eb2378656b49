package io.gbsettle.core.files;

/**
 * The Bid-Offer Acceptances of a day bundle ({@code boalf.json}): one straight-line segment of an acceptance's
 * absolute MW profile each, with the acceptance's number, time and flags, in file order. Only segments that overlap
 * the Settlement Day are kept. The segment's levels ({@link #levelFrom(int)}, {@link #levelTo(int)}) are the
 * accepted level, MW (absolute).
 */
public final class AcceptanceSegments extends SegmentTable
{
    /** Flag bit: SO-Flag (system, constraint-related). */
    public static final int SO = 1;
    /** Flag bit: STOR Provider Flag. */
    public static final int STOR = 2;
    /** Flag bit: Replacement Reserve flag. */
    public static final int RR = 4;
    /** Flag bit: deemed Bid-Offer flag. */
    public static final int DEEMED = 8;

    private static final int FLAGS = FIRST_INT;
    private static final int NUMBER = FIRST_LONG;
    private static final int ACCEPTANCE_TIME = FIRST_LONG + 1;

    AcceptanceSegments()
    {
        super(1, 2, 0);
    }

    void add(
        final int bmUnit, final long acceptanceNumber, final long acceptanceTime, final long timeFrom,
        final double levelFrom, final long timeTo, final double levelTo, final int flags)
    {
        final int r = addSegment(bmUnit, timeFrom, levelFrom, timeTo, levelTo);
        setInt(FLAGS, r, flags);
        setLong(NUMBER, r, acceptanceNumber);
        setLong(ACCEPTANCE_TIME, r, acceptanceTime);
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
