package io.gbsettle.core.kernel.volume;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.gbsettle.core.kernel.volume.ReferenceVolumes.Acc;
import io.gbsettle.core.kernel.volume.ReferenceVolumes.Bod;
import io.gbsettle.core.kernel.volume.ReferenceVolumes.Key;
import io.gbsettle.core.kernel.volume.ReferenceVolumes.Pn;
import io.gbsettle.core.kernel.volume.ReferenceVolumes.Row;
import org.junit.jupiter.api.Test;

import static io.gbsettle.core.testing.PropertyChecks.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Random small markets (1 to 3 BM Units, 4 periods, overlapping and duplicated rows, second-granular times,
 * acceptances spanning periods, partial and missing BOD, every option) held to the naive reference
 * ({@link ReferenceVolumes}) with a relative tolerance of 1e-9, plus identities that need no reference: arrival
 * order does not matter (bit for bit), and the accepted volumes of a BM Unit sum to the integral of its final
 * accepted level minus FPN.
 */
final class AcceptanceVolumeProperties
{
    private static final long DAY = 1_790_000_000L - 1_790_000_000L % 86_400L;
    private static final int PERIODS = 4;
    private static final double TOLERANCE = 1e-9;

    /** One random market. */
    static final class Market
    {
        int units;
        final List<Pn> pn = new ArrayList<>();
        final List<Bod> bod = new ArrayList<>();
        final List<Acc> acc = new ArrayList<>();
        VolumeOptions options = VolumeOptions.DEFAULTS;
    }

    static Market market(final long seed)
    {
        final Random rnd = new Random(seed);
        final Market market = new Market();
        market.units = 1 + rnd.nextInt(3);
        final boolean minutes = rnd.nextInt(3) == 0;
        final int span = PERIODS * 1800;
        for (int u = 0; u < market.units; u++)
        {
            final int pnRows = rnd.nextInt(7);
            for (int i = 0; i < pnRows; i++)
            {
                if (i > 0 && rnd.nextInt(6) == 0)
                {
                    market.pn.add(market.pn.get(market.pn.size() - 1)); // duplicate
                    continue;
                }
                final long from = DAY - 900 + time(rnd, span + 900, minutes);
                final long to = from + (rnd.nextInt(8) == 0 ? 0 : time(rnd, 3600, minutes));
                market.pn.add(new Pn(u, from, level(rnd, 100), to, level(rnd, 100)));
            }
            for (int pair = -3; pair <= 3; pair++)
            {
                if (pair == 0 || rnd.nextInt(3) == 0)
                {
                    continue;
                }
                final int bodRows = rnd.nextInt(4);
                for (int i = 0; i < bodRows; i++)
                {
                    final long from;
                    final long to;
                    if (rnd.nextBoolean())
                    {
                        from = DAY + 1800L * rnd.nextInt(PERIODS); // per period, as submitted
                        to = from + 1800;
                    }
                    else
                    {
                        from = DAY - 600 + time(rnd, span, minutes);
                        to = from + time(rnd, 2400, minutes);
                    }
                    final double sign = rnd.nextInt(4) == 0 ? -Math.signum(pair) : Math.signum(pair);
                    final int widthFrom = rnd.nextInt(40);
                    final int widthTo = rnd.nextBoolean() ? widthFrom : rnd.nextInt(40); // flat, as usually submitted
                    market.bod.add(new Bod(u, pair, from, sign * widthFrom, to, sign * widthTo,
                        50 + rnd.nextInt(100), 20 + rnd.nextInt(60)));
                }
            }
            final int acceptances = rnd.nextInt(6);
            for (int k = 0; k < acceptances; k++)
            {
                final long number = 1 + rnd.nextInt(4);
                final long time = DAY + time(rnd, span, minutes);
                final boolean so = rnd.nextInt(4) == 0;
                final boolean stor = rnd.nextInt(6) == 0;
                long from = DAY - 600 + time(rnd, span, minutes);
                double level = level(rnd, 150);
                final int segments = 1 + rnd.nextInt(3);
                for (int s = 0; s < segments; s++)
                {
                    final long to = from + (rnd.nextInt(10) == 0 ? 0 : time(rnd, 1500, minutes));
                    final double next = rnd.nextInt(3) == 0 ? level : level(rnd, 150);
                    market.acc.add(new Acc(u, number, time, from, level, to, next, so, stor, false, false));
                    from = to + (rnd.nextInt(5) == 0 ? time(rnd, 300, minutes) : 0);
                    level = next;
                }
            }
        }
        market.options = VolumeOptions.DEFAULTS
            .withBaseline(VolumeOptions.BaselineRule.values()[rnd.nextInt(2)])
            .withCadlChain(VolumeOptions.CadlChainRule.values()[rnd.nextInt(2)])
            .withOutsideBands(VolumeOptions.OutsideBandRule.values()[rnd.nextInt(2)])
            .withAbsoluteBandWidths(rnd.nextInt(4) != 0);
        return market;
    }

    private static long time(final Random rnd, final int bound, final boolean minutes)
    {
        return minutes ? 60L * rnd.nextInt(bound / 60 + 1) : rnd.nextInt(bound + 1);
    }

    private static double level(final Random rnd, final int bound)
    {
        return rnd.nextInt(2 * bound + 1) - bound + (rnd.nextBoolean() ? 0.0 : rnd.nextDouble());
    }

    static BalancingBook book(final Market market, final long shuffleSeed)
    {
        final BalancingBook book = new BalancingBook(market.units, 64, 128, 64);
        fill(book, market, shuffleSeed);
        return book;
    }

    static void fill(final BalancingBook book, final Market market, final long shuffleSeed)
    {
        book.reset(DAY, PERIODS);
        final List<Object> rows = new ArrayList<>();
        rows.addAll(market.pn);
        rows.addAll(market.bod);
        rows.addAll(market.acc);
        if (shuffleSeed != 0)
        {
            Collections.shuffle(rows, new Random(shuffleSeed));
        }
        for (final Object row : rows)
        {
            if (row instanceof Pn r)
            {
                book.addPn(r.unit(), r.from(), r.levelFrom(), r.to(), r.levelTo());
            }
            else if (row instanceof Bod r)
            {
                book.addBod(r.unit(), r.pair(), r.from(), r.levelFrom(), r.to(), r.levelTo(), r.offer(), r.bid());
            }
            else if (row instanceof Acc r)
            {
                book.addAcceptance(r.unit(), r.number(), r.time(), r.from(), r.levelFrom(), r.to(), r.levelTo(),
                    r.so(), r.stor(), r.rr(), r.deemed());
            }
        }
        book.seal();
    }

    private static void assertClose(final double expected, final double actual, final String what)
    {
        final double scale = Math.max(1.0, Math.max(Math.abs(expected), Math.abs(actual)));
        assertTrue(Math.abs(expected - actual) <= TOLERANCE * scale,
            what + ": expected " + expected + " got " + actual);
    }

    @Test
    void kernelAgreesWithTheNaiveReference()
    {
        check(400).forAll(longs().all()).checkAssert((final Long seed) ->
        {
            final Market market = market(seed);
            final BalancingBook book = book(market, 0);
            final AcceptedVolumes out = new AcceptedVolumes(market.units, 256);
            for (int period = 1; period <= PERIODS; period++)
            {
                AcceptanceVolumeKernel.period(market.options, book, period, out);
                final ReferenceVolumes.Result expected = ReferenceVolumes.period(
                    market.options, market.units, DAY, period, market.pn, market.bod, market.acc);
                final String where = "seed " + seed + " period " + period + " " + market.options;
                for (int u = 0; u < market.units; u++)
                {
                    assertClose(expected.fpn[u], out.fpn(u), where + " fpn " + u);
                    assertClose(expected.totalOffer[u], out.totalOffer(u), where + " totalOffer " + u);
                    assertClose(expected.totalBid[u], out.totalBid(u), where + " totalBid " + u);
                }
                final Set<Key> seen = new HashSet<>();
                for (int r = 0; r < out.count(); r++)
                {
                    final Key key = new Key(out.bmUnit(r), out.acceptanceNumber(r), out.acceptanceTime(r),
                        out.pairId(r));
                    assertTrue(seen.add(key), where + " duplicate row " + key);
                    assertTrue(out.offerVolume(r) >= 0 && out.bidVolume(r) <= 0, where + " signs " + key);
                    final Row row = expected.rows.get(key);
                    if (row == null)
                    {
                        assertClose(0, out.offerVolume(r), where + " unexpected " + key);
                        assertClose(0, out.bidVolume(r), where + " unexpected " + key);
                        continue;
                    }
                    assertClose(row.offer, out.offerVolume(r), where + " offer " + key);
                    assertClose(row.bid, out.bidVolume(r), where + " bid " + key);
                    assertEquals(row.offerPrice, out.offerPrice(r), where + " offer price " + key);
                    assertEquals(row.bidPrice, out.bidPrice(r), where + " bid price " + key);
                    assertEquals(row.so, out.so(r), where + " so " + key);
                    assertEquals(row.stor, out.stor(r), where + " stor " + key);
                    assertEquals(row.duration, out.continuousDurationSeconds(r), where + " duration " + key);
                }
                for (final Map.Entry<Key, Row> e : expected.rows.entrySet())
                {
                    if (!seen.contains(e.getKey()))
                    {
                        assertClose(e.getValue().offer, 0, where + " missing " + e.getKey());
                        assertClose(e.getValue().bid, 0, where + " missing " + e.getKey());
                    }
                }
            }
        });
    }

    @Test
    void arrivalOrderDoesNotMatter()
    {
        check(300).forAll(longs().all()).checkAssert((final Long seed) ->
        {
            final Market market = market(seed);
            final BalancingBook inOrder = book(market, 0);
            final BalancingBook shuffled = book(market, seed | 1);
            final AcceptedVolumes a = new AcceptedVolumes(market.units, 256);
            final AcceptedVolumes b = new AcceptedVolumes(market.units, 256);
            for (int period = 1; period <= PERIODS; period++)
            {
                AcceptanceVolumeKernel.period(market.options, inOrder, period, a);
                AcceptanceVolumeKernel.period(market.options, shuffled, period, b);
                assertEquals(a.count(), b.count());
                for (int r = 0; r < a.count(); r++)
                {
                    assertEquals(a.bmUnit(r), b.bmUnit(r));
                    assertEquals(a.acceptanceNumber(r), b.acceptanceNumber(r));
                    assertEquals(a.pairId(r), b.pairId(r));
                    assertEquals(a.offerVolume(r), b.offerVolume(r));
                    assertEquals(a.bidVolume(r), b.bidVolume(r));
                    assertEquals(a.offerPrice(r), b.offerPrice(r));
                    assertEquals(a.continuousDurationSeconds(r), b.continuousDurationSeconds(r));
                }
                for (int u = 0; u < market.units; u++)
                {
                    assertEquals(a.fpn(u), b.fpn(u));
                    assertEquals(a.totalOffer(u), b.totalOffer(u));
                    assertEquals(a.totalBid(u), b.totalBid(u));
                }
            }
        });
    }

    @Test
    void acceptedVolumesSumToTheFinalLevelsDeviationFromFpn()
    {
        check(300).forAll(longs().all()).checkAssert((final Long seed) ->
        {
            final Market market = market(seed);
            final BalancingBook book = book(market, 0);
            final AcceptedVolumes out = new AcceptedVolumes(market.units, 256);
            for (int period = 1; period <= PERIODS; period++)
            {
                AcceptanceVolumeKernel.period(VolumeOptions.DEFAULTS, book, period, out);
                final long start = DAY + (period - 1) * 1800L;
                for (int u = 0; u < market.units; u++)
                {
                    final List<Long> cuts =
                        new ArrayList<>(ReferenceVolumes.cuts(u, start, start + 1800, market.pn, market.bod,
                        market.acc));
                    final List<ReferenceVolumes.Acceptance> acceptances =
                        ReferenceVolumes.acceptances(market.acc, u);
                    double deviation = 0;
                    for (int c = 0; c + 1 < cuts.size(); c++)
                    {
                        final long t0 = cuts.get(c);
                        final long t1 = cuts.get(c + 1);
                        final double m = 0.5 * (t0 + t1);
                        final Pn fpn = ReferenceVolumes.pnAt(market.pn, u, m);
                        for (int k = acceptances.size() - 1; k >= 0; k--)
                        {
                            final Acc last = ReferenceVolumes.accAt(acceptances.get(k), m);
                            if (last != null)
                            {
                                final double q0 = ReferenceVolumes.line(last.from(), last.levelFrom(), last.to(),
                                    last.levelTo(), t0) - ReferenceVolumes.fpnAt(fpn, t0);
                                final double q1 = ReferenceVolumes.line(last.from(), last.levelFrom(), last.to(),
                                    last.levelTo(), t1) - ReferenceVolumes.fpnAt(fpn, t1);
                                deviation += 0.5 * (q0 + q1) * (t1 - t0) / 3600.0;
                                break;
                            }
                        }
                    }
                    assertClose(deviation, out.totalOffer(u) + out.totalBid(u), "seed " + seed + " unit " + u);
                }
            }
        });
    }
}
