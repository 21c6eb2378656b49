package io.gbsettle.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import io.gbsettle.core.kernel.aggregate.AggregateAccumulator;
import io.gbsettle.core.kernel.aggregate.AggregationKernel;
import io.gbsettle.core.kernel.aggregate.ParallelAggregator;
import io.gbsettle.core.mhhs.MeterDayGenerator;
import io.gbsettle.core.mhhs.MeterDayTables;
import io.gbsettle.core.mhhs.MeterStore;
import io.gbsettle.core.registry.SyntheticRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Supplier volume aggregation over a memory-mapped meter store already in the page cache: the parallel kernel on one
 * thread and on every core. The store ({@code mpans} MPANs x 48 periods, generated once into
 * {@code java.io.tmpdir/gbsettle-meters-<mpans>} and reused) is touched page by page before measuring. Observations
 * per second = mpans x 48 / the time per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dagrona.disable.bounds.checks=true"})
public class MeterAggregationBenchmark
{
    /** The day benchmarked. */
    public static final LocalDate DATE = LocalDate.of(2025, 6, 10);

    @Param({"1000000"})
    int mpans;

    private MeterStore store;
    private long[] keyMask;
    private ParallelAggregator single;
    private ParallelAggregator all;

    /**
     * Opens (generating it the first time) the store and touches its pages.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        final Path dir = storeDir(mpans);
        store = openOrGenerate(dir, mpans);
        final MeterDayTables tables = MeterDayTables.read(dir, store.periods());
        keyMask = AggregationKernel.keyMasks(tables.keys(), tables.lossFactors(), new long[tables.keys().count()]);
        single = new ParallelAggregator(1, tables.keys().count(), store.periods(), 1000);
        all = new ParallelAggregator(Runtime.getRuntime().availableProcessors(), tables.keys().count(),
            store.periods(), 1000);
        store.touch();
    }

    /**
     * Unmaps the store.
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        store.close();
    }

    /**
     * @return the sums of the day, one thread.
     */
    @Benchmark
    public long aggregateOneThread()
    {
        final AggregateAccumulator sums = single.run(store.columns(), keyMask);
        return sums.whTotal();
    }

    /**
     * @return the sums of the day, every core.
     */
    @Benchmark
    public long aggregateAllThreads()
    {
        final AggregateAccumulator sums = all.run(store.columns(), keyMask);
        return sums.whTotal();
    }

    /**
     * @param mpans MPANs.
     * @return where the benchmark keeps a store of that size.
     */
    public static Path storeDir(final int mpans)
    {
        return Path.of(System.getProperty("java.io.tmpdir"), "gbsettle-meters-" + mpans);
    }

    /**
     * @param dir   the store directory.
     * @param mpans MPANs it must hold.
     * @return the store, generated (seed 42, national registry) if missing or of another size.
     */
    public static MeterStore openOrGenerate(final Path dir, final int mpans)
    {
        if (Files.exists(dir.resolve(MeterStore.META_FILE)))
        {
            final MeterStore existing = MeterStore.open(dir, false);
            if (existing.slots() == mpans && existing.date().equals(DATE))
            {
                return existing;
            }
            existing.close();
        }
        MeterDayGenerator.generate(SyntheticRegistry.generate(42, SyntheticRegistry.Size.NATIONAL), 42, DATE, mpans,
            dir, null, Runtime.getRuntime().availableProcessors());
        return MeterStore.open(dir, false);
    }
}
