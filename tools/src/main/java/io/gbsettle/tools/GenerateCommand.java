package io.gbsettle.tools;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

import io.gbsettle.core.files.SyntheticBundle;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.time.SettlementCalendar;
import io.gbsettle.core.time.SettlementRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bsc generate}: synthetic, deterministic data for tests, benchmarks and demos.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Generate synthetic, deterministic market data.",
    subcommands = {GenerateCommand.Registry.class, GenerateCommand.Bundle.class},
    footer = {"", "Example: ./bsc generate registry --out out/registry"})
final class GenerateCommand extends CommandGroup
{

    /**
     * {@code bsc generate registry}.
     */
    @Command(
        name = "registry",
        mixinStandardHelpOptions = true,
        description = {
            "Write a synthetic market registry (parties.csv, bm_units.csv, tlf.csv): supplier base units per GSP",
            "group, additional supplier units, transmission and embedded generators, interconnectors, virtual",
            "lead party units and a few effective-dated lead-party changes. Same seed, same bytes."},
        footer = {"", "Example: ./bsc generate registry --out out/registry --size national --seed 42"})
    static final class Registry implements Runnable
    {
        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write into.")
        Path out;

        @Mixin
        SyntheticOptions synthetic;

        @Override
        public void run()
        {
            final MarketRegistry registry = synthetic.writeRegistry(out);
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d parties, %d BM Units (%d versions) to %s%n",
                registry.partyCount(), registry.bmUnitCount(), registry.versionCount(), out.toAbsolutePath());
        }
    }

    /**
     * {@code bsc generate bundle}.
     */
    @Command(
        name = "bundle",
        mixinStandardHelpOptions = true,
        description = {
            "Write a synthetic day bundle for 'bsc settle': the registry of --size, day.json, metered volumes near",
            "FPN plus accepted volume, thousands of ECVNs a period, a few MVRNs and ABSVD rows, and Insights JSON",
            "for PN, BOD (pairs ±1..±3), BOALF (a few hundred acceptances), DISBSAD, NETBSAD, MID and LoLP.",
            "--with-errors appends one bad row of each kind (settle then lists them in exceptions.csv).",
            "Same seed, size, date and run: same bytes."},
        footer = {"", "Example: ./bsc generate bundle --out out/bundle --size national --seed 42 --date 2025-06-10"})
    static final class Bundle implements Runnable
    {
        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write into.")
        Path out;

        @Mixin
        SyntheticOptions synthetic;

        @Option(names = "--date", defaultValue = "2025-06-10", paramLabel = "YYYY-MM-DD",
            description = "Settlement date (default ${DEFAULT-VALUE}).")
        LocalDate date;

        @Option(names = "--run", defaultValue = "SF", description = "Settlement run written to day.json: " +
            "II, SF, R1, R2, R3, RF or DF (default ${DEFAULT-VALUE}).")
        SettlementRun run;

        @Option(names = "--with-errors", description = "Plant one bad row of each kind.")
        boolean withErrors;

        @Override
        public void run()
        {
            if (date.isBefore(SettlementCalendar.FIRST_SUPPORTED_DAY) ||
                date.isAfter(SettlementCalendar.LAST_SUPPORTED_DAY))
            {
                throw new ParameterException(spec.commandLine(), "--date " + date + " is outside the supported range " +
                    SettlementCalendar.FIRST_SUPPORTED_DAY + ".." + SettlementCalendar.LAST_SUPPORTED_DAY);
            }
            final MarketRegistry registry = SyntheticRegistry.generate(synthetic.seed, synthetic.size);
            final SyntheticBundle.Summary summary = SyntheticBundle.write(registry, synthetic.seed, date, run,
                withErrors, out);
            spec.commandLine().getOut().printf(Locale.ROOT,
                "wrote a %s day bundle for %s (%d periods) to %s: %d parties, %d BM Units, %,d PN segments, " +
                "%,d BOD rows, %d acceptances (%,d BOALF segments), %,d metered volumes, %,d ECVNs, %d MVRNs, " +
                "%d ABSVD rows, %d DISBSAD rows, %d MID rows%s%n",
                synthetic.size, date, summary.periods(), out.toAbsolutePath(), registry.partyCount(),
                registry.bmUnitCount(), summary.pnRows(), summary.bodRows(), summary.acceptances(),
                summary.boalfRows(), summary.meteredRows(), summary.ecvnRows(), summary.mvrnRows(),
                summary.absvdRows(), summary.disbsadRows(), summary.midRows(),
                withErrors ? ", and " + summary.planted().size() + " planted bad rows" : "");
        }
    }
}
