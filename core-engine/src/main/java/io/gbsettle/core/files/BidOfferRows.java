package io.gbsettle.core.files;

/**
 * The Bid-Offer Data of a day bundle ({@code bod.json}): one segment of one Bid-Offer Pair's level (MW, relative to
 * FPN: positive for pairs above it, negative below) with the pair's offer and bid prices (£/MWh), in file order.
 */
public final class BidOfferRows extends ColumnTable
{
    private static final int BM_UNIT = 0;
    private static final int PAIR_ID = 1;
    private static final int TIME_FROM = 0;
    private static final int TIME_TO = 1;
    private static final int LEVEL_FROM = 0;
    private static final int LEVEL_TO = 1;
    private static final int OFFER = 2;
    private static final int BID = 3;

    BidOfferRows()
    {
        super(2, 2, 4, -1);
    }

    void add(
        final int bmUnit, final int pairId, final long timeFrom, final double levelFrom, final long timeTo,
        final double levelTo, final double offer, final double bid)
    {
        final int r = addRow();
        setInt(BM_UNIT, r, bmUnit);
        setInt(PAIR_ID, r, pairId);
        setLong(TIME_FROM, r, timeFrom);
        setLong(TIME_TO, r, timeTo);
        setDouble(LEVEL_FROM, r, levelFrom);
        setDouble(LEVEL_TO, r, levelTo);
        setDouble(OFFER, r, offer);
        setDouble(BID, r, bid);
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
     * @return the pair number n: ±1, ±2, ... (never 0).
     */
    public int pairId(final int r)
    {
        return intAt(PAIR_ID, r);
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
     * @return the band width at the start, MW.
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
     * @return the band width at the end, MW.
     */
    public double levelTo(final int r)
    {
        return doubleAt(LEVEL_TO, r);
    }

    /**
     * @param r row.
     * @return the pair's Offer price, £/MWh.
     */
    public double offer(final int r)
    {
        return doubleAt(OFFER, r);
    }

    /**
     * @param r row.
     * @return the pair's Bid price, £/MWh.
     */
    public double bid(final int r)
    {
        return doubleAt(BID, r);
    }
}
