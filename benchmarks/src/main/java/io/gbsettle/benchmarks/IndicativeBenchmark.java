package io.gbsettle.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.gbsettle.core.files.AcceptanceSegments;
import io.gbsettle.core.files.BidOfferRows;
import io.gbsettle.core.files.BsadActions;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.MarketIndexRows;
import io.gbsettle.core.files.PnSegments;
import io.gbsettle.core.files.SyntheticBundle;
import io.gbsettle.core.kernel.indicative.IndicativeBook;
import io.gbsettle.core.kernel.indicative.IndicativeOptions;
import io.gbsettle.core.kernel.price.PriceParameters;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.time.SettlementRun;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Real-time indicative prices at national size: a generated national day bundle (seed 42, 2025-06-10: 2,700 BM
 * Units, every PN, BOD, BOALF, DISBSAD, NETBSAD, MID and LoLP row) is loaded into an {@link IndicativeBook} once;
 * each operation then applies ONE balancing event (a replacement of one of the day's own rows, its level or price
 * nudged, alternating with the original so that every event changes something) and reprices every period it made
 * dirty: the per-event cost from event to published price, excluding the engine around it.
 *
 * <ul>
 *   <li>{@code dayMix}: the day's own rows in a shuffled order, so PN, BOD, BOALF and DISBSAD in the proportions of
 *       the day (most PN and BOD rows belong to units with no acceptance in that period: no volume work).</li>
 *   <li>{@code acceptedUnitBod}: BOD rows of units with an acceptance in that period (one-unit volume recompute and
 *       a reprice every time).</li>
 *   <li>{@code acceptanceRow}: BOALF rows (the unit's CADL chain recomputed, its periods repriced).</li>
 *   <li>{@code disbsad}: DISBSAD rows (reprice only).</li>
 * </ul>
 * Expect microseconds and 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IndicativeBenchmark
{
    private static final byte PN = 0;
    private static final byte BOD = 1;
    private static final byte ACC = 2;
    private static final byte BSAD = 3;

    private IndicativeBook book;
    private Events mix;
    private Events hotBod;
    private Events acceptances;
    private Events bsad;
    private double sink;

    /**
     * The events one benchmark cycles through, as primitive columns, each applied alternately as itself and nudged.
     */
    static final class Events
    {
        final byte[] kind;
        final int[] unit;
        final int[] pair;
        final long[] number;
        final long[] time;
        final long[] t0;
        final double[] l0;
        final long[] t1;
        final double[] l1;
        final double[] offer;
        final double[] bid;
        final boolean[] so;
        final boolean[] stor;
        final boolean[] nudged;
        int size;
        int next;

        Events(final int capacity)
        {
            kind = new byte[capacity];
            unit = new int[capacity];
            pair = new int[capacity];
            number = new long[capacity];
            time = new long[capacity];
            t0 = new long[capacity];
            l0 = new double[capacity];
            t1 = new long[capacity];
            l1 = new double[capacity];
            offer = new double[capacity];
            bid = new double[capacity];
            so = new boolean[capacity];
            stor = new boolean[capacity];
            nudged = new boolean[capacity];
        }

        int add(final byte k)
        {
            kind[size] = k;
            return size++;
        }

        void shuffle(final long seed)
        {
            final Random rnd = new Random(seed);
            for (int i = size - 1; i > 0; i--)
            {
                swap(i, rnd.nextInt(i + 1));
            }
        }

        private void swap(final int a, final int b)
        {
            final byte k = kind[a];
            kind[a] = kind[b];
            kind[b] = k;
            swapInt(unit, a, b);
            swapInt(pair, a, b);
            swapLong(number, a, b);
            swapLong(time, a, b);
            swapLong(t0, a, b);
            swapDouble(l0, a, b);
            swapLong(t1, a, b);
            swapDouble(l1, a, b);
            swapDouble(offer, a, b);
            swapDouble(bid, a, b);
            final boolean s = so[a];
            so[a] = so[b];
            so[b] = s;
            final boolean t = stor[a];
            stor[a] = stor[b];
            stor[b] = t;
        }

        private static void swapInt(final int[] x, final int a, final int b)
        {
            final int v = x[a];
            x[a] = x[b];
            x[b] = v;
        }

        private static void swapLong(final long[] x, final int a, final int b)
        {
            final long v = x[a];
            x[a] = x[b];
            x[b] = v;
        }

        private static void swapDouble(final double[] x, final int a, final int b)
        {
            final double v = x[a];
            x[a] = x[b];
            x[b] = v;
        }
    }

    /**
     * Writes, loads and deletes the bundle; fills the book with the whole day and prices every period.
     *
     * @throws IOException if the temporary directory cannot be created or listed.
     */
    @Setup
    public void setUp() throws IOException
    {
        final Path dir = Files.createTempDirectory("gbsettle-indicative-bench");
        final DayBundle bundle;
        try
        {
            SyntheticBundle.write(SyntheticRegistry.generate(42, SyntheticRegistry.Size.NATIONAL), 42,
                LocalDate.of(2025, 6, 10), SettlementRun.SF, false, dir);
            bundle = DayBundle.load(dir);
        }
        finally
        {
            TempDirs.delete(dir);
        }
        book = newBook(bundle);
        book.reset(bundle.day(), bundle.dayStartEpochSecond(), bundle.periodCount(),
            PriceParameters.on(bundle.epochDay()));

        final PnSegments pn = bundle.pn();
        final BidOfferRows bod = bundle.bod();
        final AcceptanceSegments acc = bundle.acceptances();
        final BsadActions actions = bundle.bsad();
        final int all = pn.count() + bod.count() + acc.count() + actions.count();
        mix = new Events(all);
        hotBod = new Events(bod.count());
        acceptances = new Events(acc.count());
        bsad = new Events(Math.max(1, actions.count()));
        for (int r = 0; r < pn.count(); r++)
        {
            final int e = mix.add(PN);
            mix.unit[e] = pn.bmUnit(r);
            mix.t0[e] = pn.timeFrom(r);
            mix.l0[e] = pn.levelFrom(r);
            mix.t1[e] = pn.timeTo(r);
            mix.l1[e] = pn.levelTo(r);
        }
        for (int r = 0; r < bod.count(); r++)
        {
            addBod(mix, bod, r);
            if (acceptedIn(acc, bod.bmUnit(r), bod.timeFrom(r), bod.timeTo(r)))
            {
                addBod(hotBod, bod, r);
            }
        }
        for (int r = 0; r < acc.count(); r++)
        {
            addAcceptance(mix, acc, r);
            addAcceptance(acceptances, acc, r);
        }
        final MarketIndexRows mid = bundle.marketIndex();
        for (int j = 1; j <= bundle.periodCount(); j++)
        {
            for (int r = actions.first(j); r < actions.limit(j); r++)
            {
                addBsad(mix, actions, r, j);
                addBsad(bsad, actions, r, j);
            }
            for (int r = mid.first(j); r < mid.limit(j); r++)
            {
                book.marketIndex(j, r - mid.first(j), mid.price(r), mid.volume(r));
            }
            book.netbsad(j, bundle.bpa(j), bundle.spa(j));
            book.lolp(j, bundle.lolp(j), bundle.storAvailabilityWindow(j));
        }
        for (int e = 0; e < mix.size; e++)
        {
            apply(mix, e, false);
        }
        for (int j = 1; j <= bundle.periodCount(); j++)
        {
            book.recompute(j);
        }
        mix.shuffle(42);
        hotBod.shuffle(43);
        acceptances.shuffle(44);
        bsad.shuffle(45);
    }

    /**
     * @return a system price, after one event from the day's mix and the repricing it caused.
     */
    @Benchmark
    public double dayMix()
    {
        return next(mix);
    }

    /**
     * @return a system price, after one BOD event on a unit accepted in that period and the repricing it caused.
     */
    @Benchmark
    public double acceptedUnitBod()
    {
        return next(hotBod);
    }

    /**
     * @return a system price, after one BOALF event and the repricing it caused.
     */
    @Benchmark
    public double acceptanceRow()
    {
        return next(acceptances);
    }

    /**
     * @return a system price, after one DISBSAD event and the repricing it caused.
     */
    @Benchmark
    public double disbsad()
    {
        return next(bsad);
    }

    private double next(final Events events)
    {
        final int e = events.next;
        events.next = e + 1 == events.size ? 0 : e + 1;
        final boolean nudge = !events.nudged[e];
        events.nudged[e] = nudge;
        apply(events, e, nudge);
        long dirty = book.dirtyPeriods();
        while (dirty != 0)
        {
            final int j = Long.numberOfTrailingZeros(dirty) + 1;
            dirty &= dirty - 1;
            book.recompute(j);
            sink += book.systemPrice(j) + book.cashflowCount();
        }
        return sink;
    }

    private void apply(final Events events, final int e, final boolean nudge)
    {
        final double delta = nudge ? 1.0 : 0.0;
        switch (events.kind[e])
        {
            case PN -> book.pn(events.unit[e], events.t0[e], events.l0[e] + delta, events.t1[e], events.l1[e]);
            case BOD -> book.bod(events.unit[e], events.pair[e], events.t0[e], events.l0[e], events.t1[e],
                events.l1[e], events.offer[e] + delta, events.bid[e] - delta);
            case ACC -> book.acceptance(events.unit[e], events.number[e], events.time[e], events.t0[e],
                events.l0[e] + delta, events.t1[e], events.l1[e] + delta, events.so[e], events.stor[e], false, false);
            default -> book.bsad(events.pair[e], events.number[e], events.offer[e] + 10 * delta, events.l0[e],
                events.so[e], events.stor[e]);
        }
    }

    private static void addBod(final Events events, final BidOfferRows bod, final int r)
    {
        final int e = events.add(BOD);
        events.unit[e] = bod.bmUnit(r);
        events.pair[e] = bod.pairId(r);
        events.t0[e] = bod.timeFrom(r);
        events.l0[e] = bod.levelFrom(r);
        events.t1[e] = bod.timeTo(r);
        events.l1[e] = bod.levelTo(r);
        events.offer[e] = bod.offer(r);
        events.bid[e] = bod.bid(r);
    }

    private static void addAcceptance(final Events events, final AcceptanceSegments acc, final int r)
    {
        final int e = events.add(ACC);
        events.unit[e] = acc.bmUnit(r);
        events.number[e] = acc.acceptanceNumber(r);
        events.time[e] = acc.acceptanceTime(r);
        events.t0[e] = acc.timeFrom(r);
        events.l0[e] = acc.levelFrom(r);
        events.t1[e] = acc.timeTo(r);
        events.l1[e] = acc.levelTo(r);
        events.so[e] = acc.so(r);
        events.stor[e] = acc.stor(r);
    }

    private static void addBsad(final Events events, final BsadActions actions, final int r, final int period)
    {
        final int e = events.add(BSAD);
        events.pair[e] = period;
        events.number[e] = actions.id(r);
        events.offer[e] = Double.isNaN(actions.cost(r)) ? 0.0 : actions.cost(r);
        events.l0[e] = actions.volume(r);
        events.so[e] = actions.so(r);
        events.stor[e] = actions.stor(r);
    }

    private static boolean acceptedIn(final AcceptanceSegments acc, final int unit, final long from, final long to)
    {
        for (int r = 0; r < acc.count(); r++)
        {
            if (acc.bmUnit(r) == unit && acc.timeFrom(r) < to && acc.timeTo(r) > from)
            {
                return true;
            }
        }
        return false;
    }

    private static IndicativeBook newBook(final DayBundle bundle)
    {
        final int units = bundle.day().bmUnitCount();
        final int[] pn = new int[units];
        final int[] bod = new int[units];
        final int[] acc = new int[units];
        int unitRows = 16;
        for (int r = 0; r < bundle.pn().count(); r++)
        {
            unitRows = Math.max(unitRows, ++pn[bundle.pn().bmUnit(r)]);
        }
        for (int r = 0; r < bundle.bod().count(); r++)
        {
            unitRows = Math.max(unitRows, ++bod[bundle.bod().bmUnit(r)]);
        }
        for (int r = 0; r < bundle.acceptances().count(); r++)
        {
            unitRows = Math.max(unitRows, ++acc[bundle.acceptances().bmUnit(r)]);
        }
        int bsad = 1;
        for (int j = 1; j <= bundle.periodCount(); j++)
        {
            bsad = Math.max(bsad, bundle.bsad().limit(j) - bundle.bsad().first(j));
        }
        return new IndicativeBook(IndicativeOptions.DEFAULTS, units, bundle.pn().count(), bundle.bod().count(),
            bundle.acceptances().count(), unitRows, 4_096, bsad);
    }
}
