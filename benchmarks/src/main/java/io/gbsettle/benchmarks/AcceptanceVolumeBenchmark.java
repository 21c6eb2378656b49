package io.gbsettle.benchmarks;

import java.util.concurrent.TimeUnit;

import io.gbsettle.core.kernel.volume.AcceptanceVolumeKernel;
import io.gbsettle.core.kernel.volume.AcceptedVolumes;
import io.gbsettle.core.kernel.volume.BalancingBook;
import io.gbsettle.core.kernel.volume.SyntheticBalancing;
import io.gbsettle.core.kernel.volume.VolumeOptions;
import io.gbsettle.core.registry.BmUnitDay;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Period FPN and accepted bid-offer volumes for a national synthetic day (about 2,700 BM Units with PN, BOD with
 * ±1..±3 pairs on the BM-participating ones, and {@code acceptances} acceptances a day: 800, or 4,000 with about
 * 200 meeting each period): one call yields FPN for every BM Unit (integrated at seal) and every (i, k, n) row of
 * one period, cycling through the 48 periods. Also the once-a-day costs of sealing the book (sorting, indexing,
 * integrating every period FPN) and of generating, filling and sealing it. Expect tens of microseconds per period
 * and 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AcceptanceVolumeBenchmark
{
    private static final int PERIODS = 48;

    /** Acceptances in the day. */
    @Param({"800", "4000"})
    public int acceptances;

    private BmUnitDay units;
    private BalancingBook book;
    private BalancingBook scratchBook;
    private AcceptedVolumes out;
    private long dayStart;
    private int period;

    /**
     * Generates the national registry (seed 42) and a synthetic balancing day (seed 7) for 2026-01-15.
     */
    @Setup
    public void setUp()
    {
        final MarketRegistry registry = SyntheticRegistry.generate(42, SyntheticRegistry.Size.NATIONAL);
        final long day = java.time.LocalDate.of(2026, 1, 15).toEpochDay();
        units = registry.newDayView();
        registry.fillDay(day, units);
        dayStart = day * 86_400L;
        book = SyntheticBalancing.newBook(7, units, PERIODS, acceptances);
        SyntheticBalancing.fill(7, units, dayStart, PERIODS, acceptances, book);
        scratchBook = SyntheticBalancing.newBook(7, units, PERIODS, acceptances);
        out = new AcceptedVolumes(units.bmUnitCount(), SyntheticBalancing.NATIONAL_ROW_CAPACITY);
    }

    /**
     * @return the period's output: FPN of every BM Unit and all accepted-volume rows.
     */
    @Benchmark
    public AcceptedVolumes nationalPeriod()
    {
        period = period == PERIODS ? 1 : period + 1;
        AcceptanceVolumeKernel.period(VolumeOptions.DEFAULTS, book, period, out);
        return out;
    }

    /**
     * @return the book after sealing it again: sorting, overlap resolution, per-period indexes, the period FPN of
     *         every BM Unit and period, CADL chains (once a day and run, not per period).
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public BalancingBook sealNationalDay()
    {
        book.seal();
        return book;
    }

    /**
     * @return the book after generating, sorting, resolving and indexing a whole national day (once a day and run,
     *         not per period).
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public BalancingBook fillAndSealNationalDay()
    {
        SyntheticBalancing.fill(7, units, dayStart, PERIODS, acceptances, scratchBook);
        return scratchBook;
    }
}
