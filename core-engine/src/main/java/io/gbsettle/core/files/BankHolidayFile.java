package io.gbsettle.core.files;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.time.BankHolidayChange;
import io.gbsettle.core.time.BankHolidays;
import io.gbsettle.core.time.EpochDays;

/**
 * Reads {@code bank_holidays.csv}: one-off changes to the rule-based England and Wales bank holidays.
 *
 * <pre>
 *   date,action,name
 *   2023-05-08,add,Bank holiday for the coronation of King Charles III
 *   2020-05-04,remove,Early May bank holiday (moved to 8 May for VE day)
 * </pre>
 *
 * <p>{@code action} is {@code add} or {@code remove}. {@code name} is required to add and a note to remove. A date may
 * appear once (an identical repeat is accepted); an added day must be a weekday and a removed day must be a bank
 * holiday once the earlier changes are applied.
 */
final class BankHolidayFile
{
    static final String DATE = "date";
    static final String ACTION = "action";
    static final String NAME = "name";

    private BankHolidayFile()
    {
    }

    /**
     * @param csv      the file, positioned after its header.
     * @param base     the bank holidays the changes will apply to (checks removals).
     * @param first    first allowed date.
     * @param last     last allowed date.
     * @param problems where problems are reported.
     * @return the valid changes, in file order.
     */
    static List<BankHolidayChange> read(
        final CsvReader csv,
        final BankHolidays base,
        final LocalDate first,
        final LocalDate last,
        final List<InputProblem> problems)
    {
        final int[] columns = csv.requireColumns(problems, DATE, ACTION, NAME);
        final List<BankHolidayChange> changes = new ArrayList<>();
        if (columns == null)
        {
            return changes;
        }
        final int dateColumn = columns[0];
        final int actionColumn = columns[1];
        final int nameColumn = columns[2];

        final Map<LocalDate, BankHolidayChange> byDate = new HashMap<>();
        final Map<LocalDate, Integer> lineByDate = new HashMap<>();
        while (csv.next())
        {
            final int rowProblems = problems.size();
            final LocalDate date = CalendarFields.date(csv, dateColumn, first, last, problems);
            final BankHolidayChange.Action action = BankHolidayChange.Action.ofCode(csv.field(actionColumn));
            if (action == null)
            {
                problems.add(csv.problem(actionColumn, "unknown action; expected add or remove"));
            }
            final String name = csv.field(nameColumn);
            if (action == BankHolidayChange.Action.ADD && name.isBlank())
            {
                problems.add(csv.problem(nameColumn, "missing value; a name is required to add a bank holiday"));
            }
            if (problems.size() > rowProblems)
            {
                continue;
            }

            final BankHolidayChange change = new BankHolidayChange(date, action, name);
            final BankHolidayChange previous = byDate.get(date);
            if (previous != null)
            {
                if (!previous.equals(change))
                {
                    problems.add(csv.problem(dateColumn, "conflicts with line " + lineByDate.get(date) +
                        " (" + previous.action().code() + " " + previous.name() + "); a date may change once"));
                }
                continue;
            }
            if (action == BankHolidayChange.Action.ADD && EpochDays.isWeekend(date.toEpochDay()))
            {
                final String dayName = date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK);
                problems.add(csv.problem(dateColumn, "falls on a " + dayName + "; a bank holiday must be a weekday"));
                continue;
            }
            if (action == BankHolidayChange.Action.REMOVE && !base.isBankHoliday(date))
            {
                problems.add(csv.problem(dateColumn, "not a bank holiday, so it cannot be removed"));
                continue;
            }
            byDate.put(date, change);
            lineByDate.put(date, csv.line());
            changes.add(change);
        }
        return changes;
    }
}
