package io.gbsettle.core.time;

import java.time.LocalDate;

/**
 * One exact date from the SAA Settlement Calendar: run {@code run} of {@code settlementDay} happens on
 * {@code runDate}. Takes precedence over the run's offset rule for that (day, run).
 *
 * @param settlementDay the Settlement Day.
 * @param run           the run.
 * @param runDate       the day the run happens, not before the Settlement Day.
 */
public record RunCalendarEntry(LocalDate settlementDay, SettlementRun run, LocalDate runDate)
{
    /**
     * Checks the fields are present and the run date is not before the Settlement Day.
     *
     * @param settlementDay the Settlement Day.
     * @param run           the run.
     * @param runDate       the run date.
     */
    public RunCalendarEntry
    {
        if (settlementDay == null || run == null || runDate == null)
        {
            throw new IllegalArgumentException("run calendar entry needs a settlement day, a run and a run date");
        }
        if (runDate.isBefore(settlementDay))
        {
            throw new IllegalArgumentException(
                run + " of " + settlementDay + " cannot run on " + runDate + ", before the settlement day");
        }
    }
}
