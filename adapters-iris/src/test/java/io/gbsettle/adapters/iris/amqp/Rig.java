package io.gbsettle.adapters.iris.amqp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.agrona.concurrent.UnsafeBuffer;

import io.gbsettle.adapters.iris.Disposition;
import io.gbsettle.adapters.iris.IrisHandler;
import io.gbsettle.adapters.iris.IrisIngest;
import io.gbsettle.adapters.iris.IrisMessage;
import io.gbsettle.adapters.iris.IrisOptions;
import io.gbsettle.core.engine.Engine;
import io.gbsettle.core.engine.EngineContext;
import io.gbsettle.core.engine.ResultListener;
import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.journal.Journal;
import io.gbsettle.core.journal.JournalConfig;
import io.gbsettle.core.journal.JournalReader;
import io.gbsettle.core.journal.PayloadEntry;
import io.gbsettle.core.journal.PayloadJournal;
import io.gbsettle.core.journal.PayloadReader;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;

/**
 * A consumer under test: engine on a journal directory, payload journal, {@link IrisIngest}, and a listener whose
 * handler is the ingest seen through {@link Watch} (which lets a test wait for messages by id, never by time).
 */
final class Rig implements AutoCloseable
{
    static final MarketRegistry REGISTRY = SyntheticRegistry.generate(7, SyntheticRegistry.Size.SMALL);

    final Path journal;
    final Engine engine;
    final PayloadJournal payloads;
    final IrisIngest ingest;
    final Watch watch;
    final IrisListener listener;

    Rig(final Path journal, final AmqpEndpoint endpoint, final String queue, final ListenerOptions options,
        final ResultListener results)
    {
        this.journal = journal;
        final EngineContext context = new EngineContext().registry(REGISTRY).journalDir(journal);
        if (results != null)
        {
            context.listener(results);
        }
        this.engine = Engine.launch(context);
        this.payloads = PayloadJournal.open(journal.resolve(PayloadJournal.DIRECTORY), new JournalConfig());
        this.ingest = new IrisIngest(engine, payloads, REGISTRY, IrisOptions.defaults());
        this.watch = new Watch(ingest);
        this.listener = new IrisListener(endpoint, queue, watch, options, null);
    }

    Rig start()
    {
        listener.start();
        return this;
    }

    void awaitProcessed() throws TimeoutException
    {
        if (engine.nextPosition() > 0)
        {
            engine.awaitProcessed(engine.nextPosition() - 1, 30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close()
    {
        listener.close();
        payloads.close();
        engine.close();
    }

    /**
     * @param journal an engine journal directory (the engine closed).
     * @return idempotency key -> how many input records carry it.
     */
    static Map<Long, Integer> inputKeys(final Path journal)
    {
        final Map<Long, Integer> keys = new HashMap<>();
        final UnsafeBuffer copy = new UnsafeBuffer(new byte[InputEvent.LENGTH]);
        final InputEvent event = new InputEvent().wrap(copy, 0);
        try (Journal read = Journal.openReadOnly(journal, new JournalConfig());
            JournalReader reader = read.inputs().reader())
        {
            while (reader.poll((buffer, offset, position) ->
            {
                copy.putBytes(0, buffer, offset, InputEvent.LENGTH);
                keys.merge(event.idempotencyKey(), 1, Integer::sum);
            }, 1024) > 0)
            {
                // read on
            }
        }
        return keys;
    }

    /**
     * @param journal an engine journal directory.
     * @return every payload entry: state, name (message id), detail.
     */
    static List<String[]> payloadEntries(final Path journal)
    {
        final List<String[]> entries = new ArrayList<>();
        try (PayloadJournal read = PayloadJournal.openReadOnly(journal.resolve(PayloadJournal.DIRECTORY),
            new JournalConfig()); PayloadReader reader = read.reader())
        {
            final PayloadEntry entry = new PayloadEntry();
            while (reader.next(entry))
            {
                entries.add(new String[] {Integer.toString(entry.state()), entry.name(), entry.detail(),
                    entry.kind()});
            }
        }
        return entries;
    }

    /**
     * The handler seen from the test: forwards to the ingest, remembers each message id's answers and wakes
     * waiters.
     */
    static final class Watch implements IrisHandler
    {
        private final IrisHandler handler;
        private final Map<String, List<Disposition>> answers = new HashMap<>();
        private final Set<String> completed = new HashSet<>();
        private long calls;
        private int maxBatch;

        Watch(final IrisHandler handler)
        {
            this.handler = handler;
        }

        @Override
        public Disposition onMessage(final IrisMessage message)
        {
            final Disposition disposition = handler.onMessage(message);
            synchronized (this)
            {
                calls++;
                answers.computeIfAbsent(message.messageId(), id -> new ArrayList<>()).add(disposition);
                if (disposition != Disposition.ABANDON)
                {
                    completed.add(message.messageId());
                }
                notifyAll();
            }
            return disposition;
        }

        @Override
        public void onBatch(final IrisMessage[] messages, final int count, final Disposition[] dispositions,
            final String[] reasons)
        {
            handler.onBatch(messages, count, dispositions, reasons);
            synchronized (this)
            {
                maxBatch = Math.max(maxBatch, count);
                for (int i = 0; i < count; i++)
                {
                    calls++;
                    answers.computeIfAbsent(messages[i].messageId(), id -> new ArrayList<>()).add(dispositions[i]);
                    if (dispositions[i] != Disposition.ABANDON)
                    {
                        completed.add(messages[i].messageId());
                    }
                }
                notifyAll();
            }
        }

        synchronized int maxBatch()
        {
            return maxBatch;
        }

        @Override
        public String deadLetterReason()
        {
            return handler.deadLetterReason();
        }

        @Override
        public void onSettled(final IrisMessage message, final Disposition disposition, final String reason)
        {
            handler.onSettled(message, disposition, reason);
        }

        synchronized boolean awaitDistinct(final int count, final long millis) throws InterruptedException
        {
            final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            while (completed.size() < count)
            {
                final long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0)
                {
                    return false;
                }
                wait(left);
            }
            return true;
        }

        synchronized long calls()
        {
            return calls;
        }

        synchronized Map<String, List<Disposition>> answers()
        {
            return new HashMap<>(answers);
        }
    }
}
