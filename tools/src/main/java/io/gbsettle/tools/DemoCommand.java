package io.gbsettle.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import io.gbsettle.core.engine.BundleEvents;
import io.gbsettle.core.engine.Engine;
import io.gbsettle.core.engine.EngineContext;
import io.gbsettle.core.engine.Replay;
import io.gbsettle.core.event.ResultType;
import io.gbsettle.core.files.CsvWriter;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.RegistryCsv;
import io.gbsettle.core.files.SyntheticBundle;
import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.kernel.price.PriceParameters;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.settle.SettlementContext;
import io.gbsettle.core.settle.SettlementReportCsv;
import io.gbsettle.core.time.CalendarContext;
import io.gbsettle.core.time.SettlementCalendar;
import io.gbsettle.core.time.SettlementRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bsc demo}: the README's first command. Shows the engine doing its job on embedded defaults and with
 * nothing else running: a national-size market registry generated, written, loaded back through the validating
 * loader and summarised; the settlement calendar around a date (its periods, the next clock-change days, when each
 * settlement run of the day falls due and what falls due on it); then a plausible national settlement day for that
 * date generated as a day bundle (with a few deliberately bad rows) and settled through the three kernels into the
 * reports of {@code bsc settle}. As the engine and the adapters land, the demo grows to run through them.
 *
 * <pre>
 *   generate registry ──► registry/*.csv ──► RegistryCsv.load (validates) ──► registry_summary.json
 *   SettlementCalendar ──► periods.csv, clock_change_days.csv
 *   RunSchedule        ──► run_dates.csv, due_on_date.csv
 *   SyntheticBundle    ──► bundle/ ──► DayBundle.load ──► DaySettlement ──► settlement/*.csv
 * </pre>
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Run the demo on embedded defaults: generate a national market registry, load and validate it, show the",
        "settlement calendar (periods, clock changes, run dates) around a date, then generate a national day bundle",
        "for that date and settle it (volumes, price, cashflows). Writes CSV and JSON to --out."},
    footer = {"", "Example: ./bsc demo --out out/demo --date 2025-10-26"})
final class DemoCommand implements Runnable
{
    private static final int STEPS = 8;

    @Spec
    CommandSpec spec;

    @Mixin
    CalendarOptions calendarOptions;

    @Option(names = "--out", defaultValue = "out/demo", paramLabel = "DIR",
        description = "Output directory, reused on every run (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    SyntheticOptions synthetic;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
        description = "Settlement date to show (default: today in Europe/London).")
    LocalDate date;

    static LocalDate today()
    {
        return LocalDate.now(SettlementCalendar.ZONE);
    }

    @Override
    public void run()
    {
        final PrintWriter console = spec.commandLine().getOut();
        final LocalDate day = calendarOptions.supported(date == null ? today() : date, "--date");
        final CalendarContext calendar = calendarOptions.context();
        final SettlementCalendar periods = calendar.settlementCalendar();
        final Path registryDir = out.resolve("registry");
        console.printf(Locale.ROOT, "gbsettle demo: registry, calendar and a settled day, settlement date %s%n", day);

        long started = System.nanoTime();
        step(console, 1, "generating a " + synthetic.size.name().toLowerCase(Locale.ROOT) +
            " market registry (seed " + synthetic.seed + ")");
        final MarketRegistry generated = synthetic.writeRegistry(registryDir);
        console.printf(Locale.ROOT,
            "      %,d parties, %,d energy accounts, %,d BM Units, %,d trading units -> %s (%s)%n",
            generated.partyCount(), generated.energyAccountCount(), generated.bmUnitCount(),
            generated.tradingUnitCount(), registryDir, millis(started));

        started = System.nanoTime();
        step(console, 2, "loading it back through the validating CSV loader");
        final MarketRegistry registry = RegistryCsv.load(registryDir);
        if (!registry.equals(generated))
        {
            throw new IllegalStateException("the registry read back differs from the one written; please report");
        }
        final String summary = RegistrySummary.json(registry, day.toEpochDay(), registryDir.toString());
        write(out.resolve("registry_summary.json"), summary + "\n");
        console.printf(Locale.ROOT,
            "      identical to what was written, every row valid (%s) -> registry_summary.json%n",
            millis(started));

        step(console, 3, "settlement day " + day + ": " + periods.periodsIn(day) + " settlement periods");
        final TableOut dayPeriods = CalendarCommand.periodsTable(periods, day, OutputFormat.csv);
        writeCsv(out.resolve("periods.csv"), dayPeriods);
        console.printf(Locale.ROOT, "      period 1 starts %s (UTC), period %d ends %s -> periods.csv%n",
            CalendarCommand.utc(periods.periodStart(day, 1)), periods.periodsIn(day),
            CalendarCommand.utc(periods.periodEnd(day, periods.periodsIn(day))));

        step(console, 4, "the next clock-change days");
        final TableOut changes = new TableOut(OutputFormat.csv, "settlement_date", "periods", "utc_start", "utc_end");
        for (LocalDate d = day; changes.size() < 2 && d.isBefore(periods.lastDay()); d = d.plusDays(1))
        {
            final int n = periods.periodsIn(d);
            if (n != SettlementCalendar.STANDARD_DAY_PERIODS)
            {
                changes.row(d.toString(), Integer.toString(n), CalendarCommand.utc(periods.periodStart(d, 1)),
                    CalendarCommand.utc(periods.periodEnd(d, n)));
                console.printf(Locale.ROOT, "      %s has %d periods (clocks go %s)%n", d, n,
                    n == SettlementCalendar.SHORT_DAY_PERIODS ? "forward" : "back");
            }
        }
        writeCsv(out.resolve("clock_change_days.csv"), changes);

        step(console, 5, "settlement runs of " + day + " and what falls due on it");
        writeCsv(out.resolve("run_dates.csv"), CalendarCommand.runsTable(calendar, day, OutputFormat.csv));
        final StringBuilder line = new StringBuilder(128).append("     ");
        for (final SettlementRun run : SettlementRun.values())
        {
            line.append(' ').append(run.name()).append(' ').append(calendar.runSchedule().runDate(day, run));
        }
        console.println(line);
        final TableOut due = CalendarCommand.dueTable(calendar, day, OutputFormat.csv);
        writeCsv(out.resolve("due_on_date.csv"), due);
        console.printf(Locale.ROOT, "      %d settlement-day runs fall due on %s%s%n", due.size(), day,
            calendar.workingDays().isWorkingDay(day.toEpochDay()) ? "" : " (not a working day)");

        final boolean settled = settleDay(console, registry, day);

        console.printf(Locale.ROOT,
            "%nOutputs in %s: registry/ (parties.csv, bm_units.csv, tlf.csv), registry_summary.json,%n" +
            "  periods.csv, clock_change_days.csv, run_dates.csv, due_on_date.csv%s%n", out.toAbsolutePath(),
            settled ? ",\n  bundle/ (the generated day), settlement/ (bmu_period.csv, account_period.csv, period.csv," +
            " party_day.csv, exceptions.csv),\n  journal/ (the engine's journal of the day: inputs, results, registry)" :
            "");
        console.println("Next: ./bsc --help, ./bsc settle --bundle " + out.resolve("bundle") + " --out " +
            out.resolve("settlement") + ", ./bsc journal inspect --journal " + out.resolve("journal") +
            " --results --type PERIOD, ./bsc price --help");
        console.flush();
    }

    private boolean settleDay(final PrintWriter console, final MarketRegistry registry, final LocalDate day)
    {
        final Path bundleDir = out.resolve("bundle");
        final Path settlementDir = out.resolve("settlement");
        if (day.toEpochDay() < PriceParameters.SINGLE_PRICE_START)
        {
            step(console, 6, "no day settled: " + day + " is before the single imbalance price (" +
                LocalDate.ofEpochDay(PriceParameters.SINGLE_PRICE_START) + "); pick a later --date");
            return false;
        }
        long started = System.nanoTime();
        step(console, 6, "generating a day bundle for " + day + " (run SF, with a few deliberately bad rows)");
        final SyntheticBundle.Summary generated =
            SyntheticBundle.write(registry, synthetic.seed, day, SettlementRun.SF, true, bundleDir);
        console.printf(Locale.ROOT,
            "      %,d PN segments, %,d BOD rows, %,d acceptances, %,d DISBSAD, %,d metered volumes, %,d ECVN lines," +
            "%n      %d planted bad rows -> %s (%s)%n", generated.pnRows(), generated.bodRows(),
            generated.acceptances(), generated.disbsadRows(), generated.meteredRows(), generated.ecvnRows(), generated.planted().size(),
            bundleDir, millis(started));

        started = System.nanoTime();
        step(console, 7, "loading and settling it: volumes, price and cashflows for every period");
        final DayBundle bundle = DayBundle.load(bundleDir);
        final long loaded = System.nanoTime();
        final DayDigest digest;
        final List<InputProblem> problems = new ArrayList<>(bundle.problems());
        try (SettlementReportCsv csv = new SettlementReportCsv(bundle.registry(), bundle.settlementDate(),
            settlementDir))
        {
            digest = new DayDigest(csv);
            problems.addAll(SettleCommand.settle(bundle, digest));
        }
        SettlementReportCsv.writeExceptions(settlementDir, problems);
        console.printf(Locale.ROOT, "      loaded in %,d ms, %d periods settled in %,d ms (reports included)%n",
            (loaded - started) / 1_000_000, digest.periods(), (System.nanoTime() - loaded) / 1_000_000);
        console.printf(Locale.ROOT,
            "      system price %.2f to %.2f GBP/MWh (mean %.2f; low in period %d, high in period %d), " +
            "NIV %.1f to %.1f MWh%n", digest.minPrice(), digest.maxPrice(), digest.meanPrice(),
            digest.minPricePeriod(), digest.maxPricePeriod(), digest.minNiv(), digest.maxNiv());
        console.printf(Locale.ROOT, "      BM cashflow %,.2f GBP, energy imbalance cashflow %,.2f GBP; " +
            "%d input problems listed, each with its reason -> %s%n", digest.totalCbm(), digest.totalCaei(),
            problems.size(), settlementDir.resolve(SettlementReportCsv.EXCEPTIONS_FILE));
        throughTheEngine(console, bundle);
        return true;
    }

    /**
     * Step 8: the same day record by record through the engine's ring with its journal (a fresh one each demo), then
     * a replay of the journal that recomputes and compares every result.
     */
    private void throughTheEngine(final PrintWriter console, final DayBundle bundle)
    {
        final Path journal = out.resolve("journal");
        step(console, 8, "the same day through the engine: record by record through the ring, journaled in " + journal +
            ", then replayed and verified");
        deleteRecursively(journal);
        final long[] counts = new long[3];
        final long started = System.nanoTime();
        final long inputs;
        try (Engine engine = Engine.launch(new EngineContext().registry(bundle.registry()).journalDir(journal)
            .rowsPerDay(1 << 20).listener(record ->
            {
                counts[0]++;
                counts[1] += record.type() == ResultType.INDICATIVE_PRICE ? 1 : 0;
                counts[2] += record.type() == ResultType.PERIOD ? 1 : 0;
            })))
        {
            BundleEvents.settle(bundle, engine, 10, TimeUnit.MINUTES);
            inputs = engine.nextPosition();
        }
        catch (final TimeoutException ex)
        {
            throw new IllegalStateException("the engine did not settle the day in 10 minutes", ex);
        }
        final long millis = (System.nanoTime() - started) / 1_000_000;
        console.printf(Locale.ROOT, "      %,d input records journaled and applied in %,d ms; %,d indicative prices " +
            "published as the balancing data arrived%n      (one per period moved by each ring batch); the SF run: %d " +
            "periods, %,d result records in all%n", inputs, millis, counts[1], counts[2], counts[0]);
        final Replay.Summary replay = Replay.run(journal, SettlementContext.defaults(), 0, true, null);
        console.printf(Locale.ROOT, "      replay --verify: %,d records in %,d ms, %s%n", replay.inputs(),
            replay.nanos() / 1_000_000, replay.verified() ? "every result recomputed identically" :
            "DIFFERENT: " + replay.firstDifference());
    }

    private static void deleteRecursively(final Path dir)
    {
        if (!Files.exists(dir))
        {
            return;
        }
        try (Stream<Path> files = Files.walk(dir))
        {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot clear " + dir, ex);
        }
    }

    private static void step(final PrintWriter console, final int step, final String what)
    {
        console.printf(Locale.ROOT, "[%d/%d] %s%n", step, STEPS, what);
        console.flush();
    }

    private static String millis(final long startedNanos)
    {
        return String.format(Locale.ROOT, "%,d ms", (System.nanoTime() - startedNanos) / 1_000_000);
    }

    private static void writeCsv(final Path file, final TableOut table)
    {
        try (CsvWriter csv = CsvWriter.create(file))
        {
            table.writeCsv(csv);
        }
    }

    private static void write(final Path file, final String text)
    {
        try
        {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + file + ": " + ex.getMessage(), ex);
        }
    }
}
