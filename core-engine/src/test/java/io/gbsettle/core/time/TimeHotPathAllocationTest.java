package io.gbsettle.core.time;

import io.gbsettle.core.files.CalendarFiles;
import io.gbsettle.core.testing.AllocationAssert;
import org.junit.jupiter.api.Test;

/**
 * The calendar's hot-path methods allocate nothing once warm: kernels call them per period and per event.
 */
final class TimeHotPathAllocationTest
{
    private static final CalendarContext CONTEXT = CalendarFiles.defaults();
    private static final long FIRST = SettlementCalendar.FIRST_SUPPORTED_DAY.toEpochDay() + 400;
    private static final int DAYS = 20_000;

    private long day = FIRST;
    private long sink;

    @Test
    void periodArithmeticAllocatesNothing()
    {
        final SettlementCalendar calendar = CONTEXT.settlementCalendar();
        AllocationAssert.assertZeroAllocation("SettlementCalendar period arithmetic", () ->
        {
            final long d = nextDay();
            final int periods = calendar.periodsIn(d);
            final long start = calendar.periodStartEpochSecond(d, periods);
            final long end = calendar.periodEndEpochSecond(d, 1);
            sink += start + end + calendar.settlementDayOf(start) + calendar.periodOf(end - 1) +
                calendar.packedPeriodOf(start) + calendar.localStartMinuteOfDay(d, periods);
        });
    }

    @Test
    void workingDaysAndRunDatesAllocateNothing()
    {
        final WorkingDays workingDays = CONTEXT.workingDays();
        final RunSchedule runs = CONTEXT.runSchedule();
        AllocationAssert.assertZeroAllocation("WorkingDays and RunSchedule.runEpochDay", () ->
        {
            final long d = nextDay();
            sink += (workingDays.isWorkingDay(d) ? 1 : 0) + workingDays.addWorkingDays(d, 16) +
                runs.runEpochDay(d, SettlementRun.SF) + runs.runEpochDay(d, SettlementRun.RF);
        });
    }

    private long nextDay()
    {
        day = day == FIRST + DAYS ? FIRST : day + 1;
        return day;
    }
}
