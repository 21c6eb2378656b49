package io.gbsettle.adapters.sftp.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.agrona.DirectBuffer;

/**
 * The flow definitions, read from a definition file ({@value #RESOURCE} on the class path is the built-in one), so
 * that a corrected layout is a data change. The file's grammar, one statement a line, {@code #} to end of line is a
 * comment:
 *
 * <pre>
 *   flow   ID ENVELOPE FILETYPE DESTINATION        e.g. flow C0421 IDD C0421 ENGINE
 *   source free text                               where the layout comes from and how sure it is
 *   record RID PARENT CARDINALITY [open] [periodByOrder]
 *                                                  PARENT is a record id or -; CARDINALITY 1, 0-1, 0-*, 1-*, m-n,
 *                                                  or 46-50 (exactly the day's periods); open: more fields than
 *                                                  defined are allowed; periodByOrder: the period is the record's
 *                                                  position among its siblings
 *   field  NAME TYPE M|O [@date|@period|@subject] [values=A,B]
 *                                                  TYPE text(n) char integer(n) decimal(n,d) boolean date datetime
 *                                                  time timestamp
 *   skip   RID [RID...]                            records of the flow whose layout is not defined: counted (record
 *                                                  count, checksum) and passed over wherever they appear
 * </pre>
 */
public final class FlowCatalogue
{
    /** The built-in definition file on the class path. */
    public static final String RESOURCE = "/io/gbsettle/adapters/sftp/format/flows.txt";

    private static volatile FlowCatalogue builtIn;

    private final List<FlowDefinition> flows;

    private FlowCatalogue(final List<FlowDefinition> flows)
    {
        this.flows = Collections.unmodifiableList(flows);
    }

    /**
     * @return the built-in catalogue (read once).
     */
    public static FlowCatalogue builtIn()
    {
        FlowCatalogue c = builtIn;
        if (c == null)
        {
            try (InputStream in = FlowCatalogue.class.getResourceAsStream(RESOURCE))
            {
                if (in == null)
                {
                    throw new IllegalStateException("missing " + RESOURCE);
                }
                c = parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
            builtIn = c;
        }
        return c;
    }

    /**
     * Reads a definition text.
     *
     * @param text the definitions.
     * @return the catalogue.
     * @throws IllegalArgumentException naming the line of a statement that is wrong.
     */
    public static FlowCatalogue parse(final String text)
    {
        final List<FlowDefinition> flows = new ArrayList<>();
        final String[] lines = text.split("\r?\n", -1);
        String id = null;
        Envelope envelope = null;
        String fileType = null;
        String destination = null;
        String source = "";
        List<RecordDefinition> records = new ArrayList<>();
        List<Integer> skipped = new ArrayList<>();
        List<FieldDefinition> fields = null;
        String[] pendingRecord = null;
        int pendingLine = 0;
        for (int n = 0; n <= lines.length; n++)
        {
            final String raw = n < lines.length ? lines[n] : "flow";
            final int hash = raw.indexOf('#');
            final String line = (hash >= 0 ? raw.substring(0, hash) : raw).trim();
            if (line.isEmpty())
            {
                continue;
            }
            final String[] w = line.split("\\s+");
            try
            {
                switch (w[0])
                {
                    case "flow", "record" ->
                    {
                        if (pendingRecord != null)
                        {
                            records.add(record(pendingRecord, records, fields, pendingLine));
                            pendingRecord = null;
                        }
                        if (w[0].equals("record"))
                        {
                            if (id == null)
                            {
                                throw new IllegalArgumentException("record before any flow");
                            }
                            pendingRecord = w;
                            pendingLine = n + 1;
                            fields = new ArrayList<>();
                        }
                        else
                        {
                            if (id != null)
                            {
                                if (records.isEmpty())
                                {
                                    throw new IllegalArgumentException("flow " + id + " has no records");
                                }
                                flows.add(new FlowDefinition(id, envelope, fileType, destination, source, records,
                                    skipped));
                            }
                            if (n < lines.length)
                            {
                                if (w.length != 5)
                                {
                                    throw new IllegalArgumentException("flow ID ENVELOPE FILETYPE DESTINATION");
                                }
                                id = w[1];
                                envelope = Envelope.valueOf(w[2]);
                                fileType = w[3];
                                destination = w[4];
                                source = "";
                                records = new ArrayList<>();
                                skipped = new ArrayList<>();
                            }
                        }
                    }
                    case "source" -> source = line.substring("source".length()).trim();
                    case "skip" ->
                    {
                        if (id == null)
                        {
                            throw new IllegalArgumentException("skip before any flow");
                        }
                        for (int i = 1; i < w.length; i++)
                        {
                            skipped.add(RecordIds.code(w[i]));
                        }
                    }
                    case "field" ->
                    {
                        if (fields == null || pendingRecord == null)
                        {
                            throw new IllegalArgumentException("field before any record");
                        }
                        fields.add(field(w));
                    }
                    default -> throw new IllegalArgumentException("unknown statement " + w[0]);
                }
            }
            catch (final RuntimeException ex)
            {
                throw new IllegalArgumentException("flow definitions line " + (n + 1) + ": " + ex.getMessage(), ex);
            }
        }
        return new FlowCatalogue(flows);
    }

    private static RecordDefinition record(
        final String[] w, final List<RecordDefinition> records, final List<FieldDefinition> fields, final int line)
    {
        try
        {
            if (w.length < 4)
            {
                throw new IllegalArgumentException("record RID PARENT CARDINALITY [open] [periodByOrder]");
            }
            int parent = -1;
            int depth = 0;
            if (!w[2].equals("-"))
            {
                for (final RecordDefinition r : records)
                {
                    if (r.id().equals(w[2]))
                    {
                        parent = r.index();
                        depth = r.depth() + 1;
                    }
                }
                if (parent < 0)
                {
                    throw new IllegalArgumentException("parent " + w[2] + " is not defined before " + w[1]);
                }
            }
            for (final RecordDefinition r : records)
            {
                if (r.id().equals(w[1]))
                {
                    throw new IllegalArgumentException("record " + w[1] + " defined twice");
                }
            }
            final String card = w[3];
            final boolean periods = card.equals("46-50");
            final int min;
            final int max;
            final int dash = card.indexOf('-');
            if (periods)
            {
                min = 46;
                max = 50;
            }
            else if (dash < 0)
            {
                min = Integer.parseInt(card);
                max = min;
            }
            else
            {
                min = Integer.parseInt(card.substring(0, dash));
                final String hi = card.substring(dash + 1);
                max = hi.equals("*") ? RecordDefinition.UNBOUNDED : Integer.parseInt(hi);
            }
            if (min < 0 || max < min || max == 0)
            {
                throw new IllegalArgumentException("cardinality " + card);
            }
            final List<String> flags = Arrays.asList(w).subList(4, w.length);
            for (final String f : flags)
            {
                if (!f.equals("open") && !f.equals("periodByOrder"))
                {
                    throw new IllegalArgumentException("unknown record flag " + f);
                }
            }
            final RecordDefinition r = new RecordDefinition(w[1], records.size(), parent, depth, min, max, periods,
                flags.contains("open"), flags.contains("periodByOrder"), fields);
            if (parent >= 0)
            {
                records.get(parent).addChild(r.index());
            }
            return r;
        }
        catch (final RuntimeException ex)
        {
            throw new IllegalArgumentException("flow definitions line " + line + ": " + ex.getMessage(), ex);
        }
    }

    private static FieldDefinition field(final String[] w)
    {
        if (w.length < 4)
        {
            throw new IllegalArgumentException("field NAME TYPE M|O [@role] [values=..]");
        }
        final String type = w[2].toLowerCase(Locale.ROOT);
        final int paren = type.indexOf('(');
        final String base = paren < 0 ? type : type.substring(0, paren);
        final String[] args = paren < 0 ? new String[0] : type.substring(paren + 1, type.length() - 1).split(",");
        final FieldType t;
        int length;
        int scale = 0;
        switch (base)
        {
            case "text" ->
            {
                t = FieldType.TEXT;
                length = Integer.parseInt(args[0]);
            }
            case "char" ->
            {
                t = FieldType.CHAR;
                length = 1;
            }
            case "integer" ->
            {
                t = FieldType.INTEGER;
                length = Integer.parseInt(args[0]);
            }
            case "decimal" ->
            {
                t = FieldType.DECIMAL;
                length = Integer.parseInt(args[0]);
                scale = Integer.parseInt(args[1]);
            }
            case "boolean" ->
            {
                t = FieldType.BOOLEAN;
                length = 1;
            }
            case "date" ->
            {
                t = FieldType.DATE;
                length = 8;
            }
            case "datetime" ->
            {
                t = FieldType.DATETIME;
                length = 14;
            }
            case "time" ->
            {
                t = FieldType.TIME;
                length = 4;
            }
            case "timestamp" ->
            {
                t = FieldType.TIMESTAMP;
                length = 6;
            }
            default -> throw new IllegalArgumentException("unknown type " + w[2]);
        }
        if (length < 1 || length > 18 && t != FieldType.TEXT || scale < 0 || scale > 9 || scale > length)
        {
            throw new IllegalArgumentException("bad size " + w[2]);
        }
        final boolean mandatory = switch (w[3])
        {
            case "M" -> true;
            case "O" -> false;
            default -> throw new IllegalArgumentException("presence M or O, not " + w[3]);
        };
        int role = FieldDefinition.ROLE_NONE;
        List<String> values = List.of();
        for (int i = 4; i < w.length; i++)
        {
            switch (w[i])
            {
                case "@date" -> role = FieldDefinition.ROLE_DATE;
                case "@period" -> role = FieldDefinition.ROLE_PERIOD;
                case "@subject" -> role = FieldDefinition.ROLE_SUBJECT;
                default ->
                {
                    if (!w[i].startsWith("values="))
                    {
                        throw new IllegalArgumentException("unknown field option " + w[i]);
                    }
                    values = List.of(w[i].substring("values=".length()).split(","));
                }
            }
        }
        return new FieldDefinition(w[1], t, length, scale, mandatory, role, values);
    }

    /**
     * @return every flow, in definition order.
     */
    public List<FlowDefinition> flows()
    {
        return flows;
    }

    /**
     * @param id a flow id.
     * @return the flow.
     * @throws IllegalArgumentException if there is none.
     */
    public FlowDefinition flow(final String id)
    {
        for (final FlowDefinition f : flows)
        {
            if (f.id().equals(id))
            {
                return f;
            }
        }
        throw new IllegalArgumentException("no flow " + id);
    }

    /**
     * Finds the flow of a header's file type without allocating: the envelope must match and the file type must
     * start with the flow's (a version suffix follows).
     *
     * @param envelope the file's envelope.
     * @param buffer   holding the header.
     * @param offset   of the file type field.
     * @param length   of the field.
     * @return the flow, or null.
     */
    public FlowDefinition flowOf(final Envelope envelope, final DirectBuffer buffer, final int offset,
        final int length)
    {
        for (int f = 0, n = flows.size(); f < n; f++)
        {
            final FlowDefinition flow = flows.get(f);
            final byte[] type = flow.fileTypeBytes();
            if (flow.envelope() == envelope && length >= type.length)
            {
                boolean same = true;
                for (int i = 0; i < type.length && same; i++)
                {
                    same = buffer.getByte(offset + i) == type[i];
                }
                if (same)
                {
                    return flow;
                }
            }
        }
        return null;
    }
}
