package io.gbsettle.core.kernel.price;

/**
 * Stable sorts of an index array by a primitive key array, with caller-provided scratch: no boxing, no
 * comparators, no allocation. Insertion sort for short runs, then bottom-up merges.
 */
final class IndexSort
{
    private static final int RUN = 16;

    private IndexSort()
    {
    }

    /**
     * Sorts {@code idx[0..n)} so that {@code key[idx[i]]} ascends; equal keys keep their order.
     *
     * @param idx     indices into {@code key}.
     * @param n       how many to sort.
     * @param key     the keys (no NaN).
     * @param scratch at least {@code n} ints.
     */
    static void byDouble(final int[] idx, final int n, final double[] key, final int[] scratch)
    {
        for (int lo = 0; lo < n; lo += RUN)
        {
            final int hi = Math.min(lo + RUN, n);
            for (int i = lo + 1; i < hi; i++)
            {
                final int v = idx[i];
                final double k = key[v];
                int j = i - 1;
                while (j >= lo && key[idx[j]] > k)
                {
                    idx[j + 1] = idx[j];
                    j--;
                }
                idx[j + 1] = v;
            }
        }
        int[] src = idx;
        int[] dst = scratch;
        for (int width = RUN; width < n; width <<= 1)
        {
            for (int lo = 0; lo < n; lo += width << 1)
            {
                final int mid = Math.min(lo + width, n);
                final int hi = Math.min(lo + (width << 1), n);
                int a = lo;
                int b = mid;
                int o = lo;
                while (a < mid && b < hi)
                {
                    dst[o++] = key[src[b]] < key[src[a]] ? src[b++] : src[a++];
                }
                while (a < mid)
                {
                    dst[o++] = src[a++];
                }
                while (b < hi)
                {
                    dst[o++] = src[b++];
                }
            }
            final int[] t = src;
            src = dst;
            dst = t;
        }
        if (src != idx)
        {
            System.arraycopy(src, 0, idx, 0, n);
        }
    }

    /**
     * Sorts {@code idx[0..n)} so that {@code key[idx[i]]} ascends; equal keys keep their order.
     *
     * @param idx     indices into {@code key}.
     * @param n       how many to sort.
     * @param key     the keys.
     * @param scratch at least {@code n} ints.
     */
    static void byLong(final int[] idx, final int n, final long[] key, final int[] scratch)
    {
        for (int lo = 0; lo < n; lo += RUN)
        {
            final int hi = Math.min(lo + RUN, n);
            for (int i = lo + 1; i < hi; i++)
            {
                final int v = idx[i];
                final long k = key[v];
                int j = i - 1;
                while (j >= lo && key[idx[j]] > k)
                {
                    idx[j + 1] = idx[j];
                    j--;
                }
                idx[j + 1] = v;
            }
        }
        int[] src = idx;
        int[] dst = scratch;
        for (int width = RUN; width < n; width <<= 1)
        {
            for (int lo = 0; lo < n; lo += width << 1)
            {
                final int mid = Math.min(lo + width, n);
                final int hi = Math.min(lo + (width << 1), n);
                int a = lo;
                int b = mid;
                int o = lo;
                while (a < mid && b < hi)
                {
                    dst[o++] = key[src[b]] < key[src[a]] ? src[b++] : src[a++];
                }
                while (a < mid)
                {
                    dst[o++] = src[a++];
                }
                while (b < hi)
                {
                    dst[o++] = src[b++];
                }
            }
            final int[] t = src;
            src = dst;
            dst = t;
        }
        if (src != idx)
        {
            System.arraycopy(src, 0, idx, 0, n);
        }
    }
}
