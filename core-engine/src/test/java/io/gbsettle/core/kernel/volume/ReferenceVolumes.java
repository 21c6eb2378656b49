package io.gbsettle.core.kernel.volume;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The naive reference of the volume kernels: plain objects and obvious loops, written from bsc-calculations.md §3.4
 * to §3.6 and {@link VolumeOptions}, sharing no code with the fast kernel. At every elementary interval it finds the
 * row in force by looking at all rows covering the interval's midpoint, the baseline by scanning earlier
 * acceptances, and integrates the clamped difference by bisection wherever a regime or a sign changes (instead of
 * solving for the crossing points).
 */
final class ReferenceVolumes
{
    record Pn(int unit, long from, double levelFrom, long to, double levelTo)
    {
    }

    record Bod(int unit, int pair, long from, double levelFrom, long to, double levelTo, double offer, double bid)
    {
    }

    record Acc(int unit, long number, long time, long from, double levelFrom, long to, double levelTo, boolean so,
        boolean stor, boolean rr, boolean deemed)
    {
    }

    record Key(int unit, long number, long time, int pair)
    {
    }

    /** One (i, k, n) row of the reference. */
    static final class Row
    {
        double offer;
        double bid;
        double offerPrice;
        double bidPrice;
        boolean so;
        boolean stor;
        long duration;
    }

    /** One period of the reference. */
    static final class Result
    {
        final Map<Key, Row> rows = new LinkedHashMap<>();
        double[] fpn;
        double[] totalOffer;
        double[] totalBid;
    }

    /** An acceptance: its rows and flags. */
    static final class Acceptance
    {
        final long number;
        final long time;
        final List<Acc> rows = new ArrayList<>();
        boolean so;
        boolean stor;
        long spanFrom = Long.MAX_VALUE;
        long spanTo = Long.MIN_VALUE;

        Acceptance(final long number, final long time)
        {
            this.number = number;
            this.time = time;
        }
    }

    private static final Comparator<Pn> PN_ORDER = Comparator.<Pn>comparingLong(r -> r.from)
        .thenComparingLong(r -> r.to).thenComparingDouble(r -> r.levelFrom).thenComparingDouble(r -> r.levelTo);
    private static final Comparator<Bod> BOD_ORDER = Comparator.<Bod>comparingLong(r -> r.from)
        .thenComparingLong(r -> r.to).thenComparingDouble(r -> r.levelFrom).thenComparingDouble(r -> r.levelTo)
        .thenComparingDouble(r -> r.offer).thenComparingDouble(r -> r.bid);
    private static final Comparator<Acc> ACC_ORDER = Comparator.<Acc>comparingLong(r -> r.from)
        .thenComparingLong(r -> r.to).thenComparingDouble(r -> r.levelFrom).thenComparingDouble(r -> r.levelTo);

    private ReferenceVolumes()
    {
    }

    static double line(final long from, final double levelFrom, final long to, final double levelTo, final double t)
    {
        return levelFrom + (levelTo - levelFrom) * (t - from) / (to - from);
    }

    /** The PN row in force at time m (never an endpoint), or null. */
    static Pn pnAt(final List<Pn> rows, final int unit, final double m)
    {
        Pn best = null;
        for (final Pn r : rows)
        {
            if (r.unit == unit && r.from < m && m < r.to && (best == null || PN_ORDER.compare(r, best) > 0))
            {
                best = r;
            }
        }
        return best;
    }

    static Bod bodAt(final List<Bod> rows, final int unit, final int pair, final double m)
    {
        Bod best = null;
        for (final Bod r : rows)
        {
            if (r.unit == unit && r.pair == pair && r.from < m && m < r.to &&
                (best == null || BOD_ORDER.compare(r, best) > 0))
            {
                best = r;
            }
        }
        return best;
    }

    static Acc accAt(final Acceptance acceptance, final double m)
    {
        Acc best = null;
        for (final Acc r : acceptance.rows)
        {
            if (r.from < m && m < r.to && (best == null || ACC_ORDER.compare(r, best) > 0))
            {
                best = r;
            }
        }
        return best;
    }

    /** Acceptances of a unit with at least one row of positive length, in (time, number) order. */
    static List<Acceptance> acceptances(final List<Acc> rows, final int unit)
    {
        final List<Acceptance> result = new ArrayList<>();
        for (final Acc r : rows)
        {
            if (r.unit != unit)
            {
                continue;
            }
            Acceptance found = null;
            for (final Acceptance a : result)
            {
                if (a.number == r.number && a.time == r.time)
                {
                    found = a;
                }
            }
            if (found == null)
            {
                found = new Acceptance(r.number, r.time);
                result.add(found);
            }
            found.rows.add(r);
            found.so |= r.so;
            found.stor |= r.stor;
            if (r.to > r.from)
            {
                found.spanFrom = Math.min(found.spanFrom, r.from);
                found.spanTo = Math.max(found.spanTo, r.to);
            }
        }
        result.removeIf(a -> a.spanTo == Long.MIN_VALUE);
        result.sort(Comparator.<Acceptance>comparingLong(a -> a.time).thenComparingLong(a -> a.number));
        return result;
    }

    /** CADL duration of acceptance index i among a unit's acceptances. */
    static long duration(final List<Acceptance> all, final int i, final VolumeOptions.CadlChainRule rule)
    {
        final Acceptance self = all.get(i);
        if (rule == VolumeOptions.CadlChainRule.SINGLE_ACCEPTANCE)
        {
            return self.spanTo - self.spanFrom;
        }
        final boolean[] inChain = new boolean[all.size()];
        inChain[i] = true;
        boolean grew = true;
        while (grew)
        {
            grew = false;
            for (int a = 0; a < all.size(); a++)
            {
                for (int b = 0; b < all.size(); b++)
                {
                    if (inChain[a] && !inChain[b] && all.get(b).spanFrom <= all.get(a).spanTo &&
                        all.get(a).spanFrom <= all.get(b).spanTo)
                    {
                        inChain[b] = true;
                        grew = true;
                    }
                }
            }
        }
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (int a = 0; a < all.size(); a++)
        {
            if (inChain[a])
            {
                from = Math.min(from, all.get(a).spanFrom);
                to = Math.max(to, all.get(a).spanTo);
            }
        }
        return to - from;
    }

    static TreeSet<Long> cuts(
        final int unit, final long start, final long end, final List<Pn> pn, final List<Bod> bod, final List<Acc> acc)
    {
        final TreeSet<Long> cuts = new TreeSet<>();
        cuts.add(start);
        cuts.add(end);
        for (final Pn r : pn)
        {
            if (r.unit == unit)
            {
                addInside(cuts, r.from, start, end);
                addInside(cuts, r.to, start, end);
            }
        }
        for (final Bod r : bod)
        {
            if (r.unit == unit)
            {
                addInside(cuts, r.from, start, end);
                addInside(cuts, r.to, start, end);
            }
        }
        for (final Acc r : acc)
        {
            if (r.unit == unit)
            {
                addInside(cuts, r.from, start, end);
                addInside(cuts, r.to, start, end);
            }
        }
        return cuts;
    }

    private static void addInside(final TreeSet<Long> cuts, final long t, final long start, final long end)
    {
        if (t > start && t < end)
        {
            cuts.add(t);
        }
    }

    static double fpnAt(final Pn row, final long t)
    {
        return row == null ? 0.0 : line(row.from, row.levelFrom, row.to, row.levelTo, t);
    }

    static double width(final Bod row, final long t, final boolean absolute)
    {
        if (row == null)
        {
            return 0.0;
        }
        final double level = line(row.from, row.levelFrom, row.to, row.levelTo, t);
        if (absolute)
        {
            return Math.abs(level);
        }
        return row.pair > 0 ? Math.max(level, 0.0) : Math.max(-level, 0.0);
    }

    static Result period(
        final VolumeOptions options,
        final int units,
        final long dayStart,
        final int period,
        final List<Pn> pn,
        final List<Bod> bod,
        final List<Acc> acc)
    {
        final long start = dayStart + (period - 1) * 1800L;
        final long end = start + 1800L;
        final Result result = new Result();
        result.fpn = new double[units];
        result.totalOffer = new double[units];
        result.totalBid = new double[units];
        for (int unit = 0; unit < units; unit++)
        {
            final List<Long> cuts = new ArrayList<>(cuts(unit, start, end, pn, bod, acc));
            final List<Acceptance> acceptances = acceptances(acc, unit);
            final Map<Integer, double[]> pairPrice = new LinkedHashMap<>();
            for (int c = 0; c + 1 < cuts.size(); c++)
            {
                final double m = 0.5 * (cuts.get(c) + cuts.get(c + 1));
                for (int pair = -BalancingBook.MAX_PAIR; pair <= BalancingBook.MAX_PAIR; pair++)
                {
                    final Bod row = pair == 0 ? null : bodAt(bod, unit, pair, m);
                    if (row != null && !pairPrice.containsKey(pair))
                    {
                        pairPrice.put(pair, new double[] {row.offer, row.bid});
                    }
                }
            }
            int top = 0;
            int bottom = 0;
            for (final int pair : pairPrice.keySet())
            {
                top = Math.max(top, pair);
                bottom = Math.min(bottom, pair);
            }
            final boolean outermost = options.outsideBands() == VolumeOptions.OutsideBandRule.OUTERMOST_PAIR;
            final Map<Long, double[]> offer = new LinkedHashMap<>(); // key acceptance index * 100 + pair slot
            for (int c = 0; c + 1 < cuts.size(); c++)
            {
                final long t0 = cuts.get(c);
                final long t1 = cuts.get(c + 1);
                final double m = 0.5 * (t0 + t1);
                final Pn fpnRow = pnAt(pn, unit, m);
                final double fpn0 = fpnAt(fpnRow, t0);
                final double fpn1 = fpnAt(fpnRow, t1);
                result.fpn[unit] += 0.5 * (fpn0 + fpn1) * (t1 - t0) / 3600.0;

                // bands as {pair, l0, l1, u0, u1}
                final List<double[]> bands = new ArrayList<>();
                double up0 = 0;
                double up1 = 0;
                for (int pair = 1; pair <= top; pair++)
                {
                    if (!pairPrice.containsKey(pair))
                    {
                        continue;
                    }
                    final Bod row = bodAt(bod, unit, pair, m);
                    final double w0 = width(row, t0, options.absoluteBandWidths());
                    final double w1 = width(row, t1, options.absoluteBandWidths());
                    final boolean open = outermost && pair == top;
                    bands.add(new double[] {pair, up0, up1, open ? Double.POSITIVE_INFINITY : up0 + w0,
                        open ? Double.POSITIVE_INFINITY : up1 + w1});
                    up0 += w0;
                    up1 += w1;
                }
                double down0 = 0;
                double down1 = 0;
                for (int pair = -1; pair >= bottom; pair--)
                {
                    if (!pairPrice.containsKey(pair))
                    {
                        continue;
                    }
                    final Bod row = bodAt(bod, unit, pair, m);
                    final double w0 = width(row, t0, options.absoluteBandWidths());
                    final double w1 = width(row, t1, options.absoluteBandWidths());
                    final boolean open = outermost && pair == bottom;
                    bands.add(new double[] {pair, open ? Double.NEGATIVE_INFINITY : down0 - w0,
                        open ? Double.NEGATIVE_INFINITY : down1 - w1, down0, down1});
                    down0 -= w0;
                    down1 -= w1;
                }
                if (!(outermost && top > 0))
                {
                    bands.add(new double[] {0, up0, up1, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY});
                }
                if (!(outermost && bottom < 0))
                {
                    bands.add(new double[] {0, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, down0, down1});
                }

                for (int k = 0; k < acceptances.size(); k++)
                {
                    final Acc row = accAt(acceptances.get(k), m);
                    if (row == null)
                    {
                        continue;
                    }
                    final double d0 = line(row.from, row.levelFrom, row.to, row.levelTo, t0) - fpn0;
                    final double d1 = line(row.from, row.levelFrom, row.to, row.levelTo, t1) - fpn1;
                    double b0 = 0;
                    double b1 = 0;
                    if (options.baseline() == VolumeOptions.BaselineRule.LATEST_EARLIER_COVERING)
                    {
                        for (int e = k - 1; e >= 0; e--)
                        {
                            final Acc earlier = accAt(acceptances.get(e), m);
                            if (earlier != null)
                            {
                                b0 = line(earlier.from, earlier.levelFrom, earlier.to, earlier.levelTo, t0) - fpn0;
                                b1 = line(earlier.from, earlier.levelFrom, earlier.to, earlier.levelTo, t1) - fpn1;
                                break;
                            }
                        }
                    }
                    else if (k > 0)
                    {
                        final Acc previous = accAt(acceptances.get(k - 1), m);
                        if (previous != null)
                        {
                            b0 = line(previous.from, previous.levelFrom, previous.to, previous.levelTo, t0) - fpn0;
                            b1 = line(previous.from, previous.levelFrom, previous.to, previous.levelTo, t1) - fpn1;
                        }
                    }
                    for (final double[] band : bands)
                    {
                        final double[] pos = new double[2];
                        integrate(d0, d1, b0, b1, band, 0.0, 1.0, t1 - t0, 0, pos);
                        final long cell = k * 100L + (long)band[0] + 50;
                        final double[] sum = offer.computeIfAbsent(cell, x -> new double[2]);
                        sum[0] += pos[0];
                        sum[1] += pos[1];
                    }
                }
            }
            for (final Map.Entry<Long, double[]> e : offer.entrySet())
            {
                final int k = (int)(e.getKey() / 100);
                final int pair = (int)(e.getKey() % 100) - 50;
                final double o = e.getValue()[0] / 3600.0;
                final double b = e.getValue()[1] / 3600.0;
                if (o == 0.0 && b == 0.0)
                {
                    continue;
                }
                final Acceptance a = acceptances.get(k);
                final Row row = new Row();
                row.offer = o;
                row.bid = b;
                row.offerPrice = pair == 0 ? Double.NaN : pairPrice.get(pair)[0];
                row.bidPrice = pair == 0 ? Double.NaN : pairPrice.get(pair)[1];
                row.so = a.so;
                row.stor = a.stor;
                row.duration = duration(acceptances, k, options.cadlChain());
                result.rows.put(new Key(unit, a.number, a.time, pair), row);
                result.totalOffer[unit] += o;
                result.totalBid[unit] += b;
            }
        }
        return result;
    }

    private static double at(final double v0, final double v1, final double s)
    {
        if (Double.isInfinite(v0))
        {
            return v0;
        }
        return v0 + (v1 - v0) * s;
    }

    private static double clamp(final double x, final double low, final double high)
    {
        return Math.max(low, Math.min(x, high));
    }

    private static boolean crosses(final double x0, final double x1)
    {
        return (x0 < 0 && x1 > 0) || (x0 > 0 && x1 < 0);
    }

    /**
     * Adds ∫ max(g, 0) and ∫ min(g, 0) over [s0, s1] (fractions of h seconds) to pos[0], pos[1], where
     * g = clamp(d) - clamp(b) in the band; bisects while a clamp regime or the sign of g changes inside.
     */
    private static void integrate(
        final double d0, final double d1, final double b0, final double b1, final double[] band,
        final double s0, final double s1, final double h, final int depth, final double[] pos)
    {
        final double l0 = at(band[1], band[2], s0);
        final double l1 = at(band[1], band[2], s1);
        final double u0 = at(band[3], band[4], s0);
        final double u1 = at(band[3], band[4], s1);
        final double da = at(d0, d1, s0);
        final double db = at(d0, d1, s1);
        final double ba = at(b0, b1, s0);
        final double bb = at(b0, b1, s1);
        final double g0 = clamp(da, l0, u0) - clamp(ba, l0, u0);
        final double g1 = clamp(db, l1, u1) - clamp(bb, l1, u1);
        final boolean regimeChanges = crosses(da - l0, db - l1) || crosses(da - u0, db - u1) ||
            crosses(ba - l0, bb - l1) || crosses(ba - u0, bb - u1);
        if ((regimeChanges || crosses(g0, g1)) && depth < 64)
        {
            final double mid = 0.5 * (s0 + s1);
            integrate(d0, d1, b0, b1, band, s0, mid, h, depth + 1, pos);
            integrate(d0, d1, b0, b1, band, mid, s1, h, depth + 1, pos);
            return;
        }
        final double w = (s1 - s0) * h;
        pos[0] += 0.5 * (Math.max(g0, 0) + Math.max(g1, 0)) * w;
        pos[1] += 0.5 * (Math.min(g0, 0) + Math.min(g1, 0)) * w;
    }
}
