package io.gbsettle.core.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.gbsettle.core.registry.BmUnitDay;
import io.gbsettle.core.registry.EnergyAccount;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.time.SettlementCalendar;
import io.gbsettle.core.time.SettlementRun;

/**
 * Writes a synthetic, deterministic, plausible day bundle for a registry (the same registry, seed, date and run give
 * the same bytes): the registry itself, a Physical Notification per BM-participating unit and period, Bid-Offer
 * pairs ±1..±3 for transmission, interconnector and virtual units, a few hundred acceptances (some SO-flagged, some
 * shorter than CADL, some spanning periods; never overlapping on one unit and always inside pair ±1), DISBSAD,
 * NETBSAD, MID, LoLP, metered volumes near FPN plus accepted volume (supplier demand balancing generation less 2 %
 * losses), ECVNs (thousands a period, matching sellers' energy to buyers' needs, two lines in five through a trader
 * that nets to zero), a few MVRNs and ABSVD rows.
 *
 * <p>The run matters to the metered volumes only: from R1 on, each reconciliation run revises the metered volumes of
 * about 3 % of the BM Units by up to ±5 % (a later run keeps the earlier runs' revisions: RF carries those of R1, R2,
 * R3 and its own), drawn from a random stream of their own, so that every other file is the same for every run and
 * settling the SF bundle and then the R1 bundle of a day into one journal shows what revised metered data moves.
 *
 * <p>With {@code withErrors}, one deliberately bad row of each kind is appended to the files (unknown BM Unit and
 * party, unreadable numbers, wrong day and period, a duplicate, a missing field, a row that is not an object), and
 * {@link Summary#planted()} says where: a loader must report exactly those lines and keep every other row.
 *
 * <p>{@code mid.json} and {@code netbsad.json} use the API's {@code {"data":[...]}} envelope, the other Insights
 * files a bare array, so both forms are exercised; every JSON row is on a line of its own.
 */
public final class SyntheticBundle
{
    private static final double LOSS_FRACTION = 0.02;
    /** Share of the BM Units whose metered volumes each reconciliation run revises. */
    private static final double REVISED_FRACTION = 0.03;
    /** Largest relative revision of a metered volume by one run. */
    private static final double REVISED_BY = 0.05;
    private static final int RAMP_SECONDS = 120;

    /**
     * Where a deliberately bad row was written.
     *
     * @param file   the file.
     * @param line   the row's line.
     * @param reason what is wrong with it.
     */
    public record Planted(String file, int line, String reason)
    {
    }

    /**
     * What was written: valid rows per file (bad rows excluded) and the planted bad rows.
     *
     * @param periods      Settlement Periods of the day.
     * @param pnRows       PN segments.
     * @param bodRows      BOD rows.
     * @param acceptances  acceptances.
     * @param boalfRows    BOALF segments.
     * @param disbsadRows  DISBSAD rows.
     * @param netbsadRows  NETBSAD rows.
     * @param midRows      MID rows.
     * @param lolpRows     LoLP rows.
     * @param meteredRows  metered volume rows.
     * @param ecvnRows     ECVN rows.
     * @param mvrnRows     MVRN rows.
     * @param absvdRows    ABSVD rows.
     * @param planted      the bad rows, empty unless asked for.
     */
    public record Summary(
        int periods, int pnRows, int bodRows, int acceptances, int boalfRows, int disbsadRows, int netbsadRows,
        int midRows, int lolpRows, int meteredRows, int ecvnRows, int mvrnRows, int absvdRows, List<Planted> planted)
    {
    }

    private final MarketRegistry registry;
    private final BmUnitDay day;
    private final long epochDay;
    private final String date;
    private final int periods;
    private final long[] periodStart;
    private final Random random;
    private final long seed;
    private final Path dir;
    private final boolean withErrors;
    private final List<Planted> planted = new ArrayList<>();

    private final int units;
    private final char[] kind;
    private final double[] capacity;
    private final double[] base;
    private final double[][] level;
    private final double[][] fpn;
    private final double[][] accepted;
    private final double[][] metered;
    private final double[] pairWidth;

    private SyntheticBundle(
        final MarketRegistry registry, final long seed, final LocalDate date, final Path dir, final boolean withErrors)
    {
        this.registry = registry;
        this.epochDay = date.toEpochDay();
        this.date = date.toString();
        this.day = registry.newDayView();
        registry.fillDay(epochDay, day);
        final SettlementCalendar calendar = new SettlementCalendar(date, date);
        this.periods = calendar.periodsIn(epochDay);
        this.periodStart = new long[periods + 2];
        for (int p = 1; p <= periods; p++)
        {
            periodStart[p] = calendar.periodStartEpochSecond(epochDay, p);
        }
        periodStart[periods + 1] = calendar.periodEndEpochSecond(epochDay, periods);
        this.random = new Random(seed);
        this.seed = seed;
        this.dir = dir;
        this.withErrors = withErrors;
        this.units = registry.bmUnitCount();
        this.kind = new char[units];
        this.capacity = new double[units];
        this.base = new double[units];
        this.level = new double[units][];
        this.fpn = new double[units][periods + 1];
        this.accepted = new double[units][periods + 1];
        this.metered = new double[units][periods + 1];
        this.pairWidth = new double[units];
    }

    /**
     * Writes a bundle.
     *
     * @param registry   the registry (written too, as {@code parties.csv}, {@code bm_units.csv}, {@code tlf.csv}).
     * @param seed       any value.
     * @param date       the Settlement Day.
     * @param run        the settlement run written to {@code day.json}.
     * @param withErrors whether to plant one bad row of each kind.
     * @param dir        the directory, created if missing; existing bundle files are replaced.
     * @return what was written.
     * @throws UncheckedIOException if a file cannot be written.
     */
    public static Summary write(
        final MarketRegistry registry, final long seed, final LocalDate date, final SettlementRun run,
        final boolean withErrors, final Path dir)
    {
        return new SyntheticBundle(registry, seed, date, dir, withErrors).write(run);
    }

    private Summary write(final SettlementRun run)
    {
        RegistryCsv.write(registry, dir);
        writeText(DayBundle.DAY_FILE,
            "{\"settlementDate\": \"" + date + "\", \"run\": \"" + run.name() + "\"}\n");
        profileUnits();
        final int pnRows = writePn();
        final int bodRows = writeBod();
        final int[] boalf = writeBoalf();
        computeMetered();
        final int meteredRows = writeMetered(revisions(run));
        final int ecvnRows = writeEcvn();
        final int mvrnRows = writeMvrn();
        final int absvdRows = writeAbsvd();
        final int disbsadRows = writeDisbsad();
        final int netbsadRows = writeNetbsad();
        final int midRows = writeMid();
        final int lolpRows = writeLolp();
        return new Summary(periods, pnRows, bodRows, boalf[0], boalf[1], disbsadRows, netbsadRows, midRows, lolpRows,
            meteredRows, ecvnRows, mvrnRows, absvdRows, List.copyOf(planted));
    }

    // --- profiles --------------------------------------------------------------------------------------------------

    private void profileUnits()
    {
        for (int i = 0; i < units; i++)
        {
            if (!day.active(i))
            {
                kind[i] = '-';
                continue;
            }
            final String id = registry.bmUnitId(i);
            final boolean production = day.production(i);
            final double sign = production ? 1.0 : -1.0;
            if (id.startsWith("T_"))
            {
                kind[i] = 'T';
                capacity[i] = 50 + random.nextInt(850);
                base[i] = sign * capacity[i] * (production ? 0.3 + 0.6 * random.nextDouble() :
                    0.2 + 0.4 * random.nextDouble());
            }
            else if (id.startsWith("E_"))
            {
                kind[i] = 'E';
                capacity[i] = 5 + random.nextInt(45);
                base[i] = sign * capacity[i] * (0.3 + 0.6 * random.nextDouble());
            }
            else if (day.interconnector(i))
            {
                kind[i] = 'I';
                capacity[i] = 200 + random.nextInt(1200);
                base[i] = sign * capacity[i] * (0.2 + 0.7 * random.nextDouble());
            }
            else if (id.startsWith("V__"))
            {
                kind[i] = 'V';
                capacity[i] = 2 + random.nextInt(30);
                base[i] = sign * capacity[i] * (0.2 + 0.5 * random.nextDouble());
            }
            else
            {
                kind[i] = 'S';
                continue;
            }
            pairWidth[i] = Math.max(2, Math.round(capacity[i] * 0.1));
            final double phase = random.nextDouble() * 2 * Math.PI;
            final double swing = 0.05 + 0.2 * random.nextDouble();
            final double[] points = new double[periods + 2];
            for (int p = 1; p <= periods + 1; p++)
            {
                final double shape = 1.0 + swing * Math.sin(2 * Math.PI * (p - 1) / periods + phase);
                points[p] = Math.round(base[i] * shape);
            }
            level[i] = points;
            for (int p = 1; p <= periods; p++)
            {
                fpn[i][p] = (points[p] + points[p + 1]) / 2 * 0.5;
            }
        }
    }

    private boolean bmParticipant(final int i)
    {
        return kind[i] == 'T' || kind[i] == 'I' || kind[i] == 'V';
    }

    private double fpnAt(final int i, final long t)
    {
        int p = 1;
        while (p < periods && t >= periodStart[p + 1])
        {
            p++;
        }
        final double span = periodStart[p + 1] - periodStart[p];
        final double x = (t - periodStart[p]) / span;
        return level[i][p] + (level[i][p + 1] - level[i][p]) * x;
    }

    private int periodOf(final long t)
    {
        int p = 1;
        while (p < periods && t >= periodStart[p + 1])
        {
            p++;
        }
        return p;
    }

    // --- Insights JSON ---------------------------------------------------------------------------------------------

    private int writePn()
    {
        int rows = 0;
        try (JsonRows out = new JsonRows(DayBundle.PN_FILE, false))
        {
            for (int i = 0; i < units; i++)
            {
                if (level[i] == null)
                {
                    continue;
                }
                for (int p = 1; p <= periods; p++)
                {
                    out.row("{\"dataset\":\"PN\",\"settlementDate\":\"" + date + "\",\"settlementPeriod\":" + p +
                        ",\"timeFrom\":\"" + time(periodStart[p]) + "\",\"timeTo\":\"" + time(periodStart[p + 1]) +
                        "\",\"levelFrom\":" + (long)level[i][p] + ",\"levelTo\":" + (long)level[i][p + 1] +
                        ",\"nationalGridBmUnit\":\"" + ngId(i) + "\",\"bmUnit\":\"" + registry.bmUnitId(i) + "\"}");
                    rows++;
                }
            }
            if (withErrors)
            {
                final String other = LocalDate.ofEpochDay(epochDay - 1).toString();
                plant(DayBundle.PN_FILE, out.row("{\"dataset\":\"PN\",\"settlementDate\":\"" + other +
                    "\",\"settlementPeriod\":1,\"timeFrom\":\"" + time(periodStart[1]) + "\",\"timeTo\":\"" +
                    time(periodStart[2]) + "\",\"levelFrom\":1,\"levelTo\":1,\"bmUnit\":\"" + firstOf('T') + "\"}"),
                    "settlementDate of another day");
                plant(DayBundle.PN_FILE, out.row("42"), "a row that is not an object");
            }
        }
        return rows;
    }

    private int writeBod()
    {
        int rows = 0;
        try (JsonRows out = new JsonRows(DayBundle.BOD_FILE, false))
        {
            for (int i = 0; i < units; i++)
            {
                if (!bmParticipant(i))
                {
                    continue;
                }
                final int pairs = 1 + (random.nextInt(4) == 0 ? 2 : random.nextInt(2));
                final double offer1 = 60 + random.nextInt(60);
                final double bid1 = offer1 - 5 - random.nextInt(15);
                for (int n = 1; n <= pairs; n++)
                {
                    for (int sign = -1; sign <= 1; sign += 2)
                    {
                        final int pairId = sign * n;
                        final double offer = sign > 0 ? offer1 + 10 * (n - 1) : offer1 - 20 - 10 * (n - 1);
                        final double bid = sign > 0 ? bid1 + 10 * (n - 1) : bid1 - 20 - 10 * (n - 1);
                        final long width = (long)(sign * pairWidth[i]);
                        for (int p = 1; p <= periods; p++)
                        {
                            out.row("{\"dataset\":\"BOD\",\"settlementDate\":\"" + date + "\",\"settlementPeriod\":" +
                                p + ",\"timeFrom\":\"" + time(periodStart[p]) + "\",\"levelFrom\":" + width +
                                ",\"timeTo\":\"" + time(periodStart[p + 1]) + "\",\"levelTo\":" + width +
                                ",\"pairId\":" + pairId + ",\"offer\":" + offer + ",\"bid\":" + bid +
                                ",\"nationalGridBmUnit\":\"" + ngId(i) + "\",\"bmUnit\":\"" + registry.bmUnitId(i) +
                                "\"}");
                            rows++;
                        }
                    }
                }
            }
            if (withErrors)
            {
                plant(DayBundle.BOD_FILE, out.row("{\"settlementDate\":\"" + date + "\",\"settlementPeriod\":1," +
                    "\"timeFrom\":\"" + time(periodStart[1]) + "\",\"levelFrom\":10,\"timeTo\":\"" +
                    time(periodStart[2]) + "\",\"levelTo\":10,\"pairId\":1,\"offer\":50,\"bid\":40," +
                    "\"bmUnit\":\"T_NOSUCH-1\"}"), "unknown BM Unit");
            }
        }
        return rows;
    }

    private int[] writeBoalf()
    {
        final List<Integer> participants = new ArrayList<>();
        for (int i = 0; i < units; i++)
        {
            if (bmParticipant(i))
            {
                participants.add(i);
            }
        }
        final long dayStart = periodStart[1];
        final long dayEnd = periodStart[periods + 1];
        final List<long[]> busy = new ArrayList<>();
        for (int i = 0; i < units; i++)
        {
            busy.add(new long[0]);
        }
        int acceptances = 0;
        int rows = 0;
        long number = 1000;
        final int target = participants.isEmpty() ? 0 : Math.max(5, Math.min(300, participants.size() / 2));
        try (JsonRows out = new JsonRows(DayBundle.BOALF_FILE, false))
        {
            for (int attempt = 0; acceptances < target && attempt < target * 20; attempt++)
            {
                final int i = participants.get(random.nextInt(participants.size()));
                final boolean shortOne = random.nextInt(5) == 0;
                final long duration = shortOne ? 300 : 60L * (15 + random.nextInt(76));
                final long t0 = dayStart + 60L * random.nextInt((int)((dayEnd - dayStart - duration) / 60));
                final long t1 = t0 + duration;
                if (overlaps(busy.get(i), t0, t1))
                {
                    continue;
                }
                busy.set(i, append(busy.get(i), t0, t1));
                final boolean offer = random.nextBoolean();
                // strictly inside pair ±1, so that rounding the levels never spills into the next band
                final double delta = (offer ? 1 : -1) * Math.max(1, Math.floor(pairWidth[i] * (0.5 +
                    0.45 * random.nextDouble())));
                final boolean so = random.nextInt(7) == 0;
                final boolean stor = offer && random.nextInt(30) == 0;
                final long acceptedAt = t0 - 60L * (2 + random.nextInt(18));
                number++;
                acceptances++;
                // Deviation from FPN: ramp up over RAMP_SECONDS, hold, ramp down; split at period boundaries since
                // the FPN (and so the absolute level) bends there.
                final long ramp = Math.min(RAMP_SECONDS, duration / 2);
                final long[] knots = knots(t0, t1, ramp);
                for (int k = 0; k + 1 < knots.length; k++)
                {
                    final long a = knots[k];
                    final long b = knots[k + 1];
                    final double la = Math.round((fpnAt(i, a) + deviation(a, t0, t1, ramp, delta)) * 1000) / 1000.0;
                    final double lb = Math.round((fpnAt(i, b) + deviation(b, t0, t1, ramp, delta)) * 1000) / 1000.0;
                    out.row("{\"dataset\":\"BOALF\",\"settlementDate\":\"" + date + "\",\"settlementPeriodFrom\":" +
                        periodOf(a) + ",\"settlementPeriodTo\":" + periodOf(b - 1) + ",\"timeFrom\":\"" + time(a) +
                        "\",\"timeTo\":\"" + time(b) + "\",\"levelFrom\":" + la + ",\"levelTo\":" + lb +
                        ",\"acceptanceNumber\":" + number + ",\"acceptanceTime\":\"" + time(acceptedAt) +
                        "\",\"deemedBoFlag\":false,\"soFlag\":" + so + ",\"amendmentFlag\":\"ORI\",\"storFlag\":" +
                        stor + ",\"rrFlag\":false,\"nationalGridBmUnit\":\"" + ngId(i) + "\",\"bmUnit\":\"" +
                        registry.bmUnitId(i) + "\"}");
                    rows++;
                }
                for (int p = 1; p <= periods; p++)
                {
                    accepted[i][p] += integrateDeviation(periodStart[p], periodStart[p + 1], t0, t1, ramp, delta);
                }
            }
            if (withErrors)
            {
                final String unit = firstOf('T');
                plant(DayBundle.BOALF_FILE, out.row("{\"settlementDate\":\"" + date + "\",\"timeFrom\":\"" +
                    time(periodStart[1]) + "\",\"timeTo\":\"" + time(periodStart[2]) + "\",\"levelFrom\":1," +
                    "\"levelTo\":1,\"acceptanceTime\":\"" + time(periodStart[1] - 600) + "\",\"bmUnit\":\"" + unit +
                    "\"}"), "missing acceptanceNumber");
                plant(DayBundle.BOALF_FILE, out.row("{\"settlementDate\":\"" + date + "\",\"timeFrom\":\"" +
                    time(periodStart[1] - 2 * 86_400) + "\",\"timeTo\":\"" + time(periodStart[1] - 2 * 86_400 + 600) +
                    "\",\"levelFrom\":1,\"levelTo\":1,\"acceptanceNumber\":1,\"acceptanceTime\":\"" +
                    time(periodStart[1] - 3 * 86_400) + "\",\"bmUnit\":\"" + unit + "\"}"),
                    "a segment outside the day");
            }
        }
        return new int[] {acceptances, rows};
    }

    /**
     * The times where the absolute level bends: the acceptance's own corners and the period boundaries inside it.
     */
    private long[] knots(final long t0, final long t1, final long ramp)
    {
        final List<Long> knots = new ArrayList<>(List.of(t0, t0 + ramp, t1 - ramp, t1));
        for (int p = 2; p <= periods; p++)
        {
            if (periodStart[p] > t0 && periodStart[p] < t1)
            {
                knots.add(periodStart[p]);
            }
        }
        return knots.stream().distinct().sorted().mapToLong(Long::longValue).toArray();
    }

    private static double deviation(final long t, final long t0, final long t1, final long ramp, final double delta)
    {
        if (t <= t0 || t >= t1)
        {
            return 0.0;
        }
        if (t < t0 + ramp)
        {
            return delta * (t - t0) / ramp;
        }
        if (t > t1 - ramp)
        {
            return delta * (t1 - t) / ramp;
        }
        return delta;
    }

    /**
     * ∫ deviation dt over [a, b], in MWh: the trapezoid of the acceptance, clipped to the window.
     */
    private static double integrateDeviation(
        final long a, final long b, final long t0, final long t1, final long ramp, final double delta)
    {
        final long[] points = {t0, t0 + ramp, t1 - ramp, t1};
        double mwh = 0.0;
        for (int k = 0; k < 3; k++)
        {
            final long from = Math.max(a, points[k]);
            final long to = Math.min(b, points[k + 1]);
            if (to > from)
            {
                mwh += (deviation(from, t0, t1, ramp, delta) + deviation(to, t0, t1, ramp, delta)) / 2 *
                    (to - from) / 3600.0;
            }
        }
        return mwh;
    }

    private static boolean overlaps(final long[] intervals, final long from, final long to)
    {
        for (int k = 0; k < intervals.length; k += 2)
        {
            if (from < intervals[k + 1] + 600 && to + 600 > intervals[k])
            {
                return true;
            }
        }
        return false;
    }

    private static long[] append(final long[] intervals, final long from, final long to)
    {
        final long[] grown = Arrays.copyOf(intervals, intervals.length + 2);
        grown[intervals.length] = from;
        grown[intervals.length + 1] = to;
        return grown;
    }

    private int writeDisbsad()
    {
        int rows = 0;
        try (JsonRows out = new JsonRows(DayBundle.DISBSAD_FILE, false))
        {
            for (int p = 1; p <= periods; p++)
            {
                final int actions = random.nextInt(4);
                for (int id = 1; id <= actions; id++)
                {
                    final double volume = (random.nextBoolean() ? 1 : -1) * (5 + random.nextInt(4500) / 100.0);
                    final double price = 40 + random.nextInt(11000) / 100.0;
                    final boolean noCost = random.nextInt(10) == 0;
                    final String cost = noCost ? "null" : Double.toString(Math.round(volume * price * 100) / 100.0);
                    out.row("{\"dataset\":\"DISBSAD\",\"settlementDate\":\"" + date + "\",\"settlementPeriod\":" + p +
                        ",\"id\":" + id + ",\"cost\":" + cost + ",\"volume\":" + volume + ",\"soFlag\":" +
                        (random.nextInt(5) == 0) + ",\"storFlag\":" + (random.nextInt(20) == 0) +
                        ",\"partyId\":\"NGESO\",\"assetId\":\"SYN-" + p + "-" + id + "\",\"isTendered\":false," +
                        "\"service\":\"Energy\"}");
                    rows++;
                }
            }
            if (withErrors)
            {
                plant(DayBundle.DISBSAD_FILE, out.row("{\"settlementDate\":\"" + date + "\",\"settlementPeriod\":2," +
                    "\"id\":99,\"cost\":10.0,\"volume\":\"abc\",\"soFlag\":false,\"storFlag\":false}"),
                    "volume not a number");
            }
        }
        return rows;
    }

    private int writeNetbsad()
    {
        int rows = 0;
        try (JsonRows out = new JsonRows(DayBundle.NETBSAD_FILE, true))
        {
            for (int p = 1; p <= periods; p++)
            {
                out.row("{\"dataset\":\"NETBSAD\",\"settlementDate\":\"" + date + "\",\"settlementPeriod\":" + p +
                    ",\"netBuyPriceCostAdjustmentEnergy\":0.0,\"netBuyPriceVolumeAdjustmentEnergy\":0.0," +
                    "\"netBuyPriceVolumeAdjustmentSystem\":0.0,\"buyPricePriceAdjustment\":" +
                    random.nextInt(500) / 100.0 + ",\"netSellPriceCostAdjustmentEnergy\":0.0," +
                    "\"netSellPriceVolumeAdjustmentEnergy\":0.0,\"netSellPriceVolumeAdjustmentSystem\":0.0," +
                    "\"sellPricePriceAdjustment\":" + random.nextInt(100) / 100.0 + "}");
                rows++;
            }
            if (withErrors)
            {
                plant(DayBundle.NETBSAD_FILE, out.row("{\"settlementDate\":\"" + date + "\",\"settlementPeriod\":1," +
                    "\"buyPricePriceAdjustment\":9.0,\"sellPricePriceAdjustment\":0.0}"), "duplicate period");
            }
        }
        return rows;
    }

    private int writeMid()
    {
        int rows = 0;
        try (JsonRows out = new JsonRows(DayBundle.MID_FILE, true))
        {
            for (int p = 1; p <= periods; p++)
            {
                final double price = 50 + random.nextInt(10000) / 100.0;
                final double volume = 500 + random.nextInt(250000) / 100.0;
                out.row("{\"dataset\":\"MID\",\"startTime\":\"" + time(periodStart[p]) + "\",\"dataProvider\":" +
                    "\"APXMIDP\",\"settlementDate\":\"" + date + "\",\"settlementPeriod\":" + p + ",\"price\":" +
                    price + ",\"volume\":" + volume + "}");
                out.row("{\"dataset\":\"MID\",\"startTime\":\"" + time(periodStart[p]) + "\",\"dataProvider\":" +
                    "\"N2EXMIDP\",\"settlementDate\":\"" + date + "\",\"settlementPeriod\":" + p +
                    ",\"price\":0.0,\"volume\":0.0}");
                rows += 2;
            }
            if (withErrors)
            {
                plant(DayBundle.MID_FILE, out.row("{\"dataProvider\":\"APXMIDP\",\"settlementDate\":\"" + date +
                    "\",\"settlementPeriod\":0,\"price\":50.0,\"volume\":10.0}"), "period 0");
            }
        }
        return rows;
    }

    private int writeLolp()
    {
        try (JsonRows out = new JsonRows(DayBundle.LOLP_FILE, false))
        {
            for (int p = 1; p <= periods; p++)
            {
                final double lolp = random.nextInt(4) == 0 ? random.nextInt(1000) / 1_000_000.0 : 0.0;
                out.row("{\"settlementDate\":\"" + date + "\",\"settlementPeriod\":" + p + ",\"lolp\":" + lolp + "}");
            }
        }
        return periods;
    }

    // --- volumes and CSV files -------------------------------------------------------------------------------------

    private void computeMetered()
    {
        final double[] supplierWeight = new double[units];
        for (int i = 0; i < units; i++)
        {
            if (kind[i] == 'S')
            {
                supplierWeight[i] = day.production(i) ? 0.0 : 0.5 + random.nextDouble();
            }
        }
        for (int p = 1; p <= periods; p++)
        {
            double generation = 0.0;
            double weights = 0.0;
            for (int i = 0; i < units; i++)
            {
                if (kind[i] == '-')
                {
                    continue;
                }
                if (kind[i] == 'S')
                {
                    if (day.production(i))
                    {
                        metered[i][p] = round3(0.1 + 2 * random.nextDouble());
                        generation += metered[i][p];
                    }
                    weights += supplierWeight[i];
                    continue;
                }
                final double expected = fpn[i][p] + accepted[i][p];
                final double noise = (0.01 * Math.abs(expected) + 0.01) * random.nextGaussian();
                metered[i][p] = round3(expected + noise);
                generation += metered[i][p];
            }
            final double demand = -generation * (1 - LOSS_FRACTION);
            for (int i = 0; i < units; i++)
            {
                if (supplierWeight[i] > 0)
                {
                    metered[i][p] = round3(demand * supplierWeight[i] / weights);
                }
            }
        }
    }

    /**
     * Per BM Unit, the factor a run's metered volumes are revised by (1: not revised); see the class comment.
     */
    private double[] revisions(final SettlementRun run)
    {
        final double[] factor = new double[units];
        Arrays.fill(factor, 1.0);
        for (int stage = SettlementRun.R1.ordinal(); stage <= run.ordinal(); stage++)
        {
            final Random revise = new Random(seed * 31 + stage);
            for (int i = 0; i < units; i++)
            {
                if (revise.nextDouble() < REVISED_FRACTION)
                {
                    factor[i] *= 1 + (revise.nextDouble() - 0.5) * 2 * REVISED_BY;
                }
            }
        }
        return factor;
    }

    private int writeMetered(final double[] revision)
    {
        int rows = 0;
        try (CountingCsv out = new CountingCsv(DayBundle.METERED_FILE, "bm_unit_id", "settlement_period", "qm_mwh"))
        {
            for (int p = 1; p <= periods; p++)
            {
                for (int i = 0; i < units; i++)
                {
                    if (kind[i] != '-')
                    {
                        out.row(registry.bmUnitId(i), Integer.toString(p), number(revision[i] == 1.0 ?
                            metered[i][p] : round3(metered[i][p] * revision[i])));
                        rows++;
                    }
                }
            }
            if (withErrors)
            {
                final String unit = firstOf('S');
                plant(DayBundle.METERED_FILE, out.row("T_NOSUCH-1", "1", "1.0"), "unknown BM Unit");
                plant(DayBundle.METERED_FILE, out.row(unit, "2", "abc"), "qm not a number");
                plant(DayBundle.METERED_FILE, out.row(unit, Integer.toString(periods + 1), "1.0"), "no such period");
                plant(DayBundle.METERED_FILE, out.row(unit, "1", "2.0"), "duplicate BM Unit and period");
            }
        }
        return rows;
    }

    /**
     * Contract volumes per period: every buyer (an account whose metered volumes are negative) contracts for 97-103 %
     * of its need, sellers share that total pro rata to their energy, and the two are matched greedily, each in a
     * random order, in lines of 5 to 40 MWh; two lines in five pass through a trader's book (bought and sold again,
     * so the trader nets to zero). Every account's imbalance is then a few percent at most, as in a real market.
     */
    private int writeEcvn()
    {
        final int accounts = EnergyAccount.count(registry.partyCount());
        final List<Integer> traders = new ArrayList<>();
        for (int party = 0; party < registry.partyCount(); party++)
        {
            if (registry.partyName(party).contains("Trading") || registry.partyName(party).contains("Markets") ||
                registry.partyName(party).contains("Commodities"))
            {
                traders.add(party);
            }
        }
        int rows = 0;
        try (CountingCsv out = new CountingCsv(DayBundle.ECVN_FILE, "from_party_id", "from_account", "to_party_id",
            "to_account", "settlement_period", "volume_mwh"))
        {
            final double[] energy = new double[accounts];
            for (int p = 1; p <= periods; p++)
            {
                Arrays.fill(energy, 0.0);
                for (int i = 0; i < units; i++)
                {
                    if (kind[i] != '-')
                    {
                        energy[day.energyAccount(i)] += metered[i][p];
                    }
                }
                final int[] sellers = shuffled(energy, true);
                final int[] buyers = shuffled(energy, false);
                // each buyer contracts for 97-103 % of its need; sellers share that total pro rata to their energy
                final double[] target = new double[buyers.length];
                double contracted = 0.0;
                for (int k = 0; k < buyers.length; k++)
                {
                    target[k] = -energy[buyers[k]] * (0.97 + 0.06 * random.nextDouble());
                    contracted += target[k];
                }
                double supply = 0.0;
                for (final int seller : sellers)
                {
                    supply += energy[seller];
                }
                final double share = supply > 0.0 ? contracted / supply : 0.0;
                int b = 0;
                double need = buyers.length == 0 ? 0.0 : target[0];
                for (int s = 0; s < sellers.length && b < buyers.length; s++)
                {
                    final int seller = sellers[s];
                    double remaining = energy[seller] * share;
                    while (remaining > 0.0005 && b < buyers.length)
                    {
                        final int buyer = buyers[b];
                        final double volume = round3(Math.min(Math.min(remaining, need), 5 + 35 * random.nextDouble()));
                        if (volume > 0.0)
                        {
                            final int book = traders.isEmpty() ? -1 : EnergyAccount.index(
                                traders.get(random.nextInt(traders.size())), random.nextBoolean());
                            if (book >= 0 && book != seller && book != buyer && random.nextInt(5) < 2)
                            {
                                out.row(account(seller), account(book), p, volume);
                                out.row(account(book), account(buyer), p, volume);
                                rows += 2;
                            }
                            else
                            {
                                out.row(account(seller), account(buyer), p, volume);
                                rows++;
                            }
                        }
                        remaining -= volume;
                        need -= volume;
                        if (need <= 0.0005)
                        {
                            b++;
                            need = b < buyers.length ? target[b] : 0.0;
                        }
                    }
                }
            }
            if (withErrors)
            {
                final String party = registry.partyId(0);
                plant(DayBundle.ECVN_FILE, out.row("NOPARTY", "P", party, "C", "1", "5.0"), "unknown party");
                plant(DayBundle.ECVN_FILE, out.row(party, "X", registry.partyId(1), "C", "1", "5.0"),
                    "account neither P nor C");
            }
        }
        return rows;
    }

    /**
     * @return the accounts with energy above (sellers) or below (buyers) zero, in a random order.
     */
    private int[] shuffled(final double[] energy, final boolean sellers)
    {
        int count = 0;
        final int[] chosen = new int[energy.length];
        for (int a = 0; a < energy.length; a++)
        {
            if (sellers ? energy[a] > 0.0005 : energy[a] < -0.0005)
            {
                chosen[count++] = a;
            }
        }
        for (int k = count - 1; k > 0; k--)
        {
            final int j = random.nextInt(k + 1);
            final int swap = chosen[k];
            chosen[k] = chosen[j];
            chosen[j] = swap;
        }
        return Arrays.copyOf(chosen, count);
    }

    private String[] account(final int account)
    {
        return new String[] {registry.partyId(EnergyAccount.party(account)),
            EnergyAccount.isProduction(account) ? "P" : "C"};
    }

    private int writeMvrn()
    {
        int rows = 0;
        try (CountingCsv out = new CountingCsv(DayBundle.MVRN_FILE, "bm_unit_id", "subsidiary_party_id",
            "settlement_period", "fixed_mwh", "percentage"))
        {
            int written = 0;
            for (int i = 0; i < units && written < 6; i++)
            {
                if (kind[i] != 'S' || random.nextInt(20) != 0)
                {
                    continue;
                }
                final int lead = day.leadParty(i);
                final int subsidiary = (lead + 1 + random.nextInt(registry.partyCount() - 1)) %
                    registry.partyCount();
                final boolean fixedOnly = written % 3 == 2;
                final String percentage = fixedOnly ? "" : Integer.toString(10 + random.nextInt(31));
                for (int p = 1; p <= periods; p++)
                {
                    final String fixed = fixedOnly ? number(round3(metered[i][p] * 0.2)) : "0";
                    out.row(registry.bmUnitId(i), registry.partyId(subsidiary), Integer.toString(p), fixed,
                        percentage);
                    rows++;
                }
                written++;
            }
            if (withErrors)
            {
                plant(DayBundle.MVRN_FILE, out.row(firstOf('S'), registry.partyId(
                    (day.leadParty(indexOf(firstOf('S'))) + 1) % registry.partyCount()), "3", "0", "150"),
                    "percentage above 100");
            }
        }
        return rows;
    }

    private int writeAbsvd()
    {
        int rows = 0;
        try (CountingCsv out = new CountingCsv(DayBundle.ABSVD_FILE, "bm_unit_id", "settlement_period", "qas_mwh"))
        {
            for (int i = 0; i < units && rows < 40; i++)
            {
                if (kind[i] == 'T' && random.nextInt(10) == 0)
                {
                    final int p = 1 + random.nextInt(periods);
                    out.row(registry.bmUnitId(i), Integer.toString(p), number(round3(random.nextGaussian() * 3)));
                    rows++;
                }
            }
            if (withErrors)
            {
                plant(DayBundle.ABSVD_FILE, out.row("T_NOSUCH-2", "4", "1.5"), "unknown BM Unit");
            }
        }
        return rows;
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private String firstOf(final char unitKind)
    {
        for (int i = 0; i < units; i++)
        {
            if (kind[i] == unitKind)
            {
                return registry.bmUnitId(i);
            }
        }
        throw new IllegalStateException("the registry has no BM Unit of kind " + unitKind + " on " + date);
    }

    private int indexOf(final String bmUnitId)
    {
        return registry.bmUnitIndex(bmUnitId);
    }

    private String ngId(final int i)
    {
        final String id = registry.bmUnitId(i);
        return id.length() > 2 && id.charAt(1) == '_' ? id.substring(2) : id;
    }

    private void plant(final String file, final int line, final String reason)
    {
        planted.add(new Planted(file, line, reason));
    }

    private static String time(final long epochSecond)
    {
        return Instant.ofEpochSecond(epochSecond).toString();
    }

    private static double round3(final double value)
    {
        return Math.round(value * 1000) / 1000.0;
    }

    private static String number(final double value)
    {
        return CsvWriter.number(value);
    }

    private void writeText(final String file, final String text)
    {
        try
        {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + dir.resolve(file) + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * A JSON array of rows, one row a line, counting lines.
     */
    private final class JsonRows implements AutoCloseable
    {
        private final String file;
        private final Writer out;
        private final boolean envelope;
        private int line = 1;
        private boolean first = true;

        JsonRows(final String file, final boolean envelope)
        {
            this.file = file;
            this.envelope = envelope;
            try
            {
                out = new BufferedWriter(Files.newBufferedWriter(dir.resolve(file), StandardCharsets.UTF_8), 1 << 16);
                out.write(envelope ? "{\"metadata\":{\"datasets\":[\"SYNTHETIC\"]},\"data\":[" : "[");
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot write " + dir.resolve(file) + ": " + ex.getMessage(), ex);
            }
        }

        int row(final String json)
        {
            try
            {
                out.write(first ? "\n" : ",\n");
                first = false;
                out.write(json);
                return ++line;
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot write " + file + ": " + ex.getMessage(), ex);
            }
        }

        @Override
        public void close()
        {
            try
            {
                out.write(envelope ? "\n]}\n" : "\n]\n");
                out.close();
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot write " + file + ": " + ex.getMessage(), ex);
            }
        }
    }

    /**
     * A CSV file with a header, counting lines.
     */
    private final class CountingCsv implements AutoCloseable
    {
        private final CsvWriter csv;
        private int line = 1;

        CountingCsv(final String file, final String... header)
        {
            csv = CsvWriter.create(dir.resolve(file));
            for (final String column : header)
            {
                csv.field(column);
            }
            csv.endRecord();
        }

        int row(final String... fields)
        {
            for (final String field : fields)
            {
                csv.field(field);
            }
            csv.endRecord();
            return ++line;
        }

        void row(final String[] from, final String[] to, final int period, final double volume)
        {
            row(from[0], from[1], to[0], to[1], Integer.toString(period), number(round3(volume)));
        }

        @Override
        public void close()
        {
            csv.close();
        }
    }
}
