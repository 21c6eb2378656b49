package io.gbsettle.core.engine;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.event.ResultType;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.SyntheticBundle;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.time.SettlementRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A registration change received as an input moves a BM Unit's results on its day: deregistered, its rows leave the
 * run and its records are listed as left out; given to another lead party, its cashflows follow the new party.
 */
final class EngineRegistrationTest
{
    @Test
    void registrationChangesApplyToTheirDay(@TempDir final Path dir) throws Exception
    {
        SyntheticBundle.write(SyntheticRegistry.generate(3, SyntheticRegistry.Size.SMALL), 3, LocalDate.of(2025, 6,
            10), SettlementRun.SF, false, dir);
        final DayBundle bundle = DayBundle.load(dir);
        final MarketRegistry registry = bundle.registry();
        final int gone = bundle.meteredVolumes().bmUnit(0);
        final int moved = firstOtherUnit(bundle, gone);
        final int newParty = (bundle.day().leadParty(moved) + 1) % registry.partyCount();

        final List<Integer> units = new ArrayList<>();
        final List<String> leftOut = new ArrayList<>();
        final double[] partyCbm = new double[registry.partyCount()];
        final double[] unitCbm = new double[registry.bmUnitCount()];
        try (Engine engine = Engine.launch(new EngineContext().registry(registry).listener(record ->
        {
            if (record.type() == ResultType.BM_UNIT_PERIOD)
            {
                units.add(record.subject());
                unitCbm[record.subject()] += record.value(10);
            }
            if (record.type() == ResultType.PROBLEM && record.value(0) == ResultType.PROBLEM_LEFT_OUT)
            {
                leftOut.add(registry.bmUnitId(record.subject()));
            }
            if (record.type() == ResultType.PARTY_DAY)
            {
                partyCbm[record.subject()] = record.value(0);
            }
        })))
        {
            BundleEvents.submit(bundle, engine);
            engine.submitRegistration(EventSource.OPERATOR, 1, bundle.epochDay(), gone, -1, false, -1, -1, Double.NaN);
            engine.submitRegistration(EventSource.OPERATOR, 2, bundle.epochDay(), moved, newParty,
                bundle.day().production(moved), bundle.day().tradingUnit(moved), bundle.day().gspGroup(moved),
                Double.NaN);
            final long run = engine.triggerRun(EventSource.OPERATOR, 3, bundle.epochDay(), SettlementRun.SF);
            engine.awaitProcessed(run, 30, TimeUnit.SECONDS);
        }
        assertFalse(units.contains(gone), "a BM Unit deregistered on the day has no rows");
        assertTrue(units.contains(moved));
        assertTrue(leftOut.contains(registry.bmUnitId(gone)), "its records are listed as left out: " + leftOut);
        final double[] expected = new double[registry.partyCount()];
        for (int unit = 0; unit < registry.bmUnitCount(); unit++)
        {
            if (unit != gone && bundle.day().active(unit))
            {
                expected[unit == moved ? newParty : bundle.day().leadParty(unit)] += unitCbm[unit];
            }
        }
        for (int party = 0; party < registry.partyCount(); party++)
        {
            assertEquals(expected[party], partyCbm[party], 1e-6, "BM cashflow of party " + registry.partyId(party) +
                " follows the lead party on the day");
        }
    }

    private static int firstOtherUnit(final DayBundle bundle, final int not)
    {
        for (int i = 0; i < bundle.registry().bmUnitCount(); i++)
        {
            if (i != not && bundle.day().active(i) && !bundle.day().interconnector(i))
            {
                return i;
            }
        }
        throw new IllegalStateException("no other unit");
    }
}
