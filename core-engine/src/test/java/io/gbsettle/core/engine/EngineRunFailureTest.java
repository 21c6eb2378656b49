package io.gbsettle.core.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.event.ResultType;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.settle.SettlementContext;
import io.gbsettle.core.time.EpochDays;
import io.gbsettle.core.time.SettlementRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run that cannot complete (a day before the single imbalance price, without a price given) is closed off and
 * reported; the engine goes on, later runs complete, and the journal still replays and verifies.
 */
final class EngineRunFailureTest
{
    @Test
    void aFailedRunIsReportedAndTheEngineGoesOn(@TempDir final Path journal) throws Exception
    {
        final MarketRegistry registry = SyntheticRegistry.generate(2, SyntheticRegistry.Size.SMALL);
        final long before = EpochDays.of(2014, 6, 1);
        final long after = EpochDays.of(2025, 6, 1);
        final List<String> seen = new ArrayList<>();
        try (Engine engine = Engine.launch(new EngineContext().registry(registry).journalDir(journal)
            .listener(record ->
            {
                if (record.type() == ResultType.ABORTED || record.type() == ResultType.PROBLEM ||
                    record.type() == ResultType.RUN_END)
                {
                    seen.add(ResultType.name(record.type()) + (record.type() == ResultType.PROBLEM ?
                        " " + (int)record.value(0) : ""));
                }
            })))
        {
            engine.submitMetered(EventSource.SYNTHETIC, 1, before, 1, 0, 1.0);
            engine.triggerRun(EventSource.OPERATOR, 1, before, SettlementRun.SF);
            engine.submitMetered(EventSource.SYNTHETIC, 2, after, 1, 0, 1.0);
            final long run = engine.triggerRun(EventSource.OPERATOR, 2, after, SettlementRun.SF);
            engine.awaitProcessed(run, 30, TimeUnit.SECONDS);
        }
        assertEquals(List.of("PROBLEM " + ResultType.PROBLEM_RUN_FAILED, "RUN_END"), seen,
            "a day that cannot be settled writes only its failure; the next run completes");
        final Replay.Summary replay = Replay.run(journal, SettlementContext.defaults(), 0, true, null);
        assertTrue(replay.verified(), replay.toString());
    }
}
