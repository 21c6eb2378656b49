package io.gbsettle.core.kernel.price;

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
    private static final int ACTIONS = SyntheticStack.REALISTIC_ACTIONS;

    private final PriceStack[] stacks = new PriceStack[STACKS];
    private final PriceResult result = new PriceResult(SyntheticStack.capacity(ACTIONS));
    private final PriceParameters parameters = PriceParameters.on(PriceFixtures.IPG_DAY);
    private final PriceOptions options = PriceOptions.defaults();
    private int next;
    private double sink;

    @Test
    void pricingAFiveHundredActionStackAllocatesNothing()
    {
        for (int i = 0; i < STACKS; i++)
        {
            stacks[i] = SyntheticStack.newStack(ACTIONS);
            SyntheticStack.fill(7 + i, ACTIONS, stacks[i]);
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
        for (int i = 0; i < STACKS; i++)
        {
            stacks[i] = SyntheticStack.newStack(ACTIONS);
            SyntheticStack.fill(1_100 + i, ACTIONS, stacks[i]);
        }
        final PriceStack target = SyntheticStack.newStack(ACTIONS);
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
    void fillingASyntheticStackAllocatesNothing()
    {
        final PriceStack target = SyntheticStack.newStack(ACTIONS);
        AllocationAssert.assertZeroAllocation("SyntheticStack.fill (500 actions)", () ->
        {
            next++;
            SyntheticStack.fill(next, ACTIONS, target);
            sink += target.size();
        }, 3_000, 1_000);
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
