package io.gbsettle.core.files;

import java.nio.charset.StandardCharsets;

import io.gbsettle.core.registry.MarketRegistry;

/**
 * An immutable index of names (BM Unit ids, ...) to {@code int} values, looked up by their UTF-8 bytes in place: the
 * hot path's way from a name in a message body to a registry index without building a String. Built once (per
 * registry); open addressing over a power-of-two table, exact byte comparison.
 */
public final class NameIndex
{
    /** The value of a name not in the index. */
    public static final int MISSING = MarketRegistry.NO_INDEX;

    private final byte[][] names;
    private final int[] values;
    private final int[] table;
    private final int mask;

    /**
     * @param names  the names (distinct; a repeated name keeps its first value).
     * @param values their values, in the same order.
     */
    public NameIndex(final String[] names, final int[] values)
    {
        if (names.length != values.length)
        {
            throw new IllegalArgumentException(names.length + " names but " + values.length + " values");
        }
        this.names = new byte[names.length][];
        this.values = values.clone();
        int size = 16;
        while (size < names.length * 3)
        {
            size <<= 1;
        }
        this.table = new int[size];
        this.mask = size - 1;
        for (int i = 0; i < names.length; i++)
        {
            final byte[] name = names[i].getBytes(StandardCharsets.UTF_8);
            this.names[i] = name;
            if (get(name, 0, name.length) != MISSING)
            {
                continue;
            }
            int slot = hash(name, 0, name.length) & mask;
            while (table[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }
            table[slot] = i + 1;
        }
    }

    /**
     * @param registry a registry.
     * @return its BM Unit ids to their indices ({@link MarketRegistry#bmUnitIndex(String)} from bytes).
     */
    public static NameIndex bmUnits(final MarketRegistry registry)
    {
        final int count = registry.bmUnitCount();
        final String[] ids = new String[count];
        final int[] indices = new int[count];
        for (int i = 0; i < count; i++)
        {
            ids[i] = registry.bmUnitId(i);
            indices[i] = i;
        }
        return new NameIndex(ids, indices);
    }

    /**
     * @param bytes  holds the name, UTF-8.
     * @param offset its first byte.
     * @param length its length in bytes.
     * @return its value, or {@link #MISSING}.
     */
    public int get(final byte[] bytes, final int offset, final int length)
    {
        int slot = hash(bytes, offset, offset + length) & mask;
        int entry;
        while ((entry = table[slot]) != 0)
        {
            final byte[] name = names[entry - 1];
            if (name.length == length && matches(bytes, offset, name))
            {
                return values[entry - 1];
            }
            slot = (slot + 1) & mask;
        }
        return MISSING;
    }

    /**
     * @param name a name.
     * @return its value, or {@link #MISSING} (allocates the name's bytes: not for the hot path).
     */
    public int get(final String name)
    {
        final byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        return get(bytes, 0, bytes.length);
    }

    private static boolean matches(final byte[] bytes, final int offset, final byte[] name)
    {
        for (int i = 0; i < name.length; i++)
        {
            if (bytes[offset + i] != name[i])
            {
                return false;
            }
        }
        return true;
    }

    private static int hash(final byte[] b, final int from, final int to)
    {
        int h = 0x811C9DC5;
        for (int i = from; i < to; i++)
        {
            h = (h ^ b[i]) * 0x01000193;
        }
        return h ^ (h >>> 15);
    }
}
