package io.gbsettle.core.kernel.price;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link SyntheticStack}: the same seed gives the same stack, another seed another, and a realistic stack has the
 * promised mix of rows.
 */
final class SyntheticStackTest
{
    private static final int ACTIONS = SyntheticStack.REALISTIC_ACTIONS;

    @Test
    void isDeterministicBySeed()
    {
        final PriceStack a = SyntheticStack.newStack(ACTIONS);
        final PriceStack b = SyntheticStack.newStack(ACTIONS);
        SyntheticStack.fill(42, ACTIONS, a);
        SyntheticStack.fill(7, ACTIONS, b);
        assertNotEquals(digest(a), digest(b));
        SyntheticStack.fill(42, ACTIONS, b);
        assertEquals(digest(a), digest(b));
    }

    @Test
    void realisticStacksMixBoaAndBsadRowsWithTiesFlagsAndGaps()
    {
        final PriceStack stack = SyntheticStack.newStack(ACTIONS);
        int boa = 0;
        int bsad = 0;
        int unpriced = 0;
        int so = 0;
        int stor = 0;
        for (int seed = 0; seed < 20; seed++)
        {
            SyntheticStack.fill(seed, ACTIONS, stack);
            assertTrue(stack.size() >= ACTIONS && stack.size() <= SyntheticStack.capacity(ACTIONS));
            for (int r = 0; r < ACTIONS; r++)
            {
                boa += stack.kind(r) == PriceStack.KIND_BOA ? 1 : 0;
                bsad += stack.kind(r) == PriceStack.KIND_BSAD ? 1 : 0;
                unpriced += Double.isNaN(stack.price(r)) ? 1 : 0;
                so += stack.so(r) ? 1 : 0;
                stor += stack.stor(r) ? 1 : 0;
            }
        }
        assertEquals(20 * ACTIONS, boa + bsad);
        assertTrue(boa > 4 * bsad, "about 5 BOA rows to 1 BSAD: " + boa + " / " + bsad);
        assertTrue(unpriced > 0 && unpriced < bsad / 5, "some BSAD unpriced: " + unpriced);
        assertTrue(so > 20 * ACTIONS / 10 && so < 20 * ACTIONS / 6, "1 in 8 SO-flagged: " + so);
        assertTrue(stor > 20 * ACTIONS / 40 && stor < 20 * ACTIONS / 15, "1 in 25 STOR: " + stor);
    }

    private static long digest(final PriceStack stack)
    {
        long h = stack.size();
        for (int r = 0; r < stack.size(); r++)
        {
            h = 31 * h + stack.kind(r);
            h = 31 * h + Double.doubleToLongBits(stack.volume(r));
            h = 31 * h + Double.doubleToLongBits(stack.price(r));
            h = 31 * h + stack.id(r);
            h = 31 * h + stack.bmUnit(r);
            h = 31 * h + stack.pairId(r);
            h = 31 * h + (stack.so(r) ? 1 : 0) + (stack.stor(r) ? 2 : 0);
        }
        return 31 * h + Double.doubleToLongBits(stack.bpa()) + Double.doubleToLongBits(stack.spa());
    }
}
