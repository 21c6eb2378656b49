package io.gbsettle.adapters.iris;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.gbsettle.core.engine.Engine;
import io.gbsettle.core.engine.EngineContext;
import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.event.ResultRecord;
import io.gbsettle.core.event.ResultType;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.SyntheticBundle;
import io.gbsettle.core.journal.JournalConfig;
import io.gbsettle.core.journal.PayloadEntry;
import io.gbsettle.core.journal.PayloadJournal;
import io.gbsettle.core.journal.PayloadReader;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.time.SettlementRun;

/**
 * Test fixture: one generated day (small registry) and an engine with its journal and payload journal in a
 * directory, collecting results.
 */
final class IrisTestDay implements AutoCloseable
{
    static final LocalDate DATE = LocalDate.of(2025, 6, 11);
    private static DayBundle bundle;

    final Path dir;
    final Engine engine;
    final PayloadJournal payloads;
    final IrisIngest ingest;
    final PriceCheckMetrics metrics = new PriceCheckMetrics();
    final List<double[]> priceChecks = Collections.synchronizedList(new ArrayList<>());
    final Map<String, double[]> runResults = Collections.synchronizedMap(new TreeMap<>());

    IrisTestDay(final Path dir, final IrisOptions options)
    {
        this.dir = dir;
        this.engine = Engine.launch(new EngineContext().registry(bundle().registry()).journalDir(dir)
            .listener(metrics).listener(this::collect));
        this.payloads = PayloadJournal.open(dir.resolve(PayloadJournal.DIRECTORY), new JournalConfig());
        this.ingest = new IrisIngest(engine, payloads, bundle().registry(), options);
    }

    static synchronized DayBundle bundle()
    {
        if (bundle == null)
        {
            try
            {
                final Path tmp = Files.createTempDirectory("iris-day");
                SyntheticBundle.write(SyntheticRegistry.generate(7, SyntheticRegistry.Size.SMALL), 7, DATE,
                    SettlementRun.SF, false, tmp);
                bundle = DayBundle.load(tmp);
                delete(tmp);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
        return bundle;
    }

    private void collect(final ResultRecord r)
    {
        if (r.type() == ResultType.PRICE_CHECK)
        {
            priceChecks.add(new double[] {r.period(), r.value(0), r.value(1), r.value(2)});
        }
        if (r.run() != ResultRecord.INDICATIVE && r.type() != ResultType.RUN_START && r.type() != ResultType.RUN_END)
        {
            final int n = ResultType.valueCount(r.type());
            final double[] values = new double[n];
            for (int i = 0; i < n; i++)
            {
                values[i] = r.value(i);
            }
            if (r.type() == ResultType.PROBLEM)
            {
                // value1 is an input position, which depends on arrival order: count problems by kind instead.
                runResults.merge("PROBLEM " + (int)r.value(0) + " " + r.period() + " " + r.subject(),
                    new double[] {1}, (a, b) -> new double[] {a[0] + b[0]});
                return;
            }
            runResults.put(ResultType.name(r.type()) + " " + r.period() + " " + r.subject(), values);
        }
    }

    Disposition send(final IrisDayMessages.Message m, final BodyEncoding encoding)
    {
        return ingest.onMessage(new IrisMessage().messageId(m.messageId()).dataset(m.dataset()).encoding(encoding)
            .body(m.body(), 0, m.body().length));
    }

    void settle() throws TimeoutException
    {
        final long trigger = engine.triggerRun(EventSource.OPERATOR, 1, DATE.toEpochDay(), SettlementRun.SF);
        engine.awaitProcessed(trigger, 30, TimeUnit.SECONDS);
    }

    void quiesce() throws TimeoutException
    {
        final long marker = engine.endOfInput(EventSource.OPERATOR, System.nanoTime(), DATE.toEpochDay(), 0);
        engine.awaitProcessed(marker, 30, TimeUnit.SECONDS);
    }

    List<PayloadEntry> entries()
    {
        final List<PayloadEntry> out = new ArrayList<>();
        try (PayloadReader reader = payloads.reader())
        {
            PayloadEntry e = new PayloadEntry();
            while (reader.next(e))
            {
                out.add(e);
                e = new PayloadEntry();
            }
        }
        return out;
    }

    @Override
    public void close()
    {
        ingest.close();
        payloads.close();
        engine.close();
    }

    static void delete(final Path dir) throws IOException
    {
        if (!Files.exists(dir))
        {
            return;
        }
        try (var walk = Files.walk(dir))
        {
            for (final Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList())
            {
                Files.delete(p);
            }
        }
    }
}
