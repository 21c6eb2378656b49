package io.gbsettle.benchmarks;

import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import io.gbsettle.adapters.sftp.collect.CycleSummary;
import io.gbsettle.adapters.sftp.collect.Poller;
import io.gbsettle.adapters.sftp.config.Counterparty;
import io.gbsettle.adapters.sftp.config.SftpContext;
import io.gbsettle.adapters.sftp.flow.FlowFiles;
import io.gbsettle.adapters.sftp.flow.InboundFile;
import io.gbsettle.adapters.sftp.flow.InboundFlows;
import io.gbsettle.adapters.sftp.server.EmbeddedSftpServer;
import io.gbsettle.adapters.sftp.transport.RemoteFile;
import io.gbsettle.adapters.sftp.transport.SftpSession;
import io.gbsettle.adapters.sftp.transport.SftpTransport;
import io.gbsettle.core.engine.Engine;
import io.gbsettle.core.engine.EngineContext;
import io.gbsettle.core.engine.WaitStrategyKind;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.SyntheticBundle;
import io.gbsettle.core.journal.PayloadJournal;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.time.SettlementRun;

/**
 * SFTP collection end to end: national C0421 files (CDCA-I042 metered volumes of ~2,700 BM Units, 48 periods each,
 * ~2.6 MB) on an embedded MINA SSHD server on loopback, collected by the adapter into a journaled engine: download
 * to staging with fsync, verify, PayloadJournal RECEIVED (the bytes), VERIFIED, every event through the engine's
 * ring into its input journal, JOURNALED, remote delete, ACKNOWLEDGED. Reported beside the two stages alone, to
 * show what bounds collection: the transfer (download of the same files, nothing else) and verify + map in memory.
 * Timed: one poll cycle (engine launch and close excluded; session open included, as in the transfer alone).
 *
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar sftp [FILES] [ROUNDS] [WAIT_STRATEGY]
 * </pre>
 */
public final class SftpCollect
{
    private SftpCollect()
    {
    }

    /**
     * @param args number of files (default 20), rounds (default 3), the engine's {@link WaitStrategyKind} (default
     *             SLEEPING).
     * @throws Exception if anything fails.
     */
    public static void main(final String[] args) throws Exception
    {
        final int count = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        final int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        final WaitStrategyKind wait = args.length > 2 ? WaitStrategyKind.valueOf(args[2]) : WaitStrategyKind.SLEEPING;
        final PrintStream out = System.out;
        final Path dir = Files.createTempDirectory("gbsettle-sftp-bench");
        EmbeddedSftpServer server = null;
        try
        {
            out.println("generating a national day and " + count + " C0421 files...");
            final MarketRegistry registry = SyntheticRegistry.generate(42, SyntheticRegistry.Size.NATIONAL);
            SyntheticBundle.write(registry, 42, LocalDate.of(2024, 3, 5), SettlementRun.SF, false,
                dir.resolve("bundle"));
            final DayBundle bundle = DayBundle.load(dir.resolve("bundle"));
            final FlowFiles flows = FlowFiles.builtIn();
            final List<byte[]> files = new ArrayList<>();
            long bytes = 0;
            for (int i = 0; i < count; i++)
            {
                files.add(flows.c0421(bundle, 100 + i));
                bytes += files.get(i).length;
            }

            server = EmbeddedSftpServer.start(dir.resolve("server"));
            final Path root = server.root();
            final Counterparty cp = server.counterparty("cdca", "outbox", Duration.ofSeconds(60));

            out.printf(Locale.ROOT, "%d files, %,.1f MB, engine wait strategy %s, %s%n", count, bytes / 1e6, wait,
                System.getProperty("java.vm.name"));
            for (int round = 1; round <= rounds; round++)
            {
                put(root, files);
                final long transfer = transferOnly(cp, dir.resolve("transfer-" + round));
                final long verify = verifyOnly(registry, files);
                put(root, files);
                final Path journal = dir.resolve("journal-" + round);
                final SftpContext context = SftpContext.of(List.of(cp), journal, dir.resolve("work-" + round));
                final CycleSummary s;
                final long nanos;
                try (Engine engine = Engine.launch(new EngineContext().registry(registry).journalDir(journal)
                    .rowsPerDay(1 << 22).indicative(false).waitStrategy(wait));
                    PayloadJournal payloads = PayloadJournal.open(context.payloads(), context.journalConfig());
                    Poller poller = new Poller(context, payloads, engine, new InboundFlows(registry), line -> { }))
                {
                    poller.recover();
                    // Timed: one poll cycle (session open, list, every file collected and acknowledged).
                    final long started = System.nanoTime();
                    final Poller.Pass pass = poller.pollOnce();
                    nanos = System.nanoTime() - started;
                    if (!pass.failures().isEmpty())
                    {
                        throw new IllegalStateException(pass.failures().toString());
                    }
                    s = pass.cycles().get(0);
                }
                if (s.journaled() != count)
                {
                    throw new IllegalStateException("journaled " + s.journaled() + " of " + count);
                }
                final double secs = nanos / 1e9;
                out.printf(Locale.ROOT, "round %d: end to end %6.2f files/s %7.1f MB/s %,12.0f records/s %,12.0f " +
                    "events/s (%,d ms) | transfer only %7.1f MB/s | verify+map only %7.1f MB/s%n", round,
                    count / secs, bytes / 1e6 / secs, s.records() / secs, s.events() / secs, nanos / 1_000_000,
                    bytes / 1e6 / (transfer / 1e9), bytes / 1e6 / (verify / 1e9));
                TempDirs.delete(journal);
                TempDirs.delete(dir.resolve("work-" + round));
            }
        }
        finally
        {
            if (server != null)
            {
                server.close();
            }
            TempDirs.delete(dir);
        }
    }

    private static void put(final Path root, final List<byte[]> files) throws Exception
    {
        final Path outbox = Files.createDirectories(root.resolve("outbox"));
        for (int i = 0; i < files.size(); i++)
        {
            Files.write(outbox.resolve(String.format(Locale.ROOT, "CD%012d", i)), files.get(i));
        }
    }

    /** Downloads every file to disk with fsync and removes it: the transfer alone. */
    private static long transferOnly(final Counterparty cp, final Path local) throws Exception
    {
        Files.createDirectories(local);
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1 << 22);
        final long started = System.nanoTime();
        try (SftpTransport transport = new SftpTransport(cp, SftpContext.DEFAULT_BUFFER_SIZE);
            SftpSession session = transport.open())
        {
            System.out.printf(Locale.ROOT, "  (transfer only: session open in %,d ms)%n",
                (System.nanoTime() - started) / 1_000_000);
            for (final RemoteFile f : session.list(cp.inbox(), "*", new ArrayList<>()))
            {
                try (FileChannel channel = FileChannel.open(local.resolve(f.name()), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE))
                {
                    session.download(cp.inbox(), f.name(), channel, buffer, Integer.MAX_VALUE);
                }
                session.remove(cp.inbox(), f.name());
            }
        }
        final long nanos = System.nanoTime() - started;
        TempDirs.delete(local);
        return nanos;
    }

    /** Verifies and maps every file in memory (events counted, not submitted). */
    private static long verifyOnly(final MarketRegistry registry, final List<byte[]> files)
    {
        final InboundFlows flows = new InboundFlows(registry);
        final long[] sink = new long[1];
        final long started = System.nanoTime();
        for (final byte[] f : files)
        {
            final UnsafeBuffer b = new UnsafeBuffer(f);
            final InboundFile file = flows.verify("f", b, 0, f.length);
            flows.toEvents(file, b, 0, f.length, 3, (record, offset) -> sink[0]++);
        }
        return System.nanoTime() - started;
    }
}
