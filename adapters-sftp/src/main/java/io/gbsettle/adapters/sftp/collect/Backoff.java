package io.gbsettle.adapters.sftp.collect;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Reconnect delays after failed cycles: exponential from an initial delay up to a maximum, each drawn uniformly from
 * the upper half of its step ("equal jitter"), so that many adapters losing one server do not come back in step.
 * Not thread-safe.
 */
public final class Backoff
{
    private final long initialMillis;
    private final long maxMillis;
    private final SplittableRandom random;
    private int failures;

    /**
     * @param initial the first delay's upper bound.
     * @param max     the longest delay.
     * @param seed    seed of the jitter (fixed in tests).
     */
    public Backoff(final Duration initial, final Duration max, final long seed)
    {
        this.initialMillis = Math.max(1, initial.toMillis());
        this.maxMillis = Math.max(initialMillis, max.toMillis());
        this.random = new SplittableRandom(seed);
    }

    /**
     * Records a failure and returns how long to wait before the next attempt.
     *
     * @return the delay, between half and all of {@code min(max, initial * 2^(failures-1))}.
     */
    public Duration failure()
    {
        final int shift = Math.min(failures, 30);
        failures++;
        final long step = Math.min(maxMillis, initialMillis << shift);
        final long half = step / 2;
        return Duration.ofMillis(half + random.nextLong(step - half + 1));
    }

    /**
     * Records a success: the next failure starts from the initial delay again.
     */
    public void success()
    {
        failures = 0;
    }

    /**
     * @return consecutive failures so far.
     */
    public int failures()
    {
        return failures;
    }
}
