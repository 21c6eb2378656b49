package io.gbsettle.core.kernel.settle;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Non-delivery by hand (§4.4): the non-delivered volume goes to the most expensive offers (descending offer price)
 * and the cheapest bids (ascending bid price) first, or in acceptance order when so configured; only offers above
 * SBP and bids below SSP are charged. TLM is left out ({@code tlmOnCnd(false)}) to keep the numbers round.
 */
final class NonDeliveryTest
{
    private static final int OFFERS = 0;
    private static final int BIDS = 1;

    private static PeriodBook settle(final SettlementOptions.NonDeliveryRanking ranking)
    {
        final PeriodBook book = new PeriodBook(2, 1, 6, 0, 0);
        book.bmUnit(OFFERS, 0, 0, false, 0);
        book.bmUnit(BIDS, 1, 1, false, 0);
        book.tradingUnits(2);
        book.reset();
        // Offers: QME = 100 + 3 + 4 + 2 = 109, QM = 103: 6 MWh not delivered.
        book.fpn(OFFERS, 100);
        book.meteredVolume(OFFERS, 103);
        book.addAccepted(OFFERS, 1, 1, 3, 0, 120, 80);
        book.addAccepted(OFFERS, 2, 2, 4, 0, 200, 80);
        book.addAccepted(OFFERS, 3, 1, 2, 0, 90, 80);
        // Bids: QME = 50 - 5 - 3 - 4 = 38, QM = 45: 7 MWh of bids not delivered.
        book.fpn(BIDS, 50);
        book.meteredVolume(BIDS, 45);
        book.addAccepted(BIDS, 4, -1, 0, -5, 130, 30);
        book.addAccepted(BIDS, 5, -2, 0, -3, 130, 10);
        book.addAccepted(BIDS, 6, -1, 0, -4, 130, 60);
        final SettlementOptions options = SettlementOptions.defaults().tlmOnCnd(false).nonDeliveryRanking(ranking);
        SettlementKernels.volumes(options, book);
        SettlementKernels.cashflows(options, book, 100, 100);
        return book;
    }

    @Test
    void mostExpensiveFirst()
    {
        final PeriodBook book = settle(SettlementOptions.NonDeliveryRanking.MOST_EXPENSIVE_FIRST);
        assertEquals(6, book.qndo(OFFERS), 1e-12);
        assertEquals(2, book.rowQndo(0), 1e-12);
        assertEquals(4, book.rowQndo(1), 1e-12);
        assertEquals(0, book.rowQndo(2), 1e-12);
        assertEquals(4 * (200 - 100) + 2 * (120 - 100), book.cnd(OFFERS), 1e-9);

        assertEquals(-7, book.qndb(BIDS), 1e-12);
        assertEquals(-4, book.rowQndb(3), 1e-12);
        assertEquals(-3, book.rowQndb(4), 1e-12);
        assertEquals(0, book.rowQndb(5), 1e-12);
        assertEquals(-3 * (10 - 100) - 4 * (30 - 100), book.cnd(BIDS), 1e-9);
    }

    @Test
    void acceptanceOrder()
    {
        final PeriodBook book = settle(SettlementOptions.NonDeliveryRanking.ACCEPTANCE_ORDER);
        assertEquals(3, book.rowQndo(0), 1e-12);
        assertEquals(3, book.rowQndo(1), 1e-12);
        assertEquals(0, book.rowQndo(2), 1e-12);
        assertEquals(3 * (120 - 100) + 3 * (200 - 100), book.cnd(OFFERS), 1e-9);
        assertEquals(-5, book.rowQndb(3), 1e-12);
        assertEquals(-2, book.rowQndb(4), 1e-12);
        assertEquals(-5 * (30 - 100) - 2 * (10 - 100), book.cnd(BIDS), 1e-9);
    }

    @Test
    void overDeliveryIsNotCharged()
    {
        final PeriodBook book = new PeriodBook(1, 1, 1, 0, 0);
        book.bmUnit(0, 0, 0, false, 0);
        book.tradingUnits(1);
        book.reset();
        book.fpn(0, 10);
        book.meteredVolume(0, 20);
        book.addAccepted(0, 1, 1, 5, 0, 500, 400);
        SettlementKernels.volumes(SettlementOptions.defaults(), book);
        SettlementKernels.cashflows(SettlementOptions.defaults(), book, 100, 100);
        assertEquals(0, book.qndo(0), 0);
        assertEquals(0, book.qndb(0), 0);
        assertEquals(0, book.cnd(0), 0);
        assertEquals(5, book.qii(0), 1e-12);
    }
}
