package io.gbsettle.adapters.iris.amqp;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gbsettle.adapters.iris.IrisIngest;
import io.gbsettle.adapters.iris.IrisOptions;
import io.gbsettle.adapters.iris.gapfill.GapFillOptions;
import io.gbsettle.adapters.iris.gapfill.GapFiller;
import io.gbsettle.core.engine.Engine;
import io.gbsettle.core.engine.EngineContext;
import io.gbsettle.core.journal.JournalConfig;
import io.gbsettle.core.journal.PayloadJournal;

/**
 * The live IRIS consumer assembled: the engine on its journal directory, the payload journal in its
 * {@value PayloadJournal#DIRECTORY} subdirectory, {@link IrisIngest} (which recovers what a killed consumer left)
 * and an {@link IrisListener} feeding it. What {@code bsc iris listen}, the benchmarks and the demo run.
 *
 * <pre>{@code
 * try (IrisConsumer consumer = IrisConsumer.open(new EngineContext().registry(registry).journalDir(dir),
 *     settings, ListenerOptions.defaults(), IrisOptions.defaults(), null))
 * {
 *     consumer.listener().run();      // until closed or idle
 * }
 * }</pre>
 *
 * <p>Gap filling (the issue: "on start-up and after an outage, fetch what was missed"), when given
 * {@link GapFillOptions}: when the listener first connects, a {@link GapFiller} fetches from the Insights API the
 * window from the last IRIS message journaled ({@link IrisIngest#lastJournaledMicros()}, or
 * {@link GapFillOptions#lookBack()} ago for an empty journal; never more than {@link GapFillOptions#maxLookBack()})
 * to now; after a reconnect that followed a connection loss of at least {@link GapFillOptions#outageThreshold()}, the
 * window of the outage. Fills run one after the other on their own thread ({@code iris-gapfill}) and feed the same
 * {@link IrisIngest}: HTTP runs on the fill's thread, each response is ingested on the listener's thread between
 * two messages ({@link IrisListener#callOnHandlerThread}); rows IRIS also delivered become byte-identical events the
 * engine drops.
 *
 * <p>Closing stops the listener first (unsettled deliveries go back to the queue), then any fill (interrupted), then
 * the engine and the journals.
 */
public final class IrisConsumer implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(IrisConsumer.class);

    private final Engine engine;
    private final PayloadJournal payloads;
    private final IrisIngest ingest;
    private final IrisListener listener;
    private final GapFiller filler;
    private final GapFillOptions gapFill;
    private final ExecutorService fills;
    private final List<GapFiller.Summary> summaries = new ArrayList<>();
    private boolean startupFilled;

    private IrisConsumer(final Engine engine, final PayloadJournal payloads, final IrisIngest ingest,
        final IrisListener listener, final GapFillOptions gapFill)
    {
        this.engine = engine;
        this.payloads = payloads;
        this.ingest = ingest;
        this.listener = listener;
        this.gapFill = gapFill;
        if (gapFill != null)
        {
            this.filler = new GapFiller(gapFill, ingest).handlerThread(listener::callOnHandlerThread);
            this.fills = Executors.newSingleThreadExecutor(r ->
            {
                final Thread t = new Thread(r, "iris-gapfill");
                t.setDaemon(true);
                return t;
            });
            listener.connectionObserver(this::connected);
        }
        else
        {
            this.filler = null;
            this.fills = null;
        }
    }

    /**
     * Launches the engine, opens the payload journal and the handler, and prepares (does not start) the listener.
     *
     * @param context  the engine's context; its journal directory is required (a message is completed only once
     *                 journaled).
     * @param settings where to connect, which queue.
     * @param options  the listener's choices.
     * @param iris     the handler's choices.
     * @param progress called with the listener's counters now and then (may be null).
     * @return the consumer.
     */
    public static IrisConsumer open(final EngineContext context, final IrisSettings settings,
        final ListenerOptions options, final IrisOptions iris, final Consumer<IrisListener.Counters> progress)
    {
        return open(context, settings, options, iris, null, progress);
    }

    /**
     * As {@link #open(EngineContext, IrisSettings, ListenerOptions, IrisOptions, Consumer)}, with gap filling.
     *
     * @param context  the engine's context (journal directory required).
     * @param settings where to connect, which queue.
     * @param options  the listener's choices.
     * @param iris     the handler's choices.
     * @param gapFill  gap filling's choices (the API's base URL, windows), or null for none.
     * @param progress called with the listener's counters now and then (may be null).
     * @return the consumer.
     */
    public static IrisConsumer open(final EngineContext context, final IrisSettings settings,
        final ListenerOptions options, final IrisOptions iris, final GapFillOptions gapFill,
        final Consumer<IrisListener.Counters> progress)
    {
        final Path dir = Objects.requireNonNull(context.journalDir(), "the engine needs a journal directory");
        final Engine engine = Engine.launch(context);
        PayloadJournal payloads = null;
        try
        {
            payloads = PayloadJournal.open(dir.resolve(PayloadJournal.DIRECTORY), new JournalConfig());
            final IrisIngest ingest = new IrisIngest(engine, payloads, context.registry(), iris);
            final IrisListener listener = new IrisListener(settings.endpoint(), settings.queue(), ingest, options,
                progress);
            return new IrisConsumer(engine, payloads, ingest, listener, gapFill);
        }
        catch (final RuntimeException ex)
        {
            if (payloads != null)
            {
                payloads.close();
            }
            engine.close();
            throw ex;
        }
    }

    /**
     * @return the engine.
     */
    public Engine engine()
    {
        return engine;
    }

    /**
     * @return the payload journal.
     */
    public PayloadJournal payloads()
    {
        return payloads;
    }

    /**
     * @return the handler.
     */
    public IrisIngest ingest()
    {
        return ingest;
    }

    /**
     * @return the listener ({@link IrisListener#start()} or {@link IrisListener#run()} it).
     */
    public IrisListener listener()
    {
        return listener;
    }

    /**
     * Waits until at least {@code count} gap fills have ended.
     *
     * @param count   fills.
     * @param timeout how long at most, ms.
     * @return the summaries of the fills ended so far (fewer than {@code count} on a timeout).
     * @throws InterruptedException if interrupted.
     */
    public List<GapFiller.Summary> awaitGapFills(final int count, final long timeout) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
        synchronized (summaries)
        {
            while (summaries.size() < count)
            {
                final long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0)
                {
                    break;
                }
                summaries.wait(left);
            }
            return List.copyOf(summaries);
        }
    }

    /**
     * The listener connected: schedules the start-up fill (first connection) or an outage's fill.
     */
    private void connected(final long lostAtMillis, final long nowMillis)
    {
        final Instant now = Instant.ofEpochMilli(nowMillis);
        if (!startupFilled)
        {
            startupFilled = true;
            final long last = ingest.lastJournaledMicros();
            Instant from = last >= 0 ? Instant.EPOCH.plusNanos(last * 1000) : now.minus(gapFill.lookBack());
            final Instant earliest = now.minus(gapFill.maxLookBack());
            if (from.isBefore(earliest))
            {
                from = earliest;
            }
            schedule("start-up", from, now);
        }
        else if (lostAtMillis >= 0 && nowMillis - lostAtMillis >= gapFill.outageThreshold().toMillis())
        {
            schedule("outage", Instant.ofEpochMilli(lostAtMillis), now);
        }
    }

    private void schedule(final String why, final Instant from, final Instant to)
    {
        LOG.info("IRIS gap fill ({}) of {} .. {} from {}", why, from, to, gapFill.baseUrl());
        fills.execute(() ->
        {
            GapFiller.Summary summary;
            try
            {
                summary = filler.fill(from, to);
                LOG.info("IRIS gap fill ({}) done: {}", why, summary);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                summary = new GapFiller.Summary(0, 0, 0, 0, 0, 0, List.of(why + ": interrupted"));
            }
            catch (final RuntimeException ex)
            {
                LOG.error("IRIS gap fill ({}) failed", why, ex);
                summary = new GapFiller.Summary(0, 0, 0, 0, 0, 0, List.of(why + ": " + ex));
            }
            synchronized (summaries)
            {
                summaries.add(summary);
                summaries.notifyAll();
            }
        });
    }

    /**
     * Stops the listener and any gap fill, then closes the handler, the payload journal and the engine.
     */
    public void close()
    {
        try
        {
            listener.close();
            if (fills != null)
            {
                fills.shutdownNow();
                try
                {
                    if (!fills.awaitTermination(30, TimeUnit.SECONDS))
                    {
                        LOG.warn("IRIS gap fill did not stop in time");
                    }
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                }
            }
        }
        finally
        {
            try
            {
                ingest.close();
                payloads.close();
            }
            finally
            {
                engine.close();
            }
        }
    }
}
