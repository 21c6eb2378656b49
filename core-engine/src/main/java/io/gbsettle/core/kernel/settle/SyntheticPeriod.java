package io.gbsettle.core.kernel.settle;

import java.util.SplittableRandom;

import io.gbsettle.core.registry.BmUnitDay;
import io.gbsettle.core.registry.EnergyAccount;

/**
 * A synthetic but realistically shaped Settlement Period for a registry day, deterministic from a seed: metered
 * volumes for every active BM Unit (generation positive, supplier consumption negative and scaled so that
 * transmission losses are about 2 % of generation, interconnectors either way), 300 to 600 accepted offer and bid
 * rows on pairs -3..+3 with FPN set so that most units deliver exactly and some do not, a few ABSVD volumes, 3,000
 * to 4,000 ECVN lines from Production to Consumption accounts, and 40 to 80 MVRN lines. For the allocation test and
 * the benchmarks; not a model of any real period.
 *
 * <p>Filling allocates (a random generator and a scratch array); the kernels run on the filled book do not.
 */
public final class SyntheticPeriod
{
    /** Accepted row capacity of {@link #newBook}. */
    public static final int ROW_CAPACITY = 1_024;
    /** ECVN capacity of {@link #newBook}. */
    public static final int ECVN_CAPACITY = 4_096;
    /** MVRN capacity of {@link #newBook}. */
    public static final int MVRN_CAPACITY = 128;

    private SyntheticPeriod()
    {
    }

    /**
     * @param bmUnitCount BM Units in the registry.
     * @param partyCount  parties in the registry.
     * @return a book with room for any period {@link #fill} makes.
     */
    public static PeriodBook newBook(final int bmUnitCount, final int partyCount)
    {
        return new PeriodBook(bmUnitCount, partyCount, ROW_CAPACITY, ECVN_CAPACITY, MVRN_CAPACITY);
    }

    /**
     * Sets the book's registry attributes from the day view, clears it and fills one period's inputs.
     *
     * @param seed the seed: the same seed, day and book sizes always give the same period.
     * @param day  the registry filled for the day.
     * @param book the book to fill, with at least the capacities of {@link #newBook}.
     */
    public static void fill(final long seed, final BmUnitDay day, final PeriodBook book)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        book.registry(day);
        book.reset();
        final int n = book.bmUnitCount();
        final int parties = book.partyCount();
        final double[] qm = new double[n];
        double generation = 0;
        double others = 0;
        double consumption = 0;
        for (int i = 0; i < n; i++)
        {
            if (!day.active(i))
            {
                continue;
            }
            if (day.interconnector(i))
            {
                qm[i] = random.nextDouble(-150, 150);
                others += qm[i];
            }
            else if (day.production(i))
            {
                qm[i] = random.nextInt(5) == 0 ? 0 : random.nextDouble(0, 60);
                generation += qm[i];
            }
            else
            {
                qm[i] = -random.nextDouble(0, 40);
                consumption += qm[i];
            }
        }
        final double scale = consumption < 0 ? (0.02 * generation - generation - others) / consumption : 1;
        for (int i = 0; i < n; i++)
        {
            if (day.active(i) && !day.interconnector(i) && !day.production(i))
            {
                qm[i] *= scale;
            }
        }

        final double[] accepted = new double[n];
        final int rows = 300 + random.nextInt(301);
        long acceptance = 1000 + random.nextInt(1000);
        for (int row = 0; row < rows; row++)
        {
            final int i = randomActive(random, day, n);
            if (random.nextInt(3) != 0)
            {
                acceptance++;
            }
            final int pair = (1 + random.nextInt(3)) * (random.nextBoolean() ? 1 : -1);
            final boolean offer = random.nextBoolean();
            final double offerPrice = random.nextDouble(40, 250);
            final double bidPrice = random.nextInt(10) == 0 ? -random.nextDouble(0, 80) :
                offerPrice - random.nextDouble(5, 60);
            final double volume = random.nextDouble(0.05, 25);
            final double qao = offer ? volume : 0;
            final double qab = offer ? (random.nextInt(8) == 0 ? -random.nextDouble(0.01, 2) : 0) : -volume;
            book.addAccepted(i, acceptance, pair, qao, qab, offerPrice, bidPrice);
            accepted[i] += qao + qab;
        }

        for (int i = 0; i < n; i++)
        {
            if (day.active(i))
            {
                // Over a third of the units miss their expected volume by up to 3 MWh either way.
                final double miss = random.nextInt(3) == 0 ? random.nextDouble(-3, 3) : 0;
                book.meteredVolume(i, qm[i]);
                book.fpn(i, qm[i] - accepted[i] + miss);
                if (random.nextInt(20) == 0)
                {
                    book.absvd(i, random.nextDouble(-2, 2));
                }
            }
        }

        final int ecvns = 3_000 + random.nextInt(1_001);
        for (int z = 0; z < ecvns; z++)
        {
            final int seller = random.nextInt(parties);
            final int buyer = random.nextInt(parties);
            book.addEcvn(EnergyAccount.index(seller, true), EnergyAccount.index(buyer, false),
                random.nextDouble(0, 50));
        }

        final int mvrns = 40 + random.nextInt(41);
        for (int m = 0; m < mvrns; m++)
        {
            final int i = randomActive(random, day, n);
            final int subsidiary = EnergyAccount.index(random.nextInt(parties), day.production(i));
            final double fixed = random.nextBoolean() ? random.nextDouble(0, 5) : 0;
            final double percent = random.nextBoolean() ? random.nextDouble(0, 30) : 0;
            book.addMvrn(i, subsidiary, fixed, percent);
        }
    }

    private static int randomActive(final SplittableRandom random, final BmUnitDay day, final int n)
    {
        while (true)
        {
            final int i = random.nextInt(n);
            if (day.active(i) && !day.interconnector(i))
            {
                return i;
            }
        }
    }
}
