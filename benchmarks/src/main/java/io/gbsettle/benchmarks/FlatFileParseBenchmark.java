package io.gbsettle.benchmarks;

import java.util.concurrent.TimeUnit;

import io.gbsettle.adapters.sftp.flow.EventSink;
import io.gbsettle.adapters.sftp.flow.FlowFiles;
import io.gbsettle.adapters.sftp.flow.InboundFile;
import io.gbsettle.adapters.sftp.flow.InboundFlows;
import io.gbsettle.adapters.sftp.format.FlatFileParser;
import io.gbsettle.adapters.sftp.format.FlatFileWriter;
import io.gbsettle.adapters.sftp.format.FlowCatalogue;
import io.gbsettle.adapters.sftp.format.RecordCursor;
import io.gbsettle.adapters.sftp.format.RecordHandler;
import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.registry.BmUnitDay;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.time.EpochDays;
import io.gbsettle.core.time.SettlementCalendar;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Flat-file parsing with the generic, definition-driven parser of the SFTP adapter: records per second (one
 * operation = one record) for
 * <ul>
 *   <li>{@code parseD0036}: a D0036 of {@value #MPANS} MPANs x 48 half-hourly reads (about 11 MB) parsed and fully
 *       checked (envelope, trailer count, structure, every field) into meter reads (summed: no per-record object);</li>
 *   <li>{@code verifyD0036}: the same through {@link InboundFlows#verify}, as the collector calls it;</li>
 *   <li>{@code mapC0421}: a national C0421 (every BM Unit x 48 periods) mapped to engine input records
 *       ({@link InboundFlows#toEvents}, checksum verified on the way).</li>
 * </ul>
 * MB/s = records/s x the bytes per record printed at set-up. Expect 0 B/op with {@code -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FlatFileParseBenchmark
{
    /** MPANs in the D0036. */
    public static final int MPANS = 20_000;
    /** Records in the D0036: a 101, a 102 and 48 103s per MPAN. */
    public static final int D0036_RECORDS = MPANS * 50;
    /** BM Units in the C0421 (a national registry has about 2,700; the file takes this many). */
    public static final int C0421_UNITS = 2_500;
    /** Records in the C0421: an ABV and 48 ABPs per BM Unit. */
    public static final int C0421_RECORDS = C0421_UNITS * 49;

    private UnsafeBuffer d0036;
    private int d0036Length;
    private UnsafeBuffer c0421;
    private int c0421Length;
    private FlatFileParser parser;
    private InboundFlows flows;
    private InboundFile c0421File;
    private final Reads reads = new Reads();
    private final Sum sink = new Sum();

    /**
     * Writes the files.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        final long day = EpochDays.of(2025, 6, 10);
        final long[] mpans = new long[MPANS];
        for (int i = 0; i < MPANS; i++)
        {
            mpans[i] = 1_100_000_000_000L + i * 7919L;
        }
        final byte[] d = FlowFiles.builtIn().d0036(mpans, day, 48, "B1");
        d0036 = new UnsafeBuffer(d);
        d0036Length = d.length;
        parser = new FlatFileParser(FlowCatalogue.builtIn(), new SettlementCalendar());

        final MarketRegistry registry = SyntheticRegistry.generate(7, SyntheticRegistry.Size.NATIONAL);
        final BmUnitDay view = registry.newDayView();
        registry.fillDay(day, view);
        final FlatFileWriter w = new FlatFileWriter(FlowCatalogue.builtIn().flow("C0421")).start(
            new FlatFileWriter.FileHeader("C0421002", "", "CD", "UKDC", "BP", "GBSETTLE", "20250612000000", 1, "OPER"));
        int units = 0;
        for (int u = 0; u < registry.bmUnitCount() && units < C0421_UNITS; u++)
        {
            if (view.active(u))
            {
                units++;
                w.record("ABV").text(registry.bmUnitId(u)).date(20250610).text("SF").integer(1).date(20250612).end();
                for (int p = 1; p <= 48; p++)
                {
                    final double v = ((u * 31 + p * 17) % 2000 - 1000) * 0.123;
                    w.record("ABP").integer(p).bool(false).decimal(Math.abs(v)).character(v < 0 ? 'I' : 'E').end();
                }
            }
        }
        if (units != C0421_UNITS)
        {
            throw new IllegalStateException("only " + units + " active BM Units");
        }
        final byte[] c = w.finish();
        c0421 = new UnsafeBuffer(c);
        c0421Length = c.length;
        flows = new InboundFlows(registry);
        c0421File = flows.verify("c0421", c0421, 0, c0421Length);
        final InboundFile d0036File = flows.verify("d0036", d0036, 0, d0036Length);
        if (!c0421File.accepted() || !d0036File.accepted())
        {
            throw new IllegalStateException(c0421File.reason() + d0036File.reason());
        }
        System.out.printf("%nD0036: %,d bytes, %,d records, %.2f bytes/record; C0421: %,d bytes, %,d records, " +
            "%.2f bytes/record%n", d0036Length, D0036_RECORDS, d0036Length / (double)D0036_RECORDS, c0421Length,
            C0421_RECORDS, c0421Length / (double)C0421_RECORDS);
    }

    /**
     * @return the D0036's size in bytes.
     */
    public long d0036Bytes()
    {
        return d0036Length;
    }

    /**
     * @return the C0421's size in bytes.
     */
    public long c0421Bytes()
    {
        return c0421Length;
    }

    /**
     * @return the kWh read (so the work is not dead code).
     */
    @Benchmark
    @OperationsPerInvocation(D0036_RECORDS)
    public double parseD0036()
    {
        reads.kwh = 0;
        if (parser.parse(d0036, 0, d0036Length, reads, null, 0) != 0)
        {
            throw new IllegalStateException("problems");
        }
        return reads.kwh;
    }

    /**
     * @return the verified file.
     */
    @Benchmark
    @OperationsPerInvocation(D0036_RECORDS)
    public InboundFile verifyD0036()
    {
        return flows.verify("d0036", d0036, 0, d0036Length);
    }

    /**
     * @return the events mapped.
     */
    @Benchmark
    @OperationsPerInvocation(C0421_RECORDS)
    public long mapC0421()
    {
        return flows.toEvents(c0421File, c0421, 0, c0421Length, EventSource.SFTP, sink);
    }

    /**
     * Sums the D0036 reads: what filing them in a meter store costs, without the store.
     */
    static final class Reads implements RecordHandler
    {
        double kwh;

        @Override
        public void onRecord(final RecordCursor record)
        {
            if (record.definition().periodByOrder())
            {
                kwh += record.decimal(1);
            }
        }
    }

    /**
     * Takes the events (reads a field of each, as the engine's copy would).
     */
    static final class Sum implements EventSink
    {
        long total;

        @Override
        public long onEvent(final DirectBuffer record, final int offset)
        {
            total += record.getLong(offset + 56);
            return total;
        }
    }
}
