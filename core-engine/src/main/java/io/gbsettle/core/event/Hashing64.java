package io.gbsettle.core.event;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;

/**
 * The one 64-bit mixing function of the event model (SplitMix64's finaliser): idempotency keys, business keys and
 * input digests are all built from it, so that equal content always gives equal keys on every JVM.
 */
public final class Hashing64
{
    private Hashing64()
    {
    }

    /**
     * @param z a 64-bit value.
     * @return its mix: every input bit affects every output bit.
     */
    public static long mix(final long z)
    {
        long x = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }

    /**
     * @param a first part.
     * @param b second part.
     * @return a hash of the ordered pair.
     */
    public static long combine(final long a, final long b)
    {
        return mix(a * 0x9E3779B97F4A7C15L + b);
    }

    /**
     * A 64-bit hash of a run of bytes (a file, a message body): the same bytes give the same hash on every JVM and
     * in every run, so adapters key idempotency on it. Not cryptographic; use SHA-256 where a counterparty needs one.
     *
     * @param buffer holding the bytes.
     * @param offset of the first byte.
     * @param length how many bytes.
     * @return the hash (the length is part of it).
     */
    public static long hash(final DirectBuffer buffer, final int offset, final int length)
    {
        long h = 0x9E3779B97F4A7C15L ^ length;
        final int words = length & ~7;
        int i = 0;
        for (; i < words; i += 8)
        {
            h = Long.rotateLeft(h ^ buffer.getLong(offset + i, ByteOrder.LITTLE_ENDIAN) * 0xC2B2AE3D27D4EB4FL, 31) *
                0x9E3779B97F4A7C15L;
        }
        long tail = 0;
        for (int shift = 0; i < length; i++, shift += 8)
        {
            tail |= (buffer.getByte(offset + i) & 0xFFL) << shift;
        }
        return mix(h ^ tail * 0xC2B2AE3D27D4EB4FL);
    }
}
