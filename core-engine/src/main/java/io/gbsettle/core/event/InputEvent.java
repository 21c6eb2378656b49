package io.gbsettle.core.event;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Flyweight over one canonical input record: a fixed-layout, {@value #LENGTH}-byte little-endian binary record, the
 * same bytes in the ring slot, in the input journal and on replay. Never an object per event: wrap a buffer, read or
 * write fields, move on.
 *
 * <pre>
 *   offset  type    field          meaning by kind (see {@link EventType} for each kind's use of the fields)
 *        0  int     type           {@link EventType} code
 *        4  int     epochDay       Settlement Day, days since 1970-01-01
 *        8  short   period         Settlement Period 1..50, 0 when the record is not per period
 *       10  short   flags          kind-specific bits ({@link #FLAG_SO}, {@link #FLAG_STOR}, ...)
 *       12  int     source         who sent it ({@link EventSource} or an adapter's id)
 *       16  long    sourceKey      the source's own id of the record (row, file + line, message id + row)
 *       24  int     subject        BM Unit index, or party / Energy Account index
 *       28  int     subject2       pair id, second account, subsidiary account, run ordinal
 *       32  long    key            acceptance number, BSAD id, data provider, ECVN id, parameter code
 *       40  long    time0          time from (epoch seconds)
 *       48  long    time1          time to (epoch seconds)
 *       56  double  value0 .. value3 (four doubles, to offset 88)
 *       88  long    time2          acceptance time (epoch seconds)
 *       96  ----    end of the content: the idempotency key hashes bytes [0, 96)
 *       96  long    position       the engine's input position (journal ordinal), set by the engine
 *      104  long    receivedMicros wall-clock receipt time, epoch microseconds (not part of the content)
 *      112  long    reserved
 *      120  long    reserved
 * </pre>
 *
 * <p>The idempotency key of a record is a 64-bit hash of its content (source and source key included): the same
 * record sent twice has no effect twice, while a corrected record (same business key, other values) replaces the
 * earlier one. Not thread-safe; one flyweight per thread.
 */
public final class InputEvent
{
    /** Length of every input record in bytes. */
    public static final int LENGTH = 128;
    /** Length of the content the idempotency key hashes. */
    public static final int CONTENT_LENGTH = 96;

    /** Offset of the {@link #position()} field in a record. */
    public static final int POSITION_OFFSET = 96;

    /** Acceptance / action flag: SO-Flag. */
    public static final int FLAG_SO = 1;
    /** Acceptance / action flag: STOR Provider Flag. */
    public static final int FLAG_STOR = 2;
    /** Acceptance flag: Replacement Reserve. */
    public static final int FLAG_RR = 4;
    /** Acceptance flag: deemed Bid-Offer. */
    public static final int FLAG_DEEMED = 8;
    /** LoLP flag: the period is inside a STOR availability window. */
    public static final int FLAG_STOR_WINDOW = 16;
    /** Metered volume flag: the value rests (partly) on estimates. */
    public static final int FLAG_ESTIMATED = 32;

    static final int TYPE = 0;
    static final int EPOCH_DAY = 4;
    static final int PERIOD = 8;
    static final int FLAGS = 10;
    static final int SOURCE = 12;
    static final int SOURCE_KEY = 16;
    static final int SUBJECT = 24;
    static final int SUBJECT2 = 28;
    static final int KEY = 32;
    static final int TIME0 = 40;
    static final int TIME1 = 48;
    static final int VALUE0 = 56;
    static final int TIME2 = 88;
    static final int POSITION = POSITION_OFFSET;
    static final int RECEIVED = 104;

    private MutableDirectBuffer buffer;
    private int offset;

    /**
     * Points the flyweight at a record.
     *
     * @param buffer holding the record.
     * @param offset of the record's first byte.
     * @return this.
     */
    public InputEvent wrap(final MutableDirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    /**
     * @return the buffer wrapped.
     */
    public MutableDirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return the offset of the record in {@link #buffer()}.
     */
    public int offset()
    {
        return offset;
    }

    /**
     * Zeroes the record and sets its header: every writer starts here.
     *
     * @param type      the {@link EventType} code.
     * @param epochDay  the Settlement Day.
     * @param period    the Settlement Period, or 0.
     * @param source    who sends it.
     * @param sourceKey the source's own id of the record.
     * @return this.
     */
    public InputEvent reset(final int type, final long epochDay, final int period, final int source,
        final long sourceKey)
    {
        buffer.setMemory(offset, LENGTH, (byte)0);
        buffer.putInt(offset + TYPE, type);
        buffer.putInt(offset + EPOCH_DAY, (int)epochDay);
        buffer.putShort(offset + PERIOD, (short)period);
        buffer.putInt(offset + SOURCE, source);
        buffer.putLong(offset + SOURCE_KEY, sourceKey);
        return this;
    }

    /**
     * Copies a whole record from another buffer into the wrapped one.
     *
     * @param from       the source buffer.
     * @param fromOffset the record's offset in it.
     * @return this.
     */
    public InputEvent copyFrom(final DirectBuffer from, final int fromOffset)
    {
        buffer.putBytes(offset, from, fromOffset, LENGTH);
        return this;
    }

    /**
     * @return the {@link EventType} code.
     */
    public int type()
    {
        return buffer.getInt(offset + TYPE);
    }

    /**
     * @return the Settlement Day, days since 1970-01-01.
     */
    public long epochDay()
    {
        return buffer.getInt(offset + EPOCH_DAY);
    }

    /**
     * @return the Settlement Period, or 0.
     */
    public int period()
    {
        return buffer.getShort(offset + PERIOD);
    }

    /**
     * @return the kind-specific flag bits.
     */
    public int flags()
    {
        return buffer.getShort(offset + FLAGS);
    }

    /**
     * @param flags the kind-specific flag bits.
     * @return this.
     */
    public InputEvent flags(final int flags)
    {
        buffer.putShort(offset + FLAGS, (short)flags);
        return this;
    }

    /**
     * @param flag one flag bit.
     * @return whether it is set.
     */
    public boolean hasFlag(final int flag)
    {
        return (flags() & flag) != 0;
    }

    /**
     * @return who sent the record.
     */
    public int source()
    {
        return buffer.getInt(offset + SOURCE);
    }

    /**
     * @return the source's own id of the record.
     */
    public long sourceKey()
    {
        return buffer.getLong(offset + SOURCE_KEY);
    }

    /**
     * @param sourceKey the source's own id of the record (set after the content, when it is derived from it).
     * @return this.
     */
    public InputEvent sourceKey(final long sourceKey)
    {
        buffer.putLong(offset + SOURCE_KEY, sourceKey);
        return this;
    }

    /**
     * @return the BM Unit (or party, or account) index.
     */
    public int subject()
    {
        return buffer.getInt(offset + SUBJECT);
    }

    /**
     * @param subject the BM Unit (or party, or account) index.
     * @return this.
     */
    public InputEvent subject(final int subject)
    {
        buffer.putInt(offset + SUBJECT, subject);
        return this;
    }

    /**
     * @return the second index (pair id, second account, subsidiary account, run ordinal).
     */
    public int subject2()
    {
        return buffer.getInt(offset + SUBJECT2);
    }

    /**
     * @param subject2 the second index.
     * @return this.
     */
    public InputEvent subject2(final int subject2)
    {
        buffer.putInt(offset + SUBJECT2, subject2);
        return this;
    }

    /**
     * @return the kind's numeric key (acceptance number, BSAD id, provider, ECVN id, parameter code).
     */
    public long key()
    {
        return buffer.getLong(offset + KEY);
    }

    /**
     * @param key the kind's numeric key.
     * @return this.
     */
    public InputEvent key(final long key)
    {
        buffer.putLong(offset + KEY, key);
        return this;
    }

    /**
     * @return time from, epoch seconds.
     */
    public long time0()
    {
        return buffer.getLong(offset + TIME0);
    }

    /**
     * @return time to, epoch seconds.
     */
    public long time1()
    {
        return buffer.getLong(offset + TIME1);
    }

    /**
     * @return the third time (acceptance time), epoch seconds.
     */
    public long time2()
    {
        return buffer.getLong(offset + TIME2);
    }

    /**
     * @param time0 time from.
     * @param time1 time to.
     * @param time2 third time (acceptance time), or 0.
     * @return this.
     */
    public InputEvent times(final long time0, final long time1, final long time2)
    {
        buffer.putLong(offset + TIME0, time0);
        buffer.putLong(offset + TIME1, time1);
        buffer.putLong(offset + TIME2, time2);
        return this;
    }

    /**
     * @param index 0..3.
     * @return the value.
     */
    public double value(final int index)
    {
        return buffer.getDouble(offset + VALUE0 + (index << 3));
    }

    /**
     * @param index 0..3.
     * @param value the value.
     * @return this.
     */
    public InputEvent value(final int index, final double value)
    {
        buffer.putDouble(offset + VALUE0 + (index << 3), value);
        return this;
    }

    /**
     * @param v0 value 0.
     * @param v1 value 1.
     * @param v2 value 2.
     * @param v3 value 3.
     * @return this.
     */
    public InputEvent values(final double v0, final double v1, final double v2, final double v3)
    {
        buffer.putDouble(offset + VALUE0, v0);
        buffer.putDouble(offset + VALUE0 + 8, v1);
        buffer.putDouble(offset + VALUE0 + 16, v2);
        buffer.putDouble(offset + VALUE0 + 24, v3);
        return this;
    }

    /**
     * @return the engine's input position (journal ordinal), or 0 before the engine set it.
     */
    public long position()
    {
        return buffer.getLong(offset + POSITION);
    }

    /**
     * @param position the engine's input position.
     * @return this.
     */
    public InputEvent position(final long position)
    {
        buffer.putLong(offset + POSITION, position);
        return this;
    }

    /**
     * @return wall-clock receipt time, epoch microseconds.
     */
    public long receivedMicros()
    {
        return buffer.getLong(offset + RECEIVED);
    }

    /**
     * @param micros wall-clock receipt time, epoch microseconds.
     * @return this.
     */
    public InputEvent receivedMicros(final long micros)
    {
        buffer.putLong(offset + RECEIVED, micros);
        return this;
    }

    /**
     * The idempotency key: a 64-bit hash of the content bytes [0, {@value #CONTENT_LENGTH}), source and source key
     * included.
     *
     * @return the key.
     */
    public long idempotencyKey()
    {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < CONTENT_LENGTH; i += 8)
        {
            h = Long.rotateLeft(h ^ buffer.getLong(offset + i) * 0xC2B2AE3D27D4EB4FL, 31) * 0x9E3779B97F4A7C15L;
        }
        return Hashing64.mix(h);
    }

    /**
     * Appends a one-line, human-readable form (type, day, period, key fields) for journal inspection; not for the
     * hot path.
     *
     * @param out where to append.
     * @return {@code out}.
     */
    public StringBuilder appendTo(final StringBuilder out)
    {
        return EventType.describe(this, out);
    }

    /**
     * Appends a one-line, human-readable form naming BM Units, parties and accounts as {@code names} says (by
     * registry id in journal inspection); not for the hot path.
     *
     * @param out   where to append.
     * @param names how to name BM Units, parties and accounts.
     * @return {@code out}.
     */
    public StringBuilder appendTo(final StringBuilder out, final SubjectNames names)
    {
        return EventType.describe(this, out, names);
    }

    @Override
    public String toString()
    {
        return buffer == null ? "InputEvent(unwrapped)" : appendTo(new StringBuilder()).toString();
    }
}
