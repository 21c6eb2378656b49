package io.gbsettle.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.gbsettle.core.kernel.aggregate.ReadRejection;
import io.gbsettle.core.mhhs.MeterIngest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bsc meter-data}: the meter store of supplier volume aggregation (MHHS).
 */
@Command(
    name = "meter-data",
    mixinStandardHelpOptions = true,
    description = "Build and inspect meter stores (one Settlement Day of meter-point half-hourly reads).",
    subcommands = {MeterDataCommand.Ingest.class},
    footer = {"", "Example: ./bsc meter-data ingest --files out/meters/flows --store out/in \\",
        "           --date 2025-06-10"})
final class MeterDataCommand extends CommandGroup
{
    /**
     * {@code bsc meter-data ingest}.
     */
    @Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Build a meter store from a directory of flat files: registrations (*.reg),",
            "D0265 line loss factors (*.ptf), gsp_take.csv and D0036 half-hourly advances",
            "(*.usr, in name order; a later read replaces an earlier one). Rejected reads",
            "are counted by reason and listed in the store's ingest_rejections.csv."},
        footer = {"", "Exit codes: 0 ok, 1 reads rejected, 2 usage error, 3 failure.",
            "Example: ./bsc meter-data ingest --files out/meters/flows --store out/in \\",
            "           --date 2025-06-10"})
    static final class Ingest implements Callable<Integer>
    {
        @Spec
        CommandSpec spec;

        @Option(names = "--files", required = true, paramLabel = "DIR", description = "The flat files.")
        Path files;

        @Option(names = "--store", required = true, paramLabel = "DIR", description = "The store to create.")
        Path store;

        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The Settlement Day.")
        LocalDate date;

        @Override
        public Integer call()
        {
            if (!Files.isDirectory(files))
            {
                throw new ParameterException(spec.commandLine(), "--files " + files + " is not a directory");
            }
            final MeterIngest.Summary s = MeterIngest.ingest(files, store, date, 100_000);
            final StringBuilder reasons = new StringBuilder();
            for (int r = 0; r < ReadRejection.COUNT; r++)
            {
                if (s.rejected()[r] > 0)
                {
                    reasons.append(reasons.length() == 0 ? " (" : ", ").append(ReadRejection.name(r)).append(' ')
                        .append(s.rejected()[r]);
                }
            }
            spec.commandLine().getOut().printf(Locale.ROOT,
                "ingested %d files into %s: %,d MPANs, %d keys, %,d reads read, %,d rejected%s; D0036 %,.1f MB " +
                "in %,d ms (%,.0f MB/s on one core)%n", s.files(), store.toAbsolutePath(), s.slots(), s.keys(),
                s.readsRead(), s.rejectedTotal(), reasons.length() == 0 ? "" : reasons + ")", s.d0036Bytes() / 1e6,
                s.d0036Nanos() / 1_000_000, s.d0036Bytes() / 1e6 / Math.max(1e-9, s.d0036Nanos() / 1e9));
            for (final String problem : s.problems())
            {
                spec.commandLine().getErr().println("  " + problem);
            }
            return s.rejectedTotal() == 0 && s.problems().isEmpty() ? ExitCode.OK : ExitCode.DATA_PROBLEMS;
        }
    }
}
