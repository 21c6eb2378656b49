package io.gbsettle.core.kernel.aggregate;

import java.util.Arrays;

import io.gbsettle.core.registry.GspGroup;

/**
 * GSP Group Take of a Settlement Day per GSP Group and period: the metered energy entering the group from the
 * transmission system and embedded generation (CDCA), in Wh, positive into the group. {@link #NONE} where none was
 * delivered.
 */
public final class GroupTakes
{
    /** No take delivered. */
    public static final long NONE = Long.MIN_VALUE;

    private final int periods;
    private final long[] take;

    /**
     * @param periods periods of the day.
     */
    public GroupTakes(final int periods)
    {
        this.periods = periods;
        this.take = new long[GspGroup.COUNT * periods];
        Arrays.fill(take, NONE);
    }

    /**
     * @return periods of the day.
     */
    public int periods()
    {
        return periods;
    }

    /**
     * @param gspGroup GSP Group index.
     * @param period   1..periods.
     * @param wh       take in Wh, or {@link #NONE}.
     */
    public void set(final int gspGroup, final int period, final long wh)
    {
        take[index(gspGroup, period)] = wh;
    }

    /**
     * @param gspGroup GSP Group index.
     * @param period   1..periods.
     * @return take in Wh, or {@link #NONE}.
     */
    public long get(final int gspGroup, final int period)
    {
        return take[index(gspGroup, period)];
    }

    private int index(final int gspGroup, final int period)
    {
        if (gspGroup < 0 || gspGroup >= GspGroup.COUNT || period < 1 || period > periods)
        {
            throw new IllegalArgumentException("no take slot for group " + gspGroup + " period " + period);
        }
        return gspGroup * periods + period - 1;
    }
}
