package io.gbsettle.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

import io.gbsettle.core.files.CsvWriter;
import io.gbsettle.core.files.RegistryCsv;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.time.CalendarContext;
import io.gbsettle.core.time.SettlementCalendar;
import io.gbsettle.core.time.SettlementRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bsc demo}: the README's first command. Shows what the engine stands on today, on embedded defaults and
 * with nothing else running: a national-size market registry generated, written, loaded back through the
 * validating loader and summarised, and the settlement calendar around a date (its periods, the next clock-change
 * days, when each settlement run of the day falls due and what falls due on it). As the kernels, the engine and
 * the adapters land, the demo grows to settle a whole day through them.
 *
 * <pre>
 *   generate registry ──► registry/*.csv ──► RegistryCsv.load (validates) ──► registry_summary.json
 *   SettlementCalendar ──► periods.csv, clock_change_days.csv
 *   RunSchedule        ──► run_dates.csv, due_on_date.csv
 * </pre>
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Run the demo on embedded defaults: generate a national market registry, load and validate it, and show",
        "the settlement calendar (periods, clock changes, run dates) around a date. Writes CSV and JSON to --out."},
    footer = {"", "Example: ./bsc demo --out out/demo --date 2025-10-26"})
final class DemoCommand implements Runnable
{
    private static final int STEPS = 5;

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
        console.printf(Locale.ROOT, "gbsettle demo: market registry and settlement calendar, settlement date %s%n",
            day);

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

        console.printf(Locale.ROOT,
            "%nOutputs in %s: registry/ (parties.csv, bm_units.csv, tlf.csv), registry_summary.json,%n" +
            "  periods.csv, clock_change_days.csv, run_dates.csv, due_on_date.csv%n", out.toAbsolutePath());
        console.println("Next: ./bsc --help, ./bsc calendar day --date 2025-10-26, ./bsc registry check --dir " +
            registryDir);
        console.flush();
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
