package io.gbsettle.adapters.iris.amqp;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;

/**
 * The IRIS consumer's connection settings, from a properties file and the environment (the environment wins, so a
 * secret can stay out of the file): either Azure Service Bus with Entra ID client credentials (IRIS) or a plain
 * AMQP 1.0 broker.
 *
 * <pre>
 * # IRIS (Azure Service Bus, Entra ID client credentials): values from https://bmrs.elexon.co.uk/iris
 * servicebus.namespace=elexon-insights-iris          # env IRIS_NAMESPACE
 * queue=iris.00000000-0000-0000-0000-000000000000    # env IRIS_QUEUE
 * entra.tenant-id=4203b7a0-7773-4de5-b830-8b263a20426e   # env IRIS_TENANT_ID
 * entra.client-id=...                                # env IRIS_CLIENT_ID
 * entra.client-secret-file=/run/secrets/iris         # or entra.client-secret=..., env IRIS_CLIENT_SECRET
 * # entra.token-url=...   (default https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token; env IRIS_TOKEN_URL)
 * journal=/var/lib/gbsettle/journal                  # env IRIS_JOURNAL
 *
 * # or any AMQP 1.0 broker
 * amqp.url=amqps://broker.example:5671               # env IRIS_AMQP_URL
 * queue=iris.feed
 * amqp.user=gbsettle                                 # env IRIS_AMQP_USER (no user: SASL ANONYMOUS)
 * amqp.password-file=/run/secrets/amqp               # or amqp.password=..., env IRIS_AMQP_PASSWORD
 * </pre>
 *
 * {@link #toString()} shows where and who, never a secret, password or token.
 */
public final class IrisSettings
{
    /** Environment variables and the properties they override. */
    public static final Map<String, String> ENVIRONMENT = environment();

    private final AmqpEndpoint endpoint;
    private final String queue;
    private final Path journal;

    private IrisSettings(final AmqpEndpoint endpoint, final String queue, final Path journal)
    {
        this.endpoint = endpoint;
        this.queue = queue;
        this.journal = journal;
    }

    /**
     * Settings for a plain AMQP 1.0 broker.
     *
     * @param url          {@code amqp[s]://HOST:PORT}.
     * @param queue        the queue address, used verbatim.
     * @param user         SASL PLAIN user, or {@code null} for ANONYMOUS.
     * @param passwordFile a file holding the password (first line), or {@code null}.
     * @param journal      the journal directory, or {@code null}.
     * @return the settings.
     * @throws IOException if the password file cannot be read.
     */
    public static IrisSettings amqp(final String url, final String queue, final String user, final Path passwordFile,
        final Path journal) throws IOException
    {
        AmqpEndpoint endpoint = AmqpEndpoint.parse(url);
        if (user != null)
        {
            endpoint = endpoint.withCredentials(user, passwordFile == null ? "" : readSecret(passwordFile));
        }
        return new IrisSettings(endpoint, require(queue, "queue"), journal);
    }

    /**
     * Reads a settings file (may be {@code null}: environment only), the environment overriding it.
     *
     * @param file the properties file, or {@code null}.
     * @param env  the environment ({@code System.getenv()}).
     * @return the settings.
     * @throws IOException              if a file cannot be read.
     * @throws IllegalArgumentException if the settings are incomplete or contradictory (the message names the key).
     */
    public static IrisSettings load(final Path file, final Map<String, String> env) throws IOException
    {
        final Properties properties = new Properties();
        if (file != null)
        {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8))
            {
                properties.load(in);
            }
        }
        for (final Map.Entry<String, String> variable : ENVIRONMENT.entrySet())
        {
            final String value = env.get(variable.getKey());
            if (value != null && !value.isBlank())
            {
                properties.setProperty(variable.getValue(), value);
                properties.remove(variable.getValue() + "-file");
            }
        }
        final Path base = file == null || file.toAbsolutePath().getParent() == null ? Path.of(".") :
            file.toAbsolutePath().getParent();
        final String queue = require(get(properties, "queue"), "queue");
        final String journalText = get(properties, "journal");
        final Path journal = journalText == null ? null : base.resolve(journalText);
        final String url = get(properties, "amqp.url");
        final String namespace = get(properties, "servicebus.namespace");
        if (url != null && namespace != null)
        {
            throw new IllegalArgumentException("set either amqp.url or servicebus.namespace, not both");
        }
        if (namespace != null)
        {
            final String tenant = get(properties, "entra.tenant-id");
            final String tokenUrl = get(properties, "entra.token-url");
            if (tenant == null && tokenUrl == null)
            {
                throw new IllegalArgumentException("entra.tenant-id (IRIS_TENANT_ID) is missing");
            }
            final String secret = secret(properties, "entra.client-secret", base);
            final EntraTokenSource tokens = new EntraTokenSource(
                tokenUrl != null ? URI.create(tokenUrl) : EntraTokenSource.endpointFor(tenant),
                require(get(properties, "entra.client-id"), "entra.client-id (IRIS_CLIENT_ID)"),
                require(secret, "entra.client-secret or entra.client-secret-file (IRIS_CLIENT_SECRET)"),
                properties.getProperty("entra.scope", EntraTokenSource.SERVICE_BUS_SCOPE),
                System::currentTimeMillis);
            return new IrisSettings(AmqpEndpoint.serviceBus(namespace, tokens), queue, journal);
        }
        AmqpEndpoint endpoint = AmqpEndpoint.parse(require(url, "amqp.url or servicebus.namespace"));
        final String user = get(properties, "amqp.user");
        if (user != null)
        {
            final String password = secret(properties, "amqp.password", base);
            endpoint = endpoint.withCredentials(user, password == null ? "" : password);
        }
        return new IrisSettings(endpoint, queue, journal);
    }

    /**
     * @return where to connect and how to authenticate.
     */
    public AmqpEndpoint endpoint()
    {
        return endpoint;
    }

    /**
     * @return the queue address.
     */
    public String queue()
    {
        return queue;
    }

    /**
     * @return the journal directory from the settings, or {@code null}.
     */
    public Path journal()
    {
        return journal;
    }

    /**
     * Reads a secret from a file: its first line, trimmed.
     *
     * @param file the file.
     * @return the secret.
     * @throws IOException if it cannot be read.
     */
    public static String readSecret(final Path file) throws IOException
    {
        final String text = Files.readString(file, StandardCharsets.UTF_8);
        final int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).trim();
    }

    @Override
    public String toString()
    {
        return endpoint + " queue " + queue + (journal == null ? "" : " journal " + journal);
    }

    private static String secret(final Properties properties, final String key, final Path base) throws IOException
    {
        final String inline = get(properties, key);
        final String file = get(properties, key + "-file");
        if (inline != null && file != null)
        {
            throw new IllegalArgumentException("set either " + key + " or " + key + "-file, not both");
        }
        return file != null ? readSecret(base.resolve(file)) : inline;
    }

    private static String get(final Properties properties, final String key)
    {
        final String value = properties.getProperty(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String require(final String value, final String what)
    {
        if (value == null || value.isBlank())
        {
            throw new IllegalArgumentException(what + " is missing");
        }
        return value;
    }

    private static Map<String, String> environment()
    {
        final Map<String, String> map = new LinkedHashMap<>();
        map.put("IRIS_QUEUE", "queue");
        map.put("IRIS_JOURNAL", "journal");
        map.put("IRIS_NAMESPACE", "servicebus.namespace");
        map.put("IRIS_TENANT_ID", "entra.tenant-id");
        map.put("IRIS_CLIENT_ID", "entra.client-id");
        map.put("IRIS_CLIENT_SECRET", "entra.client-secret");
        map.put("IRIS_TOKEN_URL", "entra.token-url");
        map.put("IRIS_AMQP_URL", "amqp.url");
        map.put("IRIS_AMQP_USER", "amqp.user");
        map.put("IRIS_AMQP_PASSWORD", "amqp.password");
        return Collections.unmodifiableMap(map);
    }
}
