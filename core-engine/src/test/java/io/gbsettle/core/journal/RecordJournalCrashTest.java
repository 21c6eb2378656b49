package io.gbsettle.core.journal;

import java.nio.file.Path;
import java.util.SplittableRandom;

import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.testing.ChildJvm;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crash safety for real: a child JVM appends to a journal and is killed with SIGKILL, at random points of its append
 * loop (so, often, inside a document), many times; after every kill the journal is reopened and every record is
 * checked. No record is lost once reported, none is torn, positions stay consecutive, and reopening is fast.
 */
final class RecordJournalCrashTest
{
    private static final int ROUNDS = Integer.getInteger("gbsettle.crash.rounds", 12);
    private static final long REOPEN_LIMIT_MILLIS = 1_000;

    @TempDir
    Path dir;

    /**
     * Loads and initialises Chronicle in this JVM first, so that the reopen times measured below are recovery, not
     * class loading.
     *
     * @param scratch a queue directory of its own.
     */
    @BeforeAll
    static void warmUpChronicle(@TempDir final Path scratch)
    {
        try (RecordJournal journal = RecordJournal.open(scratch, InputEvent.LENGTH, new JournalConfig()))
        {
            final UnsafeBuffer record = new UnsafeBuffer(new byte[InputEvent.LENGTH]);
            TestRecords.fill(record, 0, InputEvent.LENGTH, 0);
            journal.append(record, 0);
            assertEquals(1, verifyAll(journal));
        }
    }

    @Test
    void killedMidDocumentTheJournalResumesWithoutTheIncompleteRecord()
    {
        final long next;
        try (ChildJvm child = ChildJvm.start(AppendingChild.class, dir.toString(), "128", "100", "partial"))
        {
            next = Long.parseLong(child.awaitLine("partial ").substring(8));
            child.kill();
        }
        assertEquals(100, next);
        assertTrue(QueueFiles.endsInIncompleteDocument(dir), "the kill left a half-written document");
        final long start = System.nanoTime();
        try (RecordJournal journal = RecordJournal.open(dir, InputEvent.LENGTH, new JournalConfig()))
        {
            final long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < REOPEN_LIMIT_MILLIS, "reopen took " + millis + " ms");
            assertEquals(100, journal.nextPosition(), "the half-written record is not counted");
            assertEquals(100, verifyAll(journal));
        }
        // A new writer overwrites the incomplete document and goes on from position 100.
        try (ChildJvm child = ChildJvm.start(AppendingChild.class, dir.toString(), "128", "50", "partial"))
        {
            final String opened = child.awaitLine("opened ");
            assertEquals("100", opened.split(" ")[1]);
            assertEquals("partial 150", child.awaitLine("partial "));
            child.kill();
        }
        try (RecordJournal journal = RecordJournal.open(dir, InputEvent.LENGTH, new JournalConfig()))
        {
            assertEquals(150, journal.nextPosition());
            assertEquals(150, verifyAll(journal));
        }
    }

    @Test
    void killedAtRandomPointsManyTimesEveryReportedRecordSurvivesIntact()
    {
        final SplittableRandom random = new SplittableRandom(20261124);
        long reported = 0;
        int midDocument = 0;
        long slowestOpenMillis = 0;
        long slowestChildOpenMillis = 0;
        for (int round = 0; round < ROUNDS; round++)
        {
            final int count = random.nextInt(20_000);
            try (ChildJvm child = ChildJvm.start(AppendingChild.class, dir.toString(), "128", Integer.toString(count),
                "loop"))
            {
                final String[] opened = child.awaitLine("opened ").split(" ");
                slowestChildOpenMillis = Math.max(slowestChildOpenMillis, Long.parseLong(opened[2]));
                final long resumedAt = Long.parseLong(opened[1]);
                assertTrue(resumedAt >= reported, "round " + round + ": resumed at " + resumedAt + " < " + reported);
                final long appended = Long.parseLong(child.awaitLine("appended ").substring(9));
                assertEquals(resumedAt + count, appended);
                child.kill();
                reported = appended;
            }
            if (QueueFiles.endsInIncompleteDocument(dir))
            {
                midDocument++;
            }
            final long start = System.nanoTime();
            try (RecordJournal journal = RecordJournal.open(dir, InputEvent.LENGTH, new JournalConfig()))
            {
                final long millis = (System.nanoTime() - start) / 1_000_000;
                slowestOpenMillis = Math.max(slowestOpenMillis, millis);
                assertTrue(millis < REOPEN_LIMIT_MILLIS, "round " + round + ": reopen took " + millis + " ms");
                assertTrue(journal.nextPosition() >= reported,
                    "round " + round + ": " + journal.nextPosition() + " records, " + reported + " reported");
                assertEquals(journal.nextPosition(), verifyAll(journal), "round " + round);
            }
        }
        System.out.println("crash test: " + ROUNDS + " kills, " + reported + "+ records, " + midDocument +
            " of them mid-document; slowest reopen " + slowestOpenMillis + " ms (warm JVM), " +
            slowestChildOpenMillis + " ms (cold child JVM, class loading included)");
    }

    private static long verifyAll(final RecordJournal journal)
    {
        final long[] count = new long[1];
        try (JournalReader reader = journal.reader())
        {
            final RecordHandler check = (buffer, offset, position) ->
            {
                assertEquals(count[0], position, "positions are consecutive");
                final int word = TestRecords.check(buffer, offset, InputEvent.LENGTH, position);
                assertEquals(-1, word, "record " + position + " differs at word " + word);
                count[0]++;
            };
            while (reader.poll(check, 100_000) > 0)
            {
                assertTrue(count[0] <= journal.nextPosition());
            }
        }
        return count[0];
    }
}
