package io.gbsettle.adapters.sftp.collect;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.gbsettle.adapters.sftp.config.Counterparty;
import io.gbsettle.adapters.sftp.config.SftpContext;
import io.gbsettle.adapters.sftp.flow.InboundFlows;
import io.gbsettle.adapters.sftp.testing.InboundSet;
import io.gbsettle.adapters.sftp.testing.SftpServerExtension;
import io.gbsettle.core.engine.Engine;
import io.gbsettle.core.engine.EngineContext;
import io.gbsettle.core.journal.PayloadJournal;
import io.gbsettle.core.journal.PayloadState;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The polling loop: a counterparty that cannot be reached is retried with backoff while the other one is collected;
 * {@link Poller#stop()} ends the loop. Synchronised on progress lines, never on sleeps.
 */
final class PollerTest
{
    @RegisterExtension
    final SftpServerExtension server = new SftpServerExtension();

    @TempDir
    Path tmp;

    @Test
    void anUnreachableCounterpartyIsRetriedWithBackoffWhileTheOthersAreCollected() throws Exception
    {
        final InboundSet set = new InboundSet(tmp.resolve("bundle"), 42);
        server.put("outbox", "CD01C0421A", set.good.get("CD01C0421A"));
        final int closedPort;
        try (ServerSocket socket = new ServerSocket(0))
        {
            closedPort = socket.getLocalPort();
        }
        final Counterparty good = server.counterparty("good", "outbox");
        final Counterparty down = new Counterparty("down", "127.0.0.1", closedPort, "x", server.clientKeyFile(),
            server.knownHosts(), "outbox", null, null, null, Duration.ofMillis(50), Duration.ofSeconds(2),
            Duration.ofSeconds(2), Duration.ofSeconds(2));
        final SftpContext context = SftpContext.of(List.of(down, new Counterparty(good.id(), good.host(), good.port(),
            good.user(), good.privateKey(), good.knownHosts(), good.inbox(), null, null, null, Duration.ofMillis(50),
            null, null, Duration.ofSeconds(10))), tmp.resolve("journal"), tmp.resolve("work"))
            .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200));
        final List<String> lines = new CopyOnWriteArrayList<>();
        final CountDownLatch collected = new CountDownLatch(1);
        final CountDownLatch retried = new CountDownLatch(3);
        try (Engine engine = Engine.launch(new EngineContext().registry(set.registry()).journalDir(context.journal()));
            PayloadJournal payloads = PayloadJournal.open(context.payloads(), context.journalConfig());
            Poller poller = new Poller(context, payloads, engine, new InboundFlows(set.registry()), line ->
            {
                lines.add(line);
                if (line.startsWith("good CD01C0421A: C0421"))
                {
                    collected.countDown();
                }
                if (line.startsWith("down: cycle failed: ") && line.contains("retrying in"))
                {
                    retried.countDown();
                }
            }))
        {
            poller.recover();
            final Thread loop = new Thread(() ->
            {
                try
                {
                    poller.run();
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                }
            }, "poller");
            loop.start();
            assertTrue(collected.await(60, TimeUnit.SECONDS), lines::toString);
            assertTrue(retried.await(60, TimeUnit.SECONDS), lines::toString);
            poller.stop();
            loop.join(TimeUnit.SECONDS.toMillis(60));
            assertTrue(!loop.isAlive(), "the loop ended");
            assertEquals(PayloadState.ACKNOWLEDGED, poller.collector().state("good", "CD01C0421A"));
        }
        assertEquals(List.of(), server.list("outbox"));
        assertTrue(lines.stream().anyMatch(l -> l.contains("(failure 3)")), lines::toString);
    }
}
