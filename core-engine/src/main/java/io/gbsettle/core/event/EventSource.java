package io.gbsettle.core.event;

/**
 * Who sent an input record ({@link InputEvent#source()}): part of its idempotency key, so that two sources never
 * collide, and shown by journal inspection. Adapters use their own constant; hosts embedding the engine may use any
 * value from {@link #FIRST_HOST} up.
 */
public final class EventSource
{
    /** A day bundle submitted row by row ({@code bsc settle --journal}); the source key is file and row. */
    public static final int BUNDLE = 1;
    /** The IRIS adapter; the source key is message id and row. */
    public static final int IRIS = 2;
    /** The SFTP adapter; the source key is counterparty, file and record. */
    public static final int SFTP = 3;
    /** The supplier volume aggregation stage. */
    public static final int AGGREGATION = 4;
    /** An operator or a tool (run triggers, end-of-input markers). */
    public static final int OPERATOR = 5;
    /** Test and benchmark load generators. */
    public static final int SYNTHETIC = 6;
    /** First value free for a host application's own sources. */
    public static final int FIRST_HOST = 1000;

    private EventSource()
    {
    }

    /**
     * @param source a source code.
     * @return its name for people.
     */
    public static String name(final int source)
    {
        return switch (source)
        {
            case BUNDLE -> "bundle";
            case IRIS -> "iris";
            case SFTP -> "sftp";
            case AGGREGATION -> "aggregation";
            case OPERATOR -> "operator";
            case SYNTHETIC -> "synthetic";
            default -> "host-" + source;
        };
    }
}
