package io.gbsettle.tools;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.input.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code bsc}: the command line of the gbsettle engine.
 *
 * <pre>
 *   ./bsc demo                         the foundation demo (national registry + settlement calendar)
 *   ./bsc calendar day --date D        the periods of a settlement day, UTC and local
 *   ./bsc calendar runs --date D       when each settlement run of a day falls due
 *   ./bsc calendar due --on D          which settlement days and runs fall due on a date
 *   ./bsc calendar holidays --year Y   England and Wales bank holidays
 *   ./bsc generate registry --out DIR  a synthetic registry (parties.csv, bm_units.csv)
 *   ./bsc registry check --dir DIR     load and validate a registry, summarise it
 *   ./bsc price --date D --period N --offers F --bids F [--netbsad F] [--mid F] [--json]
 *                                      recompute a period's imbalance price from the published stack
 *   ./bsc generate day --out DIR       a synthetic day bundle (registry, metered volumes, ECVN, Insights JSON);
 *                                      'generate bundle' is its alias
 *   ./bsc settle --bundle DIR --out DIR [--journal DIR]  settle a day bundle: four reports and exceptions.csv
 *   ./bsc replay --journal DIR [--from POSITION] [--verify]  re-run a journal, compare every result
 *   ./bsc runs list --journal DIR [--date D]   every settlement run in a journal, complete or cut
 *   ./bsc runs diff --journal DIR --date D --from SF --to R1   what moved between two runs, per party and period
 *   ./bsc journal inspect --journal DIR [--results] [--date D] [--period N] [--bmu ID] [--party ID] [--type T]
 *                         [--from POSITION] [--limit N] [--format text|csv|json]
 *                                      an engine journal's records in human-readable form
 *   ./bsc generate meter-data --mpans N --date D --out DIR [--files]
 *                                      a realistic day of meter-point half-hourly reads in a meter store
 *   ./bsc meter-data ingest --files DIR --store DIR --date D   flat files (D0036, D0265, ...) into a store
 *   ./bsc aggregate --store DIR --date D --out DIR [--files DIR] [--bundle DIR]
 *                                      supplier volume aggregation (MHHS): supplier_period.csv and more
 *   ./bsc sftp poll --config FILE [--once]      collect flat files from SFTP counterparties into the engine
 *   ./bsc sftp send --config FILE [--counterparty ID] FILE...   upload files to a counterparty (temp + rename)
 *   ./bsc report --run SF=DIR [--run R1=DIR] [--indicative FILE] --out FILE
 *                                      report.html: self-contained charts of settlement runs' output folders
 * </pre>
 *
 * Exit codes: see {@link ExitCode}.
 */
@Command(
    name = "bsc",
    mixinStandardHelpOptions = true,
    versionProvider = Bsc.Version.class,
    description = "gbsettle: GB electricity settlement (BSC Section T) engine.",
    subcommands = {
        DemoCommand.class,
        CalendarCommand.class,
        GenerateCommand.class,
        RegistryCommand.class,
        PriceCommand.class,
        SettleCommand.class,
        JournalCommand.class,
        ReplayCommand.class,
        RunsCommand.class,
        AggregateCommand.class,
        MeterDataCommand.class,
        IrisCommand.class,
        SftpCommand.class,
        ReportCommand.class,
        CommandLine.HelpCommand.class,
    },
    footer = {
        "",
        "Exit codes: 0 ok, 1 data problems reported, 2 usage error, 3 failure.",
        "Example: ./bsc demo",
    })
public final class Bsc extends CommandGroup
{
    private static final int USAGE_WIDTH = 120;

    /**
     * @param args command line.
     */
    public static void main(final String[] args)
    {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Runs a command with the given streams and returns its exit code; what {@link #main} and the tests call.
     *
     * @param out  standard output.
     * @param err  standard error.
     * @param args command line.
     * @return the exit code, one of {@link ExitCode}.
     */
    public static int run(final PrintWriter out, final PrintWriter err, final String... args)
    {
        final CommandLine cli = new CommandLine(new Bsc());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(Bsc::onException);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.registerConverter(LocalDate.class, Bsc::date);
        // Descriptions and examples are written up to 120 columns (the code's width): shown as written, an example
        // stays on one line and can be copied whole.
        cli.setUsageHelpWidth(USAGE_WIDTH);
        return cli.execute(args);
    }

    /**
     * Every date option: ISO dates, and a message that says what to give when it is not one.
     */
    private static LocalDate date(final String text)
    {
        try
        {
            return LocalDate.parse(text);
        }
        catch (final DateTimeParseException ex)
        {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a date: give YYYY-MM-DD, e.g. " +
                "2025-06-10");
        }
    }

    private static int onException(
        final Exception ex, final CommandLine cli, final CommandLine.ParseResult parseResult)
    {
        final PrintWriter err = cli.getErr();
        final String command = cli.getCommandSpec().qualifiedName();
        if (ex instanceof InvalidInputException)
        {
            final InvalidInputException invalid = (InvalidInputException)ex;
            err.println(command + ": " + invalid.summary());
            for (final InputProblem problem : invalid.problems())
            {
                err.println("  " + problem.describe());
            }
            err.println("Fix the problems listed and run the command again.");
            return ExitCode.DATA_PROBLEMS;
        }
        if (ex instanceof UncheckedIOException)
        {
            err.println(command + ": " + ex.getMessage());
            return ExitCode.FAILURE;
        }
        err.println(command + " failed: " + ex);
        ex.printStackTrace(err);
        return ExitCode.FAILURE;
    }

    /**
     * Version from the jar manifest, or "development" when run from classes.
     */
    static final class Version implements CommandLine.IVersionProvider
    {
        @Override
        public String[] getVersion()
        {
            final String version = Bsc.class.getPackage().getImplementationVersion();
            return new String[] {"bsc " + (version == null ? "development" : version) + " (gbsettle), Java " +
                Runtime.version()};
        }
    }
}
