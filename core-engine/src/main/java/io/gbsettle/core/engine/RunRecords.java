package io.gbsettle.core.engine;

import java.nio.file.Path;

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
