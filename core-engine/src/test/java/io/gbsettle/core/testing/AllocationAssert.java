package io.gbsettle.core.testing;

import java.lang.management.ManagementFactory;

/**
 * Asserts that a block of code allocates nothing on the heap once warm: the in-JUnit gate of the engine's
 * zero-allocation rule (JMH's {@code -prof gc} is the other).
 *
 * <p>It reads the current thread's allocated-bytes counter ({@code com.sun.management.ThreadMXBean}) before and
 * after running the block many times, after a warm-up meant to let the JIT compile it (compilation is asynchronous,
 * so this is likely, not certain). The counter is exact to the byte and per thread, so the block must run on the
 * calling thread. The cost of reading the counter itself is measured and subtracted.
 *
 * <p>Steady state is what is asserted: the measurement is repeated for up to {@value #ROUNDS} rounds and the block
 * passes if one round allocates nothing. A one-off allocation by the runtime (a deoptimisation, a late class
 * initialisation) shows in one round only, while an allocation the code makes on every call shows in every round,
 * at least {@code iterations} times its size, so it is always caught.
 *
 * <pre>{@code
 * final BmUnitDay view = new BmUnitDay(registry.bmUnitCount());
 * AllocationAssert.assertZeroAllocation("fillDay", () -> registry.fillDay(day, view));
 * }</pre>
 *
 * <p>Create the lambda (and everything it captures) before the call: only {@link Runnable#run()} is measured.
 */
public final class AllocationAssert
{
    /** Warm-up runs before measuring: enough for C2 to compile a small method and its loops. */
    public static final int DEFAULT_WARMUP = 20_000;
    /** Measured runs per round. */
    public static final int DEFAULT_ITERATIONS = 10_000;
    /** Most measurement rounds; one clean round passes. */
    public static final int ROUNDS = 5;

    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private AllocationAssert()
    {
    }

    /**
     * Fails unless the block allocates zero bytes over {@link #DEFAULT_ITERATIONS} runs after
     * {@link #DEFAULT_WARMUP} warm-up runs.
     *
     * @param what  what the block does, named in the failure message.
     * @param block the code under test.
     */
    public static void assertZeroAllocation(final String what, final Runnable block)
    {
        assertZeroAllocation(what, block, DEFAULT_WARMUP, DEFAULT_ITERATIONS);
    }

    /**
     * Fails unless the block allocates zero bytes over {@code iterations} runs after {@code warmup} runs.
     *
     * @param what       what the block does, named in the failure message.
     * @param block      the code under test.
     * @param warmup     runs before measuring.
     * @param iterations runs measured.
     */
    public static void assertZeroAllocation(
        final String what, final Runnable block, final int warmup, final int iterations)
    {
        final long bytes = allocatedBytes(block, warmup, iterations);
        if (bytes != 0)
        {
            throw new AssertionError(what + " allocated " + bytes + " bytes over " + iterations + " runs (" +
                String.format(java.util.Locale.ROOT, "%.2f", (double)bytes / iterations) + " B/run) in the best of " +
                ROUNDS + " rounds after " + warmup + " warm-up runs; expected 0. " +
                "Find the site with JFR: jdk.ObjectAllocationSample");
        }
    }

    /**
     * Bytes the block allocated on this thread over {@code iterations} runs after {@code warmup} runs, less the cost
     * of the measurement itself: the least of up to {@link #ROUNDS} rounds, stopping at the first that allocates
     * nothing.
     *
     * @param block      the code under test.
     * @param warmup     runs before measuring.
     * @param iterations runs measured per round.
     * @return allocated bytes, 0 for allocation-free code.
     */
    public static long allocatedBytes(final Runnable block, final int warmup, final int iterations)
    {
        if (iterations <= 0 || warmup < 0)
        {
            throw new IllegalArgumentException("iterations must be > 0 and warmup >= 0");
        }
        for (int i = 0; i < warmup; i++)
        {
            block.run();
        }
        final long overhead = measurementOverhead();
        long least = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS && least > 0; round++)
        {
            final long before = THREADS.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < iterations; i++)
            {
                block.run();
            }
            final long after = THREADS.getCurrentThreadAllocatedBytes();
            least = Math.min(least, Math.max(0, after - before - overhead));
        }
        return least;
    }

    private static long measurementOverhead()
    {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++)
        {
            final long before = THREADS.getCurrentThreadAllocatedBytes();
            final long after = THREADS.getCurrentThreadAllocatedBytes();
            min = Math.min(min, after - before);
        }
        return min;
    }

    private static com.sun.management.ThreadMXBean threads()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        if (!threads.isThreadAllocatedMemorySupported())
        {
            throw new IllegalStateException("this JVM cannot count per-thread allocation; zero-allocation " +
                "assertions need HotSpot's com.sun.management.ThreadMXBean");
        }
        threads.setThreadAllocatedMemoryEnabled(true);
        return threads;
    }
}
