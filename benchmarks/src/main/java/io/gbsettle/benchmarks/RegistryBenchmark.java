package io.gbsettle.benchmarks;

import java.util.concurrent.TimeUnit;

import io.gbsettle.core.registry.BmUnitDay;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Refilling the national registry's day view (about 2,700 BM Units: lead party, account, trading unit, GSP group,
 * effective-dated version and seasonal TLF for the day), which the period book does at the start of every
 * settlement day and run. Expect microseconds and 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RegistryBenchmark
{
    private MarketRegistry registry;
    private BmUnitDay view;
    private long day;

    /**
     * Generates the national registry (seed 42, as the demo does).
     */
    @Setup
    public void setUp()
    {
        registry = SyntheticRegistry.generate(42, SyntheticRegistry.Size.NATIONAL);
        view = registry.newDayView();
        day = java.time.LocalDate.of(2026, 1, 1).toEpochDay();
    }

    /**
     * @return the day view, refilled for the next day.
     */
    @Benchmark
    public BmUnitDay fillNationalDay()
    {
        day = day == 21_000 ? 20_000 : day + 1;
        registry.fillDay(day, view);
        return view;
    }
}
