package io.gbsettle.core.files;

/**
 * A table of straight-line MW segments of BM Units ({@code pn.json}, {@code bod.json}, {@code boalf.json}): each row
 * is a segment of one BM Unit from ({@code timeFrom}, {@code levelFrom}) to ({@code timeTo}, {@code levelTo}), in
 * file order. This class owns those five columns at fixed indices (int 0, long 0 and 1, double 0 and 1); a subclass
 * adds its own columns after them, from {@link #FIRST_INT}, {@link #FIRST_LONG} and {@link #FIRST_DOUBLE}. What a
 * level means (a notified level, a band width relative to FPN, an accepted level) is the subclass's to say.
 */
public abstract class SegmentTable extends ColumnTable
{
    /** The first int column free for a subclass. */
    static final int FIRST_INT = 1;
    /** The first long column free for a subclass. */
    static final int FIRST_LONG = 2;
    /** The first double column free for a subclass. */
    static final int FIRST_DOUBLE = 2;

    private static final int BM_UNIT = 0;
    private static final int TIME_FROM = 0;
    private static final int TIME_TO = 1;
    private static final int LEVEL_FROM = 0;
    private static final int LEVEL_TO = 1;

    /**
     * @param extraInts    how many int columns the subclass adds.
     * @param extraLongs   how many long columns the subclass adds.
     * @param extraDoubles how many double columns the subclass adds.
     */
    SegmentTable(final int extraInts, final int extraLongs, final int extraDoubles)
    {
        super(FIRST_INT + extraInts, FIRST_LONG + extraLongs, FIRST_DOUBLE + extraDoubles, -1);
    }

    /**
     * Appends a row holding the segment; the subclass then sets its own columns of that row.
     *
     * @param bmUnit    the BM Unit's registry index.
     * @param timeFrom  the segment's start, epoch seconds.
     * @param levelFrom the level at the start, MW.
     * @param timeTo    the segment's end, epoch seconds.
     * @param levelTo   the level at the end, MW.
     * @return the new row.
     */
    final int addSegment(
        final int bmUnit, final long timeFrom, final double levelFrom, final long timeTo, final double levelTo)
    {
        final int r = addRow();
        setInt(BM_UNIT, r, bmUnit);
        setLong(TIME_FROM, r, timeFrom);
        setLong(TIME_TO, r, timeTo);
        setDouble(LEVEL_FROM, r, levelFrom);
        setDouble(LEVEL_TO, r, levelTo);
        return r;
    }

    /**
     * @param r row.
     * @return the BM Unit's registry index.
     */
    public final int bmUnit(final int r)
    {
        return intAt(BM_UNIT, r);
    }

    /**
     * @param r row.
     * @return the segment's start, epoch seconds.
     */
    public final long timeFrom(final int r)
    {
        return longAt(TIME_FROM, r);
    }

    /**
     * @param r row.
     * @return the level at the start, MW.
     */
    public final double levelFrom(final int r)
    {
        return doubleAt(LEVEL_FROM, r);
    }

    /**
     * @param r row.
     * @return the segment's end, epoch seconds.
     */
    public final long timeTo(final int r)
    {
        return longAt(TIME_TO, r);
    }

    /**
     * @param r row.
     * @return the level at the end, MW.
     */
    public final double levelTo(final int r)
    {
        return doubleAt(LEVEL_TO, r);
    }
}
