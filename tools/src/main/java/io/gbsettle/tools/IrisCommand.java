package io.gbsettle.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.gbsettle.adapters.iris.IrisDayMessages;
import io.gbsettle.adapters.iris.IrisFolder;
import io.gbsettle.adapters.iris.IrisIngest;
import io.gbsettle.adapters.iris.IrisOptions;
import io.gbsettle.adapters.iris.PriceCheckMetrics;
import io.gbsettle.core.engine.Engine;
import io.gbsettle.core.engine.EngineContext;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.RegistryCsv;
import io.gbsettle.core.journal.Journal;
import io.gbsettle.core.journal.JournalConfig;
import io.gbsettle.core.journal.PayloadJournal;
import io.gbsettle.core.registry.MarketRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bsc iris}: the IRIS adapter's commands: {@code replay} saved messages through the engine, {@code export} a
 * day bundle as IRIS messages, {@code listen} to a live queue ({@link IrisListenCommand}), {@code publish} saved
 * messages to a queue.
 */
@Command(
    name = "iris",
    mixinStandardHelpOptions = true,
    description = "The IRIS adapter (Elexon's Insights push feed): listen to a queue, replay saved messages, " +
        "export a day as messages, publish them to a queue.",
    footer = {"", "Example: ./bsc iris replay --dir out/iris --journal out/iris-journal --registry out/day"},
    subcommands = {IrisCommand.Replay.class, IrisCommand.Export.class, IrisListenCommand.class,
        IrisListenCommand.Publish.class})
final class IrisCommand extends CommandGroup
{
    /**
     * {@code bsc iris replay}.
     */
    @Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Replay saved IRIS messages (the official clients' layout: DIR/<dataset>/<message id>, one file per",
            "message) through the IRIS handler and the engine, in publication order (the time in the message id):",
            "each body journaled raw, parsed, mapped to records, deduplicated, journaled; malformed messages are",
            "listed with their reason."},
        footer = {
            "",
            "The registry: --registry DIR (parties.csv, bm_units.csv, tlf.csv), else the journal's own.",
            "Exit codes: 0 every message completed, 1 some dead-lettered (listed), 2 usage error, 3 failure.",
            "Example: ./bsc iris export --bundle out/day --dir out/iris && ./bsc iris replay --dir out/iris \\",
            "           --journal out/iris-journal --registry out/day"})
    static final class Replay implements Callable<Integer>
    {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The saved messages.")
        Path dir;

        @Option(names = "--journal", paramLabel = "DIR",
            description = "The engine journal (payloads in DIR/payloads). Default: a temporary one, deleted after.")
        Path journal;

        @Option(names = "--registry", paramLabel = "DIR", description = "Registry CSVs (default: the journal's).")
        Path registryDir;

        @Option(names = "--strict-bm-units",
            description = "Dead-letter a message naming an unknown BM Unit (default: skip the row and report it).")
        boolean strict;

        @Override
        public Integer call()
        {
            if (!Files.isDirectory(dir))
            {
                throw new ParameterException(spec.commandLine(), "--dir " + dir + " is not a directory");
            }
            final MarketRegistry registry = registry();
            final PrintWriter out = spec.commandLine().getOut();
            final PrintWriter err = spec.commandLine().getErr();
            final boolean temporary = journal == null;
            final Path journalDir;
            try
            {
                journalDir = temporary ? Files.createTempDirectory("bsc-iris-replay") : journal;
            }
            catch (final IOException ex)
            {
                err.println("iris replay: cannot create a temporary journal: " + ex.getMessage());
                return ExitCode.FAILURE;
            }
            final int total = IrisFolder.list(dir).size();
            out.printf(Locale.ROOT, "replaying %,d messages from %s into %s%n", total, dir,
                temporary ? "a temporary journal" : journalDir);
            out.flush();
            final PriceCheckMetrics prices = new PriceCheckMetrics();
            final IrisFolder.Summary summary;
            final IrisIngest.Counters c;
            try (Engine engine = Engine.launch(new EngineContext().registry(registry).journalDir(journalDir)
                    .listener(prices));
                PayloadJournal payloads = PayloadJournal.open(journalDir.resolve(PayloadJournal.DIRECTORY),
                    new JournalConfig());
                IrisIngest ingest = new IrisIngest(engine, payloads, registry, IrisOptions.defaults()
                    .withUnknownBmUnit(strict ? IrisOptions.UnknownBmUnit.DEAD_LETTER :
                    IrisOptions.UnknownBmUnit.SKIP_AND_REPORT)))
            {
                final int step = Math.max(1, total / 10);
                summary = IrisFolder.replay(dir, ingest, n ->
                {
                    if (n % step == 0 && n < total)
                    {
                        out.printf(Locale.ROOT, "  %,d / %,d messages%n", n, total);
                        out.flush();
                    }
                });
                c = ingest.counters();
                if (engine.nextPosition() > 0)
                {
                    engine.awaitProcessed(engine.nextPosition() - 1, 60, java.util.concurrent.TimeUnit.SECONDS);
                }
            }
            catch (final RuntimeException | java.util.concurrent.TimeoutException ex)
            {
                err.println("iris replay: failed: " + ex.getMessage());
                return ExitCode.FAILURE;
            }
            finally
            {
                if (temporary)
                {
                    Folders.deleteTree(journalDir);
                }
            }
            final double seconds = Math.max(summary.nanos() / 1e9, 1e-9);
            out.printf(Locale.ROOT, "%,d messages (%,.1f MB) in %.2f s: %,.0f messages/s, %,.0f rows/s%n",
                summary.messages(), summary.bytes() / 1e6, seconds, summary.messages() / seconds,
                c.rows() / seconds);
            out.printf(Locale.ROOT, "completed %,d (duplicates %,d, raw only %,d), dead-lettered %,d, abandoned %,d%n",
                summary.completed(), c.duplicates(), c.rawOnly(), summary.deadLettered(), summary.abandoned());
            out.printf(Locale.ROOT, "rows %,d, records %,d, rows skipped and reported %,d%n", c.rows(), c.events(),
                c.skippedRows());
            if (prices.checks() + prices.withoutIndicative() > 0)
            {
                out.printf(Locale.ROOT, "published prices checked %,d (without an indicative price %,d), last " +
                    "difference %.2f, largest %.2f GBP/MWh%n", prices.checks(), prices.withoutIndicative(),
                    prices.lastDifference(), prices.maxAbsDifference());
            }
            for (final String problem : summary.problems())
            {
                err.println("  " + problem);
            }
            return summary.deadLettered() + summary.abandoned() > 0 ? ExitCode.DATA_PROBLEMS : ExitCode.OK;
        }

        private MarketRegistry registry()
        {
            if (registryDir != null)
            {
                return RegistryCsv.load(registryDir);
            }
            if (journal != null && Files.exists(journal.resolve(Journal.REGISTRY).resolve(RegistryCsv.BM_UNITS_FILE)))
            {
                return RegistryCsv.load(journal.resolve(Journal.REGISTRY));
            }
            throw new ParameterException(spec.commandLine(),
                "no registry: give --registry DIR, or a --journal that has one");
        }
    }

    /**
     * {@code bsc iris export}.
     */
    @Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Write a day bundle's balancing data (PN, BOD, BOALF, DISBSAD, NETBSAD, MID, LOLPDRM) as IRIS",
            "messages in the official clients' layout: DIR/<dataset>/<DATASET>_<yyyyMMddHHmm>_<period>.json,",
            "one message per dataset and settlement period, for replay, tests and demos."},
        footer = {"", "Example: ./bsc generate day --out out/day && ./bsc iris export --bundle out/day --dir out/iris"})
    static final class Export implements Callable<Integer>
    {
        @Spec
        CommandSpec spec;

        @Option(names = "--bundle", required = true, paramLabel = "DIR", description = "The day bundle.")
        Path bundle;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Where to write the messages.")
        Path dir;

        @Override
        public Integer call()
        {
            if (!Files.isDirectory(bundle))
            {
                throw new ParameterException(spec.commandLine(), "--bundle " + bundle + " is not a directory (make " +
                    "one with ./bsc generate day --out " + bundle + ")");
            }
            final DayBundle day = DayBundle.load(bundle);
            final int written = IrisFolder.write(dir, IrisDayMessages.of(day));
            spec.commandLine().getOut().printf(Locale.ROOT, "%,d IRIS messages for %s written to %s%n", written,
                day.settlementDate(), dir);
            return ExitCode.OK;
        }
    }
}
