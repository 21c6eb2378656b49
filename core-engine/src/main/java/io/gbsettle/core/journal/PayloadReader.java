package io.gbsettle.core.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.MutableDirectBuffer;

/**
 * Reads a {@link PayloadJournal} in order, one entry at a time, into a reused {@link PayloadEntry}; it sees entries
 * appended after it was created (also by another process). One thread; close it after use.
 */
public final class PayloadReader implements AutoCloseable
{
    private final ExcerptTailer tailer;

    PayloadReader(final ExcerptTailer tailer)
    {
        this.tailer = tailer;
    }

    /**
     * Reads the next entry.
     *
     * @param into the entry to fill (its previous content is replaced).
     * @return false at the end of the journal (for now: a later call sees entries appended since).
     */
    public boolean next(final PayloadEntry into)
    {
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return false;
            }
            final Bytes<?> bytes = dc.wire().bytes();
            into.position(bytes.readLong())
                .timeMicros(bytes.readLong())
                .source(bytes.readInt())
                .state(bytes.readInt())
                .contentHash(bytes.readLong())
                .ref(bytes.readLong());
            final long from = bytes.readLong();
            into.events(from, bytes.readLong())
                .channel(bytes.readUtf8())
                .name(bytes.readUtf8())
                .kind(bytes.readUtf8())
                .detail(bytes.readUtf8());
            final int length = bytes.readInt();
            final MutableDirectBuffer body = into.bodyForRead(length);
            if (length > 0)
            {
                bytes.read(body.byteArray(), 0, length);
            }
            return true;
        }
    }

    /**
     * Positions the reader so that the next {@link #next} reads the entry at {@code position} (or the end, if there
     * is none yet). A linear scan of entry headers: payload journals are read whole at start-up, seeking is rare.
     *
     * @param position an entry position, 0 or more.
     */
    public void seek(final long position)
    {
        tailer.toStart();
        while (true)
        {
            try (DocumentContext dc = tailer.readingDocument())
            {
                if (!dc.isPresent())
                {
                    return;
                }
                if (dc.wire().bytes().readLong() >= position)
                {
                    dc.rollbackOnClose();
                    return;
                }
            }
        }
    }

    @Override
    public void close()
    {
        tailer.close();
    }
}
