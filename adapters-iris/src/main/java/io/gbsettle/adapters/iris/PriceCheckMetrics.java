package io.gbsettle.adapters.iris;

import io.gbsettle.core.engine.ResultListener;
import io.gbsettle.core.event.ResultRecord;
import io.gbsettle.core.event.ResultType;

/**
 * The published-price check as a metric: a {@link ResultListener} (register it on the {@code EngineContext} before
 * launch) that follows the engine's {@link ResultType#PRICE_CHECK} results. The check itself is an engine output
 * (journaled with the results, reproduced by a replay); this is only its live gauge: how many checks, the last and
 * the largest absolute difference between the published and the indicative price.
 *
 * <p>Written by the engine's publisher thread, read by any (volatile fields, single writer).
 */
public final class PriceCheckMetrics implements ResultListener
{
    private volatile long checks;
    private volatile long withoutIndicative;
    private volatile double lastDifference = Double.NaN;
    private volatile double maxAbsDifference;
    private volatile long lastEpochDay;
    private volatile int lastPeriod;

    @Override
    public void onResult(final ResultRecord record)
    {
        if (record.type() != ResultType.PRICE_CHECK)
        {
            return;
        }
        final double difference = record.value(2);
        if (Double.isNaN(difference))
        {
            withoutIndicative++;
            return;
        }
        checks++;
        lastDifference = difference;
        lastEpochDay = record.epochDay();
        lastPeriod = record.period();
        if (Math.abs(difference) > maxAbsDifference)
        {
            maxAbsDifference = Math.abs(difference);
        }
    }

    /**
     * @return published prices compared with an indicative price.
     */
    public long checks()
    {
        return checks;
    }

    /**
     * @return published prices for periods the engine had no indicative price for.
     */
    public long withoutIndicative()
    {
        return withoutIndicative;
    }

    /**
     * @return the last difference, published minus indicative, £/MWh (NaN before the first).
     */
    public double lastDifference()
    {
        return lastDifference;
    }

    /**
     * @return the largest absolute difference seen, £/MWh.
     */
    public double maxAbsDifference()
    {
        return maxAbsDifference;
    }

    /**
     * @return the Settlement Day of the last check (epoch day).
     */
    public long lastEpochDay()
    {
        return lastEpochDay;
    }

    /**
     * @return the Settlement Period of the last check.
     */
    public int lastPeriod()
    {
        return lastPeriod;
    }
}
