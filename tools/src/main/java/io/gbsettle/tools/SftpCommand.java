package io.gbsettle.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.gbsettle.adapters.sftp.collect.CycleSummary;
import io.gbsettle.adapters.sftp.collect.Poller;
import io.gbsettle.adapters.sftp.collect.Sender;
import io.gbsettle.adapters.sftp.config.Counterparty;
import io.gbsettle.adapters.sftp.config.SftpConfigFile;
import io.gbsettle.adapters.sftp.config.SftpContext;
import io.gbsettle.adapters.sftp.flow.InboundFlows;
import io.gbsettle.adapters.sftp.transport.SftpSession;
import io.gbsettle.adapters.sftp.transport.SftpTransport;
import io.gbsettle.core.engine.Engine;
import io.gbsettle.core.engine.EngineContext;
import io.gbsettle.core.files.RegistryCsv;
import io.gbsettle.core.journal.Journal;
import io.gbsettle.core.journal.JournalConfig;
import io.gbsettle.core.journal.PayloadJournal;
import io.gbsettle.core.registry.MarketRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bsc sftp}: the SFTP adapter's transport: collect industry flat files from counterparties into the engine
 * ({@code poll}) and upload outbound files ({@code send}).
 */
@Command(
    name = "sftp",
    mixinStandardHelpOptions = true,
    description = {"Collect flat files from SFTP counterparties into the engine, send files to them, and",
        "reconcile the engine's results with an S0142."},
    subcommands = {SftpCommand.Poll.class, SftpCommand.Send.class, SftpReconcileCommand.class},
    footer = {"", "Example: ./bsc sftp poll --config sftp.properties --once"})
final class SftpCommand extends CommandGroup
{
    private static final int ROWS_PER_DAY = 1 << 20;

    /**
     * The connection settings: a configuration file, or one counterparty given as options.
     */
    static final class Connection
    {
        @Option(names = "--config", paramLabel = "FILE", description = {
            "Configuration file (Java properties, see the README's \"SFTP adapter\" section): the journal,",
            "the work folder and one or more counterparties. --journal, --work, --registry override it."})
        Path config;

        @Option(names = "--host", paramLabel = "HOST", description = "One counterparty without a file: its host.")
        String host;

        @Option(names = "--port", paramLabel = "PORT", defaultValue = "22", description = "Its port (default 22).")
        int port;

        @Option(names = "--user", paramLabel = "USER", description = "The account on the server.")
        String user;

        @Option(names = "--key", paramLabel = "FILE", description = "Private key (OpenSSH format, unencrypted).")
        Path key;

        @Option(names = "--known-hosts", paramLabel = "FILE",
            description = "known_hosts file holding the server's host key (always verified).")
        Path knownHosts;

        @Option(names = "--remote-dir", paramLabel = "DIR",
            description = "Remote directory to collect from (poll) or upload into (send).")
        String remoteDir;

        @Option(names = "--pattern", paramLabel = "GLOB", description = "Names to collect (default *).")
        String pattern;

        @Option(names = "--done-dir", paramLabel = "DIR",
            description = "Move collected files there instead of deleting them.")
        String doneDir;

        @Option(names = "--id", paramLabel = "ID", defaultValue = "counterparty",
            description = "Name of the counterparty in the journal (default counterparty).")
        String id;

        @Option(names = "--journal", paramLabel = "DIR",
            description = "Engine journal directory (payloads in DIR/payloads); created if missing.")
        Path journal;

        @Option(names = "--work", paramLabel = "DIR",
            description = "Local work folder: staging/, error/, meter-data/, reconciliation/ (default JOURNAL/sftp).")
        Path work;

        @Option(names = "--registry", paramLabel = "DIR",
            description = "Registry CSV directory (needed once, for a new journal).")
        Path registry;

        SftpContext context(final CommandSpec spec)
        {
            try
            {
                if (config != null)
                {
                    if (host != null)
                    {
                        throw new ParameterException(spec.commandLine(), "give --config or --host, not both");
                    }
                    SftpContext c = SftpConfigFile.load(config);
                    if (journal != null || work != null)
                    {
                        c = new SftpContext(c.counterparties(), journal != null ? journal : c.journal(),
                            work != null ? work : c.work(), c.registry(), c.rejectedRemote(), c.renameMode(),
                            c.backoffInitial(), c.backoffMax(), c.maxFileBytes(), c.bufferSize(), c.engineTimeout(),
                            c.durability());
                    }
                    return registry != null ? c.withRegistry(registry) : c;
                }
                if (host == null || user == null || key == null || knownHosts == null || remoteDir == null ||
                    journal == null)
                {
                    throw new ParameterException(spec.commandLine(), "give --config FILE, or all of --host --user " +
                        "--key --known-hosts --remote-dir --journal");
                }
                final Counterparty cp = new Counterparty(id, host, port, user, key, knownHosts, remoteDir, remoteDir,
                    doneDir, pattern, null, null, null, null);
                return SftpContext.of(List.of(cp), journal, work != null ? work : journal.resolve("sftp"))
                    .withRegistry(registry);
            }
            catch (final NoSuchFileException ex)
            {
                throw new ParameterException(spec.commandLine(), "cannot read " + ex.getFile() + ": no such file " +
                    "(see the README's SFTP configuration, or give one counterparty with --host --user --key " +
                    "--known-hosts --remote-dir --journal)");
            }
            catch (final IOException | IllegalArgumentException ex)
            {
                throw new ParameterException(spec.commandLine(), ex.getMessage());
            }
        }
    }

    /**
     * {@code bsc sftp poll}.
     */
    @Command(
        name = "poll",
        mixinStandardHelpOptions = true,
        description = {
            "Collect files from the counterparties' inboxes into the engine: download to staging, verify",
            "(envelope, record count, checksum, every field), journal the raw bytes and the events, and only then",
            "delete (or move) the remote file. Rejected files are kept in WORK/error with a .reason file. Safe to",
            "kill at any point: a restart finishes what was interrupted and processes nothing twice."},
        footer = {"", "Exit codes: 0 ok, 1 files rejected, 2 usage error, 3 failure (a counterparty unreachable...).",
            "Example: ./bsc sftp poll --config sftp.properties --once",
            "         ./bsc sftp poll --host sftp.example.com --user gbsettle --key ~/.ssh/id_ed25519 \\",
            "             --known-hosts ~/.ssh/known_hosts --remote-dir /outbox --journal out/journal \\",
            "             --registry out/bundle --once"})
    static final class Poll implements Callable<Integer>
    {
        @Spec
        CommandSpec spec;

        @Mixin
        Connection connection;

        @Option(names = "--once", description = "One cycle for every counterparty, then exit (default: keep polling).")
        boolean once;

        @Override
        public Integer call()
        {
            final PrintWriter out = spec.commandLine().getOut();
            final PrintWriter err = spec.commandLine().getErr();
            final SftpContext context = connection.context(spec);
            final MarketRegistry registry = registry(spec, context);
            out.printf(Locale.ROOT, "[1/3] engine on journal %s (%d BM Units, %d parties)%n", context.journal(),
                registry.bmUnitCount(), registry.partyCount());
            out.flush();
            try (Engine engine = Engine.launch(new EngineContext().registry(registry).journalDir(context.journal())
                    .rowsPerDay(ROWS_PER_DAY));
                PayloadJournal payloads = PayloadJournal.open(context.payloads(), context.journalConfig());
                Poller poller = new Poller(context, payloads, engine, new InboundFlows(registry), line ->
                {
                    out.println("      " + line);
                    out.flush();
                }))
            {
                out.printf(Locale.ROOT, "[2/3] recover: %,d payload journal entries, %,d engine inputs%n",
                    payloads.nextPosition(), engine.nextPosition());
                out.flush();
                poller.recover();
                if (once)
                {
                    out.printf(Locale.ROOT, "[3/3] poll %d counterpart%s once%n", context.counterparties().size(),
                        context.counterparties().size() == 1 ? "y" : "ies");
                    out.flush();
                    final Poller.Pass pass = poller.pollOnce();
                    return report(pass, out, err);
                }
                out.printf(Locale.ROOT, "[3/3] polling %d counterpart%s until stopped (Ctrl-C)%n",
                    context.counterparties().size(), context.counterparties().size() == 1 ? "y" : "ies");
                out.flush();
                final CountDownLatch done = new CountDownLatch(1);
                final Thread hook = new Thread(() ->
                {
                    poller.stop();
                    try
                    {
                        done.await(30, TimeUnit.SECONDS);
                    }
                    catch (final InterruptedException ex)
                    {
                        Thread.currentThread().interrupt();
                    }
                }, "bsc-sftp-stop");
                Runtime.getRuntime().addShutdownHook(hook);
                try
                {
                    poller.run();
                }
                finally
                {
                    done.countDown();
                }
                return ExitCode.OK;
            }
            catch (final IOException ex)
            {
                err.println("sftp poll: " + ex.getMessage());
                return ExitCode.FAILURE;
            }
            catch (final TimeoutException ex)
            {
                err.println("sftp poll: the engine did not journal in time: " + ex.getMessage());
                return ExitCode.FAILURE;
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return ExitCode.FAILURE;
            }
        }

        private static int report(final Poller.Pass pass, final PrintWriter out, final PrintWriter err)
        {
            long files = 0;
            long records = 0;
            long events = 0;
            long bytes = 0;
            for (final CycleSummary c : pass.cycles())
            {
                files += c.journaled();
                records += c.records();
                events += c.events();
                bytes += c.bytes();
            }
            out.printf(Locale.ROOT, "      done: %d files journaled (%,d records, %,d events, %,d bytes), " +
                "%d rejected, %d counterpart%s failed%n", files, records, events, bytes, pass.rejected(), pass.failures().size(),
                pass.failures().size() == 1 ? "y" : "ies");
            for (final String failure : pass.failures())
            {
                err.println("sftp poll: " + failure);
            }
            if (!pass.failures().isEmpty())
            {
                return ExitCode.FAILURE;
            }
            return pass.rejected() > 0 ? ExitCode.DATA_PROBLEMS : ExitCode.OK;
        }
    }

    /**
     * {@code bsc sftp send}.
     */
    @Command(
        name = "send",
        mixinStandardHelpOptions = true,
        description = {
            "Upload files to a counterparty's outbox: each is journaled (RESERVED, the exact bytes) before the",
            "first attempt, written under NAME.part, renamed to NAME, and journaled SENT. A retry sends the",
            "journaled bytes; a name already sent is not sent again."},
        footer = {"", "Exit codes: 0 ok, 2 usage error, 3 failure.",
            "Example: ./bsc sftp send --config sftp.properties --counterparty svaa out/reports/*.csv",
            "         ./bsc sftp send --host sftp.example.com --user gbsettle --key ~/.ssh/id_ed25519 \\",
            "             --known-hosts ~/.ssh/known_hosts --remote-dir /inbox --journal out/journal report.csv"})
    static final class Send implements Callable<Integer>
    {
        @Spec
        CommandSpec spec;

        @Mixin
        Connection connection;

        @Option(names = "--counterparty", paramLabel = "ID",
            description = "With --config: which counterparty (default: the only one).")
        String counterparty;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "The files to send.")
        List<Path> files;

        @Override
        public Integer call()
        {
            final PrintWriter out = spec.commandLine().getOut();
            final PrintWriter err = spec.commandLine().getErr();
            final SftpContext context = connection.context(spec);
            final Counterparty cp;
            if (counterparty != null)
            {
                try
                {
                    cp = context.counterparty(counterparty);
                }
                catch (final IllegalArgumentException ex)
                {
                    throw new ParameterException(spec.commandLine(), ex.getMessage());
                }
            }
            else if (context.counterparties().size() == 1)
            {
                cp = context.counterparties().get(0);
            }
            else
            {
                throw new ParameterException(spec.commandLine(), "the configuration has " +
                    context.counterparties().size() + " counterparties: say which with --counterparty");
            }
            for (final Path f : files)
            {
                if (!Files.isRegularFile(f))
                {
                    throw new ParameterException(spec.commandLine(), f + " is not a file");
                }
            }
            try (PayloadJournal payloads = PayloadJournal.open(context.payloads(), context.journalConfig());
                SftpTransport transport = new SftpTransport(cp, context.bufferSize());
                SftpSession session = transport.open())
            {
                final Sender sender = new Sender(context, payloads, line ->
                {
                    out.println("      " + line);
                    out.flush();
                });
                out.printf(Locale.ROOT, "[1/1] send %d file%s to %s %s (SFTP v%d)%n", files.size(),
                    files.size() == 1 ? "" : "s", cp.id(), cp.outbox(), session.version());
                for (final Path f : files)
                {
                    sender.send(cp, session, f);
                }
                return ExitCode.OK;
            }
            catch (final IOException ex)
            {
                err.println("sftp send: " + ex.getMessage());
                return ExitCode.FAILURE;
            }
        }
    }

    static MarketRegistry registry(final CommandSpec spec, final SftpContext context)
    {
        if (context.registry() != null)
        {
            if (!Files.isDirectory(context.registry()))
            {
                throw new ParameterException(spec.commandLine(), "--registry " + context.registry() +
                    " is not a directory");
            }
            return RegistryCsv.load(context.registry());
        }
        if (Files.isDirectory(context.journal().resolve(Journal.REGISTRY)))
        {
            try (Journal journal = Journal.openReadOnly(context.journal(), new JournalConfig()))
            {
                if (journal.hasRegistry())
                {
                    return journal.registry();
                }
            }
        }
        throw new ParameterException(spec.commandLine(), "--registry DIR is needed: the journal " + context.journal() +
            " holds no registry yet");
    }
}
