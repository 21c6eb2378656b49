package io.gbsettle.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import io.gbsettle.core.kernel.aggregate.AggregationOptions;
import io.gbsettle.core.kernel.aggregate.AggregationResult;
import io.gbsettle.core.kernel.aggregate.ReadRejection;
import io.gbsettle.core.mhhs.MeterAggregation;
import io.gbsettle.core.mhhs.MeterIngest;
import io.gbsettle.core.mhhs.MeterReports;
import io.gbsettle.core.mhhs.MeterStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bsc aggregate}: supplier volume aggregation (MHHS) of one Settlement Day from a meter store.
 *
 * <pre>
 *   [0/3] ingest     --files DIR: D0036/D0265/registration files into --store (MeterIngest)
 *   [1/3] open       map the store's columns (MeterStore), read its tables
 *   [2/3] aggregate  all cores over MPAN ranges (ParallelAggregator), GSP Group Correction   progress bar on stderr
 *   [3/3] report     supplier_period.csv gsp_group_period.csv metered_volumes.csv exceptions.csv exception_summary.csv
 *                    [--bundle DIR: the supplier base BM Units' metered volumes replaced in a day bundle]
 * </pre>
 */
@Command(
    name = "aggregate",
    mixinStandardHelpOptions = true,
    description = {
        "Aggregate a day of meter-point half-hourly reads (MHHS) into supplier x GSP",
        "Group x period volumes: LLF uplift, GSP Group Correction, supplier base BM",
        "Unit metered volumes (MWh, consumption negative). Every read that cannot be",
        "aggregated is counted and listed with its reason (exceptions.csv)."},
    footer = {
        "",
        "Exit codes: 0 ok, 1 reads rejected (see exceptions.csv), 2 usage error,",
        "3 failure.",
        "Example: ./bsc aggregate --store out/meters --date 2025-06-10 --out out/agg"})
final class AggregateCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--store", required = true, paramLabel = "DIR", description = "The meter store directory.")
    Path store;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The Settlement Day.")
    LocalDate date;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the reports.")
    Path out;

    @Option(names = "--files", paramLabel = "DIR",
        description = "Ingest this directory of flat files into --store first (the store is replaced).")
    Path files;

    @Option(names = "--bundle", paramLabel = "DIR",
        description = "Also replace the supplier base BM Units' rows of this day bundle's metered_volumes.csv.")
    Path bundle;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
        description = "Aggregate N times in this process and print each kernel time (benchmarking; default 1).")
    int repeat;

    @Option(names = "--no-correctable", defaultValue = "UNCORRECTED", paramLabel = "RULE",
        description = "A GSP Group and period without correctable volume: UNCORRECTED or SCALE_ALL " +
            "(default ${DEFAULT-VALUE}).")
    AggregationOptions.NoCorrectableRule noCorrectable;

    @Override
    public Integer call()
    {
        final long started = System.nanoTime();
        final PrintWriter console = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        if (threads < 1 || repeat < 1)
        {
            throw new ParameterException(spec.commandLine(), "--threads and --repeat must be at least 1");
        }
        if (files != null)
        {
            if (!Files.isDirectory(files))
            {
                throw new ParameterException(spec.commandLine(), "--files " + files + " is not a directory");
            }
            console.printf(Locale.ROOT, "[0/3] ingesting %s into %s%n", files, store);
            final MeterIngest.Summary ingested = MeterIngest.ingest(files, store, date, 100_000);
            console.printf(Locale.ROOT, "      %,d MPANs, %d keys, %,d reads read, %,d rejected; D0036 %,.1f MB in " +
                "%,d ms (%,.0f MB/s)%n", ingested.slots(), ingested.keys(), ingested.readsRead(),
                ingested.rejectedTotal(), ingested.d0036Bytes() / 1e6, ingested.d0036Nanos() / 1_000_000,
                ingested.d0036Bytes() / 1e6 / Math.max(1e-9, ingested.d0036Nanos() / 1e9));
            for (final String problem : ingested.problems())
            {
                err.println("      " + problem);
            }
        }
        if (!Files.isDirectory(store))
        {
            throw new ParameterException(spec.commandLine(), "--store " + store + " is not a directory");
        }
        console.printf(Locale.ROOT, "[1/3] opening %s%n", store);
        try (MeterStore meters = MeterStore.open(store, false))
        {
            if (!meters.date().equals(date))
            {
                throw new ParameterException(spec.commandLine(), "the store holds " + meters.date() + ", not " +
                    date);
            }
            final MeterAggregation run = new MeterAggregation(meters, threads,
                AggregationOptions.DEFAULTS.withNoCorrectable(noCorrectable));
            console.printf(Locale.ROOT, "      %s: %d periods, %,d MPANs, %,d aggregation keys, %,.1f MB mapped%n",
                meters.date(), meters.periods(), meters.slots(), run.tables().keys().count(),
                meters.mappedBytes() / 1e6);
            final long opened = System.nanoTime();
            console.printf(Locale.ROOT, "[2/3] aggregating on %d threads%n", threads);
            console.flush();
            AggregationResult result = withProgress(run, meters.slots(), err);
            final long values = (long)meters.slots() * meters.periods();
            for (int i = 2; i <= repeat; i++)
            {
                console.printf(Locale.ROOT, "      run %d: kernel %,d ms (%,.0f million observations/s)%n", i - 1,
                    run.kernelNanos() / 1_000_000, values / (run.kernelNanos() / 1e9) / 1e6);
                result = run.run();
            }
            console.printf(Locale.ROOT, "      %,d reads accepted of %,d read; kernel %,d ms (%,.0f million " +
                "observations/s)%n", run.sums().acceptedTotal(), run.readsRead(), run.kernelNanos() / 1_000_000,
                values / (run.kernelNanos() / 1e9) / 1e6);
            long rejected = 0;
            final StringBuilder reasons = new StringBuilder();
            for (int r = 0; r < ReadRejection.COUNT; r++)
            {
                final long n = run.rejected(r);
                rejected += n;
                if (n > 0)
                {
                    reasons.append(reasons.length() == 0 ? "" : ", ").append(ReadRejection.name(r)).append(' ')
                        .append(n);
                }
            }
            console.printf(Locale.ROOT, "      %,d reads rejected%s%n", rejected,
                reasons.length() == 0 ? "" : " (" + reasons + ")");
            final long aggregated = System.nanoTime();
            console.printf(Locale.ROOT, "[3/3] writing reports to %s%n", out.toAbsolutePath());
            final long rows = MeterReports.write(run, out);
            final long reported = System.nanoTime();
            console.printf(Locale.ROOT, "      %s %,d rows (%d supplier x GSP Group pairs), %s, %s, %s, %s%n",
                MeterReports.SUPPLIER_PERIOD_FILE, rows, result.pairs(), MeterReports.GROUP_PERIOD_FILE,
                MeterReports.METERED_FILE, MeterReports.EXCEPTIONS_FILE, MeterReports.EXCEPTION_SUMMARY_FILE);
            if (bundle != null)
            {
                final int fed = MeterReports.feedBundle(out.resolve(MeterReports.METERED_FILE), bundle);
                console.printf(Locale.ROOT, "      %,d metered volumes fed to %s%n", fed,
                    bundle.resolve(MeterReports.METERED_FILE));
            }
            console.printf(Locale.ROOT, "      whole run %,d ms (open and tables %,d, aggregate and correct %,d, " +
                "reports %,d); %s%n", (System.nanoTime() - started) / 1_000_000, (opened - started) / 1_000_000,
                (aggregated - opened) / 1_000_000, (reported - aggregated) / 1_000_000, peakMemory());
            return rejected == 0 ? ExitCode.OK : ExitCode.DATA_PROBLEMS;
        }
    }

    /**
     * @return peak resident memory of this process (Linux /proc/self/status: VmHWM, with the anonymous and
     *         file-backed parts now) and the peak heap used (sum of the heap pools' peaks).
     */
    static String peakMemory()
    {
        long heapPeak = 0;
        for (final MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
        {
            if (pool.getType() == MemoryType.HEAP)
            {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        final StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "peak heap used %,d MB (max %,d MB)",
            heapPeak >> 20, Runtime.getRuntime().maxMemory() >> 20));
        try
        {
            final Map<String, String> status = new HashMap<>();
            for (final String line : Files.readAllLines(Path.of("/proc/self/status")))
            {
                final int colon = line.indexOf(':');
                if (colon > 0)
                {
                    status.put(line.substring(0, colon), line.substring(colon + 1).trim());
                }
            }
            text.append(String.format(Locale.ROOT, ", peak RSS %s (now: anonymous %s, file-backed %s)",
                status.getOrDefault("VmHWM", "?"), status.getOrDefault("RssAnon", "?"),
                status.getOrDefault("RssFile", "?")));
        }
        catch (final IOException | RuntimeException ex)
        {
            text.append(", RSS not available here");
        }
        return text.toString();
    }

    private static AggregationResult withProgress(final MeterAggregation run, final long slots, final PrintWriter err)
    {
        final Thread bar = new Thread(() ->
        {
            try
            {
                while (!Thread.currentThread().isInterrupted())
                {
                    draw(err, run.slotsDone(), slots);
                    Thread.sleep(200);
                }
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }, "progress");
        bar.setDaemon(true);
        bar.start();
        try
        {
            return run.run();
        }
        finally
        {
            bar.interrupt();
            try
            {
                bar.join();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            draw(err, slots, slots);
            err.println();
            err.flush();
        }
    }

    private static void draw(final PrintWriter err, final long done, final long total)
    {
        final int width = 40;
        final int filled = total == 0 ? width : (int)(width * done / total);
        final StringBuilder line = new StringBuilder(80).append("\r      [");
        for (int i = 0; i < width; i++)
        {
            line.append(i < filled ? '#' : '.');
        }
        line.append(String.format(Locale.ROOT, "] %3d%% %,d/%,d MPANs", total == 0 ? 100 : done * 100 / total,
            done, total));
        err.print(line);
        err.flush();
    }
}
