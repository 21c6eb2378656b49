package io.gbsettle.core.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.event.ResultRecord;
import io.gbsettle.core.event.ResultType;
import io.gbsettle.core.journal.Journal;
import io.gbsettle.core.journal.JournalConfig;
import io.gbsettle.core.journal.JournalReader;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.time.EpochDays;
import io.gbsettle.core.time.SettlementRun;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An engine relaunched on a journal whose results end in a group a crash cut short: recovery appends (the ABORTED
 * marker) on the launching thread, and the engine's own threads must still be able to append afterwards (Chronicle
 * ties an appender to the thread that used it first; {@code RecordJournal.handOver} releases it).
 */
final class EngineRecoveryThreadTest
{
    @Test
    void theEngineAppendsAfterRecoveryAppendedOnTheLaunchingThread(@TempDir final Path journal) throws Exception
    {
        final MarketRegistry registry = SyntheticRegistry.generate(2, SyntheticRegistry.Size.SMALL);
        final long day = EpochDays.of(2025, 6, 1);
        try (Engine engine = Engine.launch(new EngineContext().registry(registry).journalDir(journal)))
        {
            engine.submitMetered(EventSource.SYNTHETIC, 1, day, 1, 0, 1.0);
            engine.awaitProcessed(engine.triggerRun(EventSource.OPERATOR, 1, day, SettlementRun.SF), 30,
                TimeUnit.SECONDS);
        }
        // a crash in the middle of a result group: its first record is journaled, its GROUP_END never was
        try (Journal files = Journal.open(journal, new JournalConfig()))
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[ResultRecord.LENGTH]);
            new ResultRecord().wrap(buffer, 0).reset(ResultType.RUN_START, day, 0, SettlementRun.R1.ordinal(), 2, -1)
                .inputs(0, 0, 1);
            files.results().append(buffer, 0);
        }

        final List<String> ends = new ArrayList<>();
        try (Engine engine = Engine.launch(new EngineContext().registry(registry).journalDir(journal)
            .listener(record ->
            {
                if (record.type() == ResultType.RUN_END || record.type() == ResultType.ABORTED)
                {
                    ends.add(ResultType.name(record.type()));
                }
            })))
        {
            engine.submitMetered(EventSource.SYNTHETIC, 2, day, 1, 0, 2.0);
            engine.awaitProcessed(engine.triggerRun(EventSource.OPERATOR, 2, day, SettlementRun.R1), 30,
                TimeUnit.SECONDS);
            assertEquals(List.of("RUN_END"), ends, "the run after recovery completes and is published");
        }
        final int[] aborted = new int[1];
        try (Journal files = Journal.openReadOnly(journal, new JournalConfig());
            JournalReader reader = files.results().reader())
        {
            final ResultRecord record = new ResultRecord();
            while (reader.poll((buffer, offset, position) ->
            {
                if (record.wrap(new UnsafeBuffer(buffer, offset, ResultRecord.LENGTH), 0).type() ==
                    ResultType.ABORTED)
                {
                    aborted[0]++;
                }
            }, 1024) > 0)
            {
                // counted above
            }
        }
        assertEquals(1, aborted[0], "the cut group is closed once");
    }
}
