package io.gbsettle.core.files;

import java.time.LocalDate;
import java.util.List;

import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.time.SettlementRun;

/**
 * Field parsers shared by the calendar files: each reports a located {@link InputProblem} and returns a missing value
 * ({@code null} or {@link #MISSING_INT}) instead of throwing, so that one pass finds every problem in a file.
 */
final class CalendarFields
{
    /** Returned by {@link #offset} when the field is not a valid number. */
    static final int MISSING_INT = Integer.MIN_VALUE;

    /** What the typed accessors return for an empty field: outside any date or offset a file can hold. */
    private static final long BLANK = Long.MIN_VALUE;
    /** What they return, after reporting, for a field that does not parse. */
    private static final long INVALID = Long.MIN_VALUE + 1;
    private static final String RUN_EXPECTED = runExpected();

    private CalendarFields()
    {
    }

    /**
     * @param csv      the reader, positioned on a record.
     * @param column   the column index.
     * @param first    first allowed date.
     * @param last     last allowed date.
     * @param problems where a problem is reported.
     * @return the date, or null after reporting a problem.
     */
    static LocalDate date(
        final CsvReader csv, final int column, final LocalDate first, final LocalDate last,
        final List<InputProblem> problems)
    {
        final long epochDay = csv.epochDay(column, BLANK, INVALID, problems);
        if (BLANK == epochDay)
        {
            problems.add(csv.problem(column, "missing value; expected a date YYYY-MM-DD"));
            return null;
        }
        if (INVALID == epochDay)
        {
            return null;
        }
        final LocalDate date = LocalDate.ofEpochDay(epochDay);
        if (date.isBefore(first) || date.isAfter(last))
        {
            problems.add(csv.problem(column, "outside the supported range " + first + ".." + last));
            return null;
        }
        return date;
    }

    /**
     * @param csv      the reader, positioned on a record.
     * @param column   the column index.
     * @param problems where a problem is reported.
     * @return the run, or null after reporting a problem.
     */
    static SettlementRun run(final CsvReader csv, final int column, final List<InputProblem> problems)
    {
        final SettlementRun run = SettlementRun.ofCode(csv.field(column));
        if (run == null)
        {
            problems.add(csv.problem(column, RUN_EXPECTED));
        }
        return run;
    }

    /**
     * @param csv      the reader, positioned on a record.
     * @param column   the column index.
     * @param max      largest allowed value.
     * @param unitCode the unit the value counts, for the message.
     * @param problems where a problem is reported.
     * @return the value, or {@link #MISSING_INT} after reporting a problem.
     */
    static int offset(
        final CsvReader csv, final int column, final int max, final String unitCode, final List<InputProblem> problems)
    {
        final long value = csv.wholeNumber(column, BLANK, INVALID, problems);
        if (BLANK == value)
        {
            problems.add(csv.problem(column, "missing value; expected a whole number"));
            return MISSING_INT;
        }
        if (INVALID == value)
        {
            return MISSING_INT;
        }
        if (value < 0)
        {
            problems.add(csv.problem(column, "negative offset; expected 0 or more"));
            return MISSING_INT;
        }
        if (value > max)
        {
            problems.add(csv.problem(column, "too large; at most " + max + " " + unitCode));
            return MISSING_INT;
        }
        return (int)value;
    }

    private static String runExpected()
    {
        final StringBuilder sb = new StringBuilder("unknown settlement run; expected one of ");
        for (int i = 0; i < SettlementRun.COUNT; i++)
        {
            sb.append(i == 0 ? "" : ", ").append(SettlementRun.ofOrdinal(i).name());
        }
        return sb.toString();
    }
}
