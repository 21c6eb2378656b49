package io.gbsettle.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.HdrHistogram.Histogram;

import io.gbsettle.adapters.iris.Disposition;
import io.gbsettle.adapters.iris.IrisDayMessages;
import io.gbsettle.adapters.iris.IrisHandler;
import io.gbsettle.adapters.iris.IrisIngest;
import io.gbsettle.adapters.iris.IrisMessage;
import io.gbsettle.adapters.iris.IrisOptions;
import io.gbsettle.adapters.iris.amqp.AmqpEndpoint;
import io.gbsettle.adapters.iris.amqp.EmbeddedBroker;
import io.gbsettle.adapters.iris.amqp.IrisListener;
import io.gbsettle.adapters.iris.amqp.IrisPublisher;
import io.gbsettle.adapters.iris.amqp.ListenerOptions;
import io.gbsettle.core.engine.Engine;
import io.gbsettle.core.engine.EngineContext;
import io.gbsettle.core.event.ResultRecord;
import io.gbsettle.core.event.ResultType;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.SyntheticBundle;
import io.gbsettle.core.journal.JournalConfig;
import io.gbsettle.core.journal.PayloadJournal;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.time.SettlementRun;

/**
 * The IRIS transport end to end: an embedded Artemis broker (AMQP 1.0 over loopback TCP), the {@link IrisListener}
 * in peek-lock with one credit, {@link IrisIngest} and the engine with its journal on a temporary directory.
 *
 * <p>Phase 1, throughput: a generated national day (PN, BOD, BOALF, DISBSAD, NETBSAD, MID, LOLPDRM) as IRIS
 * messages of {@code ROWS} rows each is published to the queue first (a backlog, as after an outage), then the
 * consumer drains it: messages/s and rows/s from the broker to journaled events, each message completed only after
 * its raw body and events are journaled.
 *
 * <p>Phase 2, latency: with the day loaded, a publisher thread offers one-row DISBSAD messages (a revised action of
 * period 24 or 25, which moves the period's price) at a fixed rate; for each, the time from its receipt by the
 * listener (before decoding) to the publication of an {@code INDICATIVE_PRICE} whose inputs cover its event is
 * recorded in an HdrHistogram.
 *
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar iris [ROWS_PER_MESSAGE=10] [PREFETCH=0] [RATE=1000] [SECONDS=10]
 *       [transport-only]     (the handler completes at once: the broker and the AMQP client alone)
 * </pre>
 */
public final class IrisTransportBenchmark
{
    private static final int SLOTS = 1 << 22;
    private static final String QUEUE = "iris.benchmark";
    private static final JsonFactory JSON = new JsonFactory();

    private final long[] receivedAt = new long[SLOTS];
    private final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    private volatile boolean measuring;
    private boolean transportOnly;
    private long firstMeasured = Long.MAX_VALUE;
    private long recordedUpTo = -1;

    private IrisTransportBenchmark()
    {
    }

    /**
     * @param args rows per message, prefetch, latency probe rate per second, latency seconds.
     * @throws Exception if anything fails.
     */
    public static void main(final String[] args) throws Exception
    {
        final int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        final int prefetch = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        final int rate = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        final int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        final IrisTransportBenchmark benchmark = new IrisTransportBenchmark();
        benchmark.transportOnly = args.length > 4 && "transport-only".equals(args[4]);
        benchmark.run(rows, prefetch, rate, seconds, System.out);
    }

    private void run(final int rowsPerMessage, final int prefetch, final int rate, final int seconds,
        final PrintStream out) throws Exception
    {
        final Path dir = Files.createTempDirectory("gbsettle-iris-bench");
        try
        {
            out.println("generating a national day as IRIS messages...");
            final LocalDate date = LocalDate.of(2025, 6, 10);
            SyntheticBundle.write(SyntheticRegistry.generate(42, SyntheticRegistry.Size.NATIONAL), 42, date,
                SettlementRun.SF, false, dir.resolve("bundle"));
            final DayBundle bundle = DayBundle.load(dir.resolve("bundle"));
            final List<IrisDayMessages.Message> messages = split(IrisDayMessages.of(bundle), rowsPerMessage);
            long bytes = 0;
            for (final IrisDayMessages.Message m : messages)
            {
                bytes += m.body().length;
            }
            try (EmbeddedBroker broker = EmbeddedBroker.start())
            {
                broker.createQueue(QUEUE);
                final AmqpEndpoint endpoint = AmqpEndpoint.parse(broker.url());
                long started = System.nanoTime();
                try (IrisPublisher publisher = IrisPublisher.connect(endpoint, QUEUE))
                {
                    for (int i = 0; i < messages.size(); i++)
                    {
                        final IrisDayMessages.Message m = messages.get(i);
                        publisher.sendAsync(m.dataset(), m.messageId(), m.text(), (i & 1) == 1);
                        if ((i & 1023) == 1023)
                        {
                            publisher.awaitAccepted();
                        }
                    }
                    publisher.awaitAccepted();
                }
                out.printf(Locale.ROOT, "published %,d messages (%,.1f MB, %d rows each at most) in %.2f s%n",
                    messages.size(), bytes / 1e6, rowsPerMessage, (System.nanoTime() - started) / 1e9);

                final Path journal = dir.resolve("journal");
                try (Engine engine = Engine.launch(new EngineContext().registry(bundle.registry()).journalDir(journal)
                    .rowsPerDay(1 << 21).listener(this::onResult));
                    PayloadJournal payloads = PayloadJournal.open(journal.resolve(PayloadJournal.DIRECTORY),
                        new JournalConfig()))
                {
                    final IrisIngest ingest = new IrisIngest(engine, payloads, bundle.registry(),
                        IrisOptions.defaults());
                    final Probe probe = new Probe(ingest, engine);
                    final IrisListener listener = new IrisListener(endpoint, QUEUE, probe,
                        ListenerOptions.defaults().withPrefetch(prefetch), null);
                    probe.listener = listener;
                    started = System.nanoTime();
                    listener.start();
                    try
                    {
                        if (!listener.counters().awaitSettled(messages.size(), TimeUnit.MINUTES.toMillis(10)))
                        {
                            throw new IllegalStateException("backlog not drained: " + listener.counters());
                        }
                        final double took = (System.nanoTime() - started) / 1e9;
                        out.printf(Locale.ROOT, "drained: %,d messages, %,d rows, %,d events journaled in %.2f s: " +
                            "%,.0f messages/s, %,.0f rows/s, %.1f MB/s (prefetch %d); %s%n", messages.size(),
                            ingest.counters().rows(), ingest.counters().events(), took, messages.size() / took,
                            ingest.counters().rows() / took, bytes / 1e6 / took, prefetch, listener.counters());
                        out.printf(Locale.ROOT, "  of which in the handler (journal raw body, parse, map, submit, " +
                            "await journaled): %.2f s%n", probe.handlerNanos / 1e9);
                        if (!transportOnly)
                        {
                            latency(endpoint, listener, engine, rate, seconds, messages.size(), out);
                        }
                    }
                    finally
                    {
                        listener.close();
                    }
                }
            }
        }
        finally
        {
            TempDirs.delete(dir);
        }
    }

    private void latency(final AmqpEndpoint endpoint, final IrisListener listener, final Engine engine,
        final int rate, final int seconds, final long settledBefore, final PrintStream out) throws Exception
    {
        final long warmup = 2L * rate;
        final long total = warmup + (long)seconds * rate;
        out.printf(Locale.ROOT, "offering %,d one-row DISBSAD messages/s for %d s after a 2 s warm-up...%n", rate,
            seconds);
        firstMeasured = Long.MAX_VALUE;
        try (IrisPublisher publisher = IrisPublisher.connect(endpoint, QUEUE))
        {
            final long interval = 1_000_000_000L / rate;
            final long start = System.nanoTime() + 1_000_000;
            for (long i = 0; i < total; i++)
            {
                if (i == warmup)
                {
                    firstMeasured = engine.nextPosition();
                    measuring = true;
                }
                final long planned = start + i * interval;
                while (System.nanoTime() < planned)
                {
                    Thread.yield();
                }
                final int period = 24 + (int)(i & 1);
                final String body = "[{\"dataset\":\"DISBSAD\",\"settlementDate\":\"2025-06-10\"," +
                    "\"settlementPeriod\":" +
                    period + ",\"id\":" + (990_000 + i % 500) + ",\"cost\":" + (1000 + i % 997) + ".5,\"volume\":" +
                    (10 + i % 13) + ".0,\"soFlag\":true,\"storFlag\":false}]";
                publisher.sendAsync("DISBSAD", "DISBSAD_202506101200_p" + i + ".json", body, false);
                if ((i & 255) == 255)
                {
                    publisher.awaitAccepted();
                }
            }
            publisher.awaitAccepted();
        }
        if (!listener.counters().awaitSettled(settledBefore + total, TimeUnit.MINUTES.toMillis(5)))
        {
            throw new IllegalStateException("probes not settled: " + listener.counters());
        }
        engine.awaitProcessed(engine.nextPosition() - 1, 1, TimeUnit.MINUTES);
        measuring = false;
        final Histogram h;
        synchronized (histogram)
        {
            h = histogram.copy();
        }
        out.printf(Locale.ROOT, "%,d messages measured at %,d/s: receipt -> indicative price published (us)%n",
            h.getTotalCount(), rate);
        out.printf(Locale.ROOT, "  p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n",
            h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3,
            h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3);
    }

    private void onResult(final ResultRecord record)
    {
        if (record.type() != ResultType.INDICATIVE_PRICE || !measuring)
        {
            return;
        }
        final long now = System.nanoTime();
        synchronized (histogram)
        {
            for (long p = Math.max(recordedUpTo + 1, firstMeasured); p <= record.inputTo(); p++)
            {
                final long at = receivedAt[(int)(p & (SLOTS - 1))];
                if (at > 0)
                {
                    histogram.recordValue(Math.max(0, now - at));
                }
            }
            recordedUpTo = Math.max(recordedUpTo, record.inputTo());
        }
    }

    /**
     * Forwards to the ingest and notes, for the message's first event position (the engine's next position when
     * the one producer starts on it), when the listener received it.
     */
    private final class Probe implements IrisHandler
    {
        private final IrisIngest ingest;
        private final Engine engine;
        private IrisListener listener;
        private long handlerNanos;

        Probe(final IrisIngest ingest, final Engine engine)
        {
            this.ingest = ingest;
            this.engine = engine;
        }

        @Override
        public Disposition onMessage(final IrisMessage message)
        {
            final long position = engine.nextPosition();
            receivedAt[(int)(position & (SLOTS - 1))] = "DISBSAD".equals(message.dataset()) ?
                listener.receiptNanos() : 0;
            if (transportOnly)
            {
                return Disposition.COMPLETE;
            }
            final long t0 = System.nanoTime();
            final Disposition d = ingest.onMessage(message);
            handlerNanos += System.nanoTime() - t0;
            return d;
        }

        /**
         * A group (prefetch N): the probe assumes one event per DISBSAD message, true of the latency phase's
         * one-row probes, so message {@code i} of the batch has position {@code next + i} there.
         */
        @Override
        public void onBatch(final IrisMessage[] messages, final int count, final Disposition[] dispositions,
            final String[] reasons)
        {
            final long position = engine.nextPosition();
            for (int i = 0; i < count; i++)
            {
                receivedAt[(int)((position + i) & (SLOTS - 1))] = "DISBSAD".equals(messages[i].dataset()) ?
                    messages[i].receiptNanos() : 0;
            }
            if (transportOnly)
            {
                java.util.Arrays.fill(dispositions, 0, count, Disposition.COMPLETE);
                java.util.Arrays.fill(reasons, 0, count, "");
                return;
            }
            final long t0 = System.nanoTime();
            ingest.onBatch(messages, count, dispositions, reasons);
            handlerNanos += System.nanoTime() - t0;
        }

        @Override
        public String deadLetterReason()
        {
            return ingest.deadLetterReason();
        }
    }

    /**
     * Splits each message's rows into messages of at most {@code rows} rows (ids suffixed {@code _1, _2...}).
     */
    private static List<IrisDayMessages.Message> split(final List<IrisDayMessages.Message> messages, final int rows)
        throws IOException
    {
        final List<IrisDayMessages.Message> out = new ArrayList<>();
        for (final IrisDayMessages.Message m : messages)
        {
            final byte[] body = m.body();
            final List<int[]> slices = new ArrayList<>();
            try (JsonParser parser = JSON.createParser(body))
            {
                JsonToken token = parser.nextToken();
                if (token != JsonToken.START_ARRAY)
                {
                    out.add(m);
                    continue;
                }
                while ((token = parser.nextToken()) == JsonToken.START_OBJECT)
                {
                    final int from = (int)parser.currentTokenLocation().getByteOffset();
                    parser.skipChildren();
                    final int to = (int)parser.currentLocation().getByteOffset();
                    slices.add(new int[] {from, to});
                }
            }
            final String base = m.messageId().endsWith(".json") ?
                m.messageId().substring(0, m.messageId().length() - 5) : m.messageId();
            for (int i = 0, part = 1; i < slices.size(); i += rows, part++)
            {
                final StringBuilder text = new StringBuilder("[");
                for (int j = i; j < Math.min(slices.size(), i + rows); j++)
                {
                    final int[] s = slices.get(j);
                    text.append(j > i ? "," : "").append(new String(body, s[0], s[1] - s[0], StandardCharsets.UTF_8));
                }
                out.add(new IrisDayMessages.Message(m.dataset(), base + "_" + part + ".json",
                    text.append(']').toString().getBytes(StandardCharsets.UTF_8)));
            }
        }
        return out;
    }
}
