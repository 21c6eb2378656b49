package io.gbsettle.core.kernel.aggregate;

import java.util.Arrays;

/**
 * Line Loss Factors of a Settlement Day per Line Loss Factor Class and period (D0265), as integer millionths, so
 * that the uplift {@code Wh x LLF} is an exact integer in micro-watt-hours: {@code 1.074} is stored as 1,074,000. A
 * published factor with more than six decimals is rounded half away from zero to six by {@link #millionths}. A
 * class without a factor for a period holds {@link #NONE}; reads of it are rejected as
 * {@link ReadRejection#NO_LLF}.
 */
public final class LossFactors
{
    /** No factor published. */
    public static final int NONE = -1;
    /** Millionths per unit of LLF. */
    public static final int SCALE = 1_000_000;

    private final int classes;
    private final int periods;
    private final int[] factor;

    /**
     * A table with no factor yet.
     *
     * @param classes LLFC count.
     * @param periods periods of the day.
     */
    public LossFactors(final int classes, final int periods)
    {
        this.classes = classes;
        this.periods = periods;
        this.factor = new int[classes * periods];
        Arrays.fill(factor, NONE);
    }

    /**
     * @param llf a factor such as 1.074.
     * @return it in millionths, rounded half away from zero.
     * @throws IllegalArgumentException if it is negative, not finite or above 100.
     */
    public static int millionths(final double llf)
    {
        if (!(llf >= 0 && llf <= 100))
        {
            throw new IllegalArgumentException("line loss factor " + llf + " not in 0..100");
        }
        return (int)Math.round(llf * SCALE);
    }

    /**
     * @return LLFC count.
     */
    public int classes()
    {
        return classes;
    }

    /**
     * @return periods of the day.
     */
    public int periods()
    {
        return periods;
    }

    /**
     * @param llfc      LLFC index.
     * @param period    1..periods.
     * @param millionth factor in millionths, or {@link #NONE}.
     */
    public void set(final int llfc, final int period, final int millionth)
    {
        if (millionth < NONE)
        {
            throw new IllegalArgumentException("negative line loss factor " + millionth);
        }
        factor[index(llfc, period)] = millionth;
    }

    /**
     * @param llfc   LLFC index.
     * @param period 1..periods.
     * @return the factor in millionths or {@link #NONE}.
     */
    public int get(final int llfc, final int period)
    {
        return factor[index(llfc, period)];
    }

    /**
     * @param llfc LLFC index (an index beyond the table has no factor).
     * @return bit p-1 set where period p has a factor.
     */
    public long validMask(final int llfc)
    {
        if (llfc < 0 || llfc >= classes)
        {
            return 0;
        }
        long mask = 0;
        for (int p = 0; p < periods; p++)
        {
            if (factor[llfc * periods + p] != NONE)
            {
                mask |= 1L << p;
            }
        }
        return mask;
    }

    private int index(final int llfc, final int period)
    {
        if (llfc < 0 || llfc >= classes || period < 1 || period > periods)
        {
            throw new IllegalArgumentException("no LLF slot for class " + llfc + " period " + period);
        }
        return llfc * periods + period - 1;
    }
}
