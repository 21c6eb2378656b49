package io.gbsettle.core.time;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

class EpochDaysTest
{
    @Test
    void agreesWithLocalDateOverTheWholeWorkingDayRange()
    {
        for (LocalDate day = LocalDate.of(1900, 1, 1); !day.isAfter(LocalDate.of(2200, 12, 31)); day = day.plusDays(1))
        {
            final long epochDay = day.toEpochDay();
            final int expected = day.getYear() * 10_000 + day.getMonthValue() * 100 + day.getDayOfMonth();
            if (EpochDays.yyyymmdd(epochDay) != expected ||
                EpochDays.of(day.getYear(), day.getMonthValue(), day.getDayOfMonth()) != epochDay ||
                EpochDays.dayOfWeek(epochDay) != day.getDayOfWeek().getValue() ||
                EpochDays.lengthOfMonth(day.getYear(), day.getMonthValue()) != day.lengthOfMonth())
            {
                fail("disagrees with java.time on " + day);
            }
        }
    }

    @Test
    void fieldsAndMonthArithmetic()
    {
        final long day = LocalDate.of(2024, 1, 31).toEpochDay();
        assertEquals(2024, EpochDays.year(day));
        assertEquals(1, EpochDays.month(day));
        assertEquals(31, EpochDays.dayOfMonth(day));
        assertEquals(LocalDate.of(2024, 2, 29).toEpochDay(), EpochDays.plusMonthsClamped(day, 1));
        assertEquals(LocalDate.of(2025, 2, 28).toEpochDay(), EpochDays.plusMonthsClamped(day, 13));
        assertEquals(LocalDate.of(2023, 11, 30).toEpochDay(), EpochDays.plusMonthsClamped(day, -2));
        assertEquals(day, EpochDays.plusMonthsClamped(day, 0));
    }
}
