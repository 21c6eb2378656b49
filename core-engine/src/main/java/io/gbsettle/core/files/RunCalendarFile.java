package io.gbsettle.core.files;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.time.RunCalendarEntry;
import io.gbsettle.core.time.RunDue;
import io.gbsettle.core.time.SettlementRun;

/**
 * Reads {@code run_calendar.csv}: exact run dates from Elexon's SAA Settlement Calendar, which take precedence over
 * the offset rule for the (Settlement Day, run) pairs they list.
 *
 * <pre>
 *   settlement_date,run,run_date
 *   2025-10-26,II,2025-10-31
 *   2025-10-26,SF,2025-11-18
 * </pre>
 *
 * <p>{@code run_date} may not be before {@code settlement_date}. A (settlement_date, run) pair may appear once (an
 * identical repeat is accepted).
 */
final class RunCalendarFile
{
    static final String SETTLEMENT_DATE = "settlement_date";
    static final String RUN = "run";
    static final String RUN_DATE = "run_date";

    private RunCalendarFile()
    {
    }

    /**
     * @param csv              the file, positioned after its header.
     * @param firstSettlement  first allowed settlement date.
     * @param lastSettlement   last allowed settlement date.
     * @param lastRunDate      last allowed run date.
     * @param problems         where problems are reported.
     * @return the valid entries, in file order, repeats removed.
     */
    static List<RunCalendarEntry> read(
        final CsvReader csv,
        final LocalDate firstSettlement,
        final LocalDate lastSettlement,
        final LocalDate lastRunDate,
        final List<InputProblem> problems)
    {
        final int[] columns = csv.requireColumns(problems, SETTLEMENT_DATE, RUN, RUN_DATE);
        final List<RunCalendarEntry> entries = new ArrayList<>();
        if (columns == null)
        {
            return entries;
        }
        final int settlementColumn = columns[0];
        final int runColumn = columns[1];
        final int runDateColumn = columns[2];

        final Map<RunDue, RunCalendarEntry> byKey = new HashMap<>();
        final Map<RunDue, Integer> lineByKey = new HashMap<>();
        while (csv.next())
        {
            final int rowProblems = problems.size();
            final LocalDate settlementDate =
                CalendarFields.date(csv, settlementColumn, firstSettlement, lastSettlement, problems);
            final SettlementRun run = CalendarFields.run(csv, runColumn, problems);
            final LocalDate runDate = CalendarFields.date(csv, runDateColumn, firstSettlement, lastRunDate, problems);
            if (problems.size() > rowProblems)
            {
                continue;
            }
            if (runDate.isBefore(settlementDate))
            {
                problems.add(csv.problem(runDateColumn, "before the settlement date " + settlementDate));
                continue;
            }

            final RunCalendarEntry entry = new RunCalendarEntry(settlementDate, run, runDate);
            final RunDue key = new RunDue(settlementDate, run);
            final RunCalendarEntry previous = byKey.get(key);
            if (previous != null)
            {
                if (!previous.equals(entry))
                {
                    problems.add(csv.problem(runDateColumn, "conflicts with line " + lineByKey.get(key) +
                        ", which gives " + run + " of " + settlementDate + " the run date " + previous.runDate()));
                }
                continue;
            }
            byKey.put(key, entry);
            lineByKey.put(key, csv.line());
            entries.add(entry);
        }
        return entries;
    }
}
