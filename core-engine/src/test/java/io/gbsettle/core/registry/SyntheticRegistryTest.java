package io.gbsettle.core.registry;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticRegistryTest
{
    @Test
    void nationalRegistryHasTheShapeOfTheGbMarket()
    {
        final MarketRegistry registry = SyntheticRegistry.generate(42, SyntheticRegistry.Size.NATIONAL);

        assertEquals(350, registry.partyCount());
        assertTrue(Math.abs(registry.bmUnitCount() - 2_700) <= 270, "BM Units: " + registry.bmUnitCount());
        assertEquals(SyntheticRegistry.Size.NATIONAL.bmUnitCount(), registry.bmUnitCount());

        final Set<Integer> zones = new HashSet<>();
        int interconnectors = 0;
        int virtual = 0;
        int transmission = 0;
        int embedded = 0;
        int supplierBase = 0;
        int multiVersion = 0;
        int leadPartyChanges = 0;
        int interconnectorsWithoutZone = 0;
        for (int i = 0; i < registry.bmUnitCount(); i++)
        {
            final String id = registry.bmUnitId(i);
            final int first = registry.firstVersion(i);
            zones.add(registry.versionGspGroup(first));
            if (registry.interconnector(i))
            {
                interconnectors++;
                assertTrue(id.startsWith("I_I"), id);
                if (GspGroup.NONE == registry.versionGspGroup(first))
                {
                    interconnectorsWithoutZone++;
                }
            }
            virtual += id.startsWith("V__") ? 1 : 0;
            transmission += id.startsWith("T_") ? 1 : 0;
            embedded += id.startsWith("E_") ? 1 : 0;
            if (id.startsWith("2__") && id.endsWith("000"))
            {
                supplierBase++;
                final int zone = registry.versionGspGroup(first);
                assertEquals("BASE_TU" + GspGroup.id(zone), registry.tradingUnitId(registry.versionTradingUnit(first)));
                assertEquals(GspGroup.id(zone).charAt(1), id.charAt(3));
            }
            final int versions = registry.versionLimit(i) - first;
            if (versions > 1)
            {
                multiVersion++;
                if (registry.versionLeadParty(first) != registry.versionLeadParty(first + 1))
                {
                    leadPartyChanges++;
                }
            }
        }
        for (int g = 0; g < GspGroup.COUNT; g++)
        {
            assertTrue(zones.contains(g), GspGroup.id(g));
        }
        for (int e = 0; e < registry.seasonalTlfCount(); e++)
        {
            assertTrue(Math.abs(registry.seasonalTlfValue(e)) < 0.1);
        }
        assertEquals(110 * GspGroup.COUNT, supplierBase);
        assertEquals(40, interconnectors);
        assertTrue(interconnectorsWithoutZone > 0);
        assertEquals(110, virtual);
        assertEquals(450, transmission);
        assertEquals(230, embedded);
        assertEquals(12, multiVersion);
        assertEquals(12, leadPartyChanges);
        assertTrue(registry.tradingUnitCount() < registry.bmUnitCount(), "some BM Units share trading units");
    }

    @Test
    void seasonalTlfsAreDatedByBscYear()
    {
        final MarketRegistry registry = SyntheticRegistry.generate(42, SyntheticRegistry.Size.SMALL);
        final long[] bscYearStarts = { day(2023, 4, 1), day(2024, 4, 1), day(2025, 4, 1) };

        assertEquals(GspGroup.COUNT * Season.COUNT * bscYearStarts.length, registry.seasonalTlfCount());
        for (int g = 0; g < GspGroup.COUNT; g++)
        {
            for (int s = 0; s < Season.COUNT; s++)
            {
                for (int y = 0; y < bscYearStarts.length; y++)
                {
                    final int entry = registry.seasonalTlfAt(g, s, bscYearStarts[y]);
                    final String what = GspGroup.id(g) + ' ' + Season.name(s) + " year " + y;
                    assertTrue(entry >= 0, what);
                    assertEquals(bscYearStarts[y], registry.seasonalTlfEffectiveFrom(entry), what);
                    assertEquals(y == bscYearStarts.length - 1 ? MarketRegistry.OPEN_END : bscYearStarts[y + 1] - 1,
                        registry.seasonalTlfEffectiveTo(entry), what);
                }
                assertEquals(MarketRegistry.NO_INDEX, registry.seasonalTlfAt(g, s, bscYearStarts[0] - 1));
            }
        }

        final int zoneN = GspGroup.index("_N");
        final long winter2024 = day(2024, 1, 15);
        final long winter2025 = day(2025, 1, 15);
        assertNotEquals(registry.zoneTlfOn(zoneN, winter2024), registry.zoneTlfOn(zoneN, winter2025),
            "a new TLF each BSC year");
        final BmUnitDay view = registry.newDayView();
        boolean zonalUnitFollowsItsZone = false;
        for (final long day : new long[] { winter2024, winter2025 })
        {
            registry.fillDay(day, view);
            for (int i = 0; i < registry.bmUnitCount(); i++)
            {
                final int version = view.version(i);
                if (view.active(i) && !view.interconnector(i) && zoneN == view.gspGroup(i) &&
                    Double.isNaN(registry.versionRegisteredTlf(version)))
                {
                    assertEquals(registry.zoneTlfOn(zoneN, day), view.tlf(i), registry.bmUnitId(i));
                    zonalUnitFollowsItsZone = true;
                }
            }
        }
        assertTrue(zonalUnitFollowsItsZone);

        registry.fillDay(MarketRegistry.ZONAL_TLF_START - 1, view);
        for (int i = 0; i < registry.bmUnitCount(); i++)
        {
            assertEquals(0.0, view.tlf(i), registry.bmUnitId(i));
        }
    }

    private static long day(final int year, final int month, final int dayOfMonth)
    {
        return LocalDate.of(year, month, dayOfMonth).toEpochDay();
    }

    @Test
    void sameSeedGivesTheSameRegistryAndAnotherSeedAnother()
    {
        assertEquals(
            SyntheticRegistry.generate(7, SyntheticRegistry.Size.NATIONAL),
            SyntheticRegistry.generate(7, SyntheticRegistry.Size.NATIONAL));
        assertNotEquals(
            SyntheticRegistry.generate(7, SyntheticRegistry.Size.NATIONAL),
            SyntheticRegistry.generate(8, SyntheticRegistry.Size.NATIONAL));
    }

    @Test
    void everySizeBuildsForManySeeds()
    {
        for (final SyntheticRegistry.Size size : SyntheticRegistry.Size.values())
        {
            for (long seed = 0; seed < 20; seed++)
            {
                final MarketRegistry registry = SyntheticRegistry.generate(seed, size);
                assertEquals(size.partyCount(), registry.partyCount());
                assertEquals(size.bmUnitCount(), registry.bmUnitCount());
            }
        }
    }
}
