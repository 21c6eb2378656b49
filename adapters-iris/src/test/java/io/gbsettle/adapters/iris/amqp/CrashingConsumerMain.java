package io.gbsettle.adapters.iris.amqp;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import io.gbsettle.adapters.iris.Disposition;
import io.gbsettle.adapters.iris.IrisHandler;
import io.gbsettle.adapters.iris.IrisIngest;
import io.gbsettle.adapters.iris.IrisMessage;
import io.gbsettle.adapters.iris.IrisOptions;
import io.gbsettle.core.engine.Engine;
import io.gbsettle.core.engine.EngineContext;
import io.gbsettle.core.journal.JournalConfig;
import io.gbsettle.core.journal.PayloadJournal;

/**
 * A consumer in a child JVM (a JVM without assertions, as in production: Chronicle Queue asserts on a queue a killed
 * writer left, with {@code -ea}). With {@code STOP_AFTER} > 0 it journals messages and, once message number
 * STOP_AFTER (1-based) is journaled, says so and stops before completing it, holding the delivery unsettled until it
 * is killed. With {@code STOP_AFTER} 0 it handles {@code EXIT_AFTER} messages, settles them, prints its counters and
 * exits: {@code CrashingConsumerMain JOURNAL_DIR AMQP_URL QUEUE STOP_AFTER EXIT_AFTER}.
 */
public final class CrashingConsumerMain
{
    private CrashingConsumerMain()
    {
    }

    /**
     * @param args journal directory, broker URL, queue, the message to stop after.
     * @throws Exception on any failure.
     */
    public static void main(final String[] args) throws Exception
    {
        final Path journal = Path.of(args[0]);
        final int stopAfter = Integer.parseInt(args[3]);
        final int exitAfter = Integer.parseInt(args[4]);
        final IrisListener[] listener = new IrisListener[1];
        try (Engine engine = Engine.launch(new EngineContext().registry(Rig.REGISTRY).journalDir(journal));
            PayloadJournal payloads = PayloadJournal.open(journal.resolve(PayloadJournal.DIRECTORY),
                new JournalConfig()))
        {
            final IrisIngest ingest = new IrisIngest(engine, payloads, Rig.REGISTRY, IrisOptions.defaults());
            final IrisHandler stopping = new IrisHandler()
            {
                private int handled;

                @Override
                public Disposition onMessage(final IrisMessage message)
                {
                    final Disposition disposition = ingest.onMessage(message);
                    if (++handled == stopAfter)
                    {
                        System.out.println("journaled " + message.messageId() + " " + disposition);
                        System.out.flush();
                        try
                        {
                            new CountDownLatch(1).await();
                        }
                        catch (final InterruptedException ex)
                        {
                            Thread.currentThread().interrupt();
                        }
                    }
                    if (handled == exitAfter)
                    {
                        listener[0].close();
                    }
                    return disposition;
                }

                @Override
                public String deadLetterReason()
                {
                    return ingest.deadLetterReason();
                }
            };
            listener[0] = new IrisListener(AmqpEndpoint.parse(args[1]), args[2], stopping, ListenerOptions.defaults(),
                null);
            listener[0].run();
            System.out.println("done recovered=" + ingest.recovered() + " duplicates=" +
                ingest.counters().duplicates() + " completed=" + listener[0].counters().completedCount());
        }
    }
}
