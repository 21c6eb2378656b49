package io.gbsettle.core.files;

/**
 * The Physical Notification segments of a day bundle ({@code pn.json}): one straight-line segment of a BM Unit's
 * Final Physical Notification each, in file order. Times are epoch seconds (UTC), levels MW.
 */
public final class PnSegments extends ColumnTable
{
    private static final int BM_UNIT = 0;
    private static final int TIME_FROM = 0;
    private static final int TIME_TO = 1;
    private static final int LEVEL_FROM = 0;
    private static final int LEVEL_TO = 1;

    PnSegments()
    {
        super(1, 2, 2, -1);
    }

    void add(final int bmUnit, final long timeFrom, final double levelFrom, final long timeTo, final double levelTo)
    {
        final int r = addRow();
        setInt(BM_UNIT, r, bmUnit);
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
     * @return the segment's start, epoch seconds.
     */
    public long timeFrom(final int r)
    {
        return longAt(TIME_FROM, r);
    }

    /**
     * @param r row.
     * @return the level at the start, MW.
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
     * @return the level at the end, MW.
     */
    public double levelTo(final int r)
    {
        return doubleAt(LEVEL_TO, r);
    }
}
