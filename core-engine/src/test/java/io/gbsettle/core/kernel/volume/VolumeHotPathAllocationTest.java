package io.gbsettle.core.kernel.volume;

import io.gbsettle.core.registry.BmUnitDay;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.testing.AllocationAssert;
import io.gbsettle.core.time.EpochDays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The volume kernel over a national synthetic day (about 2,700 BM Units, 4,000 acceptances, about 200 meeting each
 * period) allocates nothing once warm; nor does refilling and sealing the book for another day.
 */
final class VolumeHotPathAllocationTest
{
    private static final long DAY = EpochDays.of(2026, 1, 15);
    private static final long DAY_START = DAY * 86_400L;
    private static final int PERIODS = 48;

    private static BmUnitDay units;
    private static BalancingBook book;

    private int period = 0;
    private long seed = 1;
    private double sink;

    @BeforeAll
    static void generate()
    {
        final MarketRegistry registry = SyntheticRegistry.generate(42, SyntheticRegistry.Size.NATIONAL);
        units = registry.newDayView();
        registry.fillDay(DAY, units);
        book = SyntheticBalancing.newBook(7, units, PERIODS, SyntheticBalancing.NATIONAL_ACCEPTANCES);
        SyntheticBalancing.fill(7, units, DAY_START, PERIODS, SyntheticBalancing.NATIONAL_ACCEPTANCES, book);
    }

    @Test
    void nationalPeriodAllocatesNothing()
    {
        final AcceptedVolumes out = new AcceptedVolumes(units.bmUnitCount(), SyntheticBalancing.NATIONAL_ROW_CAPACITY);
        int rows = 0;
        for (int j = 1; j <= PERIODS; j++)
        {
            AcceptanceVolumeKernel.period(VolumeOptions.DEFAULTS, book, j, out);
            rows = Math.max(rows, out.count());
        }
        assertTrue(units.bmUnitCount() > 2_000 && book.acceptanceCount() >= 3_000 && rows > 200,
            units.bmUnitCount() + " units, " + book.acceptanceCount() + " acceptances, max rows " + rows);
        AllocationAssert.assertZeroAllocation("AcceptanceVolumeKernel.period (national)", () ->
        {
            period = period == PERIODS ? 1 : period + 1;
            AcceptanceVolumeKernel.period(VolumeOptions.DEFAULTS, book, period, out);
            sink += out.count() + out.fpn(period);
        }, 2_000, 500);
    }

    @Test
    void refillAndSealAllocateNothing()
    {
        final BalancingBook own = SyntheticBalancing.newBook(7, units, PERIODS, 300);
        AllocationAssert.assertZeroAllocation("SyntheticBalancing.fill + BalancingBook.seal (national)", () ->
        {
            seed = seed == 7 ? 1 : seed + 1;
            SyntheticBalancing.fill(7, units, DAY_START + seed, PERIODS, 300, own);
            sink += own.acceptanceCount();
        }, 20, 5);
    }
}
