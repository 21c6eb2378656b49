package io.gbsettle.core.kernel.aggregate;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@link AggregationKernel} over all MPAN slots on several threads: the slots are cut into chunks of
 * {@link #CHUNK_SLOTS}, each thread takes the next chunk from a shared counter into its own
 * {@link AggregateAccumulator}, and the accumulators are added in thread order. Sums are exact integers, so the result
 * is the same bit for bit whatever the thread count and however the chunks fell. Threads are created once per run,
 * never per chunk or slot; accumulators are created once per aggregator and reused.
 */
public final class ParallelAggregator
{
    /**
     * Slots per unit of work: 16,384 slots x 48 periods x 4 bytes = 3 MB of values, a few milliseconds; small enough
     * that a thread the OS deschedules near the end of a run holds little work back.
     */
    public static final int CHUNK_SLOTS = 1 << 14;

    private final int threads;
    private final int chunkSlots;
    private final AggregateAccumulator[] perThread;
    private final AggregateAccumulator total;

    /**
     * @param threads              worker threads, at least 1 (e.g. {@code Runtime.availableProcessors()}).
     * @param keyCount             aggregation keys.
     * @param periods              periods of the day.
     * @param rejectedSlotCapacity slots with a rejected read to remember for the report.
     */
    public ParallelAggregator(
        final int threads, final int keyCount, final int periods, final int rejectedSlotCapacity)
    {
        this(threads, keyCount, periods, rejectedSlotCapacity, CHUNK_SLOTS);
    }

    /**
     * @param threads              worker threads, at least 1.
     * @param keyCount             aggregation keys.
     * @param periods              periods of the day.
     * @param rejectedSlotCapacity slots with a rejected read to remember for the report.
     * @param chunkSlots           slots per unit of work (tests use tiny chunks to spread small days over threads).
     */
    public ParallelAggregator(
        final int threads, final int keyCount, final int periods, final int rejectedSlotCapacity,
        final int chunkSlots)
    {
        if (threads < 1 || chunkSlots < 1)
        {
            throw new IllegalArgumentException("threads " + threads + ", chunk " + chunkSlots);
        }
        this.threads = threads;
        this.chunkSlots = chunkSlots;
        this.perThread = new AggregateAccumulator[threads];
        for (int t = 0; t < threads; t++)
        {
            perThread[t] = new AggregateAccumulator(keyCount, periods, rejectedSlotCapacity);
        }
        this.total = new AggregateAccumulator(keyCount, periods, rejectedSlotCapacity);
    }

    /**
     * Aggregates every slot of the columns.
     *
     * @param columns the day's reads.
     * @param keyMask from {@link AggregationKernel#keyMasks}.
     * @return the merged sums (owned by this aggregator, valid until the next run).
     */
    public AggregateAccumulator run(final MeterColumns columns, final long[] keyMask)
    {
        total.reset();
        final AtomicInteger nextChunk = new AtomicInteger();
        final int chunks = (int)(((long)columns.slots() + chunkSlots - 1) / chunkSlots);
        final Worker[] workers = new Worker[threads];
        final Thread[] started = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            perThread[t].reset();
            workers[t] = new Worker(columns, keyMask, perThread[t], nextChunk, chunks, chunkSlots);
            if (t > 0)
            {
                started[t] = new Thread(workers[t], "aggregate-" + t);
                started[t].start();
            }
        }
        workers[0].run();
        for (int t = 1; t < threads; t++)
        {
            try
            {
                started[t].join();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while aggregating", ex);
            }
        }
        for (int t = 0; t < threads; t++)
        {
            if (workers[t].failure != null)
            {
                throw new IllegalStateException("aggregation thread " + t + " failed", workers[t].failure);
            }
            total.add(perThread[t]);
        }
        return total;
    }

    /**
     * @return slots aggregated so far by the current run (for a progress bar; read from any thread).
     */
    public long slotsDone()
    {
        long done = 0;
        for (int t = 0; t < threads; t++)
        {
            done += perThread[t].slotsDone;
        }
        return done;
    }

    /**
     * @return the worker thread count.
     */
    public int threads()
    {
        return threads;
    }

    private static final class Worker implements Runnable
    {
        private final MeterColumns columns;
        private final long[] keyMask;
        private final AggregateAccumulator acc;
        private final AtomicInteger nextChunk;
        private final int chunks;
        private final int chunkSlots;
        private volatile Throwable failure;

        Worker(
            final MeterColumns columns, final long[] keyMask, final AggregateAccumulator acc,
            final AtomicInteger nextChunk, final int chunks, final int chunkSlots)
        {
            this.chunkSlots = chunkSlots;
            this.columns = columns;
            this.keyMask = keyMask;
            this.acc = acc;
            this.nextChunk = nextChunk;
            this.chunks = chunks;
        }

        @Override
        public void run()
        {
            try
            {
                final int slots = columns.slots();
                int chunk;
                while ((chunk = nextChunk.getAndIncrement()) < chunks)
                {
                    final int from = (int)((long)chunk * chunkSlots);
                    final int to = (int)Math.min(slots, (long)from + chunkSlots);
                    AggregationKernel.accumulate(columns, keyMask, from, to, acc);
                    acc.slotsDone += to - from;
                }
            }
            catch (final RuntimeException | Error ex)
            {
                failure = ex;
            }
        }
    }
}
