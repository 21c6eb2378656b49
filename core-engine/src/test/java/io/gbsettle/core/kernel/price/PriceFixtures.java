package io.gbsettle.core.kernel.price;

/**
 * Stacks for the price tests: the IPG §4 worked example (TV-1) and a permuted copy of a stack (random realistic
 * stacks come from {@link SyntheticStack}).
 */
final class PriceFixtures
{
    /** 2020-06-25, the IPG v15 date: PAR 1, RPAR 1, DMAT 0.1, CADL 10 min, VoLL 6,000. */
    static final long IPG_DAY = java.time.LocalDate.of(2020, 6, 25).toEpochDay();

    /** Rows of TV-1 in the order {@link #tv1} adds them. */
    static final int O1 = 0;
    static final int O2 = 1;
    static final int O3 = 2;
    static final int O4 = 3;
    static final int O5 = 4;
    static final int O6 = 5;
    static final int O7 = 6;
    static final int V1 = 7;
    static final int A1 = 8;
    static final int A2 = 9;
    static final int B1 = 10;
    static final int B2 = 11;
    static final int R1 = 12;
    static final int A3 = 13;

    private PriceFixtures()
    {
    }

    /**
     * TV-1, the IPG §4 full example.
     *
     * @param stack    emptied and filled.
     * @param a1Volume the £150 BSAA's volume: 35 (consistent with the guide's totals) or 80 (its steps 1-4).
     */
    static void tv1(final PriceStack stack, final double a1Volume)
    {
        stack.reset();
        stack.addBoa(1, 101, 1, 30, 120, 0.99051, false, PriceStack.CADL_NO, 0, false);
        stack.addBoa(2, 102, 1, 5, 100, 0.98, false, PriceStack.CADL_NO, 0, false);
        stack.addBoa(3, 103, 1, 40, 300, 0.99, true, PriceStack.CADL_NO, 0, false);
        stack.addBoa(4, 104, 1, 10, 10, 0.99, false, PriceStack.CADL_NO, 0, false);
        stack.addBoa(5, 105, 1, 100, 20, 0.99, false, PriceStack.CADL_NO, 0, false);
        stack.addBoa(6, 106, 1, 10, 40, 0.99, true, PriceStack.CADL_NO, 0, false);
        stack.addBoa(7, 107, 1, 0.01, 50, 0.99, false, PriceStack.CADL_NO, 0, false);
        stack.addVgb(50, 30);
        stack.addBsad(1, a1Volume, 150, true, false);
        stack.addBsad(2, 15, 100, false, false);
        stack.addBoa(8, 108, -1, -10, 15, 1.01, false, PriceStack.CADL_NO, 0, false);
        stack.addBoa(9, 109, -1, -20, -30, 1.01, false, PriceStack.CADL_NO, 0, false);
        stack.addRrUnpriced(-30);
        stack.addBsad(3, -10, 4, false, false);
        stack.setAdjusters(5, 0);
    }

    /**
     * Copies a stack with its actions in another order.
     *
     * @param from  the stack.
     * @param order {@code order[i]} is the row of {@code from} that becomes row i.
     * @param to    emptied and filled.
     */
    static void permute(final PriceStack from, final int[] order, final PriceStack to)
    {
        to.reset();
        for (final int r : order)
        {
            final int row = to.size++;
            to.kind[row] = from.kind[r];
            to.bmUnit[row] = from.bmUnit[r];
            to.id[row] = from.id[r];
            to.pairId[row] = from.pairId[r];
            to.volume[row] = from.volume[r];
            to.price[row] = from.price[r];
            to.tlm[row] = from.tlm[r];
            to.so[row] = from.so[r];
            to.emergency[row] = from.emergency[r];
            to.cadl[row] = from.cadl[r];
            to.durationSeconds[row] = from.durationSeconds[r];
            to.stor[row] = from.stor[r];
        }
        to.bpa = from.bpa;
        to.spa = from.spa;
        to.lolp = from.lolp;
        to.storWindow = from.storWindow;
        for (int i = 0; i < from.marketIndexCount; i++)
        {
            to.addMarketIndex(from.marketIndexPrice[i], from.marketIndexVolume[i]);
        }
    }
}
