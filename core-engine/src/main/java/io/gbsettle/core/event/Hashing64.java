package io.gbsettle.core.event;

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
}
