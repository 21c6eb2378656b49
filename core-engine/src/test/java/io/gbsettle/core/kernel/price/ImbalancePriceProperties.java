package io.gbsettle.core.kernel.price;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static io.gbsettle.core.testing.PropertyChecks.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The kernel against the naive reference model on random realistic stacks, and the invariants that must always
 * hold: arbitrage never changes NIV, PAR never exceeds |NIV|, the price lies between the cheapest and dearest price
 * of the final set, and the order of the input never changes the result.
 */
final class ImbalancePriceProperties
{
    private static final int CAPACITY = 200;
    private static final PriceParameters[] REGIMES = {
        PriceParameters.on(PriceParameters.SINGLE_PRICE_START), PriceParameters.on(PriceParameters.P305_STEP_TWO),
        PriceParameters.on(PriceFixtures.IPG_DAY)};
    private static final PriceOptions[] OPTIONS = {
        PriceOptions.defaults(),
        PriceOptions.defaults().withDmatGranularity(PriceOptions.DmatGranularity.PER_ROW)
            .withClassificationTie(PriceOptions.ClassificationTie.FLAGGED),
        PriceOptions.defaults().withDmatGranularity(PriceOptions.DmatGranularity.PER_BMU_PAIR)
            .withNullPriceRank(PriceOptions.NullPriceRank.CHEAPEST).withReplacementPriceTlmWeighted(true)
            .withAdjusterOnMarketPriceReplacement(false)};

    private final PriceStack stack = new PriceStack(CAPACITY);
    private final PriceStack shuffled = new PriceStack(CAPACITY);
    private final PriceResult result = new PriceResult(CAPACITY);
    private final PriceResult shuffledResult = new PriceResult(CAPACITY);

    private static void close(final double expected, final double actual, final String what)
    {
        if (Double.isNaN(expected) || Double.isNaN(actual))
        {
            assertEquals(expected, actual, what);
            return;
        }
        final double tolerance = 1e-9 * Math.max(1, Math.abs(expected));
        assertEquals(expected, actual, tolerance, what);
    }

    @Test
    void kernelAgreesWithTheNaiveModel()
    {
        check(400).forAll(longs().all(), integers().between(1, 150), integers().between(0, 8))
            .checkAssert((seed, n, variant) ->
            {
                SyntheticStack.fill(seed, n, stack);
                final PriceParameters parameters = REGIMES[variant % 3];
                final PriceOptions options = OPTIONS[variant / 3];
                ImbalancePriceKernel.price(parameters, options, stack, result);
                final NaivePriceModel.Outcome model = NaivePriceModel.price(parameters, options, stack);
                close(model.niv, result.netImbalanceVolume(), "NIV");
                close(model.price, result.systemPrice(), "price");
                close(model.marketPrice, result.marketPrice(), "market price");
                if (!Double.isNaN(model.replacementPrice) || !Double.isNaN(result.replacementPrice()))
                {
                    close(model.replacementPrice, result.replacementPrice(), "replacement price");
                }
                for (final NaivePriceModel.Action a : model.actions)
                {
                    final int r = a.row;
                    close(a.dmat, result.dmatAdjustedVolume(r), "dmat volume of row " + r);
                    close(a.arbitrage, result.arbitrageAdjustedVolume(r), "arbitrage volume of row " + r);
                    close(a.niv, result.nivAdjustedVolume(r), "NIV volume of row " + r);
                    close(a.par, result.parAdjustedVolume(r), "PAR volume of row " + r);
                    if (a.par != 0)
                    {
                        close(a.finalPrice, result.finalPrice(r), "final price of row " + r);
                    }
                }
            });
    }

    @Test
    void arbitrageNeverChangesNiv()
    {
        check(300).forAll(longs().all(), integers().between(1, 150)).checkAssert((seed, n) ->
        {
            SyntheticStack.fill(seed, n, stack);
            ImbalancePriceKernel.price(PriceParameters.on(PriceFixtures.IPG_DAY), PriceOptions.defaults(), stack,
                result);
            double before = 0;
            double after = 0;
            for (int r = 0; r < result.size(); r++)
            {
                before += result.dmatAdjustedVolume(r);
                after += result.arbitrageAdjustedVolume(r);
            }
            close(before, after, "net volume before and after arbitrage");
        });
    }

    @Test
    void parNeverExceedsNivAndPriceLiesWithinTheFinalSet()
    {
        check(300).forAll(longs().all(), integers().between(1, 150), integers().between(0, 2))
            .checkAssert((seed, n, regime) ->
            {
                SyntheticStack.fill(seed, n, stack);
                final PriceParameters parameters = REGIMES[regime];
                ImbalancePriceKernel.price(parameters, PriceOptions.defaults(), stack, result);
                double par = 0;
                double cheapest = Double.POSITIVE_INFINITY;
                double dearest = Double.NEGATIVE_INFINITY;
                for (int r = 0; r < result.size(); r++)
                {
                    final double v = result.parAdjustedVolume(r);
                    par += Math.abs(v);
                    if (v != 0)
                    {
                        cheapest = Math.min(cheapest, result.finalPrice(r));
                        dearest = Math.max(dearest, result.finalPrice(r));
                    }
                }
                final double niv = Math.abs(result.netImbalanceVolume());
                assertTrue(par <= niv * (1 + 1e-9) + 1e-12, "PAR volume " + par + " > |NIV| " + niv);
                assertTrue(par <= parameters.par() * (1 + 1e-9), "PAR volume " + par + " > PAR");
                if (par > 0)
                {
                    final double main = result.mainPrice();
                    final double slack = 1e-9 * Math.max(1, Math.abs(main));
                    assertTrue(main >= cheapest - slack && main <= dearest + slack,
                        "main price " + main + " outside [" + cheapest + ", " + dearest + "]");
                }
            });
    }

    @Test
    void reorderingTheInputNeverChangesTheResult()
    {
        check(300).forAll(longs().all(), integers().between(1, 150)).checkAssert((seed, n) ->
        {
            SyntheticStack.fill(seed, n, stack);
            final Random random = new Random(seed);
            final int size = stack.size();
            final int[] order = new int[size];
            for (int i = 0; i < size; i++)
            {
                order[i] = i;
            }
            for (int i = size - 1; i > 0; i--)
            {
                final int j = random.nextInt(i + 1);
                final int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            PriceFixtures.permute(stack, order, shuffled);
            final PriceParameters parameters = PriceParameters.on(PriceFixtures.IPG_DAY);
            ImbalancePriceKernel.price(parameters, PriceOptions.defaults(), stack, result);
            ImbalancePriceKernel.price(parameters, PriceOptions.defaults(), shuffled, shuffledResult);
            close(result.systemPrice(), shuffledResult.systemPrice(), "price");
            close(result.netImbalanceVolume(), shuffledResult.netImbalanceVolume(), "NIV");
            for (int i = 0; i < size; i++)
            {
                close(result.parAdjustedVolume(order[i]), shuffledResult.parAdjustedVolume(i), "PAR volume");
                close(result.nivAdjustedVolume(order[i]), shuffledResult.nivAdjustedVolume(i), "NIV volume");
            }
        });
    }
}
