package io.gbsettle.core.engine;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.gbsettle.core.event.EventType;
import io.gbsettle.core.event.ResultRecord;
import io.gbsettle.core.event.ResultType;
import io.gbsettle.core.files.CsvWriter;
import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.settle.SettlementReportCsv;

/**
 * Writes one run's result records as files a spreadsheet or a script can read: the four settlement reports of
 * {@link SettlementReportCsv} (same headers, same order as {@code bsc settle}), and beside them
 *
 * <pre>
 *   missing_inputs.csv   settlement_date,settlement_period,bm_unit_id,missing
 *                        what failed to arrive before the run (metered volumes per BM Unit and period; balancing,
 *                        market index, NETBSAD and LoLP data per period)
 *   run_diff.csv         settlement_date,settlement_period,party_id,run_before,run_after,net_before_gbp,
 *                        net_after_gbp,net_change_gbp,qaei_before_mwh,qaei_after_mwh,qaei_change_mwh
 *                        what moved, per party and period, since the day's previous run
 *   exceptions.csv       the problems given (rows left out while loading) and those the run reported
 * </pre>
 *
 * Feed it the records of one complete run (RUN_START .. RUN_END), then close it.
 */
public final class RunCsv implements AutoCloseable
{
    /** Missing inputs file. */
    public static final String MISSING_FILE = "missing_inputs.csv";
    /** Run-to-run differences file. */
    public static final String DIFF_FILE = "run_diff.csv";
    /** Missing inputs header. */
    public static final List<String> MISSING_HEADER = List.of("settlement_date", "settlement_period", "bm_unit_id",
        "missing");
    /** Run-to-run differences header. */
    public static final List<String> DIFF_HEADER = List.of("settlement_date", "settlement_period", "party_id",
        "run_before", "run_after", "net_before_gbp", "net_after_gbp", "net_change_gbp", "qaei_before_mwh",
        "qaei_after_mwh", "qaei_change_mwh");

    private final MarketRegistry registry;
    private final String date;
    private final Path dir;
    private final SettlementReportCsv reports;
    private final CsvWriter missing;
    private final CsvWriter diff;
    private final List<InputProblem> problems;
    private final StringBuilder text = new StringBuilder();
    private long missingRows;
    private long diffRows;

    /**
     * @param registry      the registry the indices refer to.
     * @param date          the Settlement Day.
     * @param dir           the output directory (created if missing).
     * @param knownProblems problems found before the engine (while loading the inputs), listed first.
     */
    public RunCsv(final MarketRegistry registry, final LocalDate date, final Path dir,
        final List<InputProblem> knownProblems)
    {
        this.registry = registry;
        this.date = date.toString();
        this.dir = dir;
        this.reports = new SettlementReportCsv(registry, date, dir);
        this.missing = CsvWriter.create(dir.resolve(MISSING_FILE), MISSING_HEADER);
        this.diff = CsvWriter.create(dir.resolve(DIFF_FILE), DIFF_HEADER);
        this.problems = new ArrayList<>(knownProblems);
    }

    /**
     * @param r one record of the run.
     */
    public void accept(final ResultRecord r)
    {
        if (RunResults.toReport(r, reports))
        {
            return;
        }
        switch (r.type())
        {
            case ResultType.MISSING_INPUT ->
            {
                text.setLength(0);
                missing.field(date).field(Integer.toString(r.period()))
                    .field(r.subject() >= 0 ? registry.bmUnitId(r.subject()) : "")
                    .field(ResultType.appendQuality(r.quality(), text).toString()).endRecord();
                missingRows++;
            }
            case ResultType.PARTY_PERIOD_DIFF ->
            {
                diff.field(date).field(Integer.toString(r.period())).field(registry.partyId(r.subject()))
                    .field(ResultType.runName((int)r.value(6)) + "#" + (int)r.value(7))
                    .field(ResultType.runName(r.run()) + "#" + r.runSequence())
                    .field(r.value(0)).field(r.value(1)).field(r.value(2)).field(r.value(3)).field(r.value(4))
                    .field(r.value(5)).endRecord();
                diffRows++;
            }
            case ResultType.PROBLEM -> problems.add(problem(r, registry));
            default ->
            {
            }
        }
    }

    /**
     * A problem record as people read it.
     *
     * @param r        a {@link ResultType#PROBLEM} record.
     * @param registry the registry.
     * @return the problem.
     */
    public static InputProblem problem(final ResultRecord r, final MarketRegistry registry)
    {
        final String unit = r.subject() >= 0 ? registry.bmUnitId(r.subject()) : "";
        final long number = (long)r.value(1);
        return switch ((int)r.value(0))
        {
            case ResultType.PROBLEM_UNPRICED_VOLUME -> new InputProblem("BOALF", 0, r.period(), unit,
                "acceptanceNumber", Long.toString(number), "accepted volume lies outside every submitted bid-offer " +
                "band (no BOD pair prices it): counted in QBS and QME, priced at 0 for CBM and non-delivery, left " +
                "out of the imbalance price; deemed bid-offer prices are not implemented");
            case ResultType.PROBLEM_RESIDUAL_NOT_REALLOCATED -> new InputProblem("run", 0, r.period(), "", "", "",
                "the Trading Unit-signed credited energy of all accounts nets to zero, so RCRP is undefined and the " +
                "residual is not reallocated");
            case ResultType.PROBLEM_RUN_FAILED -> new InputProblem("run", 0, 0, "", "position", Long.toString(number),
                "the settlement run triggered at input position " + number + " could not complete; see the engine's " +
                "log for why");
            case ResultType.PROBLEM_LEFT_OUT -> new InputProblem("run", 0, r.period(), unit, "position",
                Long.toString(number), String.format(Locale.ROOT, "input record at position %d left out of the " +
                "run: its BM Unit is not registered on the day or its period is not in the day (see bsc journal " +
                "inspect --from %d --limit 1)", number, number));
            default -> new InputProblem(EventType.name((int)r.value(3)), 0, r.period(), unit, "position",
                Long.toString(number), String.format(Locale.ROOT, "input record rejected: %s (raw record kept in " +
                "the journal at input position %d)", InputValidation.reason((int)r.value(2)), number));
        };
    }

    /**
     * @return every problem: those given, then those of the run.
     */
    public List<InputProblem> problems()
    {
        return List.copyOf(problems);
    }

    /**
     * @return rows written to {@value #MISSING_FILE}.
     */
    public long missingRows()
    {
        return missingRows;
    }

    /**
     * @return rows written to {@value #DIFF_FILE}.
     */
    public long diffRows()
    {
        return diffRows;
    }

    /**
     * @return the settlement reports' writer (row counts).
     */
    public SettlementReportCsv reports()
    {
        return reports;
    }

    /**
     * Closes every file and writes {@code exceptions.csv}.
     *
     * @throws UncheckedIOException if a file cannot be written.
     */
    @Override
    public void close()
    {
        try (reports; missing; diff)
        {
            SettlementReportCsv.writeExceptions(dir, problems);
        }
    }
}
