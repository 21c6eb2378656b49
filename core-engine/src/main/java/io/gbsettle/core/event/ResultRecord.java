package io.gbsettle.core.event;

import java.time.LocalDate;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Flyweight over one result record: a fixed-layout, {@value #LENGTH}-byte binary record, the same bytes in the
 * result ring, in the result journal and in listener callbacks.
 *
 * <pre>
 *   offset  type    field
 *        0  int     type           {@link ResultType} code
 *        4  int     epochDay       Settlement Day
 *        8  short   period         Settlement Period, 0 for daily records
 *       10  short   run            SettlementRun ordinal, {@link #INDICATIVE} for real-time results
 *       12  int     runSequence    1, 2, ... per day: the how-many-th run of the day this is (0 for indicative)
 *       16  int     subject        BM Unit, Energy Account or party index (-1 when none)
 *       20  int     quality        {@link ResultType} quality bits: what the figure rests on a default or gap
 *       24  long    inputDigest    digest of the inputs the result used (order-independent)
 *       32  long    inputFrom      first input position the result rests on
 *       40  long    inputTo        last input position the result rests on
 *       48  double  value0 .. value13 (fourteen doubles, to offset 160)
 * </pre>
 *
 * <p>What the values mean depends on the type; see {@link ResultType}. Not thread-safe.
 */
public final class ResultRecord
{
    /** Length of every result record in bytes. */
    public static final int LENGTH = 160;
    /** Number of value slots. */
    public static final int VALUES = 14;
    /** The {@link #run()} of real-time, indicative results. */
    public static final int INDICATIVE = -1;

    static final int TYPE = 0;
    static final int EPOCH_DAY = 4;
    static final int PERIOD = 8;
    static final int RUN = 10;
    static final int RUN_SEQUENCE = 12;
    static final int SUBJECT = 16;
    static final int QUALITY = 20;
    static final int DIGEST = 24;
    static final int INPUT_FROM = 32;
    static final int INPUT_TO = 40;
    static final int VALUE0 = 48;

    private MutableDirectBuffer buffer;
    private int offset;

    /**
     * @param buffer holding the record.
     * @param offset of its first byte.
     * @return this.
     */
    public ResultRecord wrap(final MutableDirectBuffer buffer, final int offset)
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
     * @return the record's offset in {@link #buffer()}.
     */
    public int offset()
    {
        return offset;
    }

    /**
     * Zeroes the record and writes its header.
     *
     * @param type        the {@link ResultType} code.
     * @param epochDay    the Settlement Day.
     * @param period      the period, or 0.
     * @param run         the run ordinal, or {@link #INDICATIVE}.
     * @param runSequence the run's sequence number within the day.
     * @param subject     the BM Unit, account or party index, or -1.
     * @return this.
     */
    public ResultRecord reset(final int type, final long epochDay, final int period, final int run,
        final int runSequence, final int subject)
    {
        buffer.setMemory(offset, LENGTH, (byte)0);
        buffer.putInt(offset + TYPE, type);
        buffer.putInt(offset + EPOCH_DAY, (int)epochDay);
        buffer.putShort(offset + PERIOD, (short)period);
        buffer.putShort(offset + RUN, (short)run);
        buffer.putInt(offset + RUN_SEQUENCE, runSequence);
        buffer.putInt(offset + SUBJECT, subject);
        return this;
    }

    /**
     * @param from       a buffer holding a record.
     * @param fromOffset its offset.
     * @return this, now holding a copy.
     */
    public ResultRecord copyFrom(final DirectBuffer from, final int fromOffset)
    {
        buffer.putBytes(offset, from, fromOffset, LENGTH);
        return this;
    }

    /**
     * @return the {@link ResultType} code.
     */
    public int type()
    {
        return buffer.getInt(offset + TYPE);
    }

    /**
     * @return the Settlement Day.
     */
    public long epochDay()
    {
        return buffer.getInt(offset + EPOCH_DAY);
    }

    /**
     * @return the period, or 0.
     */
    public int period()
    {
        return buffer.getShort(offset + PERIOD);
    }

    /**
     * @return the run ordinal, or {@link #INDICATIVE}.
     */
    public int run()
    {
        return buffer.getShort(offset + RUN);
    }

    /**
     * @return the run's sequence number within its day.
     */
    public int runSequence()
    {
        return buffer.getInt(offset + RUN_SEQUENCE);
    }

    /**
     * @return the BM Unit, account or party index, or -1.
     */
    public int subject()
    {
        return buffer.getInt(offset + SUBJECT);
    }

    /**
     * @return the quality bits.
     */
    public int quality()
    {
        return buffer.getInt(offset + QUALITY);
    }

    /**
     * @param quality the quality bits.
     * @return this.
     */
    public ResultRecord quality(final int quality)
    {
        buffer.putInt(offset + QUALITY, quality);
        return this;
    }

    /**
     * @return the digest of the inputs used.
     */
    public long inputDigest()
    {
        return buffer.getLong(offset + DIGEST);
    }

    /**
     * @return the first input position the result rests on.
     */
    public long inputFrom()
    {
        return buffer.getLong(offset + INPUT_FROM);
    }

    /**
     * @return the last input position the result rests on.
     */
    public long inputTo()
    {
        return buffer.getLong(offset + INPUT_TO);
    }

    /**
     * @param digest the digest of the inputs used.
     * @param from   first input position.
     * @param to     last input position.
     * @return this.
     */
    public ResultRecord inputs(final long digest, final long from, final long to)
    {
        buffer.putLong(offset + DIGEST, digest);
        buffer.putLong(offset + INPUT_FROM, from);
        buffer.putLong(offset + INPUT_TO, to);
        return this;
    }

    /**
     * @param index 0..13.
     * @return the value.
     */
    public double value(final int index)
    {
        return buffer.getDouble(offset + VALUE0 + (index << 3));
    }

    /**
     * @param index 0..13.
     * @param value the value.
     * @return this.
     */
    public ResultRecord value(final int index, final double value)
    {
        buffer.putDouble(offset + VALUE0 + (index << 3), value);
        return this;
    }

    /**
     * Compares the whole record, byte for byte, with another.
     *
     * @param other      a buffer holding a record.
     * @param otherOffset its offset.
     * @return the index of the first differing byte, or -1 when equal.
     */
    public int firstDifference(final DirectBuffer other, final int otherOffset)
    {
        for (int i = 0; i < LENGTH; i += 8)
        {
            if (buffer.getLong(offset + i) != other.getLong(otherOffset + i))
            {
                for (int b = i; b < i + 8; b++)
                {
                    if (buffer.getByte(offset + b) != other.getByte(otherOffset + b))
                    {
                        return b;
                    }
                }
            }
        }
        return -1;
    }

    /**
     * Appends a one-line, human-readable form, subjects by index (for error messages, not for the hot path).
     *
     * @param out where to append.
     * @return {@code out}.
     */
    public StringBuilder appendTo(final StringBuilder out)
    {
        return appendTo(out, SubjectNames.INDICES);
    }

    /**
     * Appends a one-line, human-readable form, naming the subject as {@code names} says (by registry id in journal
     * inspection). Not for the hot path.
     *
     * @param out   where to append.
     * @param names how to name BM Units, parties and accounts.
     * @return {@code out}.
     */
    public StringBuilder appendTo(final StringBuilder out, final SubjectNames names)
    {
        final int type = type();
        out.append(ResultType.name(type)).append(" day=").append(LocalDate.ofEpochDay(epochDay()));
        if (period() != 0)
        {
            out.append(" sp=").append(period());
        }
        out.append(" run=").append(run() == INDICATIVE ? "indicative" : ResultType.runName(run()))
            .append('#').append(runSequence());
        final int subject = subject();
        if (subject >= 0)
        {
            switch (ResultType.subjectKind(type))
            {
                case ResultType.SUBJECT_BM_UNIT -> names.bmUnit(subject, epochDay(), out.append(" bmu="));
                case ResultType.SUBJECT_ACCOUNT -> names.account(subject, out.append(" account="));
                case ResultType.SUBJECT_PARTY -> names.party(subject, out.append(" party="));
                default -> out.append(" subject=").append(subject);
            }
        }
        final int values = ResultType.valueCount(type);
        for (int v = 0; v < values; v++)
        {
            out.append(' ').append(ResultType.valueName(type, v)).append('=').append(value(v));
        }
        if (quality() != 0)
        {
            out.append(" quality=");
            ResultType.appendQuality(quality(), out);
        }
        return out.append(" inputs=").append(inputFrom()).append("..").append(inputTo());
    }

    @Override
    public String toString()
    {
        return buffer == null ? "ResultRecord(unwrapped)" : appendTo(new StringBuilder()).toString();
    }
}
