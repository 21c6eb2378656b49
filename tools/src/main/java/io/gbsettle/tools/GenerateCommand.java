package io.gbsettle.tools;

import java.nio.file.Path;
import java.util.Locale;

import io.gbsettle.core.registry.MarketRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bsc generate}: synthetic, deterministic data for tests, benchmarks and demos.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Generate synthetic, deterministic market data.",
    subcommands = GenerateCommand.Registry.class,
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
}
