package io.gbsettle.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import io.gbsettle.core.engine.BundleEvents;
import io.gbsettle.core.engine.Engine;
import io.gbsettle.core.engine.EngineContext;
import io.gbsettle.core.engine.EnginePipeline;
import io.gbsettle.core.engine.WaitStrategyKind;
import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.event.ResultRecord;
import io.gbsettle.core.event.ResultType;
import io.gbsettle.core.event.EventType;
import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.files.AcceptanceSegments;
import io.gbsettle.core.files.BidOfferRows;
import io.gbsettle.core.files.BsadActions;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.PnSegments;
import io.gbsettle.core.files.SyntheticBundle;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.time.SettlementRun;

/**
 * Latency from submitting a balancing record to the recomputed indicative price being published, at a fixed offered
 * load, without coordinated omission.
 *
 * <p>A generated national day (PN, BOD, BOALF, DISBSAD, NETBSAD, MID, LoLP) is loaded into the engine first; then
 * the producer offers balancing records at a fixed rate, the shape of an IRIS feed: revised PN and BOD rows of the
 * day (a level nudged, so each is a new version of its row), and every {@value #PROBE_EVERY}th record a probe that
 * certainly moves a price: a revised acceptance segment of periods 24-25 or a revised DISBSAD action. Record
 * {@code i} is planned for {@code start + i / rate}; the producer waits for that moment and submits (late if it is
 * behind: the latency counts from the planned time, so a stall is charged to every record it delays). The listener,
 * on the publisher thread, takes the time when the {@code INDICATIVE_PRICE} whose batch covers a probe is published
 * and records {@code published - planned} into an HdrHistogram. The journal is on, on a temporary directory.
 *
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar latency [RATE_PER_SECOND] [SECONDS] [WAIT_STRATEGY] [PIPELINE] [no-journal]
 * </pre>
 */
public final class EngineLatency
{
    private static final int PLANNED_SLOTS = 1 << 22;
    private static final int PROBE_EVERY = 100;

    private final long[] planned = new long[PLANNED_SLOTS];
    private final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    private volatile boolean measuring;
    private long recordedUpTo = -1;
    private long firstMeasured = Long.MAX_VALUE;

    private EngineLatency()
    {
    }

    /**
     * @param args rate (records/s, default 100,000), seconds measured (default 20), wait strategy (default
     *             SLEEPING).
     * @throws Exception if the engine fails.
     */
    public static void main(final String[] args) throws Exception
    {
        final int rate = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        final int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        final WaitStrategyKind wait = args.length > 2 ? WaitStrategyKind.valueOf(args[2]) : WaitStrategyKind.SLEEPING;
        final EnginePipeline pipeline = args.length > 3 ? EnginePipeline.valueOf(args[3]) : EnginePipeline.STAGED;
        final boolean journal = args.length <= 4 || !"no-journal".equals(args[4]);
        new EngineLatency().run(rate, seconds, wait, pipeline, journal, System.out);
    }

    private void run(final int rate, final int seconds, final WaitStrategyKind wait, final EnginePipeline pipeline,
        final boolean journal, final PrintStream out)
        throws Exception
    {
        final Path dir = Files.createTempDirectory("gbsettle-latency");
        try
        {
            out.println("generating a national day...");
            SyntheticBundle.write(SyntheticRegistry.generate(42, SyntheticRegistry.Size.NATIONAL), 42,
                LocalDate.of(2025, 6, 10), SettlementRun.SF, false, dir.resolve("bundle"));
            final DayBundle bundle = DayBundle.load(dir.resolve("bundle"));
            try (Engine engine = Engine.launch(new EngineContext().registry(bundle.registry()).waitStrategy(wait)
                .pipeline(pipeline).rowsPerDay(1 << 20).journalDir(journal ? dir.resolve("journal") : null)
                .listener(this::onResult)))
            {
                out.println("loading the day's balancing data into the engine...");
                BundleEvents.submit(bundle, engine);
                engine.awaitProcessed(engine.nextPosition() - 1, 5, TimeUnit.MINUTES);

                final AcceptanceSegments acceptances = bundle.acceptances();
                final PnSegments pn = bundle.pn();
                final BidOfferRows bod = bundle.bod();
                final BsadActions bsad = bundle.bsad();
                final int[] rows = rowsIn(bundle, 24, 25);
                final long interval = 1_000_000_000L / rate;
                final long warmup = 2L * rate;
                final long total = warmup + (long)seconds * rate;
                out.printf(Locale.ROOT, "offering %,d balancing records/s for %d s after a 2 s warm-up: revised PN " +
                    "and BOD rows of the day, and every %dth a probe (a revised acceptance of periods 24-25, %d of " +
                    "them, or a revised DISBSAD action) whose latency is measured; wait strategy %s, pipeline %s, journal %s%n",
                    rate, seconds, PROBE_EVERY, rows.length, wait, pipeline, journal ? "on" : "off");
                final long base = engine.nextPosition();
                final long start = System.nanoTime() + 1_000_000;
                long last = 0;
                int probe = 0;
                for (long i = 0; i < total; i++)
                {
                    final long plannedAt = start + i * interval;
                    final long position = base + i;
                    final boolean isProbe = i % PROBE_EVERY == 0;
                    if (i == warmup)
                    {
                        firstMeasured = position;
                        measuring = true;
                    }
                    planned[(int)(position & (PLANNED_SLOTS - 1))] = isProbe ? plannedAt : -1;
                    // Yield rather than spin while early: on a 2-core machine a spinning producer would take a core
                    // from the engine's own threads.
                    while (System.nanoTime() < plannedAt)
                    {
                        Thread.yield();
                    }
                    final double bump = 0.001 * (i % 997);
                    if (isProbe && (probe++ & 1) == 0)
                    {
                        final int r = rows[probe % rows.length];
                        last = engine.submitAcceptance(EventSource.SYNTHETIC, i, bundle.epochDay(),
                            acceptances.bmUnit(r), acceptances.acceptanceNumber(r), acceptances.acceptanceTime(r),
                            acceptances.timeFrom(r), acceptances.levelFrom(r) + bump, acceptances.timeTo(r),
                            acceptances.levelTo(r) + bump, acceptances.flags(r));
                    }
                    else if (isProbe)
                    {
                        final int r = probe % Math.max(1, bsad.count());
                        last = engine.submitPeriodValue(EventType.BSAD_ACTION, EventSource.SYNTHETIC, i,
                            bundle.epochDay(), bsad.period(r), bsad.id(r), bsad.cost(r) + bump, bsad.volume(r),
                            (bsad.so(r) ? InputEvent.FLAG_SO : 0) | (bsad.stor(r) ? InputEvent.FLAG_STOR : 0));
                    }
                    else if ((i & 1) == 0)
                    {
                        final int r = (int)(i % pn.count());
                        last = engine.submitPn(EventSource.SYNTHETIC, i, bundle.epochDay(), pn.bmUnit(r),
                            pn.timeFrom(r), pn.levelFrom(r) + bump, pn.timeTo(r), pn.levelTo(r) + bump);
                    }
                    else
                    {
                        final int r = (int)(i % bod.count());
                        last = engine.submitBod(EventSource.SYNTHETIC, i, bundle.epochDay(), bod.bmUnit(r),
                            bod.pairId(r), bod.timeFrom(r), bod.levelFrom(r) + bump, bod.timeTo(r),
                            bod.levelTo(r) + bump, bod.offer(r), bod.bid(r));
                    }
                }
                engine.awaitProcessed(last, 1, TimeUnit.MINUTES);
                measuring = false;
            }
            report(out, rate);
        }
        finally
        {
            TempDirs.delete(dir);
        }
    }

    private void onResult(final ResultRecord record)
    {
        if (record.type() != ResultType.INDICATIVE_PRICE || !measuring)
        {
            return;
        }
        final long now = System.nanoTime();
        final long upTo = record.inputTo();
        for (long p = Math.max(recordedUpTo + 1, firstMeasured); p <= upTo; p++)
        {
            final long plannedAt = planned[(int)(p & (PLANNED_SLOTS - 1))];
            if (plannedAt >= 0)
            {
                histogram.recordValue(Math.max(0, now - plannedAt));
            }
        }
        recordedUpTo = Math.max(recordedUpTo, upTo);
    }

    private void report(final PrintStream out, final int rate) throws IOException
    {
        out.printf(Locale.ROOT, "%,d records measured at %,d/s: submit -> indicative price published (us)%n",
            histogram.getTotalCount(), rate);
        out.printf(Locale.ROOT, "  p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  p99.99 %.1f  max %.1f%n",
            histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(90) / 1e3,
            histogram.getValueAtPercentile(99) / 1e3, histogram.getValueAtPercentile(99.9) / 1e3,
            histogram.getValueAtPercentile(99.99) / 1e3, histogram.getMaxValue() / 1e3);
        final Path hgrm = Path.of("engine-latency.hgrm");
        try (PrintStream file = new PrintStream(Files.newOutputStream(hgrm), true, "UTF-8"))
        {
            histogram.outputPercentileDistribution(file, 1000.0);
        }
        out.println("  percentile distribution (us) written to " + hgrm.toAbsolutePath());
    }

    private static int[] rowsIn(final DayBundle bundle, final int firstPeriod, final int lastPeriod)
    {
        final AcceptanceSegments acceptances = bundle.acceptances();
        final long from = bundle.periodStartEpochSecond(firstPeriod);
        final long to = bundle.periodStartEpochSecond(lastPeriod + 1);
        int n = 0;
        final int[] rows = new int[acceptances.count()];
        for (int r = 0; r < acceptances.count(); r++)
        {
            if (acceptances.timeFrom(r) < to && acceptances.timeTo(r) > from)
            {
                rows[n++] = r;
            }
        }
        return java.util.Arrays.copyOf(rows, Math.max(1, n));
    }
}
