package io.gbsettle.tools;

import java.nio.file.Path;

import io.gbsettle.core.files.RegistryCsv;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import picocli.CommandLine.Option;

/**
 * {@code --size} and {@code --seed}: the options of every command that generates a synthetic market.
 */
final class SyntheticOptions
{
    @Option(names = "--size", defaultValue = "NATIONAL",
        description = "SMALL, MEDIUM or NATIONAL (~2,700 BM Units, 350 parties; default ${DEFAULT-VALUE}).")
    SyntheticRegistry.Size size;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    /**
     * Generates the registry and writes it as CSV.
     *
     * @param out the directory, created if missing.
     * @return the registry written.
     */
    MarketRegistry writeRegistry(final Path out)
    {
        final MarketRegistry registry = SyntheticRegistry.generate(seed, size);
        RegistryCsv.write(registry, out);
        return registry;
    }
}
