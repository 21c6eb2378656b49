package io.gbsettle.adapters.sftp.format;

import java.nio.charset.StandardCharsets;

import org.agrona.ExpandableArrayBuffer;

/**
 * Writes a file of one flow from the same {@link FlowDefinition} the parser reads it with: the envelope's header,
 * records field by field (numbers formatted as the field's type says: decimals rounded to the field's places,
 * without trailing zeros), and the trailer with its record count and, for pool and IDD files, the XOR-32 checksum.
 * What it writes parses back to the same values. Reusable: {@link #start} begins a new file.
 *
 * <pre>
 *   writer.start(header).record("ABV").text("T_X-1").date(20240101).text("SF").integer(1).date(20240103).end();
 *   ... byte[] bytes = writer.finish();
 * </pre>
 */
public final class FlatFileWriter
{
    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L};

    private final FlowDefinition flow;
    private final ExpandableArrayBuffer out = new ExpandableArrayBuffer(1 << 16);
    private FileHeader header;
    private int length;
    private int lineStart;
    private RecordDefinition record;
    private int fields;
    private long records;
    private int checksum;

    /**
     * @param flow the flow to write.
     */
    public FlatFileWriter(final FlowDefinition flow)
    {
        this.flow = flow;
    }

    /**
     * Begins a file: writes the envelope's header.
     *
     * @param header the header's values.
     * @return this.
     */
    public FlatFileWriter start(final FileHeader header)
    {
        this.header = header;
        length = 0;
        records = 0;
        checksum = 0;
        record = null;
        lineStart = 0;
        switch (flow.envelope())
        {
            case DTC -> ascii("ZHV|").ascii(header.fileId()).bar().ascii(header.fileType()).bar()
                .ascii(header.fromRole()).bar().ascii(header.fromParticipant()).bar().ascii(header.toRole()).bar()
                .ascii(header.toParticipant()).bar().ascii(header.created()).ascii("||||").ascii(header.testFlag())
                .bar();
            case POOL -> ascii("ZHD||").ascii(header.fileType()).bar().ascii(header.fromRole()).bar()
                .ascii(header.fromParticipant()).bar().ascii(header.toRole()).bar().ascii(header.toParticipant())
                .bar().ascii(header.created()).ascii("||||").ascii(header.testFlag());
            default -> ascii("AAA|").ascii(header.fileType()).ascii("|D|").ascii(header.created()).bar()
                .ascii(header.fromRole()).bar().ascii(header.fromParticipant()).bar().ascii(header.toRole()).bar()
                .ascii(header.toParticipant()).bar().ascii(Long.toString(header.sequenceNumber())).bar()
                .ascii(header.testFlag()).bar();
        }
        endLine();
        return this;
    }

    /**
     * Begins a data record.
     *
     * @param id the record id.
     * @return this.
     */
    public FlatFileWriter record(final String id)
    {
        if (record != null)
        {
            throw new IllegalStateException("record " + record.id() + " not ended");
        }
        record = flow.record(id);
        fields = 0;
        ascii(id);
        return this;
    }

    /**
     * @param value a text or char field's value (empty for an empty field).
     * @return this.
     */
    public FlatFileWriter text(final CharSequence value)
    {
        field();
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            if (c == '|' || c < 0x20 || c > 0x7E)
            {
                throw new IllegalArgumentException("not writable in a flat file: " + value);
            }
            out.putByte(length++, (byte)c);
        }
        return this;
    }

    /**
     * @param value a char field's value.
     * @return this.
     */
    public FlatFileWriter character(final char value)
    {
        field();
        out.putByte(length++, (byte)value);
        return this;
    }

    /**
     * @param value a boolean field's value.
     * @return this.
     */
    public FlatFileWriter bool(final boolean value)
    {
        return character(value ? 'T' : 'F');
    }

    /**
     * @param value an integer field's value.
     * @return this.
     */
    public FlatFileWriter integer(final long value)
    {
        field();
        length += out.putLongAscii(length, value);
        return this;
    }

    /**
     * @param yyyymmdd a date field's value.
     * @return this.
     */
    public FlatFileWriter date(final int yyyymmdd)
    {
        field();
        length += out.putIntAscii(length, yyyymmdd);
        return this;
    }

    /**
     * A decimal field: rounded half away from zero to the field's decimal places, written without trailing zeros
     * (and without a point when whole).
     *
     * @param value the value.
     * @return this.
     */
    public FlatFileWriter decimal(final double value)
    {
        final int scale = record.field(Math.min(fields, record.fieldCount() - 1)).scale();
        field();
        if (Double.isNaN(value) || Double.isInfinite(value))
        {
            throw new IllegalArgumentException("not a number: " + record.id() + " field " + fields);
        }
        long m = Math.round(Math.abs(value) * POW10[scale]);
        if (m != 0 && value < 0)
        {
            out.putByte(length++, (byte)'-');
        }
        int places = scale;
        while (places > 0 && m % 10 == 0)
        {
            m /= 10;
            places--;
        }
        if (places == 0)
        {
            length += out.putLongAscii(length, m);
        }
        else
        {
            final long whole = m / POW10[places];
            final long fraction = m % POW10[places];
            length += out.putLongAscii(length, whole);
            out.putByte(length++, (byte)'.');
            for (long p = POW10[places - 1]; p > fraction && p > 1; p /= 10)
            {
                out.putByte(length++, (byte)'0');
            }
            length += out.putLongAscii(length, fraction);
        }
        return this;
    }

    /**
     * @return this, with an empty field.
     */
    public FlatFileWriter empty()
    {
        field();
        return this;
    }

    /**
     * Ends the record.
     *
     * @return this.
     * @throws IllegalStateException if the record has not exactly its defined fields.
     */
    public FlatFileWriter end()
    {
        if (fields != record.fieldCount())
        {
            throw new IllegalStateException(record.id() + " has " + record.fieldCount() + " fields, " + fields +
                " written");
        }
        if (flow.envelope().trailingSeparator())
        {
            bar();
        }
        record = null;
        records++;
        endLine();
        return this;
    }

    /**
     * Writes the trailer.
     *
     * @return the file's bytes.
     */
    public byte[] finish()
    {
        if (record != null)
        {
            throw new IllegalStateException("record " + record.id() + " not ended");
        }
        switch (flow.envelope())
        {
            case DTC -> ascii("ZPT|").ascii(header.fileId()).bar().ascii(Long.toString(records)).ascii("||1|")
                .ascii(header.created()).bar();
            case POOL -> ascii("ZPT|").ascii(Long.toString(records + 2)).bar()
                .ascii(Long.toString(checksum & 0xFFFFFFFFL));
            default -> ascii("ZZZ|").ascii(Long.toString(records + 2)).bar()
                .ascii(Long.toString(checksum & 0xFFFFFFFFL)).bar();
        }
        out.putByte(length++, (byte)'\n');
        final byte[] bytes = new byte[length];
        out.getBytes(0, bytes);
        return bytes;
    }

    /**
     * @return the data records written so far.
     */
    public long records()
    {
        return records;
    }

    /**
     * @return the flow written.
     */
    public FlowDefinition flow()
    {
        return flow;
    }

    private void field()
    {
        if (record == null)
        {
            throw new IllegalStateException("no record begun");
        }
        out.putByte(length++, (byte)'|');
        fields++;
    }

    private FlatFileWriter ascii(final String s)
    {
        length += out.putStringWithoutLengthAscii(length, s);
        return this;
    }

    private FlatFileWriter bar()
    {
        out.putByte(length++, (byte)'|');
        return this;
    }

    private void endLine()
    {
        if (flow.envelope() != Envelope.DTC)
        {
            checksum = Xor32.update(checksum, out, lineStart, length - lineStart);
        }
        out.putByte(length++, (byte)'\n');
        lineStart = length;
    }

    /**
     * The values of a file's header, for every envelope (each uses the ones it has).
     *
     * @param fileType        flow / file type with version, e.g. {@code D0036001}, {@code C0421002}.
     * @param fileId          DTC File Identifier (DTC only).
     * @param fromRole        sender's role code.
     * @param fromParticipant sender's MPID / participant id.
     * @param toRole          recipient's role code.
     * @param toParticipant   recipient's MPID / participant id.
     * @param created         creation time {@code YYYYMMDDHHMMSS}.
     * @param sequenceNumber  IDD sequence number (IDD only).
     * @param testFlag        {@code OPER} or a test phase.
     */
    public record FileHeader(
        String fileType, String fileId, String fromRole, String fromParticipant, String toRole,
        String toParticipant, String created, long sequenceNumber, String testFlag)
    {
        /**
         * Checks the values are writable.
         *
         * @param fileType        flow / file type with version.
         * @param fileId          DTC File Identifier.
         * @param fromRole        sender's role code.
         * @param fromParticipant sender's id.
         * @param toRole          recipient's role code.
         * @param toParticipant   recipient's id.
         * @param created         creation time.
         * @param sequenceNumber  IDD sequence number.
         * @param testFlag        test flag.
         */
        public FileHeader
        {
            for (final String s : new String[] {fileType, fileId, fromRole, fromParticipant, toRole, toParticipant,
                created, testFlag})
            {
                if (s == null || s.indexOf('|') >= 0 || !StandardCharsets.US_ASCII.newEncoder().canEncode(s))
                {
                    throw new IllegalArgumentException("header value not writable: " + s);
                }
            }
        }
    }
}
