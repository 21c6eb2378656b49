package io.gbsettle.core.engine;

import java.util.Arrays;

/**
 * The index of a day's input rows: business key → (idempotency key of the row's current record, row), in one
 * open-addressing table whose slots keep the three longs together, so that answering "seen before?" and "which row?"
 * costs one cache miss, not two (at national scale the table is tens of MB and every lookup misses the cache).
 * Linear probing; the table doubles when two thirds full (a day is sized once, so that happens in warm-up only).
 */
final class RowIndex
{
    private static final long EMPTY = 0L;
    private static final int SLOT = 3;

    private static final int BLOCK_BITS = 6;

    private long[] slots;
    private int mask;
    private int blockShift;
    private int size;
    private int resizeAt;

    /**
     * @param expected how many business keys to size for.
     */
    RowIndex(final int expected)
    {
        allocate(Integer.highestOneBit(Math.max(64, expected * 3 / 2 - 1)) << 1);
    }

    private void allocate(final int capacity)
    {
        slots = new long[capacity * SLOT];
        mask = capacity - 1;
        blockShift = 64 - (Integer.numberOfTrailingZeros(capacity) - BLOCK_BITS);
        resizeAt = capacity * 2 / 3;
    }

    /**
     * Finds a business key's slot.
     *
     * @param businessKey a key (0 is remapped: it marks empty slots).
     * @return the slot's index into the table if present, else {@code -(insertion slot) - 1}.
     */
    int find(final long businessKey)
    {
        final long key = businessKey == EMPTY ? 1 : businessKey;
        final long[] slots = this.slots;
        int i = index(key);
        while (true)
        {
            final long k = slots[i * SLOT];
            if (k == key)
            {
                return i;
            }
            if (k == EMPTY)
            {
                return -i - 1;
            }
            i = (i + 1) & mask;
        }
    }

    long idempotencyKey(final int slot)
    {
        return slots[slot * SLOT + 1];
    }

    int row(final int slot)
    {
        return (int)slots[slot * SLOT + 2];
    }

    void update(final int slot, final long idempotencyKey)
    {
        slots[slot * SLOT + 1] = idempotencyKey;
    }

    /**
     * Inserts at the slot {@link #find} returned (as {@code -slot - 1}).
     */
    void insert(final int encodedSlot, final long businessKey, final long idempotencyKey, final int row)
    {
        final int i = -encodedSlot - 1;
        slots[i * SLOT] = businessKey == EMPTY ? 1 : businessKey;
        slots[i * SLOT + 1] = idempotencyKey;
        slots[i * SLOT + 2] = row;
        if (++size > resizeAt)
        {
            grow();
        }
    }
    void clear()
    {
        Arrays.fill(slots, EMPTY);
        size = 0;
    }

    private void grow()
    {
        final long[] old = slots;
        allocate((mask + 1) << 1);
        for (int i = 0; i < old.length; i += SLOT)
        {
            if (old[i] != EMPTY)
            {
                int j = index(old[i]);
                while (slots[j * SLOT] != EMPTY)
                {
                    j = (j + 1) & mask;
                }
                slots[j * SLOT] = old[i];
                slots[j * SLOT + 1] = old[i + 1];
                slots[j * SLOT + 2] = old[i + 2];
            }
        }
    }

    /**
     * A block of 64 slots chosen by a multiplicative hash of the key without its low 6 bits, then the low 6 bits
     * as the offset in the block: mixed keys stay uniform, and structured ones (a BM Unit's periods, the low bits of
     * its metered-volume key) land in neighbouring slots of one block, which keeps a day's stream of metered volumes
     * in cache.
     */
    private int index(final long key)
    {
        return (int)(((key >>> BLOCK_BITS) * 0x9E3779B97F4A7C15L) >>> blockShift) << BLOCK_BITS |
            (int)(key & ((1 << BLOCK_BITS) - 1));
    }
}
