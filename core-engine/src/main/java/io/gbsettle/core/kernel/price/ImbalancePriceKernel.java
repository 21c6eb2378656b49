package io.gbsettle.core.kernel.price;

/**
 * The single imbalance price of one Settlement Period (bsc-calculations.md §5), allocation-free: every array it
 * works on belongs to the {@link PriceStack} or the {@link PriceResult}, sorting is a primitive index sort, and
 * nothing is boxed or captured.
 *
 * <p>Steps, in order: (1) action prices and loss factors (TLM for BOAs, 1 otherwise; demand control at VoLL);
 * (2) STOR re-pricing to RSVP = LoLP x VoLL inside a STOR availability window; (3) first-stage flags (SO,
 * emergency, CADL, derived from the duration when asked); (4) buy and sell ranked sets, cheapest first;
 * (5) de minimis tagging; (6) arbitrage tagging; (7) classification; (8) NIV tagging; (9) replacement price over
 * RPAR for second-stage flagged volume left in the NIV, then re-ranking; (10) PAR tagging; (11) TLM-weighted
 * average plus BPA (NIV &gt; 0) or SPA (NIV &lt; 0); (12) the Market Price when NIV is zero or nothing remains.
 * Equal prices share arbitrage, NIV and PAR tagging pro rata, so the result never depends on the input order.
 */
public final class ImbalancePriceKernel
{
    /**
     * The grid computed prices are rounded to (1e-9 £/MWh) so that a price equal on paper to a submitted one is
     * equal in the comparisons that rank and group actions; see {@link #onPriceGrid(double)}.
     */
    public static final double PRICE_QUANTUM = 1e-9;

    private static final double STEPS_PER_POUND = 1e9;
    private static final int OFFERS = 0;
    private static final int BIDS = 1;
    private static final int ADJUSTMENT_BUY = 2;
    private static final int ADJUSTMENT_SELL = 3;

    private ImbalancePriceKernel()
    {
    }

    /**
     * Prices one period.
     *
     * @param parameters the parameters in force on the settlement date ({@link PriceParameters#on(long)}).
     * @param options    the interpretation choices ({@link PriceOptions#defaults()}).
     * @param stack      the period's actions and adjusters; not changed.
     * @param result     receives the price, the published figures and the per-action stages.
     */
    public static void price(
        final PriceParameters parameters, final PriceOptions options, final PriceStack stack,
        final PriceResult result)
    {
        final int n = stack.size;
        if (n > result.capacity)
        {
            throw new IllegalArgumentException("result capacity " + result.capacity + " < stack size " + n);
        }
        result.size = n;
        prepareActions(parameters, stack, result);
        deMinimis(parameters, options, stack, result);
        copySigned(result, result.remaining, result.dmatVolume, n);

        final double[] remaining = result.remaining;
        final double[] rankKey = result.rankKey;
        final double nullKey = options.nullPriceRank() == PriceOptions.NullPriceRank.MOST_EXPENSIVE ?
            Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        int nb = 0;
        int ns = 0;
        for (int r = 0; r < n; r++)
        {
            final double p = result.originalPrice[r];
            final boolean buy = stack.volume[r] > 0;
            rankKey[r] = p != p ? nullKey : (buy ? p : -p) + 0.0;
            if (remaining[r] > 0)
            {
                if (buy)
                {
                    result.buys[nb++] = r;
                }
                else
                {
                    result.sells[ns++] = r;
                }
            }
        }
        IndexSort.byRank(result.buys, nb, rankKey, result);
        IndexSort.byRank(result.sells, ns, rankKey, result);

        arbitrage(result, nb, ns, options.zeroVolume());
        copySigned(result, remaining, result.arbitrageVolume, n);
        systemTaggedTotals(stack, result);

        classify(options, result, result.buys, nb);
        classify(options, result, result.sells, ns);

        final double marketPrice = marketPrice(parameters, stack);
        result.marketPrice = marketPrice;
        result.replacementPrice = Double.NaN;
        result.replacementPriceReferenceVolume = Double.NaN;

        final double buyVolume = sum(remaining, result.buys, nb);
        final double sellVolume = sum(remaining, result.sells, ns);
        final double niv = buyVolume - sellVolume;
        if (Math.abs(niv) <= options.zeroVolume())
        {
            result.netImbalanceVolume = 0;
            java.util.Arrays.fill(remaining, 0, n, 0.0);
            copySigned(result, remaining, result.nivVolume, n);
            copySigned(result, remaining, result.parVolume, n);
            marketPriceDefault(result, marketPrice);
            return;
        }
        result.netImbalanceVolume = niv;
        final boolean systemShort = niv > 0;
        final int[] side = systemShort ? result.buys : result.sells;
        final int m = systemShort ? nb : ns;
        zero(remaining, systemShort ? result.sells : result.buys, systemShort ? ns : nb);
        removeMostExpensive(side, m, rankKey, remaining, systemShort ? sellVolume : buyVolume, options.zeroVolume());
        copySigned(result, remaining, result.nivVolume, n);

        final boolean marketPriceReplacement = replacementPrice(parameters, options, result, side, m, systemShort);
        keepMostExpensive(side, m, rankKey, remaining, parameters.par(), options.zeroVolume());
        copySigned(result, remaining, result.parVolume, n);

        // Anchored like the replacement price: a final set of one price averages to exactly that price.
        double anchor = Double.NaN;
        double cost = 0;
        double volume = 0;
        for (int i = 0; i < m; i++)
        {
            final int r = side[i];
            final double v = remaining[r] * result.lossFactor[r];
            if (v != 0)
            {
                if (anchor != anchor)
                {
                    anchor = result.finalPrice[r];
                }
                cost += v * (result.finalPrice[r] - anchor);
                volume += v;
            }
        }
        if (!(volume > 0))
        {
            marketPriceDefault(result, marketPrice);
            return;
        }
        result.mainPrice = anchor + cost / volume;
        final double adjuster = marketPriceReplacement && !options.adjusterOnMarketPriceReplacement() ? 0 :
            systemShort ? stack.bpa : stack.spa;
        result.adjuster = adjuster;
        result.systemPrice = result.mainPrice + adjuster;
        result.priceDerivationCode = systemShort ? PriceResult.CODE_NIV_POSITIVE : PriceResult.CODE_NIV_NEGATIVE;
    }

    private static void prepareActions(
        final PriceParameters parameters, final PriceStack stack, final PriceResult result)
    {
        final int n = stack.size;
        final double voll = parameters.voll();
        final double rsvp = stack.lolp != stack.lolp ? Double.NaN : stack.lolp * voll;
        final boolean window = stack.storWindow;
        final long cadlSeconds = parameters.cadlSeconds();
        result.reserveScarcityPrice = rsvp;
        for (int r = 0; r < n; r++)
        {
            final byte kind = stack.kind[r];
            final double v = stack.volume[r];
            double p = kind == PriceStack.KIND_DEMAND_CONTROL ? voll : stack.price[r];
            boolean storRepriced = false;
            if (stack.stor[r] && window && rsvp == rsvp && p == p && rsvp > p)
            {
                p = rsvp;
                storRepriced = true;
            }
            result.originalPrice[r] = p;
            result.finalPrice[r] = p;
            result.storRepriced[r] = storRepriced;
            result.replacementRepriced[r] = false;
            result.secondStageFlagged[r] = false;
            final boolean boa = kind == PriceStack.KIND_BOA;
            result.lossFactor[r] = boa ? stack.tlm[r] : 1;
            final int cadl = stack.cadl[r];
            final boolean cadlFlagged = cadl == PriceStack.CADL_YES ||
                cadl == PriceStack.CADL_DERIVE && stack.durationSeconds[r] < cadlSeconds;
            result.firstStageFlagged[r] = stack.so[r] || stack.emergency[r] || boa && cadlFlagged;
            result.remaining[r] = Math.abs(v);
            result.sign[r] = v < 0 ? -1.0 : 1.0;
        }
        final double[] totals = result.kindTotals;
        sumByKind(stack, stack.volume, totals);
        result.totalAcceptedOfferVolume = totals[OFFERS];
        result.totalAcceptedBidVolume = totals[BIDS];
        result.totalAdjustmentBuyVolume = totals[ADJUSTMENT_BUY];
        result.totalAdjustmentSellVolume = totals[ADJUSTMENT_SELL];
    }

    /**
     * Sums a volume column into {@code totals}: BOA offers and bids, BSAD buys and sells (other kinds are in
     * neither, as in Elexon's published totals).
     */
    private static void sumByKind(final PriceStack stack, final double[] volume, final double[] totals)
    {
        totals[OFFERS] = 0;
        totals[BIDS] = 0;
        totals[ADJUSTMENT_BUY] = 0;
        totals[ADJUSTMENT_SELL] = 0;
        for (int r = 0; r < stack.size; r++)
        {
            final double v = volume[r];
            final byte kind = stack.kind[r];
            if (kind == PriceStack.KIND_BOA)
            {
                totals[v > 0 ? OFFERS : BIDS] += v;
            }
            else if (kind == PriceStack.KIND_BSAD)
            {
                totals[v > 0 ? ADJUSTMENT_BUY : ADJUSTMENT_SELL] += v;
            }
        }
    }

    private static void deMinimis(
        final PriceParameters parameters, final PriceOptions options, final PriceStack stack,
        final PriceResult result)
    {
        final int n = stack.size;
        final double dmat = parameters.dmat();
        final double[] remaining = result.remaining;
        final PriceOptions.DmatGranularity granularity = options.dmatGranularity();
        if (granularity == PriceOptions.DmatGranularity.PER_ROW)
        {
            for (int r = 0; r < n; r++)
            {
                if (remaining[r] < dmat)
                {
                    remaining[r] = 0;
                }
            }
            return;
        }
        final boolean perAcceptance = granularity == PriceOptions.DmatGranularity.PER_ACCEPTANCE_SIDE;
        // A group is tagged when its total is under DMAT, so only groups made entirely of rows under DMAT can be:
        // sum the small BOA rows by group in an open-addressing table (linear probing, generation-stamped so it is
        // never cleared), then let any row at or over DMAT mark its group safe.
        final long[] tableKey = result.tableKey;
        final int[] tableStamp = result.tableStamp;
        final int[] tableGroup = result.tableGroup;
        final double[] groupSum = result.groupSum;
        final int[] rowGroup = result.rowGroup;
        final int mask = tableKey.length - 1;
        final int stamp = result.nextTableStamp();
        int groups = 0;
        for (int r = 0; r < n; r++)
        {
            if (remaining[r] >= dmat)
            {
                continue;
            }
            if (stack.kind[r] != PriceStack.KIND_BOA)
            {
                remaining[r] = 0;
                continue;
            }
            final long key = groupKey(stack, r, perAcceptance);
            int slot = result.slotOf(key);
            while (tableStamp[slot] == stamp && tableKey[slot] != key)
            {
                slot = (slot + 1) & mask;
            }
            if (tableStamp[slot] != stamp)
            {
                tableStamp[slot] = stamp;
                tableKey[slot] = key;
                tableGroup[slot] = groups;
                groupSum[groups++] = 0;
            }
            final int group = tableGroup[slot];
            rowGroup[r] = group;
            groupSum[group] += remaining[r];
        }
        if (groups == 0)
        {
            return;
        }
        for (int r = 0; r < n; r++)
        {
            if (remaining[r] >= dmat && stack.kind[r] == PriceStack.KIND_BOA)
            {
                final long key = groupKey(stack, r, perAcceptance);
                int slot = result.slotOf(key);
                while (tableStamp[slot] == stamp && tableKey[slot] != key)
                {
                    slot = (slot + 1) & mask;
                }
                if (tableStamp[slot] == stamp)
                {
                    groupSum[tableGroup[slot]] = Double.POSITIVE_INFINITY;
                }
            }
        }
        // A sum of rows is compared with DMAT less the zero-volume tolerance: 0.01 + 0.09 is 0.09999999999999999 in
        // binary, and a group of exactly DMAT is not "less than DMAT" (§5.6).
        final double groupThreshold = dmat - options.zeroVolume();
        for (int r = 0; r < n; r++)
        {
            if (remaining[r] < dmat && stack.kind[r] == PriceStack.KIND_BOA && groupSum[rowGroup[r]] < groupThreshold)
            {
                remaining[r] = 0;
            }
        }
    }

    private static long groupKey(final PriceStack stack, final int r, final boolean perAcceptance)
    {
        final long sideBit = stack.volume[r] < 0 ? Long.MIN_VALUE : 0;
        final long low = perAcceptance ? stack.id[r] : stack.pairId[r] & 0xFFFF_FFFFL;
        return sideBit | (long)stack.bmUnit[r] << 40 | low;
    }

    private static void arbitrage(final PriceResult result, final int nb, final int ns, final double zero)
    {
        final int[] buys = result.buys;
        final int[] sells = result.sells;
        final double[] remaining = result.remaining;
        final double[] price = result.originalPrice;
        final double[] key = result.rankKey;
        int bi = 0;
        int si = 0;
        while (true)
        {
            while (bi < nb && (remaining[buys[bi]] == 0 || price[buys[bi]] != price[buys[bi]]))
            {
                bi++;
            }
            while (si < ns && (remaining[sells[si]] == 0 || price[sells[si]] != price[sells[si]]))
            {
                si++;
            }
            if (bi >= nb || si >= ns || price[buys[bi]] > price[sells[si]])
            {
                return;
            }
            final double buyKey = key[buys[bi]];
            int bEnd = bi;
            double buyVolume = 0;
            while (bEnd < nb && key[buys[bEnd]] == buyKey)
            {
                buyVolume += remaining[buys[bEnd]];
                bEnd++;
            }
            final double sellKey = key[sells[si]];
            int sEnd = si;
            double sellVolume = 0;
            while (sEnd < ns && key[sells[sEnd]] == sellKey)
            {
                sellVolume += remaining[sells[sEnd]];
                sEnd++;
            }
            if (buyVolume <= sellVolume)
            {
                scale(remaining, buys, bi, bEnd, 0, 1, zero);
                scale(remaining, sells, si, sEnd, sellVolume - buyVolume, sellVolume, zero);
            }
            else
            {
                scale(remaining, sells, si, sEnd, 0, 1, zero);
                scale(remaining, buys, bi, bEnd, buyVolume - sellVolume, buyVolume, zero);
            }
        }
    }

    private static void classify(final PriceOptions options, final PriceResult result, final int[] set, final int m)
    {
        final double[] remaining = result.remaining;
        final double[] price = result.originalPrice;
        final double[] key = result.rankKey;
        final boolean[] flagged = result.firstStageFlagged;
        boolean hasUnflagged = false;
        double threshold = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m; i++)
        {
            final int r = set[i];
            if (remaining[r] > 0 && !flagged[r] && price[r] == price[r])
            {
                hasUnflagged = true;
                threshold = Math.max(threshold, key[r]);
            }
        }
        final boolean tieFlagged = options.classificationTie() == PriceOptions.ClassificationTie.FLAGGED;
        for (int i = 0; i < m; i++)
        {
            final int r = set[i];
            final boolean second;
            if (price[r] != price[r])
            {
                second = true;
            }
            else if (!flagged[r])
            {
                second = false;
            }
            else if (!hasUnflagged)
            {
                second = true;
            }
            else
            {
                second = key[r] > threshold || key[r] == threshold && tieFlagged;
            }
            result.secondStageFlagged[r] = second;
        }
    }

    /**
     * Steps 9: when second-stage flagged volume is left in the NIV, prices it at the average of the most expensive
     * RPAR of the unflagged volume (the Market Price when there is none) and re-ranks the set.
     *
     * @return true when the replacement price is the Market Price fallback.
     */
    private static boolean replacementPrice(
        final PriceParameters parameters, final PriceOptions options, final PriceResult result, final int[] side,
        final int m, final boolean buy)
    {
        final double[] remaining = result.remaining;
        final double[] key = result.rankKey;
        final boolean[] second = result.secondStageFlagged;
        boolean anyFlagged = false;
        for (int i = 0; i < m; i++)
        {
            final int r = side[i];
            if (remaining[r] > 0 && second[r])
            {
                anyFlagged = true;
                break;
            }
        }
        if (!anyFlagged)
        {
            return false;
        }
        final boolean tlmWeighted = options.replacementPriceTlmWeighted();
        // Averaged as anchor + weighted deviations, so that equal prices average to exactly that price and the
        // re-priced actions tie with the unflagged ones they were priced from (PAR shares ties pro rata).
        double anchor = Double.NaN;
        double left = parameters.rpar();
        double cost = 0;
        double weight = 0;
        double reference = 0;
        int i = m - 1;
        while (i >= 0 && left > 0)
        {
            final double groupKey = key[side[i]];
            int start = i;
            double group = 0;
            while (start >= 0 && key[side[start]] == groupKey)
            {
                final int r = side[start];
                if (!second[r])
                {
                    group += remaining[r];
                }
                start--;
            }
            if (group > 0)
            {
                final double share = group <= left ? 1 : left / group;
                for (int j = start + 1; j <= i; j++)
                {
                    final int r = side[j];
                    if (!second[r] && remaining[r] > 0)
                    {
                        final double v = remaining[r] * share * (tlmWeighted ? result.lossFactor[r] : 1);
                        if (anchor != anchor)
                        {
                            anchor = result.originalPrice[r];
                        }
                        cost += v * (result.originalPrice[r] - anchor);
                        weight += v;
                    }
                }
                if (share < 1)
                {
                    reference += left;
                    left = 0;
                }
                else
                {
                    reference += group;
                    left -= group;
                }
            }
            i = start;
        }
        final boolean fallback = !(weight > 0);
        final double rp = fallback ? result.marketPrice : onPriceGrid(anchor + cost / weight);
        result.replacementPrice = rp;
        result.replacementPriceReferenceVolume = fallback ? 0 : reference;
        for (int j = 0; j < m; j++)
        {
            final int r = side[j];
            if (remaining[r] > 0 && second[r])
            {
                result.finalPrice[r] = rp;
                result.replacementRepriced[r] = true;
                key[r] = (buy ? rp : -rp) + 0.0;
            }
        }
        rerank(result, side, m, (buy ? rp : -rp) + 0.0);
        return fallback;
    }

    /**
     * Rounds a computed price to {@link #PRICE_QUANTUM}. A replacement price that is on paper equal to a submitted
     * price (an average of 10, 30 and 100 that comes to 30) must compare equal to it, or PAR tagging ranks the
     * re-priced actions strictly after the submitted one instead of sharing the slice pro rata at the boundary
     * price (§5.11); the division leaves a last-bit error (30.000000000000004) that the rounding removes. Submitted
     * prices have two decimals, so the grid changes no real price.
     */
    static double onPriceGrid(final double price)
    {
        return Math.rint(price * STEPS_PER_POUND) / STEPS_PER_POUND;
    }

    /**
     * Restores the ranking after re-pricing in linear time: the rows that kept their price are still in order, and
     * the re-priced ones all share one key, so a stable partition and one merge suffice.
     */
    private static void rerank(final PriceResult result, final int[] side, final int m, final double repricedKey)
    {
        final boolean[] repriced = result.replacementRepriced;
        final double[] key = result.rankKey;
        final int[] moved = result.mergeScratch;
        final int[] merged = result.sortScratch;
        int kept = 0;
        int count = 0;
        for (int j = 0; j < m; j++)
        {
            final int r = side[j];
            if (repriced[r])
            {
                moved[count++] = r;
            }
            else
            {
                side[kept++] = r;
            }
        }
        int a = 0;
        int b = 0;
        int o = 0;
        while (a < kept && b < count)
        {
            merged[o++] = key[side[a]] <= repricedKey ? side[a++] : moved[b++];
        }
        while (a < kept)
        {
            merged[o++] = side[a++];
        }
        while (b < count)
        {
            merged[o++] = moved[b++];
        }
        System.arraycopy(merged, 0, side, 0, m);
    }

    private static void removeMostExpensive(
        final int[] set, final int m, final double[] key, final double[] remaining, final double volume,
        final double zero)
    {
        double left = volume;
        int i = m - 1;
        while (i >= 0 && left > 0)
        {
            final double groupKey = key[set[i]];
            int start = i;
            double group = 0;
            while (start >= 0 && key[set[start]] == groupKey)
            {
                group += remaining[set[start]];
                start--;
            }
            if (group > 0)
            {
                if (group <= left)
                {
                    scale(remaining, set, start + 1, i + 1, 0, 1, zero);
                    left -= group;
                }
                else
                {
                    scale(remaining, set, start + 1, i + 1, group - left, group, zero);
                    left = 0;
                }
            }
            i = start;
        }
    }

    private static void keepMostExpensive(
        final int[] set, final int m, final double[] key, final double[] remaining, final double volume,
        final double zero)
    {
        double left = volume;
        int i = m - 1;
        while (i >= 0)
        {
            final double groupKey = key[set[i]];
            int start = i;
            double group = 0;
            while (start >= 0 && key[set[start]] == groupKey)
            {
                group += remaining[set[start]];
                start--;
            }
            if (left <= 0)
            {
                scale(remaining, set, start + 1, i + 1, 0, 1, zero);
            }
            else if (group > left)
            {
                scale(remaining, set, start + 1, i + 1, left, group, zero);
                left = 0;
            }
            else
            {
                left -= group;
            }
            i = start;
        }
    }

    private static double marketPrice(final PriceParameters parameters, final PriceStack stack)
    {
        final double threshold = parameters.liquidityThreshold();
        double cost = 0;
        double volume = 0;
        for (int i = 0; i < stack.marketIndexCount; i++)
        {
            final double v = stack.marketIndexVolume[i];
            if (v >= threshold && v > 0)
            {
                cost += v * stack.marketIndexPrice[i];
                volume += v;
            }
        }
        return volume > 0 ? cost / volume : 0;
    }

    private static void marketPriceDefault(final PriceResult result, final double marketPrice)
    {
        result.mainPrice = marketPrice;
        result.adjuster = 0;
        result.systemPrice = marketPrice;
        result.priceDerivationCode = PriceResult.CODE_MARKET_PRICE;
    }

    private static void systemTaggedTotals(final PriceStack stack, final PriceResult result)
    {
        final double[] totals = result.kindTotals;
        sumByKind(stack, result.arbitrageVolume, totals);
        result.totalSystemTaggedAcceptedOfferVolume = totals[OFFERS];
        result.totalSystemTaggedAcceptedBidVolume = totals[BIDS];
        result.totalSystemTaggedAdjustmentBuyVolume = totals[ADJUSTMENT_BUY];
        result.totalSystemTaggedAdjustmentSellVolume = totals[ADJUSTMENT_SELL];
    }

    /**
     * Keeps {@code keep / total} of each volume (multiplying first, so that a lone action keeps exactly
     * {@code keep}); what is left at or below the zero-volume tolerance is zero.
     */
    private static void scale(
        final double[] remaining, final int[] set, final int from, final int to, final double keep,
        final double total, final double zero)
    {
        for (int i = from; i < to; i++)
        {
            final double v = remaining[set[i]] * keep / total;
            remaining[set[i]] = v <= zero ? 0 : v;
        }
    }

    private static void zero(final double[] remaining, final int[] set, final int m)
    {
        for (int i = 0; i < m; i++)
        {
            remaining[set[i]] = 0;
        }
    }

    private static double sum(final double[] remaining, final int[] set, final int m)
    {
        double total = 0;
        for (int i = 0; i < m; i++)
        {
            total += remaining[set[i]];
        }
        return total;
    }

    private static void copySigned(final PriceResult result, final double[] magnitude, final double[] out, final int n)
    {
        final double[] sign = result.sign;
        for (int r = 0; r < n; r++)
        {
            out[r] = magnitude[r] * sign[r] + 0.0;
        }
    }
}
