package io.gbsettle.adapters.sftp.collect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.gbsettle.adapters.sftp.testing.InboundSet;
import io.gbsettle.adapters.sftp.testing.SftpServerExtension;
import io.gbsettle.core.journal.JournalConfig;
import io.gbsettle.core.journal.PayloadEntry;
import io.gbsettle.core.journal.PayloadJournal;
import io.gbsettle.core.journal.PayloadReader;
import io.gbsettle.core.journal.PayloadState;
import io.gbsettle.core.testing.ChildJvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crash safety of collection: the collector runs in a child JVM that is killed with SIGKILL again and again at
 * random points of its progress (while downloading, between journaling the raw bytes and the events, between the
 * engine's journal and the remote delete...), on the same journal and server; then one run is let finish and one
 * more finds nothing to do. Every good file must end ACKNOWLEDGED and JOURNALED exactly once, gone from the server,
 * with each of its events exactly once in the engine's input journal.
 */
final class CollectorCrashTest
{
    private static final int KILLS = 6;
    private static final long SEED = 42;

    @RegisterExtension
    final SftpServerExtension server = new SftpServerExtension();

    @TempDir
    Path tmp;

    @Test
    void killedAtRandomPointsThenResumedProcessesEveryGoodFileExactlyOnce() throws Exception
    {
        final InboundSet set = new InboundSet(tmp.resolve("bundle"), SEED);
        set.putAll(server, "outbox");
        server.counterparty("elexon", "outbox");
        final Path journal = tmp.resolve("journal");
        final Random random = new Random(20261124);
        int killed = 0;
        final List<String> killedAfter = new ArrayList<>();
        for (int round = 0; round < KILLS; round++)
        {
            try (ChildJvm child = start(journal))
            {
                child.awaitLine("progress started");
                // The fault schedule: kill right after a random number (1..12) of further progress lines.
                final int lines = 1 + random.nextInt(12);
                String last = "";
                for (int i = 0; i < lines && !last.startsWith("done"); i++)
                {
                    last = child.awaitLine("");
                }
                if (!last.startsWith("done"))
                {
                    child.kill();
                    killed++;
                    killedAfter.add(last);
                }
            }
        }
        assertTrue(killed >= KILLS / 2, "most rounds were killed: " + killed);
        System.out.println("CollectorCrashTest killed right after: " + killedAfter);
        for (int finish = 0; finish < 2; finish++)
        {
            try (ChildJvm child = start(journal))
            {
                child.awaitLine("done", Duration.ofSeconds(120));
                assertEquals(0, child.waitFor(Duration.ofSeconds(60)), child::stderr);
            }
        }

        assertEquals(new ArrayList<>(new TreeSet<>(set.bad.keySet())), server.list("outbox"), killedAfter::toString);

        final Map<String, Integer> journaled = new HashMap<>();
        final Map<String, Integer> acknowledged = new HashMap<>();
        final Map<Long, String> receivedName = new HashMap<>();
        long eventsExpected = 0;
        try (PayloadJournal payloads = PayloadJournal.openReadOnly(journal.resolve(PayloadJournal.DIRECTORY),
            new JournalConfig());
            PayloadReader reader = payloads.reader())
        {
            final PayloadEntry e = new PayloadEntry();
            while (reader.next(e))
            {
                if (e.state() == PayloadState.RECEIVED)
                {
                    receivedName.put(e.position(), e.name());
                }
                else if (e.state() == PayloadState.JOURNALED)
                {
                    journaled.merge(receivedName.get(e.ref()), 1, Integer::sum);
                    if (e.eventTo() >= 0)
                    {
                        eventsExpected += e.eventTo() - e.eventFrom() + 1;
                    }
                }
                else if (e.state() == PayloadState.ACKNOWLEDGED)
                {
                    acknowledged.merge(receivedName.get(e.ref()), 1, Integer::sum);
                }
            }
        }
        for (final String name : set.good.keySet())
        {
            assertEquals(1, journaled.getOrDefault(name, 0), name + " journaled once; kills after " + killedAfter);
            assertEquals(1, acknowledged.getOrDefault(name, 0), name + " acknowledged once");
        }
        assertEquals(set.good.size(), journaled.size(), journaled::toString);

        final Map<Long, Integer> keys = CollectorTest.sftpEventKeys(journal);
        assertTrue(keys.values().stream().allMatch(n -> n == 1), "each event once in the engine journal");
        assertEquals(eventsExpected, keys.size(), "the engine journal holds exactly the files' event ranges");
    }

    private ChildJvm start(final Path journal)
    {
        return ChildJvm.start(CollectorChild.class, Integer.toString(server.port()),
            server.clientKeyFile().toString(), server.knownHosts().toString(), "outbox", journal.toString(),
            tmp.resolve("work").toString(), Long.toString(SEED));
    }
}
