package io.gbsettle.core.time;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.gbsettle.core.files.CalendarFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BankHolidaysTest
{
    private static final BankHolidays DEFAULTS = CalendarFiles.defaults().bankHolidays();

    /**
     * England and Wales, as published on gov.uk/bank-holidays.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2020 | 01-01 04-10 04-13 05-08 05-25 08-31 12-25 12-28",
        "2021 | 01-01 04-02 04-05 05-03 05-31 08-30 12-27 12-28",
        "2022 | 01-03 04-15 04-18 05-02 06-02 06-03 08-29 09-19 12-26 12-27",
        "2023 | 01-02 04-07 04-10 05-01 05-08 05-29 08-28 12-25 12-26",
        "2024 | 01-01 03-29 04-01 05-06 05-27 08-26 12-25 12-26",
        "2025 | 01-01 04-18 04-21 05-05 05-26 08-25 12-25 12-26",
        "2026 | 01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28",
    })
    void publishedGovUkLists(final int year, final String monthDays)
    {
        assertEquals(dates(year, monthDays), datesOf(DEFAULTS.holidaysIn(year)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // The one-off years of the bundled file.
        "1995 | 01-02 04-14 04-17 05-08 05-29 08-28 12-25 12-26",
        "1999 | 01-01 04-02 04-05 05-03 05-31 08-30 12-27 12-28 12-31",
        "2000 | 01-03 04-21 04-24 05-01 05-29 08-28 12-25 12-26",
        "2002 | 01-01 03-29 04-01 05-06 06-03 06-04 08-26 12-25 12-26",
        "2011 | 01-03 04-22 04-25 04-29 05-02 05-30 08-29 12-26 12-27",
        "2012 | 01-02 04-06 04-09 05-07 06-04 06-05 08-27 12-25 12-26",
    })
    void oneOffYears(final int year, final String monthDays)
    {
        assertEquals(dates(year, monthDays), datesOf(DEFAULTS.holidaysIn(year)));
    }

    @ParameterizedTest
    @CsvSource({
        "1943, 1943-04-25",
        "1990, 1990-04-15",
        "1995, 1995-04-16",
        "2000, 2000-04-23",
        "2008, 2008-03-23",
        "2010, 2010-04-04",
        "2011, 2011-04-24",
        "2016, 2016-03-27",
        "2019, 2019-04-21",
        "2024, 2024-03-31",
        "2025, 2025-04-20",
        "2030, 2030-04-21",
        "2038, 2038-04-25",
        "2040, 2040-04-01",
        "2049, 2049-04-18",
        "2285, 2285-03-22",
    })
    void easterSunday(final int year, final LocalDate expected)
    {
        assertEquals(expected, BankHolidays.easterSunday(year));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // 25 Dec on Saturday: 27 and 28; Sunday: 26 and 27; Friday: 25 and Monday 28.
        "2010 | 12-25 SAT | 12-27 Christmas Day (substitute day), 12-28 Boxing Day (substitute day)",
        "2011 | 12-25 SUN | 12-26 Boxing Day, 12-27 Christmas Day (substitute day)",
        "2015 | 12-25 FRI | 12-25 Christmas Day, 12-28 Boxing Day (substitute day)",
        "2021 | 12-25 SAT | 12-27 Christmas Day (substitute day), 12-28 Boxing Day (substitute day)",
        "2022 | 12-25 SUN | 12-26 Boxing Day, 12-27 Christmas Day (substitute day)",
        "2026 | 12-25 FRI | 12-25 Christmas Day, 12-28 Boxing Day (substitute day)",
        "2019 | 12-25 WED | 12-25 Christmas Day, 12-26 Boxing Day",
        "2022 | 01-01 SAT | 01-03 New Year's Day (substitute day)",
        "2023 | 01-01 SUN | 01-02 New Year's Day (substitute day)",
        "2028 | 01-01 SAT | 01-03 New Year's Day (substitute day)",
    })
    void substituteDays(final int year, final String fixedDay, final String expected)
    {
        assertEquals(fixedDay.substring(6), LocalDate.parse(year + "-" + fixedDay.substring(0, 5))
            .getDayOfWeek().toString().substring(0, 3));
        final int month = Integer.parseInt(fixedDay.substring(0, 2));
        final List<String> actual = new ArrayList<>();
        for (final BankHoliday holiday : BankHolidays.byRule(year))
        {
            if (holiday.date().getMonthValue() == month &&
                (month == 1 ? holiday.date().getDayOfMonth() <= 4 : holiday.date().getDayOfMonth() >= 25))
            {
                actual.add(holiday.date().toString().substring(5) + " " + holiday.name());
            }
        }
        assertEquals(List.of(expected.split(", ")), actual);
    }

    @Test
    void ruleHolidaysAreWeekdaysAndEightAYear()
    {
        for (int year = 1990; year <= 2110; year++)
        {
            final List<BankHoliday> holidays = BankHolidays.byRule(year);
            assertEquals(8, holidays.size(), "rule holidays in " + year);
            for (final BankHoliday holiday : holidays)
            {
                assertFalse(EpochDays.isWeekend(holiday.date().toEpochDay()), holiday.toString());
            }
        }
    }

    @Test
    void changesApplyInOrderAndLaterOnesWin()
    {
        final LocalDate extra = LocalDate.of(2030, 6, 4);
        final BankHolidays added = BankHolidays.rulesOnly().plus(List.of(BankHolidayChange.add(extra, "Extra")));
        assertTrue(added.isBankHoliday(extra));
        assertTrue(added.holidaysIn(2030).contains(new BankHoliday(extra, "Extra")));
        assertFalse(BankHolidays.rulesOnly().isBankHoliday(extra), "the original is unchanged");

        final BankHolidays removedAgain = added.plus(List.of(BankHolidayChange.remove(extra, "")));
        assertFalse(removedAgain.isBankHoliday(extra));
        assertEquals(2, removedAgain.changes().size());

        final LocalDate christmas = LocalDate.of(2030, 12, 25);
        assertFalse(BankHolidays.withChanges(List.of(BankHolidayChange.remove(christmas, "cancelled")))
            .isBankHoliday(christmas));
    }

    @Test
    void addingNeedsAName()
    {
        assertThrows(IllegalArgumentException.class, () -> BankHolidayChange.add(LocalDate.of(2030, 6, 4), " "));
        assertEquals(BankHolidayChange.Action.ADD, BankHolidayChange.Action.ofCode(" Add "));
        assertEquals("remove", BankHolidayChange.Action.REMOVE.code());
        assertEquals(null, BankHolidayChange.Action.ofCode("delete"));
    }

    private static List<LocalDate> dates(final int year, final String monthDays)
    {
        final List<LocalDate> dates = new ArrayList<>();
        for (final String monthDay : monthDays.trim().split(" +"))
        {
            dates.add(LocalDate.parse(year + "-" + monthDay));
        }
        return dates;
    }

    private static List<LocalDate> datesOf(final List<BankHoliday> holidays)
    {
        final List<LocalDate> dates = new ArrayList<>();
        for (final BankHoliday holiday : holidays)
        {
            dates.add(holiday.date());
        }
        return dates;
    }
}
