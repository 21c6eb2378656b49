package io.gbsettle.core.files;

/**
 * The Bid-Offer Data of a day bundle ({@code bod.json}): one segment of one Bid-Offer Pair's level (MW, relative to
 * FPN: positive for pairs above it, negative below) with the pair's offer and bid prices (£/MWh), in file order. The
 * segment's levels ({@link #levelFrom(int)}, {@link #levelTo(int)}) are the band width, MW.
 */
public final class BidOfferRows extends SegmentTable
{
    private static final int PAIR_ID = FIRST_INT;
    private static final int OFFER = FIRST_DOUBLE;
    private static final int BID = FIRST_DOUBLE + 1;

    BidOfferRows()
    {
        super(1, 0, 2);
    }

    void add(
        final int bmUnit, final int pairId, final long timeFrom, final double levelFrom, final long timeTo,
        final double levelTo, final double offer, final double bid)
    {
        final int r = addSegment(bmUnit, timeFrom, levelFrom, timeTo, levelTo);
        setInt(PAIR_ID, r, pairId);
        setDouble(OFFER, r, offer);
        setDouble(BID, r, bid);
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
