package io.gbsettle.core.kernel.price;

import java.util.Random;

import io.gbsettle.core.testing.AllocationAssert;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pricing a realistic period (several hundred actions) allocates nothing once warm: the kernel runs for every
 * period of every settlement run.
 */
final class PriceHotPathAllocationTest
{
    private static final int STACKS = 8;
    private static final int ACTIONS = 500;

    private final PriceStack[] stacks = new PriceStack[STACKS];
    private final PriceResult result = new PriceResult(ACTIONS + 1);
    private final PriceParameters parameters = PriceParameters.on(PriceFixtures.IPG_DAY);
    private final PriceOptions options = PriceOptions.defaults();
    private int next;
    private double sink;

    @Test
    void pricingAFiveHundredActionStackAllocatesNothing()
    {
        final Random random = new Random(7);
        for (int i = 0; i < STACKS; i++)
        {
            stacks[i] = new PriceStack(ACTIONS + 1);
            PriceFixtures.random(stacks[i], random, ACTIONS);
        }
        AllocationAssert.assertZeroAllocation("ImbalancePriceKernel.price (500 actions)", () ->
        {
            next = (next + 1) & (STACKS - 1);
            ImbalancePriceKernel.price(parameters, options, stacks[next], result);
            sink += result.systemPrice();
        }, 3_000, 1_000);
        assertTrue(sink == sink, "prices are numbers");
    }

    @Test
    void parameterLookupAllocatesNothing()
    {
        AllocationAssert.assertZeroAllocation("PriceParameters.on", () ->
        {
            next++;
            sink += PriceParameters.on(PriceParameters.SINGLE_PRICE_START + (next & 4095)).par();
        });
    }
}
