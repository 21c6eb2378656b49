package io.gbsettle.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import io.gbsettle.core.kernel.aggregate.AggregateAccumulator;
import io.gbsettle.core.kernel.aggregate.AggregationKernel;
import io.gbsettle.core.kernel.aggregate.MeterColumns;
import io.gbsettle.core.kernel.aggregate.ParallelAggregator;
import io.gbsettle.core.kernel.aggregate.ReadRejection;
import io.gbsettle.core.mhhs.MeterDayGenerator;
import io.gbsettle.core.mhhs.MeterDayTables;
import io.gbsettle.core.mhhs.MeterStore;
import io.gbsettle.core.registry.SyntheticRegistry;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Supplier volume aggregation over a memory-mapped meter store already in the page cache: the parallel kernel on one
 * thread and on every core, and the same aggregation by DuckDB in the same run. The store ({@code mpans} MPANs x 48
 * periods, generated once into {@code java.io.tmpdir/gbsettle-meters-<mpans>} and reused) is touched page by page
 * before measuring. Observations per second = mpans x 48 / the time per operation.
 *
 * <p>DuckDB (1.4, in-process, in-memory, every core) gets the same columns, loaded once before measuring into a wide
 * table {@code meters(key, present, estimated, p1 .. p48)} (one row per MPAN, the layout of the store) and, from it,
 * a table {@code reads(key, period, wh, est)} of one row per read present (how the reads arrive in files). Timed:
 * <ul>
 *   <li>{@link #duckdbLong}: {@code CREATE OR REPLACE TEMP TABLE sums AS SELECT key, period, sum(wh), count(*),
 *       count(*) FILTER (WHERE est) FROM reads WHERE key >= 0 AND wh >= 0 GROUP BY key, period}: the sums, reads
 *       and estimates per key and period that the kernel produces (the result stays inside DuckDB, as the kernel's
 *       stays in its arrays);</li>
 *   <li>{@link #duckdbWideSumsOnly}: {@code SELECT key, sum(p1) .. sum(p48) FROM meters WHERE key >= 0 GROUP BY
 *       key} into a temp table: sums only, no present, negative or estimate handling, so less work than the kernel:
 *       a lower bound for DuckDB on the store's own layout.</li>
 * </ul>
 * Setup checks that DuckDB's read count equals the kernel's accepted reads plus the reads the kernel rejects for a
 * missing LLF (which the query does not look up; the uplift itself is applied per key after summing in both).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dagrona.disable.bounds.checks=true"})
public class MeterAggregationBenchmark
{
    /** The day benchmarked. */
    public static final LocalDate DATE = LocalDate.of(2025, 6, 10);

    @Param({"1000000"})
    int mpans;

    private MeterStore store;
    private long[] keyMask;
    private ParallelAggregator single;
    private ParallelAggregator all;
    private Connection duck;
    private String longQuery;
    private String wideQuery;

    /**
     * Opens (generating it the first time) the store and touches its pages.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        final Path dir = storeDir(mpans);
        store = openOrGenerate(dir, mpans);
        final MeterDayTables tables = MeterDayTables.read(dir, store.periods());
        keyMask = AggregationKernel.keyMasks(tables.keys(), tables.lossFactors(), new long[tables.keys().count()]);
        single = new ParallelAggregator(1, tables.keys().count(), store.periods(), 1000);
        all = new ParallelAggregator(Runtime.getRuntime().availableProcessors(), tables.keys().count(),
            store.periods(), 1000);
        store.touch();
        loadDuckDb();
    }

    private void loadDuckDb()
    {
        final MeterColumns columns = store.columns();
        final int periods = columns.periods();
        try
        {
            duck = DriverManager.getConnection("jdbc:duckdb:");
            final StringBuilder ddl = new StringBuilder("CREATE TABLE meters (key INTEGER, present BIGINT, " +
                "estimated BIGINT");
            final StringBuilder reads = new StringBuilder("CREATE TABLE reads AS ");
            final StringBuilder sumsOnly = new StringBuilder("CREATE OR REPLACE TEMP TABLE wide_sums AS SELECT key");
            for (int p = 1; p <= periods; p++)
            {
                ddl.append(", p").append(p).append(" INTEGER");
                reads.append(p == 1 ? "" : " UNION ALL ").append("SELECT key, ").append(p)
                    .append("::TINYINT AS period, p").append(p).append(" AS wh, (estimated >> ").append(p - 1)
                    .append(") & 1 = 1 AS est FROM meters WHERE (present >> ").append(p - 1).append(") & 1 = 1");
                sumsOnly.append(", sum(p").append(p).append(')');
            }
            longQuery = "CREATE OR REPLACE TEMP TABLE sums AS SELECT key, period, sum(wh) AS wh, count(*) AS n, " +
                "count(*) FILTER (WHERE est) AS estimated FROM reads WHERE key >= 0 AND wh >= 0 GROUP BY key, period";
            wideQuery = sumsOnly.append(" FROM meters WHERE key >= 0 GROUP BY key").toString();
            try (Statement statement = duck.createStatement())
            {
                statement.execute("SET threads TO " + Runtime.getRuntime().availableProcessors());
                statement.execute(ddl.append(')').toString());
            }
            try (DuckDBAppender appender = ((DuckDBConnection)duck).createAppender(DuckDBConnection.DEFAULT_SCHEMA,
                "meters"))
            {
                for (int s = 0; s < columns.slots(); s++)
                {
                    appender.beginRow().append(columns.key(s)).append(columns.presentMask(s))
                        .append(columns.estimatedMask(s));
                    for (int p = 1; p <= periods; p++)
                    {
                        appender.append(columns.value(s, p));
                    }
                    appender.endRow();
                }
            }
            try (Statement statement = duck.createStatement())
            {
                statement.execute(reads.toString());
            }
            duckdbLong();
            long duckReads = 0;
            try (Statement statement = duck.createStatement();
                ResultSet rows = statement.executeQuery("SELECT sum(n) FROM sums"))
            {
                rows.next();
                duckReads = rows.getLong(1);
            }
            final AggregateAccumulator sums = all.run(columns, keyMask);
            if (duckReads != sums.acceptedTotal() + sums.rejected(ReadRejection.NO_LLF))
            {
                throw new IllegalStateException("DuckDB counts " + duckReads + " reads, the kernel " +
                    sums.acceptedTotal() + " accepted + " + sums.rejected(ReadRejection.NO_LLF) + " without LLF");
            }
        }
        catch (final SQLException ex)
        {
            throw new IllegalStateException("DuckDB setup failed", ex);
        }
    }

    /**
     * Unmaps the store.
     */
    @TearDown(Level.Trial)
    public void tearDown() throws SQLException
    {
        duck.close();
        store.close();
    }

    /**
     * @return the sums of the day, one thread.
     */
    @Benchmark
    public long aggregateOneThread()
    {
        final AggregateAccumulator sums = single.run(store.columns(), keyMask);
        return sums.whTotal();
    }

    /**
     * @return the sums of the day, every core.
     */
    @Benchmark
    public long aggregateAllThreads()
    {
        final AggregateAccumulator sums = all.run(store.columns(), keyMask);
        return sums.whTotal();
    }

    /**
     * @return rows DuckDB aggregated into: sums, reads and estimates per key and period over the table of reads (one
     *         row per read), the same work as the kernel.
     * @throws SQLException if DuckDB fails.
     */
    @Benchmark
    public int duckdbLong() throws SQLException
    {
        try (Statement statement = duck.createStatement())
        {
            return statement.executeUpdate(longQuery);
        }
    }

    /**
     * @return rows DuckDB aggregated into: only the sums per key and period over the wide table (no present,
     *         negative or estimate handling), less work than the kernel does; a lower bound for DuckDB.
     * @throws SQLException if DuckDB fails.
     */
    @Benchmark
    public int duckdbWideSumsOnly() throws SQLException
    {
        try (Statement statement = duck.createStatement())
        {
            return statement.executeUpdate(wideQuery);
        }
    }

    /**
     * @param mpans MPANs.
     * @return where the benchmark keeps a store of that size.
     */
    public static Path storeDir(final int mpans)
    {
        return Path.of(System.getProperty("java.io.tmpdir"), "gbsettle-meters-" + mpans);
    }

    /**
     * @param dir   the store directory.
     * @param mpans MPANs it must hold.
     * @return the store, generated (seed 42, national registry) if missing or of another size.
     */
    public static MeterStore openOrGenerate(final Path dir, final int mpans)
    {
        if (Files.exists(dir.resolve(MeterStore.META_FILE)))
        {
            final MeterStore existing = MeterStore.open(dir, false);
            if (existing.slots() == mpans && existing.date().equals(DATE))
            {
                return existing;
            }
            existing.close();
        }
        MeterDayGenerator.generate(SyntheticRegistry.generate(42, SyntheticRegistry.Size.NATIONAL), 42, DATE, mpans,
            dir, null, Runtime.getRuntime().availableProcessors());
        return MeterStore.open(dir, false);
    }
}
