package io.gbsettle.core.time;

import org.junit.jupiter.api.Test;

import static io.gbsettle.core.testing.PropertyChecks.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;

class WorkingDaysProperties
{
    @Test
    void addWorkingDaysAgreesWithANaiveWalk()
    {
        check(2000).forAll(integers().between(8000, 50_000), integers().between(-300, 300))
            .checkAssert(WorkingDaysProperties::agreesWithNaiveWalk);
    }

    private static void agreesWithNaiveWalk(final int day, final int n)
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
