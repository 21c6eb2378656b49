package io.gbsettle.core.engine;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.event.ResultRecord;
import io.gbsettle.core.event.ResultType;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.SyntheticBundle;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.settle.DaySettlement;
import io.gbsettle.core.kernel.settle.SettlementOptions;
import io.gbsettle.core.settle.SettlementContext;
import io.gbsettle.core.time.SettlementRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine with its journal: results of a run equal the batch settlement; relaunching on the journal recovers
 * without publishing anything twice and makes a resubmitted day a no-op; a replay verifies every journaled result;
 * a second run of the day reports what moved.
 */
final class JournaledEngineTest
{
    @TempDir
    static Path bundleDir;

    private static DayBundle bundle;

    @BeforeAll
    static void generate()
    {
        SyntheticBundle.write(SyntheticRegistry.generate(3, SyntheticRegistry.Size.SMALL), 3, LocalDate.of(2025, 3,
            30), SettlementRun.SF, false, bundleDir);
        bundle = DayBundle.load(bundleDir);
    }

    @ParameterizedTest
    @EnumSource(EnginePipeline.class)
    void journaledRunRecoversReplaysAndDiffs(final EnginePipeline pipeline, @TempDir final Path journal)
        throws Exception
    {
        final CapturingReport batch = new CapturingReport();
        new DaySettlement(bundle).settle(batch);

        final CapturingReport first = new CapturingReport();
        final long inputs;
        try (Engine engine = launch(pipeline, journal, first, new ArrayList<>()))
        {
            BundleEvents.settle(bundle, engine, 30, TimeUnit.SECONDS);
            inputs = engine.nextPosition();
        }
        assertEquals(batch.rows, first.rows, "the journaled engine settles as the batch does (a 46-period day)");

        final Replay.Summary verified = Replay.run(journal, SettlementContext.defaults(), 0, true, null);
        assertNull(verified.firstDifference());
        assertTrue(verified.verified(), verified.toString());
        assertEquals(inputs, verified.inputs());

        final CapturingReport again = new CapturingReport();
        final List<String> diffs = new ArrayList<>();
        try (Engine engine = launch(pipeline, journal, again, diffs))
        {
            assertEquals(inputs, engine.nextPosition(), "recovered every input");
            assertEquals(0, again.rows.size(), "recovery publishes nothing already published");
            BundleEvents.settle(bundle, engine, 30, TimeUnit.SECONDS);
            assertEquals(0, again.rows.size(), "a resubmitted day and trigger have no effect");

            final int unit = bundle.meteredVolumes().bmUnit(0);
            final long revised = engine.submitMetered(EventSource.OPERATOR, 1, bundle.epochDay(),
                bundle.meteredVolumes().period(0), unit, bundle.meteredVolumes().qm(0) + 10.0);
            engine.awaitProcessed(revised, 30, TimeUnit.SECONDS);
            final long r1 = engine.triggerRun(EventSource.OPERATOR, 2, bundle.epochDay(), SettlementRun.R1);
            engine.awaitProcessed(r1, 30, TimeUnit.SECONDS);
        }
        assertEquals(batch.rows.size(), again.rows.size(), "the R1 run reports the whole day");
        assertTrue(!diffs.isEmpty() && diffs.get(0).startsWith("R1#2 vs SF#1"), diffs.toString());

        final Replay.Summary after = Replay.run(journal, SettlementContext.defaults(), 0, true, null);
        assertTrue(after.verified(), after.toString());

        final Replay.Summary fromR1 = Replay.run(journal, SettlementContext.defaults(), inputs, true, null);
        assertTrue(fromR1.verified(), "replay --from the second life's first input: " + fromR1);
        assertTrue(fromR1.compared() > 0 && fromR1.compared() < after.compared(), fromR1.toString());

        final SettlementContext otherLosses = SettlementContext.defaults()
            .settlementOptions(SettlementOptions.defaults().alpha(0.9));
        final Replay.Summary different = Replay.run(journal, otherLosses, 0, true, null);
        assertTrue(!different.verified() && different.firstDifference().contains("differs at byte"),
            "a replay with other kernel choices names the first difference: " + different.firstDifference());
    }

    @Test
    void aJournalRefusesAnotherRegistry(@TempDir final Path journal)
    {
        Engine.launch(new EngineContext().registry(bundle.registry()).journalDir(journal)).close();
        final MarketRegistry other = SyntheticRegistry.generate(4, SyntheticRegistry.Size.SMALL);
        final IllegalStateException refused = assertThrows(IllegalStateException.class,
            () -> Engine.launch(new EngineContext().registry(other).journalDir(journal)));
        assertTrue(refused.getMessage().contains("was written with another market registry"), refused::getMessage);
        Engine.launch(new EngineContext().registry(bundle.registry()).journalDir(journal)).close();
    }

    private static Engine launch(final EnginePipeline pipeline, final Path journal, final CapturingReport report,
        final List<String> diffs)
    {
        return Engine.launch(new EngineContext().registry(bundle.registry()).journalDir(journal).pipeline(pipeline)
            .listener(record -> collect(record, report, diffs)));
    }

    private static void collect(final ResultRecord record, final CapturingReport report, final List<String> diffs)
    {
        if (record.run() != ResultRecord.INDICATIVE)
        {
            RunResults.toReport(record, report);
        }
        if (record.type() == ResultType.PARTY_PERIOD_DIFF)
        {
            diffs.add(ResultType.runName(record.run()) + "#" + record.runSequence() + " vs " +
                ResultType.runName((int)record.value(6)) + "#" + (int)record.value(7));
        }
    }
}
