package io.gbsettle.adapters.sftp.flow;

import org.agrona.DirectBuffer;

/**
 * Where {@link InboundFlows#toEvents} hands each canonical input record it maps from a file: usually
 * {@code engine::submit}. The record is an {@link io.gbsettle.core.event.InputEvent} of
 * {@link io.gbsettle.core.event.InputEvent#LENGTH} bytes, valid only during the call (the buffer is reused).
 */
@FunctionalInterface
public interface EventSink
{
    /**
     * Takes one record.
     *
     * @param record holding the record.
     * @param offset of its first byte.
     * @return the engine's input position of the record (or any counter the caller keeps).
     */
    long onEvent(DirectBuffer record, int offset);
}
