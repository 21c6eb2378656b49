package io.gbsettle.core.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import io.gbsettle.core.event.ResultRecord;
import io.gbsettle.core.event.ResultType;
import io.gbsettle.core.journal.Journal;
import io.gbsettle.core.journal.JournalConfig;
import io.gbsettle.core.journal.JournalReader;
import io.gbsettle.core.journal.RecordHandler;
import io.gbsettle.core.journal.RecordJournal;
import io.gbsettle.core.time.SettlementRun;

/**
 * Reads a settlement run's results back from a journal: the latest complete run of a day and run type (a run is
 * complete once its {@code RUN_END} is journaled; a run a crash cut short is skipped). Reports are always written
 * from here, so a command that was killed and run again writes exactly what an uninterrupted one would.
 */
public final class RunRecords
{
    private RunRecords()
    {
    }

    /**
     * Streams the records of the latest complete run of a day, RUN_START to RUN_END, in journal order.
     *
     * @param dir      the journal directory.
     * @param epochDay the Settlement Day.
     * @param run      the run type.
     * @param listener receives each record.
     * @return the run's sequence number within the day, or 0 when the journal holds no complete such run.
     */
    public static int latest(final Path dir, final long epochDay, final SettlementRun run,
        final ResultListener listener)
    {
        try (Journal journal = Journal.openReadOnly(dir, new JournalConfig()))
        {
            final RecordJournal results = journal.results();
            if (results == null)
            {
                return 0;
            }
            final ResultGroups groups = ResultGroups.scan(results);
            final Finder finder = new Finder(groups, epochDay, run.ordinal());
            try (JournalReader reader = results.reader())
            {
                while (reader.poll(finder, 4096) > 0)
                {
                    // the finder does the work
                }
                if (finder.found < 0)
                {
                    return 0;
                }
                reader.seek(finder.found);
                final Streamer streamer = new Streamer(listener);
                while (!streamer.done && reader.poll(streamer, 1) > 0)
                {
                    // the streamer does the work
                }
                return finder.sequence;
            }
        }
    }

    /**
     * Every settlement run a journal holds, in journal order: complete ones, those cut short (by a crash, which
     * recovery follows with the run written again whole) and those that failed (a day that cannot be settled; see the
     * engine's log).
     *
     * @param dir the journal directory.
     * @return the runs, oldest first; empty when the journal holds no results.
     */
    public static List<RunInfo> list(final Path dir)
    {
        try (Journal journal = Journal.openReadOnly(dir, new JournalConfig()))
        {
            final RecordJournal results = journal.results();
            final List<RunInfo> runs = new ArrayList<>();
            if (results == null)
            {
                return runs;
            }
            final Lister lister = new Lister(runs);
            try (JournalReader reader = results.reader())
            {
                while (reader.poll(lister, 4096) > 0)
                {
                    // the lister does the work
                }
            }
            lister.cut();
            return runs;
        }
    }

    /**
     * One settlement run found in a journal.
     *
     * @param epochDay   the Settlement Day.
     * @param run        the run type.
     * @param sequence   its sequence number within the day (1 for the day's first run).
     * @param records    its records from RUN_START to RUN_END inclusive (as far as they go when cut).
     * @param complete   whether its RUN_END is there (only a complete run's records are valid).
     * @param failed     whether the engine reported it failed ({@code PROBLEM_RUN_FAILED}; sequence 0 when it failed
     *                   before its first record).
     * @param inputFrom  the first input position of the day it rests on (the trigger's when it failed at once).
     * @param inputTo    the input position of its trigger.
     * @param position   the results journal position of its RUN_START (or of the failure).
     */
    public record RunInfo(long epochDay, SettlementRun run, int sequence, long records, boolean complete,
        boolean failed, long inputFrom, long inputTo, long position)
    {
        /**
         * @return "complete", "cut" or "failed".
         */
        public String status()
        {
            return complete ? "complete" : failed ? "failed" : "cut";
        }
    }

    /**
     * Follows the runs through a results journal.
     */
    private static final class Lister implements RecordHandler
    {
        private static final SettlementRun[] RUNS = SettlementRun.values();
        private final List<RunInfo> runs;
        private final ResultRecord record = new ResultRecord();
        private boolean open;
        private long epochDay;
        private int run;
        private int sequence;
        private long records;
        private long inputFrom;
        private long inputTo;
        private long start;

        Lister(final List<RunInfo> runs)
        {
            this.runs = runs;
        }

        @Override
        public void onRecord(final DirectBuffer buffer, final int offset, final long position)
        {
            record.wrap((UnsafeBuffer)buffer, offset);
            final int type = record.type();
            if (type == ResultType.RUN_START)
            {
                cut();
                open = true;
                epochDay = record.epochDay();
                run = record.run();
                sequence = record.runSequence();
                records = 1;
                inputFrom = record.inputFrom();
                inputTo = record.inputTo();
                start = position;
            }
            else if (type == ResultType.ABORTED)
            {
                cut();
            }
            else if (type == ResultType.PROBLEM && (int)record.value(0) == ResultType.PROBLEM_RUN_FAILED &&
                record.run() != ResultRecord.INDICATIVE)
            {
                cut();
                failed(position);
            }
            else if (open && record.run() != ResultRecord.INDICATIVE)
            {
                records++;
                if (type == ResultType.RUN_END)
                {
                    add(true);
                }
            }
        }

        void cut()
        {
            if (open)
            {
                add(false);
            }
        }

        private void add(final boolean complete)
        {
            runs.add(new RunInfo(epochDay, RUNS[run], sequence, records, complete, false, inputFrom, inputTo, start));
            open = false;
        }

        /**
         * The run just cut (same day, run and trigger) failed; or, with none, a run failed before its first record.
         */
        private void failed(final long position)
        {
            final long trigger = record.inputTo();
            final int last = runs.size() - 1;
            final RunInfo cut = last >= 0 ? runs.get(last) : null;
            if (cut != null && !cut.complete() && !cut.failed() && cut.epochDay() == record.epochDay() &&
                cut.run().ordinal() == record.run() && cut.inputTo() == trigger)
            {
                runs.set(last, new RunInfo(cut.epochDay(), cut.run(), cut.sequence(), cut.records(), false, true,
                    cut.inputFrom(), trigger, cut.position()));
            }
            else
            {
                runs.add(new RunInfo(record.epochDay(), RUNS[record.run()], record.runSequence(), 0, false, true,
                    trigger, trigger, position));
            }
        }
    }

    /**
     * Remembers the position of the last valid RUN_START of the day and run whose RUN_END follows.
     */
    private static final class Finder implements RecordHandler
    {
        private final ResultGroups groups;
        private final long epochDay;
        private final int run;
        private final ResultRecord record = new ResultRecord();
        private long start = -1;
        private long found = -1;
        private int sequence;

        Finder(final ResultGroups groups, final long epochDay, final int run)
        {
            this.groups = groups;
            this.epochDay = epochDay;
            this.run = run;
        }

        @Override
        public void onRecord(final DirectBuffer buffer, final int offset, final long position)
        {
            record.wrap((UnsafeBuffer)buffer, offset);
            if (groups.skipped(position) || record.epochDay() != epochDay || record.run() != run)
            {
                return;
            }
            if (record.type() == ResultType.RUN_START)
            {
                start = position;
            }
            else if (record.type() == ResultType.RUN_END && start >= 0)
            {
                found = start;
                sequence = record.runSequence();
                start = -1;
            }
        }
    }

    /**
     * Hands the records on until RUN_END.
     */
    private static final class Streamer implements RecordHandler
    {
        private final ResultListener listener;
        private final ResultRecord record = new ResultRecord();
        private boolean done;

        Streamer(final ResultListener listener)
        {
            this.listener = listener;
        }

        @Override
        public void onRecord(final DirectBuffer buffer, final int offset, final long position)
        {
            record.wrap((UnsafeBuffer)buffer, offset);
            listener.onResult(record);
            done = record.type() == ResultType.RUN_END;
        }
    }
}
