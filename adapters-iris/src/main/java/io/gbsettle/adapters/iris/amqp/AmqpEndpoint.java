package io.gbsettle.adapters.iris.amqp;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.apache.qpid.protonj2.client.ConnectionOptions;

/**
 * Where an AMQP 1.0 broker is and how to authenticate to it: {@code amqp://HOST:PORT} (plain TCP) or
 * {@code amqps://HOST:PORT} (TLS 1.2+), with SASL ANONYMOUS, SASL PLAIN user and password, or Azure Service Bus's
 * SASL PLAIN {@code $jwt} with an Entra ID access token from an {@link EntraTokenSource}.
 *
 * <p>Immutable. {@link #toString()} names the host, port, TLS and mechanism, never a password, secret or token.
 */
public final class AmqpEndpoint
{
    /** Standard AMQP port. */
    public static final int AMQP_PORT = 5672;
    /** Standard AMQPS (TLS) port. */
    public static final int AMQPS_PORT = 5671;
    /** Azure Service Bus's SASL PLAIN user name for an Entra ID (JWT) token, as Microsoft's JMS library uses. */
    public static final String JWT_USER = "$jwt";
    /** The DNS suffix of an Azure Service Bus namespace. */
    public static final String SERVICE_BUS_SUFFIX = ".servicebus.windows.net";
    /** Every blocking step of a connection (open, close, request, send) fails after this long. */
    public static final long DEFAULT_TIMEOUT_MILLIS = 15_000;

    private final String host;
    private final int port;
    private final boolean tls;
    private final String user;
    private final String password;
    private final EntraTokenSource tokens;
    private final long timeoutMillis;

    private AmqpEndpoint(final String host, final int port, final boolean tls, final String user,
        final String password, final EntraTokenSource tokens, final long timeoutMillis)
    {
        this.host = Objects.requireNonNull(host);
        this.port = port;
        this.tls = tls;
        this.user = user;
        this.password = password;
        this.tokens = tokens;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Parses {@code amqp://HOST[:PORT]} or {@code amqps://HOST[:PORT]} (default ports 5672 and 5671); anonymous.
     *
     * @param url the URL.
     * @return the endpoint.
     * @throws IllegalArgumentException if it is not such a URL.
     */
    public static AmqpEndpoint parse(final String url)
    {
        final URI uri;
        try
        {
            uri = URI.create(url.trim());
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("not an amqp[s]://HOST:PORT URL: " + url, ex);
        }
        final String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"amqp".equals(scheme) && !"amqps".equals(scheme) || uri.getHost() == null)
        {
            throw new IllegalArgumentException("not an amqp[s]://HOST:PORT URL: " + url);
        }
        if (uri.getUserInfo() != null)
        {
            throw new IllegalArgumentException("put the user in --user and the password in a file, not in the URL");
        }
        final boolean tls = "amqps".equals(scheme);
        final int port = uri.getPort() > 0 ? uri.getPort() : tls ? AMQPS_PORT : AMQP_PORT;
        return new AmqpEndpoint(uri.getHost(), port, tls, null, null, null, DEFAULT_TIMEOUT_MILLIS);
    }

    /**
     * The endpoint of an Azure Service Bus namespace: AMQPS on 5671, SASL PLAIN {@code $jwt} with Entra ID tokens.
     *
     * @param namespace the namespace ({@code elexon-insights-iris}) or its host name.
     * @param tokens    where access tokens come from.
     * @return the endpoint.
     */
    public static AmqpEndpoint serviceBus(final String namespace, final EntraTokenSource tokens)
    {
        final String host = namespace.contains(".") ? namespace : namespace + SERVICE_BUS_SUFFIX;
        return new AmqpEndpoint(host, AMQPS_PORT, true, JWT_USER, null, Objects.requireNonNull(tokens),
            DEFAULT_TIMEOUT_MILLIS);
    }

    /**
     * @param user     SASL PLAIN user.
     * @param password its password.
     * @return a copy authenticating with SASL PLAIN.
     */
    public AmqpEndpoint withCredentials(final String user, final String password)
    {
        return new AmqpEndpoint(host, port, tls, Objects.requireNonNull(user), Objects.requireNonNull(password),
            null, timeoutMillis);
    }

    /**
     * @param tokens Entra ID access tokens, sent as SASL PLAIN {@code $jwt} passwords.
     * @return a copy authenticating with tokens.
     */
    public AmqpEndpoint withTokens(final EntraTokenSource tokens)
    {
        return new AmqpEndpoint(host, port, tls, JWT_USER, null, Objects.requireNonNull(tokens), timeoutMillis);
    }

    /**
     * @param millis how long any blocking step of a connection may take.
     * @return a copy with that bound.
     */
    public AmqpEndpoint withTimeoutMillis(final long millis)
    {
        return new AmqpEndpoint(host, port, tls, user, password, tokens, millis);
    }

    /**
     * @return the host.
     */
    public String host()
    {
        return host;
    }

    /**
     * @return the port.
     */
    public int port()
    {
        return port;
    }

    /**
     * @return whether the connection uses TLS.
     */
    public boolean tls()
    {
        return tls;
    }

    /**
     * @return the token source, or {@code null} unless Entra ID authentication is used.
     */
    public EntraTokenSource tokens()
    {
        return tokens;
    }

    /**
     * @return the bound on each blocking step, ms.
     */
    public long timeoutMillis()
    {
        return timeoutMillis;
    }

    /**
     * The client's connection options: TLS, SASL mechanism and credentials, and every timeout bounded. Automatic
     * reconnection of the client is off: the listener reconnects itself, so it knows when deliveries were lost.
     *
     * @param token the access token to send (Entra ID), or {@code null} otherwise.
     * @return fresh options.
     */
    public ConnectionOptions connectionOptions(final String token)
    {
        final ConnectionOptions options = new ConnectionOptions()
            .openTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
            .closeTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
            .requestTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
            .sendTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
            .drainTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
            .idleTimeout(60_000, TimeUnit.MILLISECONDS)
            .reconnectEnabled(false)
            .sslEnabled(tls);
        if (tls)
        {
            options.sslOptions().verifyHost(true).enabledProtocols("TLSv1.3", "TLSv1.2");
        }
        if (tokens != null)
        {
            options.user(JWT_USER).password(Objects.requireNonNull(token, "token"));
            options.saslOptions().addAllowedMechanism("PLAIN");
            options.virtualHost(host);
        }
        else if (user != null)
        {
            options.user(user).password(password);
            options.saslOptions().addAllowedMechanism("PLAIN");
        }
        else
        {
            options.saslOptions().addAllowedMechanism("ANONYMOUS");
        }
        return options;
    }

    @Override
    public String toString()
    {
        final String mechanism = tokens != null ? "SASL PLAIN $jwt (Entra ID token)" :
            user != null ? "SASL PLAIN user " + user : "SASL ANONYMOUS";
        return (tls ? "amqps://" : "amqp://") + host + ":" + port + " (" + mechanism + ")";
    }
}
