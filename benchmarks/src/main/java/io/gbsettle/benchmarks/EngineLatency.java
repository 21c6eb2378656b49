package io.gbsettle.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;

import io.gbsettle.core.engine.BundleEvents;
import io.gbsettle.core.engine.Engine;
import io.gbsettle.core.engine.EngineContext;
import io.gbsettle.core.engine.WaitStrategyKind;
import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.event.ResultRecord;
import io.gbsettle.core.event.ResultType;
import io.gbsettle.core.files.AcceptanceSegments;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.SyntheticBundle;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.time.SettlementRun;

/**
 * Latency from submitting a balancing record to the recomputed indicative price being published, at a fixed offered
 * load, without coordinated omission.
 *
 * <p>A generated national day (PN, BOD, BOALF, DISBSAD, NETBSAD, MID, LoLP) is loaded into the engine first; then
 * the producer offers balancing records at a fixed rate: revised acceptance segments (levels changed, same business
 * key) of the day's acceptances in two adjacent periods, the real-time shape of a BOALF feed, each of which moves
 * the period's price. Record {@code i} is planned for {@code start + i / rate}; the producer waits for that moment
 * and submits (late if it is behind: the latency counts from the planned time, so a stall is charged to every
 * record it delays). The listener, on the publisher thread, takes the time when the {@code INDICATIVE_PRICE} whose
 * batch covers a record is published, and records {@code published - planned} into an HdrHistogram. The journal is
 * on, on a temporary directory.
 *
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar latency [RATE_PER_SECOND] [SECONDS] [WAIT_STRATEGY]
 * </pre>
 */
public final class EngineLatency
{
    private static final int PLANNED_SLOTS = 1 << 22;

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
        new EngineLatency().run(rate, seconds, wait, System.out);
    }

    private void run(final int rate, final int seconds, final WaitStrategyKind wait, final PrintStream out)
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
                .rowsPerDay(1 << 20).journalDir(dir.resolve("journal")).listener(this::onResult)))
            {
                out.println("loading the day's balancing data into the engine...");
                BundleEvents.submit(bundle, engine);
                engine.awaitProcessed(engine.nextPosition() - 1, 5, TimeUnit.MINUTES);

                final AcceptanceSegments acceptances = bundle.acceptances();
                final int[] rows = rowsIn(bundle, 24, 25);
                final long interval = 1_000_000_000L / rate;
                final long warmup = 5L * rate;
                final long total = warmup + (long)seconds * rate;
                out.printf(Locale.ROOT, "offering %,d revised acceptance segments/s (%d acceptances in periods " +
                    "24-25) for %d s after a 5 s warm-up; wait strategy %s, journal on%n", rate, rows.length, seconds,
                    wait);
                final long base = engine.nextPosition();
                final long start = System.nanoTime() + 1_000_000;
                long last = 0;
                for (long i = 0; i < total; i++)
                {
                    final long plannedAt = start + i * interval;
                    if (i == warmup)
                    {
                        firstMeasured = base + i;
                        measuring = true;
                    }
                    planned[(int)((base + i) & (PLANNED_SLOTS - 1))] = plannedAt;
                    while (System.nanoTime() < plannedAt)
                    {
                        Thread.onSpinWait();
                    }
                    final int r = rows[(int)(i % rows.length)];
                    final double bump = (i / rows.length) % 7;
                    last = engine.submitAcceptance(EventSource.SYNTHETIC, i, bundle.epochDay(), acceptances.bmUnit(r),
                        acceptances.acceptanceNumber(r), acceptances.acceptanceTime(r), acceptances.timeFrom(r),
                        acceptances.levelFrom(r) + bump, acceptances.timeTo(r), acceptances.levelTo(r) + bump,
                        acceptances.flags(r));
                }
                engine.awaitProcessed(last, 1, TimeUnit.MINUTES);
                measuring = false;
            }
            report(out, rate);
        }
        finally
        {
            try (Stream<Path> files = Files.walk(dir))
            {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
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
            histogram.recordValue(Math.max(0, now - planned[(int)(p & (PLANNED_SLOTS - 1))]));
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
