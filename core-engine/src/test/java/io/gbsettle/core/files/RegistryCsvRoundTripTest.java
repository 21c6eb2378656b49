package io.gbsettle.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;

import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.Season;
import io.gbsettle.core.registry.SyntheticRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistryCsvRoundTripTest
{
    private static final String[] FILES = { RegistryCsv.PARTIES_FILE, RegistryCsv.BM_UNITS_FILE, RegistryCsv.TLF_FILE };

    @TempDir
    Path dir;

    @Test
    void nationalRegistrySurvivesWriteThenLoad()
    {
        final MarketRegistry generated = SyntheticRegistry.generate(2024, SyntheticRegistry.Size.NATIONAL);
        RegistryCsv.write(generated, dir);
        final MarketRegistry loaded = RegistryCsv.load(dir);

        assertEquals(generated, loaded);
        assertEquals(350, loaded.partyCount());
        assertEquals(generated.bmUnitCount(), loaded.bmUnitCount());
        for (int i = 0; i < loaded.bmUnitCount(); i++)
        {
            assertEquals(generated.bmUnitId(i), loaded.bmUnitId(i));
            assertEquals(i, loaded.bmUnitIndex(generated.bmUnitId(i)));
        }
    }

    @Test
    void sameSeedWritesIdenticalBytes() throws IOException
    {
        final Path first = dir.resolve("first");
        final Path second = dir.resolve("second");
        final Path other = dir.resolve("other");
        RegistryCsv.write(SyntheticRegistry.generate(99, SyntheticRegistry.Size.NATIONAL), first);
        RegistryCsv.write(SyntheticRegistry.generate(99, SyntheticRegistry.Size.NATIONAL), second);
        RegistryCsv.write(SyntheticRegistry.generate(100, SyntheticRegistry.Size.NATIONAL), other);

        for (final String file : FILES)
        {
            assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)), file);
        }
        assertFalse(Arrays.equals(
            Files.readAllBytes(first.resolve(RegistryCsv.BM_UNITS_FILE)),
            Files.readAllBytes(other.resolve(RegistryCsv.BM_UNITS_FILE))));
    }

    @Test
    void writingALoadedRegistryReproducesTheFiles() throws IOException
    {
        final Path first = dir.resolve("first");
        final Path second = dir.resolve("second");
        RegistryCsv.write(SyntheticRegistry.generate(5, SyntheticRegistry.Size.MEDIUM), first);
        RegistryCsv.write(RegistryCsv.load(first), second);

        for (final String file : FILES)
        {
            assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)), file);
        }
    }

    @Test
    void writtenFilesHaveTheDocumentedHeaders() throws IOException
    {
        RegistryCsv.write(SyntheticRegistry.generate(1, SyntheticRegistry.Size.SMALL), dir);

        assertTrue(Files.readString(dir.resolve(RegistryCsv.PARTIES_FILE)).startsWith("party_id,name\n"));
        assertTrue(Files.readString(dir.resolve(RegistryCsv.BM_UNITS_FILE)).startsWith(
            "bm_unit_id,lead_party_id,pc_status,trading_unit_id,interconnector,gsp_group,tlf,effective_from," +
            "effective_to\n"));
        assertTrue(Files.readString(dir.resolve(RegistryCsv.TLF_FILE)).startsWith(
            "gsp_group,season,tlf,effective_from,effective_to\n_A,WINTER,"));
    }

    @Test
    void datedSeasonalTlfsAreWrittenInZoneSeasonDateOrder() throws IOException
    {
        final MarketRegistry registry = MarketRegistry.builder()
            .party("SEVG", "Severn Generation Ltd")
            .bmUnit("T_SEVG-1", "SEVG", true, "TU_SEVG", false, "_N", MarketRegistry.NO_TLF)
            .seasonalTlf("_N", Season.WINTER, -0.025, day(2024, 4, 1), MarketRegistry.OPEN_END)
            .seasonalTlf("_n", Season.WINTER, -0.021, day(2023, 4, 1), day(2024, 3, 31))
            .seasonalTlf("_N", Season.SPRING, -0.018, MarketRegistry.OPEN_START, day(2024, 3, 31))
            .seasonalTlf("_A", Season.AUTUMN, 5e-1, MarketRegistry.OPEN_START, MarketRegistry.OPEN_END)
            .build();
        RegistryCsv.write(registry, dir);

        assertEquals("""
            gsp_group,season,tlf,effective_from,effective_to
            _A,AUTUMN,0.5,,
            _N,WINTER,-0.021,2023-04-01,2024-03-31
            _N,WINTER,-0.025,2024-04-01,
            _N,SPRING,-0.018,,2024-03-31
            """, Files.readString(dir.resolve(RegistryCsv.TLF_FILE)));
        assertEquals(registry, RegistryCsv.load(dir));
    }

    private static long day(final int year, final int month, final int dayOfMonth)
    {
        return LocalDate.of(year, month, dayOfMonth).toEpochDay();
    }
}
