package io.gbsettle.adapters.iris;

import java.util.concurrent.TimeUnit;

/**
 * Every choice the IRIS adapter's core makes where the feed or the BSC leaves room, each a named field with its
 * default and the reason. Immutable; the {@code with...} methods return a copy.
 */
public final class IrisOptions
{
    /** What to do with a row whose BM Unit is not in the registry. */
    public enum UnknownBmUnit
    {
        /**
         * Skip the row, keep the message and its other rows, report the row (dataset, message id, row, field, BM
         * Unit, settlement date and period) in the JOURNALED entry's detail and count it. Default: a new BM Unit
         * appears in the feed before the registry knows it, and a serious system must not hold back a whole BOD
         * file (thousands of rows of other units) for one of them; the raw body is kept, so the rows can be
         * re-mapped after a registry update by replaying the journal.
         */
        SKIP_AND_REPORT,
        /** Dead-letter the whole message (strict: nothing of a message is applied unless all of it is). */
        DEAD_LETTER
    }

    /** How MELS / MILS re-declarations are resolved (iris-insights.md §2.4); the raw rows are always all kept. */
    public enum LimitResolution
    {
        /**
         * Elexon's rule: a record is valid if its notificationSequence is greater, or equal with a later
         * notificationTime; valid records overwrite earlier ones over their time span. Default: the published rule,
         * independent of arrival order (re-declarations can arrive out of order after an outage).
         */
        SEQUENCE_THEN_TIME,
        /** The last record received for a time wins (arrival order): only for comparison with naive consumers. */
        LATEST_ARRIVAL
    }

    /** Default: dead-letter policy for unknown BM Units. */
    public static final UnknownBmUnit DEFAULT_UNKNOWN_BM_UNIT = UnknownBmUnit.SKIP_AND_REPORT;

    private UnknownBmUnit unknownBmUnit = DEFAULT_UNKNOWN_BM_UNIT;
    private LimitResolution limitResolution = LimitResolution.SEQUENCE_THEN_TIME;
    private long journalTimeoutNanos = TimeUnit.SECONDS.toNanos(10);
    private int lolpForecastHorizonHours = 1;
    private int maxReportedRows = 20;

    /**
     * @return the defaults.
     */
    public static IrisOptions defaults()
    {
        return new IrisOptions();
    }

    private IrisOptions copy()
    {
        final IrisOptions o = new IrisOptions();
        o.unknownBmUnit = unknownBmUnit;
        o.limitResolution = limitResolution;
        o.journalTimeoutNanos = journalTimeoutNanos;
        o.lolpForecastHorizonHours = lolpForecastHorizonHours;
        o.maxReportedRows = maxReportedRows;
        return o;
    }

    /**
     * @return the unknown-BM Unit policy (default {@link UnknownBmUnit#SKIP_AND_REPORT}).
     */
    public UnknownBmUnit unknownBmUnit()
    {
        return unknownBmUnit;
    }

    /**
     * @param policy the unknown-BM Unit policy.
     * @return a copy with it.
     */
    public IrisOptions withUnknownBmUnit(final UnknownBmUnit policy)
    {
        final IrisOptions o = copy();
        o.unknownBmUnit = policy;
        return o;
    }

    /**
     * @return the MEL/MIL resolution rule (default {@link LimitResolution#SEQUENCE_THEN_TIME}).
     */
    public LimitResolution limitResolution()
    {
        return limitResolution;
    }

    /**
     * @param rule the MEL/MIL resolution rule.
     * @return a copy with it.
     */
    public IrisOptions withLimitResolution(final LimitResolution rule)
    {
        final IrisOptions o = copy();
        o.limitResolution = rule;
        return o;
    }

    /**
     * How long a message waits for its events to be durably journaled before it is abandoned (a transient failure,
     * redelivered later). Default 10 s: far above a healthy journal's milliseconds, well below a Service Bus lock
     * (60 s by default, renewed by the transport).
     *
     * @return nanoseconds.
     */
    public long journalTimeoutNanos()
    {
        return journalTimeoutNanos;
    }

    /**
     * @param timeout how long to wait for the journal.
     * @param unit    its unit.
     * @return a copy with it.
     */
    public IrisOptions withJournalTimeout(final long timeout, final TimeUnit unit)
    {
        final IrisOptions o = copy();
        o.journalTimeoutNanos = unit.toNanos(timeout);
        return o;
    }

    /**
     * Which LOLPDRM forecast becomes the period's LoLP. Default 1 hour: the BSC's LoLP for the imbalance price is
     * the one calculated at gate closure (one hour ahead); the earlier forecasts (12, 8, 4, 2 h) are journaled raw
     * and counted, not applied (they would replace the final one if they arrived late). 0 takes every forecast
     * (the last received wins).
     *
     * @return hours.
     */
    public int lolpForecastHorizonHours()
    {
        return lolpForecastHorizonHours;
    }

    /**
     * @param hours the forecast horizon kept, 0 for every forecast.
     * @return a copy with it.
     */
    public IrisOptions withLolpForecastHorizonHours(final int hours)
    {
        final IrisOptions o = copy();
        o.lolpForecastHorizonHours = hours;
        return o;
    }

    /**
     * @return how many row problems a dead-letter reason or a journal detail lists at most (the rest are counted).
     */
    public int maxReportedRows()
    {
        return maxReportedRows;
    }

    /**
     * @param rows how many row problems to list at most.
     * @return a copy with it.
     */
    public IrisOptions withMaxReportedRows(final int rows)
    {
        final IrisOptions o = copy();
        o.maxReportedRows = rows;
        return o;
    }
}
