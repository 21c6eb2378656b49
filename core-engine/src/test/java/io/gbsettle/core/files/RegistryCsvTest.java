package io.gbsettle.core.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import io.gbsettle.core.registry.BmUnitDay;
import io.gbsettle.core.registry.EnergyAccount;
import io.gbsettle.core.registry.GspGroup;
import io.gbsettle.core.registry.MarketRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.gbsettle.core.registry.MarketRegistry.NO_INDEX;
import static io.gbsettle.core.registry.MarketRegistry.OPEN_END;
import static io.gbsettle.core.registry.MarketRegistry.OPEN_START;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistryCsvTest
{
    static final String PARTIES = """
        party_id,name
        ALBN,Albion Energy Ltd
        SEVG,"Severn Generation, Ltd"
        TRDR,Tweed Trading LLP
        ICUS,Usk Interconnector Trading Ltd
        """;

    static final String BM_UNITS = """
        bm_unit_id,lead_party_id,pc_status,trading_unit_id,interconnector,gsp_group,tlf,effective_from,effective_to
        2__AALBN000,ALBN,C,BASE_TU_A,N,_A,,,
        T_SEVG-1,SEVG,P,TU_SEVG,N,_N,0.0123,,2024-03-31
        T_SEVG-1,TRDR,P,TU_SEVG,N,_N,0.0123,2024-04-01,
        T_SEVG-2,SEVG,P,TU_SEVG,N,_N,,,
        I_IUS-FRA1,ICUS,P,TU_I_FRA1,Y,,,,
        I_IUS-FRA2,ICUS,C,TU_I_FRA2,Y,_J,0.02,,
        E_NEWXX-1,SEVG,P,E_NEWXX-1,N,_K,,2024-06-01,
        """;

    static final String TLF = """
        gsp_group,season,tlf
        _A,WINTER,0.009
        _A,SUMMER,0.006
        _N,WINTER,-0.021
        _N,SPRING,-0.018
        _J,WINTER,0.013
        """;

    @TempDir
    Path dir;

    private MarketRegistry registry;
    private BmUnitDay view;

    static void write(final Path dir, final String file, final String text) throws IOException
    {
        Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
    }

    private static long day(final int year, final int month, final int dayOfMonth)
    {
        return LocalDate.of(year, month, dayOfMonth).toEpochDay();
    }

    @BeforeEach
    void load() throws IOException
    {
        write(dir, RegistryCsv.PARTIES_FILE, PARTIES);
        write(dir, RegistryCsv.BM_UNITS_FILE, BM_UNITS);
        write(dir, RegistryCsv.TLF_FILE, TLF);
        registry = RegistryCsv.load(dir);
        view = registry.newDayView();
    }

    @Test
    void partiesAndAccounts()
    {
        assertEquals(4, registry.partyCount());
        assertEquals(8, registry.energyAccountCount());
        final String[] ids = { "ALBN", "SEVG", "TRDR", "ICUS" };
        final String[] names =
        {
            "Albion Energy Ltd", "Severn Generation, Ltd", "Tweed Trading LLP", "Usk Interconnector Trading Ltd"
        };
        for (int p = 0; p < ids.length; p++)
        {
            assertEquals(ids[p], registry.partyId(p));
            assertEquals(names[p], registry.partyName(p));
            assertEquals(p, registry.partyIndex(ids[p]));
        }
        assertEquals(NO_INDEX, registry.partyIndex("albn"));
    }

    @Test
    void tradingUnitsInBmUnitOrder()
    {
        assertEquals(5, registry.tradingUnitCount());
        final String[] ids = { "BASE_TU_A", "TU_SEVG", "TU_I_FRA1", "TU_I_FRA2", "E_NEWXX-1" };
        for (int t = 0; t < ids.length; t++)
        {
            assertEquals(ids[t], registry.tradingUnitId(t));
            assertEquals(t, registry.tradingUnitIndex(ids[t]));
        }
    }

    @Test
    void everyBmUnitVersionField()
    {
        assertEquals(6, registry.bmUnitCount());
        assertEquals(7, registry.versionCount());
        final String[] ids = { "2__AALBN000", "T_SEVG-1", "T_SEVG-2", "I_IUS-FRA1", "I_IUS-FRA2", "E_NEWXX-1" };
        for (int i = 0; i < ids.length; i++)
        {
            assertEquals(ids[i], registry.bmUnitId(i));
            assertEquals(i, registry.bmUnitIndex(ids[i]));
        }
        assertArrayEquals(new int[] { 0, 1, 3, 4, 5, 6 }, new int[]
        {
            registry.firstVersion(0), registry.firstVersion(1), registry.firstVersion(2), registry.firstVersion(3),
            registry.firstVersion(4), registry.firstVersion(5)
        });
        assertEquals(7, registry.versionLimit(5));

        final int[] bmUnit = { 0, 1, 1, 2, 3, 4, 5 };
        final int[] leadParty = { 0, 1, 2, 1, 3, 3, 1 };
        final boolean[] production = { false, true, true, true, true, false, true };
        final int[] tradingUnit = { 0, 1, 1, 1, 2, 3, 4 };
        final int[] gspGroup =
        {
            GspGroup.index("_A"), GspGroup.index("_N"), GspGroup.index("_N"), GspGroup.index("_N"), GspGroup.NONE,
            GspGroup.index("_J"), GspGroup.index("_K")
        };
        final double[] tlf = { Double.NaN, 0.0123, 0.0123, Double.NaN, Double.NaN, 0.02, Double.NaN };
        final long[] from = { OPEN_START, OPEN_START, day(2024, 4, 1), OPEN_START, OPEN_START, OPEN_START,
            day(2024, 6, 1) };
        final long[] to = { OPEN_END, day(2024, 3, 31), OPEN_END, OPEN_END, OPEN_END, OPEN_END, OPEN_END };
        for (int v = 0; v < registry.versionCount(); v++)
        {
            assertEquals(bmUnit[v], registry.versionBmUnit(v), "bm unit of version " + v);
            assertEquals(leadParty[v], registry.versionLeadParty(v), "lead party of version " + v);
            assertEquals(production[v], registry.versionProduction(v), "P/C of version " + v);
            assertEquals(tradingUnit[v], registry.versionTradingUnit(v), "trading unit of version " + v);
            assertEquals(gspGroup[v], registry.versionGspGroup(v), "GSP group of version " + v);
            assertEquals(tlf[v], registry.versionRegisteredTlf(v), "TLF of version " + v);
            assertEquals(from[v], registry.versionEffectiveFrom(v), "from of version " + v);
            assertEquals(to[v], registry.versionEffectiveTo(v), "to of version " + v);
        }
        final boolean[] interconnector = { false, false, false, true, true, false };
        for (int i = 0; i < registry.bmUnitCount(); i++)
        {
            assertEquals(interconnector[i], registry.interconnector(i));
        }
    }

    @Test
    void leadPartyChangesOnItsEffectiveDate()
    {
        final int unit = registry.bmUnitIndex("T_SEVG-1");

        registry.fillDay(day(2024, 3, 31), view);
        assertEquals(registry.partyIndex("SEVG"), view.leadParty(unit));
        assertEquals(EnergyAccount.index(registry.partyIndex("SEVG"), true), view.energyAccount(unit));
        assertEquals(1, view.version(unit));

        registry.fillDay(day(2024, 4, 1), view);
        assertEquals(registry.partyIndex("TRDR"), view.leadParty(unit));
        assertEquals(EnergyAccount.index(registry.partyIndex("TRDR"), true), view.energyAccount(unit));
        assertEquals(2, view.version(unit));
        assertEquals(registry.tradingUnitIndex("TU_SEVG"), view.tradingUnit(unit));
        assertTrue(view.production(unit));
        assertEquals(0.0123, view.tlf(unit));
    }

    @Test
    void unitWithAStartDateIsInactiveBeforeIt()
    {
        final int unit = registry.bmUnitIndex("E_NEWXX-1");

        registry.fillDay(day(2024, 5, 31), view);
        assertFalse(view.active(unit));
        assertEquals(NO_INDEX, view.leadParty(unit));
        assertEquals(GspGroup.NONE, view.gspGroup(unit));

        registry.fillDay(day(2024, 6, 1), view);
        assertTrue(view.active(unit));
        assertEquals(registry.partyIndex("SEVG"), view.leadParty(unit));
        assertEquals(GspGroup.index("_K"), view.gspGroup(unit));
        assertEquals(0.0, view.tlf(unit), "no seasonal TLF for _K");
    }

    @Test
    void seasonalTlfByZoneForUnitsWithoutTheirOwn()
    {
        final int supplier = registry.bmUnitIndex("2__AALBN000");
        final int generator = registry.bmUnitIndex("T_SEVG-2");
        final int ownTlf = registry.bmUnitIndex("T_SEVG-1");

        registry.fillDay(day(2024, 2, 29), view);
        assertEquals(0.009, view.tlf(supplier));
        assertEquals(-0.021, view.tlf(generator));
        assertEquals(0.0123, view.tlf(ownTlf));
        assertEquals(EnergyAccount.index(registry.partyIndex("ALBN"), false), view.energyAccount(supplier));

        registry.fillDay(day(2024, 3, 1), view);
        assertEquals(0.0, view.tlf(supplier), "no SPRING TLF for _A");
        assertEquals(-0.018, view.tlf(generator));

        registry.fillDay(day(2024, 8, 31), view);
        assertEquals(0.006, view.tlf(supplier));
        assertEquals(0.0, view.tlf(generator), "no SUMMER TLF for _N");

        registry.fillDay(day(2024, 10, 15), view);
        assertEquals(0.0, view.tlf(supplier));
        assertEquals(0.0123, view.tlf(ownTlf));
    }

    @Test
    void interconnectorsIgnoreTlfAndMayHaveNoGspGroup()
    {
        final int noZone = registry.bmUnitIndex("I_IUS-FRA1");
        final int withZone = registry.bmUnitIndex("I_IUS-FRA2");

        registry.fillDay(day(2024, 1, 10), view);
        assertTrue(view.interconnector(noZone));
        assertEquals(GspGroup.NONE, view.gspGroup(noZone));
        assertEquals(0.0, view.tlf(noZone));
        assertTrue(view.interconnector(withZone));
        assertEquals(GspGroup.index("_J"), view.gspGroup(withZone));
        assertEquals(0.0, view.tlf(withZone), "registered 0.02 and zone 0.013 are both ignored");
        assertFalse(view.production(withZone));
        assertFalse(view.interconnector(registry.bmUnitIndex("T_SEVG-2")));
    }

    @Test
    void tlfFileIsOptionalAndExtraColumnsAreIgnored() throws IOException
    {
        Files.delete(dir.resolve(RegistryCsv.TLF_FILE));
        write(dir, RegistryCsv.PARTIES_FILE, "NAME,Party_ID,comment\nAlbion Energy Ltd,ALBN,x\n");
        write(dir, RegistryCsv.BM_UNITS_FILE, """
            bm_unit_id,lead_party_id,pc_status,trading_unit_id,interconnector,gsp_group,tlf
            2__AALBN000,ALBN,c,BASE_TU_A,n,_A,
            """);
        final MarketRegistry minimal = RegistryCsv.load(dir);
        final BmUnitDay day = minimal.newDayView();
        minimal.fillDay(day(2024, 1, 1), day);

        assertEquals("ALBN", minimal.partyId(0));
        assertEquals(1, minimal.versionCount());
        assertEquals(OPEN_START, minimal.versionEffectiveFrom(0));
        assertEquals(OPEN_END, minimal.versionEffectiveTo(0));
        assertFalse(minimal.versionProduction(0));
        assertEquals(0.0, day.tlf(0));
        assertTrue(day.active(0));
    }

    @Test
    void seasonalTlfsAreEffectiveDatedByBscYearAndStartOnP350() throws IOException
    {
        write(dir, RegistryCsv.TLF_FILE, """
            gsp_group,season,tlf,effective_from,effective_to
            _N,WINTER,-0.025,2024-04-01,2025-03-31
            _N,WINTER,-0.021,2023-04-01,2024-03-31
            _N,WINTER,-0.027,2025-04-01,
            _A,WINTER,0.009,,
            """);
        final MarketRegistry dated = RegistryCsv.load(dir);
        final BmUnitDay day = dated.newDayView();
        final int generator = dated.bmUnitIndex("T_SEVG-2");
        final int ownTlf = dated.bmUnitIndex("T_SEVG-1");
        final int supplier = dated.bmUnitIndex("2__AALBN000");

        assertEquals(4, dated.seasonalTlfCount());
        assertEquals(day(2023, 4, 1), dated.seasonalTlfEffectiveFrom(1));
        assertEquals(day(2024, 3, 31), dated.seasonalTlfEffectiveTo(1));
        assertEquals(OPEN_END, dated.seasonalTlfEffectiveTo(3));
        assertEquals(OPEN_START, dated.seasonalTlfEffectiveFrom(0));

        final long[] days = { day(2018, 3, 31), day(2018, 4, 1), day(2023, 12, 1), day(2024, 12, 1), day(2030, 12, 1) };
        final double[] generatorTlf = { 0.0, 0.0, -0.021, -0.025, -0.027 };
        final double[] supplierTlf = { 0.0, 0.0, 0.009, 0.009, 0.009 };
        for (int d = 0; d < days.length; d++)
        {
            dated.fillDay(days[d], day);
            final String what = LocalDate.ofEpochDay(days[d]).toString();
            assertEquals(generatorTlf[d], day.tlf(generator), what);
            assertEquals(supplierTlf[d], day.tlf(supplier), what);
            assertEquals(days[d] < MarketRegistry.ZONAL_TLF_START ? 0.0 : 0.0123, day.tlf(ownTlf), what);
        }
        dated.fillDay(day(2018, 4, 1), day);
        assertEquals(0.0, day.tlf(supplier), "2018-04-01 is SPRING: no _A SPRING TLF");
        dated.fillDay(day(2018, 11, 1), day);
        assertEquals(0.009, day.tlf(supplier), "the open-ended _A WINTER TLF from the first zonal winter");
    }

    @Test
    void gspGroupIdsIgnoreCaseAndAreWrittenUpperCase() throws IOException
    {
        write(dir, RegistryCsv.BM_UNITS_FILE, """
            bm_unit_id,lead_party_id,pc_status,trading_unit_id,interconnector,gsp_group,tlf
            T_SEVG-2,SEVG,P,TU_SEVG,N,_n,
            I_IUS-FRA2,ICUS,C,TU_I_FRA2,Y,_j,
            """);
        write(dir, RegistryCsv.TLF_FILE, "gsp_group,season,tlf\n_n,winter,-0.021\n");
        final MarketRegistry lower = RegistryCsv.load(dir);

        assertEquals(GspGroup.index("_N"), lower.versionGspGroup(0));
        assertEquals(GspGroup.index("_J"), lower.versionGspGroup(1));
        assertEquals(GspGroup.index("_N"), lower.seasonalTlfGspGroup(0));
        assertEquals(-0.021, lower.versionTlfOn(0, day(2024, 1, 15)));

        final Path written = dir.resolve("written");
        RegistryCsv.write(lower, written);
        assertTrue(Files.readString(written.resolve(RegistryCsv.BM_UNITS_FILE)).contains(",TU_SEVG,N,_N,"));
        assertTrue(Files.readString(written.resolve(RegistryCsv.TLF_FILE)).contains("\n_N,WINTER,-0.021,,\n"));
        assertEquals(lower, RegistryCsv.load(written));
    }
}
