package io.gbsettle.core.engine;

import java.nio.file.Path;

import org.agrona.DirectBuffer;

import io.gbsettle.core.registry.MarketRegistry;

/**
 * TEMPORARY: replaced by the Chronicle Queue journal when it is merged.
 */
final class EngineJournal
{
    static EngineJournal open(final Path dir, final MarketRegistry registry)
    {
        throw new UnsupportedOperationException("journal not merged yet");
    }

    void appendInput(final DirectBuffer buffer, final int offset)
    {
    }

    void flushInputs()
    {
    }

    void appendResult(final DirectBuffer buffer, final int offset)
    {
    }

    void close()
    {
    }
}
