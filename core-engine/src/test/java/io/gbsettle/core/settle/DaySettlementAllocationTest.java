package io.gbsettle.core.settle;

import java.nio.file.Path;
import java.time.LocalDate;

import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.SyntheticBundle;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.testing.AllocationAssert;
import io.gbsettle.core.time.SettlementRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settling a whole day again (every period through the three kernels, then the party totals) allocates nothing once
 * the driver is built and warm: the books are sized once from the bundle.
 */
final class DaySettlementAllocationTest
{
    @TempDir
    Path tmp;

    @Test
    void settlingADayAllocatesNothing()
    {
        SyntheticBundle.write(SyntheticRegistry.generate(42, SyntheticRegistry.Size.MEDIUM), 42,
            LocalDate.of(2025, 6, 10), SettlementRun.SF, false, tmp);
        final DaySettlement settlement = new DaySettlement(DayBundle.load(tmp));
        final SettlementReport sink = new NullReport();
        AllocationAssert.assertZeroAllocation("DaySettlement.settle (medium day, 48 periods)",
            () -> settlement.settle(sink), 100, 20);
    }

    /**
     * Discards every row.
     */
    static final class NullReport implements SettlementReport
    {
        @Override
        public void bmUnitPeriod(
            final int period, final int bmUnit, final double fpn, final double qao, final double qab,
            final double qbs, final double qm, final double tlm, final double qme, final double qii, final double qndo,
            final double qndb, final double cbm, final double cnd, final double cii)
        {
        }

        @Override
        public void accountPeriod(
            final int period, final int account, final double qace, final double qabc, final double qabs,
            final double qaei, final double caei, final double rcrp, final double rcrc)
        {
        }

        @Override
        public void period(
            final int period, final double systemPrice, final double niv, final double tloss, final double tlmoPlus,
            final double tlmoMinus, final double totalCbm, final double totalCaei, final double trc,
            final double soCashflow)
        {
        }

        @Override
        public void partyDay(
            final int party, final double cbm, final double cnd, final double caei, final double cii,
            final double rcrc, final double net)
        {
        }

        @Override
        public void end()
        {
        }
    }
}
