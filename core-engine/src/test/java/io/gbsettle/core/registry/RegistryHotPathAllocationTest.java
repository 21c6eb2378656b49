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
    private static final long FIRST_DAY = 19_000;

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
            day = day == FIRST_DAY + 800 ? FIRST_DAY : day + 1;
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
            sink += sum;
        }, 2_000, 1_000);
    }
}
