package io.gbsettle.core.time;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.gbsettle.core.files.CalendarFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunScheduleTest
{
    private static final WorkingDays WORKING_DAYS = CalendarFiles.defaults().workingDays();
    private static final RunSchedule SCHEDULE = CalendarFiles.defaults().runSchedule();

    @Test
    void defaultOffsets()
    {
        assertEquals(RunOffset.workingDays(5), SCHEDULE.offset(SettlementRun.II));
        assertEquals(RunOffset.workingDays(16), SCHEDULE.offset(SettlementRun.SF));
        assertEquals(RunOffset.workingDays(39), SCHEDULE.offset(SettlementRun.R1));
        assertEquals(RunOffset.workingDays(84), SCHEDULE.offset(SettlementRun.R2));
        assertEquals(RunOffset.workingDays(154), SCHEDULE.offset(SettlementRun.R3));
        assertEquals(RunOffset.months(14), SCHEDULE.offset(SettlementRun.RF));
        assertEquals(RunOffset.months(28), SCHEDULE.offset(SettlementRun.DF));
        assertEquals(7, SettlementRun.COUNT);
        assertEquals(SettlementRun.R2, SettlementRun.ofOrdinal(3));
        assertEquals(SettlementRun.RF, SettlementRun.ofCode(" rf "));
        assertEquals("14 MONTHS", SCHEDULE.offset(SettlementRun.RF).toString());
    }

    @ParameterizedTest
    @CsvSource({
        // Working-day runs.
        "2025-10-24, II, 2025-10-31",  // Friday: five working days later, the weekend skipped
        "2025-10-25, II, 2025-10-31",  // Saturday and Sunday fall due with Friday
        "2025-10-26, II, 2025-10-31",
        "2025-08-22, II, 2025-09-01",  // Friday before the summer bank holiday: Tuesday..Friday, then Monday
        "2025-12-19, II, 2025-12-30",  // across Christmas and Boxing Day
        "2025-10-24, SF, 2025-11-17",
        // Month runs: same day n months on, clamped to the month end, rolled to a working day.
        "2024-12-31, RF, 2026-03-02",  // 2026-02-28 (clamped from 31st) is a Saturday
        "2024-01-31, RF, 2025-03-31",
        "2022-12-31, RF, 2024-02-29",  // clamped into a leap February, a Thursday
        "2023-12-29, RF, 2025-02-28",
        "2024-10-25, RF, 2025-12-29",  // 2025-12-25: Christmas, Boxing Day, weekend
        "2023-10-31, DF, 2026-03-02",  // 2026-02-28, Saturday
        "2022-12-25, DF, 2025-04-25",
        "2023-05-31, DF, 2025-09-30",  // clamped from 31 September
    })
    void workedExamples(final LocalDate day, final SettlementRun run, final LocalDate expected)
    {
        assertEquals(expected, SCHEDULE.runDate(day, run));
        assertEquals(expected.toEpochDay(), SCHEDULE.runEpochDay(day.toEpochDay(), run));
        assertFalse(SCHEDULE.isExact(day.toEpochDay(), run));
    }

    @Test
    void severalDaysFallDueTogether()
    {
        assertEquals(
            List.of(due("2025-10-24", SettlementRun.II), due("2025-10-25", SettlementRun.II),
                due("2025-10-26", SettlementRun.II)),
            onlyRun(SCHEDULE.dueOn(LocalDate.of(2025, 10, 31)), SettlementRun.II));
        assertEquals(
            List.of(due("2025-10-23", SettlementRun.II)),
            onlyRun(SCHEDULE.dueOn(LocalDate.of(2025, 10, 30)), SettlementRun.II));
        assertEquals(List.of(), SCHEDULE.dueOn(LocalDate.of(2025, 11, 1)), "nothing is due on a Saturday");
        assertEquals(List.of(), SCHEDULE.dueOn(LocalDate.of(2025, 12, 25)), "nothing is due on Christmas Day");
    }

    @Test
    void monthRunsCollectTheDaysRolledOntoOneWorkingDay()
    {
        assertEquals(
            List.of(due("2024-12-28", SettlementRun.RF), due("2024-12-29", SettlementRun.RF),
                due("2024-12-30", SettlementRun.RF), due("2024-12-31", SettlementRun.RF),
                due("2025-01-01", SettlementRun.RF), due("2025-01-02", SettlementRun.RF)),
            onlyRun(SCHEDULE.dueOn(LocalDate.of(2026, 3, 2)), SettlementRun.RF));
    }

    @Test
    void dueOnIsOrderedByRunThenDay()
    {
        final List<RunDue> due = SCHEDULE.dueOn(LocalDate.of(2026, 3, 2));
        for (int i = 1; i < due.size(); i++)
        {
            final RunDue a = due.get(i - 1);
            final RunDue b = due.get(i);
            assertTrue(a.run().compareTo(b.run()) < 0 ||
                (a.run() == b.run() && a.settlementDay().isBefore(b.settlementDay())), a + " before " + b);
        }
        for (final SettlementRun run : SettlementRun.values())
        {
            assertFalse(onlyRun(due, run).isEmpty(), run + " is due on an ordinary working day");
        }
    }

    @Test
    void exactCalendarEntriesWin()
    {
        final RunSchedule schedule = new RunSchedule(WORKING_DAYS, Map.of(), List.of(
            new RunCalendarEntry(LocalDate.of(2025, 10, 24), SettlementRun.II, LocalDate.of(2025, 11, 3)),
            new RunCalendarEntry(LocalDate.of(2025, 10, 25), SettlementRun.II, LocalDate.of(2025, 11, 1)),
            new RunCalendarEntry(LocalDate.of(2025, 10, 25), SettlementRun.II, LocalDate.of(2025, 11, 1))));
        assertEquals(LocalDate.of(2025, 11, 3), schedule.runDate(LocalDate.of(2025, 10, 24), SettlementRun.II));
        assertTrue(schedule.isExact(LocalDate.of(2025, 10, 24).toEpochDay(), SettlementRun.II));
        assertEquals(LocalDate.of(2025, 10, 31), schedule.runDate(LocalDate.of(2025, 10, 26), SettlementRun.II));
        assertEquals(LocalDate.of(2025, 11, 17), schedule.runDate(LocalDate.of(2025, 10, 24), SettlementRun.SF));
        assertEquals(2, schedule.calendarEntries().size(), "the identical repeat is dropped");

        assertEquals(List.of(due("2025-10-26", SettlementRun.II)),
            onlyRun(schedule.dueOn(LocalDate.of(2025, 10, 31)), SettlementRun.II));
        assertEquals(List.of(due("2025-10-24", SettlementRun.II), due("2025-10-27", SettlementRun.II)),
            onlyRun(schedule.dueOn(LocalDate.of(2025, 11, 3)), SettlementRun.II));
        assertEquals(List.of(due("2025-10-25", SettlementRun.II)), schedule.dueOn(LocalDate.of(2025, 11, 1)),
            "an exact entry can put a run on a non-working day");
    }

    @Test
    void rejectsConflictingExactEntries()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> new RunSchedule(
            WORKING_DAYS, Map.of(), List.of(
                new RunCalendarEntry(LocalDate.of(2025, 10, 24), SettlementRun.II, LocalDate.of(2025, 11, 3)),
                new RunCalendarEntry(LocalDate.of(2025, 10, 24), SettlementRun.II, LocalDate.of(2025, 11, 4)))));
        assertEquals("II of 2025-10-24 is given two run dates: 2025-11-03 and 2025-11-04", ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RunCalendarEntry(
            LocalDate.of(2025, 10, 24), SettlementRun.II, LocalDate.of(2025, 10, 23)));
    }

    @Test
    void offsetOverrides()
    {
        final RunSchedule schedule = CalendarContext.builder()
            .bankHolidayChanges(CalendarFiles.bundledBankHolidayChanges())
            .runOffset(SettlementRun.II, RunOffset.workingDays(3))
            .runOffsets(Map.of(SettlementRun.RF, RunOffset.months(4)))
            .build()
            .runSchedule();
        assertEquals(LocalDate.of(2025, 10, 29), schedule.runDate(LocalDate.of(2025, 10, 24), SettlementRun.II));
        assertEquals(LocalDate.of(2025, 4, 30), schedule.runDate(LocalDate.of(2024, 12, 31), SettlementRun.RF));
        assertEquals(SCHEDULE.runDate(LocalDate.of(2024, 12, 31), SettlementRun.SF),
            schedule.runDate(LocalDate.of(2024, 12, 31), SettlementRun.SF));
        assertEquals(RunOffset.workingDays(3), schedule.offsets().get(SettlementRun.II));
    }

    @Test
    void zeroOffsetsRollForward()
    {
        final RunSchedule schedule = new RunSchedule(WORKING_DAYS,
            Map.of(SettlementRun.II, RunOffset.workingDays(0), SettlementRun.RF, RunOffset.months(0)), List.of());
        assertEquals(LocalDate.of(2025, 10, 24), schedule.runDate(LocalDate.of(2025, 10, 24), SettlementRun.II));
        assertEquals(LocalDate.of(2025, 10, 27), schedule.runDate(LocalDate.of(2025, 10, 25), SettlementRun.II));
        assertEquals(LocalDate.of(2025, 10, 27), schedule.runDate(LocalDate.of(2025, 10, 26), SettlementRun.RF));
        assertEquals(
            List.of(due("2025-10-25", SettlementRun.II), due("2025-10-26", SettlementRun.II),
                due("2025-10-27", SettlementRun.II)),
            onlyRun(schedule.dueOn(LocalDate.of(2025, 10, 27)), SettlementRun.II));
    }

    @Test
    void rejectsOffsetsOutOfBounds()
    {
        assertEquals("run offset -1 WD is not in 0..1000",
            assertThrows(IllegalArgumentException.class, () -> RunOffset.workingDays(-1)).getMessage());
        assertEquals("run offset 61 MONTHS is not in 0..60",
            assertThrows(IllegalArgumentException.class, () -> RunOffset.months(61)).getMessage());
    }

    @Test
    void everyRunDateOfEverySupportedDayIsInRange()
    {
        final SettlementCalendar calendar = CalendarFiles.defaults().settlementCalendar();
        final RunSchedule longest = new RunSchedule(WORKING_DAYS,
            Map.of(SettlementRun.R3, RunOffset.workingDays(1000), SettlementRun.DF, RunOffset.months(60)), List.of());
        assertTrue(longest.runEpochDay(calendar.lastEpochDay(), SettlementRun.R3) <= WORKING_DAYS.lastEpochDay());
        assertTrue(longest.runEpochDay(calendar.lastEpochDay(), SettlementRun.DF) <= WORKING_DAYS.lastEpochDay());
    }

    @Test
    void rejectsDaysOutsideTheRange()
    {
        assertThrows(IllegalArgumentException.class,
            () -> SCHEDULE.runDate(LocalDate.of(1989, 12, 31), SettlementRun.II));
        assertThrows(IllegalArgumentException.class,
            () -> SCHEDULE.runDate(LocalDate.of(1989, 12, 31), SettlementRun.RF));
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> SCHEDULE.runDate(LocalDate.of(2110, 6, 1), SettlementRun.DF));
        assertEquals("DF of 2110-06-01 (28 MONTHS) falls after the working-day range, which ends 2110-12-31",
            ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SCHEDULE.dueOn(LocalDate.of(2111, 1, 2)));
    }

    @Test
    void dueOnInvertsRunDateEverywhereExactEntriesAreDense()
    {
        final RunSchedule schedule = new RunSchedule(WORKING_DAYS,
            Map.of(SettlementRun.R1, RunOffset.months(2)), exactEntriesEveryThirdDay());
        final long first = LocalDate.of(2007, 1, 1).toEpochDay();
        final long last = LocalDate.of(2013, 2, 1).toEpochDay();
        final Map<Long, List<RunDue>> expected = new TreeMap<>();
        for (final SettlementRun run : SettlementRun.values())
        {
            for (long day = first; day <= last; day++)
            {
                expected.computeIfAbsent(schedule.runEpochDay(day, run), (x) -> new ArrayList<>())
                    .add(new RunDue(LocalDate.ofEpochDay(day), run));
            }
        }
        // Run dates from 2010 to 2013-01 only come from days inside [first, last], so the inverse is complete there.
        for (long x = LocalDate.of(2010, 1, 1).toEpochDay(); x <= last; x++)
        {
            assertEquals(expected.getOrDefault(x, List.of()), schedule.dueOn(LocalDate.ofEpochDay(x)),
                "due on " + LocalDate.ofEpochDay(x));
        }
    }

    /**
     * Exact dates for one day in three of 2010-2012, spread over the runs: some later than the rule, some earlier,
     * some on weekends.
     */
    static List<RunCalendarEntry> exactEntriesEveryThirdDay()
    {
        final List<RunCalendarEntry> entries = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2010, 1, 1); day.isBefore(LocalDate.of(2013, 1, 1)); day = day.plusDays(3))
        {
            final SettlementRun run = SettlementRun.ofOrdinal((int)(day.toEpochDay() % SettlementRun.COUNT));
            entries.add(new RunCalendarEntry(day, run, day.plusDays(day.getDayOfMonth() % 11)));
        }
        return entries;
    }

    static RunDue due(final String day, final SettlementRun run)
    {
        return new RunDue(LocalDate.parse(day), run);
    }

    static List<RunDue> onlyRun(final List<RunDue> due, final SettlementRun run)
    {
        return due.stream().filter((d) -> d.run() == run).toList();
    }
}
