package io.gbsettle.tools;

import java.nio.file.Path;
import java.time.LocalDate;

import io.gbsettle.core.files.RegistryCsv;
import io.gbsettle.core.registry.MarketRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bsc registry}: load and inspect a market registry.
 */
@Command(
    name = "registry",
    mixinStandardHelpOptions = true,
    description = "Load, validate and inspect a market registry.",
    subcommands = RegistryCommand.Check.class,
    footer = {"", "Example: ./bsc registry check --dir out/registry"})
final class RegistryCommand extends CommandGroup
{

    /**
     * {@code bsc registry check}.
     */
    @Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Load parties.csv, bm_units.csv and (optional) tlf.csv from a directory, validating every row, and print",
            "a JSON summary as of a settlement date. Problems are listed with file, line, column and reason,",
            "and the exit code is 1."},
        footer = {"", "Example: ./bsc registry check --dir out/registry --date 2026-11-23"})
    static final class Check implements Runnable
    {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Directory with the CSV files.")
        Path dir;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "Settlement date the summary is as of (default: today in Europe/London).")
        LocalDate date;

        @Override
        public void run()
        {
            final MarketRegistry registry = RegistryCsv.load(dir);
            final LocalDate asOf = date == null ? LocalDate.now(io.gbsettle.core.time.SettlementCalendar.ZONE) : date;
            spec.commandLine().getOut().println(RegistrySummary.json(registry, asOf.toEpochDay(), dir.toString()));
        }
    }
}
