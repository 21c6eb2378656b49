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
 * The adapters' journal of raw payloads: every collected file, received message and outbound file, byte for byte,
 * and every state it reached ({@link PayloadState}), in one Chronicle Queue beside the engine's {@link Journal}
 * (conventionally {@code DIR/}{@value #DIRECTORY}). It is what makes "nothing lost" checkable: a payload is
 * acknowledged to its source only after its bytes are here and its events are in the engine's input journal, a
 * rejected payload keeps its bytes and its reason, and an adapter restarted after a crash reads this journal from
 * the start to learn what it had done.
 *
 * <pre>
 *   document = position (long) | timeMicros (long) | source (int) | state (int) | contentHash (long) | ref (long)
 *              | eventFrom (long) | eventTo (long) | channel | name | kind | detail (UTF-8 strings)
 *              | bodyLength (int) | body bytes
 * </pre>
 *
 * <p>Entries are numbered 0, 1, 2... in append order, across restarts, as in {@link RecordJournal}; an entry is whole
 * or absent after a crash (Chronicle writes the document header last). One appending thread; readers
 * ({@link #reader()}) each belong to one thread. Payload traffic is coarse (files, messages), so entries are plain
 * objects reused by the caller, not flyweights.
 */
public final class PayloadJournal implements AutoCloseable
{
    /** Conventional subdirectory of an engine journal directory holding the payload journal. */
    public static final String DIRECTORY = "payloads";

    private final Path directory;
    private final boolean readOnly;
    private final JournalConfig.Durability durability;
    private final WriterLock writerLock;
    private final SingleChronicleQueue queue;
    private ExcerptAppender appender;
    private long nextPosition;
    private boolean closed;

    private PayloadJournal(final Path directory, final JournalConfig config, final boolean readOnly)
    {
        this.directory = directory;
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
     * Opens a payload journal for appending, creating the directory if it is missing. One writer per journal, as for
     * {@link RecordJournal#open}: another holder is refused after {@link JournalConfig#writerLockTimeout()}.
     *
     * @param directory the queue's directory.
     * @param config    the journal's choices.
     * @return the journal, positioned after its last complete entry.
     * @throws IllegalStateException if another writer holds it.
     */
    public static PayloadJournal open(final Path directory, final JournalConfig config)
    {
        return new PayloadJournal(directory, config, false);
    }

    /**
     * Opens an existing payload journal for reading only (inspection, audit); it may be appended to meanwhile.
     *
     * @param directory the queue's directory, which must exist.
     * @param config    the journal's choices.
     * @return the journal.
     * @throws IllegalArgumentException if there is no queue in {@code directory}.
     */
    public static PayloadJournal openReadOnly(final Path directory, final JournalConfig config)
    {
        if (!Files.isDirectory(directory))
        {
            throw new IllegalArgumentException("no payload journal at " + directory);
        }
        return new PayloadJournal(directory, config, true);
    }

    /**
     * @return the queue's directory.
     */
    public Path directory()
    {
        return directory;
    }

    /**
     * @return the position the next appended entry gets (the count of complete entries when opened read-only).
     */
    public long nextPosition()
    {
        return nextPosition;
    }

    /**
     * Appends one entry as one document and sets its {@link PayloadEntry#position()}.
     *
     * @param entry the entry; its body is written when {@link PayloadEntry#bodyLength()} is not 0.
     * @return the entry's position.
     */
    public long append(final PayloadEntry entry)
    {
        if (readOnly)
        {
            throw new IllegalStateException("payload journal opened read-only: " + directory);
        }
        final long position = nextPosition;
        final DocumentContext dc = appender().writingDocument();
        try
        {
            final Bytes<?> bytes = dc.wire().bytes();
            bytes.writeLong(position);
            bytes.writeLong(entry.timeMicros());
            bytes.writeInt(entry.source());
            bytes.writeInt(entry.state());
            bytes.writeLong(entry.contentHash());
            bytes.writeLong(entry.ref());
            bytes.writeLong(entry.eventFrom());
            bytes.writeLong(entry.eventTo());
            bytes.writeUtf8(entry.channel());
            bytes.writeUtf8(entry.name());
            bytes.writeUtf8(entry.kind());
            bytes.writeUtf8(entry.detail());
            final int length = entry.bodyLength();
            bytes.writeInt(length);
            if (length > 0)
            {
                final DirectBuffer body = entry.body();
                bytes.unsafeWriteObject(body.byteArray(), (int)body.addressOffset(), length);
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
        nextPosition = position + 1;
        entry.position(position);
        return position;
    }

    /**
     * Makes the entries appended so far as durable as {@link JournalConfig.Durability} says (an {@code msync} with
     * {@code SYNC_ON_COMMIT}; nothing more with the default, the entries being safe from a process crash already).
     */
    public void commit()
    {
        if (durability == JournalConfig.Durability.SYNC_ON_COMMIT && appender != null)
        {
            appender.sync();
        }
    }

    /**
     * A new reader at position 0. Close it after use.
     *
     * @return the reader.
     */
    public PayloadReader reader()
    {
        return new PayloadReader(queue.createTailer());
    }

    /**
     * Lets another thread append from now on: Chronicle ties an appender to the first thread that used it, so a
     * journal written by one adapter's thread and then by another's (the demo runs the IRIS listener, then the SFTP
     * collector on the main thread) must forget the first. Call it once the first thread has stopped appending.
     */
    public void handOver()
    {
        if (appender != null)
        {
            appender.singleThreadedCheckReset();
        }
    }

    /**
     * Closes the appender and the queue; entries stay on disk.
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

    private long endPosition()
    {
        try (ExcerptTailer tailer = queue.createTailer())
        {
            tailer.direction(TailerDirection.BACKWARD).toEnd();
            try (DocumentContext dc = tailer.readingDocument())
            {
                return dc.isPresent() ? dc.wire().bytes().readLong() + 1 : 0;
            }
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
