package io.gbsettle.core.files;

/**
 * The Physical Notification segments of a day bundle ({@code pn.json}): one straight-line segment of a BM Unit's
 * Final Physical Notification each, in file order. Times are epoch seconds (UTC), levels MW.
 */
public final class PnSegments extends SegmentTable
{
    PnSegments()
    {
        super(0, 0, 0);
    }

    void add(final int bmUnit, final long timeFrom, final double levelFrom, final long timeTo, final double levelTo)
    {
        addSegment(bmUnit, timeFrom, levelFrom, timeTo, levelTo);
    }
}
