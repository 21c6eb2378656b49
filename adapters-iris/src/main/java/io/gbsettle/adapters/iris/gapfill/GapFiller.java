package io.gbsettle.adapters.iris.gapfill;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.gbsettle.adapters.iris.Disposition;
import io.gbsettle.adapters.iris.IrisIngest;

import io.gbsettle.core.files.InsightsEvents;
import io.gbsettle.core.time.SettlementCalendar;

/**
 * Fetches what IRIS would have pushed for a time range from the Insights REST API and feeds it through
 * {@link IrisIngest} (channel {@code gapfill}, one payload per request). Requests ({@code iris-insights.md} §3.3):
 *
 * <pre>
 *   BOALF BOD PN QPN MELS MILS DISBSAD NETBSAD MID LOLPDRM  GET /datasets/{X}/stream?from=..&amp;to=..   (bare array)
 *   FREQ                                                    GET /datasets/FREQ?measurementDateTimeFrom=..&amp;..To=..
 *   DISEBSP                                                 GET /balancing/settlement/system-prices/{date}
 * </pre>
 *
 * <p>A range longer than {@link GapFillOptions#chunk()} is cut into chunks (DISEBSP: one request per settlement
 * date); each request has a connect and a request timeout and is retried on a timeout, an I/O error, a 5xx or a 429
 * (after its {@code Retry-After}, seconds or HTTP date, else exponential backoff), at most
 * {@link GapFillOptions#maxAttempts()} times; any other status fails the request (reported, the others go on).
 *
 * <p>A request's message id is the request itself ({@code GAPFILL GET /datasets/BOD/stream?from=...}): the same
 * request answered with the same bytes is a payload-level duplicate; rows IRIS had delivered become byte-identical
 * records, which the engine drops as duplicates. Note: the API's MELS/MILS are the resolved position, so they only
 * add the rows that survive resolution. LOLPDRM's stream endpoint is assumed by analogy (not listed in §3.3).
 *
 * <p>May run on its own thread while an {@code IrisListener} feeds the same {@link IrisIngest}: with
 * {@link #handlerThread} each response is handed to the listener's thread, which ingests it between two messages,
 * so the single-threaded ingest (and the engine ring and journal appender behind it) sees one thread; HTTP waits run
 * on the filler's own thread.
 */
public final class GapFiller
{
    /** The payload journal channel of gap-fill responses. */
    public static final String CHANNEL = "gapfill";

    /** How the filler waits between attempts (a test records instead of sleeping). */
    @FunctionalInterface
    public interface Pause
    {
        /**
         * @param duration how long.
         * @throws InterruptedException if interrupted.
         */
        void pause(Duration duration) throws InterruptedException;
    }

    /**
     * What a fill did.
     *
     * @param requests  requests planned.
     * @param attempts  HTTP attempts made.
     * @param completed requests whose response was journaled (or was a duplicate).
     * @param bytes     response bytes received (completed requests).
     * @param rows      rows read from them.
     * @param events    records submitted from them.
     * @param failures  one line per failed request: request and why.
     */
    public record Summary(int requests, int attempts, int completed, long bytes, long rows, long events,
        List<String> failures)
    {
    }

    /**
     * Runs a piece of work on the thread that owns the {@link IrisIngest} (its handler thread) and returns its
     * result: the ingest, the engine's ring and the payload journal's appender are single-threaded.
     */
    @FunctionalInterface
    public interface HandlerThread
    {
        /**
         * @param work the work.
         * @param <T>  its result's type.
         * @return its result.
         * @throws InterruptedException if interrupted while waiting for it.
         */
        <T> T call(Callable<T> work) throws InterruptedException;
    }

    /** The filler runs on the ingest's thread itself. */
    public static final HandlerThread SAME_THREAD = new HandlerThread()
    {
        @Override
        public <T> T call(final Callable<T> work)
        {
            try
            {
                return work.call();
            }
            catch (final RuntimeException ex)
            {
                throw ex;
            }
            catch (final Exception ex)
            {
                throw new IllegalStateException(ex);
            }
        }
    };

    private record Fed(Disposition disposition, String reason, long rows, long events)
    {
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private final HttpClient client;
    private final GapFillOptions options;
    private final IrisIngest ingest;
    private final Pause pause;
    private HandlerThread onHandlerThread = SAME_THREAD;
    private final SettlementCalendar calendar = new SettlementCalendar();

    /**
     * @param options the choices.
     * @param ingest  the handler responses go through.
     */
    public GapFiller(final GapFillOptions options, final IrisIngest ingest)
    {
        this(HttpClient.newBuilder().connectTimeout(options.connectTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL).build(), options, ingest, d -> Thread.sleep(d.toMillis()));
    }

    /**
     * @param client  the HTTP client (its connect timeout should be {@link GapFillOptions#connectTimeout()}).
     * @param options the choices.
     * @param ingest  the handler responses go through.
     * @param pause   how to wait between attempts.
     */
    public GapFiller(final HttpClient client, final GapFillOptions options, final IrisIngest ingest,
        final Pause pause)
    {
        this.client = client;
        this.options = options;
        this.ingest = ingest;
        this.pause = pause;
    }

    /**
     * Hands each response to the ingest through {@code thread} (default {@link #SAME_THREAD}): a filler running on
     * its own thread while a listener feeds the same ingest passes the listener's
     * {@code IrisListener::callOnHandlerThread}.
     *
     * @param thread how to reach the ingest's thread.
     * @return this.
     */
    public GapFiller handlerThread(final HandlerThread thread)
    {
        this.onHandlerThread = thread;
        return this;
    }

    /**
     * Fills every configured dataset for {@code [from, to)}.
     *
     * @param from first instant missed.
     * @param to   end of the gap (exclusive; typically now).
     * @return what happened.
     * @throws InterruptedException if interrupted while waiting to retry.
     */
    public Summary fill(final Instant from, final Instant to) throws InterruptedException
    {
        final List<String> requests = new ArrayList<>();
        for (final String dataset : options.datasets())
        {
            requests.addAll(plan(dataset, from, to));
        }
        return run(requests);
    }

    /**
     * The requests (paths relative to the base URL, each prefixed by its dataset and a space) that fill one
     * dataset for {@code [from, to)}.
     *
     * @param dataset the dataset.
     * @param from    first instant.
     * @param to      end (exclusive).
     * @return {@code "DATASET /path?query"} lines.
     */
    public List<String> plan(final String dataset, final Instant from, final Instant to)
    {
        final String name = dataset.toUpperCase(java.util.Locale.ROOT);
        if (InsightsEvents.eventType(name) == 0)
        {
            throw new IllegalArgumentException("not a dataset the engine maps: " + dataset);
        }
        final List<String> out = new ArrayList<>();
        if (!to.isAfter(from))
        {
            return out;
        }
        if ("DISEBSP".equals(name))
        {
            final LocalDate first = LocalDate.ofEpochDay(calendar.settlementDayOf(from.getEpochSecond()));
            final LocalDate last = LocalDate.ofEpochDay(calendar.settlementDayOf(to.getEpochSecond() - 1));
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1))
            {
                out.add(name + " /balancing/settlement/system-prices/" + DATE.format(d));
            }
            return out;
        }
        for (Instant start = from; start.isBefore(to); start = start.plus(options.chunk()))
        {
            final Instant end = start.plus(options.chunk()).isBefore(to) ? start.plus(options.chunk()) : to;
            if ("FREQ".equals(name))
            {
                out.add(name + " /datasets/FREQ?measurementDateTimeFrom=" + q(start) + "&measurementDateTimeTo=" +
                    q(end) + "&format=json");
            }
            else
            {
                out.add(name + " /datasets/" + name + "/stream?from=" + q(start) + "&to=" + q(end));
            }
        }
        return out;
    }

    /**
     * Runs planned requests ({@link #plan} lines) one after the other.
     *
     * @param requests the requests.
     * @return what happened.
     * @throws InterruptedException if interrupted while waiting to retry.
     */
    public Summary run(final List<String> requests) throws InterruptedException
    {
        final IrisIngest.Counters counters = ingest.counters();
        final List<String> failures = new ArrayList<>();
        int attempts = 0;
        int completed = 0;
        long bytes = 0;
        long rows = 0;
        long events = 0;
        for (final String request : requests)
        {
            final int space = request.indexOf(' ');
            final String dataset = request.substring(0, space);
            final String path = request.substring(space + 1);
            final URI uri = URI.create(options.baseUrl() + path);
            Duration backoff = options.initialBackoff();
            String failure = null;
            for (int attempt = 1; attempt <= options.maxAttempts(); attempt++)
            {
                attempts++;
                Duration wait = backoff;
                try
                {
                    final HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri)
                        .timeout(options.requestTimeout()).header("Accept", "application/json").GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                    final int status = response.statusCode();
                    if (status == 200)
                    {
                        final byte[] body = response.body();
                        final Fed fed = onHandlerThread.call(() ->
                        {
                            final long rows0 = counters.rows();
                            final long events0 = counters.events();
                            ingest.channel(CHANNEL);
                            try
                            {
                                final Disposition disposition = ingest.ingest(dataset, "GAPFILL GET " + path, body,
                                    0, body.length);
                                return new Fed(disposition, ingest.deadLetterReason(), counters.rows() - rows0,
                                    counters.events() - events0);
                            }
                            finally
                            {
                                ingest.channel(IrisIngest.CHANNEL);
                            }
                        });
                        final Disposition d = fed.disposition();
                        final String reason = fed.reason();
                        rows += fed.rows();
                        events += fed.events();
                        if (d == Disposition.COMPLETE)
                        {
                            completed++;
                            bytes += body.length;
                            failure = null;
                            break;
                        }
                        failure = request + ": " + d + ": " + reason;
                        if (d == Disposition.DEAD_LETTER)
                        {
                            break;
                        }
                    }
                    else if (status == 429 || status >= 500)
                    {
                        failure = request + ": HTTP " + status + " after " + attempt + " attempt(s)";
                        if (status == 429)
                        {
                            final Duration retryAfter = retryAfter(response);
                            wait = retryAfter != null ? retryAfter : backoff;
                        }
                    }
                    else
                    {
                        failure = request + ": HTTP " + status + ": " + snippet(response.body());
                        break;
                    }
                }
                catch (final HttpTimeoutException ex)
                {
                    failure = request + ": timed out after " + attempt + " attempt(s): " + ex.getMessage();
                }
                catch (final IOException ex)
                {
                    failure = request + ": " + ex.getClass().getSimpleName() + " after " + attempt +
                        " attempt(s): " + ex.getMessage();
                }
                if (attempt < options.maxAttempts())
                {
                    pause.pause(wait.compareTo(options.maxBackoff()) > 0 ? options.maxBackoff() : wait);
                    backoff = backoff.multipliedBy(2).compareTo(options.maxBackoff()) > 0 ?
                        options.maxBackoff() : backoff.multipliedBy(2);
                }
            }
            if (failure != null)
            {
                failures.add(failure);
            }
        }
        return new Summary(requests.size(), attempts, completed, bytes, rows, events, List.copyOf(failures));
    }

    /**
     * @return a 429's Retry-After: delay-seconds or an HTTP date; null when absent or unreadable.
     */
    static Duration retryAfter(final HttpResponse<?> response)
    {
        final String value = response.headers().firstValue("Retry-After").orElse(null);
        if (value == null || value.isBlank())
        {
            return null;
        }
        try
        {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        }
        catch (final NumberFormatException ex)
        {
            try
            {
                final Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                final Duration d = Duration.between(Instant.now(), at);
                return d.isNegative() ? Duration.ZERO : d;
            }
            catch (final DateTimeParseException ignore)
            {
                return null;
            }
        }
    }

    private static String q(final Instant instant)
    {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }

    private static String snippet(final byte[] body)
    {
        final String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
        return text.replace('\n', ' ');
    }
}
