package io.gbsettle.core.kernel.indicative;

import java.util.Arrays;

/**
 * Open-addressing hash index (linear probing) from a business key of three longs to a row number, sized once.
 * Rows are never removed within a day (a later row with the same key replaces the earlier one in place), so there
 * are no tombstones; {@link #clear()} empties it for the next day.
 */
final class RowKeyIndex
{
    private static final int EMPTY = -1;

    private final long[] keyA;
    private final long[] keyB;
    private final long[] keyC;
    private final int[] rows;
    private final int mask;

    /**
     * @param capacity the most keys it will hold; the table is at least twice that, a power of two.
     */
    RowKeyIndex(final int capacity)
    {
        int size = 2;
        while (size < 2L * Math.max(1, capacity))
        {
            size <<= 1;
        }
        keyA = new long[size];
        keyB = new long[size];
        keyC = new long[size];
        rows = new int[size];
        mask = size - 1;
        Arrays.fill(rows, EMPTY);
    }

    void clear()
    {
        Arrays.fill(rows, EMPTY);
    }

    /**
     * @return the row stored under the key, or -1.
     */
    int find(final long a, final long b, final long c)
    {
        int i = slot(a, b, c);
        while (rows[i] != EMPTY)
        {
            if (keyA[i] == a && keyB[i] == b && keyC[i] == c)
            {
                return rows[i];
            }
            i = (i + 1) & mask;
        }
        return EMPTY;
    }

    /**
     * Stores a key known to be absent.
     */
    void put(final long a, final long b, final long c, final int row)
    {
        int i = slot(a, b, c);
        while (rows[i] != EMPTY)
        {
            i = (i + 1) & mask;
        }
        keyA[i] = a;
        keyB[i] = b;
        keyC[i] = c;
        rows[i] = row;
    }

    private int slot(final long a, final long b, final long c)
    {
        long z = a * 0x9E37_79B9_7F4A_7C15L ^ b * 0xC2B2_AE3D_27D4_EB4FL ^ c * 0x1656_67B1_9E37_79F9L;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return (int)(z ^ (z >>> 31)) & mask;
    }
}
