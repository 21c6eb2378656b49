package io.gbsettle.core.engine;

import org.agrona.concurrent.UnsafeBuffer;

import io.gbsettle.core.event.InputEvent;

/**
 * One slot of the input ring: an input record's bytes, allocated once with the ring and overwritten in place.
 */
final class InputSlot
{
    final UnsafeBuffer buffer = new UnsafeBuffer(new byte[InputEvent.LENGTH]);
    /** The producer's flyweight over {@link #buffer}: used only by the producer that claimed the slot. */
    final InputEvent event = new InputEvent().wrap(buffer, 0);
}
