package io.gbsettle.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.time.SettlementRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The synthetic day bundle round-trips through the loader: a clean bundle loads with no problem and every row
 * kept; a bundle with planted errors reports exactly the planted lines and keeps every other row.
 */
final class SyntheticBundleTest
{
    private static final LocalDate DAY = LocalDate.of(2025, 6, 10);
    @TempDir
    Path tmp;

    @Test
    void aBundleLoadsWithNoProblemAndEveryRow()
    {
        final MarketRegistry medium = SyntheticRegistry.generate(7, SyntheticRegistry.Size.MEDIUM);
        final SyntheticBundle.Summary summary = SyntheticBundle.write(medium, 11, DAY, SettlementRun.SF, false, tmp);
        final DayBundle bundle = DayBundle.load(tmp);

        assertEquals(List.of(), bundle.problems());
        assertEquals(List.of(), summary.planted());
        assertEquals(48, bundle.periodCount());
        assertEquals(SettlementRun.SF, bundle.run());
        assertEquals(DAY, bundle.settlementDate());
        assertEquals(medium, bundle.registry());
        assertCounts(summary, bundle);
    }

    @Test
    void theNationalBundleIsNationalAndPlausible()
    {
        final SyntheticBundle.Summary summary = NationalBundle.summary();
        final DayBundle bundle = NationalBundle.load();
        assertPlanted(summary, bundle);
        assertCounts(summary, bundle);
        assertTrue(summary.meteredRows() > 2_500 * 48, "metered " + summary.meteredRows());
        assertTrue(summary.acceptances() >= 200 && summary.acceptances() <= 300, "acceptances " +
            summary.acceptances());
        assertTrue(summary.ecvnRows() > 1_000 * 48, "ECVNs " + summary.ecvnRows());
        assertTrue(summary.mvrnRows() > 0 && summary.absvdRows() > 0);

        // Metered volumes net to about 2 % losses: generation ≈ demand / 0.98.
        for (int p = 1; p <= bundle.periodCount(); p++)
        {
            double tloss = 0.0;
            double generation = 0.0;
            for (int r = bundle.meteredVolumes().first(p); r < bundle.meteredVolumes().limit(p); r++)
            {
                assertEquals(p, bundle.meteredVolumes().period(r));
                tloss += bundle.meteredVolumes().qm(r);
                generation += Math.max(0.0, bundle.meteredVolumes().qm(r));
            }
            assertTrue(tloss > 0.0 && tloss < 0.05 * generation, "period " + p + " losses " + tloss);
            assertTrue(bundle.lolp(p) >= 0.0);
            assertEquals(2, bundle.marketIndex().limit(p) - bundle.marketIndex().first(p));
        }
    }

    @Test
    void planted_errors_are_reported_exactly_and_nothing_else_is_lost()
    {
        final SyntheticBundle.Summary summary = SyntheticBundle.write(
            SyntheticRegistry.generate(3, SyntheticRegistry.Size.MEDIUM), 5, DAY, SettlementRun.II, true, tmp);
        final DayBundle bundle = DayBundle.load(tmp);
        assertPlanted(summary, bundle);
        assertCounts(summary, bundle);
    }

    private static void assertPlanted(final SyntheticBundle.Summary summary, final DayBundle bundle)
    {
        final List<String> expected = summary.planted().stream().map(p -> p.file() + ":" + p.line()).sorted()
            .collect(Collectors.toList());
        final List<String> reported = bundle.problems().stream().map(p -> p.source() + ":" + p.line()).sorted()
            .collect(Collectors.toList());
        assertEquals(expected, reported, () -> bundle.problems().stream().map(InputProblem::describe)
            .collect(Collectors.joining("\n")));
        assertEquals(16, summary.planted().size());
    }

    private static void assertCounts(final SyntheticBundle.Summary summary, final DayBundle bundle)
    {
        assertEquals(summary.pnRows(), bundle.pn().count());
        assertEquals(summary.bodRows(), bundle.bod().count());
        assertEquals(summary.boalfRows(), bundle.acceptances().count());
        assertEquals(summary.disbsadRows(), bundle.bsad().count());
        assertEquals(summary.midRows(), bundle.marketIndex().count());
        assertEquals(summary.meteredRows(), bundle.meteredVolumes().count());
        assertEquals(summary.ecvnRows(), bundle.ecvn().count());
        assertEquals(summary.mvrnRows(), bundle.mvrn().count());
        assertEquals(summary.absvdRows(), bundle.absvd().count());
    }

    @Test
    void theSameSeedGivesTheSameBytes() throws IOException
    {
        final MarketRegistry small = SyntheticRegistry.generate(1, SyntheticRegistry.Size.SMALL);
        SyntheticBundle.write(small, 9, DAY, SettlementRun.SF, true, tmp.resolve("a"));
        SyntheticBundle.write(small, 9, DAY, SettlementRun.SF, true, tmp.resolve("b"));
        try (var files = Files.list(tmp.resolve("a")))
        {
            for (final Path file : files.collect(Collectors.toList()))
            {
                assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(tmp.resolve("b").resolve(
                    file.getFileName())), file.getFileName().toString());
            }
        }
    }

    @Test
    void clockChangeDaysHaveTheirPeriods()
    {
        final MarketRegistry small = SyntheticRegistry.generate(1, SyntheticRegistry.Size.SMALL);
        final SyntheticBundle.Summary summary = SyntheticBundle.write(small, 9, LocalDate.of(2025, 10, 26),
            SettlementRun.SF, false, tmp);
        final DayBundle bundle = DayBundle.load(tmp);
        assertEquals(50, summary.periods());
        assertEquals(50, bundle.periodCount());
        assertEquals(List.of(), bundle.problems());
    }
}
