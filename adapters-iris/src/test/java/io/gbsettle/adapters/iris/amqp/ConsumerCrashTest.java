package io.gbsettle.adapters.iris.amqp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.gbsettle.core.journal.PayloadState;
import io.gbsettle.core.testing.ChildJvm;

/**
 * A consumer killed ({@code SIGKILL}) after journaling a message and before completing it: the broker redelivers
 * the message to the next consumer on the same journal, which answers it as a duplicate; every event is in the
 * engine journal once.
 */
class ConsumerCrashTest
{
    @TempDir
    Path dir;

    @Test
    void aConsumerKilledBetweenJournalAndCompleteLeavesNoSecondEffect() throws Exception
    {
        final String queue = "iris.crash";
        final int count = 20;
        final int killAt = 7;
        final IrisBodies bodies = new IrisBodies(Rig.REGISTRY);
        final Path journal = dir.resolve("journal");
        final String killed;
        try (EmbeddedBroker broker = EmbeddedBroker.start())
        {
            broker.createQueue(queue);
            final AmqpEndpoint endpoint = AmqpEndpoint.parse(broker.url());
            try (IrisPublisher publisher = IrisPublisher.connect(endpoint, queue))
            {
                for (int i = 0; i < count; i++)
                {
                    publisher.sendAsync("BOALF", "BOALF_" + i + ".json", bodies.boalf(i, 10 + i, 900 + i, 30 + i),
                        i % 2 == 1);
                }
                publisher.awaitAccepted();
            }
            try (ChildJvm child = ChildJvm.start(CrashingConsumerMain.class, journal.toString(), broker.url(), queue,
                Integer.toString(killAt), "0"))
            {
                final String line = child.awaitLine("journaled ");
                assertTrue(line.endsWith(" COMPLETE"), line);
                killed = line.split(" ")[1];
                child.kill();
            }
            // The next consumer on the same journal: the killed one's message comes again, first, then the rest.
            try (ChildJvm child = ChildJvm.start(CrashingConsumerMain.class, journal.toString(), broker.url(), queue,
                "0", Integer.toString(count - killAt + 1)))
            {
                final String line = child.awaitLine("done ");
                assertTrue(line.contains("duplicates=1 "), "the redelivered message is a duplicate: " + line + "\n" +
                    child.stderr());
                assertTrue(line.endsWith("completed=" + (count - killAt + 1)), line + "\n" + child.stderr());
                assertEquals(0, child.waitFor(java.time.Duration.ofSeconds(60)));
            }
            assertEquals(0, broker.messageCount(queue));
        }
        final Map<String, Integer> journaled = new HashMap<>();
        int duplicates = 0;
        for (final String[] entry : Rig.payloadEntries(journal))
        {
            final int state = Integer.parseInt(entry[0]);
            if (state == PayloadState.JOURNALED)
            {
                journaled.merge(entry[1], 1, Integer::sum);
            }
            else if (state == PayloadState.DUPLICATE)
            {
                assertEquals(killed, entry[1]);
                duplicates++;
            }
        }
        assertEquals(count, journaled.size());
        assertTrue(journaled.values().stream().allMatch(n -> n == 1), journaled.toString());
        assertEquals(1, duplicates);
        for (final Map.Entry<Long, Integer> key : Rig.inputKeys(journal).entrySet())
        {
            assertEquals(1, key.getValue(), "an event journaled twice");
        }
    }
}
