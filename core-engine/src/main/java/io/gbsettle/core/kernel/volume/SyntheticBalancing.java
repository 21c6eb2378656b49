package io.gbsettle.core.kernel.volume;

import io.gbsettle.core.registry.BmUnitDay;

/**
 * Generates a synthetic but realistically shaped national balancing day into a {@link BalancingBook},
 * deterministically from a seed and allocation-free (a counter-based SplitMix64 stream, no objects), for the
 * benchmarks and the zero-allocation tests. All of it is synthetic.
 *
 * <ul>
 *   <li>PN for every active BM Unit, one straight segment per period between bounded random levels (generators
 *       0..600 MW, consumers 0..-300 MW, interconnectors ±1,000 MW); every seventh unit splits each period at a
 *       random second (not minute-granular); odd units' rows are added in reverse order.</li>
 *   <li>BOD for BM-participating units (interconnectors and about half the production units): 1..3 negative and
 *       1..3 positive pairs, flat widths per period, offers rising and bids falling with |n|.</li>
 *   <li>{@code acceptances} acceptances spread over the day on participating units: ramp (1..5 min), hold and ramp
 *       back, three BOALF rows each, at random seconds; a quarter hold for under 4 minutes (spans of 2 to 14
 *       minutes, many below CADL when alone), the rest 5..90 minutes (spanning periods); odd acceptances' rows are
 *       added in reverse.</li>
 * </ul>
 */
public final class SyntheticBalancing
{
    /** Acceptances in a national day: about 200 acceptances meet each period. */
    public static final int NATIONAL_ACCEPTANCES = 4_000;
    /** Output rows to allow per period for a national day. */
    public static final int NATIONAL_ROW_CAPACITY = 8_192;

    private static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;
    private static final int SPLIT_EVERY = 7;

    private SyntheticBalancing()
    {
    }

    /**
     * A book sized exactly for {@link #fill} with the same arguments.
     *
     * @param seed        generator seed.
     * @param units       the day's BM Unit view (active, production and interconnector flags are used).
     * @param periodCount periods in the day.
     * @param acceptances acceptances in the day.
     * @return a new, empty book.
     */
    public static BalancingBook newBook(
        final long seed, final BmUnitDay units, final int periodCount, final int acceptances)
    {
        int pn = 0;
        int bod = 0;
        for (int u = 0; u < units.bmUnitCount(); u++)
        {
            if (!units.active(u))
            {
                continue;
            }
            pn += periodCount * (u % SPLIT_EVERY == 0 ? 2 : 1);
            if (participant(seed, units, u))
            {
                final long h = mix(seed ^ (u * GOLDEN));
                bod += periodCount * (negativePairs(h) + positivePairs(h));
            }
        }
        return new BalancingBook(units.bmUnitCount(), pn, bod, 3 * acceptances);
    }

    /**
     * Resets the book and fills it with one synthetic day, then seals it.
     *
     * @param seed                generator seed.
     * @param units               the day's BM Unit view.
     * @param dayStartEpochSecond UTC start of the day's first period.
     * @param periodCount         periods in the day.
     * @param acceptances         acceptances to generate (at least one participating unit must exist).
     * @param book                the book, sized by {@link #newBook}.
     */
    public static void fill(
        final long seed,
        final BmUnitDay units,
        final long dayStartEpochSecond,
        final int periodCount,
        final int acceptances,
        final BalancingBook book)
    {
        book.reset(dayStartEpochSecond, periodCount);
        final int count = units.bmUnitCount();
        int participants = 0;
        for (int u = 0; u < count; u++)
        {
            if (!units.active(u))
            {
                continue;
            }
            final long h = mix(seed ^ (u * GOLDEN));
            final double base = baseLevel(units, u, h);
            final double scale = Math.max(20.0, Math.abs(base));
            long stream = h;
            // walk values at the period boundaries, added period by period (reversed for odd units)
            for (int step = 0; step < periodCount; step++)
            {
                final int j = (u & 1) == 0 ? step : periodCount - 1 - step;
                final double from = walk(base, scale, h, j);
                final double to = walk(base, scale, h, j + 1);
                final long ps = dayStartEpochSecond + j * BalancingBook.PERIOD_SECONDS;
                final long pe = ps + BalancingBook.PERIOD_SECONDS;
                if (u % SPLIT_EVERY == 0)
                {
                    stream += GOLDEN;
                    final long cut = ps + 1 + (long)(unit(mix(stream)) * (BalancingBook.PERIOD_SECONDS - 2));
                    final double mid = from + (to - from) * (cut - ps) / (double)BalancingBook.PERIOD_SECONDS;
                    book.addPn(u, cut, mid, pe, to);
                    book.addPn(u, ps, from, cut, mid);
                }
                else
                {
                    book.addPn(u, ps, from, pe, to);
                }
            }
            if (!participant(seed, units, u))
            {
                continue;
            }
            participants++;
            final int negative = negativePairs(h);
            final int positive = positivePairs(h);
            for (int j = 0; j < periodCount; j++)
            {
                final long ps = dayStartEpochSecond + j * BalancingBook.PERIOD_SECONDS;
                final long pe = ps + BalancingBook.PERIOD_SECONDS;
                for (int n = -negative; n <= positive; n++)
                {
                    if (n == 0)
                    {
                        continue;
                    }
                    stream += GOLDEN;
                    final double r = unit(mix(stream));
                    final double width = 5.0 + r * 0.25 * scale;
                    final double level = n > 0 ? width : -width;
                    final int m = Math.abs(n);
                    final double offer;
                    final double bid;
                    if (n > 0)
                    {
                        offer = 40.0 + 15.0 * m + 10.0 * r;
                        bid = offer - 3.0 - 5.0 * r;
                    }
                    else
                    {
                        bid = 45.0 - 8.0 * m + 5.0 * r;
                        offer = bid + 60.0 + 10.0 * r;
                    }
                    book.addBod(u, n, ps, level, pe, level, offer, bid);
                }
            }
        }
        if (participants == 0 && acceptances > 0)
        {
            throw new IllegalArgumentException("no BM-participating unit to accept");
        }
        final long daySeconds = periodCount * BalancingBook.PERIOD_SECONDS;
        long stream = mix(seed ^ 0x5EED_0ACCL);
        for (int m = 0; m < acceptances; m++)
        {
            int u;
            do
            {
                stream += GOLDEN;
                u = (int)(unit(mix(stream)) * count);
            }
            while (!units.active(u) || !participant(seed, units, u));
            final long h = mix(seed ^ (u * GOLDEN));
            final double base = baseLevel(units, u, h);
            final double scale = Math.max(20.0, Math.abs(base));
            stream += GOLDEN;
            final long start = dayStartEpochSecond - 600 + (long)(unit(mix(stream)) * daySeconds);
            stream += GOLDEN;
            final long acceptedAt = start - 120 - (long)(unit(mix(stream)) * 1_500);
            stream += GOLDEN;
            final long rampUp = 60 + (long)(unit(mix(stream)) * 240);
            stream += GOLDEN;
            final double r = unit(mix(stream));
            final long hold = (m & 3) == 0 ? (long)(r * 240) : 300 + (long)(r * 5_100);
            stream += GOLDEN;
            final long rampDown = 60 + (long)(unit(mix(stream)) * 240);
            stream += GOLDEN;
            final double move = (unit(mix(stream)) - 0.5) * 0.8 * scale;
            final double from = walk(base, scale, h, (int)Math.floorDiv(start - dayStartEpochSecond, 1800L));
            final double target = from + (Math.abs(move) < 1.0 ? 1.0 : move);
            final long number = 1_000 + m;
            final boolean so = (m % 11) == 0;
            final boolean stor = (m % 37) == 0;
            final long t1 = start + rampUp;
            final long t2 = t1 + hold;
            final long t3 = t2 + rampDown;
            if ((m & 1) == 0)
            {
                book.addAcceptance(u, number, acceptedAt, start, from, t1, target, so, stor, false, false);
                book.addAcceptance(u, number, acceptedAt, t1, target, t2, target, so, stor, false, false);
                book.addAcceptance(u, number, acceptedAt, t2, target, t3, from, so, stor, false, false);
            }
            else
            {
                book.addAcceptance(u, number, acceptedAt, t2, target, t3, from, so, stor, false, false);
                book.addAcceptance(u, number, acceptedAt, t1, target, t2, target, so, stor, false, false);
                book.addAcceptance(u, number, acceptedAt, start, from, t1, target, so, stor, false, false);
            }
        }
        book.seal();
    }

    private static boolean participant(final long seed, final BmUnitDay units, final int u)
    {
        if (!units.active(u))
        {
            return false;
        }
        if (units.interconnector(u))
        {
            return true;
        }
        return units.production(u) && (mix(seed ^ (u * GOLDEN) ^ 0x0BADL) & 1) == 0;
    }

    private static int negativePairs(final long h)
    {
        return 1 + (int)((h >>> 8) % 3);
    }

    private static int positivePairs(final long h)
    {
        return 1 + (int)((h >>> 16) % 3);
    }

    private static double baseLevel(final BmUnitDay units, final int u, final long h)
    {
        final double r = unit(h);
        if (units.interconnector(u))
        {
            return (r - 0.5) * 2_000.0;
        }
        return units.production(u) ? 600.0 * r : -300.0 * r;
    }

    /** The random walk's value at period boundary j: the base level plus a bounded, deterministic wiggle. */
    private static double walk(final double base, final double scale, final long h, final int j)
    {
        return base + 0.2 * scale * (unit(mix(h + j * GOLDEN)) - 0.5);
    }

    private static double unit(final long x)
    {
        return (x >>> 11) * 0x1.0p-53;
    }

    private static long mix(final long z0)
    {
        long z = z0 + GOLDEN;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
