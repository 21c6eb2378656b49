package io.gbsettle.core.mhhs;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.gbsettle.core.kernel.aggregate.AggregationKeys;
import io.gbsettle.core.kernel.aggregate.GroupTakes;
import io.gbsettle.core.kernel.aggregate.LossFactors;
import io.gbsettle.core.kernel.aggregate.MeterColumns;
import io.gbsettle.core.kernel.aggregate.ReadRejection;
import io.gbsettle.core.registry.GspGroup;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.time.EpochDays;
import io.gbsettle.core.time.SettlementCalendar;

/**
 * Generates a realistic, deterministic Settlement Day of meter-point half-hourly reads straight into a
 * {@link MeterStore} (and, optionally, as the flat files of {@link MeterFlows} that {@link MeterIngest} reads back
 * into the same store): the same registry, seed, date and size give the same bytes whatever the thread count.
 *
 * <ul>
 *   <li>MPANs across the 14 GSP Groups in proportion to their customers, each with the prefix of its distributor
 *       and a valid check digit;</li>
 *   <li>suppliers: the registry's supplier parties (those with base BM Units {@code 2__<gsp letter><party>000}),
 *       with skewed market shares (supplier s weighs 1/(r + 1 + s mod 3) for a pseudo-random rank r drawn from the
 *       seed: a few large suppliers and a long tail);</li>
 *   <li>eight classes: domestic unrestricted (PC1, LLFC 101) and Economy 7 (PC2, 102), non-domestic (PC3, 103; PC4,
 *       104; maximum demand 105), large half-hourly sites (200, not corrected), small-scale solar export (300,
 *       export), and a rare new class 999 whose LLF is published for all but the last 8 periods;</li>
 *   <li>load shapes by class over local clock time (morning and evening peaks, night storage heating, office
 *       hours, a solar arch), a per-meter size and +/-15 % noise per period;</li>
 *   <li>1 meter in 64 estimated for the whole day and 1 read in 256 otherwise; 1 meter in 2,048 stopped
 *       reporting for the last 1-8 periods; 1 in 8,192 with no registration effective on the day; 1 in 2 million
 *       with one negative read;</li>
 *   <li>LLFs per distributor and class, higher at peak; GSP Group Takes above the uplifted volumes by 1 to 2.5 %
 *       of the correctable volume (the unallocated energy GSP Group Correction shares out: GGCF 1.01 to 1.025).</li>
 * </ul>
 */
public final class MeterDayGenerator
{
    static final String[] CLASS_LLFC = {"101", "102", "103", "104", "105", "200", "300", "999"};
    private static final double[] CLASS_WEIGHT = {0.775, 0.10, 0.06, 0.01, 0.01, 0.01, 0.034, 0.001};
    private static final boolean[] CLASS_EXPORT = {false, false, false, false, false, false, true, false};
    private static final boolean[] CLASS_CORRECTABLE = {true, true, true, true, true, false, false, true};
    private static final double[] CLASS_MEAN_WH = {170, 220, 450, 600, 4_000, 40_000, 130, 170};
    private static final double[] CLASS_LLF = {1.060, 1.060, 1.050, 1.050, 1.040, 1.020, 1.000, 1.060};
    private static final int NEW_CLASS = 7;
    private static final int NEW_CLASS_UNPUBLISHED_PERIODS = 8;
    private static final int CLASSES = CLASS_LLFC.length;
    /** Customers per GSP Group (millions, rounded public figures), by GSP Group index. */
    private static final double[] GROUP_WEIGHT =
        {3.6, 2.6, 2.3, 1.5, 2.5, 1.6, 2.4, 3.0, 2.3, 1.1, 1.6, 2.3, 2.0, 0.8};
    private static final long UNKNOWN_MPAN = 9_900_000_000_017L;

    /**
     * What was generated.
     *
     * @param slots          MPANs.
     * @param periods        periods of the day.
     * @param keys           aggregation keys.
     * @param suppliers      suppliers.
     * @param reads          reads in the store.
     * @param fileBytes      bytes of flat files written (0 without files).
     * @param files          flat files written.
     * @param planted        reads planted in the D0036 files that ingest must reject, by {@link ReadRejection}
     *                       reason (all 0 without files).
     */
    public record Summary(
        int slots, int periods, int keys, int suppliers, long reads, long fileBytes, int files, long[] planted)
    {
    }

    private final MarketRegistry registry;
    private final long seed;
    private final LocalDate date;
    private final int mpans;
    private final int periods;
    private final int[] halfHour;
    private final double[][] shapeWh;
    private final List<String> suppliers = new ArrayList<>();
    private final double[] supplierShare;
    private final AggregationKeys keys = new AggregationKeys();
    private final List<String> llfcs = new ArrayList<>();
    private final LossFactors lossFactors;
    private int[] keyStart;
    private int[] keyClass;

    private MeterDayGenerator(final MarketRegistry registry, final long seed, final LocalDate date, final int mpans)
    {
        this.registry = registry;
        this.seed = seed;
        this.date = date;
        this.mpans = mpans;
        final long epochDay = date.toEpochDay();
        this.periods = new SettlementCalendar(date, date).periodsIn(epochDay);
        this.halfHour = new int[periods];
        for (int p = 1; p <= periods; p++)
        {
            halfHour[p - 1] = periods == 46 ? (p <= 2 ? p - 1 : p + 1) : periods == 50 ? (p <= 4 ? p - 1 : p - 3) :
                p - 1;
        }
        this.shapeWh = new double[CLASSES][48];
        for (int c = 0; c < CLASSES; c++)
        {
            double sum = 0;
            for (int h = 0; h < 48; h++)
            {
                shapeWh[c][h] = shape(c, h);
                sum += shapeWh[c][h];
            }
            for (int h = 0; h < 48; h++)
            {
                shapeWh[c][h] *= CLASS_MEAN_WH[c] * 48 / sum;
            }
        }
        for (int party = 0; party < registry.partyCount(); party++)
        {
            final String id = registry.partyId(party);
            if (registry.bmUnitIndex(baseBmUnit(0, id)) != MarketRegistry.NO_INDEX)
            {
                suppliers.add(id);
            }
        }
        if (suppliers.isEmpty())
        {
            throw new IllegalArgumentException("the registry has no supplier base BM Units (2__<gsp><party>000)");
        }
        supplierShare = new double[suppliers.size()];
        double total = 0;
        for (int s = 0; s < supplierShare.length; s++)
        {
            final int rank = (int)Long.remainderUnsigned(mix(seed + s) , supplierShare.length);
            supplierShare[s] = 1.0 / (rank + 1 + s % 3);
            total += supplierShare[s];
        }
        for (int s = 0; s < supplierShare.length; s++)
        {
            supplierShare[s] /= total;
        }
        lossFactors = new LossFactors(GspGroup.COUNT * CLASSES, periods);
        for (int g = 0; g < GspGroup.COUNT; g++)
        {
            for (int c = 0; c < CLASSES; c++)
            {
                llfcs.add(Distributors.llfcId(g, CLASS_LLFC[c]));
                for (int p = 1; p <= periods; p++)
                {
                    if (c == NEW_CLASS && p > periods - NEW_CLASS_UNPUBLISHED_PERIODS)
                    {
                        continue;
                    }
                    final double peak = shape(0, halfHour[p - 1]) / 1.6;
                    final double llf = CLASS_LLF[c] + 0.012 * peak + 0.002 * (g % 4);
                    lossFactors.set(g * CLASSES + c, p, (int)Math.round(llf * 1000) * 1000);
                }
            }
        }
    }

    /**
     * The id of a supplier's base BM Unit in a GSP Group, as {@code SyntheticRegistry} names it.
     *
     * @param gspGroup GSP Group index.
     * @param supplier supplier party id.
     * @return {@code 2__<gsp letter><party id>000}.
     */
    public static String baseBmUnit(final int gspGroup, final String supplier)
    {
        return "2__" + GspGroup.id(gspGroup).charAt(1) + supplier + "000";
    }

    /**
     * Generates a day.
     *
     * @param registry the registry whose suppliers the MPANs are registered to.
     * @param seed     any value.
     * @param date     the Settlement Day.
     * @param mpans    how many MPANs (1 .. {@link MeterStore#MAX_SLOTS}).
     * @param storeDir where to create the store.
     * @param filesDir where to write the flat files too, or null for none.
     * @param threads  generator threads (the result does not depend on it).
     * @return what was generated.
     */
    public static Summary generate(
        final MarketRegistry registry, final long seed, final LocalDate date, final int mpans, final Path storeDir,
        final Path filesDir, final int threads)
    {
        return new MeterDayGenerator(registry, seed, date, mpans).run(storeDir, filesDir, threads);
    }

    private Summary run(final Path storeDir, final Path filesDir, final int threads)
    {
        apportion();
        final long[] whByKey = new long[keys.count() * periods];
        final long reads;
        try (MeterStore store = MeterStore.create(storeDir, date, periods, mpans))
        {
            final Filler[] fillers = new Filler[threads];
            final Thread[] running = new Thread[threads];
            for (int t = 0; t < threads; t++)
            {
                fillers[t] = new Filler(store, (int)((long)mpans * t / threads),
                    (int)((long)mpans * (t + 1) / threads));
                running[t] = new Thread(fillers[t], "generate-" + t);
                running[t].start();
            }
            long total = 0;
            for (int t = 0; t < threads; t++)
            {
                join(running[t]);
                if (fillers[t].failure != null)
                {
                    throw new IllegalStateException("generator thread failed", fillers[t].failure);
                }
                for (int i = 0; i < whByKey.length; i++)
                {
                    whByKey[i] += fillers[t].wh[i];
                }
                total += fillers[t].reads;
            }
            reads = total;
            store.buildIndex();
            tables(whByKey).write(storeDir);
            store.putCounter("readsRead", reads);
            if (filesDir == null)
            {
                return new Summary(mpans, periods, keys.count(), suppliers.size(), reads, 0, 0,
                    new long[ReadRejection.COUNT]);
            }
            return writeFiles(store, filesDir, reads);
        }
    }

    private static void join(final Thread thread)
    {
        try
        {
            thread.join();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }

    /** Keys in (GSP Group, supplier, class) order, each with a run of slots in proportion to its weight. */
    private void apportion()
    {
        double groupTotal = 0;
        for (final double w : GROUP_WEIGHT)
        {
            groupTotal += w;
        }
        final List<int[]> runs = new ArrayList<>();
        double cumulative = 0;
        long previous = 0;
        for (int g = 0; g < GspGroup.COUNT; g++)
        {
            for (int s = 0; s < suppliers.size(); s++)
            {
                for (int c = 0; c < CLASSES; c++)
                {
                    cumulative += GROUP_WEIGHT[g] / groupTotal * supplierShare[s] * CLASS_WEIGHT[c];
                    final long end = Math.min(mpans, Math.round(cumulative * mpans));
                    if (end > previous)
                    {
                        final int key = keys.key(s, g, g * CLASSES + c, CLASS_EXPORT[c], CLASS_CORRECTABLE[c]);
                        runs.add(new int[] {key, (int)previous, c});
                        previous = end;
                    }
                }
            }
        }
        keyStart = new int[keys.count() + 1];
        keyClass = new int[keys.count()];
        for (final int[] run : runs)
        {
            keyStart[run[0]] = run[1];
            keyClass[run[0]] = run[2];
        }
        keyStart[keys.count()] = mpans;
    }

    private MeterDayTables tables(final long[] whByKey)
    {
        final GroupTakes takes = new GroupTakes(periods);
        final long[] uplifted = new long[GspGroup.COUNT * periods];
        final long[] correctable = new long[GspGroup.COUNT * periods];
        for (int k = 0; k < keys.count(); k++)
        {
            final int g = keys.gspGroup(k);
            for (int p = 1; p <= periods; p++)
            {
                final int f = lossFactors.get(keys.llfc(k), p);
                if (f != LossFactors.NONE)
                {
                    final long up = (keys.export(k) ? -1 : 1) * whByKey[k * periods + p - 1] * f;
                    uplifted[g * periods + p - 1] += up;
                    correctable[g * periods + p - 1] += keys.correctable(k) && !keys.export(k) ? up : 0;
                }
            }
        }
        for (int g = 0; g < GspGroup.COUNT; g++)
        {
            for (int p = 1; p <= periods; p++)
            {
                final double error = 0.0175 + 0.0075 * Math.sin(2 * Math.PI * p / periods + g);
                takes.set(g, p, Math.round((uplifted[g * periods + p - 1] +
                    correctable[g * periods + p - 1] * error) / 1e6));
            }
        }
        return new MeterDayTables(periods, keys, suppliers, llfcs, lossFactors, takes);
    }

    /** Fills a range of slots: MPAN, key, reads; sums accepted Wh per key for the takes. */
    private final class Filler implements Runnable
    {
        final MeterStore store;
        final int from;
        final int to;
        final long[] wh = new long[keys.count() * periods];
        long reads;
        volatile Throwable failure;

        Filler(final MeterStore store, final int from, final int to)
        {
            this.store = store;
            this.from = from;
            this.to = to;
        }

        @Override
        public void run()
        {
            try
            {
                fill();
            }
            catch (final RuntimeException | Error ex)
            {
                failure = ex;
            }
        }

        private void fill()
        {
            final MeterColumns columns = store.columns();
            int key = keyOf(from);
            for (int slot = from; slot < to; slot++)
            {
                while (slot >= keyStart[key + 1])
                {
                    key++;
                }
                final int g = keys.gspGroup(key);
                final int c = keyClass[key];
                long r = mix(seed ^ (slot * 0x9E37_79B9_7F4A_7C15L));
                store.putMpan(slot, mpan(g, slot));
                final boolean registered = (r & 8191) != 0;
                columns.putKey(slot, registered ? key : MeterColumns.NO_KEY);
                r = mix(r);
                final double u = ((r >>> 11) & 0xFFFF) / 65536.0 + ((r >>> 27) & 0xFFFF) / 65536.0 +
                    ((r >>> 43) & 0xFFFF) / 65536.0;
                final double size = Math.exp((u - 1.5) * 0.9);
                final boolean allEstimated = ((r >>> 5) & 63) == 0;
                r = mix(r);
                final int last = (r & 2047) == 0 ? periods - 1 - (int)((r >>> 11) & 7) : periods;
                final int negative = ((r >>> 20) & 0x1F_FFFF) == 7 ? 1 + (int)((r >>> 41) % periods) : 0;
                final int published = c == NEW_CLASS ? periods - NEW_CLASS_UNPUBLISHED_PERIODS : periods;
                final double[] shape = shapeWh[c];
                long estimated = 0;
                for (int p = 1; p <= last; p++)
                {
                    r = mix(r);
                    final double noise = 0.85 + 0.3 * ((r >>> 40) / (double)(1L << 24));
                    int value = (int)(shape[halfHour[p - 1]] * size * noise);
                    if (p == negative)
                    {
                        value = -1 - value;
                    }
                    if (allEstimated || (r & 255) == 0)
                    {
                        estimated |= 1L << (p - 1);
                    }
                    columns.putValue(slot, p, value);
                    if (registered && value >= 0 && p <= published)
                    {
                        wh[key * periods + p - 1] += value;
                    }
                }
                columns.mergeMasks(slot, last == 64 ? -1L : (1L << last) - 1, estimated);
                reads += last;
            }
        }

        private int keyOf(final int slot)
        {
            int lo = 0;
            int hi = keys.count() - 1;
            while (lo < hi)
            {
                final int mid = (lo + hi + 1) >>> 1;
                if (keyStart[mid] <= slot)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid - 1;
                }
            }
            return lo;
        }
    }

    private long mpan(final int gspGroup, final int slot)
    {
        final long serial = ((slot * 7_919L) + (seed & 0xFFFF_FFFFL)) % 10_000_000_000L;
        final long first12 = Distributors.mpanPrefix(gspGroup) * 10_000_000_000L + serial;
        return first12 * 10 + Distributors.checkDigit(first12);
    }

    private static double shape(final int c, final int h)
    {
        final double t = h + 0.5;
        final double morning = Math.exp(-(t - 15.5) * (t - 15.5) / 8);
        final double evening = Math.exp(-(t - 36.5) * (t - 36.5) / 18);
        final boolean night = h >= 1 && h < 15;
        final boolean office = h >= 16 && h < 36;
        switch (c)
        {
            case 1:
                return (night ? 2.0 : 0.7) + 0.8 * evening;
            case 2:
            case 4:
            case 5:
                return 0.4 + (office ? 1.2 : 0) + 0.2 * morning;
            case 3:
                return (night ? 1.5 : 0.5) + (office ? 0.9 : 0);
            case 6:
                return h >= 12 && h < 38 ? Math.pow(Math.sin(Math.PI * (t - 12) / 26), 1.5) : 0;
            default:
                return (night ? 0.35 : 0.8) + 0.6 * morning + 1.2 * evening;
        }
    }

    static long mix(final long z0)
    {
        long z = z0 + 0x9E37_79B9_7F4A_7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    // --- flat files ------------------------------------------------------------------------------------------------

    private Summary writeFiles(final MeterStore store, final Path dir, final long reads)
    {
        final long[] planted = new long[ReadRejection.COUNT];
        final MeterColumns columns = store.columns();
        final String day = Integer.toString(EpochDays.yyyymmdd(date.toEpochDay()));
        final String nextDay = Integer.toString(EpochDays.yyyymmdd(date.toEpochDay() + 1));
        final String ended = Integer.toString(EpochDays.yyyymmdd(date.toEpochDay() - 1));
        long bytes = 0;
        int files = 0;
        try
        {
            Files.createDirectories(dir);
            try (FlowWriter reg = new FlowWriter(dir.resolve("registrations" + MeterFlows.REGISTRATION_SUFFIX),
                "ZHV|REG0000001|G0001001|R|REGS|X|BSCS|" + day + "000000||||OPER|"))
            {
                for (int slot = 0; slot < mpans; slot++)
                {
                    final int key = keyAt(slot);
                    final boolean registered = columns.key(slot) != MeterColumns.NO_KEY;
                    reg.record("REG|" + store.mpan(slot) + '|' + suppliers.get(keys.supplier(key)) + '|' +
                        GspGroup.id(keys.gspGroup(key)) + '|' + CLASS_LLFC[keyClass[key]] + '|' +
                        (keys.export(key) ? 'E' : 'I') + '|' + (keys.correctable(key) ? 'T' : 'F') + "|20240401|" +
                        (registered ? "" : ended) + '|');
                }
                bytes += reg.close("ZPT|REG0000001|");
                files++;
            }
            for (int g = 0; g < GspGroup.COUNT; g++)
            {
                try (FlowWriter llf = new FlowWriter(dir.resolve("llf_" + Distributors.mpid(g) +
                    MeterFlows.D0265_SUFFIX), "ZHD||D0265001|R|" + Distributors.mpid(g) + "|G|CAPG|" + day +
                    "000000||||OPER"))
                {
                    llf.record("DIS|" + Distributors.mpid(g));
                    for (int c = 0; c < CLASSES; c++)
                    {
                        llf.record("LLF|" + CLASS_LLFC[c]);
                        llf.record("SDT|" + day);
                        for (int p = 1; p <= periods; p++)
                        {
                            final int f = lossFactors.get(g * CLASSES + c, p);
                            if (f != LossFactors.NONE)
                            {
                                llf.record("SPL|" + p + '|' + MeterText.scaled(f, 6));
                            }
                        }
                    }
                    bytes += llf.closePool();
                    files++;
                }
            }
            Files.copy(store.dir().resolve(MeterDayTables.TAKE_FILE), dir.resolve(MeterFlows.TAKE_FILE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            files++;

            final FlowWriter[] d0036 = new FlowWriter[suppliers.size()];
            final int[] lastSlot = new int[suppliers.size()];
            for (int slot = 0; slot < mpans; slot++)
            {
                final int key = keyAt(slot);
                final int s = keys.supplier(key);
                if (d0036[s] == null)
                {
                    d0036[s] = new FlowWriter(dir.resolve("d0036_" + suppliers.get(s) + MeterFlows.D0036_SUFFIX),
                        "ZHV|D" + (1_000_000 + s) + "|D0036001|C|HHDC|X|" + suppliers.get(s) + '|' + day +
                        "000000||||OPER|");
                    if (files == GspGroup.COUNT + 2)
                    {
                        plant(d0036[s], store.mpan(slot), suppliers.get(s), day, nextDay, planted);
                    }
                    files++;
                }
                final FlowWriter out = d0036[s];
                out.record("101|" + store.mpan(slot) + (keys.export(key) ? "|AE|" : "|AI|") + suppliers.get(s) + '|');
                out.record("102|" + day + '|');
                final long present = columns.presentMask(slot);
                final long estimated = columns.estimatedMask(slot);
                for (int p = 1; p <= periods && (present & (1L << (p - 1))) != 0; p++)
                {
                    out.record(((estimated & (1L << (p - 1))) != 0 ? "103|E|" : "103|A|") +
                        MeterText.scaled(columns.value(slot, p), 3) + '|');
                }
                lastSlot[s] = slot;
            }
            for (int s = 0; s < suppliers.size(); s++)
            {
                if (d0036[s] != null)
                {
                    if (d0036[s].planted && columns.presentMask(lastSlot[s]) == columns.fullMask())
                    {
                        d0036[s].record("103|A|1.5|");
                        planted[ReadRejection.PERIOD_OUT_OF_RANGE]++;
                    }
                    bytes += d0036[s].close("ZPT|D" + (1_000_000 + s) + '|');
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write the meter flat files in " + dir, ex);
        }
        return new Summary(mpans, periods, keys.count(), suppliers.size(), reads, bytes, files, planted);
    }

    private static void plant(
        final FlowWriter out, final long mpan, final String supplier, final String day, final String nextDay,
        final long[] planted) throws IOException
    {
        out.planted = true;
        out.record("101|" + mpan + "|AI|" + supplier + '|');
        out.record("102|" + day + '|');
        out.record("103|A|12.3x|");
        planted[ReadRejection.MALFORMED]++;
        out.record("101|" + mpan + "|AI|" + supplier + '|');
        out.record("102|" + nextDay + '|');
        out.record("103|A|1.0|");
        out.record("103|A|1.0|");
        planted[ReadRejection.WRONG_DATE] += 2;
        out.record("101|" + mpan + "|AI|" + supplier + '|');
        out.record("102|" + day + '|');
        out.record("103|E|0.001|");
        planted[ReadRejection.SUPERSEDED]++;
        out.record("101|" + UNKNOWN_MPAN + "|AI|" + supplier + '|');
        out.record("102|" + day + '|');
        out.record("103|A|1.0|");
        out.record("103|A|2.0|");
        planted[ReadRejection.UNKNOWN_MPAN] += 2;
    }

    private int keyAt(final int slot)
    {
        int lo = 0;
        int hi = keys.count() - 1;
        while (lo < hi)
        {
            final int mid = (lo + hi + 1) >>> 1;
            if (keyStart[mid] <= slot)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** One flat file: header, records counted, trailer. */
    private static final class FlowWriter implements AutoCloseable
    {
        private final OutputStream out;
        private long bytes;
        private long records;
        private int checksum;
        private boolean closed;
        boolean planted;

        FlowWriter(final Path file, final String header) throws IOException
        {
            out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            line(header);
        }

        void record(final String text) throws IOException
        {
            records++;
            line(text);
        }

        private void line(final String text) throws IOException
        {
            final byte[] b = text.getBytes(StandardCharsets.US_ASCII);
            checksum = MeterText.xor32(checksum, text);
            out.write(b);
            out.write('\n');
            bytes += b.length + 1;
        }

        long close(final String trailerStart) throws IOException
        {
            line(trailerStart + records + "||1|20000101000000|");
            close();
            return bytes;
        }

        /** The pool trailer: record count with header and trailer, XOR-32 of every record before it. */
        long closePool() throws IOException
        {
            line("ZPT|" + (records + 2) + '|' + (checksum & 0xFFFF_FFFFL));
            close();
            return bytes;
        }

        @Override
        public void close() throws IOException
        {
            if (!closed)
            {
                closed = true;
                out.close();
            }
        }
    }
}
