package io.gbsettle.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.gbsettle.core.engine.Engine;
import io.gbsettle.core.engine.EngineContext;
import io.gbsettle.core.engine.EnginePipeline;
import io.gbsettle.core.engine.WaitStrategyKind;
import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.time.EpochDays;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sustained input records per second through the whole engine: a producer submits {@value #RECORDS} metered-volume
 * records (a national registry's BM Units × 48 periods: every one a new row) for a fresh Settlement Day, then waits
 * until the last is journaled, applied and its results published; the day is retired afterwards so memory stays
 * flat. With {@code journal=true} every record is appended to a Chronicle Queue on a temporary directory beside the
 * calculation, as in production. Score: records per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class EngineThroughputBenchmark
{
    /** Records per benchmark invocation. */
    public static final int RECORDS = 131_072;

    /** Whether inputs are journaled. */
    @Param({"true", "false"})
    public boolean journal;

    /** How the engine spreads its stages over threads. */
    @Param({"STAGED", "ONE_THREAD"})
    public EnginePipeline pipeline;

    /** Whether the ring is declared single-producer (one submitting thread, as here). */
    @Param({"false", "true"})
    public boolean singleProducer;

    /** The ring consumers' wait strategy. */
    @Param({"SLEEPING"})
    public WaitStrategyKind wait;

    private MarketRegistry registry;
    private Path dir;
    private Engine engine;
    private long day = EpochDays.of(2030, 1, 1);
    private long key;

    /**
     * Starts the engine (and its journal).
     *
     * @throws IOException if the temporary directory cannot be created.
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException
    {
        registry = SyntheticRegistry.generate(42, SyntheticRegistry.Size.NATIONAL);
        dir = Files.createTempDirectory("gbsettle-engine-bench");
        engine = Engine.launch(new EngineContext().registry(registry).waitStrategy(wait).singleProducer(singleProducer).pipeline(pipeline)
            .rowsPerDay(RECORDS).indicative(false).journalDir(journal ? dir.resolve("journal") : null));
    }

    /**
     * Stops the engine and deletes the journal.
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        engine.close();
        TempDirs.delete(dir);
    }

    /**
     * One day's worth of metered volumes through the engine.
     *
     * @return the last position.
     * @throws TimeoutException if the engine stalls.
     */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long submit() throws TimeoutException
    {
        final int units = registry.bmUnitCount();
        final long d = day++;
        long last = 0;
        for (int i = 0; i < RECORDS; i++)
        {
            last = engine.submitMetered(EventSource.SYNTHETIC, key++, d, i % 48 + 1, (i / 48) % units, -(i & 31));
        }
        engine.retireDay(EventSource.SYNTHETIC, key++, d);
        engine.awaitProcessed(last, 60, TimeUnit.SECONDS);
        return last;
    }
}
