package io.gbsettle.adapters.sftp.format;

import java.nio.charset.StandardCharsets;

import org.agrona.DirectBuffer;

/**
 * Flyweight over the current record of a {@link FlatFileParser}: its definition, line, fields (as offsets into the
 * file's buffer; numbers parsed from the bytes) and business context (Settlement Date, period, subject from this
 * record or its ancestors). Valid only during {@link RecordHandler#onRecord}. Field indices count from 0 after the
 * record id.
 */
public final class RecordCursor
{
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18};

    private final FlatFileParser parser;
    DirectBuffer buffer;
    final int[] starts;
    final int[] ends;
    int fieldCount;
    int line;
    int lineStart;
    int lineEnd;
    RecordDefinition definition;

    RecordCursor(final FlatFileParser parser, final int maxFields)
    {
        this.parser = parser;
        this.starts = new int[maxFields];
        this.ends = new int[maxFields];
    }

    /**
     * @return the record's definition.
     */
    public RecordDefinition definition()
    {
        return definition;
    }

    /**
     * @return the record's 1-based line.
     */
    public int line()
    {
        return line;
    }

    /**
     * @return the buffer the fields are in.
     */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return the offset of the record's first byte (its id).
     */
    public int lineOffset()
    {
        return lineStart;
    }

    /**
     * @return the record's length without its line end.
     */
    public int lineLength()
    {
        return lineEnd - lineStart;
    }

    /**
     * @return the number of fields present (the record id not counted).
     */
    public int fieldCount()
    {
        return fieldCount;
    }

    /**
     * @param i field index.
     * @return the offset of the field's first byte.
     */
    public int offset(final int i)
    {
        return starts[i];
    }

    /**
     * @param i field index.
     * @return the field's length in bytes.
     */
    public int length(final int i)
    {
        return ends[i] - starts[i];
    }

    /**
     * @param i field index.
     * @return whether the field is empty (or absent).
     */
    public boolean isEmpty(final int i)
    {
        return i >= fieldCount || ends[i] == starts[i];
    }

    /**
     * @param i field index.
     * @return the field's first byte, or 0 when empty.
     */
    public byte charAt(final int i)
    {
        return isEmpty(i) ? 0 : buffer.getByte(starts[i]);
    }

    /**
     * @param i field index (a boolean field).
     * @return whether it is {@code T}.
     */
    public boolean bool(final int i)
    {
        return charAt(i) == 'T';
    }

    /**
     * @param i field index (an integer, date or time field).
     * @return its value; 0 when empty.
     */
    public long integer(final int i)
    {
        if (isEmpty(i))
        {
            return 0;
        }
        int p = starts[i];
        final int e = ends[i];
        final boolean negative = buffer.getByte(p) == '-';
        if (negative)
        {
            p++;
        }
        long v = 0;
        for (; p < e; p++)
        {
            v = v * 10 + (buffer.getByte(p) - '0');
        }
        return negative ? -v : v;
    }

    /**
     * @param i field index (a date field).
     * @return {@code YYYYMMDD}; 0 when empty.
     */
    public int date(final int i)
    {
        return (int)integer(i);
    }

    /**
     * @param i field index (a decimal field).
     * @return its value as the nearest double (digits / 10^places); 0 when empty.
     */
    public double decimal(final int i)
    {
        if (isEmpty(i))
        {
            return 0.0;
        }
        int p = starts[i];
        final int e = ends[i];
        final boolean negative = buffer.getByte(p) == '-';
        if (negative)
        {
            p++;
        }
        long v = 0;
        int places = -1;
        for (; p < e; p++)
        {
            final byte b = buffer.getByte(p);
            if (b == '.')
            {
                places = 0;
            }
            else
            {
                v = v * 10 + (b - '0');
                if (places >= 0)
                {
                    places++;
                }
            }
        }
        final double d = places > 0 ? v / POW10[places] : v;
        return negative ? -d : d;
    }

    /**
     * @param i     field index (a decimal field).
     * @param scale decimal places wanted (at least the field's).
     * @return the value times 10^scale, exactly.
     */
    public long scaled(final int i, final int scale)
    {
        if (isEmpty(i))
        {
            return 0;
        }
        int p = starts[i];
        final int e = ends[i];
        final boolean negative = buffer.getByte(p) == '-';
        if (negative)
        {
            p++;
        }
        long v = 0;
        int places = -1;
        for (; p < e; p++)
        {
            final byte b = buffer.getByte(p);
            if (b == '.')
            {
                places = 0;
            }
            else
            {
                v = v * 10 + (b - '0');
                if (places >= 0)
                {
                    places++;
                }
            }
        }
        for (int k = Math.max(places, 0); k < scale; k++)
        {
            v *= 10;
        }
        return negative ? -v : v;
    }

    /**
     * @param i     field index.
     * @param ascii bytes to compare with.
     * @return whether the field holds exactly those bytes.
     */
    public boolean equalsAscii(final int i, final byte[] ascii)
    {
        if (i >= fieldCount || ends[i] - starts[i] != ascii.length)
        {
            return false;
        }
        for (int k = 0; k < ascii.length; k++)
        {
            if (buffer.getByte(starts[i] + k) != ascii[k])
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @param i field index.
     * @return a 64-bit hash of the field's bytes (stable across runs).
     */
    public long hash(final int i)
    {
        return i >= fieldCount ? 0 : FlatFileParser.hash(buffer, starts[i], ends[i] - starts[i]);
    }

    /**
     * Allocates: for problems and tests, not for the hot path.
     *
     * @param i field index.
     * @return the field as a String.
     */
    public String text(final int i)
    {
        if (isEmpty(i))
        {
            return "";
        }
        final byte[] b = new byte[ends[i] - starts[i]];
        buffer.getBytes(starts[i], b);
        return new String(b, StandardCharsets.US_ASCII);
    }

    /**
     * @return the record's Settlement Date ({@code YYYYMMDD}) from it or its ancestors, or 0.
     */
    public int settlementDate()
    {
        return parser.contextDate();
    }

    /**
     * @return the record's Settlement Period from it or its ancestors (or its position for a period-by-order
     * record), or 0.
     */
    public int period()
    {
        return parser.contextPeriod();
    }

    /**
     * @return which occurrence of its record this is within its parent (1-based).
     */
    public int occurrence()
    {
        return parser.occurrence(definition.index());
    }

    /**
     * @return whether a problem reported now would be kept in detail (build messages only then).
     */
    public boolean wantsDetail()
    {
        return parser.wantsDetail();
    }

    /**
     * Reports a business problem with this record (an unknown BM Unit, a date outside the file's): counted, and
     * passed on with its context while under the detail limit.
     *
     * @param field   the field index, or -1 for the whole record.
     * @param message what is wrong.
     */
    public void problem(final int field, final String message)
    {
        parser.recordProblem(field, message);
    }

    /**
     * Reports a record-level value problem with this record (a period outside the day): like {@link #problem}, but
     * counted among {@link FlatFileParser#valueProblems()}, which a meter-data file may hand over to #8's ingest.
     *
     * @param field   the field index, or -1 for the whole record.
     * @param message what is wrong.
     */
    public void valueProblem(final int field, final String message)
    {
        parser.recordValueProblem(field, message);
    }
}
