package io.gbsettle.core.files;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.gbsettle.core.time.SettlementRun;

/**
 * Field parsers shared by the calendar files: each reports a located {@link CsvProblem} and returns a missing value
 * ({@code null} or {@link #MISSING_INT}) instead of throwing, so that one pass finds every problem in a file.
 */
final class CalendarFields
{
    /** Returned by {@link #offset} when the field is not a valid number. */
    static final int MISSING_INT = Integer.MIN_VALUE;

    private static final String RUN_EXPECTED = runExpected();

    private CalendarFields()
    {
    }

    /**
     * Looks up the mandatory columns, reporting an empty file once rather than once per column.
     *
     * @param csv      the reader, positioned after the header.
     * @param problems where problems are reported.
     * @param names    the mandatory column names.
     * @return their indices in the order asked, or null after reporting a problem.
     */
    static int[] requireColumns(final CsvReader csv, final List<CsvProblem> problems, final String... names)
    {
        if (String.join("", csv.header()).isBlank())
        {
            problems.add(new CsvProblem(
                csv.fileName(), 1, "", "", "the file is empty; expected the header " + String.join(",", names)));
            return null;
        }
        final int problemsBefore = problems.size();
        final int[] columns = new int[names.length];
        for (int i = 0; i < names.length; i++)
        {
            columns[i] = csv.requireColumn(names[i], problems);
        }
        return problems.size() > problemsBefore ? null : columns;
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
        final List<CsvProblem> problems)
    {
        final String text = csv.field(column);
        if (text.isEmpty())
        {
            problems.add(csv.problem(column, "missing value; expected a date YYYY-MM-DD"));
            return null;
        }
        final LocalDate date;
        try
        {
            date = LocalDate.parse(text);
        }
        catch (final DateTimeParseException ex)
        {
            problems.add(csv.problem(column, "not a date; expected YYYY-MM-DD"));
            return null;
        }
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
    static SettlementRun run(final CsvReader csv, final int column, final List<CsvProblem> problems)
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
        final CsvReader csv, final int column, final int max, final String unitCode, final List<CsvProblem> problems)
    {
        final String text = csv.field(column);
        if (text.isEmpty())
        {
            problems.add(csv.problem(column, "missing value; expected a whole number"));
            return MISSING_INT;
        }
        final long value;
        try
        {
            value = Long.parseLong(text);
        }
        catch (final NumberFormatException ex)
        {
            problems.add(csv.problem(column, "not a whole number"));
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
