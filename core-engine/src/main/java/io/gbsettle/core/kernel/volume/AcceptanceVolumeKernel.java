package io.gbsettle.core.kernel.volume;

/**
 * Period FPN and accepted bid-offer volumes (BSC Section T 3.4 to 3.8) for one Settlement Period of a sealed
 * {@link BalancingBook}. Static, pure, allocation-free once its output's working space has grown to the book.
 *
 * <p>For every BM Unit, FPN_ij = ∫ FPN_i(t) dt over the period (trapezoids of the resolved PN pieces clipped to
 * the window). For a BM Unit with acceptances in the period, the window is cut at every PN, BOD and acceptance
 * breakpoint; between two cuts every profile is a straight line. On each such interval, for each acceptance k in
 * (acceptance time, number) order that covers it, the deviation d = qA_k - FPN and its baseline b (the deviation
 * of the acceptance in force before it, {@link VolumeOptions.BaselineRule}) are clamped into every band
 * [qBOLR_n, qBOUR_n] (cumulative BOD widths stacked outwards from FPN), and
 * <pre>
 *   QAO_knij += ∫ max(clamp(d) - clamp(b), 0) dt        QAB_knij += ∫ min(clamp(d) - clamp(b), 0) dt
 * </pre>
 * integrated exactly: the interval is split where d or b crosses a band edge and where the difference changes sign.
 * The bands plus the two outer regions (pair 0 or the outermost pair, {@link VolumeOptions.OutsideBandRule})
 * partition the MW axis, so Σ_n (QAO + QAB) of an acceptance is exactly ∫ (d - b) dt and, over all acceptances,
 * the integral of the final accepted level minus FPN: QME stays right whatever the BOD coverage.
 *
 * <p>Cost: FPN_ij of every BM Unit was integrated when the book was sealed (it depends on PN only), so a period
 * copies it (about 2,700 doubles) and then visits only the acceptances meeting the period (a per-period index
 * built at seal), BM Unit by BM Unit: cuts × covering acceptances × bands clamp integrations, each a handful of
 * floating-point operations and at most four root divisions. Only an acceptance's own few pieces are searched: first
 * PN and BOD pieces per period are precomputed too, and band edges are computed once per BM Unit when its BOD is flat
 * over the period (the usual case).
 */
public final class AcceptanceVolumeKernel
{
    /** Seconds per hour: MW·s to MWh. */
    private static final double SECONDS_PER_HOUR = 3600.0;
    /** An edge no physical deviation reaches (MW): the open end of an outer band. */
    private static final double FAR = 1.0e12;
    private static final int ZERO_SLOT = BalancingBook.MAX_PAIR;

    private AcceptanceVolumeKernel()
    {
    }

    /**
     * Computes FPN for every BM Unit and all (i, k, n) rows of one period into {@code out}.
     *
     * @param options the rule choices.
     * @param book    a sealed book.
     * @param period  settlement period, {@code 1 .. book.periodCount()}.
     * @param out     the period's output, overwritten.
     */
    public static void period(
        final VolumeOptions options, final BalancingBook book, final int period, final AcceptedVolumes out)
    {
        if (!book.sealed)
        {
            throw new IllegalStateException("seal the book first");
        }
        if (period < 1 || period > book.periodCount)
        {
            throw new IllegalArgumentException("period " + period + " outside 1.." + book.periodCount);
        }
        final int units = book.bmUnitCount;
        if (out.bmUnitCapacity() < units)
        {
            throw new IllegalArgumentException("output holds " + out.bmUnitCapacity() + " BM Units, book " + units);
        }
        out.ensureWorkspace(book.maxUnitAcceptances, book.maxUnitCuts);
        out.period = period;
        out.count = 0;
        final long start = book.periodStartEpochSecond(period);
        final long end = start + BalancingBook.PERIOD_SECONDS;
        final double[] fpn = out.fpn;
        final double[] totalOffer = out.totalOffer;
        final double[] totalBid = out.totalBid;
        System.arraycopy(book.periodFpn, (period - 1) * units, fpn, 0, units);
        for (int u = 0; u < units; u++)
        {
            totalOffer[u] = 0.0;
            totalBid[u] = 0.0;
        }
        final int[] acceptances = book.periodAcceptance;
        final int last = book.periodAcceptanceStart[period];
        int i = book.periodAcceptanceStart[period - 1];
        while (i < last)
        {
            final int unit = book.acceptanceUnit[acceptances[i]];
            int unitEnd = i + 1;
            while (unitEnd < last && book.acceptanceUnit[acceptances[unitEnd]] == unit)
            {
                unitEnd++;
            }
            unitVolumes(options, book, unit, i, unitEnd, period, start, end, out);
            i = unitEnd;
        }
    }

    /**
     * First index in {@code [from, to)} whose piece ends after {@code t} (pieces are sorted and disjoint).
     */
    private static int firstPieceEndingAfter(final long[] pieceTo, final int from, final int to, final long t)
    {
        int lo = from;
        int hi = to;
        while (lo < hi)
        {
            final int mid = (lo + hi) >>> 1;
            if (pieceTo[mid] <= t)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    private static double pnAt(final BalancingBook book, final int p, final long t)
    {
        return book.pnPieceLevel[p] + book.pnPieceSlope[p] * (t - book.pnPieceFrom[p]);
    }

    private static double widthAt(final BalancingBook book, final int p, final int pair, final long t,
        final boolean absolute)
    {
        final double level = book.bodPieceLevel[p] + book.bodPieceSlope[p] * (t - book.bodPieceFrom[p]);
        if (absolute)
        {
            return Math.abs(level);
        }
        return pair > 0 ? Math.max(level, 0.0) : Math.max(-level, 0.0);
    }

    private static double acceptanceAt(final BalancingBook book, final int p, final long t)
    {
        return book.accPieceLevel[p] + book.accPieceSlope[p] * (t - book.accPieceFrom[p]);
    }

    private static void unitVolumes(
        final VolumeOptions options,
        final BalancingBook book,
        final int unit,
        final int from,
        final int to,
        final int period,
        final long start,
        final long end,
        final AcceptedVolumes out)
    {
        // acceptances of the unit whose span meets the window, in (time, number) order
        final int[] list = out.acceptances;
        final int[] cursor = out.acceptanceCursor;
        final long[] cuts = out.cuts;
        int k = 0;
        int cutCount = 0;
        cuts[cutCount++] = start;
        cuts[cutCount++] = end;
        for (int i = from; i < to; i++)
        {
            final int a = book.periodAcceptance[i];
            list[k] = a;
            final int pieceEnd = book.acceptancePieceStart[a + 1];
            int p = firstPieceEndingAfter(book.accPieceTo, book.acceptancePieceStart[a], pieceEnd, start);
            cursor[k] = p;
            for (; p < pieceEnd && book.accPieceFrom[p] < end; p++)
            {
                cutCount = addCut(cuts, cutCount, book.accPieceFrom[p], start, end);
                cutCount = addCut(cuts, cutCount, book.accPieceTo[p], start, end);
            }
            k++;
        }

        // PN breakpoints
        final int pnLast = book.pnUnitStart[unit + 1];
        int pnCursor = book.pnPeriodFirst[unit * BalancingBook.MAX_PERIODS + period - 1];
        for (int p = pnCursor; p < pnLast && book.pnPieceFrom[p] < end; p++)
        {
            cutCount = addCut(cuts, cutCount, book.pnPieceFrom[p], start, end);
            cutCount = addCut(cuts, cutCount, book.pnPieceTo[p], start, end);
        }

        // BOD pairs present in the window, their cursors, prices and breakpoints
        final boolean[] present = out.pairPresent;
        final int[] pairCursor = out.pairCursor;
        final int[] pairGroupEnd = out.pairGroupEnd;
        final double[] pairOffer = out.pairOffer;
        final double[] pairBid = out.pairBid;
        for (int s = 0; s < AcceptedVolumes.PAIR_SLOTS; s++)
        {
            present[s] = false;
        }
        int topPair = 0;
        int bottomPair = 0;
        boolean flatBands = true; // every pair's BOD is one flat piece over the whole window: edges never move
        final int periodCount = book.periodCount;
        for (int g = book.bodUnitGroupStart[unit], last = book.bodUnitGroupStart[unit + 1]; g < last; g++)
        {
            final int groupEnd = book.bodGroupStart[g + 1];
            final int p = book.bodGroupPeriodFirst[g * periodCount + period - 1];
            if (p < groupEnd && book.bodPieceFrom[p] < end)
            {
                final int pair = book.bodGroupPair[g];
                final int slot = pair + BalancingBook.MAX_PAIR;
                present[slot] = true;
                pairCursor[slot] = p;
                pairGroupEnd[slot] = groupEnd;
                pairOffer[slot] = book.bodPieceOffer[p];
                pairBid[slot] = book.bodPieceBid[p];
                topPair = Math.max(topPair, pair);
                bottomPair = Math.min(bottomPair, pair);
                flatBands &= book.bodPieceFrom[p] <= start && book.bodPieceTo[p] >= end && book.bodPieceSlope[p] == 0.0;
                for (int q = p; q < groupEnd && book.bodPieceFrom[q] < end; q++)
                {
                    cutCount = addCut(cuts, cutCount, book.bodPieceFrom[q], start, end);
                    cutCount = addCut(cuts, cutCount, book.bodPieceTo[q], start, end);
                }
            }
        }
        cutCount = sortUnique(cuts, cutCount);

        final double[] offerAcc = out.offerAccumulator;
        final double[] bidAcc = out.bidAccumulator;
        final int firstSlot = bottomPair + BalancingBook.MAX_PAIR;
        final int lastSlot = topPair + BalancingBook.MAX_PAIR;
        for (int i = 0; i < k; i++)
        {
            for (int slot = firstSlot; slot <= lastSlot; slot++)
            {
                offerAcc[i * AcceptedVolumes.PAIR_SLOTS + slot] = 0.0;
                bidAcc[i * AcceptedVolumes.PAIR_SLOTS + slot] = 0.0;
            }
        }

        final boolean absolute = options.absoluteBandWidths();
        final boolean latestCovering = options.baseline() == VolumeOptions.BaselineRule.LATEST_EARLIER_COVERING;
        final boolean outermost = options.outsideBands() == VolumeOptions.OutsideBandRule.OUTERMOST_PAIR;
        final double[] lower0 = out.lower0;
        final double[] lower1 = out.lower1;
        final double[] upper0 = out.upper0;
        final double[] upper1 = out.upper1;
        final boolean upperToPair = outermost && topPair > 0;
        final boolean lowerToPair = outermost && bottomPair < 0;
        if (flatBands)
        {
            bandEdges(book, out, topPair, bottomPair, start, end, absolute, upperToPair, lowerToPair);
        }

        for (int c = 0; c + 1 < cutCount; c++)
        {
            final long t0 = cuts[c];
            final long t1 = cuts[c + 1];
            final double h = t1 - t0;

            // FPN over [t0, t1]
            while (pnCursor < pnLast && book.pnPieceTo[pnCursor] <= t0)
            {
                pnCursor++;
            }
            double fpn0 = 0.0;
            double fpn1 = 0.0;
            if (pnCursor < pnLast && book.pnPieceFrom[pnCursor] <= t0)
            {
                fpn0 = pnAt(book, pnCursor, t0);
                fpn1 = pnAt(book, pnCursor, t1);
            }

            boolean edgesReady = flatBands;

            // acceptances in order, each against its baseline
            double base0 = 0.0;
            double base1 = 0.0;
            boolean previousCovers = false;
            for (int i = 0; i < k; i++)
            {
                final int a = list[i];
                final int pieceEnd = book.acceptancePieceStart[a + 1];
                int p = cursor[i];
                while (p < pieceEnd && book.accPieceTo[p] <= t0)
                {
                    p++;
                }
                cursor[i] = p;
                final boolean covers = p < pieceEnd && book.accPieceFrom[p] <= t0;
                if (!latestCovering && (i == 0 || list[i - 1] != a - 1 || !previousCovers))
                {
                    base0 = 0.0; // PREVIOUS_ACCEPTANCE_ONLY: FPN unless the previous acceptance covers this interval
                    base1 = 0.0;
                }
                previousCovers = covers;
                if (!covers)
                {
                    continue;
                }
                final double d0 = acceptanceAt(book, p, t0) - fpn0;
                final double d1 = acceptanceAt(book, p, t1) - fpn1;
                if (d0 != base0 || d1 != base1)
                {
                    if (!edgesReady)
                    {
                        bandEdges(book, out, topPair, bottomPair, t0, t1, absolute, upperToPair, lowerToPair);
                        edgesReady = true;
                    }
                    // only bands meeting the range swept between baseline and deviation can hold volume
                    final double low = Math.min(Math.min(d0, d1), Math.min(base0, base1));
                    final double high = Math.max(Math.max(d0, d1), Math.max(base0, base1));
                    final int row = i * AcceptedVolumes.PAIR_SLOTS;
                    for (int pair = bottomPair; pair <= topPair; pair++)
                    {
                        final int slot = pair + BalancingBook.MAX_PAIR;
                        if (pair != 0 && present[slot] && high > Math.min(lower0[slot], lower1[slot]) &&
                            low < Math.max(upper0[slot], upper1[slot]))
                        {
                            band(d0, d1, base0, base1, lower0[slot], lower1[slot], upper0[slot], upper1[slot], h,
                                offerAcc, bidAcc, row + slot, out.roots);
                        }
                    }
                    if (!upperToPair && high > Math.min(out.top0, out.top1))
                    {
                        band(d0, d1, base0, base1, out.top0, out.top1, FAR, FAR, h, offerAcc, bidAcc,
                            row + ZERO_SLOT, out.roots);
                    }
                    if (!lowerToPair && low < Math.max(out.bottom0, out.bottom1))
                    {
                        band(d0, d1, base0, base1, -FAR, -FAR, out.bottom0, out.bottom1, h, offerAcc, bidAcc,
                            row + ZERO_SLOT, out.roots);
                    }
                }
                base0 = d0;
                base1 = d1;
            }
        }

        emitRows(options, book, unit, k, firstSlot, lastSlot, out);
    }

    /**
     * The pair's BOD piece in force at {@code t0}, advancing the pair's cursor past pieces that ended (intervals are
     * visited in time order), or -1 when none covers {@code t0} (a gap in BOD: the band has no width).
     */
    private static int pieceAt(final BalancingBook book, final AcceptedVolumes out, final int slot, final long t0)
    {
        int p = out.pairCursor[slot];
        final int groupEnd = out.pairGroupEnd[slot];
        while (p < groupEnd && book.bodPieceTo[p] <= t0)
        {
            p++;
        }
        out.pairCursor[slot] = p;
        return p < groupEnd && book.bodPieceFrom[p] <= t0 ? p : -1;
    }

    /**
     * Band edges at both ends of an interval into {@code out}: positive pairs stack up from FPN, negative pairs down;
     * {@code out.top*} and {@code out.bottom*} are the outermost edges, where the outside regions begin.
     */
    private static void bandEdges(
        final BalancingBook book,
        final AcceptedVolumes out,
        final int topPair,
        final int bottomPair,
        final long t0,
        final long t1,
        final boolean absolute,
        final boolean upperToPair,
        final boolean lowerToPair)
    {
        final boolean[] present = out.pairPresent;
        final double[] lower0 = out.lower0;
        final double[] lower1 = out.lower1;
        final double[] upper0 = out.upper0;
        final double[] upper1 = out.upper1;
        double top0 = 0.0;
        double top1 = 0.0;
        for (int pair = 1; pair <= topPair; pair++)
        {
            final int slot = pair + BalancingBook.MAX_PAIR;
            if (!present[slot])
            {
                continue;
            }
            final int p = pieceAt(book, out, slot, t0);
            final double w0 = p < 0 ? 0.0 : widthAt(book, p, pair, t0, absolute);
            final double w1 = p < 0 ? 0.0 : widthAt(book, p, pair, t1, absolute);
            lower0[slot] = top0;
            lower1[slot] = top1;
            top0 += w0;
            top1 += w1;
            upper0[slot] = top0;
            upper1[slot] = top1;
        }
        double bottom0 = 0.0;
        double bottom1 = 0.0;
        for (int pair = -1; pair >= bottomPair; pair--)
        {
            final int slot = pair + BalancingBook.MAX_PAIR;
            if (!present[slot])
            {
                continue;
            }
            final int p = pieceAt(book, out, slot, t0);
            final double w0 = p < 0 ? 0.0 : widthAt(book, p, pair, t0, absolute);
            final double w1 = p < 0 ? 0.0 : widthAt(book, p, pair, t1, absolute);
            upper0[slot] = bottom0;
            upper1[slot] = bottom1;
            bottom0 -= w0;
            bottom1 -= w1;
            lower0[slot] = bottom0;
            lower1[slot] = bottom1;
        }
        out.top0 = top0;
        out.top1 = top1;
        out.bottom0 = bottom0;
        out.bottom1 = bottom1;
        if (upperToPair)
        {
            upper0[topPair + BalancingBook.MAX_PAIR] = FAR;
            upper1[topPair + BalancingBook.MAX_PAIR] = FAR;
        }
        if (lowerToPair)
        {
            lower0[bottomPair + BalancingBook.MAX_PAIR] = -FAR;
            lower1[bottomPair + BalancingBook.MAX_PAIR] = -FAR;
        }
    }

    private static void emitRows(
        final VolumeOptions options,
        final BalancingBook book,
        final int unit,
        final int k,
        final int firstSlot,
        final int lastSlot,
        final AcceptedVolumes out)
    {
        final double[] offerAcc = out.offerAccumulator;
        final double[] bidAcc = out.bidAccumulator;
        final int[] list = out.acceptances;
        double unitOffer = 0.0;
        double unitBid = 0.0;
        for (int i = 0; i < k; i++)
        {
            final int a = list[i];
            final long duration = book.continuousDurationSeconds(a, options.cadlChain());
            for (int slot = firstSlot; slot <= lastSlot; slot++)
            {
                final int cell = i * AcceptedVolumes.PAIR_SLOTS + slot;
                final double offer = offerAcc[cell] / SECONDS_PER_HOUR;
                final double bid = bidAcc[cell] / SECONDS_PER_HOUR;
                if (offer == 0.0 && bid == 0.0)
                {
                    continue;
                }
                final int r = out.count;
                if (r == out.rowCapacity())
                {
                    throw new IllegalStateException("row capacity " + r + " exceeded in period " + out.period);
                }
                out.count = r + 1;
                out.bmUnit[r] = unit;
                out.acceptanceNumber[r] = book.acceptanceNumber[a];
                out.acceptanceTime[r] = book.acceptanceTime[a];
                out.pairId[r] = slot - BalancingBook.MAX_PAIR;
                out.offerVolume[r] = offer;
                out.bidVolume[r] = bid;
                out.offerPrice[r] = slot == ZERO_SLOT ? AcceptedVolumes.NO_PRICE : out.pairOffer[slot];
                out.bidPrice[r] = slot == ZERO_SLOT ? AcceptedVolumes.NO_PRICE : out.pairBid[slot];
                out.flags[r] = book.acceptanceFlags[a];
                out.continuousDuration[r] = duration;
                unitOffer += offer;
                unitBid += bid;
            }
        }
        out.totalOffer[unit] = unitOffer;
        out.totalBid[unit] = unitBid;
    }

    /**
     * Adds the exact integrals of the positive and negative parts of clamp(d, L, U) - clamp(b, L, U) over an interval
     * of {@code h} seconds on which d, b, L and U are linear (values given at both ends), in MW·s.
     */
    static void band(
        final double d0, final double d1, final double b0, final double b1,
        final double l0, final double l1, final double u0, final double u1,
        final double h, final double[] offerAcc, final double[] bidAcc, final int cell, final double[] roots)
    {
        final double lowMin = Math.min(l0, l1);
        final double highMax = Math.max(u0, u1);
        if (d0 <= lowMin && d1 <= lowMin && b0 <= lowMin && b1 <= lowMin)
        {
            return; // both clamp to the lower edge throughout
        }
        if (d0 >= highMax && d1 >= highMax && b0 >= highMax && b1 >= highMax)
        {
            return;
        }
        int n = 0;
        n = addRoot(roots, n, d0 - l0, d1 - l1);
        n = addRoot(roots, n, d0 - u0, d1 - u1);
        n = addRoot(roots, n, b0 - l0, b1 - l1);
        n = addRoot(roots, n, b0 - u0, b1 - u1);
        // insertion sort of at most four fractions
        for (int i = 1; i < n; i++)
        {
            final double x = roots[i];
            int j = i - 1;
            while (j >= 0 && roots[j] > x)
            {
                roots[j + 1] = roots[j];
                j--;
            }
            roots[j + 1] = x;
        }
        double offer = 0.0;
        double bid = 0.0;
        double s0 = 0.0;
        double f0 = clamp(d0, l0, u0) - clamp(b0, l0, u0);
        for (int i = 0; i <= n; i++)
        {
            final double s1 = i < n ? roots[i] : 1.0;
            final double f1;
            if (i < n)
            {
                final double l = l0 + (l1 - l0) * s1;
                final double u = u0 + (u1 - u0) * s1;
                f1 = clamp(d0 + (d1 - d0) * s1, l, u) - clamp(b0 + (b1 - b0) * s1, l, u);
            }
            else
            {
                f1 = clamp(d1, l1, u1) - clamp(b1, l1, u1);
            }
            final double w = (s1 - s0) * h;
            if (f0 >= 0.0 && f1 >= 0.0)
            {
                offer += 0.5 * (f0 + f1) * w;
            }
            else if (f0 <= 0.0 && f1 <= 0.0)
            {
                bid += 0.5 * (f0 + f1) * w;
            }
            else
            {
                final double total = Math.abs(f0) + Math.abs(f1);
                final double hi = Math.max(f0, f1);
                final double lo = Math.min(f0, f1);
                offer += 0.5 * hi * hi / total * w;
                bid -= 0.5 * lo * lo / total * w;
            }
            s0 = s1;
            f0 = f1;
        }
        offerAcc[cell] += offer;
        bidAcc[cell] += bid;
    }

    private static int addRoot(final double[] roots, final int n, final double x0, final double x1)
    {
        if ((x0 < 0.0 && x1 > 0.0) || (x0 > 0.0 && x1 < 0.0))
        {
            roots[n] = x0 / (x0 - x1);
            return n + 1;
        }
        return n;
    }

    private static double clamp(final double x, final double low, final double high)
    {
        return Math.max(low, Math.min(x, high));
    }

    private static int addCut(final long[] cuts, final int count, final long t, final long start, final long end)
    {
        if (t > start && t < end)
        {
            cuts[count] = t;
            return count + 1;
        }
        return count;
    }

    private static int sortUnique(final long[] cuts, final int count)
    {
        for (int i = 1; i < count; i++)
        {
            final long x = cuts[i];
            int j = i - 1;
            while (j >= 0 && cuts[j] > x)
            {
                cuts[j + 1] = cuts[j];
                j--;
            }
            cuts[j + 1] = x;
        }
        int unique = count == 0 ? 0 : 1;
        for (int i = 1; i < count; i++)
        {
            if (cuts[i] != cuts[unique - 1])
            {
                cuts[unique++] = cuts[i];
            }
        }
        return unique;
    }
}
