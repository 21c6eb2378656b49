package io.gbsettle.adapters.sftp.format;

import org.agrona.DirectBuffer;

/**
 * The XOR-32 checksum of pool ({@code ZHD…ZPT}) and IDD ({@code AAA…ZZZ}) files (reference note §3.3): 32-bit
 * unsigned, starting at 0; every record from the header up to (not including) the trailer, without its line end,
 * is split into 4-byte big-endian words (the last one NUL-padded) and each word is XORed in. A record's trailing
 * {@code |}, where the envelope has one, is part of the record.
 */
public final class Xor32
{
    private Xor32()
    {
    }

    /**
     * XORs one record (line end excluded) into a running checksum.
     *
     * @param checksum the running value (start with 0).
     * @param buffer   holding the record.
     * @param offset   its first byte.
     * @param length   its length without CR/LF.
     * @return the new running value (use {@code & 0xFFFFFFFFL} for the unsigned figure).
     */
    public static int update(final int checksum, final DirectBuffer buffer, final int offset, final int length)
    {
        int x = checksum;
        final int full = length & ~3;
        int i = 0;
        for (; i < full; i += 4)
        {
            x ^= (buffer.getByte(offset + i) & 0xFF) << 24 | (buffer.getByte(offset + i + 1) & 0xFF) << 16 |
                (buffer.getByte(offset + i + 2) & 0xFF) << 8 | buffer.getByte(offset + i + 3) & 0xFF;
        }
        if (i < length)
        {
            int word = 0;
            for (int s = 24; i < length; i++, s -= 8)
            {
                word |= (buffer.getByte(offset + i) & 0xFF) << s;
            }
            x ^= word;
        }
        return x;
    }

    /**
     * @param lines records without line ends.
     * @return their checksum, unsigned.
     */
    public static long of(final String... lines)
    {
        int x = 0;
        for (final String line : lines)
        {
            final byte[] b = line.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            x = update(x, new org.agrona.concurrent.UnsafeBuffer(b), 0, b.length);
        }
        return x & 0xFFFFFFFFL;
    }
}
