package io.gbsettle.core.kernel.price;

/**
 * Fills a {@link PriceStack} with a synthetic but realistically shaped Settlement Period, deterministically from a
 * seed and allocation-free (a counter-based SplitMix64 stream, no objects), for the benchmark, the zero-allocation
 * test and the property tests. All of it is synthetic; not a model of any real period.
 *
 * <ul>
 *   <li>The system is short (65 % of actions are offers) or long (65 % bids), half the seeds each.</li>
 *   <li>About 5 in 6 actions are BOA rows over 150 BM Units and {@code actions / 2 + 1} acceptances, pairs ±1 or
 *       ±2, TLM 0.970..0.999 for offers and 1.000..1.029 for bids, 1 in 10 with CADL to derive from a duration of
 *       0..1,199 s; the rest are BSAD, 1 in 12 of them unpriced.</li>
 *   <li>Volumes of 0.5..30 MWh on a 0.5 MWh grid, 1 in 10 tiny (below 0.3 MWh, for de minimis); prices on a 5 GBP
 *       grid so that ties occur (offers 40..235, bids -20..125); 1 in 8 SO-flagged, 1 in 25 STOR.</li>
 *   <li>1 in 20 stacks end with a demand control row; 1 in 4 have a BPA of 0..9.99 GBP, SPA is -1, 0 or 1; LoLP is
 *       missing or 0..0.099, the STOR availability window either way; two market index rows, one of them empty.</li>
 * </ul>
 */
public final class SyntheticStack
{
    /** Actions in a realistic busy period, as the benchmark and the allocation test price. */
    public static final int REALISTIC_ACTIONS = 500;

    private static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;

    private SyntheticStack()
    {
    }

    /**
     * @param actions actions per stack.
     * @return the rows {@link #fill} may add for that many actions (a demand control row comes on top).
     */
    public static int capacity(final int actions)
    {
        return actions + 1;
    }

    /**
     * @param actions actions per stack.
     * @return a stack with room for any stack {@link #fill} makes with that many actions.
     */
    public static PriceStack newStack(final int actions)
    {
        return new PriceStack(capacity(actions));
    }

    /**
     * Empties the stack and fills it with one synthetic period.
     *
     * @param seed    the seed: the same seed and action count always give the same stack.
     * @param actions BOA and BSAD actions to add, at least 1.
     * @param stack   emptied and filled; its capacity at least {@link #capacity capacity(actions)}.
     */
    public static void fill(final long seed, final int actions, final PriceStack stack)
    {
        final long s = mix(seed);
        long k = 0;
        stack.reset();
        final boolean shortSystem = below(s, k++, 2) == 0;
        for (int i = 0; i < actions; i++)
        {
            final boolean buy = unit(s, k++) < (shortSystem ? 0.65 : 0.35);
            final double magnitude = below(s, k++, 10) == 0 ? unit(s, k++) * 0.3 : 0.5 + below(s, k++, 60) * 0.5;
            final double volume = buy ? magnitude : -magnitude;
            final double price = buy ? 40 + below(s, k++, 40) * 5 : -20 + below(s, k++, 30) * 5;
            final boolean so = below(s, k++, 8) == 0;
            final boolean stor = below(s, k++, 25) == 0;
            if (below(s, k++, 6) == 0)
            {
                final double bsadPrice = below(s, k++, 12) == 0 ? Double.NaN : price;
                stack.addBsad(i, volume, bsadPrice, so, stor);
            }
            else
            {
                final int cadl = below(s, k++, 10) == 0 ? PriceStack.CADL_DERIVE : PriceStack.CADL_NO;
                final double tlm = buy ? 0.97 + below(s, k++, 30) * 0.001 : 1.0 + below(s, k++, 30) * 0.001;
                final int pair = buy ? 1 + below(s, k++, 2) : -1 - below(s, k++, 2);
                stack.addBoa(below(s, k++, 150), below(s, k++, actions / 2 + 1), pair, volume, price, tlm, so,
                    cadl, below(s, k++, 1200), stor);
            }
        }
        if (below(s, k++, 20) == 0)
        {
            stack.addDemandControl(9_999, 1 + below(s, k++, 5));
        }
        stack.setAdjusters(below(s, k++, 4) == 0 ? below(s, k++, 1000) / 100.0 : 0, below(s, k++, 3) - 1);
        stack.setLolp(below(s, k++, 2) == 0 ? Double.NaN : below(s, k++, 100) / 1000.0);
        stack.setStorAvailabilityWindow(below(s, k++, 2) == 0);
        stack.addMarketIndex(50 + below(s, k++, 100), below(s, k++, 3000));
        stack.addMarketIndex(0, 0);
    }

    private static int below(final long stream, final long k, final int bound)
    {
        return (int)(((mix(stream + k * GOLDEN) >>> 32) * bound) >>> 32);
    }

    private static double unit(final long stream, final long k)
    {
        return (mix(stream + k * GOLDEN) >>> 11) * 0x1.0p-53;
    }

    private static long mix(final long z0)
    {
        long z = z0 + GOLDEN;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
