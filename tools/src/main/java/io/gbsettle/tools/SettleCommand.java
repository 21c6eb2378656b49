package io.gbsettle.tools;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.input.InvalidInputException;
import io.gbsettle.core.settle.DaySettlement;
import io.gbsettle.core.settle.SettlementReport;
import io.gbsettle.core.settle.SettlementReportCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bsc settle}: settles one day bundle and writes the reports.
 *
 * <pre>
 *   [1/3] load      DayBundle.load(--bundle)          → exceptions.csv (rows left out, missing metered volumes)
 *   [2/3] settle    DaySettlement, period by period   → SettlementReportCsv
 *   [3/3] report    bmu_period.csv account_period.csv period.csv party_day.csv, summary
 * </pre>
 *
 * Exit codes: 0 settled with no exception; 1 settled, but rows were left out or metered volumes were missing (settled
 * as 0; each listed in {@code exceptions.csv});
 * 2 usage (a missing option, a bundle path that is not a directory); 3 the day could not be settled (a required file
 * missing, a file without its required columns, an invalid registry or {@code day.json}; every problem is printed
 * and no report is written) or another failure.
 */
@Command(
    name = "settle",
    mixinStandardHelpOptions = true,
    description = {
        "Settle one Settlement Day from a day bundle directory (day.json, registry CSVs, metered volumes, ECVN,",
        "MVRN, ABSVD, and Insights JSON for PN, BOD, BOALF, DISBSAD, NETBSAD, MID, LoLP) and write",
        "bmu_period.csv, account_period.csv, period.csv, party_day.csv and exceptions.csv into --out."},
    footer = {
        "",
        "Exit codes: 0 ok, 1 rows left out or metered volumes missing (see exceptions.csv), 2 usage error,",
        "3 the day could not be settled.",
        "Example: ./bsc settle --bundle examples/bundles/tv5 --out out/tv5",
        "         ./bsc settle --bundle examples/bundles/tv5 --out out/tv5 --journal out/tv5-journal"})
final class SettleCommand implements Callable<Integer>
{
    private static final int STEPS = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--bundle", required = true, paramLabel = "DIR", description = "The day bundle directory.")
    Path bundleDir;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the reports.")
    Path out;

    @Option(names = "--json-summary", description = "Print the summary as JSON (progress goes to stderr).")
    boolean jsonSummary;

    @Option(names = "--journal", paramLabel = "DIR", description = {
        "Run the day through the engine's ring with its journal in DIR (created if missing): every input and",
        "result is journaled, and a run killed at any point resumes from the journal when run again and",
        "writes the same reports. Also writes missing_inputs.csv and run_diff.csv (against the day's",
        "previous run in the journal)."})
    Path journal;

    @Override
    public Integer call()
    {
        if (!Files.isDirectory(bundleDir))
        {
            throw new ParameterException(spec.commandLine(), "--bundle " + bundleDir + " is not a directory");
        }
        final PrintWriter console = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final PrintWriter progress = jsonSummary ? err : console;

        step(progress, 1, "loading day bundle " + bundleDir);
        final DayBundle bundle;
        try
        {
            bundle = DayBundle.load(bundleDir);
        }
        catch (final InvalidInputException ex)
        {
            err.println("settle: " + ex.summary() + "; the day was not settled");
            for (final InputProblem problem : ex.problems())
            {
                err.println("  " + problem.describe());
            }
            return ExitCode.FAILURE;
        }
        if (journal != null)
        {
            return new JournaledSettle(bundle, journal, out, progress, err).run();
        }
        final List<InputProblem> problems = new ArrayList<>(bundle.problems());
        SettlementReportCsv.writeExceptions(out, problems);
        progress.printf(Locale.ROOT,
            "      %s run %s: %d periods, %d BM Units, %d Energy Accounts, %d parties; %d input problems -> %s%n",
            bundle.settlementDate(), bundle.run(), bundle.periodCount(), activeBmUnits(bundle),
            bundle.registry().energyAccountCount(), bundle.registry().partyCount(), problems.size(),
            out.resolve(SettlementReportCsv.EXCEPTIONS_FILE));

        step(progress, 2, "settling " + bundle.periodCount() + " periods");
        final long started = System.nanoTime();
        final long[] rows;
        try (SettlementReportCsv report = new SettlementReportCsv(bundle.registry(), bundle.settlementDate(), out))
        {
            final List<InputProblem> found = settle(bundle, report);
            if (!found.isEmpty())
            {
                problems.addAll(found);
                SettlementReportCsv.writeExceptions(out, problems);
            }
            rows = new long[] {report.bmUnitPeriodRows(), report.accountPeriodRows(), report.periodRows(),
                report.partyDayRows()};
        }
        catch (final IllegalArgumentException | IllegalStateException ex)
        {
            err.println("settle: the day could not be settled: " + ex.getMessage() +
                " (the reports in " + out + " are incomplete)");
            return ExitCode.FAILURE;
        }
        final long millis = (System.nanoTime() - started) / 1_000_000;

        step(progress, 3, "reports written to " + out.toAbsolutePath());
        if (jsonSummary)
        {
            console.println(new Json().beginObject()
                .field("settlementDate", bundle.settlementDate().toString())
                .field("run", bundle.run().name())
                .field("periods", bundle.periodCount())
                .field("bmUnits", activeBmUnits(bundle))
                .field("energyAccounts", bundle.registry().energyAccountCount())
                .field("parties", bundle.registry().partyCount())
                .field("exceptions", problems.size())
                .field("settleMillis", millis)
                .name("files").beginObject()
                .field(SettlementReportCsv.BMU_PERIOD_FILE, rows[0])
                .field(SettlementReportCsv.ACCOUNT_PERIOD_FILE, rows[1])
                .field(SettlementReportCsv.PERIOD_FILE, rows[2])
                .field(SettlementReportCsv.PARTY_DAY_FILE, rows[3])
                .field(SettlementReportCsv.EXCEPTIONS_FILE, problems.size())
                .endObject()
                .field("out", out.toAbsolutePath().toString())
                .endObject());
        }
        else
        {
            console.printf(Locale.ROOT, "      %s %,d rows, %s %,d rows, %s %,d rows, %s %,d rows (settled in %d ms)%n",
                SettlementReportCsv.BMU_PERIOD_FILE, rows[0], SettlementReportCsv.ACCOUNT_PERIOD_FILE, rows[1],
                SettlementReportCsv.PERIOD_FILE, rows[2], SettlementReportCsv.PARTY_DAY_FILE, rows[3], millis);
            if (!problems.isEmpty())
            {
                console.printf(Locale.ROOT, "      %d input problems (rows left out, metered volumes missing, " +
                    "unpriced accepted volume); see %s%n",
                    problems.size(), out.resolve(SettlementReportCsv.EXCEPTIONS_FILE));
            }
        }
        return problems.isEmpty() ? ExitCode.OK : ExitCode.DATA_PROBLEMS;
    }

    /**
     * Settles a loaded day into a report (the one way {@code settle} and the demo do it).
     *
     * @param bundle the loaded day.
     * @param report where the rows go.
     * @return the problems found while settling (those found while loading are {@code bundle.problems()}).
     */
    static List<InputProblem> settle(final DayBundle bundle, final SettlementReport report)
    {
        final DaySettlement settlement = new DaySettlement(bundle);
        settlement.settle(report);
        return settlement.problems();
    }

    private static int activeBmUnits(final DayBundle bundle)
    {
        int active = 0;
        for (int i = 0; i < bundle.registry().bmUnitCount(); i++)
        {
            if (bundle.day().active(i))
            {
                active++;
            }
        }
        return active;
    }

    private void step(final PrintWriter progress, final int step, final String what)
    {
        progress.printf(Locale.ROOT, "[%d/%d] %s%n", step, journal != null ? STEPS + 1 : STEPS, what);
        progress.flush();
    }
}
