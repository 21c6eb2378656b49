package io.gbsettle.adapters.sftp.format;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.agrona.DirectBuffer;

/**
 * Looks ids (BM Unit ids, party ids) up by their bytes in a file without allocating: an open-addressing table of
 * byte hashes, built once from the registry's ids.
 */
public final class BytesIndex
{
    private final byte[][] ids;
    private final int[] slots;
    private final long[] hashes;
    private final int mask;

    /**
     * @param ids the ids, index i having value i.
     */
    public BytesIndex(final String[] ids)
    {
        this.ids = new byte[ids.length][];
        int capacity = 16;
        while (capacity < ids.length * 2)
        {
            capacity <<= 1;
        }
        mask = capacity - 1;
        slots = new int[capacity];
        hashes = new long[capacity];
        Arrays.fill(slots, -1);
        for (int i = 0; i < ids.length; i++)
        {
            final byte[] b = ids[i].getBytes(StandardCharsets.US_ASCII);
            this.ids[i] = b;
            final long h = hash(b);
            int s = (int)h & mask;
            while (slots[s] >= 0)
            {
                s = (s + 1) & mask;
            }
            slots[s] = i;
            hashes[s] = h;
        }
    }

    /**
     * @param buffer holding the id.
     * @param offset its first byte.
     * @param length its length.
     * @return its index, or -1.
     */
    public int indexOf(final DirectBuffer buffer, final int offset, final int length)
    {
        final long h = FlatFileParser.hash(buffer, offset, length);
        int s = (int)h & mask;
        while (slots[s] >= 0)
        {
            if (hashes[s] == h && same(ids[slots[s]], buffer, offset, length))
            {
                return slots[s];
            }
            s = (s + 1) & mask;
        }
        return -1;
    }

    /**
     * @param cursor a record.
     * @param field  a field of it.
     * @return the index of the field's value, or -1.
     */
    public int indexOf(final RecordCursor cursor, final int field)
    {
        return indexOf(cursor.buffer(), cursor.offset(field), cursor.length(field));
    }

    private static boolean same(final byte[] id, final DirectBuffer buffer, final int offset, final int length)
    {
        if (id.length != length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (id[i] != buffer.getByte(offset + i))
            {
                return false;
            }
        }
        return true;
    }

    private static long hash(final byte[] b)
    {
        return FlatFileParser.hash(new org.agrona.concurrent.UnsafeBuffer(b), 0, b.length);
    }
}
