package io.gbsettle.core.kernel.price;

import java.util.Random;

/**
 * Stacks for the price tests and the benchmark's twin: the IPG §4 worked example (TV-1) and random realistic
 * stacks with ties, flags, tiny volumes, null prices and STOR.
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
     * A random stack shaped like a real period: mostly BOA rows over a few hundred acceptances, some BSAD (a few
     * with null prices), prices on a coarse grid so that ties happen, some tiny volumes, flags and STOR.
     *
     * @param stack  emptied and filled.
     * @param random the source.
     * @param n      how many actions.
     */
    static void random(final PriceStack stack, final Random random, final int n)
    {
        stack.reset();
        final boolean shortSystem = random.nextBoolean();
        for (int i = 0; i < n; i++)
        {
            final boolean buy = random.nextDouble() < (shortSystem ? 0.65 : 0.35);
            final double magnitude = random.nextInt(10) == 0 ? random.nextDouble() * 0.3 :
                0.5 + random.nextInt(60) * 0.5;
            final double volume = buy ? magnitude : -magnitude;
            final double price = buy ? 40 + random.nextInt(40) * 5 : -20 + random.nextInt(30) * 5;
            final boolean so = random.nextInt(8) == 0;
            final boolean stor = random.nextInt(25) == 0;
            if (random.nextInt(6) == 0)
            {
                final double bsadPrice = random.nextInt(12) == 0 ? Double.NaN : price;
                stack.addBsad(i, volume, bsadPrice, so, stor);
            }
            else
            {
                final int cadl = random.nextInt(10) == 0 ? PriceStack.CADL_DERIVE : PriceStack.CADL_NO;
                final double tlm = buy ? 0.97 + random.nextInt(30) * 0.001 : 1.0 + random.nextInt(30) * 0.001;
                stack.addBoa(random.nextInt(150), random.nextInt(n / 2 + 1), buy ? 1 + random.nextInt(2) :
                    -1 - random.nextInt(2), volume, price, tlm, so, cadl, random.nextInt(1200), stor);
            }
        }
        if (random.nextInt(20) == 0)
        {
            stack.addDemandControl(9_999, 1 + random.nextInt(5));
        }
        stack.setAdjusters(random.nextInt(4) == 0 ? random.nextInt(1000) / 100.0 : 0, random.nextInt(3) - 1);
        stack.setLolp(random.nextBoolean() ? Double.NaN : random.nextInt(100) / 1000.0);
        stack.setStorAvailabilityWindow(random.nextBoolean());
        stack.addMarketIndex(50 + random.nextInt(100), random.nextInt(3000));
        stack.addMarketIndex(0, 0);
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
