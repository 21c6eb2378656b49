package io.gbsettle.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.gbsettle.adapters.iris.IrisDayMessages;
import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.InsightsEvents;
import io.gbsettle.core.files.InsightsJson;
import io.gbsettle.core.files.SyntheticBundle;
import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.time.SettlementCalendar;
import io.gbsettle.core.time.SettlementRun;
import org.agrona.concurrent.UnsafeBuffer;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * IRIS body parsing on one core, as {@code IrisIngest} does it: a message body (UTF-8 JSON rows) streamed by
 * {@link InsightsJson} and each row mapped by {@link InsightsEvents} to a 128-byte input record, BM Unit ids through
 * a national registry (about 2,700 BM Units). Bodies are those {@link IrisDayMessages} makes of a generated national
 * day: {@code BOD}, {@code PN}, {@code BOALF} for settlement period 20, and {@code BOD8}, eight periods of BOD in one
 * message (several MB). Rows/s = rows (printed at setup) / time per operation; MB/s likewise; B/op from
 * {@code -prof gc}. No engine, no journal: the parse and map alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class IrisParseBenchmark
{
    @Param({"BOD", "PN", "BOALF", "BOD8"})
    String body;

    private byte[] bytes;
    private int type;
    private InsightsEvents mapper;
    private final List<InputProblem> problems = new ArrayList<>();
    private final InputEvent event = new InputEvent().wrap(new UnsafeBuffer(new byte[InputEvent.LENGTH]), 0);
    private final java.util.function.Consumer<InsightsJson> onRow = this::row;
    private int mapped;

    /**
     * Generates the national day and picks the body.
     *
     * @throws IOException if the temporary bundle cannot be written.
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException
    {
        final MarketRegistry registry = SyntheticRegistry.generate(42, SyntheticRegistry.Size.NATIONAL);
        final Path dir = Files.createTempDirectory("iris-parse");
        final DayBundle day;
        try
        {
            SyntheticBundle.write(registry, 42, LocalDate.of(2025, 6, 10), SettlementRun.SF, false, dir);
            day = DayBundle.load(dir);
        }
        finally
        {
            TempDirs.delete(dir);
        }
        final String dataset = body.startsWith("BOD") ? "BOD" : body;
        final int periods = body.endsWith("8") ? 8 : 1;
        final StringBuilder rows = new StringBuilder(1 << 20).append('[');
        for (final IrisDayMessages.Message m : IrisDayMessages.of(day))
        {
            final String id = m.messageId();
            final int period = Integer.parseInt(id.substring(id.lastIndexOf('_') + 1, id.indexOf('.')));
            if (m.dataset().equals(dataset) && period >= 20 && period < 20 + periods)
            {
                final String text = m.text();
                rows.append(rows.length() > 1 ? "," : "").append(text, 1, text.length() - 1);
            }
        }
        bytes = rows.append(']').toString().getBytes(StandardCharsets.UTF_8);
        type = InsightsEvents.eventType(dataset);
        mapper = new InsightsEvents(registry, new SettlementCalendar(), EventSource.IRIS, 1);
        final int count = parse();
        if (!problems.isEmpty() || count == 0)
        {
            throw new IllegalStateException(count + " rows, problems: " + problems);
        }
        System.out.printf(Locale.ROOT, "%n%s: %,d rows, %,d bytes (%.2f MB) per operation%n", body, count,
            bytes.length, bytes.length / 1e6);
    }

    /**
     * Parses and maps the body.
     *
     * @return rows mapped.
     */
    @Benchmark
    public int parse()
    {
        mapped = 0;
        InsightsJson.read("bench", bytes, 0, bytes.length, problems, onRow);
        return mapped;
    }

    private void row(final InsightsJson row)
    {
        if (mapper.map(type, row, event) == InsightsEvents.MAPPED)
        {
            mapped++;
        }
    }
}
