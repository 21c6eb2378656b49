package io.gbsettle.adapters.iris.gapfill;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The gap filler's choices, each with its default and reason. Immutable; {@code with...} returns a copy.
 */
public final class GapFillOptions
{
    /** The public Insights API (no authentication). */
    public static final URI DEFAULT_BASE_URL = URI.create("https://data.elexon.co.uk/bmrs/api/v1");

    /** The datasets filled by default: every one the engine maps. */
    public static final List<String> DEFAULT_DATASETS = List.of("BOALF", "BOD", "PN", "QPN", "MELS", "MILS",
        "DISBSAD", "NETBSAD", "MID", "LOLPDRM", "FREQ", "DISEBSP");

    private URI baseUrl = DEFAULT_BASE_URL;
    private List<String> datasets = DEFAULT_DATASETS;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(60);
    private Duration chunk = Duration.ofHours(6);
    private int maxAttempts = 6;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(60);
    private Duration lookBack = Duration.ofHours(1);
    private Duration maxLookBack = Duration.ofHours(24);
    private Duration outageThreshold = Duration.ofMinutes(2);

    /**
     * @return the defaults.
     */
    public static GapFillOptions defaults()
    {
        return new GapFillOptions();
    }

    private GapFillOptions copy()
    {
        final GapFillOptions o = new GapFillOptions();
        o.baseUrl = baseUrl;
        o.datasets = datasets;
        o.connectTimeout = connectTimeout;
        o.requestTimeout = requestTimeout;
        o.chunk = chunk;
        o.maxAttempts = maxAttempts;
        o.initialBackoff = initialBackoff;
        o.maxBackoff = maxBackoff;
        o.lookBack = lookBack;
        o.maxLookBack = maxLookBack;
        o.outageThreshold = outageThreshold;
        return o;
    }

    /**
     * @return the API's base URL (default {@link #DEFAULT_BASE_URL}; a test server's in tests).
     */
    public URI baseUrl()
    {
        return baseUrl;
    }

    /**
     * @param url the base URL, without a trailing slash.
     * @return a copy with it.
     */
    public GapFillOptions withBaseUrl(final URI url)
    {
        final GapFillOptions o = copy();
        final String text = url.toString();
        o.baseUrl = text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : url;
        return o;
    }

    /**
     * @return the datasets to fill.
     */
    public List<String> datasets()
    {
        return datasets;
    }

    /**
     * @param datasets the datasets to fill.
     * @return a copy with them.
     */
    public GapFillOptions withDatasets(final List<String> datasets)
    {
        final GapFillOptions o = copy();
        o.datasets = List.copyOf(datasets);
        return o;
    }

    /**
     * @return the TCP/TLS connect timeout (default 10 s).
     */
    public Duration connectTimeout()
    {
        return connectTimeout;
    }

    /**
     * @return the whole-request timeout (default 60 s: a six-hour BOD stream is a few MB).
     */
    public Duration requestTimeout()
    {
        return requestTimeout;
    }

    /**
     * @param connect the connect timeout.
     * @param request the request timeout.
     * @return a copy with them.
     */
    public GapFillOptions withTimeouts(final Duration connect, final Duration request)
    {
        final GapFillOptions o = copy();
        o.connectTimeout = connect;
        o.requestTimeout = request;
        return o;
    }

    /**
     * The longest time range one request asks for. Default 6 hours: a national day's BOD is tens of MB, so a
     * long outage is cut into requests of a few MB each (each its own payload, retried on its own); FREQ's 24-hour
     * limit and DISEBSP's one-day path are within it.
     *
     * @return the chunk length.
     */
    public Duration chunk()
    {
        return chunk;
    }

    /**
     * @param chunk the longest range of one request (at least a minute).
     * @return a copy with it.
     */
    public GapFillOptions withChunk(final Duration chunk)
    {
        if (chunk.compareTo(Duration.ofMinutes(1)) < 0)
        {
            throw new IllegalArgumentException("chunk must be at least a minute: " + chunk);
        }
        final GapFillOptions o = copy();
        o.chunk = chunk;
        return o;
    }

    /**
     * @return attempts per request before it is reported failed (default 6; 429, 5xx and timeouts are retried).
     */
    public int maxAttempts()
    {
        return maxAttempts;
    }

    /**
     * @return the first backoff, doubled per attempt up to {@link #maxBackoff()} (a 429's Retry-After wins).
     */
    public Duration initialBackoff()
    {
        return initialBackoff;
    }

    /**
     * @return the longest backoff (default 60 s).
     */
    public Duration maxBackoff()
    {
        return maxBackoff;
    }

    /**
     * @param attempts attempts per request (at least 1).
     * @param initial  first backoff.
     * @param max      longest backoff.
     * @return a copy with them.
     */
    public GapFillOptions withRetries(final int attempts, final Duration initial, final Duration max)
    {
        if (attempts < 1)
        {
            throw new IllegalArgumentException("at least one attempt: " + attempts);
        }
        final GapFillOptions o = copy();
        o.maxAttempts = attempts;
        o.initialBackoff = initial;
        o.maxBackoff = max;
        return o;
    }

    /**
     * @return how far back a consumer fills on start-up when its journal holds no IRIS message yet (default 1 h: a
     * fresh consumer starts from recent data, the settlement history comes from files, not from IRIS).
     */
    public Duration lookBack()
    {
        return lookBack;
    }

    /**
     * @return the most a consumer fills back on start-up, whatever its journal says (default 24 h: a consumer
     * stopped for a week catches up from the day's files rather than from thousands of API requests).
     */
    public Duration maxLookBack()
    {
        return maxLookBack;
    }

    /**
     * @return a connection lost for at least this long is an outage, filled after the reconnect (default 2 min:
     * shorter breaks are covered by the queue itself, which keeps messages while the consumer is away).
     */
    public Duration outageThreshold()
    {
        return outageThreshold;
    }

    /**
     * @param lookBack        start-up window with an empty journal.
     * @param maxLookBack     bound of the start-up window.
     * @param outageThreshold shortest connection loss filled after a reconnect.
     * @return a copy with them.
     */
    public GapFillOptions withWindows(final Duration lookBack, final Duration maxLookBack,
        final Duration outageThreshold)
    {
        final GapFillOptions o = copy();
        o.lookBack = lookBack;
        o.maxLookBack = maxLookBack;
        o.outageThreshold = outageThreshold;
        return o;
    }
}
