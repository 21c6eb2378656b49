package io.gbsettle.tools;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

import io.gbsettle.core.files.SyntheticBundle;
import io.gbsettle.core.mhhs.MeterDayGenerator;
import io.gbsettle.core.mhhs.MeterStore;
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
    subcommands = {GenerateCommand.Registry.class, GenerateCommand.Day.class, GenerateCommand.MeterData.class},
    footer = {"", "Example: ./bsc generate day --out out/day --size medium --seed 7",
        "         ./bsc generate registry --out out/registry"})
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
     * {@code bsc generate day} (alias {@code bundle}, its earlier name).
     */
    @Command(
        name = "day",
        aliases = "bundle",
        mixinStandardHelpOptions = true,
        description = {
            "Write a synthetic day bundle (#3) for 'bsc settle' at a chosen size, for tests, benchmarks and demos:",
            "the registry of --size, day.json, metered volumes near",
            "FPN plus accepted volume, thousands of ECVNs a period, a few MVRNs and ABSVD rows, and Insights JSON",
            "for PN, BOD (pairs ±1..±3), BOALF (a few hundred acceptances), DISBSAD, NETBSAD, MID and LoLP.",
            "--with-errors appends one bad row of each kind (settle then lists them in exceptions.csv).",
            "Same seed, size, date and run: same bytes. 'generate bundle' is an alias of 'generate day'."},
        footer = {"", "Example: ./bsc generate day --out out/day --size national --seed 42 --date 2025-06-10",
            "         ./bsc generate day --out out/day-r1 --date 2025-06-10 --run R1 --with-errors"})
    static final class Day implements Runnable
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

    /**
     * {@code bsc generate meter-data}.
     */
    @Command(
        name = "meter-data",
        mixinStandardHelpOptions = true,
        description = {
            "Generate a realistic day of meter-point half-hourly reads into a meter store",
            "(--out): MPANs across the 14 GSP Groups, registered to the --size registry's",
            "suppliers with skewed shares, load shapes by profile class, estimated reads,",
            "LLF classes, GSP Group Takes, and a few reads that cannot be aggregated.",
            "--files also writes the day as flat files in DIR/flows (registrations,",
            "D0265, D0036 with planted bad reads, gsp_take.csv). Same seed, size, date",
            "and MPANs: same bytes."},
        footer = {"", "Example: ./bsc generate meter-data --mpans 100000 --out out/meters --files"})
    static final class MeterData implements Runnable
    {
        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The store directory.")
        Path out;

        @Option(names = "--mpans", required = true, paramLabel = "N", description = "How many MPANs.")
        int mpans;

        @Option(names = "--date", defaultValue = "2025-06-10", paramLabel = "YYYY-MM-DD",
            description = "Settlement date (default ${DEFAULT-VALUE}).")
        LocalDate date;

        @Option(names = "--files", description = "Also write the day as flat files in DIR/flows.")
        boolean files;

        @Option(names = "--threads", paramLabel = "N", description = "Generator threads (default: all cores).")
        int threads = Runtime.getRuntime().availableProcessors();

        @Mixin
        SyntheticOptions synthetic;

        @Override
        public void run()
        {
            if (mpans < 1 || mpans > MeterStore.MAX_SLOTS || threads < 1)
            {
                throw new ParameterException(spec.commandLine(), "--mpans must be 1.." +
                    MeterStore.MAX_SLOTS + " and --threads at least 1");
            }
            final long started = System.nanoTime();
            final MeterDayGenerator.Summary s = MeterDayGenerator.generate(
                SyntheticRegistry.generate(synthetic.seed, synthetic.size), synthetic.seed, date, mpans, out,
                files ? out.resolve("flows") : null, threads);
            spec.commandLine().getOut().printf(Locale.ROOT,
                "wrote a meter store for %s (%d periods) to %s: %,d MPANs, %,d reads, %d suppliers, %d keys%s " +
                "in %,d ms%n", date, s.periods(), out.toAbsolutePath(), s.slots(), s.reads(), s.suppliers(), s.keys(),
                files ? String.format(Locale.ROOT, "; %d flat files (%,.1f MB) in %s", s.files(), s.fileBytes() / 1e6,
                out.resolve("flows")) : "", (System.nanoTime() - started) / 1_000_000);
        }
    }
}
