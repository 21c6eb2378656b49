package io.gbsettle.core.kernel.price;

/**
 * A stable sort of an index array by a primitive key array, on the kernel's scratch arrays: no boxing, no
 * comparators, no allocation.
 */
final class IndexSort
{
    private IndexSort()
    {
    }

    /**
     * Sorts {@code idx[0..n)} so that {@code key[idx[i]]} ascends, stably, by ranking: the distinct keys are
     * collected in an open-addressing table, sorted as plain doubles ({@link java.util.Arrays#sort(double[], int,
     * int)}, a primitive sort that allocates nothing below several thousand elements), and a counting sort by rank
     * places the indices. Prices repeat a lot within a period, so the key sort is usually much shorter than
     * {@code n}; everything else is linear.
     *
     * @param idx    indices into {@code key}.
     * @param n      how many to sort.
     * @param key    the keys (no NaN, no -0.0).
     * @param result whose scratch arrays (table, keys, ranks, counts) are used.
     */
    static void byRank(final int[] idx, final int n, final double[] key, final PriceResult result)
    {
        int ordered = 1;
        while (ordered < n && key[idx[ordered - 1]] <= key[idx[ordered]])
        {
            ordered++;
        }
        if (ordered >= n)
        {
            return; // already in order, as a published stack usually is
        }
        final long[] tableKey = result.tableKey;
        final int[] tableStamp = result.tableStamp;
        final int[] tableRank = result.tableGroup;
        final int[] rowSlot = result.sortRank;
        final double[] distinctKeys = result.sortKeyA;
        final int[] counts = result.sortCounts;
        final int[] idxTemp = result.sortScratch;
        final int mask = tableKey.length - 1;
        final int stamp = result.nextTableStamp();
        int distinct = 0;
        for (int i = 0; i < n; i++)
        {
            final double k = key[idx[i]];
            final long bits = Double.doubleToRawLongBits(k);
            int slot = result.slotOf(bits);
            while (tableStamp[slot] == stamp && tableKey[slot] != bits)
            {
                slot = (slot + 1) & mask;
            }
            if (tableStamp[slot] != stamp)
            {
                tableStamp[slot] = stamp;
                tableKey[slot] = bits;
                distinctKeys[distinct++] = k;
            }
            rowSlot[i] = slot;
        }
        java.util.Arrays.sort(distinctKeys, 0, distinct);
        for (int d = 0; d < distinct; d++)
        {
            final long bits = Double.doubleToRawLongBits(distinctKeys[d]);
            int slot = result.slotOf(bits);
            while (tableKey[slot] != bits)
            {
                slot = (slot + 1) & mask;
            }
            tableRank[slot] = d;
        }
        java.util.Arrays.fill(counts, 0, distinct + 1, 0);
        for (int i = 0; i < n; i++)
        {
            counts[tableRank[rowSlot[i]] + 1]++;
        }
        for (int d = 1; d <= distinct; d++)
        {
            counts[d] += counts[d - 1];
        }
        for (int i = 0; i < n; i++)
        {
            idxTemp[counts[tableRank[rowSlot[i]]]++] = idx[i];
        }
        System.arraycopy(idxTemp, 0, idx, 0, n);
    }
}
