package io.gbsettle.core.engine;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.SyntheticBundle;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.time.SettlementRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link RunSummary} and {@link RunDiff} against the engine's own run-to-run differences: a journal with SF, then R1
 * after revised metered volumes and a BM Unit moved to another lead party, then R3 after more revisions.
 */
final class RunDiffTest
{
    private static final LocalDate DATE = LocalDate.of(2025, 6, 10);

    @TempDir
    static Path tmp;

    private static DayBundle bundle;
    private static Path journal;
    private static List<RevisedRuns.EngineDiff> engineDiffs;

    @BeforeAll
    static void settle() throws Exception
    {
        SyntheticBundle.write(SyntheticRegistry.generate(5, SyntheticRegistry.Size.SMALL), 5, DATE, SettlementRun.SF,
            false, tmp.resolve("bundle"));
        bundle = DayBundle.load(tmp.resolve("bundle"));
        journal = tmp.resolve("journal");
        // A BM Unit with accepted volume (so BM cashflows) moves to another lead party before R1.
        final int unit = bundle.acceptances().bmUnit(0);
        final int party = (bundle.day().leadParty(unit) + 1) % bundle.registry().partyCount();
        engineDiffs = RevisedRuns.settle(bundle, journal, List.of(SettlementRun.R1, SettlementRun.R3), List.of(
            List.of(RevisedRuns.Revision.metered(3, 12.5), RevisedRuns.Revision.metered(40, -7.25),
                RevisedRuns.Revision.move(unit, party)),
            List.of(RevisedRuns.Revision.metered(100, 3.0))));
    }

    @Test
    void theDiffOfConsecutiveRunsIsTheEnginesOwnRowForRow()
    {
        final RunSummary sf = RunSummary.read(journal, bundle.epochDay(), SettlementRun.SF);
        final RunSummary r1 = RunSummary.read(journal, bundle.epochDay(), SettlementRun.R1);
        final RunSummary r3 = RunSummary.read(journal, bundle.epochDay(), SettlementRun.R3);
        assertEquals("SF#1", sf.label());
        assertEquals("R1#2", r1.label());
        assertEquals("R3#3", r3.label());
        assertSame(engineDiffs(SettlementRun.R1), RunDiff.between(sf, r1).partyPeriods(), SettlementRun.SF, 1);
        assertSame(engineDiffs(SettlementRun.R3), RunDiff.between(r1, r3).partyPeriods(), SettlementRun.R1, 2);
        assertTrue(engineDiffs(SettlementRun.R1).size() > 1, "the revisions moved several parties");
    }

    @Test
    void anyTwoRunsCompareAndAnUnchangedPartyHasNoChange()
    {
        final RunSummary sf = RunSummary.read(journal, bundle.epochDay(), SettlementRun.SF);
        final RunSummary r3 = RunSummary.read(journal, bundle.epochDay(), SettlementRun.R3);
        final RunDiff diff = RunDiff.between(sf, r3);
        assertFalse(diff.partyPeriods().isEmpty());
        final boolean[][] moved = new boolean[sf.sums().parties()][sf.periods() + 1];
        for (final RunDiff.PartyPeriod row : diff.partyPeriods())
        {
            moved[row.party()][row.period()] = true;
            assertEquals(sf.sums().net(row.party(), row.period()), row.netBefore());
            assertEquals(r3.sums().net(row.party(), row.period()), row.netAfter());
            assertEquals(row.netAfter() - row.netBefore(), row.netChange());
        }
        for (int party = 0; party < moved.length; party++)
        {
            for (int period = 1; period <= sf.periods(); period++)
            {
                if (!moved[party][period])
                {
                    assertEquals(0.0, r3.sums().net(party, period) - sf.sums().net(party, period));
                    assertEquals(0.0, r3.sums().qaei(party, period) - sf.sums().qaei(party, period));
                }
            }
        }
        for (final RunDiff.PartyTotal total : diff.partyTotals())
        {
            assertTrue(total.periodsMoved() > 0);
        }
        assertEquals(sf.periods(), diff.periods().size());
    }

    @Test
    void aRunAgainstItselfIsEmpty()
    {
        final RunSummary r1 = RunSummary.read(journal, bundle.epochDay(), SettlementRun.R1);
        final RunDiff same = RunDiff.between(r1, RunSummary.read(journal, bundle.epochDay(), SettlementRun.R1));
        assertEquals(List.of(), same.partyPeriods());
        assertEquals(List.of(), same.partyTotals());
        assertEquals(r1.sums(), RunSummary.read(journal, bundle.epochDay(), SettlementRun.R1).sums());
    }

    @Test
    void aMissingRunIsNullAndTheListHasEveryRun()
    {
        assertNull(RunSummary.read(journal, bundle.epochDay(), SettlementRun.RF));
        assertNull(RunSummary.read(journal, bundle.epochDay() + 1, SettlementRun.SF));
        final List<RunRecords.RunInfo> runs = RunRecords.list(journal);
        assertEquals(3, runs.size(), runs::toString);
        assertEquals(SettlementRun.SF, runs.get(0).run());
        assertEquals(SettlementRun.R3, runs.get(2).run());
        assertEquals(3, runs.get(2).sequence());
        final RunSummary r3 = RunSummary.read(journal, bundle.epochDay(), SettlementRun.R3);
        assertEquals(r3.records(), runs.get(2).records());
        assertEquals(r3.inputTo(), runs.get(2).inputTo());
        for (final RunRecords.RunInfo run : runs)
        {
            assertTrue(run.complete());
            assertEquals(bundle.epochDay(), run.epochDay());
        }
    }

    private static List<RevisedRuns.EngineDiff> engineDiffs(final SettlementRun run)
    {
        return engineDiffs.stream().filter(d -> d.run() == run).toList();
    }

    private static void assertSame(final List<RevisedRuns.EngineDiff> engine, final List<RunDiff.PartyPeriod> ours,
        final SettlementRun before, final int beforeSequence)
    {
        assertEquals(engine.size(), ours.size(), "rows");
        for (int i = 0; i < engine.size(); i++)
        {
            final RevisedRuns.EngineDiff e = engine.get(i);
            final RunDiff.PartyPeriod o = ours.get(i);
            final String row = "row " + i + " " + o;
            assertEquals(e.party(), o.party(), row);
            assertEquals(e.period(), o.period(), row);
            assertEquals(e.values()[0], o.netBefore(), row);
            assertEquals(e.values()[1], o.netAfter(), row);
            assertEquals(e.values()[2], o.netChange(), row);
            assertEquals(e.values()[3], o.qaeiBefore(), row);
            assertEquals(e.values()[4], o.qaeiAfter(), row);
            assertEquals(e.values()[5], o.qaeiChange(), row);
            assertEquals(before.ordinal(), (int)e.values()[6], row);
            assertEquals(beforeSequence, (int)e.values()[7], row);
        }
    }
}
