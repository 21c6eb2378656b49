package io.gbsettle.adapters.iris.amqp;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Access tokens for Azure Service Bus from Microsoft Entra ID by the OAuth 2.0 client-credentials grant, as IRIS
 * requires (tenant, client id and secret from the IRIS portal): a form POST of {@code grant_type=client_credentials},
 * {@code client_id}, {@code client_secret} and {@code scope=https://servicebus.azure.net/.default} to
 * {@code https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token}, answered by JSON with {@code access_token}
 * and {@code expires_in} (seconds).
 *
 * <p>Plain {@code java.net.http} and a streaming JSON read, not the Azure SDK (Reactor, Netty, tens of MB). The
 * token is cached and fetched again once it is within {@link #REFRESH_MARGIN_MILLIS} of expiry (half-way through a
 * token living less than twice that); the request is
 * bounded by a timeout. Neither the secret nor a token is ever logged or put in an exception message: a refused
 * request reports the HTTP status and the Entra error code ({@code invalid_client}, {@code AADSTS...}) only.
 */
public final class EntraTokenSource
{
    /** The scope of Azure Service Bus. */
    public static final String SERVICE_BUS_SCOPE = "https://servicebus.azure.net/.default";
    /** A token is refreshed when it has less than this left (5 minutes). */
    public static final long REFRESH_MARGIN_MILLIS = 5 * 60_000L;
    /** How long one token request may take. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private static final JsonFactory JSON = new JsonFactory();

    private final URI endpoint;
    private final String clientId;
    private final String clientSecret;
    private final String scope;
    private final HttpClient http;
    private final LongSupplier clockMillis;
    private String token;
    private long refreshAtMillis;
    private long fetched;

    /**
     * @param endpoint     the token endpoint ({@link #endpointFor(String)} for Entra ID; a local server in tests).
     * @param clientId     the application (client) id.
     * @param clientSecret the client secret.
     * @param scope        the scope ({@link #SERVICE_BUS_SCOPE}).
     * @param clockMillis  epoch-ms clock (the wall clock in production).
     */
    public EntraTokenSource(final URI endpoint, final String clientId, final String clientSecret, final String scope,
        final LongSupplier clockMillis)
    {
        this.endpoint = Objects.requireNonNull(endpoint);
        this.clientId = Objects.requireNonNull(clientId, "client id");
        this.clientSecret = Objects.requireNonNull(clientSecret, "client secret");
        this.scope = Objects.requireNonNull(scope);
        this.clockMillis = Objects.requireNonNull(clockMillis);
        this.http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    }

    /**
     * @param tenantId the Entra ID tenant (IRIS: {@code 4203b7a0-7773-4de5-b830-8b263a20426e}).
     * @return {@code https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token}.
     */
    public static URI endpointFor(final String tenantId)
    {
        return URI.create("https://login.microsoftonline.com/" + URLEncoder.encode(tenantId, StandardCharsets.UTF_8) +
            "/oauth2/v2.0/token");
    }

    /**
     * The current token, fetched when there is none or it expires within {@link #REFRESH_MARGIN_MILLIS}.
     *
     * @return the access token (a JWT).
     * @throws IOException if the endpoint cannot be reached, times out or refuses the credentials.
     */
    public synchronized String token() throws IOException
    {
        if (token == null || dueForRefresh())
        {
            fetch();
        }
        return token;
    }

    /**
     * @return when the current token should be replaced (epoch ms): its expiry less the margin, or now when there is
     * none. A connection authenticated with it must be renewed by then.
     */
    public synchronized long refreshAtMillis()
    {
        return token == null ? clockMillis.getAsLong() : refreshAtMillis;
    }

    /**
     * @return whether the current token should be replaced now (by this source's clock): a connection authenticated
     * with it must be renewed.
     */
    public synchronized boolean dueForRefresh()
    {
        return clockMillis.getAsLong() >= refreshAtMillis();
    }

    /**
     * @return how many tokens were fetched.
     */
    public synchronized long fetched()
    {
        return fetched;
    }

    private void fetch() throws IOException
    {
        final String form = "grant_type=client_credentials" +
            "&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8) +
            "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8) +
            "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8);
        final HttpRequest request = HttpRequest.newBuilder(endpoint)
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
            .build();
        final long requestedAt = clockMillis.getAsLong();
        final HttpResponse<byte[]> response;
        try
        {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while requesting a token from " + endpoint, ex);
        }
        final Fields fields = parse(response.body());
        if (response.statusCode() != 200 || fields.accessToken == null)
        {
            throw new IOException("the token endpoint " + endpoint + " answered HTTP " + response.statusCode() +
                (fields.error != null ? " " + fields.error : "") +
                (fields.errorCodes != null ? " " + fields.errorCodes : "") +
                (fields.accessToken == null && response.statusCode() == 200 ? " without an access_token" : ""));
        }
        token = fields.accessToken;
        // Refresh the margin before expiry, or half-way through a token that lives less than twice the margin.
        final long lifetime = Math.max(60, fields.expiresIn) * 1000L;
        refreshAtMillis = requestedAt + Math.max(lifetime / 2, lifetime - REFRESH_MARGIN_MILLIS);
        fetched++;
    }

    private static Fields parse(final byte[] body) throws IOException
    {
        final Fields fields = new Fields();
        try (JsonParser parser = JSON.createParser(body))
        {
            if (parser.nextToken() != JsonToken.START_OBJECT)
            {
                return fields;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String name = parser.currentName();
                final JsonToken value = parser.nextToken();
                if ("access_token".equals(name) && value == JsonToken.VALUE_STRING)
                {
                    fields.accessToken = parser.getText();
                }
                else if ("expires_in".equals(name) && (value == JsonToken.VALUE_NUMBER_INT ||
                    value == JsonToken.VALUE_STRING))
                {
                    fields.expiresIn = Long.parseLong(parser.getText().trim());
                }
                else if ("error".equals(name) && value == JsonToken.VALUE_STRING)
                {
                    fields.error = parser.getText();
                }
                else if ("error_codes".equals(name) && value == JsonToken.START_ARRAY)
                {
                    final StringBuilder codes = new StringBuilder("AADSTS");
                    while (parser.nextToken() != JsonToken.END_ARRAY)
                    {
                        codes.append(codes.length() > 6 ? "," : "").append(parser.getText());
                    }
                    fields.errorCodes = codes.toString();
                }
                else
                {
                    parser.skipChildren();
                }
            }
        }
        catch (final com.fasterxml.jackson.core.JsonProcessingException | NumberFormatException ex)
        {
            return fields;
        }
        return fields;
    }

    @Override
    public String toString()
    {
        return "EntraTokenSource(" + endpoint + ", client " + clientId + ", scope " + scope + ")";
    }

    private static final class Fields
    {
        String accessToken;
        long expiresIn;
        String error;
        String errorCodes;
    }
}
