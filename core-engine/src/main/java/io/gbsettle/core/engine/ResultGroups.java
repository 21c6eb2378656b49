package io.gbsettle.core.engine;

import org.agrona.DirectBuffer;
import org.agrona.collections.LongArrayList;
import org.agrona.concurrent.UnsafeBuffer;

import io.gbsettle.core.event.ResultRecord;
import io.gbsettle.core.event.ResultType;
import io.gbsettle.core.journal.JournalReader;
import io.gbsettle.core.journal.RecordHandler;
import io.gbsettle.core.journal.RecordJournal;

/**
 * What a results journal says about the calculation that wrote it, read in one forward pass:
 *
 * <ul>
 *   <li>which records are valid: results come in groups sharing one gate (the input position they rest on), each
 *   ended by {@code RUN_END} or a record with {@link ResultType#GROUP_END}; a group cut short by a crash is followed
 *   by an {@link ResultType#ABORTED} marker (or is the journal's unfinished tail) and is skipped;</li>
 *   <li>how many groups are complete: recovery recomputes every group in the same order and publishes only those
 *   after that many (not "after the last complete gate": one input can gate several groups, such as a run trigger's
 *   indicative flush and then its run, so a run cut short shares its gate with complete groups before it);</li>
 *   <li>the flush points: the input positions at which indicative results were computed (the ends of the live ring's
 *   batches), so that a replay recomputes them at exactly the same points and gets the same records.</li>
 * </ul>
 */
final class ResultGroups implements RecordHandler
{
    private final ResultRecord record = new ResultRecord();
    private final LongArrayList flushPoints = new LongArrayList();
    private final LongArrayList skipped = new LongArrayList();
    private long completeGroups;
    private long groupStart = -1;
    private long end;
    private boolean tail;

    /**
     * Reads a whole results journal.
     *
     * @param results the journal.
     * @return what it says.
     */
    static ResultGroups scan(final RecordJournal results)
    {
        final ResultGroups groups = new ResultGroups();
        try (JournalReader reader = results.reader())
        {
            while (reader.poll(groups, 4096) > 0)
            {
                // the handler does the work
            }
            groups.end = reader.position();
        }
        if (groups.groupStart >= 0)
        {
            groups.tail = true;
            groups.skipped.addLong(groups.groupStart);
            groups.skipped.addLong(groups.end);
        }
        return groups;
    }

    @Override
    public void onRecord(final DirectBuffer buffer, final int offset, final long position)
    {
        record.wrap((UnsafeBuffer)buffer, offset);
        final int type = record.type();
        if (type == ResultType.ABORTED)
        {
            skipped.addLong(groupStart >= 0 ? groupStart : position);
            skipped.addLong(position + 1);
            groupStart = -1;
            return;
        }
        if (groupStart < 0)
        {
            groupStart = position;
        }
        if ((record.quality() & ResultType.GROUP_END) != 0)
        {
            final long gate = record.inputTo();
            completeGroups++;
            if (type == ResultType.INDICATIVE_PRICE || type == ResultType.INDICATIVE_CASHFLOW)
            {
                if (flushPoints.isEmpty() || flushPoints.getLong(flushPoints.size() - 1) != gate)
                {
                    flushPoints.addLong(gate);
                }
            }
            groupStart = -1;
        }
    }

    /**
     * @return how many complete groups the journal holds (groups cut short and abort markers not counted).
     */
    long completeGroups()
    {
        return completeGroups;
    }

    /**
     * @return whether the journal ends with a group a crash cut short.
     */
    boolean unfinishedTail()
    {
        return tail;
    }

    /**
     * @return input positions at which indicative results were computed, ascending.
     */
    LongArrayList flushPoints()
    {
        return flushPoints;
    }

    /**
     * @param position a results journal position.
     * @return whether the record there belongs to a group cut short (or is an abort marker).
     */
    boolean skipped(final long position)
    {
        for (int i = 0; i < skipped.size(); i += 2)
        {
            if (position >= skipped.getLong(i) && position < skipped.getLong(i + 1))
            {
                return true;
            }
        }
        return false;
    }
}
