package io.gbsettle.tools;

import java.nio.file.Path;
import java.util.Locale;

import io.gbsettle.core.files.RegistryCsv;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import picocli.CommandLine.Command;
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
     * Writes a synthetic registry and returns it.
     */
    static MarketRegistry writeRegistry(final Path out, final SyntheticRegistry.Size size, final long seed)
    {
        final MarketRegistry registry = SyntheticRegistry.generate(seed, size);
        RegistryCsv.write(registry, out);
        return registry;
    }

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

        @Option(names = "--size", defaultValue = "NATIONAL",
            description = "SMALL, MEDIUM or NATIONAL (~2,700 BM Units, 350 parties; default ${DEFAULT-VALUE}).")
        SyntheticRegistry.Size size;

        @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public void run()
        {
            final MarketRegistry registry = writeRegistry(out, size, seed);
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d parties, %d BM Units (%d versions) to %s%n",
                registry.partyCount(), registry.bmUnitCount(), registry.versionCount(), out.toAbsolutePath());
        }
    }
}
