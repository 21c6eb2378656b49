package io.gbsettle.core.kernel.price;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reference implementation the kernel is held to: plain objects, lists, comparators and obvious loops,
 * following bsc-calculations.md §5 step by step. Slow and allocating on purpose; tests only.
 */
final class NaivePriceModel
{
    /** One balancing action. */
    static final class Action
    {
        final int row;
        final byte kind;
        final int bmUnit;
        final long id;
        final int pair;
        final double volume;
        final boolean buy;
        final double lambda;
        double price;
        boolean flagged;
        boolean secondFlagged;
        double left;
        double dmat;
        double arbitrage;
        double niv;
        double par;
        double finalPrice;

        Action(final PriceStack stack, final int r, final PriceParameters parameters)
        {
            row = r;
            kind = stack.kind[r];
            bmUnit = stack.bmUnit[r];
            id = stack.id[r];
            pair = stack.pairId[r];
            volume = stack.volume[r];
            buy = volume > 0;
            lambda = kind == PriceStack.KIND_BOA ? stack.tlm[r] : 1.0;
            price = kind == PriceStack.KIND_DEMAND_CONTROL ? parameters.voll() : stack.price[r];
            final double rsvp = stack.lolp * parameters.voll();
            if (stack.stor[r] && stack.storWindow && !Double.isNaN(rsvp) && !Double.isNaN(price) && rsvp > price)
            {
                price = rsvp;
            }
            final boolean cadl = kind == PriceStack.KIND_BOA && (stack.cadl[r] == PriceStack.CADL_YES ||
                stack.cadl[r] == PriceStack.CADL_DERIVE && stack.durationSeconds[r] < parameters.cadlSeconds());
            flagged = stack.so[r] || stack.emergency[r] || cadl;
            left = Math.abs(volume);
            finalPrice = price;
        }

        double signed(final double magnitude)
        {
            return magnitude == 0 ? 0 : buy ? magnitude : -magnitude;
        }
    }

    /** What the model computes. */
    static final class Outcome
    {
        final List<Action> actions = new ArrayList<>();
        double price;
        double niv;
        double replacementPrice = Double.NaN;
        double marketPrice;
    }

    private NaivePriceModel()
    {
    }

    static Outcome price(final PriceParameters parameters, final PriceOptions options, final PriceStack stack)
    {
        final Outcome out = new Outcome();
        for (int r = 0; r < stack.size(); r++)
        {
            out.actions.add(new Action(stack, r, parameters));
        }
        double mipv = 0;
        double miv = 0;
        for (int i = 0; i < stack.marketIndexCount; i++)
        {
            if (stack.marketIndexVolume[i] >= parameters.liquidityThreshold() && stack.marketIndexVolume[i] > 0)
            {
                mipv += stack.marketIndexPrice[i] * stack.marketIndexVolume[i];
                miv += stack.marketIndexVolume[i];
            }
        }
        out.marketPrice = miv > 0 ? mipv / miv : 0;

        // De minimis.
        final Map<String, List<Action>> groups = new TreeMap<>();
        for (final Action a : out.actions)
        {
            final String key;
            if (a.kind != PriceStack.KIND_BOA || options.dmatGranularity() == PriceOptions.DmatGranularity.PER_ROW)
            {
                key = "row " + a.row;
            }
            else if (options.dmatGranularity() == PriceOptions.DmatGranularity.PER_ACCEPTANCE_SIDE)
            {
                key = a.bmUnit + "/" + a.id + "/" + a.buy;
            }
            else
            {
                key = a.bmUnit + "/pair " + a.pair + "/" + a.buy;
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
        }
        for (final Map.Entry<String, List<Action>> entry : groups.entrySet())
        {
            final List<Action> group = entry.getValue();
            double total = 0;
            for (final Action a : group)
            {
                total += a.left;
            }
            final boolean single = entry.getKey().startsWith("row ");
            if (total < (single ? parameters.dmat() : parameters.dmat() - options.zeroVolume()))
            {
                for (final Action a : group)
                {
                    a.left = 0;
                }
            }
        }
        for (final Action a : out.actions)
        {
            a.dmat = a.signed(a.left);
        }

        // Arbitrage: cheapest buy price vs dearest sell price, equal-priced actions together, pro rata.
        while (true)
        {
            final List<Action> cheapestBuys = extreme(out.actions, true, false);
            final List<Action> dearestSells = extreme(out.actions, false, true);
            if (cheapestBuys.isEmpty() || dearestSells.isEmpty() ||
                cheapestBuys.get(0).price > dearestSells.get(0).price)
            {
                break;
            }
            final double b = total(cheapestBuys);
            final double s = total(dearestSells);
            final double x = Math.min(b, s);
            for (final Action a : cheapestBuys)
            {
                a.left = x == b ? 0 : snap(a.left * (b - x) / b, options);
            }
            for (final Action a : dearestSells)
            {
                a.left = x == s ? 0 : snap(a.left * (s - x) / s, options);
            }
        }
        for (final Action a : out.actions)
        {
            a.arbitrage = a.signed(a.left);
        }

        // Classification.
        for (final boolean side : new boolean[] {true, false})
        {
            Double threshold = null;
            for (final Action a : out.actions)
            {
                if (a.buy == side && a.left > 0 && !a.flagged && !Double.isNaN(a.price))
                {
                    final double e = expense(a);
                    threshold = threshold == null ? e : Math.max(threshold, e);
                }
            }
            for (final Action a : out.actions)
            {
                if (a.buy != side)
                {
                    continue;
                }
                if (Double.isNaN(a.price))
                {
                    a.secondFlagged = true;
                }
                else if (!a.flagged)
                {
                    a.secondFlagged = false;
                }
                else if (threshold == null)
                {
                    a.secondFlagged = true;
                }
                else
                {
                    final double e = expense(a);
                    a.secondFlagged = e > threshold ||
                        e == threshold && options.classificationTie() == PriceOptions.ClassificationTie.FLAGGED;
                }
            }
        }

        // NIV.
        double buys = 0;
        double sells = 0;
        for (final Action a : out.actions)
        {
            if (a.buy)
            {
                buys += a.left;
            }
            else
            {
                sells += a.left;
            }
        }
        final double niv = buys - sells;
        if (Math.abs(niv) <= options.zeroVolume())
        {
            out.niv = 0;
            for (final Action a : out.actions)
            {
                a.left = 0;
            }
            out.price = out.marketPrice;
            return out;
        }
        out.niv = niv;
        final boolean side = niv > 0;
        final double nullRank = options.nullPriceRank() == PriceOptions.NullPriceRank.MOST_EXPENSIVE ?
            Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        final List<Action> set = new ArrayList<>();
        for (final Action a : out.actions)
        {
            if (a.buy == side)
            {
                set.add(a);
            }
            else
            {
                a.left = 0;
            }
        }
        // Remove from the most expensive end, price level by price level.
        double toRemove = side ? sells : buys;
        for (final List<Action> level : levelsDearestFirst(set, nullRank))
        {
            if (toRemove <= 0)
            {
                break;
            }
            final double g = total(level);
            if (g == 0)
            {
                continue;
            }
            if (g <= toRemove)
            {
                level.forEach(a -> a.left = 0);
                toRemove -= g;
            }
            else
            {
                final double keep = g - toRemove;
                level.forEach(a -> a.left = snap(a.left * keep / g, options));
                toRemove = 0;
            }
        }
        for (final Action a : out.actions)
        {
            a.niv = a.signed(a.left);
        }

        // Replacement price.
        boolean anyFlagged = false;
        final List<Action> unflagged = new ArrayList<>();
        for (final Action a : set)
        {
            if (a.left > 0 && a.secondFlagged)
            {
                anyFlagged = true;
            }
            if (a.left > 0 && !a.secondFlagged)
            {
                unflagged.add(a);
            }
        }
        boolean fallback = false;
        if (anyFlagged)
        {
            // Anchored average: equal prices must average to exactly that price (see the kernel).
            final List<List<Action>> levels = levelsDearestFirst(unflagged, nullRank);
            final double anchor = levels.isEmpty() ? 0 : levels.get(0).get(0).price;
            double cost = 0;
            double volume = 0;
            double room = parameters.rpar();
            for (final List<Action> level : levels)
            {
                if (room <= 0)
                {
                    break;
                }
                final double g = total(level);
                final double share = g <= room ? 1 : room / g;
                for (final Action a : level)
                {
                    final double w = a.left * share * (options.replacementPriceTlmWeighted() ? a.lambda : 1);
                    cost += w * (a.price - anchor);
                    volume += w;
                }
                room = share < 1 ? 0 : room - g;
            }
            fallback = volume <= 0;
            out.replacementPrice = fallback ? out.marketPrice : ImbalancePriceKernel.onPriceGrid(anchor + cost / volume);
            for (final Action a : set)
            {
                if (a.left > 0 && a.secondFlagged)
                {
                    a.finalPrice = out.replacementPrice;
                }
            }
        }

        // PAR on the re-priced set.
        double room = parameters.par();
        for (final List<Action> level : levelsDearestFirstFinal(set))
        {
            final double g = total(level);
            if (room <= 0)
            {
                level.forEach(a -> a.left = 0);
            }
            else if (g > room)
            {
                final double share = room;
                level.forEach(a -> a.left = snap(a.left * share / g, options));
                room = 0;
            }
            else
            {
                room -= g;
            }
        }
        double cost = 0;
        double volume = 0;
        for (final Action a : out.actions)
        {
            a.par = a.signed(a.left);
            cost += a.left * a.lambda * (a.left == 0 ? 0 : a.finalPrice);
            volume += a.left * a.lambda;
        }
        if (volume <= 0)
        {
            out.price = out.marketPrice;
            return out;
        }
        final double adjuster = fallback && !options.adjusterOnMarketPriceReplacement() ? 0 :
            side ? stack.bpa : stack.spa;
        out.price = cost / volume + adjuster;
        return out;
    }

    /** Pro rata leftovers at or below the zero-volume tolerance are zero. */
    private static double snap(final double v, final PriceOptions options)
    {
        return v <= options.zeroVolume() ? 0 : v;
    }

    private static double expense(final Action a)
    {
        return (a.buy ? a.price : -a.price) + 0.0;
    }

    private static double total(final List<Action> actions)
    {
        double t = 0;
        for (final Action a : actions)
        {
            t += a.left;
        }
        return t;
    }

    /** The remaining priced actions of one side at its cheapest (buys) or dearest (sells) price. */
    private static List<Action> extreme(final List<Action> actions, final boolean buy, final boolean highest)
    {
        Double best = null;
        for (final Action a : actions)
        {
            if (a.buy == buy && a.left > 0 && !Double.isNaN(a.price))
            {
                best = best == null ? a.price : highest ? Math.max(best, a.price) : Math.min(best, a.price);
            }
        }
        final List<Action> out = new ArrayList<>();
        for (final Action a : actions)
        {
            if (best != null && a.buy == buy && a.left > 0 && a.price == best)
            {
                out.add(a);
            }
        }
        return out;
    }

    private static List<List<Action>> levelsDearestFirst(final List<Action> set, final double nullRank)
    {
        final TreeMap<Double, List<Action>> levels = new TreeMap<>(Comparator.reverseOrder());
        for (final Action a : set)
        {
            final double e = Double.isNaN(a.price) ? nullRank : expense(a);
            levels.computeIfAbsent(e, k -> new ArrayList<>()).add(a);
        }
        return new ArrayList<>(levels.values());
    }

    private static List<List<Action>> levelsDearestFirstFinal(final List<Action> set)
    {
        final TreeMap<Double, List<Action>> levels = new TreeMap<>(Comparator.reverseOrder());
        for (final Action a : set)
        {
            final double e = (a.buy ? a.finalPrice : -a.finalPrice) + 0.0;
            levels.computeIfAbsent(Double.isNaN(e) ? Double.POSITIVE_INFINITY : e, k -> new ArrayList<>()).add(a);
        }
        return new ArrayList<>(levels.values());
    }
}
