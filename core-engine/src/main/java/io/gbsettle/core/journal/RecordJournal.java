package io.gbsettle.core.journal;

import java.nio.file.Files;
import java.nio.file.Path;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;

/**
 * A journal of fixed-length records in a Chronicle Queue: records are numbered 0, 1, 2, ... (their
 * <em>positions</em>) in the order appended, with no gap and no duplicate, across restarts and roll cycles.
 *
 * <p><b>Layout.</b> One Chronicle document per {@link #append(DirectBuffer, int) append}: the position of its first
 * record (a {@code long}), then the record's bytes, copied as they are. {@link #append(DirectBuffer, int, int)}
 * writes several consecutive records in one document (a batch, all or nothing). Storing the position makes recovery
 * and seeking independent of Chronicle's own indices (cycle, sequence), which restart at every roll.
 *
 * <p><b>Crash safety.</b> The process may die at any instruction, an append half written included. Chronicle writes
 * a document's bytes first and its 4-byte header (the length) last, with an ordered store: until then the header
 * reads 0, which every reader takes for the end of the queue, so a reader never sees a torn record, and the next
 * writer writes its document over the same bytes (a header left "not complete" is overwritten too, see Chronicle's
 * {@code AbstractWire.enterHeader}). The write lock of a dead process is released when the queue is opened
 * ({@code SingleChronicleQueue} checks whether the PID holding it is alive), so reopening takes milliseconds, not
 * the lock timeout. On {@link #open}, {@link #nextPosition()} is the position after the last complete document:
 * what a killed process had not completed is gone, and its position goes to the next record, so positions stay
 * consecutive with no gap and no duplicate. {@code RecordJournalCrashTest} kills a child JVM mid-append many times.
 * A process killed while Chronicle was creating the queue's {@code metadata.cq4t} leaves it incomplete, which
 * Chronicle alone takes for a held lock (10 s of retries, then "Unable to claim exclusive lock"): {@link #open}
 * recreates it ({@code QueueMetadata}, {@code JournalOpenTest}).
 *
 * <p><b>One writer.</b> {@link #open} takes the directory's single-writer lock ({@code DIR/writer.lock}, an OS file
 * lock that dies with its process): a second writer, in this process or another, is refused with a message naming
 * the holder's PID after {@link JournalConfig#writerLockTimeout()}, instead of appending records with the same
 * positions. Readers ({@link #openReadOnly}) take no lock.
 *
 * <p><b>Durability.</b> See {@link JournalConfig.Durability}: by default an appended record survives the death of
 * the process (it is in the OS page cache) but not a power loss; {@code SYNC_ON_COMMIT} makes {@link #commit()}
 * {@code msync} the pages.
 *
 * <p><b>Threads.</b> One appending thread (the Chronicle appender is created on the first append, on that thread).
 * Readers ({@link #reader()}) each belong to one thread too; they may run while the journal is appended to, also
 * from another process ({@link #openReadOnly}). Appends allocate nothing once warm (asserted in a test).
 */
public final class RecordJournal implements AutoCloseable
{
    static
    {
        // A settlement engine sends no usage statistics: Chronicle's analytics stay off unless asked for explicitly.
        if (System.getProperty("chronicle.analytics.disable") == null)
        {
            System.setProperty("chronicle.analytics.disable", "true");
        }
    }

    /** Bytes before the record in every document: the position of its first record. */
    static final int POSITION_PREFIX = Long.BYTES;

    private final Path directory;
    private final int recordLength;
    private final boolean readOnly;
    private final JournalConfig.Durability durability;
    private final WriterLock writerLock;
    private final SingleChronicleQueue queue;
    private ExcerptAppender appender;
    private long nextPosition;
    private boolean closed;

    private RecordJournal(
        final Path directory, final int recordLength, final JournalConfig config, final boolean readOnly)
    {
        if (recordLength <= 0 || (recordLength & 7) != 0)
        {
            throw new IllegalArgumentException("record length must be a positive multiple of 8: " + recordLength);
        }
        this.directory = directory;
        this.recordLength = recordLength;
        this.readOnly = readOnly;
        this.durability = config.durability();
        this.writerLock = readOnly ? null : WriterLock.acquire(directory, config.writerLockTimeout());
        SingleChronicleQueue queue = null;
        try
        {
            queue = config.buildQueue(directory, readOnly);
            this.queue = queue;
            this.nextPosition = endPosition();
        }
        catch (final RuntimeException ex)
        {
            if (queue != null)
            {
                queue.close();
            }
            if (writerLock != null)
            {
                writerLock.close();
            }
            throw ex;
        }
    }

    /**
     * Opens a journal for appending, creating the directory if it is missing, and recovers its end: records of a
     * process that died while appending are complete and readable, or absent.
     *
     * @param directory    the queue's directory.
     * @param recordLength the length of every record, a multiple of 8 ({@code InputEvent.LENGTH},
     *                     {@code ResultRecord.LENGTH}).
     * @param config       the journal's choices.
     * @return the journal, positioned to append after its last complete record.
     * @throws IllegalStateException if the queue holds records of another length, or another writer holds it.
     */
    public static RecordJournal open(final Path directory, final int recordLength, final JournalConfig config)
    {
        return new RecordJournal(directory, recordLength, config, false);
    }

    /**
     * Opens an existing journal for reading only (inspection, replay, audit): nothing on disk is changed, and the
     * journal may be appended to by a live process meanwhile.
     *
     * @param directory    the queue's directory, which must exist.
     * @param recordLength the length of every record.
     * @param config       the journal's choices (the roll cycle is read from the queue itself).
     * @return the journal.
     * @throws IllegalArgumentException if there is no queue in {@code directory}.
     */
    public static RecordJournal openReadOnly(final Path directory, final int recordLength, final JournalConfig config)
    {
        if (!Files.isDirectory(directory))
        {
            throw new IllegalArgumentException("no journal at " + directory);
        }
        return new RecordJournal(directory, recordLength, config, true);
    }

    /**
     * @return the queue's directory.
     */
    public Path directory()
    {
        return directory;
    }

    /**
     * @return the length of every record in bytes.
     */
    public int recordLength()
    {
        return recordLength;
    }

    /**
     * The position the next appended record gets: the count of complete records. For a read-only journal, the count
     * when it was opened; {@link JournalReader#endPosition()} gives the current one.
     *
     * @return the next position.
     */
    public long nextPosition()
    {
        return nextPosition;
    }

    /**
     * Appends one record as one document. Allocation-free once warm.
     *
     * @param buffer holding the record.
     * @param offset of its first byte; {@link #recordLength()} bytes are copied.
     * @return the record's position.
     */
    public long append(final DirectBuffer buffer, final int offset)
    {
        return append(buffer, offset, 1);
    }

    /**
     * Appends {@code count} consecutive records (in the buffer back to back) as one document: after a crash, all of
     * them are in the journal or none is. Allocation-free once warm.
     *
     * @param buffer holding the records.
     * @param offset of the first record's first byte.
     * @param count  how many records, at least 1.
     * @return the position of the first record; the others follow it.
     */
    public long append(final DirectBuffer buffer, final int offset, final int count)
    {
        if (readOnly)
        {
            throw new IllegalStateException("journal opened read-only: " + directory);
        }
        if (count < 1)
        {
            throw new IllegalArgumentException("count must be >= 1: " + count);
        }
        final long position = nextPosition;
        final int length = count * recordLength;
        buffer.boundsCheck(offset, length);
        final DocumentContext dc = appender().writingDocument();
        try
        {
            final Bytes<?> bytes = dc.wire().bytes();
            bytes.writeLong(position);
            final byte[] array = buffer.byteArray();
            if (array != null)
            {
                bytes.unsafeWriteObject(array, (int)(buffer.addressOffset() + offset), length);
            }
            else
            {
                bytes.unsafeWrite(buffer.addressOffset() + offset, length);
            }
        }
        catch (final RuntimeException | Error ex)
        {
            dc.rollbackOnClose();
            throw ex;
        }
        finally
        {
            dc.close();
        }
        nextPosition = position + count;
        return position;
    }

    /**
     * Marks the end of a batch of appends (the ring's {@code endOfBatch}): with
     * {@link JournalConfig.Durability#SYNC_ON_COMMIT} it flushes the records appended so far to the storage device;
     * with the default {@link JournalConfig.Durability#PAGE_CACHE} it does nothing, the records being already safe
     * from a process crash.
     */
    public void commit()
    {
        if (durability == JournalConfig.Durability.SYNC_ON_COMMIT && appender != null)
        {
            appender.sync();
        }
    }

    /**
     * A new reader of this journal, at position 0. Close it after use.
     *
     * @return the reader.
     */
    public JournalReader reader()
    {
        return new JournalReader(this);
    }

    /**
     * Closes the appender and the queue; records stay on disk.
     */
    @Override
    public void close()
    {
        if (!closed)
        {
            closed = true;
            if (appender != null)
            {
                appender.close();
            }
            try
            {
                queue.close();
            }
            finally
            {
                if (writerLock != null)
                {
                    writerLock.close();
                }
            }
        }
    }

    SingleChronicleQueue queue()
    {
        return queue;
    }

    /**
     * The position after the last complete document, read from disk now.
     */
    long endPosition()
    {
        try (ExcerptTailer tailer = queue.createTailer())
        {
            tailer.direction(TailerDirection.BACKWARD).toEnd();
            try (DocumentContext dc = tailer.readingDocument())
            {
                if (!dc.isPresent())
                {
                    return 0;
                }
                final Bytes<?> bytes = dc.wire().bytes();
                final long first = bytes.readLong();
                return first + recordsIn(bytes.readRemaining(), first);
            }
        }
    }

    int recordsIn(final long documentBytes, final long firstPosition)
    {
        if (documentBytes <= 0 || documentBytes % recordLength != 0)
        {
            throw new IllegalStateException("journal " + directory + ": the document of position " + firstPosition +
                " holds " + documentBytes + " bytes, not a multiple of the record length " + recordLength +
                " (a journal of other records?)");
        }
        return (int)(documentBytes / recordLength);
    }

    /**
     * Lets another thread append from now on: Chronicle binds an appender to the first thread that used it, so a
     * journal written on one thread (recovery, on the launching thread) and then handed to another (the engine's
     * journal thread) must forget the first. Call it on the handing-over thread, before the other starts appending.
     */
    public void handOver()
    {
        if (appender != null)
        {
            appender.singleThreadedCheckReset();
        }
    }

    private ExcerptAppender appender()
    {
        ExcerptAppender appender = this.appender;
        if (appender == null)
        {
            appender = queue.createAppender();
            this.appender = appender;
        }
        return appender;
    }
}
