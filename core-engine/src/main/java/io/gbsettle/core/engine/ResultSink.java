package io.gbsettle.core.engine;

import io.gbsettle.core.event.ResultRecord;

/**
 * Where the engine's calculation writes result records: claim a record, fill it through the flyweight, commit it.
 * In the engine it is the result ring (two-phase claim and publish, nothing allocated); in a replay it is whatever
 * checks or collects the records.
 */
interface ResultSink
{
    /**
     * @return a flyweight over the next record to fill; valid until {@link #commit}.
     */
    ResultRecord claim();

    /**
     * Hands the claimed record on.
     *
     * @param gatePosition the input position the record may not be published before (its inputs must be journaled
     *                     first).
     */
    void commit(long gatePosition);
}
