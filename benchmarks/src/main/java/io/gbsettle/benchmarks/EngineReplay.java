package io.gbsettle.benchmarks;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.gbsettle.core.engine.BundleEvents;
import io.gbsettle.core.engine.Engine;
import io.gbsettle.core.engine.EngineContext;
import io.gbsettle.core.engine.Replay;
import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.event.EventType;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.SyntheticBundle;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.settle.SettlementContext;
import io.gbsettle.core.time.EpochDays;
import io.gbsettle.core.time.SettlementRun;

/**
 * Replay and rerun speed.
 *
 * <ol>
 *   <li><b>Replay</b>: a journal of {@code N} million input records (metered volumes and MID of a national registry,
 *   a day at a time, each day retired when complete) written by the engine, then replayed through a fresh engine
 *   core straight from the journal, without and with {@code --verify}. Score: input records per second.</li>
 *   <li><b>Reruns</b>: a generated national day (2,700 BM Units, ~300k balancing rows) loaded into the engine, then
 *   {@code K} settlement runs of it, each a full day settled from the day's inputs (inputs to bundle, volumes,
 *   prices, cashflows, every result record published). Score: milliseconds per national day, and the time for
 *   425 days (14 months) at that rate.</li>
 * </ol>
 *
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar replay [MILLION_RECORDS] [RUNS]
 * </pre>
 */
public final class EngineReplay
{
    private static final int DAY_RECORDS = 131_072;

    private EngineReplay()
    {
    }

    /**
     * @param args million records to replay (default 10), national runs (default 20).
     * @throws Exception if the engine fails.
     */
    public static void main(final String[] args) throws Exception
    {
        final int millions = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        final int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        final PrintStream out = System.out;
        final Path dir = Files.createTempDirectory("gbsettle-replay");
        try
        {
            replay(dir.resolve("journal"), millions * 1_000_000L, out);
            reruns(dir.resolve("bundle"), runs, out);
        }
        finally
        {
            TempDirs.delete(dir);
        }
    }

    private static void replay(final Path journal, final long records, final PrintStream out) throws Exception
    {
        final MarketRegistry registry = SyntheticRegistry.generate(42, SyntheticRegistry.Size.NATIONAL);
        final int units = registry.bmUnitCount();
        final long firstDay = EpochDays.of(2030, 1, 1);
        out.printf(Locale.ROOT, "journaling %,d input records...%n", records);
        long written = System.nanoTime();
        try (Engine engine = Engine.launch(new EngineContext().registry(registry).journalDir(journal)
            .rowsPerDay(DAY_RECORDS).indicative(false)))
        {
            long last = 0;
            for (long i = 0; i < records; i++)
            {
                final long day = firstDay + i / DAY_RECORDS;
                final int k = (int)(i % DAY_RECORDS);
                last = (k & 15) == 0 ?
                    engine.submitPeriodValue(EventType.MARKET_INDEX, EventSource.SYNTHETIC, i, day, k % 48 + 1, k,
                        50 + (k & 7), 100, 0) :
                    engine.submitMetered(EventSource.SYNTHETIC, i, day, k % 48 + 1, (k / 48) % units, -(k & 31));
                if (k == DAY_RECORDS - 1)
                {
                    engine.retireDay(EventSource.SYNTHETIC, i, day);
                }
            }
            engine.awaitProcessed(last, 5, TimeUnit.MINUTES);
        }
        written = System.nanoTime() - written;
        out.printf(Locale.ROOT, "  written through the ring with journaling in %.2f s (%,.0f records/s)%n",
            written / 1e9, records / (written / 1e9));
        for (int round = 0; round < 3; round++)
        {
            final Replay.Summary plain = Replay.run(journal, SettlementContext.defaults(), 0, false, null);
            out.printf(Locale.ROOT, "  replay %d: %,d records in %.2f s = %,.0f records/s%n", round + 1,
                plain.inputs(), plain.nanos() / 1e9, plain.inputs() / (plain.nanos() / 1e9));
        }
        final Replay.Summary verified = Replay.run(journal, SettlementContext.defaults(), 0, true, null);
        out.printf(Locale.ROOT, "  replay --verify: %,d records in %.2f s = %,.0f records/s, verified %s%n",
            verified.inputs(), verified.nanos() / 1e9, verified.inputs() / (verified.nanos() / 1e9),
            verified.verified());
    }

    private static void reruns(final Path bundleDir, final int runs, final PrintStream out) throws Exception
    {
        out.println("generating a national day...");
        SyntheticBundle.write(SyntheticRegistry.generate(42, SyntheticRegistry.Size.NATIONAL), 42,
            LocalDate.of(2025, 6, 10), SettlementRun.SF, false, bundleDir);
        final DayBundle bundle = DayBundle.load(bundleDir);
        final long[] records = {0};
        try (Engine engine = Engine.launch(new EngineContext().registry(bundle.registry()).rowsPerDay(1 << 20)
            .indicative(false).listener(record -> records[0]++)))
        {
            BundleEvents.submit(bundle, engine);
            engine.awaitProcessed(engine.nextPosition() - 1, 5, TimeUnit.MINUTES);
            final long warm = engine.triggerRun(EventSource.SYNTHETIC, -1, bundle.epochDay(), SettlementRun.SF);
            engine.awaitProcessed(warm, 5, TimeUnit.MINUTES);
            records[0] = 0;
            final long started = System.nanoTime();
            long last = 0;
            for (int r = 0; r < runs; r++)
            {
                last = engine.triggerRun(EventSource.SYNTHETIC, r, bundle.epochDay(), SettlementRun.R1);
            }
            engine.awaitProcessed(last, 30, TimeUnit.MINUTES);
            final double perDay = (System.nanoTime() - started) / 1e6 / runs;
            out.printf(Locale.ROOT, "  %d national day runs: %.1f ms per day (%,d result records each); 425 days " +
                "(14 months) at this rate: %.1f s on one calculation thread%n", runs, perDay, records[0] / runs,
                perDay * 425 / 1000);
        }
    }
}
