package io.gbsettle.core.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The child JVM of the crash tests: opens a journal, appends records derived from their positions, and reports.
 *
 * <pre>
 *   AppendingChild DIR LENGTH COUNT loop      append COUNT records, print "appended NEXT", then append forever
 *   AppendingChild DIR LENGTH COUNT partial   append COUNT records, begin one more, write half of it, print
 *                                             "partial NEXT" and wait (the test kills it mid-document)
 * </pre>
 *
 * It first prints "opened NEXT MILLIS": the position it resumes at and how long opening took.
 */
public final class AppendingChild
{
    private AppendingChild()
    {
    }

    /**
     * @param args DIR LENGTH COUNT MODE.
     * @throws IOException never in practice (reading standard input).
     */
    public static void main(final String[] args) throws IOException
    {
        final Path dir = Path.of(args[0]);
        final int length = Integer.parseInt(args[1]);
        final long count = Long.parseLong(args[2]);
        final String mode = args[3];
        final long start = System.nanoTime();
        final RecordJournal journal = RecordJournal.open(dir, length, new JournalConfig());
        System.out.println("opened " + journal.nextPosition() + " " + (System.nanoTime() - start) / 1_000_000);
        final UnsafeBuffer record = new UnsafeBuffer(ByteBuffer.allocateDirect(length));
        for (long i = 0; i < count; i++)
        {
            TestRecords.fill(record, 0, length, journal.nextPosition());
            journal.append(record, 0);
        }
        if ("partial".equals(mode))
        {
            final ExcerptAppender appender = journal.queue().createAppender();
            final DocumentContext dc = appender.writingDocument();
            final long position = journal.nextPosition();
            dc.wire().bytes().writeLong(position);
            TestRecords.fill(record, 0, length, position);
            for (int i = 0; i < length / 2; i += Long.BYTES)
            {
                dc.wire().bytes().writeLong(record.getLong(i));
            }
            System.out.println("partial " + position);
            System.in.read();
            return;
        }
        System.out.println("appended " + journal.nextPosition());
        while (true)
        {
            TestRecords.fill(record, 0, length, journal.nextPosition());
            journal.append(record, 0);
        }
    }
}
