package io.gbsettle.core.kernel.settle;

import io.gbsettle.core.registry.EnergyAccount;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Missing data, inactive BM Units, capacities, the loss division guard, MVRN formulas and daily totals.
 */
final class PeriodBookTest
{
    private static final int P0 = EnergyAccount.index(0, true);
    private static final int C0 = EnergyAccount.index(0, false);
    private static final int P1 = EnergyAccount.index(1, true);

    @Test
    void optionsCopyCarriesEveryChoiceAndIsIndependent()
    {
        final SettlementOptions options = SettlementOptions.defaults().alpha(0.3).iipOver(2).iipUnder(3)
            .tlmoFormula(SettlementOptions.TlmoFormula.values()[1])
            .lossDivisionGuard(SettlementOptions.LossDivisionGuard.OTHER_SIDE_TAKES_ALL)
            .interconnectorsInTlmoSums(true).tlmOnCbm(false).tlmOnQabs(false).tlmOnCnd(false)
            .clampNonDeliveryToAccepted(false).mvrnFormula(SettlementOptions.MvrnFormula.values()[1])
            .nonDeliveryRanking(SettlementOptions.NonDeliveryRanking.values()[1])
            .trcComposition(SettlementOptions.TrcComposition.CAEI_ONLY)
            .soCashflowSign(SettlementOptions.SoCashflowSign.CREDIT_TO_SO);
        final SettlementOptions copy = options.copy();
        assertEquals(0.3, copy.alpha());
        assertEquals(2, copy.iipOver());
        assertEquals(3, copy.iipUnder());
        assertEquals(options.tlmoFormula(), copy.tlmoFormula());
        assertEquals(options.lossDivisionGuard(), copy.lossDivisionGuard());
        assertTrue(copy.interconnectorsInTlmoSums());
        assertFalse(copy.tlmOnCbm() || copy.tlmOnQabs() || copy.tlmOnCnd() || copy.clampNonDeliveryToAccepted());
        assertEquals(options.mvrnFormula(), copy.mvrnFormula());
        assertEquals(options.nonDeliveryRanking(), copy.nonDeliveryRanking());
        assertEquals(options.trcComposition(), copy.trcComposition());
        assertEquals(options.soCashflowSign(), copy.soCashflowSign());
        copy.alpha(0.5);
        assertEquals(0.3, options.alpha());
    }

    @Test
    void missingMeteredVolumeIsFlaggedAndSettledOnZero()
    {
        final PeriodBook book = new PeriodBook(3, 2, 2, 2, 2);
        book.bmUnit(0, P0, 0, false, 0);
        book.bmUnit(1, C0, 1, false, 0);
        book.inactive(2);
        book.tradingUnits(2);
        book.reset();
        book.meteredVolume(0, 100);
        book.meteredVolume(2, 55);
        book.addAccepted(2, 9, 1, 3, 0, 50, 40);
        book.addMvrn(2, P1, 1, 10);
        SettlementKernels.volumes(SettlementOptions.defaults(), book);
        SettlementKernels.cashflows(SettlementOptions.defaults(), book, 50, 50);
        assertTrue(book.hasMeteredVolume(0));
        assertFalse(book.hasMeteredVolume(1));
        assertEquals(1, book.missingMeteredVolumeCount());
        assertEquals(3, book.ignoredInputCount(), "metered volume, accepted row and MVRN of the inactive unit");
        assertEquals(100, book.tloss(), 0);
        assertEquals(0, book.qm(1), 0);
        assertEquals(0, book.cbm(2), 0);
        assertEquals(1, book.tlm(2), 0);
        assertEquals(0, book.qace(P1), 0);
        book.reset();
        assertFalse(book.hasMeteredVolume(0));
        assertEquals(0, book.acceptedRowCount());
    }

    @Test
    void capacitiesAndArgumentsAreChecked()
    {
        final PeriodBook book = new PeriodBook(1, 1, 1, 1, 1);
        book.addAccepted(0, 1, 1, 1, 0, 10, 5);
        assertThrows(IllegalStateException.class, () -> book.addAccepted(0, 2, 1, 1, 0, 10, 5));
        assertThrows(IllegalArgumentException.class, () -> new PeriodBook(1, 1, 2, 1, 1).addAccepted(0, 1, 1, -1, 0,
            10, 5));
        book.addEcvn(0, 1, 5);
        assertThrows(IllegalStateException.class, () -> book.addEcvn(0, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> new PeriodBook(1, 1, 1, 1, 1).addEcvn(0, 2, 5));
        book.addMvrn(0, 1, 1, 0);
        assertThrows(IllegalStateException.class, () -> book.addMvrn(0, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> SettlementOptions.defaults().alpha(1.5));
        assertThrows(IllegalArgumentException.class, () -> book.meteredVolume(0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> book.fpn(0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new PeriodBook(1, 1, 1, 1, 1).addAccepted(0, 1, 1, 1, 0,
            Double.NaN, 5));
    }

    @Test
    void divisionGuardWithNoDeliveringUnit()
    {
        // Only an offtaking unit and an importing interconnector: sum+ QM = 0.
        final SettlementOptions zero = SettlementOptions.defaults();
        final SettlementOptions otherSide =
            SettlementOptions.defaults().lossDivisionGuard(SettlementOptions.LossDivisionGuard.OTHER_SIDE_TAKES_ALL);
        final PeriodBook book = new PeriodBook(2, 2, 0, 0, 0);
        book.bmUnit(0, C0, 0, false, 0);
        book.bmUnit(1, P1, 1, true, 0);
        book.tradingUnits(2);
        book.reset();
        book.meteredVolume(0, -98);
        book.meteredVolume(1, 100);
        SettlementKernels.volumes(zero, book);
        assertEquals(0, book.tlmoPlus(), 0);
        assertEquals(-0.55 * 2 / -98, book.tlmoMinus(), 1e-15);
        SettlementKernels.volumes(otherSide, book);
        assertEquals(-2.0 / -98, book.tlmoMinus(), 1e-15);
        assertEquals(0, book.qce(0) + book.qce(1), 1e-12);
    }

    @Test
    void mvrnFormulas()
    {
        final PeriodBook book = new PeriodBook(2, 2, 0, 0, 2);
        book.bmUnit(0, P0, 0, false, 0);
        book.bmUnit(1, C0, 1, false, 0);
        book.tradingUnits(2);
        book.reset();
        book.meteredVolume(0, 100);
        book.meteredVolume(1, -100);
        book.addMvrn(0, P1, 10, 50);
        final SettlementOptions options = SettlementOptions.defaults();
        SettlementKernels.volumes(options, book);
        assertEquals(10 + 0.5 * 90, book.mvrnReallocated(0), 1e-12);
        assertEquals(55, book.qace(P1), 1e-12);
        assertEquals(45, book.qace(P0), 1e-12);
        SettlementKernels.volumes(options.mvrnFormula(SettlementOptions.MvrnFormula.PERCENT_OF_METERED), book);
        assertEquals(60, book.qace(P1), 1e-12);
        assertEquals(40, book.qace(P0), 1e-12);
    }

    @Test
    void partyDayTotalsAddUpAndReset()
    {
        final PeriodBook book = new PeriodBook(2, 1, 1, 0, 0);
        book.bmUnit(0, P0, 0, false, 0);
        book.bmUnit(1, C0, 1, false, 0);
        book.tradingUnits(2);
        book.reset();
        book.meteredVolume(0, 10);
        book.meteredVolume(1, -9.8);
        book.fpn(0, 10);
        book.fpn(1, -9.8);
        book.addAccepted(0, 1, 1, 2, 0, 30, 20);
        final SettlementOptions options = SettlementOptions.defaults();
        SettlementKernels.volumes(options, book);
        SettlementKernels.cashflows(options, book, 10, 10);
        final PartyDayTotals totals = new PartyDayTotals(1);
        totals.add(book);
        totals.add(book);
        assertEquals(2, totals.periods());
        assertEquals(2 * book.cbm(0), totals.cbm(0), 0);
        assertEquals(2 * (book.caei(P0) + book.caei(C0)), totals.caei(0), 1e-9);
        assertEquals(2 * (book.rcrc(P0) + book.rcrc(C0)), totals.rcrc(0), 1e-9);
        assertEquals(2 * book.soCashflow(), totals.soCashflow(), 0);
        assertEquals(2 * 2 * (30 - 10) * book.tlm(0), totals.cnd(0), 1e-9);
        assertEquals(totals.soCashflow(), totals.net(0), 1e-9);
        totals.reset();
        assertEquals(0, totals.net(0), 0);
        assertEquals(0, totals.periods());
    }
}
