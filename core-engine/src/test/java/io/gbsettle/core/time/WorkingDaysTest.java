package io.gbsettle.core.time;

import java.time.LocalDate;

import io.gbsettle.core.files.CalendarFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WorkingDaysTest
{
    static final WorkingDays WORKING_DAYS = CalendarFiles.defaults().workingDays();

    @ParameterizedTest
    @CsvSource({
        "2025-10-24, true",   // Friday
        "2025-10-25, false",  // Saturday
        "2025-10-26, false",  // Sunday
        "2025-12-25, false",  // Christmas Day
        "2025-12-26, false",  // Boxing Day
        "2025-12-29, true",
        "2022-09-19, false",  // state funeral (bundled one-off)
        "2022-05-30, true",   // spring bank holiday moved to 2 June
        "2022-06-02, false",
    })
    void isWorkingDay(final LocalDate day, final boolean expected)
    {
        assertEquals(expected, WORKING_DAYS.isWorkingDay(day.toEpochDay()));
        assertEquals(expected, WORKING_DAYS.isWorkingDay(day));
    }

    @ParameterizedTest
    @CsvSource({
        "2025-10-24,  5, 2025-10-31",  // Friday: next Friday
        "2025-10-25,  5, 2025-10-31",  // Saturday
        "2025-10-26,  5, 2025-10-31",  // Sunday
        "2025-10-23,  5, 2025-10-30",
        "2025-08-22,  5, 2025-09-01",  // across the summer bank holiday
        "2025-12-19,  5, 2025-12-30",  // across Christmas
        "2025-10-24,  1, 2025-10-27",
        "2025-10-24,  0, 2025-10-24",  // a working day rolls to itself
        "2025-10-25,  0, 2025-10-27",  // a weekend day rolls forward
        "2025-10-27, -1, 2025-10-24",
        "2025-10-26, -1, 2025-10-24",
        "2025-12-29, -1, 2025-12-24",
        "2025-10-24, 16, 2025-11-17",
    })
    void addWorkingDays(final LocalDate day, final int n, final LocalDate expected)
    {
        assertEquals(expected.toEpochDay(), WORKING_DAYS.addWorkingDays(day.toEpochDay(), n));
        assertEquals(expected, WORKING_DAYS.addWorkingDays(day, n));
    }

    @Test
    void workingDaysBetween()
    {
        assertEquals(5, WORKING_DAYS.workingDaysBetween(LocalDate.of(2025, 10, 24), LocalDate.of(2025, 10, 31)));
        assertEquals(0, WORKING_DAYS.workingDaysBetween(LocalDate.of(2025, 10, 24), LocalDate.of(2025, 10, 26)));
        assertEquals(-5, WORKING_DAYS.workingDaysBetween(LocalDate.of(2025, 10, 31), LocalDate.of(2025, 10, 24)));
        assertEquals(253, WORKING_DAYS.workingDaysBetween(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 12, 31)),
            "2025: 261 weekdays (52 weeks and a Wednesday) less 8 bank holidays");
        assertEquals(WORKING_DAYS.nextWorkingDayOnOrAfter(LocalDate.of(2025, 12, 25).toEpochDay()),
            LocalDate.of(2025, 12, 29).toEpochDay());
    }

    @Test
    void rejectsDaysOutsideTheRange()
    {
        final IllegalArgumentException ex = assertThrows(
            IllegalArgumentException.class, () -> WORKING_DAYS.isWorkingDay(LocalDate.of(2111, 1, 1).toEpochDay()));
        assertEquals("day 2111-01-01 is outside the working-day range 1990-01-01..2110-12-31", ex.getMessage());
        final IllegalArgumentException beyond = assertThrows(
            IllegalArgumentException.class, () -> WORKING_DAYS.addWorkingDays(LocalDate.of(2110, 12, 30), 2));
        assertEquals("2 working days from 2110-12-30 falls outside the working-day range 1990-01-01..2110-12-31",
            beyond.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WORKING_DAYS.addWorkingDays(LocalDate.of(1990, 1, 2), -2));
    }

    @Test
    void isWorkingDayAgreesWithTheHolidayListsEverywhere()
    {
        for (long day = WORKING_DAYS.firstEpochDay(); day <= WORKING_DAYS.lastEpochDay(); day++)
        {
            if (naiveIsWorking(day) != WORKING_DAYS.isWorkingDay(day))
            {
                assertEquals(naiveIsWorking(day), WORKING_DAYS.isWorkingDay(day), LocalDate.ofEpochDay(day).toString());
            }
        }
        assertFalse(WORKING_DAYS.isWorkingDay(LocalDate.of(2023, 5, 8)));
    }

    static boolean naiveIsWorking(final long epochDay)
    {
        final LocalDate date = LocalDate.ofEpochDay(epochDay);
        if (date.getDayOfWeek().getValue() >= 6)
        {
            return false;
        }
        for (final BankHoliday holiday : WORKING_DAYS.holidaysIn(date.getYear()))
        {
            if (holiday.date().equals(date))
            {
                return false;
            }
        }
        return true;
    }
}
