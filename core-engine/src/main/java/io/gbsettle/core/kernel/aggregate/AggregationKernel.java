package io.gbsettle.core.kernel.aggregate;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;

/**
 * The single-thread aggregation kernel: sums a range of MPAN slots of {@link MeterColumns} into an
 * {@link AggregateAccumulator}. Allocation-free; no boxing; one pass over the range, reading each slot's present
 * bits, key, values and estimated bits once.
 *
 * <p>Per slot: no read, nothing; a slot without a key rejects all its reads as {@link ReadRejection#NO_REGISTRATION};
 * reads of periods without a Line Loss Factor for the key's class are rejected as {@link ReadRejection#NO_LLF}; a
 * negative read is rejected as {@link ReadRejection#NEGATIVE}; every other read is added, in Wh, to its key and
 * period, and counted (estimated or actual). A slot with every period read takes a fast path: a straight loop over
 * its contiguous values, two periods per 8-byte load (days have an even number of periods), one counter per slot
 * instead of one per read, and negatives undone afterwards in the rare slot that has one.
 */
public final class AggregationKernel
{
    /** The sign bits of the two ints of a little-endian long. */
    private static final long SIGN_BITS = 0x8000_0000_8000_0000L;

    private AggregationKernel()
    {
    }

    /**
     * Per key, the periods its Line Loss Factor Class has a factor for.
     *
     * @param keys  the keys.
     * @param llf   the factors.
     * @param masks out: bit p-1 of masks[key] set where period p has a factor; at least {@code keys.count()} long.
     * @return masks.
     */
    public static long[] keyMasks(final AggregationKeys keys, final LossFactors llf, final long[] masks)
    {
        for (int k = 0; k < keys.count(); k++)
        {
            masks[k] = llf.validMask(keys.llfc(k));
        }
        return masks;
    }

    /**
     * Adds slots {@code from..to-1} into {@code acc}.
     *
     * @param columns the day's reads.
     * @param keyMask from {@link #keyMasks}.
     * @param from    first slot.
     * @param to      one past the last slot.
     * @param acc     where the sums go (shaped for the columns' periods and the keys).
     */
    public static void accumulate(
        final MeterColumns columns, final long[] keyMask, final int from, final int to, final AggregateAccumulator acc)
    {
        final int shift = columns.segmentShift();
        int slot = from;
        while (slot < to)
        {
            final int segment = slot >>> shift;
            final int segmentStart = segment << shift;
            final int end = (int)Math.min(to, (long)segmentStart + (1L << shift));
            segment(columns, columns.valueSegment(segment), segmentStart, keyMask, slot, end, acc);
            slot = end;
        }
    }

    private static void segment(
        final MeterColumns columns, final DirectBuffer values, final int segmentStart, final long[] keyMask,
        final int from, final int to, final AggregateAccumulator acc)
    {
        final int periods = columns.periods();
        final long full = columns.fullMask();
        final DirectBuffer present = columns.presentColumn();
        final DirectBuffer estimated = columns.estimatedColumn();
        final DirectBuffer keys = columns.keyColumn();
        final long[] wh = acc.wh;
        final int[] partial = acc.partialReads;
        final long[] fullSlots = acc.fullSlots;
        final int[] estimates = acc.estimated;
        final int slotBytes = periods << 2;
        final boolean pairs = (periods & 1) == 0 && ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

        for (int s = from; s < to; s++)
        {
            final long pres = present.getLong(s << 3);
            if (pres == 0)
            {
                continue;
            }
            final int key = keys.getInt(s << 2);
            if (key < 0)
            {
                acc.reject(ReadRejection.NO_REGISTRATION, Long.bitCount(pres), s);
                continue;
            }
            final long valid = pres & keyMask[key];
            final int a = key * periods;
            final int offset = (s - segmentStart) * slotBytes;
            long accepted = valid;
            if (valid == full && pairs)
            {
                long signs = 0;
                for (int i = 0; i < periods; i += 2)
                {
                    final long two = values.getLong(offset + (i << 2));
                    signs |= two;
                    wh[a + i] += (int)two;
                    wh[a + i + 1] += two >> 32;
                }
                fullSlots[key]++;
                if ((signs & SIGN_BITS) != 0)
                {
                    accepted = undoNegatives(values, offset, periods, a, s, acc);
                }
            }
            else if (valid == full)
            {
                int or = 0;
                for (int p = 0; p < periods; p++)
                {
                    final int v = values.getInt(offset + (p << 2));
                    or |= v;
                    wh[a + p] += v;
                }
                fullSlots[key]++;
                if (or < 0)
                {
                    accepted = undoNegatives(values, offset, periods, a, s, acc);
                }
            }
            else
            {
                if (valid != pres)
                {
                    acc.reject(ReadRejection.NO_LLF, Long.bitCount(pres & ~valid), s);
                }
                long bits = valid;
                while (bits != 0)
                {
                    final int p = Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    final int v = values.getInt(offset + (p << 2));
                    if (v < 0)
                    {
                        accepted &= ~(1L << p);
                        acc.reject(ReadRejection.NEGATIVE, 1, s);
                    }
                    else
                    {
                        wh[a + p] += v;
                        partial[a + p]++;
                    }
                }
            }
            long est = estimated.getLong(s << 3) & accepted;
            while (est != 0)
            {
                final int p = Long.numberOfTrailingZeros(est);
                est &= est - 1;
                estimates[a + p]++;
            }
        }
    }

    private static long undoNegatives(
        final DirectBuffer values, final int offset, final int periods, final int a, final int slot,
        final AggregateAccumulator acc)
    {
        long accepted = (1L << periods) - 1;
        for (int p = 0; p < periods; p++)
        {
            final int v = values.getInt(offset + (p << 2));
            if (v < 0)
            {
                acc.wh[a + p] -= v;
                acc.partialReads[a + p]--;
                accepted &= ~(1L << p);
                acc.reject(ReadRejection.NEGATIVE, 1, slot);
            }
        }
        return accepted;
    }

    /**
     * Calls {@code out} once for each rejected read of a slot, in period order, with the reason
     * {@link #accumulate} gave it: for the exceptions report, on the few slots the accumulator remembered.
     *
     * @param columns the day's reads.
     * @param keyMask from {@link #keyMasks}.
     * @param slot    MPAN slot.
     * @param out     receives each rejected read.
     */
    public static void describeRejections(
        final MeterColumns columns, final long[] keyMask, final int slot, final RejectedReadConsumer out)
    {
        final long pres = columns.presentMask(slot);
        final int key = columns.key(slot);
        for (int p = 1; p <= columns.periods(); p++)
        {
            final long bit = 1L << (p - 1);
            if ((pres & bit) == 0)
            {
                continue;
            }
            final int v = columns.value(slot, p);
            if (key < 0)
            {
                out.rejected(slot, p, ReadRejection.NO_REGISTRATION, v);
            }
            else if ((keyMask[key] & bit) == 0)
            {
                out.rejected(slot, p, ReadRejection.NO_LLF, v);
            }
            else if (v < 0)
            {
                out.rejected(slot, p, ReadRejection.NEGATIVE, v);
            }
        }
    }
}
