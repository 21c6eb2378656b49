package io.gbsettle.core.kernel.settle;

import io.gbsettle.core.registry.BmUnitDay;
import io.gbsettle.core.registry.EnergyAccount;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.time.EpochDays;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The book takes its day-static attributes from a real registry day view: lead accounts by P/C status, shared
 * trading units renumbered densely, interconnectors, TLFs, and BM Units not yet registered left out. Settles TV-5
 * with an extra embedded generator inside the supplier's offtaking trading unit, which (RCRC guidance [V]) reduces
 * its party's RCRP: its credited energy counts negative.
 */
final class RegistryDayTest
{
    private static final long DAY = EpochDays.of(2026, 1, 15);

    @Test
    void bookFromARegistryDay()
    {
        final MarketRegistry registry = MarketRegistry.builder()
            .party("AAAA", "A")
            .party("BBBB", "B")
            .party("CCCC", "C")
            .party("SSSS", "S")
            .bmUnit("T_G1", "AAAA", true, "TU_G1", false, "_A", 0)
            .bmUnit("2__A1", "BBBB", false, "BASE_TU_A", false, "_A", 0)
            .bmUnit("I_IC1", "CCCC", false, "TU_IC", true, "", MarketRegistry.NO_TLF)
            .bmUnit("E_S1", "SSSS", true, "BASE_TU_A", false, "_A", 0)
            .bmUnit("T_LATER", "AAAA", true, "TU_LATER", false, "_A", 0, DAY + 10, MarketRegistry.OPEN_END)
            .build();
        final BmUnitDay day = registry.newDayView();
        registry.fillDay(DAY, day);
        final PeriodBook book = new PeriodBook(registry.bmUnitCount(), registry.partyCount(), 4, 4, 0);
        book.registry(day);

        final int g1 = registry.bmUnitIndex("T_G1");
        final int d1 = registry.bmUnitIndex("2__A1");
        final int ic1 = registry.bmUnitIndex("I_IC1");
        final int e1 = registry.bmUnitIndex("E_S1");
        final int later = registry.bmUnitIndex("T_LATER");
        assertEquals(3, book.tradingUnitCount());
        assertFalse(book.active(later));
        assertEquals(EnergyAccount.index(registry.partyIndex("BBBB"), false), book.leadAccount(d1));
        final int sProd = EnergyAccount.index(registry.partyIndex("SSSS"), true);
        assertEquals(sProd, book.leadAccount(e1));

        book.reset();
        book.meteredVolume(g1, 500);
        book.meteredVolume(d1, -490);
        book.meteredVolume(e1, 10);
        book.meteredVolume(ic1, -10);
        book.fpn(g1, 495);
        book.addAccepted(g1, 1, 1, 5, 0, 60, 50);
        final SettlementOptions options = SettlementOptions.defaults();
        SettlementKernels.volumes(options, book);
        SettlementKernels.cashflows(options, book, 100, 100);

        // Same totals as TV-5: D1 + E1 net -480 in one offtaking trading unit.
        assertTrue(book.delivering(g1));
        assertFalse(book.delivering(d1));
        assertFalse(book.delivering(e1));
        assertEquals(10, book.tloss(), 1e-12);
        assertEquals(0.991, book.tlm(g1), 1e-12);
        assertEquals(book.tlm(d1), book.tlm(e1), 0);
        assertEquals(1 + 0.55 * 10 / 480, book.tlm(e1), 1e-12);
        assertEquals(1, book.tlm(ic1), 0);
        assertEquals(book.tradingUnit(d1), book.tradingUnit(e1));
        assertEquals(-480, book.tradingUnitMeteredVolume(e1), 1e-12);
        assertEquals(500, book.tradingUnitMeteredVolume(g1), 1e-12);
        assertEquals(-1, book.tradingUnit(later));
        assertEquals(0, book.tradingUnitMeteredVolume(later), 0);
        assertEquals(-10 * book.tlm(e1), book.rcrpBasis(sProd), 1e-9);
        assertTrue(book.rcrp(sProd) < 0, "a generator in an offtaking trading unit has a negative proportion");
        double sum = 0;
        for (int a = 0; a < book.accountCount(); a++)
        {
            sum += book.rcrp(a);
        }
        assertEquals(1, sum, 1e-12);
        assertEquals(297.30, book.cbm(g1), 1e-9);
    }
}
