package io.gbsettle.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.SyntheticBundle;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.settle.DaySettlement;
import io.gbsettle.core.settle.SettlementReport;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The whole GB market for a day: a generated national day bundle (seed 42, 2025-06-10: 2,700 BM Units, 700 Energy
 * Accounts, 300 acceptances, 3,000 ECVN lines a period) settled period by period through the volume, settlement
 * and price kernels into a sink that hands every figure to a {@link Blackhole}. The bundle is loaded once; the
 * driver is built once and reused, as a rerun would. Expect milliseconds and 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DaySettlementBenchmark
{
    private DaySettlement settlement;
    private SettlementReport sink;

    /**
     * Writes, loads and deletes the bundle; builds the driver.
     *
     * @param blackhole where the sink puts every figure.
     * @throws IOException if the temporary directory cannot be created or listed.
     */
    @Setup
    public void setUp(final Blackhole blackhole) throws IOException
    {
        final Path dir = Files.createTempDirectory("gbsettle-settle-bench");
        try
        {
            SyntheticBundle.write(SyntheticRegistry.generate(42, SyntheticRegistry.Size.NATIONAL), 42,
                LocalDate.of(2025, 6, 10), SettlementRun.SF, false, dir);
            settlement = new DaySettlement(DayBundle.load(dir));
        }
        finally
        {
            TempDirs.delete(dir);
        }
        sink = new BlackholeReport(blackhole);
    }

    /**
     * @return the driver, after settling all 48 periods and the party totals.
     */
    @Benchmark
    public DaySettlement settleNationalDay()
    {
        settlement.settle(sink);
        return settlement;
    }

    /**
     * Consumes every figure, so that nothing the kernels compute is dead code.
     */
    static final class BlackholeReport implements SettlementReport
    {
        private final Blackhole blackhole;

        BlackholeReport(final Blackhole blackhole)
        {
            this.blackhole = blackhole;
        }

        @Override
        public void bmUnitPeriod(
            final int period, final int bmUnit, final double fpn, final double qao, final double qab,
            final double qbs, final double qm, final double tlm, final double qme, final double qii, final double qndo,
            final double qndb, final double cbm, final double cnd, final double cii)
        {
            blackhole.consume(fpn + qao + qab + qbs + qm + tlm + qme + qii + qndo + qndb + cbm + cnd + cii);
        }

        @Override
        public void accountPeriod(
            final int period, final int account, final double qace, final double qabc, final double qabs,
            final double qaei, final double caei, final double rcrp, final double rcrc)
        {
            blackhole.consume(qace + qabc + qabs + qaei + caei + rcrp + rcrc);
        }

        @Override
        public void period(
            final int period, final double systemPrice, final double niv, final double tloss, final double tlmoPlus,
            final double tlmoMinus, final double totalCbm, final double totalCaei, final double trc,
            final double soCashflow)
        {
            blackhole.consume(systemPrice + niv + tloss + tlmoPlus + tlmoMinus + totalCbm + totalCaei + trc +
                soCashflow);
        }

        @Override
        public void partyDay(
            final int party, final double cbm, final double cnd, final double caei, final double cii,
            final double rcrc, final double net)
        {
            blackhole.consume(cbm + cnd + caei + cii + rcrc + net);
        }

        @Override
        public void end()
        {
            blackhole.consume(this);
        }
    }
}
