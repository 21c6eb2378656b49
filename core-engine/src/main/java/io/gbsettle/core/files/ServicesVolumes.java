package io.gbsettle.core.files;

/**
 * The BM Unit Applicable Balancing Services Volumes of a day bundle ({@code absvd.csv}), indexed by Settlement
 * Period: at most one row per BM Unit and period, QAS in MWh.
 */
public final class ServicesVolumes extends ColumnTable
{
    private static final int PERIOD = 0;
    private static final int BM_UNIT = 1;
    private static final int QAS = 0;

    ServicesVolumes()
    {
        super(2, 0, 1, PERIOD);
    }

    void add(final int period, final int bmUnit, final double qas)
    {
        final int r = addRow();
        setInt(PERIOD, r, period);
        setInt(BM_UNIT, r, bmUnit);
        setDouble(QAS, r, qas);
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
     * @return QAS, MWh.
     */
    public double qas(final int r)
    {
        return doubleAt(QAS, r);
    }
}
