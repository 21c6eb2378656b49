package io.gbsettle.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.gbsettle.adapters.iris.IrisDayMessages;
import io.gbsettle.adapters.iris.IrisIngest;
import io.gbsettle.adapters.iris.IrisOptions;
import io.gbsettle.adapters.iris.amqp.EmbeddedBroker;
import io.gbsettle.adapters.iris.amqp.IrisConsumer;
import io.gbsettle.adapters.iris.amqp.IrisListener;
import io.gbsettle.adapters.iris.amqp.IrisPublisher;
import io.gbsettle.adapters.iris.amqp.IrisSettings;
import io.gbsettle.adapters.iris.amqp.ListenerOptions;
import io.gbsettle.adapters.sftp.collect.CycleSummary;
import io.gbsettle.adapters.sftp.collect.Poller;
import io.gbsettle.adapters.sftp.config.Counterparty;
import io.gbsettle.adapters.sftp.config.SftpContext;
import io.gbsettle.adapters.sftp.flow.InboundFlows;
import io.gbsettle.adapters.sftp.server.EmbeddedSftpServer;
import io.gbsettle.core.engine.Engine;
import io.gbsettle.core.engine.EngineContext;
import io.gbsettle.core.engine.Replay;
import io.gbsettle.core.engine.ResultListener;
import io.gbsettle.core.engine.RunCsv;
import io.gbsettle.core.engine.RunRecords;
import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.event.ResultRecord;
import io.gbsettle.core.event.ResultType;
import io.gbsettle.core.files.CsvWriter;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.journal.PayloadEntry;
import io.gbsettle.core.kernel.aggregate.AggregationOptions;
import io.gbsettle.core.mhhs.MeterAggregation;
import io.gbsettle.core.mhhs.MeterFlows;
import io.gbsettle.core.mhhs.MeterIngest;
import io.gbsettle.core.mhhs.MeterReports;
import io.gbsettle.core.mhhs.MeterStore;
import io.gbsettle.core.journal.PayloadJournal;
import io.gbsettle.core.journal.PayloadReader;
import io.gbsettle.core.journal.PayloadState;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.settle.SettlementContext;
import io.gbsettle.core.time.SettlementRun;
import io.gbsettle.tools.report.ReportPage;

/**
 * The demo's pipeline, one step after another on embedded defaults, with progress on the console:
 *
 * <pre>
 *   [1] generate   a national day (DemoDay) ─► day/sf, day/r1 bundles; IRIS messages; SFTP files (bad ones too)
 *   [2] servers    MINA SSHD SFTP on 127.0.0.1:free (new keys, pinned host key) holding the files
 *                  Artemis AMQP 1.0 on 127.0.0.1:free, queue iris.demo loaded with the day's messages
 *   [3] IRIS       IrisConsumer ─► engine (journal) ; indicative prices printed period by period
 *   [4] SFTP       Poller ─► C0421, ECVN, MVRN collected, journaled, acknowledged; bad files rejected;
 *                  MHHS flows (registrations, D0265, D0036) handed to the meter-data folder
 *   [5] MHHS       MeterIngest ─► meter store ─► MeterAggregation ─► mhhs/supplier_period.csv ...
 *   [6] SF         trigger ─► run ─► results journal ─► sf/*.csv
 *   [7] R1         revised C0421 on the server ─► collected ─► R1 run ─► r1/*.csv, runs_diff.csv (SF → R1)
 *   [8] report     report.html (charts, no network)
 *   [9] replay     the whole journal replayed with --verify
 * </pre>
 *
 * Everything it starts is closed in reverse order, also on Ctrl-C (a shutdown hook), and the demo's own folders are
 * replaced on every run, so a second run needs no cleaning up.
 */
final class DemoRun
{
    static final int STEPS = 9;
    /** The demo's folders under --out, replaced on every run (nothing else there is touched). */
    static final List<String> FOLDERS = List.of("day", "sftp", "journal", "mhhs", "sf", "r1");
    /** The demo's files under --out, replaced on every run. */
    static final List<String> FILES = List.of("indicative.csv", "runs_diff.csv", "exceptions.csv", "report.html",
        "summary.txt");
    private static final long TIMEOUT_SECONDS = 600;
    /** Meter points of the MHHS sample (the national day has 33 million; see bsc aggregate for those). */
    private static final int NATIONAL_MPANS = 20_000;
    private static final int SMALL_MPANS = 2_000;

    private final PrintWriter console;
    private final Path out;
    private final SyntheticRegistry.Size size;
    private final long seed;
    private final LocalDate date;
    private final Deque<AutoCloseable> open = new ArrayDeque<>();
    private volatile boolean interrupted;

    DemoRun(final PrintWriter console, final Path out, final SyntheticRegistry.Size size, final long seed,
        final LocalDate date)
    {
        this.console = console;
        this.out = out;
        this.size = size;
        this.seed = seed;
        this.date = date;
    }

    /**
     * Runs the demo.
     *
     * @return the exit code: 0 when every step ran and the replay verified.
     * @throws Exception when a step fails (the caller reports it).
     */
    int run() throws Exception
    {
        final Thread hook = new Thread(this::interrupt, "bsc-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try
        {
            return steps();
        }
        finally
        {
            closeAll();
            try
            {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            catch (final IllegalStateException ex)
            {
                // the JVM is shutting down (Ctrl-C): the hook is running
            }
        }
    }

    private int steps() throws Exception
    {
        final long demoStarted = System.nanoTime();
        clear();
        console.printf(Locale.ROOT, "gbsettle demo: a %s settlement day, %s, through the whole system -> %s%n",
            size.name().toLowerCase(Locale.ROOT), date, out.toAbsolutePath());

        // [1] the day
        long started = System.nanoTime();
        step(1, "generating the day: market registry, balancing data, metered volumes, notifications (seed " +
            seed + ")");
        final MarketRegistry registry = SyntheticRegistry.generate(seed, size);
        final DemoDay day = DemoDay.generate(registry, seed, date, out.resolve("day"),
            size == SyntheticRegistry.Size.NATIONAL ? NATIONAL_MPANS : SMALL_MPANS, this::progress);
        final DayBundle bundle = day.bundle;
        final long epochDay = bundle.epochDay();
        final int periods = bundle.periodCount();
        console.printf(Locale.ROOT, "      %,d parties, %,d BM Units; %d periods: %,d PN segments, %,d bid-offer " +
            "rows, " +
            "%,d acceptance segments,%n      %,d metered volumes, %,d ECVN lines, %,d MVRN lines (%s) -> %s%n",
            registry.partyCount(), registry.bmUnitCount(), periods, bundle.pn().count(), bundle.bod().count(),
            bundle.acceptances().count(), bundle.meteredVolumes().count(), bundle.ecvn().count(),
            bundle.mvrn().count(), millis(started), out.resolve("day"));
        console.printf(Locale.ROOT, "      MHHS: %,d meter points, %,d half-hourly reads in %d flat files " +
            "(registrations, " +
            "D0265, D0036)%n", day.meters.slots(), day.meters.reads(), day.meters.files());
        console.printf(Locale.ROOT, "      planted %d bad inputs:%n", day.planted.size());
        for (final DemoDay.Planted p : day.planted)
        {
            console.printf(Locale.ROOT, "        %-5s %-26s %s%n", p.channel(), p.name(), p.what());
        }
        checkInterrupted();

        // [2] the embedded servers
        started = System.nanoTime();
        step(2, "starting the embedded servers");
        final EmbeddedSftpServer sftp = keep(EmbeddedSftpServer.start(out.resolve("sftp")));
        for (final DemoDay.RemoteFile f : day.files)
        {
            sftp.put(f.counterparty() + "/out", f.name(), f.bytes());
        }
        console.printf(Locale.ROOT, "      SFTP  sftp://%s@127.0.0.1:%d (Apache MINA SSHD; new keys, host key " +
            "pinned in " +
            "%s): %d files in cdca/out, ecvaa/out, hhdc/out%n", EmbeddedSftpServer.USER, sftp.port(), sftp.knownHosts(),
            day.files.size());
        final EmbeddedBroker broker = keep(EmbeddedBroker.start());
        broker.createQueue(DemoDay.IRIS_QUEUE);
        long feedBytes = 0;
        try (IrisPublisher publisher = IrisPublisher.connect(
            io.gbsettle.adapters.iris.amqp.AmqpEndpoint.parse(broker.url()), DemoDay.IRIS_QUEUE))
        {
            for (final IrisDayMessages.Message m : day.messages)
            {
                publisher.sendAsync(m.dataset(), m.messageId(), m.text(), true);
                feedBytes += m.body().length;
            }
            publisher.awaitAccepted();
        }
        console.printf(Locale.ROOT, "      AMQP  %s (Apache ActiveMQ Artemis, AMQP 1.0): queue %s holds %,d IRIS " +
            "messages, %,.1f MB (%s)%n", broker.url(), DemoDay.IRIS_QUEUE, day.messages.size(), feedBytes / 1e6,
            millis(started));
        checkInterrupted();

        // [3] IRIS
        started = System.nanoTime();
        final Path journal = out.resolve("journal");
        step(3, "IRIS: consuming the feed into the engine (journal " + journal + "); indicative prices as each " +
            "period's data arrives");
        final Ticker ticker = new Ticker(periods);
        final IrisConsumer consumer = keep(IrisConsumer.open(
            new EngineContext().registry(registry).journalDir(journal).rowsPerDay(1 << 20).listener(ticker),
            IrisSettings.amqp(broker.url(), DemoDay.IRIS_QUEUE, null, null, journal),
            ListenerOptions.defaults().withPrefetch(100), IrisOptions.defaults(), null));
        final Engine engine = consumer.engine();
        final IrisListener listener = consumer.listener();
        listener.start();
        console.printf(Locale.ROOT, "      %-6s %-11s %14s %11s %8s%n", "period", "UTC", "price GBP/MWh", "NIV MWh",
            "updates");
        for (int p = 1; p <= periods; p++)
        {
            while (!listener.counters().awaitSettled(day.messagesThrough[p], 1_000))
            {
                checkInterrupted();
                if (System.nanoTime() - started > TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS))
                {
                    throw new IllegalStateException("the IRIS feed was not consumed in " + TIMEOUT_SECONDS +
                        " s: " + listener.counters());
                }
            }
            engine.awaitProcessed(engine.nextPosition() - 1, TIMEOUT_SECONDS, TimeUnit.SECONDS);
            console.printf(Locale.ROOT, "      %6d %-11s %14s %11s %8d%n", p, utcSpan(bundle, p),
                number(ticker.price[p], "%.2f"), number(ticker.niv[p], "%.1f"), ticker.updates[p]);
            console.flush();
        }
        listener.close();
        final IrisIngest.Counters iris = consumer.ingest().counters();
        final long irisNanos = System.nanoTime() - started;
        final long irisEvents = engine.nextPosition();
        console.printf(Locale.ROOT, "      %,d messages: %,d journaled and completed (%,d rows -> %,d events), %,d " +
            "duplicates, %,d dead-lettered, %,d rows skipped; %,.0f messages/s, %,.0f events/s (%s)%n",
            day.messages.size(), iris.messages(), iris.rows(), iris.events(), iris.duplicates(), iris.deadLettered(),
            iris.skippedRows(), day.messages.size() / seconds(irisNanos), irisEvents / seconds(irisNanos),
            millis(started));
        checkInterrupted();

        // [4] SFTP
        started = System.nanoTime();
        step(4, "SFTP: collecting the day's flat files (C0421 metered volumes, ECVN, MVRN; MHHS meter reads)");
        final PayloadJournal payloads = consumer.payloads();
        payloads.handOver();
        final SftpContext sftpContext = SftpContext.of(List.of(
            sftp.counterparty(DemoDay.CDCA, DemoDay.CDCA + "/out", Duration.ofSeconds(30)),
            sftp.counterparty(DemoDay.ECVAA, DemoDay.ECVAA + "/out", Duration.ofSeconds(30)),
            sftp.counterparty(DemoDay.HHDC, DemoDay.HHDC + "/out", Duration.ofSeconds(30))),
            journal, out.resolve("sftp").resolve("local"));
        final Poller poller = keep(new Poller(sftpContext, payloads, engine, new InboundFlows(registry),
            line ->
            {
                if (line.contains("REJECTED") || line.contains("DUPLICATE") || line.contains("failed") ||
                    line.contains("journaled ["))
                {
                    console.println("      " + line);
                }
            }));
        poller.recover();
        final long sftpFrom = engine.nextPosition();
        final Poller.Pass sfPass = poller.pollOnce();
        printPass(sfPass, started);
        final long sftpEvents = engine.nextPosition() - sftpFrom;
        final long sftpNanos = System.nanoTime() - started;
        checkInterrupted();

        // [5] MHHS
        started = System.nanoTime();
        final Path mhhs = out.resolve("mhhs");
        step(5, "MHHS: the collected meter reads into a meter store, aggregated to supplier volumes -> " + mhhs);
        Files.copy(out.resolve("day").resolve("meters").resolve(MeterFlows.TAKE_FILE),
            sftpContext.meterData().resolve(MeterFlows.TAKE_FILE));
        final MeterIngest.Summary ingested = MeterIngest.ingest(sftpContext.meterData(), mhhs.resolve("store"), date,
            1000);
        final long aggregatedRows;
        final long acceptedReads;
        try (MeterStore store = MeterStore.open(mhhs.resolve("store"), false))
        {
            final MeterAggregation aggregation = new MeterAggregation(store, 2, AggregationOptions.DEFAULTS);
            aggregation.run();
            aggregatedRows = MeterReports.write(aggregation, mhhs);
            acceptedReads = aggregation.sums().acceptedTotal();
        }
        console.printf(Locale.ROOT, "      %,d meter points, %,d reads read, %,d accepted, %,d rejected (each with " +
            "its " +
            "reason); %,d supplier x GSP Group x period volumes (%s) -> %s%n", ingested.slots(),
            ingested.readsRead(), acceptedReads, ingested.rejectedTotal(), aggregatedRows, millis(started),
            mhhs.resolve(MeterReports.SUPPLIER_PERIOD_FILE));
        checkInterrupted();

        // [6] SF
        started = System.nanoTime();
        step(6, "SF run: settling the day from the journal (volumes, prices, cashflows) -> " + out.resolve("sf"));
        final long sfNanos = settle(engine, epochDay, SettlementRun.SF);
        final List<InputProblem> adapterProblems = adapterProblems(payloads);
        final RunCsv sf = report(registry, epochDay, SettlementRun.SF, out.resolve("sf"), adapterProblems);
        console.printf(Locale.ROOT, "      %d periods in %,d ms (%.1f ms a period): system price %s GBP/MWh, BM " +
            "cashflow %s GBP; %,d BM Unit rows, %,d exceptions, the adapters' listed here (%s)%n", periods,
            sfNanos / 1_000_000,
            sfNanos / 1e6 / periods, ticker.runPriceRange(), ticker.runCbm(), sf.reports().bmUnitPeriodRows(),
            sf.problems().size(), millis(started));
        for (final InputProblem problem : adapterProblems)
        {
            final String line = problem.source() + " " + problem.reason();
            console.println("        " + (line.length() > 150 ? line.substring(0, 147) + "..." : line));
        }
        checkInterrupted();

        // [7] R1
        started = System.nanoTime();
        step(7, "R1 run: the CDCA publishes revised metered volumes (" + day.revisedUnits + " BM Units, " +
            day.revisedValues + " values); collected, settled, compared with SF -> " + out.resolve("r1"));
        sftp.put(day.revisedMetered.counterparty() + "/out", day.revisedMetered.name(), day.revisedMetered.bytes());
        final Poller.Pass r1Pass = poller.pollOnce();
        printPass(r1Pass, started);
        ticker.resetRun();
        final long r1Nanos = settle(engine, epochDay, SettlementRun.R1);
        final RunCsv r1 = report(registry, epochDay, SettlementRun.R1, out.resolve("r1"), adapterProblems);
        console.printf(Locale.ROOT, "      %d periods in %,d ms: %,d party-periods moved since SF -> %s%n", periods,
            r1Nanos / 1_000_000, r1.diffRows(), out.resolve("r1").resolve(RunCsv.DIFF_FILE));
        // The engine wrote what moved since the day's previous run (SF) with R1: the same rows, byte for byte, as
        // `bsc runs diff --format csv` (RunsCommandTest), which compares any two runs.
        Files.copy(out.resolve("r1").resolve(RunCsv.DIFF_FILE), out.resolve("runs_diff.csv"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(out.resolve("r1").resolve("exceptions.csv"), out.resolve("exceptions.csv"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        final long inputs = engine.nextPosition();
        final long[] counters = engine.counters();
        ticker.writeIndicative(out.resolve("indicative.csv"), bundle);
        closeAll();
        checkInterrupted();
        console.println("      ./bsc runs diff --journal " + journal + " --date " + date +
            " --from SF --to R1 --top 5");
        final StringWriter diffText = new StringWriter();
        Bsc.run(new PrintWriter(diffText, true), new PrintWriter(diffText, true), "runs", "diff", "--journal",
            journal.toString(), "--date", date.toString(), "--from", "SF", "--to", "R1", "--top", "5");
        for (final String line : diffText.toString().split("\n"))
        {
            console.println("        " + line);
        }

        // [8] report
        started = System.nanoTime();
        step(8, "writing report.html (system price and NIV by period, biggest party cashflows, SF -> R1 movement, " +
            "exceptions)");
        final List<Map.Entry<String, String>> facts = new ArrayList<>();
        facts.add(Map.entry("Settlement date", date + " (" + periods + " periods)"));
        facts.add(Map.entry("Market", String.format(Locale.ROOT, "%,d parties, %,d BM Units",
            registry.partyCount(), registry.bmUnitCount())));
        facts.add(Map.entry("IRIS messages", String.format(Locale.ROOT, "%,d (%,d dead-lettered, %,d duplicates)",
            day.messages.size(), iris.deadLettered(), iris.duplicates())));
        facts.add(Map.entry("SFTP files", String.format(Locale.ROOT, "%,d collected, %,d rejected",
            journaled(sfPass) + journaled(r1Pass), sfPass.rejected() + r1Pass.rejected())));
        facts.add(Map.entry("Inputs journaled", String.format(Locale.ROOT, "%,d (%,d applied, %,d duplicates, %,d " +
            "rejected)", inputs, counters[0], counters[1], counters[2])));
        facts.add(Map.entry("Runs", String.format(Locale.ROOT, "SF %,d ms, R1 %,d ms (%.1f ms a period)",
            sfNanos / 1_000_000, r1Nanos / 1_000_000, sfNanos / 1e6 / periods)));
        final Path html = ReportPage.write(out.resolve("report.html"), "gbsettle demo: settlement day " + date,
            List.of(Map.entry("SF", out.resolve("sf")), Map.entry("R1", out.resolve("r1"))),
            out.resolve("indicative.csv"), facts);
        console.printf(Locale.ROOT, "      %s (%s)%n", html.toAbsolutePath(), millis(started));
        checkInterrupted();

        // [9] replay
        started = System.nanoTime();
        step(9, "replaying the journal with --verify: every input again, every result recomputed and compared");
        final Replay.Summary replay = Replay.run(journal, SettlementContext.defaults(), 0, true, null);
        console.printf(Locale.ROOT, "      %,d inputs, %,d results compared in %,d ms (%,.0f inputs/s): %s%n",
            replay.inputs(), replay.compared(), replay.nanos() / 1_000_000, replay.inputs() / seconds(replay.nanos()),
            replay.verified() ? "every result recomputed identically" : "DIFFERENT: " + replay.firstDifference());

        final long total = System.nanoTime() - demoStarted;
        console.printf(Locale.ROOT, "%nDone in %.1f s.%n", seconds(total));
        console.printf(Locale.ROOT, "  processed  %,d IRIS messages and %,d SFTP files into %,d journaled inputs; " +
            "2 settlement runs (SF, R1)%n", day.messages.size(), journaled(sfPass) + journaled(r1Pass), inputs);
        console.printf(Locale.ROOT, "  speed      IRIS %,.0f events/s, SFTP %,.0f events/s, settlement %.1f ms a " +
            "period, replay %,.0f inputs/s%n", irisEvents / seconds(irisNanos), sftpEvents /
            seconds(sftpNanos), sfNanos / 1e6 / periods,
            replay.inputs() / seconds(replay.nanos()));
        console.printf(Locale.ROOT, "  outputs    %s%n", out.toAbsolutePath());
        console.println("             report.html            open it in a browser (no network needed)");
        console.println("             sf/, r1/               bmu_period, account_period, period, party_day, " +
            "exceptions, missing_inputs (CSV)");
        console.println("             runs_diff.csv          what moved from SF to R1, per party and period");
        console.println("             indicative.csv         the real-time indicative price of each period");
        console.println("             mhhs/                  supplier volumes aggregated from the meter reads (MHHS)");
        console.println("             exceptions.csv         every bad input and why (IRIS, SFTP, the runs)");
        console.println("             journal/               the engine's journal: inputs, results, payloads " +
            "(raw bytes of every message and file)");
        console.println("  next       ./bsc journal payloads --journal " + journal + " --state DEAD_LETTERED");
        console.println("             ./bsc replay --journal " + journal + " --verify");
        console.flush();
        return replay.verified() ? ExitCode.OK : ExitCode.FAILURE;
    }

    private long settle(final Engine engine, final long epochDay, final SettlementRun run) throws Exception
    {
        final long started = System.nanoTime();
        // The trigger's source key is its business identity: one SF and one R1 per day in a demo journal.
        final long position = engine.triggerRun(EventSource.OPERATOR, 0xDE30_0000_0000L + epochDay * 16 + run.ordinal(),
            epochDay, run);
        engine.awaitProcessed(position, TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return System.nanoTime() - started;
    }

    private RunCsv report(final MarketRegistry registry, final long epochDay, final SettlementRun run,
        final Path dir, final List<InputProblem> given)
    {
        final RunCsv csv = new RunCsv(registry, LocalDate.ofEpochDay(epochDay), dir, given);
        final int sequence;
        try (csv)
        {
            sequence = RunRecords.latest(out.resolve("journal"), epochDay, run, csv::accept);
        }
        if (sequence == 0)
        {
            throw new IllegalStateException("the journal holds no complete " + run + " run of " +
                LocalDate.ofEpochDay(epochDay));
        }
        return csv;
    }

    /**
     * The adapters' rejections, dead letters, duplicates and skipped rows, from the payload journal: one line a
     * payload, in its last such state (a dead-lettered message was REJECTED first), its reason on one line.
     */
    private static List<InputProblem> adapterProblems(final PayloadJournal payloads)
    {
        final Map<String, InputProblem> problems = new java.util.LinkedHashMap<>();
        final PayloadEntry entry = new PayloadEntry();
        try (PayloadReader reader = payloads.reader())
        {
            while (reader.next(entry))
            {
                final int state = entry.state();
                final String detail = entry.detail() == null ? "" : entry.detail().replace('\n', ' ');
                if (state == PayloadState.REJECTED || state == PayloadState.DEAD_LETTERED ||
                    state == PayloadState.DUPLICATE || detail.contains("skipped="))
                {
                    final String source = entry.channel() + ":" + entry.name();
                    problems.put(source + (state == PayloadState.DUPLICATE ? " again" : ""), new InputProblem(source,
                        0, entry.kind(), "", PayloadState.name(state) + ": " + detail));
                }
            }
        }
        return new ArrayList<>(problems.values());
    }

    private void printPass(final Poller.Pass pass, final long started)
    {
        for (final CycleSummary c : pass.cycles())
        {
            console.printf(Locale.ROOT, "      %-6s %d listed, %d collected, %d duplicates, %d rejected; %,d " +
                "records -> %,d events, %,.1f MB%n", c.counterparty(), c.listed(), c.journaled(), c.duplicates(),
                c.rejected(), c.records(), c.events(), c.bytes() / 1e6);
            for (final String refused : c.refused())
            {
                console.println("             rejected " + refused);
            }
        }
        for (final String failure : pass.failures())
        {
            console.println("      failed: " + failure);
        }
        console.printf(Locale.ROOT, "      (%s)%n", millis(started));
    }

    private static int journaled(final Poller.Pass pass)
    {
        int n = 0;
        for (final CycleSummary c : pass.cycles())
        {
            n += c.journaled();
        }
        return n;
    }

    private <T extends AutoCloseable> T keep(final T resource)
    {
        synchronized (open)
        {
            open.push(resource);
        }
        return resource;
    }

    private void closeAll()
    {
        while (true)
        {
            final AutoCloseable next;
            synchronized (open)
            {
                next = open.poll();
            }
            if (next == null)
            {
                return;
            }
            try
            {
                next.close();
            }
            catch (final Exception ex)
            {
                console.println("demo: while closing " + next.getClass().getSimpleName() + ": " + ex.getMessage());
            }
        }
    }

    /** Ctrl-C: stop what runs, close everything, say so. */
    private void interrupt()
    {
        interrupted = true;
        closeAll();
        console.println();
        console.println("demo: interrupted; servers and engine stopped, journal closed. Run ./bsc demo again to " +
            "start over (no cleaning up needed).");
        console.flush();
    }

    /**
     * @return whether Ctrl-C (or SIGTERM) stopped the demo.
     */
    boolean interrupted()
    {
        return interrupted;
    }

    private void checkInterrupted()
    {
        if (interrupted)
        {
            throw new IllegalStateException("interrupted");
        }
    }

    private void clear() throws IOException
    {
        Files.createDirectories(out);
        for (final String folder : FOLDERS)
        {
            Folders.deleteTree(out.resolve(folder));
        }
        for (final String file : FILES)
        {
            Files.deleteIfExists(out.resolve(file));
        }
    }

    private void step(final int step, final String what)
    {
        console.printf(Locale.ROOT, "[%d/%d] %s%n", step, STEPS, what);
        console.flush();
    }

    private void progress(final String line)
    {
        console.println("      " + line);
        console.flush();
    }

    private static String utcSpan(final DayBundle bundle, final int period)
    {
        final long start = bundle.periodStartEpochSecond(period);
        return String.format(Locale.ROOT, "%02d:%02d-%02d:%02d", start / 3600 % 24, start / 60 % 60,
            (start + 1800) / 3600 % 24, (start + 1800) / 60 % 60);
    }

    private static String number(final double value, final String format)
    {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, format, value);
    }

    private static double seconds(final long nanos)
    {
        return Math.max(nanos, 1) / 1e9;
    }

    private static String millis(final long startedNanos)
    {
        return String.format(Locale.ROOT, "%,d ms", (System.nanoTime() - startedNanos) / 1_000_000);
    }

    /**
     * Listens to the engine's results: the latest indicative price of each period as the feed arrives, and the
     * period figures of the current run. Written on the engine's publisher thread, read by the console thread after
     * {@link Engine#awaitProcessed} (which orders them).
     */
    static final class Ticker implements ResultListener
    {
        final double[] price;
        final double[] niv;
        final long[] updates;
        final double[] runPrice;
        double runCbm;

        Ticker(final int periods)
        {
            price = new double[periods + 1];
            niv = new double[periods + 1];
            updates = new long[periods + 1];
            runPrice = new double[periods + 1];
            java.util.Arrays.fill(price, Double.NaN);
            java.util.Arrays.fill(niv, Double.NaN);
            java.util.Arrays.fill(runPrice, Double.NaN);
        }

        @Override
        public void onResult(final ResultRecord record)
        {
            final int p = record.period();
            if (p <= 0 || p >= price.length)
            {
                return;
            }
            if (record.type() == ResultType.INDICATIVE_PRICE)
            {
                price[p] = record.value(0);
                niv[p] = record.value(1);
                updates[p]++;
            }
            else if (record.type() == ResultType.PERIOD)
            {
                runPrice[p] = record.value(0);
                runCbm += record.value(5);
            }
        }

        void resetRun()
        {
            java.util.Arrays.fill(runPrice, Double.NaN);
            runCbm = 0;
        }

        String runPriceRange()
        {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int p = 1; p < runPrice.length; p++)
            {
                if (!Double.isNaN(runPrice[p]))
                {
                    min = Math.min(min, runPrice[p]);
                    max = Math.max(max, runPrice[p]);
                }
            }
            return min > max ? "-" : String.format(Locale.ROOT, "%.2f to %.2f", min, max);
        }

        String runCbm()
        {
            return String.format(Locale.ROOT, "%,.0f", runCbm);
        }

        void writeIndicative(final Path file, final DayBundle bundle)
        {
            try (CsvWriter csv = CsvWriter.create(file, List.of("settlement_date", "settlement_period",
                "indicative_price_gbp_mwh", "indicative_niv_mwh", "updates")))
            {
                final String date = bundle.settlementDate().toString();
                for (int p = 1; p < price.length; p++)
                {
                    csv.field(date).field(Integer.toString(p))
                        .field(Double.isNaN(price[p]) ? "" : CsvWriter.number(price[p]))
                        .field(Double.isNaN(niv[p]) ? "" : CsvWriter.number(niv[p]))
                        .field(Long.toString(updates[p])).endRecord();
                }
            }
        }
    }
}
