package io.gbsettle.core.mhhs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.gbsettle.core.engine.Engine;
import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.files.CsvReader;
import io.gbsettle.core.files.CsvWriter;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.input.InvalidInputException;
import io.gbsettle.core.kernel.aggregate.AggregateAccumulator;
import io.gbsettle.core.kernel.aggregate.AggregationKernel;
import io.gbsettle.core.kernel.aggregate.AggregationResult;
import io.gbsettle.core.kernel.aggregate.GroupTakes;
import io.gbsettle.core.kernel.aggregate.MeterColumns;
import io.gbsettle.core.kernel.aggregate.ReadRejection;
import io.gbsettle.core.kernel.aggregate.RejectedReadConsumer;
import io.gbsettle.core.registry.GspGroup;
import io.gbsettle.core.registry.MarketRegistry;

/**
 * The reports of an aggregation run, as CSV:
 *
 * <pre>
 *   supplier_period.csv    settlement_date,settlement_period,supplier_id,gsp_group,consumption_kwh,
 *                          llf_uplifted_kwh,ggcf,corrected_mwh,estimated_share
 *   gsp_group_period.csv   settlement_date,settlement_period,gsp_group,take_mwh,llf_uplifted_mwh,correctable_mwh,
 *                          ggcf,corrected_mwh,status,reads,estimated_share
 *   exceptions.csv         stage,file,line,mpan,settlement_period,last_period,reason,reads,detail
 *                          rejected reads listed: at ingest one row per read (file and line); in aggregation one row
 *                          per MPAN, reason and run of consecutive periods (detail: their kWh)
 *   exception_summary.csv  reason,reads   (every reason, then READ, ACCEPTED, REJECTED: accepted + rejected = read)
 *   metered_volumes.csv    bm_unit_id,settlement_period,qm_mwh    supplier base BM Units, the settlement's QM
 * </pre>
 *
 * Consumption and uplift are exact decimals of the integer sums; GGCF, corrected MWh and shares are doubles.
 */
public final class MeterReports
{
    /** Supplier x GSP Group x period. */
    public static final String SUPPLIER_PERIOD_FILE = "supplier_period.csv";
    /** GSP Group x period. */
    public static final String GROUP_PERIOD_FILE = "gsp_group_period.csv";
    /** Rejected reads listed. */
    public static final String EXCEPTIONS_FILE = "exceptions.csv";
    /** Rejected reads counted. */
    public static final String EXCEPTION_SUMMARY_FILE = "exception_summary.csv";
    /** Supplier base BM Unit metered volumes. */
    public static final String METERED_FILE = DayBundle.METERED_FILE;

    private MeterReports()
    {
    }

    /**
     * Writes every report of a run into a directory.
     *
     * @param run the aggregation, after {@link MeterAggregation#run()}.
     * @param out the directory, created if missing.
     * @return rows of supplier_period.csv.
     */
    public static long write(final MeterAggregation run, final Path out)
    {
        try
        {
            Files.createDirectories(out);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create " + out, ex);
        }
        final AggregationResult result = run.result();
        final List<String> suppliers = run.tables().suppliers();
        final String date = run.store().date().toString();
        final int periods = result.periods();
        long rows = 0;
        try (CsvWriter csv = CsvWriter.create(out.resolve(SUPPLIER_PERIOD_FILE)))
        {
            csv.field("settlement_date").field("settlement_period").field("supplier_id").field("gsp_group")
                .field("consumption_kwh").field("llf_uplifted_kwh").field("ggcf").field("corrected_mwh")
                .field("estimated_share").endRecord();
            for (int p = 1; p <= periods; p++)
            {
                for (int pair = 0; pair < result.pairs(); pair++)
                {
                    final int g = result.gspGroup(pair);
                    csv.field(date).field(Integer.toString(p)).field(suppliers.get(result.supplier(pair)))
                        .field(GspGroup.id(g)).field(MeterText.scaled(result.consumptionWh(pair, p), 3))
                        .field(MeterText.scaled(result.upliftedMicroWh(pair, p), 9)).field(result.ggcf(g, p))
                        .field(result.correctedMwh(pair, p)).field(result.estimatedShare(pair, p)).endRecord();
                    rows++;
                }
            }
        }
        writeGroups(result, date, out.resolve(GROUP_PERIOD_FILE));
        writeMetered(result, suppliers, out.resolve(METERED_FILE));
        writeExceptions(run, out);
        return rows;
    }

    private static void writeGroups(final AggregationResult result, final String date, final Path file)
    {
        final int periods = result.periods();
        final long[] reads = new long[GspGroup.COUNT * periods];
        final long[] estimated = new long[GspGroup.COUNT * periods];
        for (int pair = 0; pair < result.pairs(); pair++)
        {
            for (int p = 1; p <= periods; p++)
            {
                reads[result.gspGroup(pair) * periods + p - 1] += result.reads(pair, p);
                estimated[result.gspGroup(pair) * periods + p - 1] += result.estimated(pair, p);
            }
        }
        try (CsvWriter csv = CsvWriter.create(file))
        {
            csv.field("settlement_date").field("settlement_period").field("gsp_group").field("take_mwh")
                .field("llf_uplifted_mwh").field("correctable_mwh").field("ggcf").field("corrected_mwh")
                .field("status").field("reads").field("estimated_share").endRecord();
            for (int p = 1; p <= periods; p++)
            {
                for (int g = 0; g < GspGroup.COUNT; g++)
                {
                    final long take = result.takeWh(g, p);
                    final long n = reads[g * periods + p - 1];
                    csv.field(date).field(Integer.toString(p)).field(GspGroup.id(g))
                        .field(take == GroupTakes.NONE ? "" : MeterText.scaled(take, 6))
                        .field(MeterText.scaled(result.groupUpliftedMicroWh(g, p), 12))
                        .field(MeterText.scaled(result.groupCorrectableMicroWh(g, p), 12))
                        .field(result.ggcf(g, p)).field(result.groupCorrectedMwh(g, p))
                        .field(AggregationResult.statusName(result.status(g, p))).field(Long.toString(n))
                        .field(n == 0 ? 0.0 : (double)estimated[g * periods + p - 1] / n).endRecord();
                }
            }
        }
    }

    private static void writeMetered(final AggregationResult result, final List<String> suppliers, final Path file)
    {
        try (CsvWriter csv = CsvWriter.create(file))
        {
            csv.field("bm_unit_id").field("settlement_period").field("qm_mwh").endRecord();
            for (int pair = 0; pair < result.pairs(); pair++)
            {
                final String bmUnit = MeterDayGenerator.baseBmUnit(result.gspGroup(pair),
                    suppliers.get(result.supplier(pair)));
                for (int p = 1; p <= result.periods(); p++)
                {
                    csv.field(bmUnit).field(Integer.toString(p)).field(result.correctedMwh(pair, p)).endRecord();
                }
            }
        }
    }

    private static void writeExceptions(final MeterAggregation run, final Path out)
    {
        final AggregateAccumulator sums = run.sums();
        final MeterStore store = run.store();
        final MeterColumns columns = store.columns();
        try (CsvWriter csv = CsvWriter.create(out.resolve(EXCEPTIONS_FILE)))
        {
            csv.field("stage").field("file").field("line").field("mpan").field("settlement_period")
                .field("last_period").field("reason").field("reads").field("detail").endRecord();
            final Path ingest = store.dir().resolve(MeterIngest.REJECTIONS_FILE);
            if (Files.exists(ingest))
            {
                try (CsvReader in = CsvReader.open(ingest))
                {
                    while (in.next())
                    {
                        final String period = in.field(3);
                        final boolean count = period.endsWith(" periods");
                        csv.field("ingest").field(in.field(0)).field(in.field(1)).field(in.field(2))
                            .field(count ? "" : period).field(count ? "" : period).field(in.field(4))
                            .field(count ? period.substring(0, period.indexOf(' ')) : "1").field(in.field(5))
                            .endRecord();
                    }
                }
            }
            final RunWriter runs = new RunWriter(csv);
            final long[] mask = run.keyMask();
            for (int i = 0; i < sums.rejectedSlotCount(); i++)
            {
                final int slot = sums.rejectedSlot(i);
                runs.mpan = store.mpan(slot);
                AggregationKernel.describeRejections(columns, mask, slot, runs);
                runs.flush();
            }
        }
        try (CsvWriter csv = CsvWriter.create(out.resolve(EXCEPTION_SUMMARY_FILE)))
        {
            csv.field("reason").field("reads").endRecord();
            long rejected = 0;
            for (int r = 0; r < ReadRejection.COUNT; r++)
            {
                rejected += run.rejected(r);
                csv.field(ReadRejection.name(r)).field(Long.toString(run.rejected(r))).endRecord();
            }
            csv.field("READ").field(Long.toString(run.readsRead())).endRecord();
            csv.field("ACCEPTED").field(Long.toString(sums.acceptedTotal())).endRecord();
            csv.field("REJECTED").field(Long.toString(rejected)).endRecord();
        }
    }

    /** Writes a slot's rejected reads as runs of consecutive periods with the same reason. */
    private static final class RunWriter implements RejectedReadConsumer
    {
        private final CsvWriter csv;
        long mpan;
        private int reason = -1;
        private int first;
        private int last;
        private long wh;

        RunWriter(final CsvWriter csv)
        {
            this.csv = csv;
        }

        @Override
        public void rejected(final int slot, final int period, final int why, final int value)
        {
            if (why != reason || period != last + 1)
            {
                flush();
                reason = why;
                first = period;
                wh = 0;
            }
            last = period;
            wh += value;
        }

        void flush()
        {
            if (reason >= 0)
            {
                csv.field("aggregate").field("").field("").field(Long.toString(mpan)).field(Integer.toString(first))
                    .field(Integer.toString(last)).field(ReadRejection.name(reason))
                    .field(Integer.toString(last - first + 1)).field(MeterText.scaled(wh, 3) + " kWh").endRecord();
                reason = -1;
            }
        }
    }

    /**
     * Feeds a day bundle: replaces the bundle's metered volumes of the aggregated supplier base BM Units with the
     * aggregated ones (other BM Units' rows are kept as they are), so that {@code bsc settle} settles on them.
     *
     * @param aggregatedMetered the {@code metered_volumes.csv} written by {@link #write}.
     * @param bundle            the bundle directory.
     * @return how many rows were replaced or added.
     */
    public static int feedBundle(final Path aggregatedMetered, final Path bundle)
    {
        final List<InputProblem> problems = new ArrayList<>();
        final List<String[]> ours = meteredRows(aggregatedMetered, problems);
        final Set<String> units = new HashSet<>();
        for (final String[] row : ours)
        {
            units.add(row[0]);
        }
        final Path target = bundle.resolve(DayBundle.METERED_FILE);
        final List<String[]> kept = new ArrayList<>();
        for (final String[] row : meteredRows(target, problems))
        {
            if (!units.contains(row[0]))
            {
                kept.add(row);
            }
        }
        if (!problems.isEmpty())
        {
            throw new InvalidInputException("cannot feed the metered volumes to " + bundle, problems);
        }
        try (CsvWriter csv = CsvWriter.create(target, List.of("bm_unit_id", "settlement_period", "qm_mwh")))
        {
            for (final String[] row : kept)
            {
                csv.field(row[0]).field(row[1]).field(row[2]).endRecord();
            }
            for (final String[] row : ours)
            {
                csv.field(row[0]).field(row[1]).field(row[2]).endRecord();
            }
        }
        return ours.size();
    }

    /**
     * Publishes the aggregated supplier BM Unit metered volumes to the engine as {@code METERED_VOLUME} records from
     * {@link EventSource#AGGREGATION}: each replaces the BM Unit's metered volume of the period (same business key),
     * so the next settlement run of the day settles on them.
     *
     * @param aggregatedMetered the {@code metered_volumes.csv} written by {@link #write}.
     * @param registry          the registry the engine runs with.
     * @param epochDay          the Settlement Day.
     * @param engine            the engine.
     * @return the position of the last record submitted, or -1 when there was none.
     * @throws InvalidInputException if the file is malformed or names a BM Unit the registry does not know.
     */
    public static long feedEngine(final Path aggregatedMetered, final MarketRegistry registry, final long epochDay,
        final Engine engine)
    {
        final List<InputProblem> problems = new ArrayList<>();
        long last = -1;
        long record = 0;
        for (final String[] row : meteredRows(aggregatedMetered, problems))
        {
            final int unit = registry.bmUnitIndex(row[0]);
            if (unit == MarketRegistry.NO_INDEX)
            {
                problems.add(new InputProblem(aggregatedMetered.getFileName().toString(), Integer.parseInt(row[3]),
                    row[0], "bm_unit_id", "BM Unit " + row[0] + " is not in the registry"));
                continue;
            }
            last = engine.submitMetered(EventSource.AGGREGATION, record++, epochDay, Integer.parseInt(row[1]), unit,
                Double.parseDouble(row[2]));
        }
        if (!problems.isEmpty())
        {
            throw new InvalidInputException("cannot publish the metered volumes of " + aggregatedMetered, problems);
        }
        return last;
    }

    /**
     * Reads a {@code metered_volumes.csv} ({@code bm_unit_id,settlement_period,qm_mwh}) as text rows
     * {@code {bm_unit_id, settlement_period, qm_mwh, line}}; a file without those columns adds a problem and gives no
     * rows.
     */
    private static List<String[]> meteredRows(final Path file, final List<InputProblem> problems)
    {
        final List<String[]> rows = new ArrayList<>();
        try (CsvReader in = CsvReader.open(file))
        {
            final int[] c = in.requireColumns(problems, "bm_unit_id", "settlement_period", "qm_mwh");
            while (problems.isEmpty() && in.next())
            {
                rows.add(new String[] {in.field(c[0]), in.field(c[1]), in.field(c[2]), Integer.toString(in.line())});
            }
        }
        return rows;
    }
}
