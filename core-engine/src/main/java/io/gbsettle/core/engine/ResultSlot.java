package io.gbsettle.core.engine;

import org.agrona.concurrent.UnsafeBuffer;

import io.gbsettle.core.event.ResultRecord;

/**
 * One slot of the result ring: a result record's bytes and the input position it may not be published before.
 */
final class ResultSlot
{
    final UnsafeBuffer buffer = new UnsafeBuffer(new byte[ResultRecord.LENGTH]);
    long gate;
}
