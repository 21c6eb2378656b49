package io.gbsettle.core.time;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.gbsettle.core.files.CalendarFiles;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

import static io.gbsettle.core.testing.PropertyChecks.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;

class RunScheduleProperties
{
    /** 2000-01-01 as an epoch day. */
    private static final int FROM_DAY = 10_957;
    /** 2095-12-31 as an epoch day. */
    private static final int TO_DAY = 45_656;
    /** More calendar days than any default run lies after its day (DF: 28 months is under 900 days). */
    private static final int WINDOW_DAYS = 1000;

    private static final RunSchedule DEFAULT = CalendarFiles.defaults().runSchedule();
    private static final RunSchedule WITH_EXACT_DATES = new RunSchedule(
        CalendarFiles.defaults().workingDays(),
        Map.of(SettlementRun.R1, RunOffset.months(2), SettlementRun.II, RunOffset.workingDays(1)),
        RunScheduleTest.exactEntriesEveryThirdDay());

    @Test
    void dueOnContainsEveryRunAtItsRunDate()
    {
        check(1000).forAll(integers().between(FROM_DAY, TO_DAY), Generate.enumValues(SettlementRun.class))
            .checkAssert(RunScheduleProperties::dueOnContainsRunAtItsRunDate);
    }

    @Test
    void dueOnIsExactlyTheDaysWhoseRunDateItIs()
    {
        check(200).forAll(integers().between(FROM_DAY + WINDOW_DAYS, TO_DAY))
            .checkAssert(RunScheduleProperties::dueOnIsExactlyTheDaysWhoseRunDateIs);
    }

    private static void dueOnContainsRunAtItsRunDate(final int day, final SettlementRun run)
    {
        for (final RunSchedule schedule : new RunSchedule[]{ DEFAULT, WITH_EXACT_DATES })
        {
            final LocalDate runDate = schedule.runDate(LocalDate.ofEpochDay(day), run);
            final List<RunDue> due = schedule.dueOn(runDate);
            assertTrue(due.contains(new RunDue(LocalDate.ofEpochDay(day), run)), runDate + " lacks " + run + " " + day);
            for (final RunDue entry : due)
            {
                assertEquals(runDate, schedule.runDate(entry.settlementDay(), entry.run()), entry.toString());
            }
        }
    }

    private static void dueOnIsExactlyTheDaysWhoseRunDateIs(final int x)
    {
        for (final RunSchedule schedule : new RunSchedule[]{ DEFAULT, WITH_EXACT_DATES })
        {
            final List<RunDue> expected = new ArrayList<>();
            for (final SettlementRun run : SettlementRun.values())
            {
                for (long day = x - WINDOW_DAYS; day <= x; day++)
                {
                    if (schedule.runEpochDay(day, run) == x)
                    {
                        expected.add(new RunDue(LocalDate.ofEpochDay(day), run));
                    }
                }
            }
            assertEquals(expected, schedule.dueOn(LocalDate.ofEpochDay(x)), "due on " + LocalDate.ofEpochDay(x));
        }
    }
}
