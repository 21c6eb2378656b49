package io.gbsettle.adapters.iris.amqp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import org.apache.qpid.protonj2.test.driver.ProtonTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.gbsettle.adapters.iris.Disposition;
import io.gbsettle.adapters.iris.IrisHandler;
import io.gbsettle.adapters.iris.IrisMessage;

/**
 * Azure Service Bus's side, which Artemis cannot show: Entra ID client credentials against a local token endpoint
 * (caching, refresh before expiry, refusals reported without the secret), the token presented as SASL PLAIN
 * {@code $jwt} on the wire, and the exact settlement outcomes (rejected with {@code com.microsoft:dead-letter} and its
 * info map, modified for abandon, accepted) seen by a scripted AMQP peer (ProtonJ2 test driver).
 */
class ServiceBusAuthTest
{
    private static final String SECRET = "very-secret-value~1";
    private static final String QUEUE = "iris.5c9f752d-0000-0000-0000-000000000000";

    @TempDir
    Path dir;

    private HttpServer tokens;
    private final List<String> requests = new ArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "";
    private int issued;

    @BeforeEach
    void tokenEndpoint() throws IOException
    {
        tokens = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tokens.createContext("/tenant-1/oauth2/v2.0/token", exchange ->
        {
            final String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            final String body;
            synchronized (requests)
            {
                requests.add(exchange.getRequestMethod() + " " + form);
                body = status == 200 ? "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599," +
                    "\"access_token\":\"eyJ.token-" + ++issued + "\"}" : answer;
            }
            final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody())
            {
                out.write(bytes);
            }
        });
        tokens.start();
    }

    @AfterEach
    void stop()
    {
        tokens.stop(0);
    }

    private URI tokenUri()
    {
        return URI.create("http://127.0.0.1:" + tokens.getAddress().getPort() + "/tenant-1/oauth2/v2.0/token");
    }

    @Test
    void clientCredentialsTokenIsCachedAndRefreshedBeforeExpiry() throws Exception
    {
        final AtomicLong now = new AtomicLong(1_000_000);
        final EntraTokenSource source = new EntraTokenSource(tokenUri(), "client-1", SECRET,
            EntraTokenSource.SERVICE_BUS_SCOPE, now::get);
        assertEquals("eyJ.token-1", source.token());
        assertEquals("eyJ.token-1", source.token());
        assertEquals(1, source.fetched());
        assertEquals(1_000_000 + 3_599_000 - EntraTokenSource.REFRESH_MARGIN_MILLIS, source.refreshAtMillis());
        now.set(source.refreshAtMillis() - 1);
        assertFalse(source.dueForRefresh());
        assertEquals("eyJ.token-1", source.token());
        now.set(source.refreshAtMillis());
        assertTrue(source.dueForRefresh(), "the listener reconnects with a fresh token now");
        assertEquals("eyJ.token-2", source.token());
        synchronized (requests)
        {
            assertEquals(2, requests.size());
            assertEquals("POST grant_type=client_credentials&client_id=client-1&client_secret=" +
                "very-secret-value%7E1&scope=https%3A%2F%2Fservicebus.azure.net%2F.default", requests.get(0));
        }
        assertFalse(source.toString().contains(SECRET));
        assertEquals(URI.create("https://login.microsoftonline.com/4203b7a0-7773-4de5-b830-8b263a20426e/oauth2/" +
            "v2.0/token"), EntraTokenSource.endpointFor("4203b7a0-7773-4de5-b830-8b263a20426e"));
    }

    @Test
    void aRefusalIsReportedByItsCodeNeverWithTheSecret()
    {
        status = 401;
        answer = "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret " +
            "provided.\",\"error_codes\":[7000215],\"trace_id\":\"x\"}";
        final EntraTokenSource source = new EntraTokenSource(tokenUri(), "client-1", SECRET,
            EntraTokenSource.SERVICE_BUS_SCOPE, System::currentTimeMillis);
        final IOException refused = assertThrows(IOException.class, source::token);
        assertTrue(refused.getMessage().contains("HTTP 401 invalid_client AADSTS7000215"), refused.getMessage());
        assertFalse(refused.getMessage().contains(SECRET), refused.getMessage());
    }

    @Test
    void settingsFromAFileAndTheEnvironmentNeverShowTheSecret() throws Exception
    {
        final Path secretFile = dir.resolve("secret");
        Files.writeString(secretFile, SECRET + "\n");
        final Path config = dir.resolve("iris.properties");
        Files.writeString(config, String.join("\n",
            "servicebus.namespace=elexon-insights-iris",
            "queue=" + QUEUE,
            "entra.tenant-id=4203b7a0-7773-4de5-b830-8b263a20426e",
            "entra.client-id=client-from-file",
            "entra.client-secret-file=secret",
            "journal=journal", ""));
        final IrisSettings fromFile = IrisSettings.load(config, Map.of());
        assertEquals("amqps://elexon-insights-iris.servicebus.windows.net:5671 (SASL PLAIN $jwt (Entra ID token)) " +
            "queue " + QUEUE + " journal " + dir.resolve("journal"), fromFile.toString());
        assertEquals(QUEUE, fromFile.queue());
        assertTrue(fromFile.endpoint().tls());

        final Map<String, String> env = new HashMap<>();
        env.put("IRIS_CLIENT_ID", "client-from-env");
        env.put("IRIS_CLIENT_SECRET", "env-secret");
        env.put("IRIS_QUEUE", "iris.from-env");
        final IrisSettings overridden = IrisSettings.load(config, env);
        assertEquals("iris.from-env", overridden.queue());
        assertTrue(overridden.endpoint().tokens().toString().contains("client-from-env"));
        assertFalse(overridden.toString().contains("env-secret"));

        final IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
            () -> IrisSettings.load(null, Map.of("IRIS_NAMESPACE", "ns", "IRIS_QUEUE", "q", "IRIS_TENANT_ID", "t")));
        assertTrue(missing.getMessage().contains("entra.client-id"), missing.getMessage());

        final IrisSettings plain = IrisSettings.load(null, Map.of("IRIS_AMQP_URL", "amqps://broker.example",
            "IRIS_QUEUE", "feed", "IRIS_AMQP_USER", "u", "IRIS_AMQP_PASSWORD", "p4ss"));
        assertEquals("amqps://broker.example:5671 (SASL PLAIN user u) queue feed", plain.toString());
    }

    @Test
    void theListenerReconnectsWithAFreshTokenBeforeTheOldOneExpires() throws Exception
    {
        final AtomicLong now = new AtomicLong(1_000_000);
        final EntraTokenSource source = new EntraTokenSource(tokenUri(), "client-1", SECRET,
            EntraTokenSource.SERVICE_BUS_SCOPE, now::get);
        final IrisHandler complete = new IrisHandler()
        {
            @Override
            public Disposition onMessage(final IrisMessage message)
            {
                return Disposition.COMPLETE;
            }

            @Override
            public String deadLetterReason()
            {
                return "";
            }
        };
        // Artemis without security takes any SASL PLAIN credentials: here it stands for a namespace taking $jwt.
        try (EmbeddedBroker broker = EmbeddedBroker.start())
        {
            broker.createQueue(QUEUE);
            final AmqpEndpoint endpoint = AmqpEndpoint.parse(broker.url()).withTokens(source);
            final IrisListener listener = new IrisListener(endpoint, QUEUE, complete, ListenerOptions.defaults(),
                null);
            try (IrisPublisher publisher = IrisPublisher.connect(AmqpEndpoint.parse(broker.url()), QUEUE))
            {
                listener.start();
                publisher.send("PN", "PN_1.json", "[]", true);
                assertTrue(listener.counters().awaitSettled(1, 30_000));
                assertEquals(1, listener.counters().connectsCount());
                now.set(source.refreshAtMillis());
                assertTrue(listener.counters().awaitConnects(2, 30_000), listener.counters().toString());
                publisher.send("PN", "PN_2.json", "[]", false);
                assertTrue(listener.counters().awaitSettled(2, 30_000));
            }
            finally
            {
                listener.close();
            }
            assertEquals(1, listener.counters().tokenRenewalsCount());
            assertEquals(2, source.fetched());
            assertEquals(0, broker.messageCount(QUEUE));
        }
    }

    @Test
    void theTokenGoesAsSaslPlainJwtAndOutcomesAreWhatServiceBusExpects() throws Exception
    {
        final EntraTokenSource source = new EntraTokenSource(tokenUri(), "client-1", SECRET,
            EntraTokenSource.SERVICE_BUS_SCOPE, System::currentTimeMillis);
        final String reason = "MalformedJson: BOD BOD_1.json row 1 field offer: missing";
        final IrisHandler handler = new IrisHandler()
        {
            @Override
            public Disposition onMessage(final IrisMessage message)
            {
                return "BOD".equals(message.dataset()) ? Disposition.DEAD_LETTER :
                    "PN".equals(message.dataset()) ? Disposition.ABANDON : Disposition.COMPLETE;
            }

            @Override
            public String deadLetterReason()
            {
                return reason;
            }
        };
        try (ProtonTestServer peer = new ProtonTestServer())
        {
            peer.expectSASLPlainConnect("$jwt", "eyJ.token-1");
            peer.expectOpen().respond();
            peer.expectBegin().respond();
            peer.expectAttach().ofReceiver().withSource().withAddress(QUEUE).also().respond();
            peer.expectFlow().withLinkCredit(1);
            peer.start();
            final AmqpEndpoint endpoint = AmqpEndpoint.parse("amqp://127.0.0.1:" + peer.getServerURI().getPort())
                .withTokens(source);
            final IrisListener listener = new IrisListener(endpoint, QUEUE, handler, ListenerOptions.defaults(), null);
            try
            {
                listener.start();
                peer.waitForScriptToComplete(30, TimeUnit.SECONDS);

                final Map<String, Object> info = new HashMap<>();
                info.put(IrisListener.DEAD_LETTER_REASON, "MalformedJson");
                info.put(IrisListener.DEAD_LETTER_DESCRIPTION, reason);
                peer.expectDisposition().withSettled(true).withState()
                    .rejected(IrisListener.DEAD_LETTER_CONDITION, reason, info);
                peer.expectFlow().withLinkCredit(1);
                peer.remoteTransfer().withHandle(0).withDeliveryId(0).withDeliveryTag(new byte[] {1})
                    .withProperties().withSubject("BOD").withMessageId("BOD_1.json").also()
                    .withBody().withString("[{\"dataset\":\"BOD\"}]").also().now();
                peer.waitForScriptToComplete(30, TimeUnit.SECONDS);

                // undeliverable-here is left out, which AMQP defines as false.
                peer.expectDisposition().withSettled(true).withState().modified(true);
                peer.expectFlow().withLinkCredit(1);
                peer.remoteTransfer().withHandle(0).withDeliveryId(1).withDeliveryTag(new byte[] {2})
                    .withProperties().withSubject("PN").withMessageId("PN_1.json").also()
                    .withBody().withData("[]".getBytes(StandardCharsets.UTF_8)).also().now();
                peer.waitForScriptToComplete(30, TimeUnit.SECONDS);

                peer.expectDisposition().withSettled(true).withState().accepted();
                peer.expectFlow().withLinkCredit(1);
                peer.remoteTransfer().withHandle(0).withDeliveryId(2).withDeliveryTag(new byte[] {3})
                    .withProperties().withSubject("BOALF").withMessageId("BOALF_1.json").also()
                    .withBody().withString("[]").also().now();
                peer.waitForScriptToComplete(30, TimeUnit.SECONDS);
                assertTrue(listener.counters().awaitSettled(2, 30_000));
                assertEquals(1, listener.counters().abandonedCount());
                assertEquals(1, listener.counters().deadLetteredCount());
                assertEquals(1, listener.counters().completedCount());
                peer.expectClose().respond();
            }
            finally
            {
                listener.close();
            }
            peer.waitForScriptToComplete(30, TimeUnit.SECONDS);
        }
    }
}
