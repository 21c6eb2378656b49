package io.gbsettle.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.gbsettle.adapters.sftp.flow.InboundFile;
import io.gbsettle.adapters.sftp.flow.InboundFlows;
import io.gbsettle.adapters.sftp.flow.S0142Report;
import io.gbsettle.adapters.sftp.reconcile.Reconciliation;
import io.gbsettle.adapters.sftp.reconcile.SettlementFigures;
import io.gbsettle.adapters.sftp.reconcile.SettlementFigures.Quantity;
import io.gbsettle.core.files.RegistryCsv;
import io.gbsettle.core.journal.Journal;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.time.EpochDays;
import io.gbsettle.core.time.SettlementRun;
import org.agrona.concurrent.UnsafeBuffer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bsc sftp reconcile}: the engine's results for a day and run against Elexon's S0142 settlement report.
 * A subcommand of {@code bsc sftp}.
 */
@Command(
    name = "reconcile",
    mixinStandardHelpOptions = true,
    description = {
        "Compare the engine's latest complete run of the S0142's Settlement Date and run type (from its journal)",
        "with the S0142's figures: metered volume, TLM, BM Unit cashflow, credited energy, imbalance volume,",
        "CAEI, RCRC and system price. Writes reconciliation.csv (each figure that differs or is on one side only:",
        "quantity, BM Unit or account, period, engine value, Elexon value, difference) and",
        "reconciliation_summary.json (counts, largest difference per quantity)."},
    footer = {"", "Exit codes: 0 everything matches, 1 differences (or the S0142 is rejected), 2 usage error,",
        "3 failure.",
        "Example: ./bsc sftp reconcile --journal out/journal --s0142 out/journal/sftp/reconciliation/SA20250610S142 \\",
        "           --out out/reconciliation"})
final class SftpReconcileCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--journal", required = true, paramLabel = "DIR", description = "The engine's journal.")
    Path journal;

    @Option(names = "--s0142", required = true, paramLabel = "FILE", description = "The S0142 settlement report.")
    Path s0142;

    @Option(names = "--run", paramLabel = "RUN",
        description = "Run type of the engine's results to compare (default: the S0142's own).")
    SettlementRun run;

    @Option(names = "--registry", paramLabel = "DIR",
        description = "Registry CSV directory (default: the one in the journal).")
    Path registry;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reconciliation",
        description = "Where to write the two files (default ./reconciliation).")
    Path out;

    @Override
    public Integer call() throws IOException
    {
        if (!Files.isRegularFile(s0142))
        {
            throw new ParameterException(spec.commandLine(), "--s0142 " + s0142 + " is not a file");
        }
        final Path registryDir = registry != null ? registry : journal.resolve(Journal.REGISTRY);
        if (!Files.isDirectory(registryDir))
        {
            throw new ParameterException(spec.commandLine(), "no registry in " + registryDir + ": give --registry DIR");
        }
        final MarketRegistry reg = RegistryCsv.load(registryDir);
        final PrintWriter outWriter = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final byte[] bytes = Files.readAllBytes(s0142);
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        final InboundFlows flows = new InboundFlows(reg);
        final InboundFile file = flows.verify(s0142.getFileName().toString(), buffer, 0, bytes.length);
        if (!file.accepted() || !"S0142".equals(file.flowId()))
        {
            err.println(file.accepted() ? s0142 + " is a " + file.flowId() + ", not an S0142" : file.reason());
            return ExitCode.DATA_PROBLEMS;
        }
        final S0142Report report = S0142Report.read(file, buffer, 0, bytes.length, flows);
        final int yyyymmdd = report.settlementDate();
        final LocalDate date = LocalDate.ofEpochDay(EpochDays.of(yyyymmdd / 10_000, yyyymmdd / 100 % 100,
            yyyymmdd % 100));
        final SettlementRun which = run != null ? run : SettlementRun.ofCode(report.runType());
        final SettlementFigures engine = SettlementFigures.fromJournal(journal, reg, date.toEpochDay(), which);
        if (engine == null)
        {
            err.println("the journal " + journal + " holds no complete " + which + " run of " + date);
            return ExitCode.DATA_PROBLEMS;
        }
        final Reconciliation.Summary s = new Reconciliation(flows.catalogue()).reconcile(reg, date, engine,
            report.figures(), report.unknownSubjects(), out);
        outWriter.printf(Locale.ROOT, "reconciled %s %s: %,d figures compared, %,d differ, %,d engine only, " +
            "%,d Elexon only, %d unknown subjects -> %s%n", date, which, s.compared(), s.differing(), s.engineOnly(),
            s.elexonOnly(), s.unknownSubjects().size(), out.resolve(Reconciliation.CSV_FILE).toAbsolutePath());
        for (final Quantity q : Quantity.values())
        {
            final long n = s.differingBy().getOrDefault(q, 0L);
            if (n > 0)
            {
                outWriter.printf(Locale.ROOT, "  %-17s %,d differ, largest %s%n", q.name().toLowerCase(Locale.ROOT),
                    n, s.maxAbsDiff().get(q));
            }
        }
        return s.clean() ? ExitCode.OK : ExitCode.DATA_PROBLEMS;
    }
}
