package io.gbsettle.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.gbsettle.core.engine.BundleEvents;
import io.gbsettle.core.engine.Engine;
import io.gbsettle.core.engine.EngineContext;
import io.gbsettle.core.engine.RunCsv;
import io.gbsettle.core.engine.RunRecords;
import io.gbsettle.core.files.DayBundle;

/**
 * {@code bsc settle --journal}: the day goes through the engine, record by record, with its journal.
 *
 * <pre>
 *   [2/4] engine    launch on the journal (recovering what a killed run left), submit every bundle row
 *                   (rows already journaled are duplicates and change nothing)
 *   [3/4] run       trigger the bundle's run (keyed by the bundle's content: once per bundle), wait for it
 *   [4/4] report    the latest complete run of the day read back from the results journal → CSV
 * </pre>
 *
 * Reports always come from the journal, never from memory, so a run killed at any point and started again writes
 * the same files as an uninterrupted one.
 */
final class JournaledSettle
{
    private static final int STEPS = 4;
    private static final long TIMEOUT_MINUTES = 10;

    private final DayBundle bundle;
    private final Path journal;
    private final Path out;
    private final PrintWriter progress;
    private final PrintWriter err;

    JournaledSettle(final DayBundle bundle, final Path journal, final Path out, final PrintWriter progress,
        final PrintWriter err)
    {
        this.bundle = bundle;
        this.journal = journal;
        this.out = out;
        this.progress = progress;
        this.err = err;
    }

    int run()
    {
        final long started = System.nanoTime();
        step(2, "engine on journal " + journal);
        final long inputs;
        final long[] counters;
        try (Engine engine = Engine.launch(new EngineContext().registry(bundle.registry()).journalDir(journal)
            .rowsPerDay(1 << 20)))
        {
            final long recovered = engine.nextPosition();
            if (recovered > 0)
            {
                progress.printf(Locale.ROOT, "      resumed: %,d inputs recovered from the journal%n", recovered);
            }
            step(3, "the day record by record through the ring, then settlement run " + bundle.run() + " for " +
                bundle.settlementDate());
            BundleEvents.settle(bundle, engine, TIMEOUT_MINUTES, TimeUnit.MINUTES);
            inputs = engine.nextPosition();
            counters = engine.counters();
        }
        catch (final TimeoutException ex)
        {
            err.println("settle: the engine did not finish in " + TIMEOUT_MINUTES + " minutes: " + ex.getMessage());
            return ExitCode.FAILURE;
        }
        catch (final IllegalStateException ex)
        {
            err.println("settle: " + ex.getMessage());
            return ExitCode.FAILURE;
        }

        step(4, "reports from the journal's latest " + bundle.run() + " run -> " + out.toAbsolutePath());
        final RunCsv csv = new RunCsv(bundle.registry(), bundle.settlementDate(), out, bundle.problems());
        final int sequence;
        try (csv)
        {
            sequence = RunRecords.latest(journal, bundle.epochDay(), bundle.run(), csv::accept);
        }
        if (sequence == 0)
        {
            err.println("settle: the journal " + journal + " holds no complete " + bundle.run() + " run of " +
                bundle.settlementDate());
            return ExitCode.FAILURE;
        }
        final long millis = (System.nanoTime() - started) / 1_000_000;
        progress.printf(Locale.ROOT, "      run %s#%d: %,d BM Unit rows, %,d account rows, %,d periods, %,d parties; " +
            "%,d missing inputs, %,d party-period changes since the previous run%n", bundle.run(), sequence,
            csv.reports().bmUnitPeriodRows(), csv.reports().accountPeriodRows(), csv.reports().periodRows(),
            csv.reports().partyDayRows(), csv.missingRows(), csv.diffRows());
        progress.printf(Locale.ROOT, "      journal: %,d inputs (%,d applied, %,d duplicates, %,d rejected) in %d ms%n",
            inputs, counters[0], counters[1], counters[2], millis);
        final int problems = csv.problems().size();
        if (problems > 0)
        {
            progress.printf(Locale.ROOT, "      %d problems; see %s%n", problems, out.resolve("exceptions.csv"));
        }
        return problems == 0 ? ExitCode.OK : ExitCode.DATA_PROBLEMS;
    }

    private void step(final int step, final String what)
    {
        progress.printf(Locale.ROOT, "[%d/%d] %s%n", step, STEPS, what);
        progress.flush();
    }
}
