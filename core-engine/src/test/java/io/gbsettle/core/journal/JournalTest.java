package io.gbsettle.core.journal;

import java.nio.file.Files;
import java.nio.file.Path;

import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.event.ResultRecord;
import io.gbsettle.core.event.ResultType;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journal directory: its two queues, its registry, and what the engine reads on restart (the input count and
 * the last complete run).
 */
final class JournalTest
{
    @TempDir
    Path dir;

    @Test
    void aJournalDirectoryHoldsInputsResultsAndTheRegistry()
    {
        final MarketRegistry registry = SyntheticRegistry.generate(5, SyntheticRegistry.Size.SMALL);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[ResultRecord.LENGTH]);
        try (Journal journal = Journal.open(dir, new JournalConfig()))
        {
            assertFalse(journal.hasRegistry());
            assertNull(journal.registry());
            journal.writeRegistry(registry);
            assertEquals(InputEvent.LENGTH, journal.inputs().recordLength());
            assertEquals(ResultRecord.LENGTH, journal.results().recordLength());
            final InputEvent event = new InputEvent().wrap(buffer, 0);
            for (int i = 0; i < 7; i++)
            {
                event.reset(8, 20_249, 1 + i, 6, i).position(journal.inputs().nextPosition());
                journal.inputs().append(buffer, 0);
            }
            final ResultRecord result = new ResultRecord().wrap(buffer, 0);
            result.reset(ResultType.RUN_START, 20_249, 0, 1, 1, -1).inputs(0, 0, 6);
            journal.results().append(buffer, 0);
            result.reset(ResultType.RUN_END, 20_249, 0, 1, 1, -1).inputs(0, 0, 6);
            journal.results().append(buffer, 0);
            result.reset(ResultType.RUN_START, 20_249, 0, 2, 2, -1).inputs(0, 0, 6);
            journal.results().append(buffer, 0);
        }
        assertTrue(Files.isDirectory(dir.resolve(Journal.INPUTS)));
        assertTrue(Files.isDirectory(dir.resolve(Journal.RESULTS)));
        try (Journal journal = Journal.openReadOnly(dir, new JournalConfig());
            JournalReader results = journal.results().reader())
        {
            assertEquals(registry, journal.registry());
            assertEquals(7, journal.inputs().nextPosition(), "the count of inputs");
            // On restart: the last complete run is the last RUN_END; what follows it is an interrupted run.
            final long runEnd = results.scanBackward(Long.MAX_VALUE,
                (b, offset, position) -> b.getInt(offset) == ResultType.RUN_END);
            assertEquals(1, runEnd);
            assertEquals(1, results.poll((b, offset, position) -> assertEquals(ResultType.RUN_END, b.getInt(offset)),
                1));
        }
    }

    @Test
    void readingAMissingJournalFails()
    {
        assertThrows(IllegalArgumentException.class, () -> Journal.openReadOnly(dir, new JournalConfig()));
    }
}
