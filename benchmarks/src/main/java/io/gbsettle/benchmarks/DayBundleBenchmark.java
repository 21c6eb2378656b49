package io.gbsettle.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.SyntheticBundle;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.time.SettlementRun;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading a generated national day bundle (seed 42, 2025-06-10: 2,700 BM Units, about 40,000 PN segments, 107,000
 * BOD rows, 130,000 metered volumes, 198,000 ECVN lines, about 43 MB of CSV and JSON) from the page cache into
 * primitive columns, every row validated. Load time, not hot path: it allocates (strings while parsing) and is
 * measured so that a day's end-to-end time can be stated honestly.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DayBundleBenchmark
{
    private Path dir;

    /**
     * Writes the bundle into a temporary directory.
     *
     * @throws IOException if the directory cannot be created.
     */
    @Setup
    public void setUp() throws IOException
    {
        dir = Files.createTempDirectory("gbsettle-bundle-bench");
        SyntheticBundle.write(SyntheticRegistry.generate(42, SyntheticRegistry.Size.NATIONAL), 42,
            LocalDate.of(2025, 6, 10), SettlementRun.SF, false, dir);
    }

    /**
     * Deletes the bundle.
     */
    @TearDown
    public void tearDown()
    {
        TempDirs.delete(dir);
    }

    /**
     * @return the loaded day.
     */
    @Benchmark
    public DayBundle loadNationalDay()
    {
        return DayBundle.load(dir);
    }
}
