package io.gbsettle.core.kernel.price;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static io.gbsettle.core.kernel.price.PriceFixtures.A1;
import static io.gbsettle.core.kernel.price.PriceFixtures.A2;
import static io.gbsettle.core.kernel.price.PriceFixtures.A3;
import static io.gbsettle.core.kernel.price.PriceFixtures.B1;
import static io.gbsettle.core.kernel.price.PriceFixtures.IPG_DAY;
import static io.gbsettle.core.kernel.price.PriceFixtures.O1;
import static io.gbsettle.core.kernel.price.PriceFixtures.O3;
import static io.gbsettle.core.kernel.price.PriceFixtures.O4;
import static io.gbsettle.core.kernel.price.PriceFixtures.O5;
import static io.gbsettle.core.kernel.price.PriceFixtures.O6;
import static io.gbsettle.core.kernel.price.PriceFixtures.O7;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Imbalance Pricing Guidance's published numbers (bsc-calculations.md §7 TV-1, TV-2) and the TLM check TV-6.
 */
final class ImbalancePriceKernelTest
{
    private static final double EPS = 1e-9;
    private static final PriceParameters IPG = PriceParameters.on(IPG_DAY);

    private final PriceStack stack = new PriceStack(64);
    private final PriceResult result = new PriceResult(64);

    private void price()
    {
        ImbalancePriceKernel.price(IPG, PriceOptions.defaults(), stack, result);
    }

    @Test
    void tv1FullGuidanceExample()
    {
        PriceFixtures.tv1(stack, 35);
        price();
        assertEquals(0, result.dmatAdjustedVolume(O7), "step 1: O7 (0.01 MWh) de minimis");
        assertEquals(0, result.arbitrageAdjustedVolume(O4), "step 2: O4 arbitraged");
        assertEquals(0, result.arbitrageAdjustedVolume(B1), "step 2: B1 arbitraged");
        assertEquals(100, result.arbitrageAdjustedVolume(O5), EPS, "step 2: £20 offer vs £4 sell not crossed");
        assertEquals(-10, result.arbitrageAdjustedVolume(A3), EPS);
        assertTrue(result.secondStageFlagged(O3), "step 3: O3 £300 second-stage flagged");
        assertTrue(result.secondStageFlagged(A1), "step 3: A1 £150 second-stage flagged");
        assertFalse(result.secondStageFlagged(O6), "step 3: O6 £40 second-stage unflagged");
        assertEquals(225, result.netImbalanceVolume(), EPS, "step 4: NIV = 285 - 60");
        assertEquals(0, result.nivAdjustedVolume(O3), "step 4: O3 NIV-tagged");
        assertEquals(15, result.nivAdjustedVolume(A1), EPS, "step 4: A1 keeps 15 MWh");
        assertEquals(120, result.replacementPrice(), EPS, "step 5: RP = £120");
        assertEquals(1, result.replacementPriceReferenceVolume(), EPS);
        assertEquals(120, result.finalPrice(A1), EPS, "step 5: A1 re-priced to £120");
        assertTrue(result.repriced(A1));
        assertEquals(2.0 / 3, result.parAdjustedVolume(O1), EPS, "step 6: 0.667 MWh of O1");
        assertEquals(1.0 / 3, result.parAdjustedVolume(A1), EPS, "step 6: 0.333 MWh of A1");
        assertEquals(0, result.parAdjustedVolume(A2));
        assertEquals(120.00, result.mainPrice(), EPS, "step 7: P_main");
        assertEquals(125.00, result.systemPrice(), EPS, "step 7: SBP = SSP = 120 + BPA 5");
        assertEquals('P', result.priceDerivationCode());
        assertEquals(0.99051, result.lossFactor(O1));
        assertEquals(1, result.lossFactor(A1));
    }

    @Test
    void tv1WithTheGuidesEightyMegawattHourBsaaStillGives125()
    {
        PriceFixtures.tv1(stack, 80);
        price();
        assertEquals(270, result.netImbalanceVolume(), EPS);
        assertEquals(60, result.nivAdjustedVolume(A1), EPS);
        assertEquals(1.0 / 3, result.parAdjustedVolume(O1), EPS);
        assertEquals(2.0 / 3, result.parAdjustedVolume(A1), EPS);
        assertEquals(125.00, result.systemPrice(), EPS);
    }

    @Test
    void tv2RankedSets()
    {
        stack.reset();
        final double[][] buys = {{30, 30}, {120, 40}, {70, 50}, {30, 60}, {0.5, 70}, {35, 70}, {25, 120}, {50, 140},
            {55, 170}, {60, 320}};
        for (int i = 0; i < buys.length; i++)
        {
            if (i == 5 || i == 8)
            {
                stack.addBsad(i, buys[i][0], buys[i][1], false, false);
            }
            else
            {
                stack.addBoa(i, i, 1, buys[i][0], buys[i][1], 1, false, PriceStack.CADL_NO, 0, false);
            }
        }
        final double[][] sells = {{-40, 23}, {-75, 25}, {-30, 35}, {-50, 24}, {-50, 27}};
        for (int i = 0; i < sells.length; i++)
        {
            stack.addBoa(20 + i, 20 + i, -1, sells[i][0], sells[i][1], 1, false, PriceStack.CADL_NO, 0, false);
        }
        // Sell ids 20..24 as added: 23, 25, 35, 24(BOA here), 27 -> expected rank 35, 27, 25, 24, 23.
        price();
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, java.util.Arrays.copyOf(result.buys, 10));
        assertArrayEquals(new int[] {12, 14, 11, 13, 10}, java.util.Arrays.copyOf(result.sells, 5));
    }

    @Test
    void tv2DeMinimis()
    {
        stack.reset();
        final double[][] buys = {{70, 70}, {0.01, 60}, {70, 50}, {120, 40}, {30, 30}};
        for (int i = 0; i < buys.length; i++)
        {
            stack.addBoa(i, i, 1, buys[i][0], buys[i][1], 1, false, PriceStack.CADL_NO, 0, false);
        }
        price();
        assertEquals(0, result.dmatAdjustedVolume(1));
        for (final int r : new int[] {0, 2, 3, 4})
        {
            assertEquals(buys[r][0], result.dmatAdjustedVolume(r));
        }
    }

    @Test
    void tv2Arbitrage()
    {
        stack.reset();
        stack.addBoa(0, 1, 1, 30, 10, 1, false, PriceStack.CADL_NO, 0, false);
        stack.addBoa(1, 2, -1, -30, 15, 1, false, PriceStack.CADL_NO, 0, false);
        stack.addMarketIndex(55, 100);
        price();
        assertEquals(0, result.arbitrageAdjustedVolume(0));
        assertEquals(0, result.arbitrageAdjustedVolume(1));
        assertEquals(0, result.netImbalanceVolume());
        assertEquals(55, result.systemPrice(), EPS, "NIV zero: Market Price");
        assertEquals('K', result.priceDerivationCode());
    }

    @Test
    void tv2NivTagging()
    {
        stack.reset();
        stack.addBoa(0, 1, 1, 200, 40, 1, false, PriceStack.CADL_NO, 0, false);
        stack.addBoa(1, 2, 1, 5, 100, 1, false, PriceStack.CADL_NO, 0, false);
        stack.addBsad(3, 35, 300, true, false);
        stack.addBsad(4, 15, 50, false, false);
        stack.addBoa(2, 3, 1, 30, 200, 1, true, PriceStack.CADL_NO, 0, false);
        stack.addBoa(3, 4, -1, -15, 7, 1, false, PriceStack.CADL_NO, 0, false);
        stack.addBoa(4, 5, -1, -12, 1, 1, false, PriceStack.CADL_NO, 0, false);
        stack.addBsad(5, -18, 4, false, false);
        price();
        assertEquals(240, result.netImbalanceVolume(), EPS);
        assertArrayEquals(new double[] {200, 5, 0, 15, 20, 0, 0, 0},
            new double[] {result.nivAdjustedVolume(0), result.nivAdjustedVolume(1), result.nivAdjustedVolume(2),
                result.nivAdjustedVolume(3), result.nivAdjustedVolume(4), result.nivAdjustedVolume(5),
                result.nivAdjustedVolume(6), result.nivAdjustedVolume(7)}, EPS);
    }

    @Test
    void tv2ReplacementPrice()
    {
        stack.reset();
        stack.addBoa(0, 1, 1, 30, 120, 1, false, PriceStack.CADL_NO, 0, false);
        stack.addBoa(1, 2, 1, 5, 100, 1, false, PriceStack.CADL_NO, 0, false);
        final int flagged = stack.addBsad(3, 20, 200, true, false);
        stack.addBsad(4, 15, 100, false, false);
        price();
        assertEquals(120, result.replacementPrice(), EPS);
        assertEquals(120, result.finalPrice(flagged), EPS);
        assertEquals(200, result.originalPrice(flagged), EPS);
    }

    @Test
    void tv2Par()
    {
        stack.reset();
        stack.addBoa(0, 1, 1, 150, 35, 1, false, PriceStack.CADL_NO, 0, false);
        stack.addVgb(60, 115);
        stack.addBsad(3, 300, 56, false, false);
        final int dearest = stack.addBoa(1, 2, 1, 50, 153, 0.99, false, PriceStack.CADL_NO, 0, false);
        price();
        assertEquals(1, result.parAdjustedVolume(dearest), EPS);
        assertEquals(153, result.mainPrice(), EPS);
    }

    @Test
    void tv2Stor()
    {
        stack.reset();
        final int bsaa = stack.addBsad(1, 15, 50, false, true);
        final int offer = stack.addBoa(0, 1, 1, 30, 220, 1, false, PriceStack.CADL_NO, 0, true);
        stack.setLolp(0.0334);
        stack.setStorAvailabilityWindow(true);
        price();
        assertEquals(200.40, result.reserveScarcityPrice(), EPS);
        assertEquals(200.40, result.originalPrice(bsaa), EPS);
        assertTrue(result.storRepriced(bsaa));
        assertEquals(220, result.originalPrice(offer), EPS);
        assertFalse(result.storRepriced(offer));

        stack.setStorAvailabilityWindow(false);
        price();
        assertEquals(50, result.originalPrice(bsaa), EPS, "outside a STOR availability window: no re-pricing");
        stack.setStorAvailabilityWindow(true);
        stack.setLolp(Double.NaN);
        price();
        assertEquals(50, result.originalPrice(bsaa), EPS, "no LoLP: RSVP nil");
    }

    @Test
    void tv2Cadl()
    {
        stack.reset();
        final int longOne = stack.addBoa(0, 1, 1, 100, 40, 1, false, PriceStack.CADL_DERIVE, 600, false);
        final int shortOne = stack.addBoa(1, 2, 1, 50, 60, 1, false, PriceStack.CADL_DERIVE, 599, false);
        price();
        assertFalse(result.firstStageFlagged(longOne));
        assertTrue(result.firstStageFlagged(shortOne));
        assertTrue(result.secondStageFlagged(shortOne), "£60 is dearer than the £40 unflagged BOA");
        assertEquals(40, result.finalPrice(shortOne), EPS, "re-priced at the dearest unflagged 1 MWh");

        final PriceParameters before = PriceParameters.on(LocalDate.of(2019, 3, 31).toEpochDay());
        ImbalancePriceKernel.price(before, PriceOptions.defaults(), stack, result);
        assertTrue(result.firstStageFlagged(longOne), "CADL was 15 minutes before 2019-04-01");
    }

    @Test
    void tv2Adjusters()
    {
        stack.reset();
        stack.addBoa(0, 1, 1, 10, 30, 1, false, PriceStack.CADL_NO, 0, false);
        stack.setAdjusters(6.50, 0);
        price();
        assertEquals(36.50, result.systemPrice(), EPS);

        stack.reset();
        stack.addBoa(0, 1, 1, 10, 29.60, 1, false, PriceStack.CADL_NO, 0, false);
        stack.setAdjusters(2.60 + 16, 0);
        price();
        assertEquals(48.20, result.systemPrice(), EPS);

        stack.reset();
        stack.addBoa(0, 1, -1, -10, 29.60, 1, false, PriceStack.CADL_NO, 0, false);
        stack.setAdjusters(7, -1.5);
        price();
        assertEquals(28.10, result.systemPrice(), EPS, "NIV < 0 takes SPA");
        assertEquals('N', result.priceDerivationCode());
    }

    @Test
    void tv6TlmWeightsBoasOnly()
    {
        stack.reset();
        stack.addBoa(0, 1, 1, 0.5, 100, 0.98, false, PriceStack.CADL_NO, 0, false);
        stack.addBsad(1, 0.5, 200, false, false);
        price();
        assertEquals(150.50505050505, result.mainPrice(), 1e-9);
    }

    @Test
    void allFlaggedWithNoMarketDataPricesAtZero()
    {
        // IPG §3 [V]: Market Price 0 and the whole NIV second-stage flagged: "the energy imbalance price will be
        // also be zero", so by default no adjuster is added on the market-price replacement.
        stack.reset();
        stack.addBsad(1, 20, 300, true, false);
        stack.addBsad(2, 5, Double.NaN, false, false);
        stack.setAdjusters(2, 0);
        price();
        assertEquals(0, result.replacementPrice());
        assertEquals(0, result.replacementPriceReferenceVolume());
        assertEquals(0, result.systemPrice(), EPS);
        ImbalancePriceKernel.price(IPG, PriceOptions.defaults().withAdjusterOnMarketPriceReplacement(true), stack,
            result);
        assertEquals(2, result.systemPrice(), EPS, "the letter of the Section T formula, as an option");
    }

    @Test
    void aGroupOfExactlyDmatIsKeptThoughItsBinarySumFallsShort()
    {
        // 0.01 + 0.09 is 0.09999999999999999 in binary; the acceptance's 0.1 MWh is not under DMAT (§5.6).
        stack.reset();
        stack.addBoa(0, 7, 1, 0.01, 200, 1, false, PriceStack.CADL_NO, 0, false);
        stack.addBoa(0, 7, 2, 0.09, 200, 1, false, PriceStack.CADL_NO, 0, false);
        stack.addBoa(1, 8, 1, 5, 40, 1, false, PriceStack.CADL_NO, 0, false);
        price();
        assertEquals(0.1 * 200 + 0.9 * 40, result.systemPrice(), EPS);
    }

    @Test
    void aReplacementPriceEqualToASubmittedPriceSharesThePARSliceProRata()
    {
        // Long system. RP = (0.7 x 10 + 0.1 x 30 + 0.2 x 100) / 1 = 30 exactly on paper, the price of the unflagged
        // sell S2: S2 (0.1 MWh) and the re-priced flagged F (9.7 MWh) share what is left of PAR pro rata (§5.11).
        stack.reset();
        stack.addBoa(0, 1, -1, -0.7, 10, 0.99, false, PriceStack.CADL_NO, 0, false);
        stack.addBsad(1, -0.1, 30, false, false);
        stack.addBsad(2, -1, 100, false, false);
        stack.addBoa(1, 2, -1, -9.7, 0, 0.99, true, PriceStack.CADL_NO, 0, false);
        price();
        assertEquals(30.0, result.replacementPrice());
        final double s2 = 0.3 * 0.1 / 9.8;
        final double f = 0.3 * 9.7 / 9.8;
        assertEquals((0.7 * 0.99 * 10 + s2 * 30 + f * 0.99 * 30) / (0.7 * 0.99 + s2 + f * 0.99),
            result.systemPrice(), EPS);
    }

    @Test
    void demandControlIsABuyAtVoll()
    {
        stack.reset();
        stack.addBoa(0, 1, 1, 10, 80, 1, false, PriceStack.CADL_NO, 0, false);
        final int dc = stack.addDemandControl(1, 0.5);
        price();
        assertEquals(6_000, result.originalPrice(dc));
        assertEquals((0.5 * 6000 + 0.5 * 80) / 1.0, result.systemPrice(), EPS);
    }

    @Test
    void parametersFollowTheirHistory()
    {
        final PriceParameters p2016 = PriceParameters.on(LocalDate.of(2016, 1, 1).toEpochDay());
        assertEquals(50, p2016.par());
        assertEquals(1, p2016.rpar(), "RPAR 1 MWh from P305 (100 MWh before it)");
        assertEquals(1, p2016.dmat());
        assertEquals(900, p2016.cadlSeconds());
        assertEquals(3_000, p2016.voll());
        final PriceParameters p2018 = PriceParameters.on(LocalDate.of(2018, 11, 1).toEpochDay());
        assertEquals(1, p2018.par());
        assertEquals(1, p2018.rpar());
        assertEquals(6_000, p2018.voll());
        assertEquals(1, p2018.dmat());
        assertEquals(50, PriceParameters.on(LocalDate.of(2018, 10, 31).toEpochDay()).par());
        final PriceParameters p2019 = PriceParameters.on(LocalDate.of(2019, 4, 1).toEpochDay());
        assertEquals(0.1, p2019.dmat());
        assertEquals(600, p2019.cadlSeconds());
        assertEquals(25, p2019.liquidityThreshold());
        assertEquals(500, PriceParameters.PAR_HISTORY[0][1], "pre-P305 PAR kept for the record");
        assertEquals(100, PriceParameters.RPAR_HISTORY[0][1], "pre-P305 RPAR kept for the record");
        assertEquals(PriceParameters.on(PriceParameters.SINGLE_PRICE_START).par(), 50);
    }

    @Test
    void datesBeforeTheSinglePriceAreRejected()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> PriceParameters.on(LocalDate.of(2015, 11, 4).toEpochDay()));
        assertTrue(ex.getMessage().contains("2015-11-04 is before the single imbalance price"), ex.getMessage());
    }

    @Test
    void dmatGranularityOptions()
    {
        stack.reset();
        // One acceptance, two pairs of 0.06 MWh each: each row under DMAT 0.1, together over it.
        stack.addBoa(0, 7, 1, 0.06, 50, 1, false, PriceStack.CADL_NO, 0, false);
        stack.addBoa(0, 7, 2, 0.06, 60, 1, false, PriceStack.CADL_NO, 0, false);
        stack.addBoa(1, 8, 1, 5, 40, 1, false, PriceStack.CADL_NO, 0, false);
        price();
        assertEquals(0.06, result.dmatAdjustedVolume(0), EPS, "default: per acceptance and side");
        ImbalancePriceKernel.price(IPG, PriceOptions.defaults().withDmatGranularity(
            PriceOptions.DmatGranularity.PER_ROW), stack, result);
        assertEquals(0, result.dmatAdjustedVolume(0));
        ImbalancePriceKernel.price(IPG, PriceOptions.defaults().withDmatGranularity(
            PriceOptions.DmatGranularity.PER_BMU_PAIR), stack, result);
        assertEquals(0, result.dmatAdjustedVolume(1));
    }

    @Test
    void classificationTieOption()
    {
        stack.reset();
        stack.addBoa(0, 1, 1, 10, 100, 1, false, PriceStack.CADL_NO, 0, false);
        final int tie = stack.addBoa(1, 2, 1, 10, 100, 1, true, PriceStack.CADL_NO, 0, false);
        price();
        assertFalse(result.secondStageFlagged(tie));
        ImbalancePriceKernel.price(IPG, PriceOptions.defaults().withClassificationTie(
            PriceOptions.ClassificationTie.FLAGGED), stack, result);
        assertTrue(result.secondStageFlagged(tie));
    }
}
