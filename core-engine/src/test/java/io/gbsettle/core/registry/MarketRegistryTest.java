package io.gbsettle.core.registry;

import java.time.LocalDate;
import java.util.List;

import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.input.InvalidInputException;
import org.junit.jupiter.api.Test;

import static io.gbsettle.core.registry.MarketRegistry.NO_INDEX;
import static io.gbsettle.core.registry.MarketRegistry.NO_TLF;
import static io.gbsettle.core.registry.MarketRegistry.OPEN_END;
import static io.gbsettle.core.registry.MarketRegistry.OPEN_START;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarketRegistryTest
{
    private static final long MARCH_31 = day(2024, 3, 31);
    private static final long APRIL_1 = day(2024, 4, 1);

    private static long day(final int year, final int month, final int dayOfMonth)
    {
        return LocalDate.of(year, month, dayOfMonth).toEpochDay();
    }

    private static RegistryBuilder sample()
    {
        return MarketRegistry.builder()
            .party("ALBN", "Albion Energy Ltd")
            .party("SEVG", "Severn Generation Ltd")
            .party("TRDR", "Tweed Trading LLP")
            .bmUnit("2__AALBN000", "ALBN", false, "BASE_TU_A", false, "_A", NO_TLF)
            .bmUnit("T_SEVG-1", "SEVG", true, "TU_SEVG", false, "_N", 0.0123, OPEN_START, MARCH_31)
            .bmUnit("T_SEVG-1", "TRDR", true, "TU_SEVG", false, "_N", 0.0123, APRIL_1, OPEN_END)
            .bmUnit("T_SEVG-2", "SEVG", true, "TU_SEVG", false, "_N", NO_TLF)
            .bmUnit("I_IUS-FRA1", "TRDR", false, "TU_I_FRA1", true, "", NO_TLF)
            .seasonalTlf("_A", Season.WINTER, 0.009)
            .seasonalTlf("_N", Season.WINTER, -0.021);
    }

    @Test
    void internsEveryIdentifierOnceToDenseIndices()
    {
        final MarketRegistry registry = sample().build();

        assertEquals(3, registry.partyCount());
        assertEquals(6, registry.energyAccountCount());
        assertEquals(1, registry.partyIndex("SEVG"));
        assertEquals("Tweed Trading LLP", registry.partyName(2));
        assertEquals(NO_INDEX, registry.partyIndex("NOPE"));

        assertEquals(4, registry.bmUnitCount());
        assertEquals(5, registry.versionCount());
        assertEquals(1, registry.bmUnitIndex("T_SEVG-1"));
        assertEquals(NO_INDEX, registry.bmUnitIndex("T_NOPE-1"));
        assertEquals(1, registry.firstVersion(1));
        assertEquals(3, registry.versionLimit(1));

        assertEquals(3, registry.tradingUnitCount());
        assertEquals("BASE_TU_A", registry.tradingUnitId(0));
        assertEquals("TU_SEVG", registry.tradingUnitId(1));
        assertEquals("TU_I_FRA1", registry.tradingUnitId(2));
        assertEquals(NO_INDEX, registry.tradingUnitIndex("TU_NOPE"));
    }

    @Test
    void effectiveDatesAreInclusiveAtBothEnds()
    {
        final MarketRegistry registry = sample().build();
        final int unit = registry.bmUnitIndex("T_SEVG-1");

        assertEquals(1, registry.versionAt(unit, MARCH_31));
        assertEquals(2, registry.versionAt(unit, APRIL_1));
        assertEquals(MARCH_31, registry.versionEffectiveTo(1));
        assertEquals(APRIL_1, registry.versionEffectiveFrom(2));
        assertEquals(OPEN_START, registry.versionEffectiveFrom(1));
        assertEquals(OPEN_END, registry.versionEffectiveTo(2));
    }

    @Test
    void dayViewFollowsALeadPartyChange()
    {
        final MarketRegistry registry = sample().build();
        final BmUnitDay view = registry.newDayView();
        final int unit = registry.bmUnitIndex("T_SEVG-1");

        registry.fillDay(MARCH_31, view);
        assertEquals(MARCH_31, view.epochDay());
        assertEquals(registry.partyIndex("SEVG"), view.leadParty(unit));
        assertEquals(EnergyAccount.index(registry.partyIndex("SEVG"), true), view.energyAccount(unit));

        registry.fillDay(APRIL_1, view);
        assertEquals(registry.partyIndex("TRDR"), view.leadParty(unit));
        assertEquals(2, view.version(unit));
        assertEquals(registry.tradingUnitIndex("TU_SEVG"), view.tradingUnit(unit));
        assertEquals(0.0123, view.tlf(unit));
    }

    @Test
    void blankTlfTakesTheZoneSeasonalValueElseZero()
    {
        final MarketRegistry registry = sample().build();
        final BmUnitDay view = registry.newDayView();
        final int supplier = registry.bmUnitIndex("2__AALBN000");
        final int generator = registry.bmUnitIndex("T_SEVG-2");

        registry.fillDay(day(2024, 1, 15), view);
        assertEquals(0.009, view.tlf(supplier));
        assertEquals(-0.021, view.tlf(generator));

        registry.fillDay(day(2024, 7, 1), view);
        assertEquals(0.0, view.tlf(supplier));
        assertEquals(0.0, view.tlf(generator));

        assertEquals(0.009, registry.seasonalTlf(GspGroup.index("_A"), Season.WINTER, day(2024, 1, 15)));
        assertTrue(Double.isNaN(registry.seasonalTlf(GspGroup.index("_A"), Season.SUMMER, day(2024, 7, 1))));
        assertTrue(Double.isNaN(registry.versionRegisteredTlf(registry.firstVersion(supplier))));
    }

    @Test
    void interconnectorHasNoGspGroupAndNoTlf()
    {
        final MarketRegistry registry = MarketRegistry.builder()
            .party("ICUS", "Usk Interconnector Trading Ltd")
            .bmUnit("I_IUS-FRA1", "ICUS", true, "TU_I_FRA1", true, "", NO_TLF)
            .bmUnit("I_IUS-FRA2", "ICUS", false, "TU_I_FRA2", true, "_J", 0.02)
            .seasonalTlf("_J", Season.WINTER, 0.013)
            .build();
        final BmUnitDay view = registry.newDayView();
        registry.fillDay(day(2024, 1, 15), view);

        assertTrue(view.interconnector(0));
        assertEquals(GspGroup.NONE, view.gspGroup(0));
        assertEquals(0.0, view.tlf(0));
        assertEquals(GspGroup.index("_J"), view.gspGroup(1));
        assertEquals(0.0, view.tlf(1));
        assertEquals(0.02, registry.versionRegisteredTlf(1));
    }

    @Test
    void inactiveUnitHoldsMissingValues()
    {
        final MarketRegistry registry = MarketRegistry.builder()
            .party("SEVG", "Severn Generation Ltd")
            .bmUnit("E_NEWXX-1", "SEVG", true, "E_NEWXX-1", false, "_K", 0.001, day(2024, 6, 1), OPEN_END)
            .build();
        final BmUnitDay view = registry.newDayView();

        registry.fillDay(day(2024, 5, 31), view);
        assertFalse(view.active(0));
        assertEquals(NO_INDEX, view.version(0));
        assertEquals(NO_INDEX, view.leadParty(0));
        assertEquals(NO_INDEX, view.tradingUnit(0));
        assertEquals(GspGroup.NONE, view.gspGroup(0));
        assertEquals(EnergyAccount.NONE, view.energyAccount(0));
        assertEquals(0.0, view.tlf(0));

        registry.fillDay(day(2024, 6, 1), view);
        assertTrue(view.active(0));
        assertEquals(0.001, view.tlf(0));
    }

    @Test
    void viewMustBeSizedForTheRegistry()
    {
        final MarketRegistry registry = sample().build();
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> registry.fillDay(0, new BmUnitDay(3)));
        assertEquals("view holds 3 BM Units but the registry has 4", ex.getMessage());
    }

    @Test
    void insertionOrderOfVersionsDoesNotChangeTheRegistry()
    {
        final MarketRegistry reversed = MarketRegistry.builder()
            .party("ALBN", "Albion Energy Ltd")
            .party("SEVG", "Severn Generation Ltd")
            .party("TRDR", "Tweed Trading LLP")
            .seasonalTlf("_N", Season.WINTER, -0.021)
            .bmUnit("2__AALBN000", "ALBN", false, "BASE_TU_A", false, "_A", NO_TLF)
            .bmUnit("T_SEVG-1", "TRDR", true, "TU_SEVG", false, "_N", 0.0123, APRIL_1, OPEN_END)
            .bmUnit("T_SEVG-1", "SEVG", true, "TU_SEVG", false, "_N", 0.0123, OPEN_START, MARCH_31)
            .bmUnit("T_SEVG-2", "SEVG", true, "TU_SEVG", false, "_N", NO_TLF)
            .bmUnit("I_IUS-FRA1", "TRDR", false, "TU_I_FRA1", true, "", NO_TLF)
            .seasonalTlf("_A", Season.WINTER, 0.009)
            .build();

        assertEquals(sample().build(), reversed);
        assertEquals(sample().build().hashCode(), reversed.hashCode());
        assertNotEquals(sample().party("XTRA", "Extra Ltd").build(), reversed);
    }

    @Test
    void builderReportsEveryProblemWithItsRecordLine()
    {
        final RegistryBuilder builder = MarketRegistry.builder()
            .party("ALBN", "Albion Energy Ltd")
            .party("ALBN", "Albion Again Ltd")
            .party(" ", "")
            .bmUnit("T_ONE-1", "NOPE", true, "T_ONE-1", false, "_Q", 0.6)
            .bmUnit("", "ALBN", true, "", false, "", NO_TLF)
            .bmUnit("T_TWO-1", "ALBN", true, "T_TWO-1", false, "_A", NO_TLF, 100, 200)
            .bmUnit("T_TWO-1", "ALBN", true, "T_TWO-1", true, "_A", NO_TLF, 200, 300)
            .bmUnit("T_TWO-1", "ALBN", true, "T_TWO-1", false, "_A", NO_TLF, 500, 400)
            .seasonalTlf("_A", Season.WINTER, 0.01)
            .seasonalTlf("_A", Season.WINTER, 0.02)
            .seasonalTlf("_Z", 7, NO_TLF);

        final List<String> expected = List.of(
            "parties.csv:3 column 'party_id' value 'ALBN': duplicate party id; first defined on line 2",
            "parties.csv:4 column 'party_id' value ' ': empty party id",
            "parties.csv:4 column 'name': empty party name",
            "bm_units.csv:2 column 'lead_party_id' value 'NOPE': unknown lead party; no party has this id",
            "bm_units.csv:2 column 'gsp_group' value '_Q': unknown GSP group; expected one of " +
                "_A, _B, _C, _D, _E, _F, _G, _H, _J, _K, _L, _M, _N, _P",
            "bm_units.csv:2 column 'tlf' value '0.6': TLF outside the sane range [-0.5, 0.5]",
            "bm_units.csv:3 column 'bm_unit_id': empty BM Unit id",
            "bm_units.csv:3 column 'trading_unit_id': empty trading unit id",
            "bm_units.csv:3 column 'gsp_group': empty GSP group; only an interconnector may have none",
            "bm_units.csv:5 column 'bm_unit_id' value 'T_TWO-1': effective dates 1970-07-20..1970-10-28 overlap the " +
                "version on line 4 (1970-04-11..1970-07-20)",
            "bm_units.csv:5 column 'interconnector' value 'Y': interconnector flag differs from the version on line 4",
            "bm_units.csv:6 column 'effective_to' value '1971-02-05': effective_to is before effective_from 1971-05-16",
            "tlf.csv:3 column 'gsp_group' value '_A': effective dates open..open overlap the _A WINTER TLF on line 2 " +
                "(open..open)",
            "tlf.csv:4 column 'gsp_group' value '_Z': unknown GSP group; expected one of " +
                "_A, _B, _C, _D, _E, _F, _G, _H, _J, _K, _L, _M, _N, _P",
            "tlf.csv:4 column 'season' value '7': unknown season; expected WINTER, SPRING, SUMMER or AUTUMN",
            "tlf.csv:4 column 'tlf': empty TLF");

        assertEquals(expected, builder.validate().stream().map(InputProblem::describe).toList());
        final InvalidInputException ex = assertThrows(InvalidInputException.class, builder::build);
        assertEquals(expected.size(), ex.problems().size());
        assertTrue(ex.getMessage().startsWith(
            "cannot load market registry: 16 problems, nothing was loaded" + System.lineSeparator()));
    }

    @Test
    void validBuilderHasNoProblems()
    {
        final RegistryBuilder builder = sample();
        assertEquals(List.of(), builder.validate());
        final MarketRegistry registry = builder.build();
        assertEquals(
            "MarketRegistry{parties=3, tradingUnits=3, bmUnits=4, versions=5, seasonalTlfs=2}", registry.toString());
    }

    @Test
    void equalityIsContentEquality()
    {
        final MarketRegistry registry = sample().build();
        final MarketRegistry same = sample().build();
        assertNotSame(registry, same);
        assertEquals(registry, same);
        assertEquals(same, registry);
        assertEquals(registry.hashCode(), same.hashCode());
        assertNotEquals(registry, null);
        assertNotEquals(registry, "MarketRegistry");

        final List<MarketRegistry> changed = List.of(
            sample().party("XTRA", "Extra Ltd").build(),
            sample().bmUnit("T_SEVG-3", "SEVG", true, "TU_SEVG", false, "_N", NO_TLF).build(),
            sample().seasonalTlf("_A", Season.SUMMER, 0.006).build(),
            sample().seasonalTlf("_B", Season.WINTER, 0.009).build(),
            dated(0.009, OPEN_START, OPEN_END, -0.021),
            dated(0.009, OPEN_START, MARCH_31, -0.021),
            dated(0.009, APRIL_1, OPEN_END, -0.021),
            dated(0.0091, OPEN_START, OPEN_END, -0.021));
        assertEquals(registry, changed.get(4), "the same TLFs given with explicit open dates");
        for (int i = 0; i < changed.size(); i++)
        {
            if (i != 4)
            {
                assertNotEquals(registry, changed.get(i), "change " + i);
                assertNotEquals(changed.get(i), registry, "change " + i);
            }
        }
    }

    private static MarketRegistry dated(final double tlfA, final long fromA, final long toA, final double tlfN)
    {
        return MarketRegistry.builder()
            .party("ALBN", "Albion Energy Ltd")
            .party("SEVG", "Severn Generation Ltd")
            .party("TRDR", "Tweed Trading LLP")
            .bmUnit("2__AALBN000", "ALBN", false, "BASE_TU_A", false, "_A", NO_TLF)
            .bmUnit("T_SEVG-1", "SEVG", true, "TU_SEVG", false, "_N", 0.0123, OPEN_START, MARCH_31)
            .bmUnit("T_SEVG-1", "TRDR", true, "TU_SEVG", false, "_N", 0.0123, APRIL_1, OPEN_END)
            .bmUnit("T_SEVG-2", "SEVG", true, "TU_SEVG", false, "_N", NO_TLF)
            .bmUnit("I_IUS-FRA1", "TRDR", false, "TU_I_FRA1", true, "", NO_TLF)
            .seasonalTlf("_A", Season.WINTER, tlfA, fromA, toA)
            .seasonalTlf("_N", Season.WINTER, tlfN, OPEN_START, OPEN_END)
            .build();
    }

    @Test
    void zonalTlfStartsOnTheP350Date()
    {
        assertEquals(LocalDate.of(2018, 4, 1).toEpochDay(), MarketRegistry.ZONAL_TLF_START);
        final MarketRegistry registry = MarketRegistry.builder()
            .party("SEVG", "Severn Generation Ltd")
            .bmUnit("T_OWN-1", "SEVG", true, "T_OWN-1", false, "_N", 0.0123)
            .bmUnit("T_ZONE-1", "SEVG", true, "T_ZONE-1", false, "_N", NO_TLF)
            .seasonalTlf("_N", Season.SPRING, -0.018)
            .build();
        final BmUnitDay view = registry.newDayView();
        final int zoneN = GspGroup.index("_N");
        final long lastDayOfUniformTlf = day(2018, 3, 31);

        registry.fillDay(lastDayOfUniformTlf, view);
        assertEquals(0.0, view.tlf(0), "own TLF does not count before P350");
        assertEquals(0.0, view.tlf(1), "zone TLF does not count before P350");
        assertEquals(0.0, view.zoneTlf(zoneN));
        assertEquals(0.0, registry.versionTlfOn(0, lastDayOfUniformTlf));
        assertEquals(0.0, registry.versionTlfOn(1, lastDayOfUniformTlf));
        assertEquals(0.0, registry.zoneTlfOn(zoneN, lastDayOfUniformTlf));
        assertEquals(-0.018, registry.seasonalTlf(zoneN, Season.SPRING, lastDayOfUniformTlf), "the data is there");

        registry.fillDay(MarketRegistry.ZONAL_TLF_START, view);
        assertEquals(0.0123, view.tlf(0));
        assertEquals(-0.018, view.tlf(1));
        assertEquals(-0.018, view.zoneTlf(zoneN));
        assertEquals(0.0123, registry.versionTlfOn(0, MarketRegistry.ZONAL_TLF_START));
        assertEquals(-0.018, registry.versionTlfOn(1, MarketRegistry.ZONAL_TLF_START));
    }

    @Test
    void zoneTlfIsTheEntryInForceOnTheDay()
    {
        final long bscYear2024 = day(2024, 4, 1);
        final long bscYear2025 = day(2025, 4, 1);
        final MarketRegistry registry = MarketRegistry.builder()
            .party("SEVG", "Severn Generation Ltd")
            .bmUnit("T_ZONE-1", "SEVG", true, "T_ZONE-1", false, "_N", NO_TLF)
            .bmUnit("T_OWN-1", "SEVG", true, "T_OWN-1", false, "_N", 0.0123)
            .bmUnit("T_SOUTH-1", "SEVG", true, "T_SOUTH-1", false, "_C", NO_TLF)
            .seasonalTlf("_N", Season.WINTER, -0.025, bscYear2024, bscYear2025 - 1)
            .seasonalTlf("_N", Season.SUMMER, -0.015, bscYear2024, bscYear2025 - 1)
            .seasonalTlf("_N", Season.WINTER, -0.021, day(2023, 4, 1), bscYear2024 - 1)
            .seasonalTlf("_C", Season.WINTER, 0.012, OPEN_START, OPEN_END)
            .build();
        final int zoneN = GspGroup.index("_N");
        final int zoneC = GspGroup.index("_C");

        assertEquals(4, registry.seasonalTlfCount());
        assertArrayEquals(new int[] { zoneC, zoneN, zoneN, zoneN }, new int[]
        {
            registry.seasonalTlfGspGroup(0), registry.seasonalTlfGspGroup(1), registry.seasonalTlfGspGroup(2),
            registry.seasonalTlfGspGroup(3)
        }, "sorted by zone index");
        assertEquals(Season.WINTER, registry.seasonalTlfSeason(1));
        assertEquals(day(2023, 4, 1), registry.seasonalTlfEffectiveFrom(1));
        assertEquals(bscYear2024 - 1, registry.seasonalTlfEffectiveTo(1));
        assertEquals(-0.025, registry.seasonalTlfValue(2));
        assertEquals(Season.SUMMER, registry.seasonalTlfSeason(3));

        final BmUnitDay view = registry.newDayView();
        final long[] days = { day(2023, 3, 31), day(2024, 1, 15), day(2024, 3, 31), day(2024, 4, 1), day(2024, 7, 1),
            day(2025, 1, 15), day(2025, 3, 31), day(2025, 4, 1), day(2026, 1, 15) };
        final double[] zoneTlf = { 0.0, -0.021, 0.0, 0.0, -0.015, -0.025, 0.0, 0.0, 0.0 };
        final int[] entry = { NO_INDEX, 1, NO_INDEX, NO_INDEX, 3, 2, NO_INDEX, NO_INDEX, NO_INDEX };
        for (int d = 0; d < days.length; d++)
        {
            final String what = LocalDate.ofEpochDay(days[d]).toString();
            registry.fillDay(days[d], view);
            assertEquals(zoneTlf[d], view.tlf(0), what);
            assertEquals(zoneTlf[d], view.zoneTlf(zoneN), what);
            assertEquals(0.0123, view.tlf(1), what + ": own TLF wins over the zone's");
            assertEquals(Season.ofEpochDay(days[d]) == Season.WINTER ? 0.012 : 0.0, view.tlf(2), what);
            assertEquals(entry[d], registry.seasonalTlfAt(zoneN, Season.ofEpochDay(days[d]), days[d]), what);
            for (int v = 0; v < registry.versionCount(); v++)
            {
                assertEquals(view.tlf(registry.versionBmUnit(v)), registry.versionTlfOn(v, days[d]), what);
            }
            for (int g = 0; g < GspGroup.COUNT; g++)
            {
                assertEquals(view.zoneTlf(g), registry.zoneTlfOn(g, days[d]), what);
            }
        }
        assertEquals(-0.025, registry.seasonalTlf(zoneN, Season.WINTER, day(2024, 7, 1)),
            "the winter TLF of the BSC year a summer day is in");
        assertTrue(Double.isNaN(registry.seasonalTlf(zoneN, Season.SPRING, day(2024, 4, 1))));
    }

    @Test
    void seasonalTlfsOfAZoneAndSeasonMustNotOverlap()
    {
        final long bscYear2024 = day(2024, 4, 1);
        final RegistryBuilder builder = MarketRegistry.builder()
            .seasonalTlf("_N", Season.WINTER, -0.021, day(2023, 4, 1), bscYear2024 - 1)
            .seasonalTlf("_N", Season.WINTER, -0.025, bscYear2024, OPEN_END)
            .seasonalTlf("_N", Season.WINTER, -0.030, day(2025, 4, 1), OPEN_END)
            .seasonalTlf("_N", Season.SUMMER, -0.015, day(2023, 4, 1), OPEN_END)
            .seasonalTlf("_C", Season.WINTER, 0.012, day(2023, 4, 1), OPEN_END)
            .seasonalTlf("_n", Season.WINTER, -0.020, OPEN_START, day(2023, 4, 1))
            .seasonalTlf("_A", Season.WINTER, 0.01, bscYear2024, bscYear2024 - 1)
            .seasonalTlf("_A", Season.SUMMER, 0.01, OPEN_END, OPEN_START);

        assertEquals(List.of(
            "tlf.csv:4 column 'gsp_group' value '_N': effective dates 2025-04-01..open overlap the _N WINTER TLF on " +
                "line 3 (2024-04-01..open)",
            "tlf.csv:7 column 'gsp_group' value '_n': effective dates open..2023-04-01 overlap the _N WINTER TLF on " +
                "line 2 (2023-04-01..2024-03-31)",
            "tlf.csv:8 column 'effective_to' value '2024-03-31': effective_to is before effective_from 2024-04-01",
            "tlf.csv:9 column 'effective_from' value '" + OPEN_END + "': epoch day outside the calendar",
            "tlf.csv:9 column 'effective_to' value '" + OPEN_START + "': epoch day outside the calendar"),
            builder.validate().stream().map(InputProblem::describe).toList());
    }

    @Test
    void gspGroupIdsIgnoreCase()
    {
        final MarketRegistry lower = MarketRegistry.builder()
            .party("SEVG", "Severn Generation Ltd")
            .bmUnit("T_SEVG-1", "SEVG", true, "TU_SEVG", false, "_n", NO_TLF)
            .seasonalTlf("_n", Season.WINTER, -0.021)
            .build();
        final MarketRegistry upper = MarketRegistry.builder()
            .party("SEVG", "Severn Generation Ltd")
            .bmUnit("T_SEVG-1", "SEVG", true, "TU_SEVG", false, "_N", NO_TLF)
            .seasonalTlf("_N", Season.WINTER, -0.021)
            .build();

        assertEquals(upper, lower);
        assertEquals(GspGroup.index("_N"), lower.versionGspGroup(0));
        assertEquals(-0.021, lower.versionTlfOn(0, day(2024, 1, 15)));
    }
}
