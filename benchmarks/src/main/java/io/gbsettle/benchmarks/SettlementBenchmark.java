package io.gbsettle.benchmarks;

import java.util.concurrent.TimeUnit;

import io.gbsettle.core.kernel.settle.PeriodBook;
import io.gbsettle.core.kernel.settle.SettlementKernels;
import io.gbsettle.core.kernel.settle.SettlementOptions;
import io.gbsettle.core.kernel.settle.SyntheticPeriod;
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
 * The settlement kernels of one national period (about 2,700 BM Units, 700 accounts, 300 to 600 accepted rows,
 * 3,000 to 4,000 ECVN lines, 40 to 80 MVRNs; {@link SyntheticPeriod} seed 42 on the demo registry): credited energy
 * and imbalance ({@code volumes}), cashflows, and both. Budget: 150 us for all of them together, 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SettlementBenchmark
{
    private final SettlementOptions options = SettlementOptions.defaults();
    private PeriodBook book;

    /**
     * Generates the national registry (seed 42, as the demo does) and one period of it, settled once.
     */
    @Setup
    public void setUp()
    {
        final MarketRegistry registry = SyntheticRegistry.generate(42, SyntheticRegistry.Size.NATIONAL);
        final BmUnitDay day = registry.newDayView();
        registry.fillDay(java.time.LocalDate.of(2026, 1, 15).toEpochDay(), day);
        book = SyntheticPeriod.newBook(registry.bmUnitCount(), registry.partyCount());
        SyntheticPeriod.fill(42, day, book);
        SettlementKernels.volumes(options, book);
        SettlementKernels.cashflows(options, book, 85, 85);
    }

    /**
     * @return the book after losses, TLM, QBS/QME/QII, credited energy with MVRN, QABC, QABS, QAEI and RCRP.
     */
    @Benchmark
    public PeriodBook volumes()
    {
        SettlementKernels.volumes(options, book);
        return book;
    }

    /**
     * @return the book after CBM, CAEI, CII, non-delivery, TRC, RCRC and CSOBM.
     */
    @Benchmark
    public PeriodBook cashflows()
    {
        SettlementKernels.cashflows(options, book, 85, 85);
        return book;
    }

    /**
     * @return the book after every settlement kernel of the period.
     */
    @Benchmark
    public PeriodBook period()
    {
        SettlementKernels.volumes(options, book);
        SettlementKernels.cashflows(options, book, 85, 85);
        return book;
    }
}
