package io.gbsettle.adapters.sftp.format;

import java.util.List;

/**
 * One flow as the definition file declares it: id, envelope, the header file type that identifies it, where its
 * files go, where its layout comes from, and its records (in definition order; parents before children).
 */
public final class FlowDefinition
{
    private final String id;
    private final Envelope envelope;
    private final String fileType;
    private final byte[] fileTypeBytes;
    private final String destination;
    private final String source;
    private final RecordDefinition[] records;
    private final int[] topLevel;
    private final int maxFields;
    private final int maxDepth;
    private final int[] skipped;

    FlowDefinition(
        final String id, final Envelope envelope, final String fileType, final String destination,
        final String source, final List<RecordDefinition> records, final List<Integer> skipped)
    {
        this.skipped = new int[skipped.size()];
        for (int i = 0; i < this.skipped.length; i++)
        {
            this.skipped[i] = skipped.get(i);
            if (recordOf(skipped.get(i), records) != null)
            {
                throw new IllegalArgumentException(id + ": " + RecordIds.id(skipped.get(i)) + " is both defined " +
                    "and skipped");
            }
        }
        this.id = id;
        this.envelope = envelope;
        this.fileType = fileType;
        this.fileTypeBytes = fileType.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        this.destination = destination;
        this.source = source;
        this.records = records.toArray(new RecordDefinition[0]);
        int top = 0;
        int fields = 0;
        int depth = 0;
        for (final RecordDefinition r : this.records)
        {
            top += r.parent() < 0 ? 1 : 0;
            fields = Math.max(fields, r.fieldCount());
            depth = Math.max(depth, r.depth() + 1);
        }
        this.topLevel = new int[top];
        int t = 0;
        for (final RecordDefinition r : this.records)
        {
            if (r.parent() < 0)
            {
                topLevel[t++] = r.index();
            }
        }
        this.maxFields = fields;
        this.maxDepth = depth;
    }

    /**
     * @return the flow id ({@code "C0421"}, {@code "ECVN"}...).
     */
    public String id()
    {
        return id;
    }

    /**
     * @return the envelope.
     */
    public Envelope envelope()
    {
        return envelope;
    }

    /**
     * @return the header's flow / file type without version, e.g. {@code "C0421"} (a header's
     * {@code "C0421002"} matches it).
     */
    public String fileType()
    {
        return fileType;
    }

    byte[] fileTypeBytes()
    {
        return fileTypeBytes;
    }

    /**
     * @return where files of the flow go: {@code ENGINE}, {@code METER_DATA} or {@code RECONCILIATION}.
     */
    public String destination()
    {
        return destination;
    }

    /**
     * @return where the layout comes from and how sure it is (the definition file's {@code source} line).
     */
    public String source()
    {
        return source;
    }

    /**
     * @return the number of record types.
     */
    public int recordCount()
    {
        return records.length;
    }

    /**
     * @param index a record index.
     * @return the record.
     */
    public RecordDefinition record(final int index)
    {
        return records[index];
    }

    /**
     * @param id a 3-character record id.
     * @return the record.
     * @throws IllegalArgumentException if the flow has no such record.
     */
    public RecordDefinition record(final String id)
    {
        final RecordDefinition r = recordOf(RecordIds.code(id));
        if (r == null)
        {
            throw new IllegalArgumentException(this.id + " has no record " + id);
        }
        return r;
    }

    /**
     * @param code a packed record id.
     * @return the record, or null.
     */
    public RecordDefinition recordOf(final int code)
    {
        for (final RecordDefinition r : records)
        {
            if (r.code() == code)
            {
                return r;
            }
        }
        return null;
    }

    /**
     * @param code a packed record id.
     * @return whether the flow passes over records with that id (layout not defined, {@code skip}).
     */
    public boolean skips(final int code)
    {
        for (int i = 0; i < skipped.length; i++)
        {
            if (skipped[i] == code)
            {
                return true;
            }
        }
        return false;
    }

    private static RecordDefinition recordOf(final int code, final List<RecordDefinition> records)
    {
        for (final RecordDefinition r : records)
        {
            if (r.code() == code)
            {
                return r;
            }
        }
        return null;
    }

    int[] topLevel()
    {
        return topLevel;
    }

    /**
     * @return the most fields any record defines.
     */
    public int maxFields()
    {
        return maxFields;
    }

    /**
     * @return the deepest nesting plus one.
     */
    public int maxDepth()
    {
        return maxDepth;
    }

    @Override
    public String toString()
    {
        return id + " (" + envelope + ", " + fileType + ", " + records.length + " records)";
    }
}
