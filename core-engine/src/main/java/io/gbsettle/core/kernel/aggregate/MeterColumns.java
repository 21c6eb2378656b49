package io.gbsettle.core.kernel.aggregate;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One Settlement Day of meter-point half-hourly reads as primitive columns over buffers (off-heap mapped files in
 * the store, byte arrays in tests), indexed by MPAN slot 0..slots-1:
 *
 * <pre>
 *   keys       int  per slot    aggregation key ({@link AggregationKeys}), or {@link #NO_KEY}: no registration
 *                                on the day
 *   present    long per slot    bit p-1 set: a read of period p was delivered
 *   estimated  long per slot    bit p-1 set: that read is estimated (else actual)
 *   values     int  per slot x period, watt-hours, row-major (a slot's periods are contiguous), split into segments
 *              of 2^segmentShift slots so that each segment stays under the 2 GB a buffer can index
 * </pre>
 *
 * <p>Reads are exact integers in Wh (consumption in kWh with at most three decimals), so sums are exact and the
 * result is the same whatever the order or the thread count. At most 2^28 slots and 50 periods.
 */
public final class MeterColumns
{
    /** Key of a slot whose MPAN has no registration effective on the day. */
    public static final int NO_KEY = -1;
    /** Segment size of the store: 2^23 slots x 50 periods x 4 bytes = 1.68 GB per buffer. */
    public static final int DEFAULT_SEGMENT_SHIFT = 23;
    /** Most slots a day may have (the per-slot long columns are indexed by int byte offsets). */
    public static final int MAX_SLOTS = 1 << 28;
    /** Most periods a day may have. */
    public static final int MAX_PERIODS = 50;

    private final int slots;
    private final int periods;
    private final int segmentShift;
    private final MutableDirectBuffer[] values;
    private final MutableDirectBuffer present;
    private final MutableDirectBuffer estimated;
    private final MutableDirectBuffer keys;

    /**
     * Columns over existing buffers (sized by {@link #segmentBytes}, {@code 8 * slots} and {@code 4 * slots}).
     *
     * @param slots        MPAN slots.
     * @param periods      periods of the day, 46, 48 or 50 (any 1..50 is accepted).
     * @param segmentShift log2 of the slots per value segment.
     * @param values       the value segments, {@link #segmentCount(int, int)} of them.
     * @param present      present bits.
     * @param estimated    estimated bits.
     * @param keys         aggregation keys.
     */
    public MeterColumns(
        final int slots,
        final int periods,
        final int segmentShift,
        final MutableDirectBuffer[] values,
        final MutableDirectBuffer present,
        final MutableDirectBuffer estimated,
        final MutableDirectBuffer keys)
    {
        if (slots < 0 || slots > MAX_SLOTS || periods < 1 || periods > MAX_PERIODS)
        {
            throw new IllegalArgumentException("slots " + slots + " periods " + periods + " out of range");
        }
        if (values.length != segmentCount(slots, segmentShift))
        {
            throw new IllegalArgumentException("expected " + segmentCount(slots, segmentShift) + " value segments");
        }
        for (int i = 0; i < values.length; i++)
        {
            if (values[i].capacity() < segmentBytes(slots, periods, segmentShift, i))
            {
                throw new IllegalArgumentException("value segment " + i + " is too small");
            }
        }
        if (present.capacity() < 8L * slots || estimated.capacity() < 8L * slots || keys.capacity() < 4L * slots)
        {
            throw new IllegalArgumentException("per-slot columns too small for " + slots + " slots");
        }
        this.slots = slots;
        this.periods = periods;
        this.segmentShift = segmentShift;
        this.values = values.clone();
        this.present = present;
        this.estimated = estimated;
        this.keys = keys;
    }

    /**
     * Columns on the heap, every slot {@link #NO_KEY} with no read: for tests and small days.
     *
     * @param slots        MPAN slots.
     * @param periods      periods of the day.
     * @param segmentShift log2 of the slots per value segment (small values exercise segment boundaries).
     * @return the columns.
     */
    public static MeterColumns onHeap(final int slots, final int periods, final int segmentShift)
    {
        final int segments = segmentCount(slots, segmentShift);
        final MutableDirectBuffer[] values = new MutableDirectBuffer[segments];
        for (int i = 0; i < segments; i++)
        {
            values[i] = new UnsafeBuffer(new byte[(int)segmentBytes(slots, periods, segmentShift, i)]);
        }
        final MeterColumns columns = new MeterColumns(slots, periods, segmentShift, values,
            new UnsafeBuffer(new byte[8 * slots]), new UnsafeBuffer(new byte[8 * slots]),
            new UnsafeBuffer(new byte[4 * slots]));
        for (int s = 0; s < slots; s++)
        {
            columns.putKey(s, NO_KEY);
        }
        return columns;
    }

    /**
     * @param slots        MPAN slots.
     * @param segmentShift log2 of the slots per segment.
     * @return how many value segments hold that many slots.
     */
    public static int segmentCount(final int slots, final int segmentShift)
    {
        return (int)((slots + (1L << segmentShift) - 1) >>> segmentShift);
    }

    /**
     * @param slots        MPAN slots.
     * @param periods      periods of the day.
     * @param segmentShift log2 of the slots per segment.
     * @param segment      segment index.
     * @return bytes of that value segment.
     */
    public static long segmentBytes(final int slots, final int periods, final int segmentShift, final int segment)
    {
        final long first = (long)segment << segmentShift;
        final long count = Math.min(1L << segmentShift, slots - first);
        if (count * periods * 4L > Integer.MAX_VALUE)
        {
            throw new IllegalArgumentException("segment shift " + segmentShift + " too large for " + periods);
        }
        return count * periods * 4L;
    }

    /**
     * @return MPAN slots.
     */
    public int slots()
    {
        return slots;
    }

    /**
     * @return periods of the day.
     */
    public int periods()
    {
        return periods;
    }

    /**
     * @return log2 of the slots per value segment.
     */
    public int segmentShift()
    {
        return segmentShift;
    }

    /**
     * @return the bits of every period of the day.
     */
    public long fullMask()
    {
        return (1L << periods) - 1;
    }

    /**
     * @param segment segment index.
     * @return the buffer of that value segment.
     */
    public DirectBuffer valueSegment(final int segment)
    {
        return values[segment];
    }

    /**
     * @return the present bits column.
     */
    public DirectBuffer presentColumn()
    {
        return present;
    }

    /**
     * @return the estimated bits column.
     */
    public DirectBuffer estimatedColumn()
    {
        return estimated;
    }

    /**
     * @return the key column.
     */
    public DirectBuffer keyColumn()
    {
        return keys;
    }

    /**
     * @param slot MPAN slot.
     * @return its aggregation key or {@link #NO_KEY}.
     */
    public int key(final int slot)
    {
        return keys.getInt(slot << 2);
    }

    /**
     * @param slot MPAN slot.
     * @param key  aggregation key or {@link #NO_KEY}.
     */
    public void putKey(final int slot, final int key)
    {
        keys.putInt(slot << 2, key);
    }

    /**
     * @param slot MPAN slot.
     * @return bit p-1 set where period p was read.
     */
    public long presentMask(final int slot)
    {
        return present.getLong(slot << 3);
    }

    /**
     * @param slot MPAN slot.
     * @return bit p-1 set where period p's read is estimated.
     */
    public long estimatedMask(final int slot)
    {
        return estimated.getLong(slot << 3);
    }

    /**
     * @param slot   MPAN slot.
     * @param period 1..periods.
     * @return the read in Wh (0 when none was read).
     */
    public int value(final int slot, final int period)
    {
        return values[slot >>> segmentShift].getInt(valueOffset(slot, period));
    }

    /**
     * Stores a read, replacing any earlier read of the same slot and period. Not thread-safe for one slot.
     *
     * @param slot      MPAN slot.
     * @param period    1..periods.
     * @param wh        consumption in Wh.
     * @param estimate  whether the read is estimated.
     * @return true if it replaced an earlier read.
     */
    public boolean putRead(final int slot, final int period, final int wh, final boolean estimate)
    {
        final long bit = 1L << (period - 1);
        final int index = slot << 3;
        final long was = present.getLong(index);
        present.putLong(index, was | bit);
        final long est = estimated.getLong(index);
        estimated.putLong(index, estimate ? est | bit : est & ~bit);
        values[slot >>> segmentShift].putInt(valueOffset(slot, period), wh);
        return (was & bit) != 0;
    }

    /**
     * Stores a value without touching the present and estimated bits (a bulk writer sets those once per slot with
     * {@link #mergeMasks}).
     *
     * @param slot   MPAN slot.
     * @param period 1..periods.
     * @param wh     consumption in Wh.
     */
    public void putValue(final int slot, final int period, final int wh)
    {
        values[slot >>> segmentShift].putInt(valueOffset(slot, period), wh);
    }

    /**
     * Marks periods read: sets their present bits and replaces their estimated bits.
     *
     * @param slot          MPAN slot.
     * @param readBits      bit p-1 set for each period p read.
     * @param estimatedBits of those, the estimated ones.
     * @return the present bits before (those also in {@code readBits} were replaced).
     */
    public long mergeMasks(final int slot, final long readBits, final long estimatedBits)
    {
        final int index = slot << 3;
        final long was = present.getLong(index);
        present.putLong(index, was | readBits);
        estimated.putLong(index, (estimated.getLong(index) & ~readBits) | (estimatedBits & readBits));
        return was;
    }

    private int valueOffset(final int slot, final int period)
    {
        if (period < 1 || period > periods)
        {
            throw new IllegalArgumentException("period " + period + " not in 1.." + periods);
        }
        return ((slot & ((1 << segmentShift) - 1)) * periods + period - 1) << 2;
    }
}
