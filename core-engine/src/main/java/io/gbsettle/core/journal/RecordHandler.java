package io.gbsettle.core.journal;

import org.agrona.DirectBuffer;

/**
 * Receives the records a {@link JournalReader} replays, one call per record, in position order. The buffer is the
 * reader's own and is reused for the next record: read it (or copy it) during the call, never keep it.
 */
@FunctionalInterface
public interface RecordHandler
{
    /**
     * One record.
     *
     * @param buffer   holding the record.
     * @param offset   of the record's first byte in {@code buffer}.
     * @param position the record's position (ordinal) in its journal.
     */
    void onRecord(DirectBuffer buffer, int offset, long position);
}
