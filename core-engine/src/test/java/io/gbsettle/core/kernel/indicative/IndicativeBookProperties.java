package io.gbsettle.core.kernel.indicative;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.gbsettle.core.kernel.indicative.BatchIndicative.Acc;
import io.gbsettle.core.kernel.indicative.BatchIndicative.Bod;
import io.gbsettle.core.kernel.indicative.BatchIndicative.Bsad;
import io.gbsettle.core.kernel.indicative.BatchIndicative.Event;
import io.gbsettle.core.kernel.indicative.BatchIndicative.Lolp;
import io.gbsettle.core.kernel.indicative.BatchIndicative.Mid;
import io.gbsettle.core.kernel.indicative.BatchIndicative.Netbsad;
import io.gbsettle.core.kernel.indicative.BatchIndicative.Pn;
import io.gbsettle.core.kernel.price.PriceParameters;
import io.gbsettle.core.kernel.volume.VolumeOptions;
import io.gbsettle.core.registry.BmUnitDay;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.time.EpochDays;
import org.junit.jupiter.api.Test;

import static io.gbsettle.core.testing.PropertyChecks.check;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Random small days (2 to 3 BM Units of a small registry, 4 periods, second-granular times, overlapping and
 * replaced PN, BOD and BOALF rows, acceptances that overlap, chain, move between acceptance times and start the
 * evening before, DISBSAD, NETBSAD, MID and LoLP with replacements and exact duplicates, every volume and TLM-side
 * option) arrive in a random order with repricing of the dirty periods at random moments; at the end every period's
 * price, NIV, action count, TCBM and every BM Unit's reported cashflow equal the from-scratch batch computation
 * ({@link BatchIndicative}) to 1e-9 relative.
 */
final class IndicativeBookProperties
{
    private static final long EPOCH_DAY = EpochDays.of(2025, 6, 10);
    private static final long DAY_START = EPOCH_DAY * 86_400L - 3_600L;
    private static final int PERIODS = 4;
    private static final MarketRegistry REGISTRY = SyntheticRegistry.generate(11, SyntheticRegistry.Size.SMALL);
    private static final BmUnitDay DAY = dayView();
    private static final PriceParameters PARAMETERS = PriceParameters.on(EPOCH_DAY);

    @Test
    void anyArrivalOrderGivesTheBatchResult()
    {
        check(300).forAll(longs().all()).checkAssert(IndicativeBookProperties::holds);
    }

    static void holds(final long seed)
    {
        final Random rnd = new Random(seed);
        final IndicativeOptions options = options(rnd);
        final List<Event> events = events(rnd);
        Collections.shuffle(events, rnd);
        final IndicativeBook book = new IndicativeBook(options, DAY.bmUnitCount(), 400, 600, 200, 300, 400, 16);
        book.reset(DAY, DAY_START, PERIODS, PARAMETERS);
        final Map<String, double[]> reported = new HashMap<>();
        for (int j = 1; j <= PERIODS; j++)
        {
            book.recompute(j);
        }
        for (final Event e : events)
        {
            e.apply(book);
            if (rnd.nextInt(3) == 0)
            {
                BatchIndicative.drain(book, reported);
            }
        }
        BatchIndicative.drain(book, reported);
        final BatchIndicative.PeriodResult[] batch =
            BatchIndicative.compute(options, DAY, DAY_START, PERIODS, PARAMETERS, events);
        BatchIndicative.assertSame(batch, book, reported, PERIODS, "seed " + seed + " " + options);
    }

    static IndicativeOptions options(final Random rnd)
    {
        VolumeOptions volume = VolumeOptions.DEFAULTS;
        if (rnd.nextInt(4) == 0)
        {
            volume = volume.withBaseline(VolumeOptions.BaselineRule.PREVIOUS_ACCEPTANCE_ONLY);
        }
        if (rnd.nextInt(4) == 0)
        {
            volume = volume.withCadlChain(VolumeOptions.CadlChainRule.SINGLE_ACCEPTANCE);
        }
        if (rnd.nextInt(4) == 0)
        {
            volume = volume.withOutsideBands(VolumeOptions.OutsideBandRule.OUTERMOST_PAIR);
        }
        IndicativeOptions options = IndicativeOptions.DEFAULTS.withVolumeOptions(volume);
        if (rnd.nextBoolean())
        {
            options = options.withTlmSide(IndicativeOptions.TlmSide.FPN_SIGN);
        }
        if (rnd.nextInt(3) == 0)
        {
            options = options.withEtlmo(-0.02 * rnd.nextDouble(), 0.02 * rnd.nextDouble());
        }
        return options;
    }

    static List<Event> events(final Random rnd)
    {
        final List<Integer> active = new ArrayList<>();
        for (int u = 0; u < DAY.bmUnitCount(); u++)
        {
            if (DAY.active(u))
            {
                active.add(u);
            }
        }
        Collections.shuffle(active, rnd);
        final int unitCount = 2 + rnd.nextInt(2);
        final List<Event> events = new ArrayList<>();
        for (int k = 0; k < unitCount; k++)
        {
            unitEvents(rnd, active.get(k), events);
        }
        for (int j = 1; j <= PERIODS; j++)
        {
            for (int id = 1, n = rnd.nextInt(3); id <= n; id++)
            {
                final double volume = rnd.nextInt(8) == 0 ? 0 : (rnd.nextDouble() - 0.5) * 80;
                events.add(new Bsad(j, id, volume * (20 + 100 * rnd.nextDouble()) + (volume == 0 ? 5 : 0), volume,
                    rnd.nextInt(4) == 0, rnd.nextInt(6) == 0));
                if (rnd.nextInt(4) == 0)
                {
                    events.add(new Bsad(j, id, 1_000, 10, false, false)); // a version that may be replaced
                }
            }
            if (rnd.nextBoolean())
            {
                events.add(new Netbsad(j, rnd.nextInt(10), rnd.nextInt(3) - 1));
            }
            for (int p = 0, n = rnd.nextInt(3); p < n; p++)
            {
                events.add(new Mid(j, 7 - p, 20 + 80 * rnd.nextDouble(),
                    rnd.nextInt(4) == 0 ? 0 : 200 * rnd.nextDouble()));
            }
            if (rnd.nextBoolean())
            {
                events.add(new Lolp(j, 0.1 * rnd.nextDouble(), rnd.nextBoolean()));
            }
        }
        for (int i = 0, n = events.size() / 8; i < n; i++)
        {
            events.add(events.get(rnd.nextInt(events.size()))); // exact duplicates
        }
        return events;
    }

    private static void unitEvents(final Random rnd, final int unit, final List<Event> events)
    {
        final boolean minutes = rnd.nextInt(3) == 0;
        for (int j = 0; j < PERIODS; j++)
        {
            final long ps = DAY_START + j * 1800L;
            final double a = level(rnd, 150);
            final double b = level(rnd, 150);
            if (rnd.nextInt(4) == 0)
            {
                final long cut = ps + time(rnd, 1800, minutes);
                events.add(new Pn(unit, ps, a, cut, (a + b) / 2));
                events.add(new Pn(unit, cut, (a + b) / 2, ps + 1800, b));
            }
            else if (rnd.nextInt(10) != 0)
            {
                events.add(new Pn(unit, ps, a, ps + 1800, b));
            }
            if (rnd.nextInt(5) == 0)
            {
                final long from = ps + time(rnd, 1800, minutes);
                events.add(new Pn(unit, from, level(rnd, 150), from + time(rnd, 2400, minutes), level(rnd, 150)));
                // a version of the same key reaching into other periods (its extent changes)
                events.add(new Pn(unit, from, level(rnd, 150), from + time(rnd, 4800, minutes), level(rnd, 150)));
            }
            if (rnd.nextInt(5) == 0)
            {
                events.add(new Pn(unit, ps, level(rnd, 150), ps + 1800, level(rnd, 150))); // a replacing version
            }
            for (int pair = -2; pair <= 2; pair++)
            {
                if (pair == 0 || rnd.nextInt(4) == 0)
                {
                    continue;
                }
                final long from = rnd.nextInt(6) == 0 ? ps + time(rnd, 1800, minutes) : ps;
                final double width = 5 + 50 * rnd.nextDouble();
                final double offer = 40 + 20 * Math.abs(pair) + 30 * rnd.nextDouble();
                final double bid = offer - 5 - 20 * rnd.nextDouble();
                events.add(new Bod(unit, pair, from, pair > 0 ? width : -width, ps + 1800, pair > 0 ? width : -width,
                    offer, bid));
                if (rnd.nextInt(5) == 0)
                {
                    events.add(new Bod(unit, pair, from, 2 * width, ps + 1800, width, offer + 5, bid - 5));
                }
                if (rnd.nextInt(8) == 0)
                {
                    // a version of the same key spanning a later period too, with another price
                    events.add(new Bod(unit, pair, from, width, ps + 3600, width, offer + 15, bid - 15));
                }
            }
        }
        final int acceptances = rnd.nextInt(4);
        for (int k = 0; k < acceptances; k++)
        {
            final long number = 100 + k;
            final long start = DAY_START - 1_200 + time(rnd, PERIODS * 1800 + 600, minutes);
            final long time = start - 60 - time(rnd, 1_200, minutes);
            final long up = start + 30 + time(rnd, 300, minutes);
            final long hold = up + (rnd.nextInt(3) == 0 ? time(rnd, 400, minutes) : time(rnd, 4_000, minutes));
            final long down = hold + 30 + time(rnd, 300, minutes);
            final double from = level(rnd, 150);
            final double target = from + (rnd.nextDouble() - 0.5) * 200;
            final boolean so = rnd.nextInt(6) == 0;
            final boolean stor = rnd.nextInt(8) == 0;
            events.add(new Acc(unit, number, time, start, from, up, target, so, stor));
            events.add(new Acc(unit, number, time, up, target, hold, target, so, stor));
            events.add(new Acc(unit, number, time, hold, target, down, from, so, stor));
            if (rnd.nextInt(4) == 0)
            {
                // a replacing version of the hold row: another level, another end, or another acceptance time
                final int what = rnd.nextInt(3);
                events.add(new Acc(unit, number, what == 2 ? time + 30 : time, up,
                    what == 0 ? target + 20 : target, what == 1 ? hold + 600 : hold, target, so, !stor));
            }
        }
    }

    private static long time(final Random rnd, final int bound, final boolean minutes)
    {
        final long t = rnd.nextInt(Math.max(1, bound));
        return minutes ? t - t % 60 : t;
    }

    private static double level(final Random rnd, final double bound)
    {
        return Math.rint((rnd.nextDouble() - 0.5) * 2 * bound * 8) / 8;
    }

    private static BmUnitDay dayView()
    {
        final BmUnitDay day = REGISTRY.newDayView();
        REGISTRY.fillDay(EPOCH_DAY, day);
        return day;
    }
}
