package io.gbsettle.adapters.sftp.format;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One field of a record, as the flow definition file declares it: name, type with its length (and decimal places),
 * whether it is mandatory, the business role it plays in problem messages, and the values it may take.
 */
public final class FieldDefinition
{
    /** Role: none. */
    public static final int ROLE_NONE = 0;
    /** Role: the record's Settlement Date ({@code @date}). */
    public static final int ROLE_DATE = 1;
    /** Role: the record's Settlement Period ({@code @period}). */
    public static final int ROLE_PERIOD = 2;
    /** Role: the BM Unit, party, MPAN or distributor the record is about ({@code @subject}). */
    public static final int ROLE_SUBJECT = 3;

    private final String name;
    private final FieldType type;
    private final int length;
    private final int scale;
    private final boolean mandatory;
    private final int role;
    private final List<String> values;
    private final byte[][] valueBytes;
    private final long[] singleCharValues;

    /**
     * @param name      the field's name.
     * @param type      its type.
     * @param length    maximum characters (text), digits (integer, decimal); 1 for char; fixed for dates and times.
     * @param scale     decimal places at most (decimal), else 0.
     * @param mandatory whether it must not be empty.
     * @param role      {@link #ROLE_NONE}, {@link #ROLE_DATE}, {@link #ROLE_PERIOD} or {@link #ROLE_SUBJECT}.
     * @param values    the values allowed, or empty for any value of the type.
     */
    public FieldDefinition(
        final String name, final FieldType type, final int length, final int scale, final boolean mandatory,
        final int role, final List<String> values)
    {
        this.name = name;
        this.type = type;
        this.length = length;
        this.scale = scale;
        this.mandatory = mandatory;
        this.role = role;
        this.values = List.copyOf(values);
        this.valueBytes = new byte[values.size()][];
        for (int i = 0; i < valueBytes.length; i++)
        {
            valueBytes[i] = values.get(i).getBytes(StandardCharsets.US_ASCII);
        }
        long[] singles = values.isEmpty() ? null : new long[2];
        for (final byte[] v : valueBytes)
        {
            if (singles != null && v.length == 1 && v[0] >= 0)
            {
                singles[v[0] >>> 6] |= 1L << (v[0] & 63);
            }
            else
            {
                singles = null;
            }
        }
        this.singleCharValues = singles;
    }

    /**
     * @return when every allowed value is one ASCII character, a 128-bit set of them (two longs); else null.
     */
    long[] singleCharValues()
    {
        return singleCharValues;
    }

    /**
     * @return the field's name.
     */
    public String name()
    {
        return name;
    }

    /**
     * @return its type.
     */
    public FieldType type()
    {
        return type;
    }

    /**
     * @return maximum characters or digits.
     */
    public int length()
    {
        return length;
    }

    /**
     * @return maximum decimal places (decimal), else 0.
     */
    public int scale()
    {
        return scale;
    }

    /**
     * @return whether the field must not be empty.
     */
    public boolean mandatory()
    {
        return mandatory;
    }

    /**
     * @return the field's business role ({@link #ROLE_DATE}...).
     */
    public int role()
    {
        return role;
    }

    /**
     * @return the values allowed, or empty for any.
     */
    public List<String> values()
    {
        return values;
    }

    byte[][] valueBytes()
    {
        return valueBytes;
    }

    /**
     * @return the type as the definition file writes it, e.g. {@code decimal(10,3)}.
     */
    public String typeText()
    {
        return switch (type)
        {
            case TEXT -> "text(" + length + ")";
            case INTEGER -> "integer(" + length + ")";
            case DECIMAL -> "decimal(" + length + "," + scale + ")";
            default -> type.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    @Override
    public String toString()
    {
        return name + ":" + typeText() + (mandatory ? ":M" : ":O");
    }
}
