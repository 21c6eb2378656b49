package io.gbsettle.core.files;

/**
 * The Energy Contract Volume Notifications of a day bundle ({@code ecvn.csv}), indexed by Settlement Period: a
 * volume (MWh) delivered from one Energy Account (the seller) to another (the buyer). Accounts are
 * {@link io.gbsettle.core.registry.EnergyAccount} indices.
 */
public final class ContractVolumes extends ColumnTable
{
    private static final int PERIOD = 0;
    private static final int FROM_ACCOUNT = 1;
    private static final int TO_ACCOUNT = 2;
    private static final int VOLUME = 0;

    ContractVolumes()
    {
        super(3, 0, 1, PERIOD);
    }

    void add(final int period, final int fromAccount, final int toAccount, final double volume)
    {
        final int r = addRow();
        setInt(PERIOD, r, period);
        setInt(FROM_ACCOUNT, r, fromAccount);
        setInt(TO_ACCOUNT, r, toAccount);
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
     * @return the selling Energy Account.
     */
    public int fromAccount(final int r)
    {
        return intAt(FROM_ACCOUNT, r);
    }

    /**
     * @param r row.
     * @return the buying Energy Account.
     */
    public int toAccount(final int r)
    {
        return intAt(TO_ACCOUNT, r);
    }

    /**
     * @param r row.
     * @return the contract volume, MWh.
     */
    public double volume(final int r)
    {
        return doubleAt(VOLUME, r);
    }
}
