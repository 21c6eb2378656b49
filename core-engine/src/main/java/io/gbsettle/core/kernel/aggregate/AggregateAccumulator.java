package io.gbsettle.core.kernel.aggregate;

import java.util.Arrays;

/**
 * Sums of one aggregation run (or of one thread's share of it) per aggregation key and period: accepted Wh (exact
 * long), accepted and estimated read counts, reads rejected by reason, and the slots that had a rejected read (the
 * first {@code rejectedSlotCapacity} in slot order, for the exceptions report; the counts are always complete).
 * Sized once; {@link #reset()} reuses it.
 */
public final class AggregateAccumulator
{
    final int keyCount;
    final int periods;
    final long[] wh;
    /** Reads of a key and period beyond those of slots with every period read ({@link #fullSlots}); may be < 0. */
    final int[] partialReads;
    /** Slots of a key whose every period was read and accepted by the fast path. */
    final long[] fullSlots;
    final int[] estimated;
    final long[] rejected = new long[ReadRejection.COUNT];
    final int[] rejectedSlots;
    int rejectedSlotCount;
    long rejectedSlotsTotal;
    int lastRejectedSlot = -1;
    volatile long slotsDone;
    private int[] mergeScratch;

    /**
     * @param keyCount             aggregation keys.
     * @param periods              periods of the day.
     * @param rejectedSlotCapacity how many slots with a rejected read to remember.
     */
    public AggregateAccumulator(final int keyCount, final int periods, final int rejectedSlotCapacity)
    {
        this.keyCount = keyCount;
        this.periods = periods;
        this.wh = new long[keyCount * periods];
        this.partialReads = new int[keyCount * periods];
        this.fullSlots = new long[keyCount];
        this.estimated = new int[keyCount * periods];
        this.rejectedSlots = new int[rejectedSlotCapacity];
    }

    /**
     * Back to zero, keeping the arrays.
     */
    public void reset()
    {
        Arrays.fill(wh, 0);
        Arrays.fill(partialReads, 0);
        Arrays.fill(fullSlots, 0);
        Arrays.fill(estimated, 0);
        Arrays.fill(rejected, 0);
        rejectedSlotCount = 0;
        rejectedSlotsTotal = 0;
        lastRejectedSlot = -1;
        slotsDone = 0;
    }

    /**
     * Adds another accumulator of the same shape. Integer addition, so the order of merging does not change the
     * result; the rejected slot lists are merged in slot order and cut at this one's capacity, which keeps the
     * lowest slots whatever the thread count (each thread sees its slots in increasing order).
     *
     * @param other the accumulator to add.
     */
    public void add(final AggregateAccumulator other)
    {
        if (other.keyCount != keyCount || other.periods != periods)
        {
            throw new IllegalArgumentException("accumulators of different shapes");
        }
        for (int i = 0; i < wh.length; i++)
        {
            wh[i] += other.wh[i];
            partialReads[i] += other.partialReads[i];
            estimated[i] += other.estimated[i];
        }
        for (int k = 0; k < keyCount; k++)
        {
            fullSlots[k] += other.fullSlots[k];
        }
        for (int r = 0; r < ReadRejection.COUNT; r++)
        {
            rejected[r] += other.rejected[r];
        }
        rejectedSlotsTotal += other.rejectedSlotsTotal;
        if (mergeScratch == null)
        {
            mergeScratch = new int[rejectedSlots.length];
        }
        int i = 0;
        int j = 0;
        int n = 0;
        while (n < rejectedSlots.length && (i < rejectedSlotCount || j < other.rejectedSlotCount))
        {
            if (j >= other.rejectedSlotCount || (i < rejectedSlotCount && rejectedSlots[i] <= other.rejectedSlots[j]))
            {
                mergeScratch[n++] = rejectedSlots[i++];
            }
            else
            {
                mergeScratch[n++] = other.rejectedSlots[j++];
            }
        }
        System.arraycopy(mergeScratch, 0, rejectedSlots, 0, n);
        rejectedSlotCount = n;
        slotsDone += other.slotsDone;
    }

    void reject(final int reason, final int reads, final int slot)
    {
        rejected[reason] += reads;
        if (slot != lastRejectedSlot)
        {
            lastRejectedSlot = slot;
            rejectedSlotsTotal++;
            if (rejectedSlotCount < rejectedSlots.length)
            {
                rejectedSlots[rejectedSlotCount++] = slot;
            }
        }
    }

    /**
     * @return aggregation keys.
     */
    public int keyCount()
    {
        return keyCount;
    }

    /**
     * @return periods of the day.
     */
    public int periods()
    {
        return periods;
    }

    /**
     * @param key    aggregation key.
     * @param period 1..periods.
     * @return accepted consumption in Wh.
     */
    public long wh(final int key, final int period)
    {
        return wh[key * periods + period - 1];
    }

    /**
     * @param key    aggregation key.
     * @param period 1..periods.
     * @return accepted reads.
     */
    public long reads(final int key, final int period)
    {
        return fullSlots[key] + partialReads[key * periods + period - 1];
    }

    /**
     * @param key    aggregation key.
     * @param period 1..periods.
     * @return accepted reads that were estimated.
     */
    public long estimated(final int key, final int period)
    {
        return estimated[key * periods + period - 1];
    }

    /**
     * @param reason a {@link ReadRejection} code.
     * @return reads rejected for it.
     */
    public long rejected(final int reason)
    {
        return rejected[reason];
    }

    /**
     * @return reads rejected for any reason.
     */
    public long rejectedTotal()
    {
        long total = 0;
        for (int r = 0; r < ReadRejection.COUNT; r++)
        {
            total += rejected[r];
        }
        return total;
    }

    /**
     * @return reads accepted, all keys and periods.
     */
    public long acceptedTotal()
    {
        long total = 0;
        for (int k = 0; k < keyCount; k++)
        {
            total += fullSlots[k] * periods;
        }
        for (int i = 0; i < partialReads.length; i++)
        {
            total += partialReads[i];
        }
        return total;
    }

    /**
     * @return accepted Wh, all keys and periods.
     */
    public long whTotal()
    {
        long total = 0;
        for (int i = 0; i < wh.length; i++)
        {
            total += wh[i];
        }
        return total;
    }

    /**
     * @return how many slots had a rejected read (all of them, remembered or not).
     */
    public long rejectedSlotsTotal()
    {
        return rejectedSlotsTotal;
    }

    /**
     * @return how many of them are remembered.
     */
    public int rejectedSlotCount()
    {
        return rejectedSlotCount;
    }

    /**
     * @param i 0..rejectedSlotCount-1.
     * @return the i-th remembered slot with a rejected read, in slot order.
     */
    public int rejectedSlot(final int i)
    {
        return rejectedSlots[i];
    }

    /**
     * @return slots processed so far (progress; updated per chunk by the parallel driver).
     */
    public long slotsDone()
    {
        return slotsDone;
    }
}
