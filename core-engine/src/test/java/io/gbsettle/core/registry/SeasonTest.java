package io.gbsettle.core.registry;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static io.gbsettle.core.testing.PropertyChecks.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.generators.SourceDSL.longs;

class SeasonTest
{
    @Test
    void monthsFallInTheirBscSeasons()
    {
        final int[] expected =
        {
            Season.WINTER, Season.WINTER, Season.SPRING, Season.SPRING, Season.SUMMER, Season.SUMMER,
            Season.SUMMER, Season.SUMMER, Season.AUTUMN, Season.AUTUMN, Season.WINTER, Season.WINTER
        };
        for (int month = 1; month <= 12; month++)
        {
            assertEquals(expected[month - 1], Season.ofMonth(month), "month " + month);
        }
    }

    @Test
    void seasonBoundariesByDate()
    {
        assertEquals(Season.WINTER, Season.ofEpochDay(LocalDate.of(2024, 2, 29).toEpochDay()));
        assertEquals(Season.SPRING, Season.ofEpochDay(LocalDate.of(2024, 3, 1).toEpochDay()));
        assertEquals(Season.SPRING, Season.ofEpochDay(LocalDate.of(2024, 4, 30).toEpochDay()));
        assertEquals(Season.SUMMER, Season.ofEpochDay(LocalDate.of(2024, 5, 1).toEpochDay()));
        assertEquals(Season.SUMMER, Season.ofEpochDay(LocalDate.of(2024, 8, 31).toEpochDay()));
        assertEquals(Season.AUTUMN, Season.ofEpochDay(LocalDate.of(2024, 9, 1).toEpochDay()));
        assertEquals(Season.AUTUMN, Season.ofEpochDay(LocalDate.of(2024, 10, 31).toEpochDay()));
        assertEquals(Season.WINTER, Season.ofEpochDay(LocalDate.of(2024, 11, 1).toEpochDay()));
    }

    @Test
    void namesAndLookups()
    {
        assertEquals("WINTER", Season.name(Season.WINTER));
        assertEquals("AUTUMN", Season.name(Season.AUTUMN));
        assertEquals(Season.SUMMER, Season.index("summer"));
        assertEquals(Season.NONE, Season.index("MONSOON"));
    }

    @Test
    void seasonOfEpochDayIsTheSeasonOfItsLocalDateMonth()
    {
        check(1000).forAll(longs().between(-800_000, 3_000_000)).checkAssert((final Long epochDay) ->
            assertEquals(Season.ofMonth(LocalDate.ofEpochDay(epochDay).getMonthValue()), Season.ofEpochDay(epochDay)));
    }
}
