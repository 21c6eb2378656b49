package io.gbsettle.core.kernel.settle;

import io.gbsettle.core.registry.EnergyAccount;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * TV-5 of the calculation spec (§7): the derived settlement mini-system, G1 generating 500 MWh, D1 taking 480 MWh,
 * IC1 exporting 10 MWh, alpha 0.45, one 5 MWh offer on G1, SBP = SSP = GBP 100/MWh; and its non-delivery variant.
 */
final class Tv5MiniSystemTest
{
    private static final double EPS = 1e-9;
    private static final int G1 = 0;
    private static final int D1 = 1;
    private static final int IC1 = 2;
    private static final int A_PROD = EnergyAccount.index(0, true);
    private static final int B_CONS = EnergyAccount.index(1, false);
    private static final int C_CONS = EnergyAccount.index(2, false);

    private static PeriodBook book(final double fpnG1, final double offerPrice)
    {
        final PeriodBook book = new PeriodBook(3, 3, 4, 4, 1);
        book.bmUnit(G1, A_PROD, 0, false, 0);
        book.bmUnit(D1, B_CONS, 1, false, 0);
        book.bmUnit(IC1, C_CONS, 2, true, 0);
        book.tradingUnits(3);
        book.reset();
        book.meteredVolume(G1, 500);
        book.meteredVolume(D1, -480);
        book.meteredVolume(IC1, -10);
        book.fpn(G1, fpnG1);
        book.fpn(D1, -480);
        book.fpn(IC1, -10);
        book.addAccepted(G1, 1, 1, 5, 0, offerPrice, offerPrice - 10);
        book.addEcvn(A_PROD, B_CONS, 480);
        book.addEcvn(A_PROD, C_CONS, 10);
        final SettlementOptions options = SettlementOptions.defaults();
        SettlementKernels.volumes(options, book);
        SettlementKernels.cashflows(options, book, 100, 100);
        return book;
    }

    @Test
    void lossesAndTlm()
    {
        final PeriodBook book = book(495, 60);
        assertEquals(10, book.tloss(), EPS);
        assertEquals(-0.009, book.tlmoPlus(), EPS);
        assertEquals(0.0114583333, book.tlmoMinus(), 1e-10);
        assertEquals(0.991, book.tlm(G1), EPS);
        assertEquals(1.0114583333, book.tlm(D1), 1e-10);
        assertEquals(1, book.tlm(IC1), 0);
    }

    @Test
    void creditedEnergyAndContracts()
    {
        final PeriodBook book = book(495, 60);
        assertEquals(495.5, book.qce(G1), EPS);
        assertEquals(-485.5, book.qce(D1), EPS);
        assertEquals(-10, book.qce(IC1), EPS);
        assertEquals(0, book.qce(G1) + book.qce(D1) + book.qce(IC1), EPS);
        assertEquals(490, book.qabc(A_PROD), EPS);
        assertEquals(-480, book.qabc(B_CONS), EPS);
        assertEquals(-10, book.qabc(C_CONS), EPS);
    }

    @Test
    void balancingAndImbalance()
    {
        final PeriodBook book = book(495, 60);
        assertEquals(297.30, book.cbm(G1), EPS);
        assertEquals(5, book.qbs(G1), EPS);
        assertEquals(4.955, book.qabs(A_PROD), EPS);
        assertEquals(0.545, book.qaei(A_PROD), EPS);
        assertEquals(-5.5, book.qaei(B_CONS), EPS);
        assertEquals(0, book.qaei(C_CONS), EPS);
        assertEquals(-4.955, book.qaei(A_PROD) + book.qaei(B_CONS) + book.qaei(C_CONS), EPS);
        assertEquals(-54.50, book.caei(A_PROD), EPS);
        assertEquals(550.00, book.caei(B_CONS), EPS);
        assertEquals(0, book.caei(C_CONS), EPS);
        assertEquals(495.50, book.trc(), EPS);
    }

    @Test
    void residualReallocation()
    {
        final PeriodBook book = book(495, 60);
        assertEquals(495.5, book.rcrpBasis(A_PROD), EPS);
        assertEquals(485.5, book.rcrpBasis(B_CONS), EPS);
        assertEquals(0, book.rcrpBasis(C_CONS), EPS);
        assertEquals(0.5050968, book.rcrp(A_PROD), 5e-8);
        assertEquals(0.4949032, book.rcrp(B_CONS), 5e-8);
        assertEquals(250.2755, book.rcrc(A_PROD), 5e-5);
        assertEquals(245.2245, book.rcrc(B_CONS), 5e-5);
    }

    @Test
    void cashNeutrality()
    {
        final PeriodBook book = book(495, 60);
        assertEquals(297.30, book.soCashflow(), EPS);
        final double neutral = book.cbm(G1) - book.soCashflow() + book.totalCaei() + book.totalCii() +
            book.totalCnd() - book.rcrc(A_PROD) - book.rcrc(B_CONS) - book.rcrc(C_CONS);
        assertEquals(0, neutral, EPS);
        final PartyDayTotals totals = new PartyDayTotals(3);
        totals.add(book);
        assertEquals(297.30, totals.cbm(0), EPS);
        assertEquals(297.30 + 54.50 + 250.2755, totals.net(0), 1e-4);
        assertEquals(-550 + 245.2245, totals.net(1), 1e-4);
        assertEquals(0, totals.net(2), EPS);
    }

    @Test
    void nonDeliveryAtAnOfferPriceAboveSbpIsCharged()
    {
        final PeriodBook book = book(497, 150);
        assertEquals(502, book.qme(G1), EPS);
        assertEquals(-2, book.qii(G1), EPS);
        assertEquals(2, book.qndo(G1), EPS);
        assertEquals(0, book.qndb(G1), EPS);
        assertEquals(2, book.rowQndo(0), EPS);
        assertEquals(99.10, book.cnd(G1), EPS);
        assertEquals(book.totalCaei() + 99.10, book.trc(), EPS);
    }

    @Test
    void nonDeliveryAtAnOfferPriceBelowSbpIsFree()
    {
        final PeriodBook book = book(497, 60);
        assertEquals(2, book.qndo(G1), EPS);
        assertEquals(0, book.cnd(G1), EPS);
    }
}
