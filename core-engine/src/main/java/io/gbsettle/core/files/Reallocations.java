package io.gbsettle.core.files;

/**
 * The Metered Volume Reallocation Notifications of a day bundle ({@code mvrn.csv}), indexed by Settlement Period:
 * a fixed volume (MWh) and a percentage (0..100) of a BM Unit's metered volume reallocated to a subsidiary party's
 * Energy Account of the BM Unit's P/C type.
 */
public final class Reallocations extends ColumnTable
{
    private static final int PERIOD = 0;
    private static final int BM_UNIT = 1;
    private static final int SUBSIDIARY_ACCOUNT = 2;
    private static final int FIXED = 0;
    private static final int PERCENTAGE = 1;

    Reallocations()
    {
        super(3, 0, 2, PERIOD);
    }

    void add(final int period, final int bmUnit, final int subsidiaryAccount, final double fixed,
        final double percentage)
    {
        final int r = addRow();
        setInt(PERIOD, r, period);
        setInt(BM_UNIT, r, bmUnit);
        setInt(SUBSIDIARY_ACCOUNT, r, subsidiaryAccount);
        setDouble(FIXED, r, fixed);
        setDouble(PERCENTAGE, r, percentage);
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
     * @return the BM Unit's registry index.
     */
    public int bmUnit(final int r)
    {
        return intAt(BM_UNIT, r);
    }

    /**
     * @param r row.
     * @return the subsidiary Energy Account.
     */
    public int subsidiaryAccount(final int r)
    {
        return intAt(SUBSIDIARY_ACCOUNT, r);
    }

    /**
     * @param r row.
     * @return the fixed reallocation, MWh.
     */
    public double fixed(final int r)
    {
        return doubleAt(FIXED, r);
    }

    /**
     * @param r row.
     * @return the percentage reallocation, 0..100.
     */
    public double percentage(final int r)
    {
        return doubleAt(PERCENTAGE, r);
    }
}
