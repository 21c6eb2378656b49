package io.gbsettle.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.event.EventType;
import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.journal.JournalConfig;
import io.gbsettle.core.journal.JournalReader;
import io.gbsettle.core.journal.RecordHandler;
import io.gbsettle.core.journal.RecordJournal;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The input journal's append and read rates for 128-byte input records (Chronicle Queue on the local disk, page
 * cache durability, the default): one record per document, eight per document (a ring batch), and replay one record
 * per {@code poll}. Each iteration appends to a fresh journal directory, deleted after it, to bound disk use.
 * Expect hundreds of nanoseconds per append and 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JournalBenchmark
{
    private static final int BATCH = 8;
    private static final int READ_RECORDS = 2_000_000;

    private final UnsafeBuffer records = new UnsafeBuffer(ByteBuffer.allocateDirect(InputEvent.LENGTH * BATCH));
    private final InputEvent event = new InputEvent();
    private final Reading reading = new Reading();
    private Path appendDir;
    private RecordJournal appendJournal;
    private Path readDir;
    private RecordJournal readJournal;
    private JournalReader reader;

    /**
     * Fills the records and writes the journal the read benchmark replays.
     *
     * @throws IOException if a temp directory cannot be created.
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException
    {
        for (int r = 0; r < BATCH; r++)
        {
            event.wrap(records, r * InputEvent.LENGTH)
                .reset(EventType.METERED_VOLUME, 20_249, 1 + r, EventSource.SYNTHETIC, r)
                .subject(r)
                .value(0, 1.5 * r)
                .receivedMicros(1_749_513_600_000_000L);
        }
        event.wrap(records, 0);
        readDir = Files.createTempDirectory("journal-bench-read");
        readJournal = RecordJournal.open(readDir, InputEvent.LENGTH, new JournalConfig());
        for (int i = 0; i < READ_RECORDS; i++)
        {
            readJournal.append(records, 0);
        }
        reader = readJournal.reader();
    }

    /**
     * A fresh journal for each iteration of the append benchmarks.
     *
     * @throws IOException if a temp directory cannot be created.
     */
    @Setup(Level.Iteration)
    public void openAppendJournal() throws IOException
    {
        appendDir = Files.createTempDirectory("journal-bench-append");
        appendJournal = RecordJournal.open(appendDir, InputEvent.LENGTH, new JournalConfig());
    }

    /**
     * Closes and deletes the iteration's journal.
     */
    @TearDown(Level.Iteration)
    public void closeAppendJournal()
    {
        appendJournal.close();
        TempDirs.delete(appendDir);
    }

    /**
     * Closes and deletes the read journal.
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        reader.close();
        readJournal.close();
        TempDirs.delete(readDir);
    }

    /**
     * @return the position of one 128-byte input record appended as one document.
     */
    @Benchmark
    public long append()
    {
        event.position(appendJournal.nextPosition());
        return appendJournal.append(records, 0);
    }

    /**
     * @return the position of the first of eight records appended as one document (score: records per second).
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long appendBatchOf8()
    {
        return appendJournal.append(records, 0, BATCH);
    }

    /**
     * @return what the handler read from one record replayed (back to the start at the end of the journal).
     */
    @Benchmark
    public long read()
    {
        if (reader.poll(reading, 1) == 0)
        {
            reader.seek(0);
        }
        return reading.sum;
    }

    /**
     * Reads one field of each record, as a replaying engine would read all of them.
     */
    static final class Reading implements RecordHandler
    {
        long sum;

        @Override
        public void onRecord(final DirectBuffer buffer, final int offset, final long position)
        {
            sum += buffer.getLong(offset + 24) + position;
        }
    }
}
