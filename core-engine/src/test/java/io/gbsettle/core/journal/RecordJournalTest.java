package io.gbsettle.core.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.event.ResultRecord;
import io.gbsettle.core.testing.AllocationAssert;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.RollCycles;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Round trip, positions across restarts and roll cycles, seeking, batches, backward scans and allocation of the
 * record journal. (Crash safety: {@link RecordJournalCrashTest}.)
 */
final class RecordJournalTest
{
    private static final int LENGTH = InputEvent.LENGTH;

    @TempDir
    Path dir;

    private final UnsafeBuffer record = new UnsafeBuffer(ByteBuffer.allocateDirect(LENGTH * 16));

    @Test
    void recordsComeBackInOrderWithTheirPositions()
    {
        try (RecordJournal journal = RecordJournal.open(dir, LENGTH, new JournalConfig()))
        {
            assertEquals(0, journal.nextPosition());
            appendSingles(journal, 1_000);
            assertEquals(1_000, journal.nextPosition());
            assertEquals(1_000, verifyFrom(journal, 0));
        }
    }

    @Test
    void aReopenedJournalContinuesAtTheNextPosition()
    {
        try (RecordJournal journal = RecordJournal.open(dir, LENGTH, new JournalConfig()))
        {
            appendSingles(journal, 10);
        }
        try (RecordJournal journal = RecordJournal.open(dir, LENGTH, new JournalConfig()))
        {
            assertEquals(10, journal.nextPosition());
            appendSingles(journal, 5);
            assertEquals(15, journal.nextPosition());
        }
        try (RecordJournal journal = RecordJournal.open(dir, LENGTH, new JournalConfig()))
        {
            assertEquals(15, journal.nextPosition());
            assertEquals(15, verifyFrom(journal, 0));
        }
    }

    @Test
    void positionsRunOnAcrossRollCyclesAndRestarts() throws IOException
    {
        final SetTimeProvider clock = new SetTimeProvider("2026-11-23T00:00:00");
        final JournalConfig config = new JournalConfig().rollCycle(RollCycles.FAST_HOURLY).timeProvider(clock);
        for (int restart = 0; restart < 3; restart++)
        {
            try (RecordJournal journal = RecordJournal.open(dir, LENGTH, config))
            {
                assertEquals(restart * 300L, journal.nextPosition());
                for (int hour = 0; hour < 3; hour++)
                {
                    appendSingles(journal, 100);
                    clock.advanceMillis(TimeUnit.HOURS.toMillis(hour == 1 ? 5 : 1));
                }
            }
        }
        try (Stream<Path> files = Files.list(dir))
        {
            assertEquals(9, files.filter(f -> f.toString().endsWith(".cq4")).count(), "one file per hour appended");
        }
        try (RecordJournal journal = RecordJournal.open(dir, LENGTH, config))
        {
            assertEquals(900, journal.nextPosition());
            assertEquals(900, verifyFrom(journal, 0));
            for (final long position : new long[] {0, 99, 100, 101, 199, 200, 299, 300, 450, 599, 600, 899})
            {
                assertEquals(900 - position, verifyFrom(journal, position), "from " + position);
            }
        }
    }

    @Test
    void seekFindsEveryPositionAndTheEnd()
    {
        try (RecordJournal journal = RecordJournal.open(dir, LENGTH, new JournalConfig());
            JournalReader reader = journal.reader())
        {
            appendSingles(journal, 5_000);
            final SplittableRandom random = new SplittableRandom(7);
            for (int i = 0; i < 200; i++)
            {
                final long position = random.nextLong(5_000);
                assertTrue(reader.seek(position));
                assertEquals(position, reader.position());
                assertEquals(1, reader.poll((buffer, offset, p) -> assertRecord(buffer, offset, p, position), 1));
            }
            assertTrue(reader.seek(5_000), "the end is a valid position");
            assertEquals(0, reader.poll((buffer, offset, p) -> fail(p), 10));
            assertFalse(reader.seek(5_001));
            assertEquals(5_000, reader.position());
            appendSingles(journal, 1);
            assertEquals(1, reader.poll((buffer, offset, p) -> assertRecord(buffer, offset, p, 5_000), 10),
                "a reader at the end sees what is appended later");
        }
    }

    @Test
    void batchesAreReadRecordByRecordAndSoughtInto()
    {
        try (RecordJournal journal = RecordJournal.open(dir, LENGTH, new JournalConfig());
            JournalReader reader = journal.reader())
        {
            final SplittableRandom random = new SplittableRandom(11);
            while (journal.nextPosition() < 3_000)
            {
                final int count = 1 + random.nextInt(16);
                for (int r = 0; r < count; r++)
                {
                    TestRecords.fill(record, r * LENGTH, LENGTH, journal.nextPosition() + r);
                }
                assertEquals(journal.nextPosition() + count, journal.append(record, 0, count) + count);
            }
            final long end = journal.nextPosition();
            assertEquals(end, verifyFrom(journal, 0));
            for (int i = 0; i < 300; i++)
            {
                final long position = random.nextLong(end);
                assertTrue(reader.seek(position));
                final int limit = 1 + random.nextInt(20);
                final long[] expected = {position};
                final int delivered = reader.poll((buffer, offset, p) -> assertRecord(buffer, offset, p,
                    expected[0]++), limit);
                assertEquals(Math.min(limit, end - position), delivered, "a limit may split a batch");
                assertEquals(position + delivered, reader.position());
            }
        }
    }

    @Test
    void scanBackwardFindsTheLastMatchingRecordAndStopsThere()
    {
        final SetTimeProvider clock = new SetTimeProvider("2026-11-23T00:00:00");
        final JournalConfig config = new JournalConfig().rollCycle(RollCycles.FAST_HOURLY).timeProvider(clock);
        try (RecordJournal journal = RecordJournal.open(dir, LENGTH, config);
            JournalReader reader = journal.reader())
        {
            assertEquals(-1, reader.scanBackward(Long.MAX_VALUE, (buffer, offset, p) -> true), "empty journal");
            appendSingles(journal, 500);
            clock.advanceMillis(TimeUnit.HOURS.toMillis(1));
            for (int r = 0; r < 4; r++)
            {
                TestRecords.fill(record, r * LENGTH, LENGTH, journal.nextPosition() + r);
            }
            journal.append(record, 0, 4);
            appendSingles(journal, 500);
            final List<Long> visited = new ArrayList<>();
            final long found = reader.scanBackward(Long.MAX_VALUE, (buffer, offset, p) ->
            {
                assertRecord(buffer, offset, p, p);
                visited.add(p);
                return buffer.getLong(offset) == TestRecords.word(250, 0);
            });
            assertEquals(250, found);
            assertEquals(1_004 - 250, visited.size(), "every record from the last back to the match");
            assertEquals(1_003L, visited.get(0));
            assertEquals(250, reader.position(), "the reader stops at the record found");
            assertEquals(1, reader.poll((buffer, offset, p) -> assertRecord(buffer, offset, p, 250), 1));
            assertEquals(502, reader.scanBackward(502, (buffer, offset, p) -> true), "inside a batch");
            assertEquals(-1, reader.scanBackward(100, (buffer, offset, p) -> false));
            assertEquals(0, reader.position());
        }
    }

    @Test
    void aReadOnlyJournalSeesRecordsAppendedByTheWriter()
    {
        try (RecordJournal writer = RecordJournal.open(dir, LENGTH, new JournalConfig()))
        {
            appendSingles(writer, 20);
            try (RecordJournal readOnly = RecordJournal.openReadOnly(dir, LENGTH, new JournalConfig());
                JournalReader reader = readOnly.reader())
            {
                assertEquals(20, readOnly.nextPosition());
                assertThrows(IllegalStateException.class, () -> readOnly.append(record, 0));
                assertEquals(20, reader.poll((buffer, offset, p) -> assertRecord(buffer, offset, p, p), 100));
                appendSingles(writer, 5);
                assertEquals(25, reader.endPosition());
                assertEquals(5, reader.poll((buffer, offset, p) -> assertRecord(buffer, offset, p, p), 100));
            }
        }
        assertThrows(IllegalArgumentException.class,
            () -> RecordJournal.openReadOnly(dir.resolve("missing"), LENGTH, new JournalConfig()));
    }

    @Test
    void aJournalOfOtherRecordsIsRefused()
    {
        try (RecordJournal journal = RecordJournal.open(dir, LENGTH, new JournalConfig()))
        {
            appendSingles(journal, 3);
        }
        final IllegalStateException ex = assertThrows(IllegalStateException.class,
            () -> RecordJournal.open(dir, ResultRecord.LENGTH, new JournalConfig()));
        assertTrue(ex.getMessage().contains("not a multiple of the record length 160"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RecordJournal.open(dir, 100, new JournalConfig()));
    }

    @Test
    void syncOnCommitKeepsRecords()
    {
        final JournalConfig config = new JournalConfig().durability(JournalConfig.Durability.SYNC_ON_COMMIT);
        try (RecordJournal journal = RecordJournal.open(dir, LENGTH, config))
        {
            journal.commit();
            appendSingles(journal, 10);
            journal.commit();
            assertEquals(10, verifyFrom(journal, 0));
        }
    }

    @Test
    void appendingAllocatesNothing()
    {
        try (RecordJournal journal = RecordJournal.open(dir, LENGTH, new JournalConfig()))
        {
            final InputEvent event = new InputEvent().wrap(record, 0);
            event.reset(1, 20_415, 1, 6, 0).values(1, 2, 3, 4);
            final Runnable append = () -> journal.append(event.position(journal.nextPosition()).buffer(), 0);
            AllocationAssert.assertZeroAllocation("RecordJournal.append", append);
            final Runnable appendBatch = () -> journal.append(record, 0, 4);
            AllocationAssert.assertZeroAllocation("RecordJournal.append(batch of 4)", appendBatch, 5_000, 5_000);
        }
    }

    @Test
    void readingAllocatesNothing()
    {
        try (RecordJournal journal = RecordJournal.open(dir, LENGTH, new JournalConfig()))
        {
            appendSingles(journal, AllocationAssert.DEFAULT_WARMUP +
                AllocationAssert.ROUNDS * AllocationAssert.DEFAULT_ITERATIONS);
            try (JournalReader reader = journal.reader())
            {
                final long[] sum = new long[1];
                final RecordHandler handler = (buffer, offset, position) -> sum[0] += buffer.getLong(offset + 8);
                final Runnable poll = () -> reader.poll(handler, 1);
                AllocationAssert.assertZeroAllocation("JournalReader.poll", poll);
                assertTrue(sum[0] != 0);
            }
        }
    }

    private void appendSingles(final RecordJournal journal, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            TestRecords.fill(record, 0, LENGTH, journal.nextPosition());
            assertEquals(journal.nextPosition(), journal.append(record, 0));
        }
    }

    private static long verifyFrom(final RecordJournal journal, final long from)
    {
        final long[] next = {from};
        try (JournalReader reader = journal.reader())
        {
            assertTrue(reader.seek(from));
            while (reader.poll((buffer, offset, position) -> assertRecord(buffer, offset, position, next[0]++),
                1_000) > 0)
            {
                assertTrue(next[0] <= journal.nextPosition());
            }
        }
        return next[0] - from;
    }

    private static void assertRecord(
        final org.agrona.DirectBuffer buffer, final int offset, final long position, final long expected)
    {
        assertEquals(expected, position);
        assertEquals(-1, TestRecords.check(buffer, offset, LENGTH, position), "record " + position);
    }

    private static void fail(final long position)
    {
        throw new AssertionError("unexpected record " + position);
    }
}
