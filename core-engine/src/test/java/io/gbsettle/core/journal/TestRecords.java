package io.gbsettle.core.journal;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Records whose every byte is a function of their position, so that any record read back can be checked on its
 * own: a lost, duplicated, shifted or torn record shows.
 */
final class TestRecords
{
    private TestRecords()
    {
    }

    static long word(final long position, final int word)
    {
        return (position + 1) * 0x9E3779B97F4A7C15L ^ (long)word << 56 ^ word;
    }

    static void fill(final MutableDirectBuffer buffer, final int offset, final int length, final long position)
    {
        for (int w = 0; w < length / Long.BYTES; w++)
        {
            buffer.putLong(offset + w * Long.BYTES, word(position, w));
        }
    }

    /**
     * @return -1 when the record is the one of the position, else the first word that differs.
     */
    static int check(final DirectBuffer buffer, final int offset, final int length, final long position)
    {
        for (int w = 0; w < length / Long.BYTES; w++)
        {
            if (buffer.getLong(offset + w * Long.BYTES) != word(position, w))
            {
                return w;
            }
        }
        return -1;
    }
}
