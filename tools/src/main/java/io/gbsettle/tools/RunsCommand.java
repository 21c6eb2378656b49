package io.gbsettle.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.gbsettle.core.engine.RunCsv;
import io.gbsettle.core.engine.RunDiff;
import io.gbsettle.core.engine.RunRecords;
import io.gbsettle.core.engine.RunSummary;
import io.gbsettle.core.files.CsvWriter;
import io.gbsettle.core.journal.Journal;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.time.SettlementCalendar;
import io.gbsettle.core.time.SettlementRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bsc runs}: the settlement runs an engine journal holds ({@code list}) and what moved between two of them
 * ({@code diff}).
 */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = "The settlement runs in an engine journal: list them, or show what moved between two runs of a day.",
    subcommands = {RunsCommand.ListRuns.class, RunsCommand.Diff.class},
    footer = {"", "Example: ./bsc runs diff --journal out/journal --date 2025-06-10 --from SF --to R1"})
final class RunsCommand extends CommandGroup
{
    /** How the runs commands print. */
    enum Format
    {
        /** Aligned columns for people. */
        text,
        /** Comma-separated columns with a header line. */
        csv,
        /** JSON. */
        json
    }

    /** Which table {@code diff --format csv} writes. */
    enum Table
    {
        /** One row per party and period that moved (the columns of run_diff.csv). */
        party_periods,
        /** One row per party with a period that moved: its day totals. */
        parties,
        /** One row per period: system price and NIV in both runs. */
        periods
    }

    /**
     * {@code bsc runs list}.
     */
    @Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = {
            "List every settlement run in an engine journal, oldest first: settlement date, run type, sequence",
            "number within the day, records, complete, cut (a crash stopped it before RUN_END; recovery writes it",
            "again) or failed (the day could not be settled; see the engine's log), and the range of input",
            "positions it rests on. Only complete runs are reported or compared."},
        footer = {"",
            "Example: ./bsc runs list --journal out/journal",
            "         ./bsc runs list --journal out/journal --date 2025-06-10 --format json",
            "",
            "Exit codes: 0 ok (also when the journal holds no runs), 2 usage (no journal at DIR, bad date)."})
    static final class ListRuns implements Callable<Integer>
    {
        @Spec
        CommandSpec spec;

        @Option(names = "--journal", required = true, paramLabel = "DIR", description = "The journal directory.")
        Path journal;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Only runs of this settlement date.")
        LocalDate date;

        @Option(names = "--format", defaultValue = "text", description = "text, csv or json (default: " +
            "${DEFAULT-VALUE}).")
        Format format;

        @Override
        public Integer call()
        {
            requireJournal(spec, journal);
            final List<RunRecords.RunInfo> runs = new ArrayList<>();
            for (final RunRecords.RunInfo run : RunRecords.list(journal))
            {
                if (date == null || run.epochDay() == date.toEpochDay())
                {
                    runs.add(run);
                }
            }
            final PrintWriter out = spec.commandLine().getOut();
            if (format == Format.text)
            {
                if (runs.isEmpty())
                {
                    out.println("no settlement runs" + (date == null ? "" : " of " + date) + " in the journal at " +
                        journal);
                }
                else
                {
                    out.printf(Locale.ROOT, "%-10s  %-3s  %4s  %10s  %-8s  %s%n", "date", "run", "seq", "records",
                        "status", "inputs");
                    for (final RunRecords.RunInfo run : runs)
                    {
                        out.printf(Locale.ROOT, "%-10s  %-3s  %4d  %,10d  %-8s  %,d..%,d%n",
                            LocalDate.ofEpochDay(run.epochDay()), run.run(), run.sequence(), run.records(),
                            run.status(), run.inputFrom(), run.inputTo());
                    }
                }
                out.flush();
                return ExitCode.OK;
            }
            final TableOut table = new TableOut(OutputFormat.valueOf(format.name()), "settlement_date", "run",
                "run_sequence", "records", "status", "input_from", "input_to", "results_position");
            for (final RunRecords.RunInfo run : runs)
            {
                table.row(LocalDate.ofEpochDay(run.epochDay()).toString(), run.run().name(),
                    Integer.toString(run.sequence()), Long.toString(run.records()), run.status(),
                    Long.toString(run.inputFrom()), Long.toString(run.inputTo()), Long.toString(run.position()));
            }
            table.writeTo(out, "runs");
            return ExitCode.OK;
        }
    }

    /**
     * {@code bsc runs diff}.
     */
    @Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = {
            "Show what moved between two complete runs of a settlement day (the latest complete run of each",
            "type): per party and period the net cashflow (GBP) and energy imbalance QAEI (MWh) before, after",
            "and the change; per party its day totals; per period the system price and NIV in both runs. Any two",
            "runs compare (SF to RF, R1 to R3), not only consecutive ones; the figures are summed from each run's",
            "own records exactly as the engine sums them for its run_diff.csv.",
            "Text lists the largest changes first (--top, default 20) and ends with a one-line verdict; csv and",
            "json are complete (every party and period that moved) unless --top or --min-change cut them."},
        footer = {"",
            "Example: ./bsc runs diff --journal out/journal --date 2025-06-10 --from SF --to R1",
            "More:",
            "  ./bsc runs diff --journal out/journal --date 2025-06-10 --from SF --to R1 --format csv --out diff.csv",
            "  ./bsc runs diff --journal out/journal --date 2025-06-10 --from SF --to R1 --format csv --table periods",
            "  ./bsc runs diff --journal out/journal --date 2025-06-10 --from R1 --to R3 --top 5 --min-change 100",
            "",
            "Exit codes: 0 both runs found (whether anything moved or not), 1 a run is not in the journal (the",
            "message lists the runs it holds and how to produce the missing one), 2 usage, 3 failure."})
    static final class Diff implements Callable<Integer>
    {
        private static final int DEFAULT_TEXT_TOP = 20;

        @Spec
        CommandSpec spec;

        @Option(names = "--journal", required = true, paramLabel = "DIR", description = "The journal directory.")
        Path journal;

        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The settlement date.")
        LocalDate date;

        @Option(names = "--from", required = true, paramLabel = "RUN",
            description = "The earlier run: II, SF, R1, R2, R3, RF or DF.")
        SettlementRun from;

        @Option(names = "--to", required = true, paramLabel = "RUN",
            description = "The later run: II, SF, R1, R2, R3, RF or DF.")
        SettlementRun to;

        @Option(names = "--format", defaultValue = "text", description = "text, csv or json (default: " +
            "${DEFAULT-VALUE}).")
        Format format;

        @Option(names = "--table", defaultValue = "party_periods", paramLabel = "TABLE",
            description = "With --format csv: party_periods (the columns of run_diff.csv), parties or periods " +
                "(default: ${DEFAULT-VALUE}).")
        Table table;

        @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
        Path outFile;

        @Option(names = "--top", paramLabel = "N", description = "Only the N largest changes by |net change| " +
            "(largest first); text default 20, csv and json default all.")
        Integer top;

        @Option(names = "--min-change", paramLabel = "GBP", defaultValue = "0",
            description = "Only party-periods and parties whose |net change| is at least GBP (default: " +
                "${DEFAULT-VALUE}: everything that moved).")
        double minChange;

        @Override
        public Integer call()
        {
            if (top != null && top < 0 || !(minChange >= 0))
            {
                throw new ParameterException(spec.commandLine(), "--top and --min-change must be >= 0");
            }
            supported(spec, date);
            requireJournal(spec, journal);
            final PrintWriter err = spec.commandLine().getErr();
            final long day = date.toEpochDay();
            final RunSummary before;
            final RunSummary after;
            try
            {
                before = RunSummary.read(journal, day, from);
                after = before == null ? null : RunSummary.read(journal, day, to);
            }
            catch (final IllegalStateException ex)
            {
                err.println("runs diff: " + ex.getMessage());
                return ExitCode.FAILURE;
            }
            if (before == null || after == null)
            {
                missing(err, before == null ? from : to);
                return ExitCode.DATA_PROBLEMS;
            }
            final RunDiff diff = RunDiff.between(before, after);
            if (outFile == null)
            {
                write(diff, spec.commandLine().getOut());
            }
            else
            {
                try (PrintWriter file = new PrintWriter(Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)))
                {
                    write(diff, file);
                    if (file.checkError())
                    {
                        throw new UncheckedIOException(new IOException("cannot write " + outFile));
                    }
                }
                catch (final IOException ex)
                {
                    throw new UncheckedIOException("cannot write " + outFile + ": " + ex.getMessage(), ex);
                }
                spec.commandLine().getOut().println(verdict(diff, diff.partyPeriods()) +
                    "; written to " + outFile);
            }
            return ExitCode.OK;
        }

        private void missing(final PrintWriter err, final SettlementRun run)
        {
            err.printf(Locale.ROOT, "runs diff: the journal at %s holds no complete %s run of %s.%n", journal, run,
                date);
            final List<RunRecords.RunInfo> runs = RunRecords.list(journal);
            final StringBuilder ofDay = new StringBuilder();
            final StringBuilder otherDays = new StringBuilder();
            for (final RunRecords.RunInfo r : runs)
            {
                final StringBuilder to = r.epochDay() == date.toEpochDay() ? ofDay : otherDays;
                to.append(to.length() == 0 ? "" : ", ").append(r.epochDay() == date.toEpochDay() ? "" :
                    LocalDate.ofEpochDay(r.epochDay()) + " ").append(r.run()).append('#').append(r.sequence())
                    .append(r.complete() ? "" : " (" + r.status() + ")");
            }
            err.println(ofDay.length() > 0 ? "  It holds these runs of " + date + ": " + ofDay :
                "  It holds no run of " + date + (otherDays.length() > 0 ? "; runs of other days: " + otherDays :
                "; it holds no settlement runs at all") + ".");
            err.printf(Locale.ROOT, "  To produce the %s run: settle a bundle whose day.json says \"run\": \"%s\" " +
                "into this journal, e.g.%n    ./bsc generate day --out out/day-%s --date %s --run %s  " +
                "(with the --size and --seed of the day's first bundle)%n" +
                "    ./bsc settle --bundle out/day-%s --out out/reports-%s --journal %s%n" +
                "  (a real day: the run's revised inputs, then the run's trigger). See ./bsc runs list --journal %s%n",
                run, run, run, date, run, run, run, journal, journal);
        }

        private void write(final RunDiff diff, final PrintWriter out)
        {
            final List<RunDiff.PartyPeriod> rows = selectPartyPeriods(diff, top == null ?
                (format == Format.text ? DEFAULT_TEXT_TOP : Integer.MAX_VALUE) : top);
            final List<RunDiff.PartyTotal> parties = selectParties(diff, top == null ?
                (format == Format.text ? DEFAULT_TEXT_TOP : Integer.MAX_VALUE) : top);
            switch (format)
            {
                case text -> text(diff, rows, parties, out);
                case csv -> csv(diff, rows, parties, out);
                default -> out.println(json(diff, rows, parties));
            }
            out.flush();
        }

        /**
         * The party-periods shown: those at or above --min-change; with a limit below all of them, the largest by
         * |net change| first; otherwise in the engine's order (party, then period); text is always largest first.
         */
        private List<RunDiff.PartyPeriod> selectPartyPeriods(final RunDiff diff, final int limit)
        {
            final List<RunDiff.PartyPeriod> rows = new ArrayList<>();
            for (final RunDiff.PartyPeriod row : diff.partyPeriods())
            {
                if (Math.abs(row.netChange()) >= minChange)
                {
                    rows.add(row);
                }
            }
            if (format == Format.text || limit < rows.size())
            {
                rows.sort(Comparator.comparingDouble((RunDiff.PartyPeriod r) -> -Math.abs(r.netChange()))
                    .thenComparingDouble(r -> -Math.abs(r.qaeiChange())));
            }
            return rows.size() > limit ? List.copyOf(rows.subList(0, limit)) : rows;
        }

        private List<RunDiff.PartyTotal> selectParties(final RunDiff diff, final int limit)
        {
            final List<RunDiff.PartyTotal> rows = new ArrayList<>();
            for (final RunDiff.PartyTotal row : diff.partyTotals())
            {
                if (Math.abs(row.netChange()) >= minChange)
                {
                    rows.add(row);
                }
            }
            if (format == Format.text || limit < rows.size())
            {
                rows.sort(Comparator.comparingDouble((RunDiff.PartyTotal r) -> -Math.abs(r.netChange()))
                    .thenComparingDouble(r -> -Math.abs(r.qaeiChange())));
            }
            return rows.size() > limit ? List.copyOf(rows.subList(0, limit)) : rows;
        }

        private String verdict(final RunDiff diff, final List<RunDiff.PartyPeriod> shown)
        {
            final RunSummary b = diff.before();
            final RunSummary a = diff.after();
            final MarketRegistry registry = a.registry();
            if (diff.partyPeriods().isEmpty())
            {
                return String.format(Locale.ROOT, "nothing moved: %s and %s of %s agree for every party and period",
                    b.label(), a.label(), date);
            }
            RunDiff.PartyPeriod largest = diff.partyPeriods().get(0);
            double netSum = 0;
            for (final RunDiff.PartyPeriod row : diff.partyPeriods())
            {
                netSum += row.netChange();
                if (Math.abs(row.netChange()) > Math.abs(largest.netChange()))
                {
                    largest = row;
                }
            }
            return String.format(Locale.ROOT, "%,d party-periods moved (%d parties) from %s to %s of %s, largest: " +
                "%s period %d net %s GBP (QAEI %s MWh); net change over all parties %s GBP%s",
                diff.partyPeriods().size(), diff.partyTotals().size(), b.label(), a.label(), date,
                registry.partyId(largest.party()), largest.period(), signed(largest.netChange(), 2),
                signed(largest.qaeiChange(), 3), signed(netSum, 2),
                shown.size() < diff.partyPeriods().size() ? String.format(Locale.ROOT, " (%,d shown)", shown.size()) :
                "");
        }

        private void text(final RunDiff diff, final List<RunDiff.PartyPeriod> rows,
            final List<RunDiff.PartyTotal> parties, final PrintWriter out)
        {
            final RunSummary b = diff.before();
            final RunSummary a = diff.after();
            final MarketRegistry registry = a.registry();
            out.printf(Locale.ROOT, "runs diff %s: %s (inputs %,d..%,d, %,d records) -> %s (inputs %,d..%,d, %,d " +
                "records)%n", date, b.label(), b.inputFrom(), b.inputTo(), b.records(), a.label(), a.inputFrom(),
                a.inputTo(), a.records());
            if (!rows.isEmpty())
            {
                out.printf(Locale.ROOT, "%nparty-periods, largest |net change| first (%,d of %,d):%n", rows.size(),
                    diff.partyPeriods().size());
                out.printf(Locale.ROOT, "  %-12s %6s %16s %16s %14s %12s %12s %11s%n", "party", "period",
                    "net before GBP", "net after GBP", "change GBP", "QAEI before", "QAEI after", "change MWh");
                for (final RunDiff.PartyPeriod r : rows)
                {
                    out.printf(Locale.ROOT, "  %-12s %6d %,16.2f %,16.2f %14s %,12.3f %,12.3f %11s%n",
                        registry.partyId(r.party()), r.period(), r.netBefore(), r.netAfter(), signed(r.netChange(), 2),
                        r.qaeiBefore(), r.qaeiAfter(), signed(r.qaeiChange(), 3));
                }
            }
            if (!parties.isEmpty())
            {
                out.printf(Locale.ROOT, "%nparty day totals, largest |net change| first (%,d of %,d parties):%n",
                    parties.size(), diff.partyTotals().size());
                out.printf(Locale.ROOT, "  %-12s %7s %16s %16s %14s %12s %12s %11s%n", "party", "periods",
                    "net before GBP", "net after GBP", "change GBP", "QAEI before", "QAEI after", "change MWh");
                for (final RunDiff.PartyTotal r : parties)
                {
                    out.printf(Locale.ROOT, "  %-12s %7d %,16.2f %,16.2f %14s %,12.3f %,12.3f %11s%n",
                        registry.partyId(r.party()), r.periodsMoved(), r.netBefore(), r.netAfter(),
                        signed(r.netChange(), 2), r.qaeiBefore(), r.qaeiAfter(), signed(r.qaeiChange(), 3));
                }
            }
            final List<RunDiff.PeriodFigures> moved = new ArrayList<>();
            for (final RunDiff.PeriodFigures p : diff.periods())
            {
                if (Double.compare(p.systemPriceBefore(), p.systemPriceAfter()) != 0 ||
                    Double.compare(p.nivBefore(), p.nivAfter()) != 0)
                {
                    moved.add(p);
                }
            }
            if (moved.isEmpty())
            {
                out.printf(Locale.ROOT, "%nmarket: system price and NIV unchanged in all %d periods%n",
                    diff.periods().size());
            }
            else
            {
                out.printf(Locale.ROOT, "%nmarket: system price or NIV moved in %d of %d periods:%n", moved.size(),
                    diff.periods().size());
                out.printf(Locale.ROOT, "  %6s %12s %12s %10s %12s %12s %11s%n", "period", "SP before", "SP after",
                    "change", "NIV before", "NIV after", "change MWh");
                for (final RunDiff.PeriodFigures p : moved)
                {
                    out.printf(Locale.ROOT, "  %6d %,12.2f %,12.2f %10s %,12.3f %,12.3f %11s%n", p.period(),
                        p.systemPriceBefore(), p.systemPriceAfter(), signed(p.systemPriceChange(), 2), p.nivBefore(),
                        p.nivAfter(), signed(p.nivChange(), 3));
                }
            }
            out.println();
            out.println(verdict(diff, rows));
        }

        private void csv(final RunDiff diff, final List<RunDiff.PartyPeriod> rows,
            final List<RunDiff.PartyTotal> parties, final PrintWriter out)
        {
            final MarketRegistry registry = diff.after().registry();
            final String runBefore = diff.before().label();
            final String runAfter = diff.after().label();
            final String day = date.toString();
            final CsvWriter csv = new CsvWriter("runs diff", new KeepOpen(out));
            switch (table)
            {
                case party_periods ->
                {
                    header(csv, RunCsv.DIFF_HEADER);
                    for (final RunDiff.PartyPeriod r : rows)
                    {
                        csv.field(day).field(Integer.toString(r.period())).field(registry.partyId(r.party()))
                            .field(runBefore).field(runAfter).field(r.netBefore()).field(r.netAfter())
                            .field(r.netChange()).field(r.qaeiBefore()).field(r.qaeiAfter()).field(r.qaeiChange())
                            .endRecord();
                    }
                }
                case parties ->
                {
                    header(csv, List.of("settlement_date", "party_id", "run_before", "run_after", "periods_moved",
                        "net_before_gbp", "net_after_gbp", "net_change_gbp", "qaei_before_mwh", "qaei_after_mwh",
                        "qaei_change_mwh"));
                    for (final RunDiff.PartyTotal r : parties)
                    {
                        csv.field(day).field(registry.partyId(r.party())).field(runBefore).field(runAfter)
                            .field(Integer.toString(r.periodsMoved())).field(r.netBefore()).field(r.netAfter())
                            .field(r.netChange()).field(r.qaeiBefore()).field(r.qaeiAfter()).field(r.qaeiChange())
                            .endRecord();
                    }
                }
                default ->
                {
                    header(csv, List.of("settlement_date", "settlement_period", "run_before", "run_after",
                        "system_price_before_gbp_per_mwh", "system_price_after_gbp_per_mwh",
                        "system_price_change_gbp_per_mwh", "niv_before_mwh", "niv_after_mwh", "niv_change_mwh"));
                    for (final RunDiff.PeriodFigures p : diff.periods())
                    {
                        csv.field(day).field(Integer.toString(p.period())).field(runBefore).field(runAfter)
                            .field(p.systemPriceBefore()).field(p.systemPriceAfter()).field(p.systemPriceChange())
                            .field(p.nivBefore()).field(p.nivAfter()).field(p.nivChange()).endRecord();
                    }
                }
            }
            csv.flush();
        }

        private String json(final RunDiff diff, final List<RunDiff.PartyPeriod> rows,
            final List<RunDiff.PartyTotal> parties)
        {
            final MarketRegistry registry = diff.after().registry();
            final Json json = new Json().beginObject().field("settlementDate", date.toString());
            run(json, "before", diff.before());
            run(json, "after", diff.after());
            json.field("partyPeriodsMoved", diff.partyPeriods().size())
                .field("partiesMoved", diff.partyTotals().size())
                .field("minChangeGbp", minChange)
                .name("partyPeriods").beginArray();
            for (final RunDiff.PartyPeriod r : rows)
            {
                json.beginObject().field("party", registry.partyId(r.party())).field("period", r.period())
                    .field("netBeforeGbp", r.netBefore()).field("netAfterGbp", r.netAfter())
                    .field("netChangeGbp", r.netChange()).field("qaeiBeforeMwh", r.qaeiBefore())
                    .field("qaeiAfterMwh", r.qaeiAfter()).field("qaeiChangeMwh", r.qaeiChange()).endObject();
            }
            json.endArray().name("parties").beginArray();
            for (final RunDiff.PartyTotal r : parties)
            {
                json.beginObject().field("party", registry.partyId(r.party())).field("periodsMoved", r.periodsMoved())
                    .field("netBeforeGbp", r.netBefore()).field("netAfterGbp", r.netAfter())
                    .field("netChangeGbp", r.netChange()).field("qaeiBeforeMwh", r.qaeiBefore())
                    .field("qaeiAfterMwh", r.qaeiAfter()).field("qaeiChangeMwh", r.qaeiChange()).endObject();
            }
            json.endArray().name("periods").beginArray();
            for (final RunDiff.PeriodFigures p : diff.periods())
            {
                json.beginObject().field("period", p.period())
                    .field("systemPriceBefore", p.systemPriceBefore()).field("systemPriceAfter", p.systemPriceAfter())
                    .field("systemPriceChange", p.systemPriceChange()).field("nivBeforeMwh", p.nivBefore())
                    .field("nivAfterMwh", p.nivAfter()).field("nivChangeMwh", p.nivChange()).endObject();
            }
            return json.endArray().field("verdict", verdict(diff, rows)).endObject().toString();
        }

        private static void run(final Json json, final String name, final RunSummary run)
        {
            json.name(name).beginObject().field("run", run.run().name()).field("sequence", run.sequence())
                .field("records", run.records()).field("inputFrom", run.inputFrom()).field("inputTo", run.inputTo())
                .endObject();
        }

        private static void header(final CsvWriter csv, final List<String> header)
        {
            for (final String column : header)
            {
                csv.field(column);
            }
            csv.endRecord();
        }

        /**
         * A change with its sign; one too small to show at the column's decimals (but not zero) in scientific form,
         * so that a figure that moved never reads as unchanged.
         */
        private static String signed(final double value, final int decimals)
        {
            final boolean tiny = value != 0 && Math.abs(value) < 0.5 * Math.pow(10, -decimals);
            return String.format(Locale.ROOT, tiny ? "%+.1e" : "%+,." + decimals + "f", value);
        }
    }

    /**
     * A usage error (exit 2) unless {@code dir} holds an engine journal.
     */
    static void requireJournal(final CommandSpec spec, final Path dir)
    {
        if (!Files.isDirectory(dir.resolve(Journal.INPUTS)))
        {
            throw new ParameterException(spec.commandLine(), "--journal " + dir + ": no engine journal there " +
                "(expected " + dir.resolve(Journal.INPUTS) + "); a journal is written by ./bsc settle --bundle DIR " +
                "--out DIR --journal " + dir + " or ./bsc demo");
        }
    }

    /**
     * A usage error (exit 2) unless the settlement calendar covers {@code date}.
     */
    static void supported(final CommandSpec spec, final LocalDate date)
    {
        if (date.isBefore(SettlementCalendar.FIRST_SUPPORTED_DAY) ||
            date.isAfter(SettlementCalendar.LAST_SUPPORTED_DAY))
        {
            throw new ParameterException(spec.commandLine(), "--date " + date + " is outside the supported range " +
                SettlementCalendar.FIRST_SUPPORTED_DAY + ".." + SettlementCalendar.LAST_SUPPORTED_DAY);
        }
    }

    /**
     * Keeps standard output open when the CSV writer over it is flushed.
     */
    private static final class KeepOpen extends Writer
    {
        private final PrintWriter delegate;

        KeepOpen(final PrintWriter delegate)
        {
            this.delegate = delegate;
        }

        @Override
        public void write(final char[] buffer, final int offset, final int length)
        {
            delegate.write(buffer, offset, length);
        }

        @Override
        public void flush()
        {
            delegate.flush();
        }

        @Override
        public void close()
        {
            flush();
        }
    }
}
