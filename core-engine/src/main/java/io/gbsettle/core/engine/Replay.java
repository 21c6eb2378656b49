package io.gbsettle.core.engine;

import java.nio.file.Path;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.collections.LongArrayList;
import org.agrona.concurrent.UnsafeBuffer;

import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.event.ResultRecord;
import io.gbsettle.core.event.ResultType;
import io.gbsettle.core.journal.Journal;
import io.gbsettle.core.journal.JournalConfig;
import io.gbsettle.core.journal.JournalReader;
import io.gbsettle.core.journal.RecordHandler;
import io.gbsettle.core.journal.RecordJournal;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.settle.SettlementContext;

/**
 * Re-runs a journal's inputs through a fresh engine core, straight from the journal (no ring): for audit
 * ({@code bsc replay --verify} compares every recomputed result with the journaled one, byte for byte), for
 * recovery (the engine replays its own journal on launch and publishes only what it had not yet published) and for
 * reruns.
 *
 * <p>Indicative results depend on where the live ring's batches ended; the results journal records those points
 * ({@link ResultGroups#flushPoints()}), and the replay ends its batches at the same inputs, so its indicative
 * records are the live ones too.
 *
 * <pre>
 *   results journal ──ResultGroups.scan──► flush points, complete groups, groups cut short
 *   inputs journal ──poll──► EngineCore.onInput(record, endOfBatch = flush point) ──► sink
 *        sink = Verifier (compare with the next valid journaled result) | Recovery (append + publish the groups after
 *               the journal's complete ones) | listener (rerun)
 * </pre>
 */
public final class Replay
{
    private static final int POLL = 4096;

    private Replay()
    {
    }

    /**
     * What a replay did.
     *
     * @param inputs          input records replayed.
     * @param results         result records recomputed (from the start position on).
     * @param compared        result records compared with the journal ({@code verify} only).
     * @param journaled       valid result records in the journal from the start position on.
     * @param firstDifference the first difference, described for a person; null when none.
     * @param nanos           time taken.
     */
    public record Summary(long inputs, long results, long compared, long journaled, String firstDifference,
        long nanos)
    {
        /**
         * @return whether every recomputed result equals the journaled one (and none is missing or extra).
         */
        public boolean verified()
        {
            return firstDifference == null && compared == journaled && results == journaled;
        }
    }

    /**
     * Replays a journal directory.
     *
     * @param dir        the journal directory (with its registry).
     * @param settlement the kernels' choices (they must be the ones the journal was written with to verify).
     * @param from       the first input position whose results are reported or compared (earlier inputs are
     *                   applied, their results not looked at).
     * @param verify     whether to compare every recomputed result with the journaled one.
     * @param listener   receives every recomputed result from {@code from} on; may be null.
     * @return what happened.
     */
    public static Summary run(final Path dir, final SettlementContext settlement, final long from,
        final boolean verify, final ResultListener listener)
    {
        final long started = System.nanoTime();
        try (Journal journal = Journal.openReadOnly(dir, new JournalConfig()))
        {
            final MarketRegistry registry = journal.registry();
            if (registry == null)
            {
                throw new IllegalArgumentException("journal " + dir + " has no registry (" +
                    dir.resolve(Journal.REGISTRY) + "): it cannot be replayed");
            }
            final RecordJournal results = journal.results();
            final ResultGroups groups = results == null ? null : ResultGroups.scan(results);
            final EngineCore core = new EngineCore(registry, settlement, EngineContext.DEFAULT_ROWS_PER_DAY,
                EngineJournal.indicative(dir));
            final Verifier verifier = verify && results != null ? new Verifier(results, groups, from) : null;
            final ForwardingSink sink = new ForwardingSink(from, listener, verifier);
            final long inputs = replay(journal.inputs(), core, groups == null ? new LongArrayList() :
                groups.flushPoints(), sink);
            long journaled = 0;
            String difference = null;
            long compared = 0;
            if (verifier != null)
            {
                verifier.finish();
                journaled = verifier.journaled;
                compared = verifier.compared;
                difference = verifier.difference;
            }
            return new Summary(inputs, sink.results, compared, journaled, difference, System.nanoTime() - started);
        }
    }

    /**
     * Recovers an engine from its journal before the ring starts: replays every input, publishes (appends and hands
     * to the listeners) only the results the journal does not already hold whole, and closes off a group a crash
     * cut short.
     *
     * <p>The replay recomputes the journal's results group by group in the journal's order (that is what
     * {@code replay --verify} checks), so the journal's complete groups are the replay's first ones: recovery
     * counts the groups it recomputes and publishes from the first the journal lacks. A run a crash cut short (its
     * RUN_END never journaled) is thus redone whole after the {@code ABORTED} marker, even though its trigger's
     * indicative flush, journaled whole before the run started, rests on the same input.
     *
     * @return the number of inputs in the journal: the next input's position.
     */
    static long recover(final EngineJournal journal, final EngineCore core, final ResultListener[] listeners)
    {
        final RecordJournal results = journal.results();
        final ResultGroups groups = ResultGroups.scan(results);
        final UnsafeBuffer scratch = new UnsafeBuffer(new byte[ResultRecord.LENGTH]);
        if (groups.unfinishedTail())
        {
            new ResultRecord().wrap(scratch, 0).reset(ResultType.ABORTED, 0, 0, ResultRecord.INDICATIVE, 0, -1);
            results.append(scratch, 0);
        }
        final RecoverySink sink = new RecoverySink(results, listeners, groups.completeGroups(), scratch);
        return replay(journal.inputs(), core, groups.flushPoints(), sink);
    }

    private static long replay(final RecordJournal inputs, final EngineCore core, final LongArrayList flushPoints,
        final ResultSink sink)
    {
        try (JournalReader reader = inputs.reader())
        {
            final InputFeeder feeder = new InputFeeder(core, flushPoints, reader.endPosition() - 1, sink);
            while (reader.poll(feeder, POLL) > 0)
            {
                // the feeder does the work
            }
            return feeder.count;
        }
    }

    /**
     * Hands each journaled input to the core, ending a batch where the live engine did.
     */
    private static final class InputFeeder implements RecordHandler
    {
        private final EngineCore core;
        private final LongArrayList flushPoints;
        private final long last;
        private final ResultSink sink;
        private final InputEvent event = new InputEvent();
        private int nextFlush;
        private long count;

        InputFeeder(final EngineCore core, final LongArrayList flushPoints, final long last, final ResultSink sink)
        {
            this.core = core;
            this.flushPoints = flushPoints;
            this.last = last;
            this.sink = sink;
        }

        @Override
        public void onRecord(final DirectBuffer buffer, final int offset, final long position)
        {
            final int points = flushPoints.size();
            while (nextFlush < points && flushPoints.getLong(nextFlush) < position)
            {
                nextFlush++;
            }
            final boolean endOfBatch = position == last ||
                nextFlush < points && flushPoints.getLong(nextFlush) == position;
            core.onInput(event.wrap((UnsafeBuffer)buffer, offset), endOfBatch, sink);
            count++;
        }
    }

    /**
     * Recovery: the groups the journal already holds whole (the first {@code journaledGroups} complete groups of the
     * replay) are dropped; every record from the first group it lacks on is appended and published, including the
     * records of a run that fails again and its {@code ABORTED}, as the live engine wrote them.
     */
    private static final class RecoverySink implements ResultSink
    {
        private final RecordJournal results;
        private final ResultListener[] listeners;
        private final long journaledGroups;
        private final UnsafeBuffer buffer;
        private final ResultRecord record = new ResultRecord();
        private long recomputedGroups;

        RecoverySink(final RecordJournal results, final ResultListener[] listeners, final long journaledGroups,
            final UnsafeBuffer buffer)
        {
            this.results = results;
            this.listeners = listeners;
            this.journaledGroups = journaledGroups;
            this.buffer = buffer;
        }

        @Override
        public ResultRecord claim()
        {
            return record.wrap(buffer, 0);
        }

        @Override
        public void commit(final long gatePosition)
        {
            final boolean journaled = recomputedGroups < journaledGroups;
            if (record.type() != ResultType.ABORTED && (record.quality() & ResultType.GROUP_END) != 0)
            {
                recomputedGroups++;
            }
            if (!journaled)
            {
                results.append(buffer, 0);
                for (final ResultListener listener : listeners)
                {
                    listener.onResult(record);
                }
            }
        }
    }

    /**
     * A replay's results from the start position on go to the listener and the verifier.
     */
    private static final class ForwardingSink implements ResultSink
    {
        private final long from;
        private final ResultListener listener;
        private final Verifier verifier;
        private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[ResultRecord.LENGTH]);
        private final ResultRecord record = new ResultRecord();
        private final ExpandableDirectByteBuffer group = new ExpandableDirectByteBuffer(1 << 16);
        private final UnsafeBuffer view = new UnsafeBuffer(new byte[ResultRecord.LENGTH]);
        private int grouped;
        private long results;

        ForwardingSink(final long from, final ResultListener listener, final Verifier verifier)
        {
            this.from = from;
            this.listener = listener;
            this.verifier = verifier;
        }

        @Override
        public ResultRecord claim()
        {
            return record.wrap(buffer, 0);
        }

        /**
         * Records are held until their group ends, as the journal's readers see them: a group closed by
         * {@code ABORTED} (a run that failed part way) is dropped, as the journal's readers drop it.
         */
        @Override
        public void commit(final long gatePosition)
        {
            if (gatePosition < from)
            {
                return;
            }
            if (record.type() == ResultType.ABORTED)
            {
                grouped = 0;
                return;
            }
            group.putBytes(grouped * ResultRecord.LENGTH, buffer, 0, ResultRecord.LENGTH);
            grouped++;
            if ((record.quality() & ResultType.GROUP_END) != 0)
            {
                for (int i = 0; i < grouped; i++)
                {
                    view.putBytes(0, group, i * ResultRecord.LENGTH, ResultRecord.LENGTH);
                    record.wrap(view, 0);
                    results++;
                    if (listener != null)
                    {
                        listener.onResult(record);
                    }
                    if (verifier != null)
                    {
                        verifier.check(record);
                    }
                }
                grouped = 0;
            }
        }
    }

    /**
     * Walks the valid journaled results (gate at or after the start) beside the recomputed ones.
     */
    private static final class Verifier implements RecordHandler
    {
        private final JournalReader reader;
        private final ResultGroups groups;
        private final long from;
        private final UnsafeBuffer journaledBuffer = new UnsafeBuffer(new byte[ResultRecord.LENGTH]);
        private final ResultRecord journaledRecord = new ResultRecord().wrap(journaledBuffer, 0);
        private boolean found;
        private long foundPosition;
        private long compared;
        private long journaled;
        private String difference;

        Verifier(final RecordJournal results, final ResultGroups groups, final long from)
        {
            this.reader = results.reader();
            this.groups = groups;
            this.from = from;
        }

        @Override
        public void onRecord(final DirectBuffer buffer, final int offset, final long position)
        {
            journaledBuffer.putBytes(0, buffer, offset, ResultRecord.LENGTH);
            found = !groups.skipped(position) && journaledRecord.inputTo() >= from;
            foundPosition = position;
        }

        private boolean next()
        {
            found = false;
            while (!found)
            {
                if (reader.poll(this, 1) == 0)
                {
                    return false;
                }
            }
            journaled++;
            return true;
        }

        void check(final ResultRecord recomputed)
        {
            if (difference != null)
            {
                return;
            }
            if (!next())
            {
                difference = "recomputed " + recomputed + " but the journal has no more results";
                return;
            }
            compared++;
            final int at = recomputed.firstDifference(journaledBuffer, 0);
            if (at >= 0)
            {
                difference = "result " + foundPosition + " differs at byte " + at + ": journaled " + journaledRecord +
                    " | recomputed " + recomputed;
            }
        }

        void finish()
        {
            if (difference == null && next())
            {
                difference = "the journal holds result " + foundPosition + " (" + journaledRecord +
                    ") that the replay did not produce";
            }
            while (difference == null && next())
            {
                // count what is left
            }
            reader.close();
        }
    }
}
