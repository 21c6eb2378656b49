package io.gbsettle.adapters.iris.amqp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.qpid.protonj2.client.Client;
import org.apache.qpid.protonj2.client.Connection;
import org.apache.qpid.protonj2.client.Delivery;
import org.apache.qpid.protonj2.client.Message;
import org.apache.qpid.protonj2.client.Receiver;
import org.apache.qpid.protonj2.client.Sender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.gbsettle.adapters.iris.Disposition;
import io.gbsettle.core.event.ResultRecord;
import io.gbsettle.core.event.ResultType;
import io.gbsettle.core.journal.PayloadState;

/**
 * The transport against a real AMQP 1.0 broker (embedded Artemis, started here): every dataset in both body
 * encodings, duplicates, out-of-order arrival, malformed messages dead-lettered with their reason, a broker restart
 * mid-stream, SASL PLAIN. Waits are on the listener's and the handler's counters, never on time.
 */
class IrisBrokerTest
{
    private static final String QUEUE = "iris.00000000-test";
    private static final long WAIT = 60_000;

    @TempDir
    Path dir;

    private final IrisBodies bodies = new IrisBodies(Rig.REGISTRY);

    @Test
    void everyDatasetInBothEncodingsIsJournaledThenCompleted() throws Exception
    {
        try (EmbeddedBroker broker = EmbeddedBroker.start())
        {
            broker.createQueue(QUEUE);
            final AmqpEndpoint endpoint = AmqpEndpoint.parse(broker.url());
            int sent = 0;
            try (IrisPublisher publisher = IrisPublisher.connect(endpoint, QUEUE))
            {
                for (final Map.Entry<String, String> body : bodies.everyDataset().entrySet())
                {
                    publisher.send(body.getKey(), body.getKey() + "_202506100835_1.json", body.getValue(), false);
                    publisher.send(body.getKey(), body.getKey() + "_202506100835_2.json", body.getValue(), true);
                    sent += 2;
                }
                // A data section holding a JSON-encoded string of the array (double-encoded), as some clients see.
                final String doubleEncoded = '"' + bodies.pn(1, 21, 80).replace("\"", "\\\"") + '"';
                publisher.send("PN", "PN_202506100835_3.json", doubleEncoded, true);
                sent++;
            }
            try (Rig rig = new Rig(dir.resolve("journal"), endpoint, QUEUE, ListenerOptions.defaults(), null).start())
            {
                assertTrue(rig.listener.counters().awaitSettled(sent, WAIT), rig.listener.counters().toString());
                assertEquals(sent, rig.listener.counters().completedCount(), rig.listener.counters().toString());
                assertEquals(0, rig.listener.counters().deadLetteredCount());
                assertEquals(0, rig.listener.counters().abandonedCount());
                rig.awaitProcessed();
                rig.listener.close();
                assertEquals(2, rig.ingest.counters().rawOnly(), "FUELINST is kept raw: " + rig.ingest.counters());
                assertTrue(rig.ingest.counters().events() >= 2 * 12, rig.ingest.counters().toString());
            }
            assertEquals(0, broker.messageCount(QUEUE));
            assertEquals(0, broker.messageCount(EmbeddedBroker.deadLetterQueue(QUEUE)));
        }
        final List<String[]> entries = Rig.payloadEntries(dir.resolve("journal"));
        final Set<String> journaled = new HashSet<>();
        for (final String[] entry : entries)
        {
            if (Integer.parseInt(entry[0]) == PayloadState.JOURNALED)
            {
                assertTrue(journaled.add(entry[1]), "journaled twice: " + entry[1]);
            }
        }
        assertEquals(2 * 13 + 1, journaled.size(), journaled.toString());
        int acknowledged = 0;
        for (final String[] entry : entries)
        {
            acknowledged += Integer.parseInt(entry[0]) == PayloadState.ACKNOWLEDGED ? 1 : 0;
        }
        assertEquals(2 * 13 + 1, acknowledged, "one ACKNOWLEDGED entry per completed message");
    }

    @Test
    void aMultiMegabyteMessageInEitherEncoding() throws Exception
    {
        final StringBuilder rows = new StringBuilder("[");
        int count = 0;
        for (int unit = 0; unit < 40; unit++)
        {
            for (int period = 1; period <= 48; period++)
            {
                for (int pair = -5; pair <= 5; pair++)
                {
                    if (pair == 0)
                    {
                        continue;
                    }
                    final String row = bodies.bod(unit, period, pair, 50 + pair, 40 + pair);
                    rows.append(count++ > 0 ? "," : "").append(row, 1, row.length() - 1);
                }
            }
        }
        final String body = rows.append(']').toString();
        assertTrue(body.length() > 4_000_000, "bytes: " + body.length());
        try (EmbeddedBroker broker = EmbeddedBroker.start())
        {
            broker.createQueue(QUEUE);
            final AmqpEndpoint endpoint = AmqpEndpoint.parse(broker.url());
            try (IrisPublisher publisher = IrisPublisher.connect(endpoint, QUEUE))
            {
                publisher.send("BOD", "BOD_202506100830_big.json", body, true);
                publisher.send("BOD", "BOD_202506100830_big_value.json", body, false);
            }
            try (Rig rig = new Rig(dir.resolve("journal"), endpoint, QUEUE, ListenerOptions.defaults(), null).start())
            {
                assertTrue(rig.listener.counters().awaitSettled(2, WAIT));
                rig.listener.close();
                assertEquals(2, rig.listener.counters().completedCount(), rig.listener.counters().toString());
                assertEquals(2L * body.length(), rig.listener.counters().bytesCount());
                assertEquals(2L * count, rig.ingest.counters().rows(), rig.ingest.counters().toString());
            }
        }
    }

    @Test
    void theSameMessageTwiceHasNoSecondEffect() throws Exception
    {
        try (EmbeddedBroker broker = EmbeddedBroker.start())
        {
            broker.createQueue(QUEUE);
            final AmqpEndpoint endpoint = AmqpEndpoint.parse(broker.url());
            try (IrisPublisher publisher = IrisPublisher.connect(endpoint, QUEUE))
            {
                publisher.send("BOALF", "BOALF_202506100800_1.json", bodies.boalf(2, 20, 5001, 90), false);
                publisher.send("BOALF", "BOALF_202506100800_1.json", bodies.boalf(2, 20, 5001, 90), false);
                publisher.send("BOALF", "BOALF_202506100800_1.json", bodies.boalf(2, 20, 5001, 90), true);
            }
            try (Rig rig = new Rig(dir.resolve("journal"), endpoint, QUEUE, ListenerOptions.defaults(), null).start())
            {
                assertTrue(rig.listener.counters().awaitSettled(3, WAIT));
                rig.listener.close();
                assertEquals(2, rig.ingest.counters().duplicates(), rig.ingest.counters().toString());
                assertEquals(List.of(Disposition.COMPLETE, Disposition.COMPLETE, Disposition.COMPLETE),
                    rig.watch.answers().get("BOALF_202506100800_1.json"));
            }
        }
        assertEachEventOnce(dir.resolve("journal"));
    }

    @Test
    void outOfOrderArrivalGivesTheSameEventsAndPricesAsInOrder() throws Exception
    {
        final List<String[]> messages = new ArrayList<>();
        for (int i = 0; i < 8; i++)
        {
            // Distinct business keys: which of two versions of one PN or BOD row wins is the handler's rule (its own
            // tests); here the transport must deliver every message whatever the order.
            messages.add(new String[] {"BOALF", "BOALF_" + i + ".json", bodies.boalf(i % 4, 20, 7000 + i, 50 + i)});
            messages.add(new String[] {"BOD", "BOD_" + i + ".json", bodies.bod(i, 20, 1 + i % 2, 60 + i, 50)});
            messages.add(new String[] {"PN", "PN_" + i + ".json", bodies.pn(i, 20 + i % 2, 40 + i)});
        }
        messages.add(new String[] {"DISBSAD", "DISBSAD_1.json", bodies.everyDataset().get("DISBSAD")});
        messages.add(new String[] {"NETBSAD", "NETBSAD_1.json", bodies.everyDataset().get("NETBSAD")});
        messages.add(new String[] {"MID", "MID_1.json", bodies.everyDataset().get("MID")});
        final List<String[]> reversed = new ArrayList<>(messages);
        Collections.reverse(reversed);
        final List<String[]> shuffled = new ArrayList<>(messages);
        Collections.shuffle(shuffled, new java.util.Random(11));

        final Outcome inOrder = consume(messages, dir.resolve("in-order"));
        final Outcome backwards = consume(reversed, dir.resolve("reversed"));
        final Outcome mixed = consume(shuffled, dir.resolve("shuffled"));
        assertEquals(inOrder.keys, backwards.keys);
        assertEquals(inOrder.keys, mixed.keys);
        assertFalse(inOrder.prices.isEmpty(), "indicative prices were computed");
        assertSamePrices(inOrder.prices, backwards.prices);
        assertSamePrices(inOrder.prices, mixed.prices);
    }

    @Test
    void malformedMessagesAreDeadLetteredWithTheirReasonAndKept() throws Exception
    {
        try (EmbeddedBroker broker = EmbeddedBroker.start())
        {
            broker.createQueue(QUEUE);
            final AmqpEndpoint endpoint = AmqpEndpoint.parse(broker.url());
            try (IrisPublisher publisher = IrisPublisher.connect(endpoint, QUEUE))
            {
                publisher.send("BOALF", "BOALF_bad_json.json", "[{\"dataset\":\"BOALF\",\"bmUnit\":", true);
                publisher.send("BOD", "BOD_no_offer.json", bodies.bod(0, 20, 1, 60, 50).replace("\"offer\":60.0,", ""),
                    false);
                publisher.send("PN", "PN_good.json", bodies.pn(0, 20, 10), true);
            }
            try (Client client = Client.create();
                Connection connection = client.connect("127.0.0.1", broker.port());
                Sender sender = connection.openSender(QUEUE))
            {
                final Map<String, Object> map = new HashMap<>();
                map.put("not", "iris");
                sender.send(Message.create(map).subject("MID").messageId("MID_map.json")).awaitAccepted(30,
                    TimeUnit.SECONDS);
            }
            try (Rig rig = new Rig(dir.resolve("journal"), endpoint, QUEUE, ListenerOptions.defaults(), null).start())
            {
                assertTrue(rig.listener.counters().awaitSettled(4, WAIT));
                rig.listener.close();
                assertEquals(3, rig.listener.counters().deadLetteredCount(), rig.listener.counters().toString());
                assertEquals(1, rig.listener.counters().completedCount());
            }
            assertEquals(0, broker.messageCount(QUEUE));
            assertEquals(3, broker.messageCount(EmbeddedBroker.deadLetterQueue(QUEUE)));
            final Set<String> deadLettered = new HashSet<>();
            try (Client client = Client.create();
                Connection connection = client.connect("127.0.0.1", broker.port());
                Receiver receiver = connection.openReceiver(EmbeddedBroker.deadLetterQueue(QUEUE)))
            {
                for (int i = 0; i < 3; i++)
                {
                    final Delivery delivery = receiver.receive(30, TimeUnit.SECONDS);
                    assertNotNull(delivery, "dead-lettered message " + i);
                    deadLettered.add(delivery.message().messageId().toString());
                    delivery.accept();
                }
            }
            assertEquals(Set.of("BOALF_bad_json.json", "BOD_no_offer.json", "MID_map.json"), deadLettered);
        }
        // The reasons, in business terms, are kept with the raw bodies in the payload journal (Artemis does not copy a
        // rejected outcome's error into the dead-lettered message; Service Bus does, see ServiceBusAuthTest).
        final Map<String, String> reasons = new TreeMap<>();
        for (final String[] entry : Rig.payloadEntries(dir.resolve("journal")))
        {
            if (Integer.parseInt(entry[0]) == PayloadState.REJECTED)
            {
                reasons.put(entry[1], entry[2]);
            }
        }
        assertEquals(Set.of("BOALF_bad_json.json", "BOD_no_offer.json"), reasons.keySet(), reasons.toString());
        assertTrue(reasons.get("BOD_no_offer.json").contains("offer"), reasons.toString());
        assertTrue(reasons.get("BOD_no_offer.json").contains("BOD"), reasons.toString());
        // What became of every message is recorded after its settlement.
        final Map<String, String> settled = new TreeMap<>();
        for (final String[] entry : Rig.payloadEntries(dir.resolve("journal")))
        {
            final int state = Integer.parseInt(entry[0]);
            if (state == PayloadState.DEAD_LETTERED || state == PayloadState.ACKNOWLEDGED)
            {
                assertNull(settled.put(entry[1], PayloadState.name(state) + " " + entry[2]), entry[1]);
            }
        }
        assertEquals(Set.of("BOALF_bad_json.json", "BOD_no_offer.json", "MID_map.json", "PN_good.json"),
            settled.keySet(), settled.toString());
        assertTrue(settled.get("PN_good.json").startsWith("ACKNOWLEDGED"), settled.toString());
        assertTrue(settled.get("BOD_no_offer.json").startsWith("DEAD_LETTERED"), settled.toString());
        assertTrue(settled.get("BOD_no_offer.json").contains("offer"), settled.toString());
        assertTrue(settled.get("MID_map.json").contains("NotIrisMessage"), settled.toString());
    }

    @Test
    void aBrokerRestartMidStreamLosesNothingAndRepeatsNothing() throws Exception
    {
        final int count = 300;
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"),
            EmbeddedBroker.DEFAULT_MAX_DELIVERY_ATTEMPTS, null, null))
        {
            broker.createQueue(QUEUE);
            final AmqpEndpoint endpoint = AmqpEndpoint.parse(broker.url()).withTimeoutMillis(5_000);
            try (IrisPublisher publisher = IrisPublisher.connect(endpoint, QUEUE))
            {
                for (int i = 0; i < count; i++)
                {
                    publisher.sendAsync("PN", "PN_" + i + ".json", bodies.pn(i % 40, 1 + i % 48, i), i % 2 == 0);
                }
                publisher.awaitAccepted();
            }
            final ListenerOptions options = ListenerOptions.defaults().withBackoffMillis(50, 500);
            try (Rig rig = new Rig(dir.resolve("journal"), endpoint, QUEUE, options, null).start())
            {
                assertTrue(rig.watch.awaitDistinct(count / 3, WAIT));
                broker.restart();
                assertTrue(rig.watch.awaitDistinct(count, WAIT), rig.listener.counters().toString());
                assertTrue(rig.listener.counters().awaitSettled(rig.watch.calls(), WAIT));
                rig.listener.close();
                assertTrue(rig.listener.counters().connectsCount() >= 2, rig.listener.counters().toString());
            }
            assertEquals(0, broker.messageCount(QUEUE));
        }
        final Map<String, Integer> journaled = new HashMap<>();
        for (final String[] entry : Rig.payloadEntries(dir.resolve("journal")))
        {
            if (Integer.parseInt(entry[0]) == PayloadState.JOURNALED)
            {
                journaled.merge(entry[1], 1, Integer::sum);
            }
        }
        assertEquals(count, journaled.size(), "nothing lost");
        assertTrue(journaled.values().stream().allMatch(n -> n == 1), "nothing journaled twice");
        assertEachEventOnce(dir.resolve("journal"));
    }

    @Test
    void aBacklogWithPrefetchIsJournaledInGroupsThenSettled() throws Exception
    {
        final int count = 400;
        try (EmbeddedBroker broker = EmbeddedBroker.start())
        {
            broker.createQueue(QUEUE);
            final AmqpEndpoint endpoint = AmqpEndpoint.parse(broker.url());
            try (IrisPublisher publisher = IrisPublisher.connect(endpoint, QUEUE))
            {
                for (int i = 0; i < count; i++)
                {
                    publisher.sendAsync("PN", "PN_" + i + ".json", bodies.pn(i % 40, 1 + i % 48, i), i % 2 == 0);
                }
                publisher.sendAsync("BOD", "BOD_no_offer.json",
                    bodies.bod(0, 20, 1, 60, 50).replace("\"offer\":60.0,", ""), true);
                publisher.awaitAccepted();
            }
            try (Rig rig = new Rig(dir.resolve("journal"), endpoint, QUEUE,
                ListenerOptions.defaults().withPrefetch(100), null).start())
            {
                assertTrue(rig.listener.counters().awaitSettled(count + 1, WAIT), rig.listener.counters().toString());
                rig.listener.close();
                assertEquals(count, rig.listener.counters().completedCount());
                assertEquals(1, rig.listener.counters().deadLetteredCount());
                assertTrue(rig.watch.maxBatch() > 1, "messages were handed over in groups: " + rig.watch.maxBatch());
            }
        }
        // Every message: RECEIVED, then JOURNALED (or REJECTED) before its settlement record.
        final Map<String, Integer> journaledAt = new HashMap<>();
        final Map<String, Integer> settledAt = new HashMap<>();
        final List<String[]> entries = Rig.payloadEntries(dir.resolve("journal"));
        for (int i = 0; i < entries.size(); i++)
        {
            final int state = Integer.parseInt(entries.get(i)[0]);
            if (state == PayloadState.JOURNALED || state == PayloadState.REJECTED)
            {
                assertNull(journaledAt.put(entries.get(i)[1], i), "journaled twice");
            }
            else if (state == PayloadState.ACKNOWLEDGED || state == PayloadState.DEAD_LETTERED)
            {
                assertNull(settledAt.put(entries.get(i)[1], i), "settled twice");
            }
        }
        assertEquals(count + 1, journaledAt.size());
        assertEquals(journaledAt.keySet(), settledAt.keySet());
        for (final Map.Entry<String, Integer> e : settledAt.entrySet())
        {
            assertTrue(journaledAt.get(e.getKey()) < e.getValue(), "journaled before settled: " + e.getKey());
        }
        assertEachEventOnce(dir.resolve("journal"));
    }

    @Test
    void saslPlainUserAndPassword() throws Exception
    {
        try (EmbeddedBroker broker = EmbeddedBroker.start(null, 5, "gbsettle", "s3cret"))
        {
            broker.createQueue(QUEUE);
            final Path passwordFile = dir.resolve("password");
            java.nio.file.Files.writeString(passwordFile, "s3cret\n", StandardCharsets.UTF_8);
            final IrisSettings settings = IrisSettings.amqp(broker.url(), QUEUE, "gbsettle", passwordFile, null);
            assertFalse(settings.toString().contains("s3cret"), settings.toString());
            try (IrisPublisher publisher = IrisPublisher.connect(settings.endpoint(), QUEUE))
            {
                publisher.send("PN", "PN_1.json", bodies.pn(3, 30, 12), true);
            }
            try (Rig rig = new Rig(dir.resolve("journal"), settings.endpoint(), QUEUE, ListenerOptions.defaults(),
                null).start())
            {
                assertTrue(rig.listener.counters().awaitSettled(1, WAIT));
            }
            final IrisSettings wrong = IrisSettings.amqp(broker.url(), QUEUE, "gbsettle", null, null);
            try (Rig rig = new Rig(dir.resolve("journal2"), wrong.endpoint(), QUEUE,
                ListenerOptions.defaults().withBackoffMillis(10, 20), null).start())
            {
                assertTrue(awaitFailures(rig.listener, 2), rig.listener.counters().toString());
                assertEquals(0, rig.listener.counters().connectsCount());
            }
        }
    }

    private static boolean awaitFailures(final IrisListener listener, final long failures) throws InterruptedException
    {
        final IrisListener.Counters counters = listener.counters();
        synchronized (counters)
        {
            final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT);
            while (counters.connectionFailuresCount() < failures)
            {
                final long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0)
                {
                    return false;
                }
                counters.wait(left);
            }
            return true;
        }
    }

    private Outcome consume(final List<String[]> messages, final Path journal) throws Exception
    {
        final Map<Integer, Double> prices = new TreeMap<>();
        try (EmbeddedBroker broker = EmbeddedBroker.start())
        {
            broker.createQueue(QUEUE);
            final AmqpEndpoint endpoint = AmqpEndpoint.parse(broker.url());
            try (IrisPublisher publisher = IrisPublisher.connect(endpoint, QUEUE))
            {
                for (final String[] message : messages)
                {
                    publisher.sendAsync(message[0], message[1], message[2], true);
                }
                publisher.awaitAccepted();
            }
            try (Rig rig = new Rig(journal, endpoint, QUEUE, ListenerOptions.defaults(), (ResultRecord record) ->
            {
                if (record.type() == ResultType.INDICATIVE_PRICE)
                {
                    prices.put(record.period(), record.value(0));
                }
            }).start())
            {
                assertTrue(rig.listener.counters().awaitSettled(messages.size(), WAIT));
                assertEquals(messages.size(), rig.listener.counters().completedCount());
                rig.awaitProcessed();
            }
        }
        final Map<Integer, Double> copy;
        synchronized (prices)
        {
            copy = new TreeMap<>(prices);
        }
        return new Outcome(Rig.inputKeys(journal).keySet(), copy);
    }

    private static void assertSamePrices(final Map<Integer, Double> expected, final Map<Integer, Double> actual)
    {
        assertEquals(expected.keySet(), actual.keySet());
        for (final Map.Entry<Integer, Double> price : expected.entrySet())
        {
            final double e = price.getValue();
            final double a = actual.get(price.getKey());
            assertTrue(Double.compare(e, a) == 0 || Math.abs(e - a) <= 1e-9 * Math.max(1, Math.abs(e)),
                "period " + price.getKey() + ": " + e + " vs " + a);
        }
    }

    private static void assertEachEventOnce(final Path journal)
    {
        final Map<Long, Integer> keys = Rig.inputKeys(journal);
        assertFalse(keys.isEmpty());
        for (final Map.Entry<Long, Integer> key : keys.entrySet())
        {
            assertEquals(1, key.getValue(), "an event journaled twice");
        }
    }

    private static final class Outcome
    {
        final Set<Long> keys;
        final Map<Integer, Double> prices;

        Outcome(final Set<Long> keys, final Map<Integer, Double> prices)
        {
            this.keys = new HashSet<>(keys);
            this.prices = prices;
        }
    }
}
