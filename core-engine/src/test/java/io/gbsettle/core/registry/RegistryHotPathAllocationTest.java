package io.gbsettle.core.registry;

import io.gbsettle.core.testing.AllocationAssert;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Refilling a day's view of a national registry, and reading it by index, allocates nothing once warm: the period
 * book is built from it at the start of every settlement day and run.
 */
final class RegistryHotPathAllocationTest
{
    private static final MarketRegistry NATIONAL =
        SyntheticRegistry.generate(42, SyntheticRegistry.Size.NATIONAL);
    /** 2017-08-23, before P350, to 2026-06-12: the days cross the zonal TLF start and every BSC year of TLFs. */
    private static final long FIRST_DAY = MarketRegistry.ZONAL_TLF_START - 221;
    private static final int DAY_STEP = 4;
    private static final long LAST_DAY = FIRST_DAY + 800 * DAY_STEP;

    private long day = FIRST_DAY;
    private double sink;

    @Test
    void fillDayAndIndexAccessorsAllocateNothing()
    {
        final BmUnitDay view = NATIONAL.newDayView();
        final int units = NATIONAL.bmUnitCount();
        assertTrue(units > 2_000, "national registry has " + units + " BM Units");
        AllocationAssert.assertZeroAllocation("MarketRegistry.fillDay + BmUnitDay reads (national)", () ->
        {
            day = day >= LAST_DAY ? FIRST_DAY : day + DAY_STEP;
            NATIONAL.fillDay(day, view);
            double sum = 0;
            for (int i = 0; i < units; i++)
            {
                if (view.active(i) && !view.interconnector(i))
                {
                    sum += view.tlf(i) + view.leadParty(i) + view.energyAccount(i) + view.tradingUnit(i) +
                        view.gspGroup(i) + NATIONAL.versionAt(i, day);
                }
            }
            for (int g = 0; g < GspGroup.COUNT; g++)
            {
                sum += view.zoneTlf(g);
            }
            sink += sum;
        }, 2_000, 1_000);
    }

    @Test
    void tlfLookupsAllocateNothing()
    {
        final int versions = NATIONAL.versionCount();
        AllocationAssert.assertZeroAllocation("MarketRegistry.versionTlfOn / zoneTlfOn / seasonalTlf (national)", () ->
        {
            day = day >= LAST_DAY ? FIRST_DAY : day + DAY_STEP;
            double sum = 0;
            for (int v = 0; v < versions; v++)
            {
                sum += NATIONAL.versionTlfOn(v, day);
            }
            for (int g = 0; g < GspGroup.COUNT; g++)
            {
                sum += NATIONAL.zoneTlfOn(g, day) + NATIONAL.seasonalTlf(g, Season.WINTER, day) +
                    NATIONAL.seasonalTlfAt(g, Season.SUMMER, day);
            }
            sink += sum;
        }, 2_000, 1_000);
    }
}
