package io.gbsettle.adapters.iris;

import io.gbsettle.core.engine.Engine;
import io.gbsettle.core.registry.MarketRegistry;

/**
 * The handler behind the transport port: raw body to the payload journal (RECEIVED), streaming parse, events to the
 * engine, wait until they are journaled, JOURNALED; a malformed message is REJECTED and dead-lettered; a failure of
 * the engine or the journal abandons the message for redelivery.
 *
 * <p>Interim skeleton (the port is fixed, the body follows): the constructor taking the
 * {@code io.gbsettle.core.journal.PayloadJournal} is added as soon as that class is on main.
 */
public final class IrisIngest implements IrisHandler, AutoCloseable
{
    private final Engine engine;
    private final MarketRegistry registry;
    private final IrisOptions options;
    private final Counters counters = new Counters();
    private String deadLetterReason = "";

    /**
     * @param engine   the engine the events go to.
     * @param registry the registry BM Unit ids are mapped through (the engine's).
     * @param options  the adapter's choices.
     */
    public IrisIngest(final Engine engine, final MarketRegistry registry, final IrisOptions options)
    {
        this.engine = engine;
        this.registry = registry;
        this.options = options;
    }

    @Override
    public Disposition onMessage(final IrisMessage message)
    {
        deadLetterReason = "";
        counters.messages++;
        return engine == null || registry == null || options == null ? Disposition.ABANDON : Disposition.COMPLETE;
    }

    @Override
    public String deadLetterReason()
    {
        return deadLetterReason;
    }

    /**
     * @return the handler's counters (read from the handler's thread, or as a monitoring snapshot).
     */
    public Counters counters()
    {
        return counters;
    }

    @Override
    public void close()
    {
    }

    /**
     * What the handler has done since it started: plain counters, written by the handler's thread.
     */
    public static final class Counters
    {
        long messages;
        long rows;
        long events;
        long duplicates;
        long deadLettered;
        long abandoned;
        long rawOnly;
        long skippedRows;
        long priceChecks;
        double lastPriceDifference = Double.NaN;

        /**
         * @return messages handled (duplicates included).
         */
        public long messages()
        {
            return messages;
        }

        /**
         * @return rows read from message bodies.
         */
        public long rows()
        {
            return rows;
        }

        /**
         * @return events submitted to the engine.
         */
        public long events()
        {
            return events;
        }

        /**
         * @return messages seen before (same message id and content hash): no second effect.
         */
        public long duplicates()
        {
            return duplicates;
        }

        /**
         * @return messages dead-lettered (malformed).
         */
        public long deadLettered()
        {
            return deadLettered;
        }

        /**
         * @return messages abandoned (transient failures).
         */
        public long abandoned()
        {
            return abandoned;
        }

        /**
         * @return messages of datasets the engine does not use: journaled raw and completed.
         */
        public long rawOnly()
        {
            return rawOnly;
        }

        /**
         * @return rows skipped and reported (unknown BM Unit, a LoLP forecast not kept).
         */
        public long skippedRows()
        {
            return skippedRows;
        }

        /**
         * @return published prices compared with the engine's indicative price.
         */
        public long priceChecks()
        {
            return priceChecks;
        }

        /**
         * @return the last published minus indicative price difference, £/MWh (NaN before the first).
         */
        public double lastPriceDifference()
        {
            return lastPriceDifference;
        }

        @Override
        public String toString()
        {
            return "messages=" + messages + " rows=" + rows + " events=" + events + " duplicates=" + duplicates +
                " deadLettered=" + deadLettered + " abandoned=" + abandoned + " rawOnly=" + rawOnly +
                " skippedRows=" + skippedRows + " priceChecks=" + priceChecks +
                " lastPriceDifference=" + lastPriceDifference;
        }
    }
}
