package io.gbsettle.adapters.iris.amqp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.gbsettle.adapters.iris.IrisOptions;
import io.gbsettle.adapters.iris.gapfill.GapFillOptions;
import io.gbsettle.adapters.iris.gapfill.GapFiller;
import io.gbsettle.core.engine.EngineContext;
import io.gbsettle.core.journal.PayloadState;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An {@link IrisConsumer} with gap filling, against embedded Artemis and a local HTTP server serving the Insights
 * BOD stream: on start-up it fetches the window, rows IRIS also delivered are duplicates in the engine, the new
 * row is applied; a restart fills from the last IRIS message journaled.
 */
final class ConsumerGapFillTest
{
    private static final String QUEUE = "iris.00000000-gapfill";
    private static final long WAIT = 60_000;

    @TempDir
    Path dir;

    private final IrisBodies bodies = new IrisBodies(Rig.REGISTRY);
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private ExecutorService executor;

    @BeforeEach
    void startServer() throws IOException
    {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        executor = Executors.newFixedThreadPool(2);
        server.setExecutor(executor);
        // The API answers with the row IRIS delivers as BOD_1.json and one IRIS never delivered.
        final String delivered = bodies.bod(0, 20, 1, 60, 50);
        final String missed = bodies.bod(2, 21, 1, 80, 30);
        final byte[] body = ("[" + delivered.substring(1, delivered.length() - 1) + "," +
            missed.substring(1, missed.length() - 1) + "]").getBytes(StandardCharsets.UTF_8);
        server.createContext("/datasets/BOD/stream", ex ->
        {
            queries.add(URLDecoder.decode(ex.getRequestURI().getRawQuery(), StandardCharsets.UTF_8));
            reply(ex, body);
        });
        server.start();
    }

    @AfterEach
    void stopServer()
    {
        server.stop(0);
        executor.shutdownNow();
    }

    @Test
    void startUpFillIsDeduplicatedAgainstIrisAndARestartFillsFromTheLastMessage() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final GapFillOptions gapFill = GapFillOptions.defaults()
            .withBaseUrl(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
            .withDatasets(List.of("BOD"))
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5))
            .withWindows(Duration.ofHours(1), Duration.ofHours(24), Duration.ofMinutes(2));
        try (EmbeddedBroker broker = EmbeddedBroker.start())
        {
            broker.createQueue(QUEUE);
            final IrisSettings settings = IrisSettings.amqp(broker.url(), QUEUE, null, null, null);
            try (IrisPublisher publisher = IrisPublisher.connect(settings.endpoint(), QUEUE))
            {
                publisher.send("BOD", "BOD_1.json", bodies.bod(0, 20, 1, 60, 50), true);
                publisher.send("BOD", "BOD_2.json", bodies.bod(1, 20, 1, 70, 40), false);
            }
            final Instant before = Instant.now();
            try (IrisConsumer consumer = IrisConsumer.open(new EngineContext().registry(Rig.REGISTRY)
                .journalDir(journal), settings, ListenerOptions.defaults(), IrisOptions.defaults(), gapFill, null))
            {
                consumer.listener().start();
                assertTrue(consumer.listener().counters().awaitSettled(2, WAIT));
                final List<GapFiller.Summary> fills = consumer.awaitGapFills(1, WAIT);
                assertEquals(1, fills.size(), "the start-up fill ran");
                assertEquals(1, fills.get(0).requests(), fills.toString());
                assertEquals(1, fills.get(0).completed(), fills.toString());
                assertEquals(2, fills.get(0).events(), fills.toString());
                final Instant from = from(queries.get(0));
                assertTrue(!from.isBefore(before.minus(Duration.ofHours(1)).minusSeconds(5)) &&
                    !from.isAfter(Instant.now().minus(Duration.ofHours(1))), "an empty journal looks back 1 h: " +
                    queries);
                consumer.listener().close();
                consumer.engine().awaitProcessed(consumer.engine().nextPosition() - 1, 30, TimeUnit.SECONDS);
                final long[] counters = consumer.engine().counters();
                assertEquals(3, counters[0], "BOD_1, BOD_2 and the row only the API had");
                assertEquals(1, counters[1], "the row IRIS delivered and the API repeated is a duplicate");
            }
            final long afterFirst = Instant.now().toEpochMilli();

            // A restart: the window starts at the last IRIS message journaled, not an hour back.
            try (IrisConsumer consumer = IrisConsumer.open(new EngineContext().registry(Rig.REGISTRY)
                .journalDir(journal), settings, ListenerOptions.defaults(), IrisOptions.defaults(), gapFill, null))
            {
                final long last = consumer.ingest().lastJournaledMicros() / 1000;
                assertTrue(last >= before.toEpochMilli() && last <= afterFirst, "last IRIS message journaled");
                consumer.listener().start();
                final List<GapFiller.Summary> fills = consumer.awaitGapFills(1, WAIT);
                assertEquals(1, fills.size());
                assertEquals(1, fills.get(0).completed(), fills.toString());
                consumer.listener().close();
                assertEquals(2, queries.size(), queries.toString());
                assertEquals(Instant.ofEpochMilli(last), from(queries.get(1)).truncatedTo(
                    java.time.temporal.ChronoUnit.MILLIS), queries.toString());
            }
        }
        int gapFillJournaled = 0;
        for (final String[] entry : Rig.payloadEntries(journal))
        {
            if (Integer.parseInt(entry[0]) == PayloadState.JOURNALED && entry[1].startsWith("GAPFILL GET"))
            {
                gapFillJournaled++;
            }
        }
        assertEquals(2, gapFillJournaled, "each fill's response journaled (distinct windows)");
    }

    @Test
    void aReconnectAfterAnOutageFillsTheOutagesWindow() throws Exception
    {
        final GapFillOptions gapFill = GapFillOptions.defaults()
            .withBaseUrl(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
            .withDatasets(List.of("BOD"))
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5))
            .withWindows(Duration.ofHours(1), Duration.ofHours(24), Duration.ZERO);
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"),
            EmbeddedBroker.DEFAULT_MAX_DELIVERY_ATTEMPTS, null, null))
        {
            broker.createQueue(QUEUE);
            final IrisSettings settings = IrisSettings.amqp(broker.url(), QUEUE, null, null, null);
            final ListenerOptions options = ListenerOptions.defaults().withBackoffMillis(50, 500);
            try (IrisConsumer consumer = IrisConsumer.open(new EngineContext().registry(Rig.REGISTRY)
                .journalDir(dir.resolve("journal")), settings, options, IrisOptions.defaults(), gapFill, null))
            {
                consumer.listener().start();
                assertEquals(1, consumer.awaitGapFills(1, WAIT).size(), "the start-up fill");
                final Instant down = Instant.now();
                broker.restart();
                assertTrue(consumer.listener().counters().awaitConnects(2, WAIT));
                final List<GapFiller.Summary> fills = consumer.awaitGapFills(2, WAIT);
                assertEquals(2, fills.size(), "the outage's fill");
                assertEquals(1, fills.get(1).completed(), fills.toString());
                final Instant from = from(queries.get(1));
                assertTrue(!from.isBefore(down.minusSeconds(1)) && from.isBefore(Instant.now()),
                    "the outage's window starts when the connection was lost: " + queries);
            }
        }
    }

    private static Instant from(final String query)
    {
        final int at = query.indexOf("from=") + 5;
        final int end = query.indexOf('&', at);
        return Instant.parse(query.substring(at, end < 0 ? query.length() : end));
    }

    private static void reply(final HttpExchange exchange, final byte[] body) throws IOException
    {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody())
        {
            out.write(body);
        }
    }
}
