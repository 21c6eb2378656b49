package io.gbsettle.core.engine;

import io.gbsettle.core.event.ResultRecord;

/**
 * Receives every result the engine publishes, on the engine's publisher thread, once the inputs it rests on are
 * journaled. The record is a flyweight over the ring slot: read what you need during the call and do not keep it.
 * Keep the callback short; a slow listener holds back the ring (results queue up, then producers wait).
 */
@FunctionalInterface
public interface ResultListener
{
    /**
     * @param record the result, valid during the call only.
     */
    void onResult(ResultRecord record);
}
