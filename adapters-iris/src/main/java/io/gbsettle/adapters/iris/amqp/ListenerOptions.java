package io.gbsettle.adapters.iris.amqp;

/**
 * The {@link IrisListener}'s choices, each with its default and the reason. Immutable; {@code with...} returns a copy.
 */
public final class ListenerOptions
{
    /**
     * Messages the broker may assign to this consumer beyond the one being handled: 0 (default). Service Bus starts a
     * message's lock when it is assigned to link credit, not when the client reads it (§1.5), so prefetch burns lock
     * time: IRIS's clients use 0. 1 overlaps the next transfer with the current message's journaling; a larger
     * window (up to {@link #MAX_PREFETCH}) drains a backlog at the broker's pace, safe while prefetch x the time per
     * message stays far below the lock duration (1,000 x 1 ms = 1 s against IRIS's 60 s).
     */
    public static final int DEFAULT_PREFETCH = 0;
    /** The largest prefetch window accepted. */
    public static final int MAX_PREFETCH = 1000;
    /** How long one receive call blocks before the loop looks at close, idleness and token expiry (200 ms). */
    public static final long DEFAULT_POLL_MILLIS = 200;
    /** First reconnect delay (250 ms); doubled per failed attempt, with jitter. */
    public static final long DEFAULT_BACKOFF_MIN_MILLIS = 250;
    /** Longest reconnect delay (30 s): bounded, so an outage of the broker costs at most that after it ends. */
    public static final long DEFAULT_BACKOFF_MAX_MILLIS = 30_000;
    /**
     * The queue's lock duration (60 s, IRIS's documented value, §1.5). A message whose handling takes longer may have
     * lost its lock: it is counted and logged as slow (its settlement may fail; the redelivery is a duplicate and has
     * no second effect).
     */
    public static final long DEFAULT_LOCK_MILLIS = 60_000;
    /** Longest dead-letter description sent to the broker (Service Bus keeps about 4 KB of properties). */
    public static final int DEFAULT_MAX_REASON_CHARS = 1024;

    private final int prefetch;
    private final long pollMillis;
    private final long exitWhenIdleMillis;
    private final long backoffMinMillis;
    private final long backoffMaxMillis;
    private final long lockMillis;
    private final long progressMillis;

    private ListenerOptions(final int prefetch, final long pollMillis, final long exitWhenIdleMillis,
        final long backoffMinMillis, final long backoffMaxMillis, final long lockMillis, final long progressMillis)
    {
        if (prefetch < 0 || prefetch > MAX_PREFETCH)
        {
            throw new IllegalArgumentException("prefetch must be 0 .. " + MAX_PREFETCH + ": " + prefetch);
        }
        if (pollMillis <= 0 || backoffMinMillis <= 0 || backoffMaxMillis < backoffMinMillis)
        {
            throw new IllegalArgumentException("poll and backoff must be positive, min <= max");
        }
        this.prefetch = prefetch;
        this.pollMillis = pollMillis;
        this.exitWhenIdleMillis = exitWhenIdleMillis;
        this.backoffMinMillis = backoffMinMillis;
        this.backoffMaxMillis = backoffMaxMillis;
        this.lockMillis = lockMillis;
        this.progressMillis = progressMillis;
    }

    /**
     * @return the defaults: prefetch 0, never exit when idle, backoff 250 ms .. 30 s, no progress lines.
     */
    public static ListenerOptions defaults()
    {
        return new ListenerOptions(DEFAULT_PREFETCH, DEFAULT_POLL_MILLIS, 0, DEFAULT_BACKOFF_MIN_MILLIS,
            DEFAULT_BACKOFF_MAX_MILLIS, DEFAULT_LOCK_MILLIS, 0);
    }

    /**
     * @param prefetch 0 .. {@link #MAX_PREFETCH}.
     * @return a copy.
     */
    public ListenerOptions withPrefetch(final int prefetch)
    {
        return new ListenerOptions(prefetch, pollMillis, exitWhenIdleMillis, backoffMinMillis, backoffMaxMillis,
            lockMillis, progressMillis);
    }

    /**
     * @param millis stop after no message arrived for this long (0: never).
     * @return a copy.
     */
    public ListenerOptions withExitWhenIdleMillis(final long millis)
    {
        return new ListenerOptions(prefetch, pollMillis, millis, backoffMinMillis, backoffMaxMillis, lockMillis,
            progressMillis);
    }

    /**
     * @param minMillis first reconnect delay.
     * @param maxMillis longest reconnect delay.
     * @return a copy.
     */
    public ListenerOptions withBackoffMillis(final long minMillis, final long maxMillis)
    {
        return new ListenerOptions(prefetch, pollMillis, exitWhenIdleMillis, minMillis, maxMillis, lockMillis,
            progressMillis);
    }

    /**
     * @param millis the queue's lock duration.
     * @return a copy.
     */
    public ListenerOptions withLockMillis(final long millis)
    {
        return new ListenerOptions(prefetch, pollMillis, exitWhenIdleMillis, backoffMinMillis, backoffMaxMillis,
            millis, progressMillis);
    }

    /**
     * @param millis call the progress callback at most this often (0: never).
     * @return a copy.
     */
    public ListenerOptions withProgressMillis(final long millis)
    {
        return new ListenerOptions(prefetch, pollMillis, exitWhenIdleMillis, backoffMinMillis, backoffMaxMillis,
            lockMillis, millis);
    }

    /**
     * @return messages prefetched beyond the one being handled.
     */
    public int prefetch()
    {
        return prefetch;
    }

    /**
     * @return the receive poll, ms.
     */
    public long pollMillis()
    {
        return pollMillis;
    }

    /**
     * @return idle time before the listener stops, ms (0: never).
     */
    public long exitWhenIdleMillis()
    {
        return exitWhenIdleMillis;
    }

    /**
     * @return first reconnect delay, ms.
     */
    public long backoffMinMillis()
    {
        return backoffMinMillis;
    }

    /**
     * @return longest reconnect delay, ms.
     */
    public long backoffMaxMillis()
    {
        return backoffMaxMillis;
    }

    /**
     * @return the queue's lock duration, ms.
     */
    public long lockMillis()
    {
        return lockMillis;
    }

    /**
     * @return progress interval, ms (0: none).
     */
    public long progressMillis()
    {
        return progressMillis;
    }

    /**
     * @return the longest dead-letter description sent.
     */
    public int maxReasonChars()
    {
        return DEFAULT_MAX_REASON_CHARS;
    }
}
