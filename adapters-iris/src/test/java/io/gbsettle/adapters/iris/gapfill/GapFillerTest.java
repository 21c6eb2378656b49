package io.gbsettle.adapters.iris.gapfill;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.gbsettle.adapters.iris.BodyEncoding;
import io.gbsettle.adapters.iris.Disposition;
import io.gbsettle.adapters.iris.IrisDayMessages;
import io.gbsettle.adapters.iris.IrisOptions;
import io.gbsettle.adapters.iris.IrisTestDayAccess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gap filling against a local HTTP server serving Insights-shaped responses: chunking, a 429 honoured by its
 * Retry-After, a 5xx and a timeout retried, a 4xx reported, and rows already delivered by IRIS dropped by the engine.
 */
final class GapFillerTest
{
    private HttpServer server;
    private ExecutorService executor;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException
    {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
    }

    @AfterEach
    void stop()
    {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private int call(final HttpExchange exchange)
    {
        return calls.computeIfAbsent(exchange.getRequestURI().getPath(), k -> new AtomicInteger()).incrementAndGet();
    }

    private static void reply(final HttpExchange exchange, final int status, final byte[] body) throws IOException
    {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody())
        {
            out.write(body);
        }
    }

    @Test
    void fillsThroughTheSamePathWithBackoffAndDeduplication(@TempDir final Path dir) throws Exception
    {
        final List<IrisDayMessages.Message> day = IrisDayMessages.of(IrisTestDayAccess.bundle());
        final IrisDayMessages.Message pn = first(day, "PN");
        final IrisDayMessages.Message bod = first(day, "BOD");
        final IrisDayMessages.Message mid = first(day, "MID");
        final byte[] prices = ("{\"metadata\":{\"datasets\":[\"DISEBSP\"]},\"data\":[{\"settlementDate\":\"" +
            IrisTestDayAccess.DATE + "\",\"settlementPeriod\":3,\"startTime\":\"x\",\"createdDateTime\":\"" +
            IrisTestDayAccess.DATE + "T02:14:00Z\",\"systemSellPrice\":70.5,\"systemBuyPrice\":70.5," +
            "\"netImbalanceVolume\":12.0}]}").getBytes(StandardCharsets.UTF_8);
        final List<String> queries = Collections.synchronizedList(new ArrayList<>());

        server.createContext("/datasets/PN/stream", ex ->
        {
            queries.add(ex.getRequestURI().getQuery());
            if (call(ex) == 1)
            {
                ex.getResponseHeaders().add("Retry-After", "2");
                reply(ex, 429, new byte[0]);
            }
            else
            {
                reply(ex, 200, pn.body());
            }
        });
        server.createContext("/datasets/BOD/stream", ex ->
        {
            if (call(ex) == 1)
            {
                try
                {
                    release.await(10, TimeUnit.SECONDS);
                }
                catch (final InterruptedException ignore)
                {
                    Thread.currentThread().interrupt();
                }
            }
            reply(ex, 200, bod.body());
        });
        server.createContext("/datasets/MID/stream", ex ->
        {
            if (call(ex) == 1)
            {
                reply(ex, 503, "busy".getBytes(StandardCharsets.UTF_8));
            }
            else
            {
                reply(ex, 200, ("{\"data\":" + mid.text() + "}").getBytes(StandardCharsets.UTF_8));
            }
        });
        server.createContext("/balancing/settlement/system-prices/", ex ->
        {
            call(ex);
            reply(ex, 200, prices);
        });
        server.createContext("/datasets/NETBSAD/stream", ex -> reply(ex, 400,
            "{\"error\":\"bad range\"}".getBytes(StandardCharsets.UTF_8)));
        server.start();

        final List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());
        final GapFillOptions options = GapFillOptions.defaults()
            .withBaseUrl(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"))
            .withDatasets(List.of("PN", "BOD", "MID", "DISEBSP", "NETBSAD"))
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5))
            .withChunk(Duration.ofHours(1))
            .withRetries(3, Duration.ofMillis(100), Duration.ofSeconds(5));

        try (IrisTestDayAccess fixture = new IrisTestDayAccess(dir, IrisOptions.defaults()))
        {
            // IRIS delivered the PN message before the outage.
            assertEquals(Disposition.COMPLETE, fixture.send(pn, BodyEncoding.DATA_BYTES));
            final long pnRows = fixture.ingest().counters().events();

            final GapFiller filler = new GapFiller(java.net.http.HttpClient.newBuilder()
                .connectTimeout(options.connectTimeout()).build(), options, fixture.ingest(), pauses::add);
            final Instant from = Instant.parse(IrisTestDayAccess.DATE + "T00:00:00Z");
            final GapFiller.Summary summary = filler.fill(from, from.plus(Duration.ofMinutes(90)));
            release.countDown();

            // PN, BOD, MID, NETBSAD: two one-hour chunks each; DISEBSP: one settlement date.
            assertEquals(9, summary.requests(), summary.toString());
            assertEquals(7, summary.completed(), summary.toString());
            assertEquals(2, summary.failures().size(), summary.toString());
            assertTrue(summary.failures().get(0).contains("HTTP 400"), summary.failures().toString());
            assertTrue(queries.get(0).contains("from=" + IrisTestDayAccess.DATE + "T00:00:00Z") &&
                queries.get(0).contains("to=" + IrisTestDayAccess.DATE + "T01:00:00Z"), queries.toString());
            assertTrue(pauses.contains(Duration.ofSeconds(2)), "the 429's Retry-After honoured: " + pauses);
            assertTrue(pauses.contains(Duration.ofMillis(100)), "backoff after the timeout and the 503: " + pauses);
            assertTrue(calls.get("/datasets/BOD/stream").get() >= 3,
                "the timed-out BOD request was retried");

            fixture.quiesce();
            final long[] engine = fixture.engine().counters();
            assertTrue(engine[1] >= pnRows * 2, "PN rows IRIS delivered (twice re-fetched) are duplicates: " +
                engine[1] + " of " + pnRows);
            assertTrue(fixture.priceCheckCount() == 1, "the DISEBSP row reached the engine");
        }
    }

    private static IrisDayMessages.Message first(final List<IrisDayMessages.Message> day, final String dataset)
    {
        for (final IrisDayMessages.Message m : day)
        {
            if (m.dataset().equals(dataset))
            {
                return m;
            }
        }
        throw new AssertionError("no " + dataset);
    }
}
