package io.gbsettle.core.files;

import java.util.Arrays;

/**
 * The storage of every day-bundle table: rows as columns of primitive arrays (struct of arrays), grown while a file
 * loads and never after. A table whose rows belong to one Settlement Period each is then sorted by period (stably,
 * so file order is kept within a period) and indexed, so that a driver walks the rows of period {@code j} as
 * {@code first(j) .. limit(j) - 1} without searching.
 */
public abstract class ColumnTable
{
    private static final int INITIAL_CAPACITY = 64;

    private final int periodColumn;
    private int[][] ints;
    private long[][] longs;
    private double[][] doubles;
    private int count;
    private int[] periodStart = new int[2];

    /**
     * @param intColumns    how many int columns.
     * @param longColumns   how many long columns.
     * @param doubleColumns how many double columns.
     * @param periodColumn  the int column holding the Settlement Period, or -1 when rows are not per period.
     */
    ColumnTable(final int intColumns, final int longColumns, final int doubleColumns, final int periodColumn)
    {
        this.periodColumn = periodColumn;
        this.ints = new int[intColumns][INITIAL_CAPACITY];
        this.longs = new long[longColumns][INITIAL_CAPACITY];
        this.doubles = new double[doubleColumns][INITIAL_CAPACITY];
    }

    /**
     * @return how many rows the table holds (rows with problems are never added).
     */
    public final int count()
    {
        return count;
    }

    /**
     * @param period a Settlement Period, 1-based.
     * @return the first row of the period (rows of a period are contiguous, in file order).
     * @throws UnsupportedOperationException if the table is not per period.
     */
    public final int first(final int period)
    {
        requirePeriodic();
        return period < 1 || period >= periodStart.length - 1 ? count : periodStart[period];
    }

    /**
     * @param period a Settlement Period, 1-based.
     * @return one past the last row of the period.
     * @throws UnsupportedOperationException if the table is not per period.
     */
    public final int limit(final int period)
    {
        requirePeriodic();
        return period < 1 || period >= periodStart.length - 1 ? count : periodStart[period + 1];
    }

    final int addRow()
    {
        if (count == capacity())
        {
            final int grown = capacity() * 2;
            for (int c = 0; c < ints.length; c++)
            {
                ints[c] = Arrays.copyOf(ints[c], grown);
            }
            for (int c = 0; c < longs.length; c++)
            {
                longs[c] = Arrays.copyOf(longs[c], grown);
            }
            for (int c = 0; c < doubles.length; c++)
            {
                doubles[c] = Arrays.copyOf(doubles[c], grown);
            }
        }
        return count++;
    }

    final void setInt(final int column, final int row, final int value)
    {
        ints[column][row] = value;
    }

    final void setLong(final int column, final int row, final long value)
    {
        longs[column][row] = value;
    }

    final void setDouble(final int column, final int row, final double value)
    {
        doubles[column][row] = value;
    }

    final int intAt(final int column, final int row)
    {
        return ints[column][row];
    }

    final long longAt(final int column, final int row)
    {
        return longs[column][row];
    }

    /**
     * Grows the columns, once, to hold at least {@code rows} rows, so that a table whose size is known is not grown
     * by doubling while it fills.
     */
    final void reserve(final int rows)
    {
        if (rows > capacity())
        {
            for (int c = 0; c < ints.length; c++)
            {
                ints[c] = Arrays.copyOf(ints[c], rows);
            }
            for (int c = 0; c < longs.length; c++)
            {
                longs[c] = Arrays.copyOf(longs[c], rows);
            }
            for (int c = 0; c < doubles.length; c++)
            {
                doubles[c] = Arrays.copyOf(doubles[c], rows);
            }
        }
    }

    final double doubleAt(final int column, final int row)
    {
        return doubles[column][row];
    }

    /**
     * Trims the columns to the row count and, for a per-period table, sorts the rows by period (stable counting
     * sort) and builds the period index. Called once, when the file is loaded.
     *
     * @param periodCount the Settlement Periods of the day; every row's period is in 1 .. periodCount.
     */
    final void seal(final int periodCount)
    {
        if (periodColumn >= 0)
        {
            final int[] periods = ints[periodColumn];
            periodStart = new int[periodCount + 2];
            for (int r = 0; r < count; r++)
            {
                periodStart[periods[r] + 1]++;
            }
            for (int p = 1; p < periodStart.length; p++)
            {
                periodStart[p] += periodStart[p - 1];
            }
            final int[] order = new int[count];
            final int[] next = Arrays.copyOf(periodStart, periodStart.length);
            for (int r = 0; r < count; r++)
            {
                order[next[periods[r]]++] = r;
            }
            for (int c = 0; c < ints.length; c++)
            {
                final int[] from = ints[c];
                final int[] to = new int[count];
                for (int r = 0; r < count; r++)
                {
                    to[r] = from[order[r]];
                }
                ints[c] = to;
            }
            for (int c = 0; c < longs.length; c++)
            {
                final long[] from = longs[c];
                final long[] to = new long[count];
                for (int r = 0; r < count; r++)
                {
                    to[r] = from[order[r]];
                }
                longs[c] = to;
            }
            for (int c = 0; c < doubles.length; c++)
            {
                final double[] from = doubles[c];
                final double[] to = new double[count];
                for (int r = 0; r < count; r++)
                {
                    to[r] = from[order[r]];
                }
                doubles[c] = to;
            }
        }
        else
        {
            for (int c = 0; c < ints.length; c++)
            {
                ints[c] = Arrays.copyOf(ints[c], count);
            }
            for (int c = 0; c < longs.length; c++)
            {
                longs[c] = Arrays.copyOf(longs[c], count);
            }
            for (int c = 0; c < doubles.length; c++)
            {
                doubles[c] = Arrays.copyOf(doubles[c], count);
            }
        }
    }

    private int capacity()
    {
        if (ints.length > 0)
        {
            return ints[0].length;
        }
        return longs.length > 0 ? longs[0].length : doubles[0].length;
    }

    private void requirePeriodic()
    {
        if (periodColumn < 0)
        {
            throw new UnsupportedOperationException(getClass().getSimpleName() + " is not indexed by period");
        }
    }
}
