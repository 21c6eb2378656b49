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
    void refillingTheStackThroughItsAddersAndPricingAllocatesNothing()
    {
        final Random random = new Random(11);
        for (int i = 0; i < STACKS; i++)
        {
            stacks[i] = new PriceStack(ACTIONS + 1);
            PriceFixtures.random(stacks[i], random, ACTIONS);
        }
        final PriceStack target = new PriceStack(ACTIONS + 1);
        AllocationAssert.assertZeroAllocation("PriceStack.reset + adders + ImbalancePriceKernel.price (500)", () ->
        {
            next = (next + 1) & (STACKS - 1);
            refill(stacks[next], target);
            ImbalancePriceKernel.price(parameters, options, target, result);
            sink += result.systemPrice();
        }, 3_000, 1_000);
    }

    private static void refill(final PriceStack from, final PriceStack to)
    {
        to.reset();
        for (int r = 0; r < from.size(); r++)
        {
            switch (from.kind(r))
            {
                case PriceStack.KIND_BOA -> to.addBoa(from.bmUnit(r), from.id(r), from.pairId(r), from.volume(r),
                    from.price(r), from.tlm[r], from.so(r), from.cadl[r], from.durationSeconds[r], from.stor(r));
                case PriceStack.KIND_BSAD -> to.addBsad(from.id(r), from.volume(r), from.price(r), from.so(r),
                    from.stor(r));
                case PriceStack.KIND_DEMAND_CONTROL -> to.addDemandControl(from.id(r), from.volume(r));
                case PriceStack.KIND_VGB -> to.addVgb(from.volume(r), from.price(r));
                default -> to.addRrUnpriced(from.volume(r));
            }
        }
        to.setAdjusters(from.bpa(), from.spa());
        to.setLolp(from.lolp);
        to.setStorAvailabilityWindow(from.storWindow);
        for (int i = 0; i < from.marketIndexCount; i++)
        {
            to.addMarketIndex(from.marketIndexPrice[i], from.marketIndexVolume[i]);
        }
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
