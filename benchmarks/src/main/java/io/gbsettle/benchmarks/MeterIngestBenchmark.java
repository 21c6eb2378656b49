package io.gbsettle.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.gbsettle.core.mhhs.MeterDayGenerator;
import io.gbsettle.core.mhhs.MeterFlows;
import io.gbsettle.core.mhhs.MeterIngest;
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
 * Flat-file ingest on one core: the D0036 files of a generated day ({@code mpans} MPANs, about 600 bytes each, in
 * {@code java.io.tmpdir/gbsettle-flows-<mpans>}, in the page cache) parsed into a writable meter store (every read
 * replaces the previous run's, the same work each time). MB/s = the D0036 bytes printed at setup / the time per
 * operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dagrona.disable.bounds.checks=true"})
public class MeterIngestBenchmark
{
    @Param({"200000"})
    int mpans;

    private Path files;
    private MeterStore store;

    /**
     * Generates the files (the first time) and ingests them once into a store.
     *
     * @throws IOException if the files cannot be listed.
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException
    {
        final Path root = Path.of(System.getProperty("java.io.tmpdir"), "gbsettle-flows-" + mpans);
        files = root.resolve("flows");
        if (!Files.exists(root.resolve("done")))
        {
            MeterDayGenerator.generate(SyntheticRegistry.generate(42, SyntheticRegistry.Size.NATIONAL), 42,
                MeterAggregationBenchmark.DATE, mpans, root.resolve("generated"), files, 2);
            Files.writeString(root.resolve("done"), "");
        }
        MeterIngest.ingest(files, root.resolve("store"), MeterAggregationBenchmark.DATE, 100);
        store = MeterStore.open(root.resolve("store"), true);
        long bytes = 0;
        try (Stream<Path> list = Files.list(files))
        {
            bytes = list.filter(f -> f.toString().endsWith(MeterFlows.D0036_SUFFIX)).mapToLong(f ->
            {
                try
                {
                    return Files.size(f);
                }
                catch (final IOException ex)
                {
                    throw new UncheckedIOException(ex);
                }
            }).sum();
        }
        System.out.printf("%nD0036 bytes per operation: %,d%n", bytes);
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
     * @return reads read.
     */
    @Benchmark
    public long ingestD0036()
    {
        return MeterIngest.appendD0036(files, store, 0).readsRead();
    }
}
