package io.gbsettle.core.mhhs;

import io.gbsettle.core.kernel.aggregate.AggregateAccumulator;
import io.gbsettle.core.kernel.aggregate.AggregationKernel;
import io.gbsettle.core.kernel.aggregate.AggregationOptions;
import io.gbsettle.core.kernel.aggregate.AggregationResult;
import io.gbsettle.core.kernel.aggregate.GroupCorrection;
import io.gbsettle.core.kernel.aggregate.ParallelAggregator;
import io.gbsettle.core.kernel.aggregate.ReadRejection;

/**
 * One aggregation of a meter store: reads its tables, runs {@link ParallelAggregator} over its mapped columns and
 * {@link GroupCorrection} over the sums. Create, optionally poll {@link #slotsDone()} from another thread for a
 * progress bar, {@link #run()}.
 */
public final class MeterAggregation
{
    /** Slots with a rejected read remembered for the exceptions report. */
    public static final int REJECTED_SLOTS_LISTED = 100_000;

    private final MeterStore store;
    private final MeterDayTables tables;
    private final AggregationOptions options;
    private final ParallelAggregator aggregator;
    private final long[] keyMask;
    private AggregateAccumulator sums;
    private AggregationResult result;
    private long kernelNanos;

    /**
     * @param store   an open store.
     * @param threads worker threads.
     * @param options the aggregation choices.
     */
    public MeterAggregation(final MeterStore store, final int threads, final AggregationOptions options)
    {
        this.store = store;
        this.tables = MeterDayTables.read(store.dir(), store.periods());
        this.options = options;
        this.aggregator = new ParallelAggregator(threads, tables.keys().count(), store.periods(),
            REJECTED_SLOTS_LISTED);
        this.keyMask = AggregationKernel.keyMasks(tables.keys(), tables.lossFactors(),
            new long[tables.keys().count()]);
    }

    /**
     * Aggregates and corrects.
     *
     * @return the result.
     */
    public AggregationResult run()
    {
        final long started = System.nanoTime();
        sums = aggregator.run(store.columns(), keyMask);
        kernelNanos = System.nanoTime() - started;
        result = GroupCorrection.correct(tables.keys(), sums, tables.lossFactors(), tables.takes(), options);
        return result;
    }

    /**
     * @return slots aggregated so far (any thread).
     */
    public long slotsDone()
    {
        return aggregator.slotsDone();
    }

    /**
     * @return the store.
     */
    public MeterStore store()
    {
        return store;
    }

    /**
     * @return the store's tables.
     */
    public MeterDayTables tables()
    {
        return tables;
    }

    /**
     * @return per key, the periods with a Line Loss Factor.
     */
    public long[] keyMask()
    {
        return keyMask.clone();
    }

    /**
     * @return the sums of the last run.
     */
    public AggregateAccumulator sums()
    {
        return sums;
    }

    /**
     * @return the result of the last run.
     */
    public AggregationResult result()
    {
        return result;
    }

    /**
     * @return nanoseconds the parallel kernel took in the last run.
     */
    public long kernelNanos()
    {
        return kernelNanos;
    }

    /**
     * @return read records seen by ingest (or generated).
     */
    public long readsRead()
    {
        return store.counter(MeterIngest.READS_READ);
    }

    /**
     * @param reason a {@link ReadRejection} code.
     * @return reads rejected for it, by ingest and by the kernel together.
     */
    public long rejected(final int reason)
    {
        return store.counter("rejected." + ReadRejection.name(reason)) + sums.rejected(reason);
    }
}
