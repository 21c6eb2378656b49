package io.gbsettle.core.time;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkingDaysProperties
{
    @Property(tries = 2000)
    void addWorkingDaysAgreesWithANaiveWalk(
        @ForAll @IntRange(min = 8000, max = 50_000) final int day,
        @ForAll @IntRange(min = -300, max = 300) final int n)
    {
        long expected = day;
        if (n == 0)
        {
            while (!WorkingDaysTest.naiveIsWorking(expected))
            {
                expected++;
            }
        }
        for (int left = Math.abs(n); left > 0; )
        {
            expected += Integer.signum(n);
            if (WorkingDaysTest.naiveIsWorking(expected))
            {
                left--;
            }
        }
        assertEquals(expected, WorkingDaysTest.WORKING_DAYS.addWorkingDays(day, n));
        assertTrue(WorkingDaysTest.WORKING_DAYS.isWorkingDay(expected));
        if (n > 0)
        {
            assertEquals(n, WorkingDaysTest.WORKING_DAYS.workingDaysBetween(day, expected));
        }
    }
}
