package io.gbsettle.core.engine;

import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.settle.SettlementContext;

/**
 * The real-time indicative prices of every open day (wired to the indicative kernel when it lands).
 */
final class IndicativeDays
{
    IndicativeDays(final MarketRegistry registry, final SettlementContext settlement)
    {
    }

    void apply(final InputEvent event)
    {
    }

    void flush(final ResultSink sink)
    {
    }

    void retire(final long epochDay)
    {
    }
}
