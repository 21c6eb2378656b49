package io.gbsettle.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import io.gbsettle.adapters.iris.IrisFolder;
import io.gbsettle.adapters.iris.IrisIngest;
import io.gbsettle.adapters.iris.IrisOptions;
import io.gbsettle.adapters.iris.PriceCheckMetrics;
import io.gbsettle.adapters.iris.amqp.IrisConsumer;
import io.gbsettle.adapters.iris.amqp.IrisListener;
import io.gbsettle.adapters.iris.amqp.IrisPublisher;
import io.gbsettle.adapters.iris.amqp.IrisSettings;
import io.gbsettle.adapters.iris.amqp.ListenerOptions;
import io.gbsettle.adapters.iris.gapfill.GapFillOptions;
import io.gbsettle.core.engine.EngineContext;
import io.gbsettle.core.files.RegistryCsv;
import io.gbsettle.core.journal.Journal;
import io.gbsettle.core.registry.MarketRegistry;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bsc iris listen}: the live IRIS consumer. Azure Service Bus (IRIS itself) from a settings file and the
 * environment, or any AMQP 1.0 broker from options; every message journaled (raw body, then its events) before it is
 * completed; a malformed one dead-lettered with its reason; runs until interrupted or idle.
 */
@Command(
    name = "listen",
    mixinStandardHelpOptions = true,
    description = "Consume an IRIS queue into the engine: each message's raw body and events are journaled before " +
        "the message is completed; malformed messages are dead-lettered with their reason (and kept in " +
        "DIR/payloads); transient failures are abandoned for redelivery; duplicates have no second effect. " +
        "Reconnects with backoff. " +
        "Settings from --config FILE (Azure Service Bus with Entra ID client credentials, or amqp.url) and the " +
        "environment (IRIS_CLIENT_SECRET, ...; see the README), or for a plain AMQP 1.0 broker from --amqp-url and " +
        "--queue. Secrets are never printed.",
    footer = {
        "",
        "The registry: --registry DIR (parties.csv, bm_units.csv, tlf.csv), else the journal's own.",
        "Exit codes: 0 stopped (idle or interrupted), 2 usage error, 3 failure.",
        "Example: ./bsc iris listen --amqp-url amqp://localhost:5672 --queue iris.feed --journal out/j \\",
        "           --registry out/day --exit-when-idle 10 --no-gap-fill",
        "Example: ./bsc iris listen --config iris.properties --registry out/day"})
final class IrisListenCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--journal", paramLabel = "DIR",
        description = "The engine journal (payloads in DIR/payloads); required unless the config file names one.")
    Path journal;

    @Option(names = "--registry", paramLabel = "DIR", description = "Registry CSVs (default: the journal's).")
    Path registryDir;

    @Option(names = "--exit-when-idle", paramLabel = "SECONDS", defaultValue = "0",
        description = "Stop after no message arrived for this long (default: run until interrupted).")
    long idleSeconds;

    @Option(names = "--prefetch", paramLabel = "N", defaultValue = "0",
        description = "Messages locked ahead of the one being handled: 0 (default, as IRIS's own clients) .. 1000 " +
            "(drains a backlog faster; each costs lock time on Service Bus).")
    int prefetch;

    @Option(names = "--gap-fill-url", paramLabel = "URL", defaultValue = "https://data.elexon.co.uk/bmrs/api/v1",
        description = "The Insights API gap filling fetches from: on start-up the window since the last IRIS " +
            "message journaled (at most 24 h; 1 h for an empty journal), and after an outage of 2 min or more its " +
            "window (default: ${DEFAULT-VALUE}).")
    URI gapFillUrl;

    @Option(names = "--no-gap-fill", description = "Do not fill gaps from the Insights API.")
    boolean noGapFill;

    @Option(names = "--strict-bm-units",
        description = "Dead-letter a message naming an unknown BM Unit (default: skip the row and report it).")
    boolean strict;

    /** Where the settings come from: a file, or options for a plain AMQP broker. */
    static final class Source
    {
        @Option(names = "--config", paramLabel = "FILE", description = "Settings file (see the README).")
        Path config;

        @ArgGroup(exclusive = false)
        Amqp amqp;
    }

    /** A plain AMQP 1.0 broker. */
    static final class Amqp
    {
        @Option(names = "--amqp-url", required = true, paramLabel = "amqp[s]://HOST:PORT",
            description = "The broker.")
        String url;

        @Option(names = "--queue", required = true, paramLabel = "ADDRESS",
            description = "The queue, used verbatim as the link source.")
        String queue;

        @Option(names = "--user", paramLabel = "U", description = "SASL PLAIN user (default: SASL ANONYMOUS).")
        String user;

        @Option(names = "--password-file", paramLabel = "F", description = "A file holding the password.")
        Path passwordFile;
    }

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final IrisSettings settings = settings();
        final Path dir = journal != null ? journal : settings.journal();
        if (dir == null)
        {
            throw new ParameterException(spec.commandLine(),
                "no journal: give --journal DIR (or journal= in --config)");
        }
        if (prefetch < 0 || prefetch > ListenerOptions.MAX_PREFETCH)
        {
            throw new ParameterException(spec.commandLine(), "--prefetch must be 0 .. " + ListenerOptions.MAX_PREFETCH);
        }
        final MarketRegistry registry = registry(dir);
        final PriceCheckMetrics prices = new PriceCheckMetrics();
        final ListenerOptions options = ListenerOptions.defaults().withPrefetch(prefetch)
            .withExitWhenIdleMillis(TimeUnit.SECONDS.toMillis(idleSeconds)).withProgressMillis(10_000);
        final IrisOptions iris = IrisOptions.defaults().withUnknownBmUnit(strict ?
            IrisOptions.UnknownBmUnit.DEAD_LETTER : IrisOptions.UnknownBmUnit.SKIP_AND_REPORT);
        out.printf(Locale.ROOT, "listening on %s into %s%s%n", settings, dir,
            idleSeconds > 0 ? " (stopping after " + idleSeconds + " s without a message)" : " (Ctrl-C stops)");
        out.flush();
        final long started = System.nanoTime();
        final GapFillOptions gapFill = noGapFill ? null : GapFillOptions.defaults().withBaseUrl(gapFillUrl);
        try (IrisConsumer consumer = IrisConsumer.open(new EngineContext().registry(registry).journalDir(dir)
            .listener(prices), settings, options, iris, gapFill, c -> progress(out, c)))
        {
            if (consumer.ingest().recovered() > 0)
            {
                out.printf(Locale.ROOT, "recovered %,d messages a previous run had received but not journaled%n",
                    consumer.ingest().recovered());
            }
            final Thread hook = new Thread(consumer.listener()::close, "iris-listen-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            consumer.listener().run();
            try
            {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            catch (final IllegalStateException ex)
            {
                // Shutting down already: the hook runs.
            }
            if (consumer.engine().nextPosition() > 0)
            {
                consumer.engine().awaitProcessed(consumer.engine().nextPosition() - 1, 60, TimeUnit.SECONDS);
            }
            summary(out, consumer.listener().counters(), consumer.ingest().counters(), prices,
                (System.nanoTime() - started) / 1e9);
        }
        catch (final RuntimeException | java.util.concurrent.TimeoutException ex)
        {
            err.println("iris listen: failed: " + ex.getMessage());
            return ExitCode.FAILURE;
        }
        return ExitCode.OK;
    }

    private IrisSettings settings()
    {
        try
        {
            if (source.config != null)
            {
                return IrisSettings.load(source.config, System.getenv());
            }
            return IrisSettings.amqp(source.amqp.url, source.amqp.queue, source.amqp.user, source.amqp.passwordFile,
                null);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ParameterException(spec.commandLine(), ex.getMessage());
        }
        catch (final IOException ex)
        {
            throw new ParameterException(spec.commandLine(), "cannot read the settings: " + ex.getMessage());
        }
    }

    private MarketRegistry registry(final Path dir)
    {
        if (registryDir != null)
        {
            return RegistryCsv.load(registryDir);
        }
        if (Files.exists(dir.resolve(Journal.REGISTRY).resolve(RegistryCsv.BM_UNITS_FILE)))
        {
            return RegistryCsv.load(dir.resolve(Journal.REGISTRY));
        }
        throw new ParameterException(spec.commandLine(),
            "no registry: give --registry DIR, or a --journal that has one");
    }

    private static void progress(final PrintWriter out, final IrisListener.Counters c)
    {
        out.printf(Locale.ROOT, "  %,d messages: %,d completed, %,d dead-lettered, %,d abandoned; %,d reconnects%n",
            c.receivedCount(), c.completedCount(), c.deadLetteredCount(), c.abandonedCount(),
            Math.max(0, c.connectsCount() - 1));
        out.flush();
    }

    private static void summary(final PrintWriter out, final IrisListener.Counters c, final IrisIngest.Counters i,
        final PriceCheckMetrics prices, final double seconds)
    {
        out.printf(Locale.ROOT, "stopped after %.1f s: %,d messages (%,.1f MB) received, %,d completed " +
            "(duplicates %,d, raw only %,d), %,d dead-lettered, %,d abandoned; %,d connections, %,d failures%n",
            seconds, c.receivedCount(), c.bytesCount() / 1e6, c.completedCount(), i.duplicates(), i.rawOnly(),
            c.deadLetteredCount(), c.abandonedCount(), c.connectsCount(), c.connectionFailuresCount());
        out.printf(Locale.ROOT, "rows %,d, records %,d, rows skipped and reported %,d%n", i.rows(), i.events(),
            i.skippedRows());
        if (prices.checks() + prices.withoutIndicative() > 0)
        {
            out.printf(Locale.ROOT, "published prices checked %,d (without an indicative price %,d), last difference " +
                "%.2f, largest %.2f GBP/MWh%n", prices.checks(), prices.withoutIndicative(), prices.lastDifference(),
                prices.maxAbsDifference());
        }
        out.flush();
    }

    /**
     * {@code bsc iris publish}: sends a folder of saved messages to an AMQP 1.0 queue, for trying {@code listen}
     * against any broker.
     */
    @Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        description = "Send saved IRIS messages (DIR/<dataset>/<message id>, as bsc iris export writes them) to an " +
            "AMQP 1.0 queue as IRIS does: subject = dataset, message-id = file name, durable, the body as an AMQP " +
            "value string (default) or a data section (--data). For trying bsc iris listen against any broker.",
        footer = {"", "Example: ./bsc iris publish --dir out/iris --amqp-url amqp://localhost:5672 --queue iris.feed"})
    static final class Publish implements Callable<Integer>
    {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The saved messages.")
        Path dir;

        @Option(names = "--amqp-url", required = true, paramLabel = "amqp[s]://HOST:PORT", description = "The broker.")
        String url;

        @Option(names = "--queue", required = true, paramLabel = "ADDRESS", description = "The queue.")
        String queue;

        @Option(names = "--user", paramLabel = "U", description = "SASL PLAIN user (default: SASL ANONYMOUS).")
        String user;

        @Option(names = "--password-file", paramLabel = "F", description = "A file holding the password.")
        Path passwordFile;

        @Option(names = "--data", description = "Bodies as data sections (default: AMQP value strings).")
        boolean data;

        @Override
        public Integer call() throws Exception
        {
            final IrisSettings settings;
            try
            {
                settings = IrisSettings.amqp(url, queue, user, passwordFile, null);
            }
            catch (final IllegalArgumentException ex)
            {
                throw new ParameterException(spec.commandLine(), ex.getMessage());
            }
            int sent = 0;
            try (IrisPublisher publisher = IrisPublisher.connect(settings.endpoint(), queue))
            {
                for (final Path file : IrisFolder.list(dir))
                {
                    publisher.sendAsync(file.getParent().getFileName().toString(), file.getFileName().toString(),
                        Files.readString(file), data);
                    sent++;
                }
                publisher.awaitAccepted();
            }
            spec.commandLine().getOut().printf(Locale.ROOT, "%,d messages sent to %s queue %s%n", sent,
                settings.endpoint(), queue);
            return ExitCode.OK;
        }
    }
}
