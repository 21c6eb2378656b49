package io.gbsettle.core.files;

/**
 * The Market Index Data of a day bundle ({@code mid.json}), indexed by Settlement Period: one row per data
 * provider, price (£/MWh) and volume (MWh).
 */
public final class MarketIndexRows extends ColumnTable
{
    private static final int PERIOD = 0;
    private static final int PRICE = 0;
    private static final int VOLUME = 1;

    MarketIndexRows()
    {
        super(1, 0, 2, PERIOD);
    }

    void add(final int period, final double price, final double volume)
    {
        final int r = addRow();
        setInt(PERIOD, r, period);
        setDouble(PRICE, r, price);
        setDouble(VOLUME, r, volume);
    }

    /**
     * @param r row.
     * @return the Settlement Period.
     */
    public int period(final int r)
    {
        return intAt(PERIOD, r);
    }

    /**
     * @param r row.
     * @return the market index price, £/MWh.
     */
    public double price(final int r)
    {
        return doubleAt(PRICE, r);
    }

    /**
     * @param r row.
     * @return the market index volume, MWh.
     */
    public double volume(final int r)
    {
        return doubleAt(VOLUME, r);
    }
}
