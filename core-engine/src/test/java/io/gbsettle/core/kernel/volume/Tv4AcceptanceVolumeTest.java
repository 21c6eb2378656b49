package io.gbsettle.core.kernel.volume;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Test vector TV-4 of bsc-calculations.md §7 (acceptance-volume allocation, from citadel-gb's tests): FPN flat 10 MW
 * over 10:00-10:30 UTC on one BM Unit, the period being settlement period 21 of a day starting at 00:00 UTC.
 */
final class Tv4AcceptanceVolumeTest
{
    private static final long DAY = Instant.parse("2026-10-08T00:00:00Z").getEpochSecond();
    private static final int PERIOD = 21;
    private static final double EPS = 1e-9;

    private final BalancingBook book = new BalancingBook(1, 8, 16, 16);
    private final AcceptedVolumes out = new AcceptedVolumes(1, 64);

    private static long at(final String hhmm)
    {
        return Instant.parse("2026-10-08T" + hhmm + ":00Z").getEpochSecond();
    }

    private void flatFpn()
    {
        book.reset(DAY, 48);
        book.addPn(0, at("10:00"), 10, at("10:30"), 10);
    }

    private void accept(final long number, final String time, final String from, final double levelFrom,
        final String to, final double levelTo)
    {
        book.addAcceptance(0, number, at(time), at(from), levelFrom, at(to), levelTo, false, false, false, false);
    }

    private void bands()
    {
        bod(-1, 10, 92, 170);
        bod(-2, 20, 92, 170);
        bod(-3, 20, 80, 171);
        bod(-4, 100, 60, 172);
        bod(1, 10, 92, 170);
        bod(2, 20, 92, 200);
    }

    private void bod(final int pair, final double width, final double bid, final double offer)
    {
        book.addBod(0, pair, at("10:00"), width, at("10:30"), width, offer, bid);
    }

    private void run()
    {
        book.seal();
        AcceptanceVolumeKernel.period(VolumeOptions.DEFAULTS, book, PERIOD, out);
    }

    /** Σ over pairs of (offer, bid) for one acceptance. */
    private double[] acceptanceTotals(final long number)
    {
        final double[] totals = new double[2];
        for (int r = 0; r < out.count(); r++)
        {
            if (out.acceptanceNumber(r) == number)
            {
                totals[0] += out.offerVolume(r);
                totals[1] += out.bidVolume(r);
            }
        }
        return totals;
    }

    private int row(final long number, final int pair)
    {
        for (int r = 0; r < out.count(); r++)
        {
            if (out.acceptanceNumber(r) == number && out.pairId(r) == pair)
            {
                return r;
            }
        }
        throw new AssertionError("no row for acceptance " + number + " pair " + pair);
    }

    @Test
    void tv4PeriodFpnIsFiveMwh()
    {
        flatFpn();
        run();
        assertEquals(5.0, out.fpn(0), EPS);
        assertEquals(0, out.count());
    }

    @Test
    void tv4ChainedAcceptancesEachMeasuredAgainstThePreviousInForce()
    {
        flatFpn();
        accept(3, "10:04", "10:05", -40, "10:06", 0);
        accept(1, "09:59", "10:00", -40, "10:10", -40);
        accept(2, "10:02", "10:03", -50, "10:06", -50);
        run();
        final double[] acc1 = acceptanceTotals(1);
        final double[] acc2 = acceptanceTotals(2);
        final double[] acc3 = acceptanceTotals(3);
        assertEquals(-8.333333333333, acc1[1], EPS, "acc 1 bid: 10 min at -50 MW against FPN");
        assertEquals(0.0, acc1[0], EPS);
        assertEquals(-0.5, acc2[1], EPS, "acc 2 bid: 3 min at -10 MW against acc 1");
        assertEquals(0.0, acc2[0], EPS);
        assertEquals(0.5, acc3[0], EPS, "acc 3 offer: mean -20 against acc 2's -50 for 1 min");
        assertEquals(0.0, acc3[1], EPS);
        assertEquals(0.5 - 0.5 - 8.333333333333, out.totalOffer(0) + out.totalBid(0), EPS);
    }

    @Test
    void tv4ShorterSecondAcceptanceLeavesTheThirdAgainstTheFirst()
    {
        flatFpn();
        accept(1, "09:59", "10:00", -40, "10:10", -40);
        accept(2, "10:02", "10:03", -50, "10:05", -50);
        accept(3, "10:04", "10:05", -40, "10:06", 0);
        run();
        assertEquals(-8.333333333333, acceptanceTotals(1)[1], EPS);
        assertEquals(-0.333333333333, acceptanceTotals(2)[1], EPS);
        assertEquals(0.333333333333, acceptanceTotals(3)[0], EPS, "mean -20 against acc 1's -40 for 1 min");
    }

    @Test
    void tv4BandSplitOfAFlatBid()
    {
        flatFpn();
        bands();
        accept(1, "09:59", "10:00", -40, "10:20", -40);
        run();
        assertEquals(-16.666666666667, acceptanceTotals(1)[1], EPS);
        final int p1 = row(1, -1);
        final int p2 = row(1, -2);
        final int p3 = row(1, -3);
        assertEquals(-3.333333333333, out.bidVolume(p1), EPS);
        assertEquals(92.0, out.bidPrice(p1));
        assertEquals(-6.666666666667, out.bidVolume(p2), EPS);
        assertEquals(92.0, out.bidPrice(p2));
        assertEquals(-6.666666666667, out.bidVolume(p3), EPS);
        assertEquals(80.0, out.bidPrice(p3));
        assertEquals(3, out.count(), "nothing on pair -4, the positive pairs or pair 0");
    }

    @Test
    void tv4RampBackSplitsIntoOffersOnNegativePairs()
    {
        flatFpn();
        bands();
        accept(1, "09:59", "10:00", -40, "10:20", -40);
        accept(2, "10:05", "10:10", -40, "10:11", 0);
        run();
        final int p3 = row(2, -3);
        final int p2 = row(2, -2);
        assertEquals(0.25, out.offerVolume(p3), EPS);
        assertEquals(171.0, out.offerPrice(p3));
        assertEquals(0.083333333333, out.offerVolume(p2), EPS);
        assertEquals(170.0, out.offerPrice(p2));
        assertEquals(0.333333333333, acceptanceTotals(2)[0], EPS);
        assertEquals(0.0, acceptanceTotals(2)[1], EPS);
    }

    @Test
    void withoutBodTheDeviationIsUnpairedOnPairZero()
    {
        flatFpn();
        accept(1, "09:59", "10:00", -40, "10:10", -40);
        run();
        assertEquals(1, out.count());
        assertEquals(AcceptedVolumes.OUTSIDE_BANDS_PAIR, out.pairId(0));
        assertEquals(-8.333333333333, out.bidVolume(0), EPS);
        assertTrue(Double.isNaN(out.bidPrice(0)));
        assertFalse(out.so(0));
    }

    @Test
    void cadlDurationIsTheChainOfOverlappingAcceptances()
    {
        flatFpn();
        accept(1, "09:59", "10:00", -40, "10:10", -40);
        accept(2, "10:02", "10:03", -50, "10:06", -50);
        accept(7, "10:14", "10:15", -10, "10:20", -10);
        run();
        assertEquals(600, out.continuousDurationSeconds(row(1, 0)));
        assertEquals(600, out.continuousDurationSeconds(row(2, 0)));
        assertEquals(300, out.continuousDurationSeconds(row(7, 0)), "alone and 5 min: below CADL (10 min)");
        AcceptanceVolumeKernel.period(
            VolumeOptions.DEFAULTS.withCadlChain(VolumeOptions.CadlChainRule.SINGLE_ACCEPTANCE), book, PERIOD, out);
        assertEquals(180, out.continuousDurationSeconds(row(2, 0)));
    }

    @Test
    void previousAcceptanceOnlyMeasuresAgainstFpnWhereThePreviousHasEnded()
    {
        flatFpn();
        accept(1, "09:59", "10:00", -40, "10:10", -40);
        accept(2, "10:02", "10:03", -50, "10:05", -50);
        accept(3, "10:04", "10:05", -40, "10:06", 0);
        book.seal();
        AcceptanceVolumeKernel.period(
            VolumeOptions.DEFAULTS.withBaseline(VolumeOptions.BaselineRule.PREVIOUS_ACCEPTANCE_ONLY), book, PERIOD, out);
        assertEquals(-8.333333333333, acceptanceTotals(1)[1], EPS);
        assertEquals(-0.333333333333, acceptanceTotals(2)[1], EPS);
        assertEquals(-0.5, acceptanceTotals(3)[1], EPS, "mean -20 against FPN 10 for 1 min: acc 2 has ended");
        assertEquals(0.0, acceptanceTotals(3)[0], EPS);
    }

    @Test
    void deviationBeyondTheOutermostBandGoesToPairZeroOrToTheOutermostPair()
    {
        flatFpn();
        bands();
        accept(1, "09:59", "10:00", -190, "10:06", -190); // 200 MW below FPN: 50 MW beyond pair -4's edge at -150
        run();
        assertEquals(-100.0 * 6 / 60, out.bidVolume(row(1, -4)), EPS, "pair -4 holds its 100 MW");
        assertEquals(-50.0 * 6 / 60, out.bidVolume(row(1, 0)), EPS);
        assertTrue(Double.isNaN(out.bidPrice(row(1, 0))));
        AcceptanceVolumeKernel.period(
            VolumeOptions.DEFAULTS.withOutsideBands(VolumeOptions.OutsideBandRule.OUTERMOST_PAIR), book, PERIOD, out);
        assertEquals(-150.0 * 6 / 60, out.bidVolume(row(1, -4)), EPS, "pair -4 extended to infinity");
        assertEquals(60.0, out.bidPrice(row(1, -4)));
        assertEquals(-20.0, out.totalBid(0), EPS);
    }
}
