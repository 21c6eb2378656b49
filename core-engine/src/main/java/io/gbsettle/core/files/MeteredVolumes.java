package io.gbsettle.core.files;

/**
 * The BM Unit Metered Volumes of a day bundle ({@code metered_volumes.csv}), indexed by Settlement Period: at most
 * one row per BM Unit and period, QM in MWh (+ export, − import).
 */
public final class MeteredVolumes extends ColumnTable
{
    private static final int PERIOD = 0;
    private static final int BM_UNIT = 1;
    private static final int QM = 0;

    MeteredVolumes()
    {
        super(2, 0, 1, PERIOD);
    }

    void add(final int period, final int bmUnit, final double qm)
    {
        final int r = addRow();
        setInt(PERIOD, r, period);
        setInt(BM_UNIT, r, bmUnit);
        setDouble(QM, r, qm);
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
     * @return QM, MWh.
     */
    public double qm(final int r)
    {
        return doubleAt(QM, r);
    }
}
