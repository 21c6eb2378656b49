package io.gbsettle.core.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.gbsettle.core.input.InputProblem;
import org.junit.jupiter.api.Test;

import static io.gbsettle.core.testing.PropertyChecks.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.generators.SourceDSL.doubles;

class RegistryTextTest
{
    @Test
    void tlfIsTheShortestPlainDecimalAndBlankWhenMissing()
    {
        assertEquals("0.5", RegistryText.tlf(5e-1));
        assertEquals("0.01", RegistryText.tlf(0.0100));
        assertEquals("-0.021", RegistryText.tlf(-0.021));
        assertEquals("0.0000001", RegistryText.tlf(1e-7));
        assertEquals("0", RegistryText.tlf(-0.0));
        assertEquals("0.30000000000000004", RegistryText.tlf(0.1 + 0.2));
        assertEquals("", RegistryText.tlf(MarketRegistry.NO_TLF));
        assertEquals("Infinity", RegistryText.tlf(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", RegistryText.tlf(Double.NEGATIVE_INFINITY));
    }

    @Test
    void tlfTextReadsBackToTheSameValue()
    {
        check(1000).forAll(doubles().between(-1.0, 1.0)).checkAssert((final Double tlf) ->
            assertEquals(tlf, Double.parseDouble(RegistryText.tlf(tlf))));
    }

    @Test
    void datesAreIsoAndOpenEndsBlankOrOpen()
    {
        final long april1 = LocalDate.of(2024, 4, 1).toEpochDay();
        assertEquals("2024-04-01", RegistryText.date(april1));
        assertEquals("", RegistryText.date(MarketRegistry.OPEN_START));
        assertEquals("", RegistryText.date(MarketRegistry.OPEN_END));
        assertEquals("2024-04-01..open", RegistryText.range(april1, MarketRegistry.OPEN_END));
        assertEquals("open..2024-04-01", RegistryText.range(MarketRegistry.OPEN_START, april1));
        assertEquals("open..open", RegistryText.range(MarketRegistry.OPEN_START, MarketRegistry.OPEN_END));
    }

    @Test
    void problemsAreOrderedByTableThenLineKeepingTheOrderFoundWithinALine()
    {
        final List<InputProblem> problems = new ArrayList<>(List.of(
            new InputProblem("other.csv", 1, "", "", "another file last"),
            new InputProblem("tlf.csv", 2, "", "", "tlf"),
            new InputProblem("bm_units.csv", 9, "", "", "bm units line 9"),
            new InputProblem("bm_units.csv", 3, "b", "", "bm units line 3, found first"),
            new InputProblem("bm_units.csv", 3, "a", "", "bm units line 3, found second"),
            new InputProblem("parties.csv", 0, "", "", "parties, whole file")));
        problems.sort(RegistryTable.PROBLEM_ORDER);
        assertEquals(List.of(
            "parties, whole file",
            "bm units line 3, found first",
            "bm units line 3, found second",
            "bm units line 9",
            "tlf",
            "another file last"),
            problems.stream().map(InputProblem::reason).toList());
    }
}
