package io.gbsettle.adapters.iris.amqp;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

import io.gbsettle.adapters.iris.IrisIngest;
import io.gbsettle.adapters.iris.IrisOptions;
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
 * Closing stops the listener first (unsettled deliveries go back to the queue), then the engine and the journals.
 */
public final class IrisConsumer implements AutoCloseable
{
    private final Engine engine;
    private final PayloadJournal payloads;
    private final IrisIngest ingest;
    private final IrisListener listener;

    private IrisConsumer(final Engine engine, final PayloadJournal payloads, final IrisIngest ingest,
        final IrisListener listener)
    {
        this.engine = engine;
        this.payloads = payloads;
        this.ingest = ingest;
        this.listener = listener;
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
        final Path dir = Objects.requireNonNull(context.journalDir(), "the engine needs a journal directory");
        final Engine engine = Engine.launch(context);
        PayloadJournal payloads = null;
        try
        {
            payloads = PayloadJournal.open(dir.resolve(PayloadJournal.DIRECTORY), new JournalConfig());
            final IrisIngest ingest = new IrisIngest(engine, payloads, context.registry(), iris);
            final IrisListener listener = new IrisListener(settings.endpoint(), settings.queue(), ingest, options,
                progress);
            return new IrisConsumer(engine, payloads, ingest, listener);
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
     * Stops the listener, then closes the handler, the payload journal and the engine.
     */
    public void close()
    {
        try
        {
            listener.close();
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
