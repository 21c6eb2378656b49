package io.gbsettle.core.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.time.EpochDays;
import io.gbsettle.core.time.SettlementRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link RunRecords#list}: a run that failed (a day before the single price, without price overrides) is listed as
 * failed, the next one as complete; only the complete one can be read back.
 */
final class RunRecordsListTest
{
    @Test
    void aFailedRunIsListedAsFailed(@TempDir final Path journal) throws Exception
    {
        final long before = EpochDays.of(2014, 6, 1);
        final long after = EpochDays.of(2025, 6, 1);
        final long failedTrigger;
        try (Engine engine = Engine.launch(new EngineContext().registry(SyntheticRegistry.generate(2,
            SyntheticRegistry.Size.SMALL)).journalDir(journal)))
        {
            engine.submitMetered(EventSource.SYNTHETIC, 1, before, 1, 0, 1.0);
            failedTrigger = engine.triggerRun(EventSource.OPERATOR, 1, before, SettlementRun.SF);
            engine.submitMetered(EventSource.SYNTHETIC, 2, after, 1, 0, 1.0);
            final long run = engine.triggerRun(EventSource.OPERATOR, 2, after, SettlementRun.SF);
            engine.awaitProcessed(run, 30, TimeUnit.SECONDS);
        }
        final List<RunRecords.RunInfo> runs = RunRecords.list(journal);
        assertEquals(2, runs.size(), runs::toString);
        assertEquals(before, runs.get(0).epochDay());
        assertEquals("failed", runs.get(0).status());
        assertEquals(failedTrigger, runs.get(0).inputTo());
        assertEquals(after, runs.get(1).epochDay());
        assertEquals("complete", runs.get(1).status());
        assertTrue(runs.get(1).records() > 2);
        assertNull(RunSummary.read(journal, before, SettlementRun.SF));
        assertEquals(runs.get(1).records(), RunSummary.read(journal, after, SettlementRun.SF).records());
    }
}
