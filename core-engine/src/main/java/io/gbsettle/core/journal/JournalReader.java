package io.gbsettle.core.journal;

import java.nio.ByteBuffer;
import java.util.NavigableSet;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Replays a {@link RecordJournal} from any position: forwards record by record ({@link #poll}), allocation-free per
 * record, or backwards to find the last record of some kind ({@link #scanBackward}). Each record is copied into the
 * reader's own buffer before the handler sees it, so the handler reads plain memory of exactly one record.
 *
 * <p>Seeking ({@link #seek}) costs O(log cycles + log records-per-cycle) document reads, not O(n): a binary search
 * over the roll cycles on the position of their first document, then Chronicle index arithmetic inside the cycle
 * (with one record per document, position - first position of the cycle is the sequence number; batched documents
 * fall back to a binary search on the sequence number).
 *
 * <p>A reader sees the records complete when it reads them, also while the journal is being appended to; an
 * incomplete document at the end (a writer in the middle of an append, or killed in it) ends the records for now.
 * Not thread-safe: one reader per thread. Close it after use.
 */
public final class JournalReader implements AutoCloseable
{
    private final RecordJournal journal;
    private final int recordLength;
    private final RollCycle rollCycle;
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final UnsafeBuffer record;
    private long next;
    private int lastCount;

    JournalReader(final RecordJournal journal)
    {
        this.journal = journal;
        this.recordLength = journal.recordLength();
        this.queue = journal.queue();
        this.rollCycle = queue.rollCycle();
        this.tailer = queue.createTailer();
        this.record = new UnsafeBuffer(ByteBuffer.allocateDirect(recordLength));
    }

    /**
     * @return the position of the next record {@link #poll} delivers.
     */
    public long position()
    {
        return next;
    }

    /**
     * @return the position after the last complete record on disk now: the count of records.
     */
    public long endPosition()
    {
        return journal.endPosition();
    }

    /**
     * Delivers up to {@code limit} records, from {@link #position()} on, in position order. Allocation-free once
     * warm.
     *
     * @param handler receives each record.
     * @param limit   the most records to deliver.
     * @return how many were delivered: fewer than {@code limit} at the end of the journal.
     */
    public int poll(final RecordHandler handler, final int limit)
    {
        int delivered = 0;
        while (delivered < limit)
        {
            final DocumentContext dc = tailer.readingDocument();
            try
            {
                if (!dc.isPresent())
                {
                    break;
                }
                final Bytes<?> bytes = dc.wire().bytes();
                final long base = bytes.readPosition() + RecordJournal.POSITION_PREFIX;
                final long first = bytes.readLong();
                final int count = journal.recordsIn(bytes.readRemaining(), first);
                if (first > next)
                {
                    throw new IllegalStateException("journal " + journal.directory() + ": expected position " + next +
                        ", found a document starting at " + first);
                }
                for (int r = (int)(next - first); r < count; r++)
                {
                    if (delivered == limit)
                    {
                        dc.rollbackOnClose();
                        break;
                    }
                    copy(bytes, base + (long)r * recordLength);
                    final long position = first + r;
                    next = position + 1;
                    delivered++;
                    handler.onRecord(record, 0, position);
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
        }
        return delivered;
    }

    /**
     * Positions the reader so that the next record {@link #poll} delivers is the one at {@code position}.
     *
     * @param position a position, 0 up to {@link #endPosition()} (the end: nothing to read yet).
     * @return false if the journal holds fewer records than {@code position} (the reader is then at the end).
     */
    public boolean seek(final long position)
    {
        if (position < 0)
        {
            throw new IllegalArgumentException("position must be >= 0: " + position);
        }
        tailer.direction(TailerDirection.FORWARD);
        final long end = journal.endPosition();
        if (position >= end)
        {
            tailer.toEnd();
            next = end;
            return position == end;
        }
        if (position == 0)
        {
            tailer.toStart();
            next = 0;
            return true;
        }
        final long index = indexOf(position);
        if (!tailer.moveToIndex(index))
        {
            throw new IllegalStateException("journal " + journal.directory() + ": cannot move to index " +
                Long.toHexString(index) + " of position " + position);
        }
        next = position;
        return true;
    }

    /**
     * Reads backwards from {@code from} (inclusive) towards position 0 and stops at the first record the filter
     * accepts: the way to find the last record of a kind (the last complete {@code RUN_END}) without reading the
     * journal from the start. Leaves the reader positioned at the record found (so that {@link #poll} delivers it
     * first), or at position 0 when none is.
     *
     * @param from   the position to start from; beyond the end means from the last record.
     * @param filter says which record to stop at.
     * @return the position of the record found, or -1.
     */
    public long scanBackward(final long from, final RecordFilter filter)
    {
        final long start = Math.min(from, journal.endPosition() - 1);
        long found = -1;
        if (start >= 0)
        {
            seek(start);
            tailer.direction(TailerDirection.BACKWARD);
            try
            {
                while (found < 0)
                {
                    try (DocumentContext dc = tailer.readingDocument())
                    {
                        if (!dc.isPresent())
                        {
                            break;
                        }
                        final Bytes<?> bytes = dc.wire().bytes();
                        final long base = bytes.readPosition() + RecordJournal.POSITION_PREFIX;
                        final long first = bytes.readLong();
                        final int count = journal.recordsIn(bytes.readRemaining(), first);
                        for (int r = (int)Math.min(count - 1, start - first); r >= 0; r--)
                        {
                            copy(bytes, base + (long)r * recordLength);
                            if (filter.test(record, 0, first + r))
                            {
                                found = first + r;
                                break;
                            }
                        }
                    }
                }
            }
            finally
            {
                tailer.direction(TailerDirection.FORWARD);
            }
        }
        seek(Math.max(found, 0));
        return found;
    }

    /**
     * Closes the tailer; the journal stays open.
     */
    @Override
    public void close()
    {
        tailer.close();
    }

    private void copy(final Bytes<?> bytes, final long from)
    {
        bytes.nativeRead(from, record.addressOffset(), recordLength);
    }

    /**
     * The Chronicle index of the document holding {@code position}, which is below the end.
     */
    private long indexOf(final long position)
    {
        final NavigableSet<Long> cycleSet = queue.listCyclesBetween(queue.firstCycle(), queue.lastCycle());
        final int[] cycles = new int[cycleSet.size()];
        int n = 0;
        for (final Long cycle : cycleSet)
        {
            cycles[n++] = cycle.intValue();
        }
        // The last cycle whose first document starts at or before the position (empty cycles are skipped over).
        int lo = 0;
        int hi = n - 1;
        int cycle = -1;
        long cycleFirst = 0;
        while (lo <= hi)
        {
            final int mid = (lo + hi) >>> 1;
            int probe = mid;
            long first = Long.MAX_VALUE;
            while (probe <= hi && (first = prefixAt(rollCycle.toIndex(cycles[probe], 0))) == Long.MAX_VALUE)
            {
                probe++;
            }
            if (first <= position)
            {
                cycle = cycles[probe];
                cycleFirst = first;
                lo = probe + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        if (cycle < 0)
        {
            throw new IllegalStateException("journal " + journal.directory() + ": no cycle holds position " + position);
        }
        // One record per document: the sequence number is the distance from the cycle's first position.
        final long guess = position - cycleFirst;
        final long guessIndex = rollCycle.toIndex(cycle, guess);
        final long guessFirst = prefixAt(guessIndex);
        if (guessFirst <= position && position < guessFirst + lastCount)
        {
            return guessIndex;
        }
        // Batched documents: the largest sequence number whose first position is at or before the position.
        long seqLo = 0;
        long seqHi = guess;
        long seq = 0;
        while (seqLo <= seqHi)
        {
            final long mid = (seqLo + seqHi) >>> 1;
            if (prefixAt(rollCycle.toIndex(cycle, mid)) <= position)
            {
                seq = mid;
                seqLo = mid + 1;
            }
            else
            {
                seqHi = mid - 1;
            }
        }
        return rollCycle.toIndex(cycle, seq);
    }

    /**
     * The first position of the document at an index, or {@code Long.MAX_VALUE} when there is none; sets
     * {@link #lastCount} to its record count.
     */
    private long prefixAt(final long index)
    {
        if (!tailer.moveToIndex(index))
        {
            return Long.MAX_VALUE;
        }
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return Long.MAX_VALUE;
            }
            final Bytes<?> bytes = dc.wire().bytes();
            final long first = bytes.readLong();
            lastCount = journal.recordsIn(bytes.readRemaining(), first);
            dc.rollbackOnClose();
            return first;
        }
    }
}
