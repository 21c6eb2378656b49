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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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

        assertEquals(0.009, registry.seasonalTlf(GspGroup.index("_A"), Season.WINTER));
        assertTrue(Double.isNaN(registry.seasonalTlf(GspGroup.index("_A"), Season.SUMMER)));
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
            "tlf.csv:3 column 'gsp_group' value '_A': duplicate TLF for _A WINTER; first given on line 2",
            "tlf.csv:4 column 'gsp_group' value '_Z': unknown GSP group; expected one of " +
                "_A, _B, _C, _D, _E, _F, _G, _H, _J, _K, _L, _M, _N, _P",
            "tlf.csv:4 column 'season' value '7': unknown season; expected WINTER, SPRING, SUMMER or AUTUMN",
            "tlf.csv:4 column 'tlf': empty TLF");

        assertEquals(expected, builder.validate().stream().map(InputProblem::describe).toList());
        final InvalidInputException ex = assertThrows(InvalidInputException.class, builder::build);
        assertEquals(expected.size(), ex.problems().size());
        assertTrue(ex.getMessage().startsWith("cannot load market registry: 16 problems, nothing was loaded" + System.lineSeparator()));
    }

    @Test
    void validBuilderHasNoProblems()
    {
        final RegistryBuilder builder = sample();
        assertEquals(List.of(), builder.validate());
        final MarketRegistry registry = builder.build();
        assertSame(registry, registry);
        assertEquals("MarketRegistry{parties=3, tradingUnits=3, bmUnits=4, versions=5}", registry.toString());
    }
}
