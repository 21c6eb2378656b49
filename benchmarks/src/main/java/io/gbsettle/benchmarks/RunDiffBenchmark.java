package io.gbsettle.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.gbsettle.core.engine.BundleEvents;
import io.gbsettle.core.engine.Engine;
import io.gbsettle.core.engine.EngineContext;
import io.gbsettle.core.engine.RunDiff;
import io.gbsettle.core.engine.RunRecords;
import io.gbsettle.core.engine.RunSummary;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.SyntheticBundle;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.time.SettlementRun;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * What {@code bsc runs diff} and {@code bsc runs list} cost on a journal holding a generated day settled twice: SF,
 * then R1 with the generator's revised metered volumes (about 3 % of the BM Units). {@code readRun}: one run read
 * back from the journal and summed per party and period ({@link RunSummary#read}); {@code diff}: two summed runs
 * compared ({@link RunDiff#between}); {@code list}: every run in the journal ({@link RunRecords#list}). Setup
 * generates and settles the day (about a minute at national size).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RunDiffBenchmark
{
    private static final LocalDate DATE = LocalDate.of(2025, 6, 10);

    /** Registry size. */
    @Param("NATIONAL")
    public SyntheticRegistry.Size size;

    private Path dir;
    private Path journal;
    private long epochDay;
    private RunSummary sf;
    private RunSummary r1;

    /**
     * Generates the SF and R1 bundles and settles both into one journal.
     *
     * @throws IOException      if the temp directory cannot be made.
     * @throws TimeoutException if the engine does not finish.
     */
    @Setup
    public void setUp() throws IOException, TimeoutException
    {
        dir = Files.createTempDirectory("gbsettle-rundiff");
        journal = dir.resolve("journal");
        final MarketRegistry registry = SyntheticRegistry.generate(42, size);
        try (Engine engine = Engine.launch(new EngineContext().registry(registry).journalDir(journal)
            .rowsPerDay(1 << 20)))
        {
            for (final SettlementRun run : List.of(SettlementRun.SF, SettlementRun.R1))
            {
                final Path bundleDir = dir.resolve(run.name());
                SyntheticBundle.write(registry, 42, DATE, run, false, bundleDir);
                final DayBundle bundle = DayBundle.load(bundleDir);
                epochDay = bundle.epochDay();
                BundleEvents.settle(bundle, engine, 10, TimeUnit.MINUTES);
            }
        }
        sf = RunSummary.read(journal, epochDay, SettlementRun.SF);
        r1 = RunSummary.read(journal, epochDay, SettlementRun.R1);
    }

    /**
     * Deletes the journal and bundles.
     */
    @TearDown
    public void tearDown()
    {
        TempDirs.delete(dir);
    }

    /**
     * @return the R1 run read back and summed.
     */
    @Benchmark
    public RunSummary readRun()
    {
        return RunSummary.read(journal, epochDay, SettlementRun.R1);
    }

    /**
     * @return SF against R1.
     */
    @Benchmark
    public RunDiff diff()
    {
        return RunDiff.between(sf, r1);
    }

    /**
     * @return every run in the journal.
     */
    @Benchmark
    public List<RunRecords.RunInfo> list()
    {
        return RunRecords.list(journal);
    }
}
