package io.gbsettle.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.time.SettlementRun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reconciliation runs of a synthetic day carry revised metered volumes and nothing else new: the files of the SF and
 * R1 bundles differ in day.json and metered_volumes.csv only; R1 revises a few BM Units; R3 keeps R1's revisions.
 */
final class SyntheticBundleRevisionsTest
{
    @TempDir
    Path tmp;

    @Test
    void laterRunsReviseMeteredVolumesOnly() throws IOException
    {
        final MarketRegistry registry = SyntheticRegistry.generate(8, SyntheticRegistry.Size.MEDIUM);
        final LocalDate date = LocalDate.of(2025, 6, 10);
        for (final SettlementRun run : List.of(SettlementRun.II, SettlementRun.SF, SettlementRun.R1, SettlementRun.R3))
        {
            SyntheticBundle.write(registry, 8, date, run, false, tmp.resolve(run.name()));
        }
        try (var files = Files.list(tmp.resolve("SF")))
        {
            for (final Path file : files.toList())
            {
                final String name = file.getFileName().toString();
                final boolean revisable = name.equals(DayBundle.METERED_FILE) || name.equals(DayBundle.DAY_FILE);
                if (!revisable)
                {
                    assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(tmp.resolve("R1").resolve(name)),
                        name);
                }
            }
        }
        final List<String> ii = lines("II");
        final List<String> sf = lines("SF");
        final List<String> r1 = lines("R1");
        final List<String> r3 = lines("R3");
        assertEquals(sf, ii, "II is before SF: nothing revised");
        assertEquals(sf.size(), r1.size());
        int revisedR1 = 0;
        int keptInR3 = 0;
        int revisedR3 = 0;
        for (int i = 1; i < sf.size(); i++)
        {
            if (!sf.get(i).equals(r1.get(i)))
            {
                revisedR1++;
                keptInR3 += sf.get(i).equals(r3.get(i)) ? 0 : 1;
            }
            revisedR3 += sf.get(i).equals(r3.get(i)) ? 0 : 1;
        }
        final int rows = sf.size() - 1;
        assertTrue(revisedR1 > rows / 100 && revisedR1 < rows / 10, revisedR1 + " of " + rows);
        assertEquals(revisedR1, keptInR3, "R3 keeps R1's revisions");
        assertTrue(revisedR3 > revisedR1, "R3 revises more: " + revisedR3);
    }

    private List<String> lines(final String run) throws IOException
    {
        return Files.readAllLines(tmp.resolve(run).resolve(DayBundle.METERED_FILE));
    }
}
