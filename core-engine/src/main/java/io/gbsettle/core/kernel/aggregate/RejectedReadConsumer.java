package io.gbsettle.core.kernel.aggregate;

/**
 * Receives the rejected reads of a slot, one call per read, from {@link AggregationKernel#describeRejections}.
 */
@FunctionalInterface
public interface RejectedReadConsumer
{
    /**
     * @param slot   MPAN slot.
     * @param period 1..periods.
     * @param reason a {@link ReadRejection} code.
     * @param wh     the read in Wh.
     */
    void rejected(int slot, int period, int reason, int wh);
}
