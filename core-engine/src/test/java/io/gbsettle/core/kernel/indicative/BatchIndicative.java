package io.gbsettle.core.kernel.indicative;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.gbsettle.core.kernel.price.ImbalancePriceKernel;
import io.gbsettle.core.kernel.price.PriceParameters;
import io.gbsettle.core.kernel.price.PriceResult;
import io.gbsettle.core.kernel.price.PriceStack;
import io.gbsettle.core.kernel.volume.AcceptanceVolumeKernel;
import io.gbsettle.core.kernel.volume.AcceptedVolumes;
import io.gbsettle.core.kernel.volume.BalancingBook;
import io.gbsettle.core.registry.BmUnitDay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The from-scratch reference for {@link IndicativeBook}: events as plain objects, the final row of every business
 * key (the last to arrive), and the batch computation on them: a whole-day {@link BalancingBook},
 * {@link AcceptanceVolumeKernel#period} for every period, a {@link PriceStack} with the same indicative TLMs, and
 * {@link ImbalancePriceKernel}; cashflows by obvious loops over the accepted rows.
 */
final class BatchIndicative
{
    static final double TOLERANCE = 1e-9;

    /** One input event of any kind; {@link #key()} is its business key. */
    abstract static class Event
    {
        abstract String key();

        abstract void apply(IndicativeBook book);
    }

    static final class Pn extends Event
    {
        final int unit;
        final long t0;
        final double l0;
        final long t1;
        final double l1;

        Pn(final int unit, final long t0, final double l0, final long t1, final double l1)
        {
            this.unit = unit;
            this.t0 = t0;
            this.l0 = l0;
            this.t1 = t1;
            this.l1 = l1;
        }

        String key()
        {
            return "PN/" + unit + "/" + t0;
        }

        void apply(final IndicativeBook book)
        {
            book.pn(unit, t0, l0, t1, l1);
        }
    }

    static final class Bod extends Event
    {
        final int unit;
        final int pair;
        final long t0;
        final double l0;
        final long t1;
        final double l1;
        final double offer;
        final double bid;

        Bod(final int unit, final int pair, final long t0, final double l0, final long t1, final double l1,
            final double offer, final double bid)
        {
            this.unit = unit;
            this.pair = pair;
            this.t0 = t0;
            this.l0 = l0;
            this.t1 = t1;
            this.l1 = l1;
            this.offer = offer;
            this.bid = bid;
        }

        String key()
        {
            return "BOD/" + unit + "/" + pair + "/" + t0;
        }

        void apply(final IndicativeBook book)
        {
            book.bod(unit, pair, t0, l0, t1, l1, offer, bid);
        }
    }

    static final class Acc extends Event
    {
        final int unit;
        final long number;
        final long time;
        final long t0;
        final double l0;
        final long t1;
        final double l1;
        final boolean so;
        final boolean stor;
        final boolean rr;
        final boolean deemed;

        Acc(final int unit, final long number, final long time, final long t0, final double l0, final long t1,
            final double l1, final boolean so, final boolean stor)
        {
            this(unit, number, time, t0, l0, t1, l1, so, stor, false, false);
        }

        Acc(final int unit, final long number, final long time, final long t0, final double l0, final long t1,
            final double l1, final boolean so, final boolean stor, final boolean rr, final boolean deemed)
        {
            this.rr = rr;
            this.deemed = deemed;
            this.unit = unit;
            this.number = number;
            this.time = time;
            this.t0 = t0;
            this.l0 = l0;
            this.t1 = t1;
            this.l1 = l1;
            this.so = so;
            this.stor = stor;
        }

        String key()
        {
            return "ACC/" + unit + "/" + number + "/" + t0;
        }

        void apply(final IndicativeBook book)
        {
            book.acceptance(unit, number, time, t0, l0, t1, l1, so, stor, rr, deemed);
        }
    }

    static final class Bsad extends Event
    {
        final int period;
        final long id;
        final double cost;
        final double volume;
        final boolean so;
        final boolean stor;

        Bsad(final int period, final long id, final double cost, final double volume, final boolean so,
            final boolean stor)
        {
            this.period = period;
            this.id = id;
            this.cost = cost;
            this.volume = volume;
            this.so = so;
            this.stor = stor;
        }

        String key()
        {
            return "BSAD/" + period + "/" + id;
        }

        void apply(final IndicativeBook book)
        {
            book.bsad(period, id, cost, volume, so, stor);
        }
    }

    static final class Netbsad extends Event
    {
        final int period;
        final double bpa;
        final double spa;

        Netbsad(final int period, final double bpa, final double spa)
        {
            this.period = period;
            this.bpa = bpa;
            this.spa = spa;
        }

        String key()
        {
            return "NETBSAD/" + period;
        }

        void apply(final IndicativeBook book)
        {
            book.netbsad(period, bpa, spa);
        }
    }

    static final class Mid extends Event
    {
        final int period;
        final long provider;
        final double price;
        final double volume;

        Mid(final int period, final long provider, final double price, final double volume)
        {
            this.period = period;
            this.provider = provider;
            this.price = price;
            this.volume = volume;
        }

        String key()
        {
            return "MID/" + period + "/" + provider;
        }

        void apply(final IndicativeBook book)
        {
            book.marketIndex(period, provider, price, volume);
        }
    }

    static final class Lolp extends Event
    {
        final int period;
        final double lolp;
        final boolean window;

        Lolp(final int period, final double lolp, final boolean window)
        {
            this.period = period;
            this.lolp = lolp;
            this.window = window;
        }

        String key()
        {
            return "LOLP/" + period;
        }

        void apply(final IndicativeBook book)
        {
            book.lolp(period, lolp, window);
        }
    }

    /** The batch result of one period. */
    static final class PeriodResult
    {
        double systemPrice;
        double niv;
        int actions;
        double totalCbm;
        final Map<Integer, double[]> units = new TreeMap<>(); // unit -> {qao, qab, cbm, tlm}
    }

    private BatchIndicative()
    {
    }

    /**
     * @return the last event of every business key, in arrival order.
     */
    static List<Event> finalRows(final List<Event> arrivals)
    {
        final Map<String, Event> last = new LinkedHashMap<>();
        for (final Event e : arrivals)
        {
            last.remove(e.key());
            last.put(e.key(), e);
        }
        return new ArrayList<>(last.values());
    }

    static PeriodResult[] compute(
        final IndicativeOptions options, final BmUnitDay day, final long dayStart, final int periods,
        final PriceParameters parameters, final List<Event> arrivals)
    {
        final List<Event> rows = finalRows(arrivals);
        int pn = 0;
        int bod = 0;
        int acc = 0;
        for (final Event e : rows)
        {
            pn += e instanceof Pn ? 1 : 0;
            bod += e instanceof Bod ? 1 : 0;
            acc += e instanceof Acc ? 1 : 0;
        }
        final BalancingBook book = new BalancingBook(day.bmUnitCount(), pn, bod, acc);
        book.reset(dayStart, periods);
        final Map<Integer, TreeMap<Long, Bsad>> bsad = new TreeMap<>();
        final Map<Integer, TreeMap<Long, Mid>> mid = new TreeMap<>();
        final Map<Integer, Netbsad> netbsad = new TreeMap<>();
        final Map<Integer, Lolp> lolp = new TreeMap<>();
        for (final Event e : rows)
        {
            if (e instanceof Pn p)
            {
                book.addPn(p.unit, p.t0, p.l0, p.t1, p.l1);
            }
            else if (e instanceof Bod b)
            {
                book.addBod(b.unit, b.pair, b.t0, b.l0, b.t1, b.l1, b.offer, b.bid);
            }
            else if (e instanceof Acc a)
            {
                book.addAcceptance(a.unit, a.number, a.time, a.t0, a.l0, a.t1, a.l1, a.so, a.stor, a.rr, a.deemed);
            }
            else if (e instanceof Bsad s)
            {
                bsad.computeIfAbsent(s.period, k -> new TreeMap<>()).put(s.id, s);
            }
            else if (e instanceof Mid m)
            {
                mid.computeIfAbsent(m.period, k -> new TreeMap<>()).put(m.provider, m);
            }
            else if (e instanceof Netbsad n)
            {
                netbsad.put(n.period, n);
            }
            else if (e instanceof Lolp l)
            {
                lolp.put(l.period, l);
            }
        }
        book.seal();
        final AcceptedVolumes accepted = new AcceptedVolumes(day.bmUnitCount(), Math.max(16, acc * 21));
        final PriceStack stack = new PriceStack(2 * Math.max(16, acc * 21) + 1_000);
        final PriceResult price = new PriceResult(stack.capacity());
        final PeriodResult[] out = new PeriodResult[periods + 1];
        for (int j = 1; j <= periods; j++)
        {
            AcceptanceVolumeKernel.period(options.volumeOptions(), book, j, accepted);
            stack.reset();
            final PeriodResult r = new PeriodResult();
            for (int i = 0; i < accepted.count(); i++)
            {
                final int u = accepted.bmUnit(i);
                final boolean active = day.active(u);
                final double tlm = options.tlm(active, active && day.interconnector(u), active && day.production(u),
                    active ? day.tlf(u) : 0.0, accepted.fpn(u));
                final double qao = accepted.offerVolume(i);
                final double qab = accepted.bidVolume(i);
                final double po = accepted.offerPrice(i);
                final double pb = accepted.bidPrice(i);
                if (qao != 0 && Double.isFinite(po))
                {
                    stack.addBoa(u, accepted.acceptanceNumber(i), accepted.pairId(i), qao, po, tlm, accepted.so(i),
                        PriceStack.CADL_DERIVE, accepted.continuousDurationSeconds(i), accepted.stor(i));
                }
                if (qab != 0 && Double.isFinite(pb))
                {
                    stack.addBoa(u, accepted.acceptanceNumber(i), accepted.pairId(i), qab, pb, tlm, accepted.so(i),
                        PriceStack.CADL_DERIVE, accepted.continuousDurationSeconds(i), accepted.stor(i));
                }
                final boolean priced = Double.isFinite(po) && Double.isFinite(pb);
                final double cbm = active && priced ? (qao * po + qab * pb) * tlm : 0.0;
                final double[] sums = r.units.computeIfAbsent(u, k -> new double[4]);
                sums[0] += qao;
                sums[1] += qab;
                sums[2] += cbm;
                sums[3] = tlm;
                r.totalCbm += cbm;
            }
            for (final Bsad s : bsad.getOrDefault(j, new TreeMap<>()).values())
            {
                stack.addBsad(s.id, s.volume, s.volume == 0 ? Double.NaN : s.cost / s.volume, s.so, s.stor);
            }
            final Netbsad n = netbsad.get(j);
            stack.setAdjusters(n == null ? 0 : n.bpa, n == null ? 0 : n.spa);
            final Lolp l = lolp.get(j);
            stack.setLolp(l == null ? Double.NaN : l.lolp);
            stack.setStorAvailabilityWindow(l != null && l.window);
            for (final Mid m : mid.getOrDefault(j, new TreeMap<>()).values())
            {
                stack.addMarketIndex(m.price, m.volume);
            }
            ImbalancePriceKernel.price(parameters, options.priceOptions(), stack, price);
            r.systemPrice = price.systemPrice();
            r.niv = price.netImbalanceVolume();
            r.actions = stack.size();
            out[j] = r;
        }
        return out;
    }

    /**
     * Records what {@link IndicativeBook#recompute} reported, keyed "period/unit", latest wins.
     */
    static void record(final IndicativeBook book, final Map<String, double[]> reported)
    {
        for (int c = 0; c < book.cashflowCount(); c++)
        {
            reported.put(book.cashflowPeriod() + "/" + book.cashflowUnit(c), new double[]{
                book.cashflowQao(c), book.cashflowQab(c), book.cashflowCbm(c), book.cashflowTlm(c)});
        }
    }

    /** Reprices every dirty period, recording the cashflow reports. */
    static void drain(final IndicativeBook book, final Map<String, double[]> reported)
    {
        long dirty = book.dirtyPeriods();
        while (dirty != 0)
        {
            final int j = Long.numberOfTrailingZeros(dirty) + 1;
            dirty &= dirty - 1;
            book.recompute(j);
            record(book, reported);
        }
    }

    /**
     * Asserts the incremental state equals the batch one: price, NIV, action count and TCBM of every period, and
     * every BM Unit's reported and queried cashflow.
     */
    static void assertSame(
        final PeriodResult[] batch, final IndicativeBook book, final Map<String, double[]> reported,
        final int periods, final String context)
    {
        assertEquals(0L, book.dirtyPeriods(), context + ": all drained");
        for (int j = 1; j <= periods; j++)
        {
            final PeriodResult r = batch[j];
            final String where = context + " period " + j;
            close(r.systemPrice, book.systemPrice(j), where + " price");
            close(r.niv, book.niv(j), where + " NIV");
            assertEquals(r.actions, book.actionCount(j), where + " actions");
            close(r.totalCbm, book.totalCbm(j), where + " TCBM");
            for (final Map.Entry<Integer, double[]> e : r.units.entrySet())
            {
                final double[] got = reported.get(j + "/" + e.getKey());
                if (got == null)
                {
                    fail(where + " unit " + e.getKey() + " never reported");
                }
                close(e.getValue()[0], got[0], where + " unit " + e.getKey() + " QAO");
                close(e.getValue()[1], got[1], where + " unit " + e.getKey() + " QAB");
                close(e.getValue()[2], got[2], where + " unit " + e.getKey() + " CBM");
                close(e.getValue()[3], got[3], where + " unit " + e.getKey() + " TLM");
                close(e.getValue()[2], book.bmUnitCbm(j, e.getKey()), where + " unit " + e.getKey() + " CBM query");
            }
        }
        for (final Map.Entry<String, double[]> e : reported.entrySet())
        {
            final String[] parts = e.getKey().split("/");
            final int j = Integer.parseInt(parts[0]);
            final int u = Integer.parseInt(parts[1]);
            if (!batch[j].units.containsKey(u))
            {
                final String where = context + " period " + j + " unit " + u + " (no batch rows)";
                close(0, e.getValue()[0], where + " QAO");
                close(0, e.getValue()[1], where + " QAB");
                close(0, e.getValue()[2], where + " CBM");
            }
        }
    }

    static void close(final double expected, final double actual, final String what)
    {
        if (Double.isNaN(expected) && Double.isNaN(actual))
        {
            return;
        }
        final double scale = Math.max(1.0, Math.max(Math.abs(expected), Math.abs(actual)));
        if (!(Math.abs(expected - actual) <= TOLERANCE * scale))
        {
            fail(what + ": expected " + expected + " but was " + actual);
        }
    }
}
