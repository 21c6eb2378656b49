package io.gbsettle.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import io.gbsettle.core.settle.SettlementReportCsv;
import io.gbsettle.tools.report.ReportPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bsc report}: writes the self-contained {@code report.html} of one or more settlement runs' output folders
 * (see {@link ReportPage}).
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
        "Write report.html, one self-contained page (no network needed, opens from a file) with charts of the",
        "system price and NIV by period, the biggest party cashflows, the run-to-run movement and the exception",
        "list, from the output folders of settlement runs (bsc settle --out, or the demo's sf/ and r1/)."},
    footer = {
        "",
        "Exit codes: 0 ok, 1 a report file has a missing column or a bad value, 2 usage error, 3 failure.",
        "Example: ./bsc report --run SF=out/demo/sf --run R1=out/demo/r1 --indicative out/demo/indicative.csv " +
            "--out out/demo/report.html"})
final class ReportCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "LABEL=DIR", description = {
        "A run's label and output folder (holding period.csv and party_day.csv), in run order; repeat it for",
        "each run (the movement chart shows the last two)."})
    List<String> runs;

    @Option(names = "--indicative", paramLabel = "FILE",
        description = "indicative.csv: the last real-time indicative price of each period (optional).")
    Path indicative;

    @Option(names = "--title", paramLabel = "TEXT", description = "Page title (default: gbsettle settlement report).")
    String title;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The page to write.")
    Path out;

    @Override
    public Integer call()
    {
        final List<Map.Entry<String, Path>> folders = new ArrayList<>();
        for (final String run : runs)
        {
            final int eq = run.indexOf('=');
            if (eq <= 0 || eq == run.length() - 1)
            {
                throw usage("--run " + run + " is not LABEL=DIR; write it as, for example, --run SF=out/demo/sf");
            }
            final Path dir = Path.of(run.substring(eq + 1));
            if (!Files.isDirectory(dir))
            {
                throw usage("--run " + run + ": " + dir + " is not a folder; point it at the --out folder of " +
                    "bsc settle or at the demo's sf/ or r1/ folder");
            }
            for (final String file : List.of(SettlementReportCsv.PERIOD_FILE, SettlementReportCsv.PARTY_DAY_FILE))
            {
                if (!Files.isRegularFile(dir.resolve(file)))
                {
                    throw usage("--run " + run + ": " + dir + " has no " + file + "; point it at a folder written " +
                        "by bsc settle --out (or the demo)");
                }
            }
            folders.add(new AbstractMap.SimpleImmutableEntry<>(run.substring(0, eq), dir));
        }
        if (indicative != null && !Files.isRegularFile(indicative))
        {
            throw usage("--indicative " + indicative + " is not a file; leave the option out to draw no indicative " +
                "price line");
        }
        final List<Map.Entry<String, String>> facts = new ArrayList<>();
        for (final Map.Entry<String, Path> run : folders)
        {
            facts.add(new AbstractMap.SimpleImmutableEntry<>("Run " + run.getKey(),
                run.getValue().toAbsolutePath().normalize().toString()));
        }
        if (indicative != null)
        {
            facts.add(new AbstractMap.SimpleImmutableEntry<>("Indicative prices",
                indicative.toAbsolutePath().normalize().toString()));
        }
        final Path written = ReportPage.write(out, title == null ? "gbsettle settlement report" : title, folders,
            indicative, facts);
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (%d runs); open it in a browser%n",
            written.toAbsolutePath(), folders.size());
        return ExitCode.OK;
    }

    private ParameterException usage(final String message)
    {
        return new ParameterException(spec.commandLine(), message);
    }
}
