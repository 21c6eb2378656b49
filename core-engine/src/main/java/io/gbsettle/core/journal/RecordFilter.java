package io.gbsettle.core.journal;

import org.agrona.DirectBuffer;

/**
 * Looks at records during a search ({@link JournalReader#scanBackward}) and says when to stop: the engine uses it to
 * find, on restart, the last complete {@code RUN_END} in the results journal. The buffer is reused after the call.
 */
@FunctionalInterface
public interface RecordFilter
{
    /**
     * @param buffer   holding the record.
     * @param offset   of the record's first byte in {@code buffer}.
     * @param position the record's position in its journal.
     * @return true to stop at this record.
     */
    boolean test(DirectBuffer buffer, int offset, long position);
}
