package io.gbsettle.core.kernel.settle;

import org.junit.jupiter.api.Test;

import static io.gbsettle.core.testing.PropertyChecks.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The fast kernels agree with the naive reference on random markets under random options (relative tolerance
 * 1e-9), and the market identities hold under the default options: sum QCE = 0, sum QABC = 0,
 * sum QAEI = -sum QABS, sum RCRP = 1, cash neutrality per period, and the parties' daily net equals the SO cashflow.
 */
final class SettlementKernelsProperties
{
    private static final double TOLERANCE = 1e-9;

    @Test
    void kernelsAgreeWithTheReference()
    {
        check(400).forAll(longs().all()).checkAssert(seed ->
        {
            final ReferenceSettlement.Market market = RandomMarkets.market(seed);
            final SettlementOptions options = RandomMarkets.options(seed);
            final double sbp = (seed % 7) * 31.5 - 40;
            final double ssp = seed % 3 == 0 ? sbp - 12.25 : sbp;
            final ReferenceSettlement.Result expected = ReferenceSettlement.settle(options, market, sbp, ssp);
            final PeriodBook book = market.toBook();
            SettlementKernels.volumes(options, book);
            SettlementKernels.cashflows(options, book, sbp, ssp);
            assertMatches(expected, book, market);
            // Idempotent: running again on the same inputs gives the same outputs.
            SettlementKernels.volumes(options, book);
            SettlementKernels.cashflows(options, book, sbp, ssp);
            assertMatches(expected, book, market);
        });
    }

    @Test
    void marketIdentitiesHoldUnderTheDefaults()
    {
        check(400).forAll(longs().all()).checkAssert(seed ->
        {
            final ReferenceSettlement.Market market = RandomMarkets.market(seed);
            final SettlementOptions options = SettlementOptions.defaults().iipOver(3).iipUnder(1.5);
            final double price = (seed % 11) * 17.0 - 25;
            final PeriodBook book = market.toBook();
            SettlementKernels.volumes(options, book);
            SettlementKernels.cashflows(options, book, price, price);

            double scale = 1;
            double sumQace = 0;
            double sumQabc = 0;
            double sumQaei = 0;
            double sumQabs = 0;
            double sumRcrp = 0;
            double sumRcrc = 0;
            for (int a = 0; a < book.accountCount(); a++)
            {
                sumQace += book.qace(a);
                sumQabc += book.qabc(a);
                sumQaei += book.qaei(a);
                sumQabs += book.qabs(a);
                sumRcrp += book.rcrp(a);
                sumRcrc += book.rcrc(a);
                scale += Math.abs(book.qace(a)) + Math.abs(book.qabc(a)) + Math.abs(book.qabs(a));
            }
            final boolean lossesAllocated = book.deliveringQm() != 0 && book.offtakingQm() != 0;
            if (lossesAllocated)
            {
                assertEquals(0, sumQace, TOLERANCE * scale, "sum QCE");
                assertEquals(-sumQabs, sumQaei, TOLERANCE * scale, "sum QAEI = -sum QABS");
            }
            assertEquals(0, sumQabc, TOLERANCE * scale, "sum QABC");

            double sumCbm = 0;
            for (int i = 0; i < book.bmUnitCount(); i++)
            {
                sumCbm += book.cbm(i);
                // CND is a debit (its sign is TLM's, and TLM can go negative in a degenerate random market).
                assertTrue(book.cnd(i) * book.tlm(i) >= 0, "CND is a debit");
                assertTrue(book.qndo(i) >= 0 && book.qndb(i) <= 0, "QNDO >= 0 >= QNDB");
            }
            final double cashScale = 1 + Math.abs(sumCbm) + Math.abs(book.totalCaei()) + Math.abs(book.totalCnd()) +
                Math.abs(book.totalCii());
            if (book.rcrpBasisTotal() != 0)
            {
                assertEquals(1, sumRcrp, TOLERANCE * (1 + rcrpScale(book)), "sum RCRP");
                assertEquals(book.trc(), sumRcrc, TOLERANCE * cashScale * (1 + rcrpScale(book)), "sum RCRC = TRC");
                final double neutral = sumCbm - book.soCashflow() + book.totalCaei() + book.totalCii() +
                    book.totalCnd() - sumRcrc;
                assertEquals(0, neutral, TOLERANCE * cashScale * (1 + rcrpScale(book)), "cash neutrality");

                final PartyDayTotals totals = new PartyDayTotals(book.partyCount());
                totals.add(book);
                totals.add(book);
                double net = 0;
                for (int p = 0; p < totals.partyCount(); p++)
                {
                    net += totals.net(p);
                }
                assertEquals(totals.soCashflow(), net, 2 * TOLERANCE * cashScale * (1 + rcrpScale(book)),
                    "parties' daily net = SO cashflow");
            }
        });
    }

    private static double rcrpScale(final PeriodBook book)
    {
        double sum = 0;
        for (int a = 0; a < book.accountCount(); a++)
        {
            sum += Math.abs(book.rcrpBasis(a));
        }
        return sum / Math.abs(book.rcrpBasisTotal());
    }

    private static void assertMatches(
        final ReferenceSettlement.Result e, final PeriodBook book, final ReferenceSettlement.Market market)
    {
        close(e.tloss, book.tloss(), "TLOSS");
        close(e.plusQm, book.deliveringQm(), "sum+ QM");
        close(e.minusQm, book.offtakingQm(), "sum- QM");
        close(e.tlmoPlus, book.tlmoPlus(), "TLMO+");
        close(e.tlmoMinus, book.tlmoMinus(), "TLMO-");
        for (int i = 0; i < book.bmUnitCount(); i++)
        {
            assertEquals(e.delivering[i], book.delivering(i), "delivering " + i);
            close(e.tlm[i], book.tlm(i), "TLM " + i);
            close(e.qaoTotal[i], book.qaoTotal(i), "QAO " + i);
            close(e.qabTotal[i], book.qabTotal(i), "QAB " + i);
            close(e.qbs[i], book.qbs(i), "QBS " + i);
            close(e.qme[i], book.qme(i), "QME " + i);
            close(e.qii[i], book.qii(i), "QII " + i);
            close(e.qndo[i], book.qndo(i), "QNDO " + i);
            close(e.qndb[i], book.qndb(i), "QNDB " + i);
            close(e.cbm[i], book.cbm(i), "CBM " + i);
            close(e.cnd[i], book.cnd(i), "CND " + i);
            close(e.cii[i], book.cii(i), "CII " + i);
        }
        for (int r = 0; r < market.rows().size(); r++)
        {
            close(e.rowCo[r], book.rowOfferCashflow(r), "CO row " + r);
            close(e.rowCb[r], book.rowBidCashflow(r), "CB row " + r);
            close(e.rowQndo[r], book.rowQndo(r), "QNDO row " + r);
            close(e.rowQndb[r], book.rowQndb(r), "QNDB row " + r);
        }
        final double conditioning = book.rcrpBasisTotal() == 0 ? 1 : 1 + rcrpScale(book);
        assertEquals(e.basisTotal == 0, book.rcrpBasisTotal() == 0, "RCRP basis total is 0");
        for (int a = 0; a < book.accountCount(); a++)
        {
            close(e.qace[a], book.qace(a), "QACE " + a);
            close(e.qabc[a], book.qabc(a), "QABC " + a);
            close(e.qabs[a], book.qabs(a), "QABS " + a);
            close(e.qaei[a], book.qaei(a), "QAEI " + a);
            close(e.caei[a], book.caei(a), "CAEI " + a);
            close(e.basis[a], book.rcrpBasis(a), "RCRP basis " + a);
            // Proportions divide by the basis total: their error grows with the cancellation in it.
            close(e.rcrp[a], book.rcrp(a), conditioning, "RCRP " + a);
            close(e.rcrc[a], book.rcrc(a), conditioning, "RCRC " + a);
        }
        close(e.totalCbm, book.totalCbm(), "TCBM");
        close(e.totalCaei, book.totalCaei(), "sum CAEI");
        close(e.totalCnd, book.totalCnd(), "sum CND");
        close(e.trc, book.trc(), "TRC");
        close(e.so, book.soCashflow(), "CSOBM");
    }

    private static void close(final double expected, final double actual, final String what)
    {
        close(expected, actual, 1, what);
    }

    private static void close(final double expected, final double actual, final double conditioning, final String what)
    {
        final double tolerance =
            TOLERANCE * conditioning * Math.max(1, Math.max(Math.abs(expected), Math.abs(actual)));
        assertEquals(expected, actual, tolerance, what);
    }
}
