package io.gbsettle.adapters.sftp.format;

import java.util.List;

/**
 * One record type of a flow: its 3-character id, its parent record (nesting is implied by order), how often it may
 * occur within one occurrence of its parent, and its fields.
 */
public final class RecordDefinition
{
    /** {@link #max()} for an unbounded record. */
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    private final String id;
    private final int code;
    private final int index;
    private final int parent;
    private final int depth;
    private final int min;
    private final int max;
    private final boolean periods;
    private final boolean open;
    private final boolean periodByOrder;
    private final boolean roles;
    private final FieldDefinition[] fields;
    private int[] children = new int[0];

    RecordDefinition(
        final String id, final int index, final int parent, final int depth, final int min, final int max,
        final boolean periods, final boolean open, final boolean periodByOrder, final List<FieldDefinition> fields)
    {
        this.id = id;
        this.code = RecordIds.code(id);
        this.index = index;
        this.parent = parent;
        this.depth = depth;
        this.min = min;
        this.max = max;
        this.periods = periods;
        this.open = open;
        this.periodByOrder = periodByOrder;
        this.fields = fields.toArray(new FieldDefinition[0]);
        boolean roles = false;
        for (final FieldDefinition f : this.fields)
        {
            roles |= f.role() != FieldDefinition.ROLE_NONE;
        }
        this.roles = roles;
    }

    /**
     * @return whether any field plays a business role (date, period, subject).
     */
    public boolean hasRoles()
    {
        return roles;
    }

    void addChild(final int child)
    {
        final int[] c = java.util.Arrays.copyOf(children, children.length + 1);
        c[children.length] = child;
        children = c;
    }

    /**
     * @return the 3-character id.
     */
    public String id()
    {
        return id;
    }

    /**
     * @return the id packed as {@link RecordIds#code(String)}.
     */
    public int code()
    {
        return code;
    }

    /**
     * @return the record's index within its flow.
     */
    public int index()
    {
        return index;
    }

    /**
     * @return the parent record's index, or -1 for a top-level record.
     */
    public int parent()
    {
        return parent;
    }

    /**
     * @return nesting depth, 0 for a top-level record.
     */
    public int depth()
    {
        return depth;
    }

    /**
     * @return the fewest occurrences per parent occurrence (per file for a top-level record).
     */
    public int min()
    {
        return min;
    }

    /**
     * @return the most occurrences per parent occurrence, or {@link #UNBOUNDED}.
     */
    public int max()
    {
        return max;
    }

    /**
     * @return whether the cardinality is the special {@code 46-50}: exactly the Settlement Day's periods.
     */
    public boolean periods()
    {
        return periods;
    }

    /**
     * @return whether more fields than defined are allowed (and ignored): a layout known only in part.
     */
    public boolean open()
    {
        return open;
    }

    /**
     * @return whether the record's Settlement Period is its position among its siblings (D0036 {@code 103}).
     */
    public boolean periodByOrder()
    {
        return periodByOrder;
    }

    /**
     * @return the number of defined fields (the record id not counted).
     */
    public int fieldCount()
    {
        return fields.length;
    }

    /**
     * @param i 0-based field index (the record id not counted).
     * @return the field.
     */
    public FieldDefinition field(final int i)
    {
        return fields[i];
    }

    /**
     * @param name a field name.
     * @return its index, or -1.
     */
    public int fieldIndex(final String name)
    {
        for (int i = 0; i < fields.length; i++)
        {
            if (fields[i].name().equals(name))
            {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param name a field name.
     * @return its index.
     * @throws IllegalArgumentException if there is no such field (a definition and code out of step).
     */
    public int requireField(final String name)
    {
        final int i = fieldIndex(name);
        if (i < 0)
        {
            throw new IllegalArgumentException(id + " has no field " + name);
        }
        return i;
    }

    /**
     * @return the indices of the child records.
     */
    int[] children()
    {
        return children;
    }

    /**
     * @return the cardinality as the definition file writes it.
     */
    public String cardinality()
    {
        if (periods)
        {
            return "46-50";
        }
        if (min == max)
        {
            return Integer.toString(min);
        }
        return min + "-" + (max == UNBOUNDED ? "*" : Integer.toString(max));
    }

    @Override
    public String toString()
    {
        return id + " " + cardinality();
    }
}
