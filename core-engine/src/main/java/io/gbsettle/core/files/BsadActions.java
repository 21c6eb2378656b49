package io.gbsettle.core.files;

/**
 * The Balancing Services Adjustment Actions of a day bundle ({@code disbsad.json}), indexed by Settlement Period:
 * action id, cost (£, NaN when the source gives none, as for intertrips), volume (MWh, + buy, − sell) and flags.
 */
public final class BsadActions extends ColumnTable
{
    private static final int PERIOD = 0;
    private static final int ID = 1;
    private static final int SO = 2;
    private static final int STOR = 3;
    private static final int COST = 0;
    private static final int VOLUME = 1;

    BsadActions()
    {
        super(4, 0, 2, PERIOD);
    }

    void add(final int period, final int id, final double cost, final double volume, final boolean so,
        final boolean stor)
    {
        final int r = addRow();
        setInt(PERIOD, r, period);
        setInt(ID, r, id);
        setInt(SO, r, so ? 1 : 0);
        setInt(STOR, r, stor ? 1 : 0);
        setDouble(COST, r, cost);
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
     * @return the action's id within its period.
     */
    public int id(final int r)
    {
        return intAt(ID, r);
    }

    /**
     * @param r row.
     * @return the cost, £, or NaN when none was given.
     */
    public double cost(final int r)
    {
        return doubleAt(COST, r);
    }

    /**
     * @param r row.
     * @return the volume, MWh (+ buy, − sell).
     */
    public double volume(final int r)
    {
        return doubleAt(VOLUME, r);
    }

    /**
     * @param r row.
     * @return the SO-Flag.
     */
    public boolean so(final int r)
    {
        return intAt(SO, r) != 0;
    }

    /**
     * @param r row.
     * @return the STOR flag.
     */
    public boolean stor(final int r)
    {
        return intAt(STOR, r) != 0;
    }
}
