package io.gbsettle.core.files;

import io.gbsettle.core.input.InputProblem;

/**
 * One problem found in a day bundle's input, in the business terms a person needs to chase it: which file and line,
 * which Settlement Period, which BM Unit or party, what value and why. A row with a problem is left out of the
 * calculation and listed (one line each) in {@code exceptions.csv}; nothing is dropped silently.
 *
 * @param file     the file's name within the bundle (for example {@code pn.json}).
 * @param line     1-based line the row starts on; 0 when the problem concerns the whole file.
 * @param period   the Settlement Period the row says it belongs to, or 0 when unknown or not applicable.
 * @param subject  the BM Unit or party the row is about, as written in the file, or empty.
 * @param column   the column or JSON field at fault, or empty for the whole row.
 * @param value    the raw offending value, or empty.
 * @param reason   what is wrong and, where it helps, what was expected.
 */
public record BundleProblem(
    String file, int line, int period, String subject, String column, String value, String reason)
{
    /**
     * Places a loader's {@link InputProblem} in the row's business context.
     *
     * @param problem the problem as the reader reported it.
     * @param period  the row's Settlement Period, or 0.
     * @param subject the row's BM Unit or party, or empty.
     * @return the problem with its period and subject.
     */
    public static BundleProblem of(final InputProblem problem, final int period, final String subject)
    {
        return new BundleProblem(problem.source(), problem.line(), period, subject == null ? "" : subject,
            problem.column(), problem.value(), problem.reason());
    }

    /**
     * One-line human-readable form: {@code pn.json:12 period 3 T_ABC-1 field 'levelTo' value 'x': not a number}.
     *
     * @return the problem as a single line of text.
     */
    public String describe()
    {
        final StringBuilder sb = new StringBuilder(128).append(file);
        if (line > 0)
        {
            sb.append(':').append(line);
        }
        if (period > 0)
        {
            sb.append(" period ").append(period);
        }
        if (!subject.isEmpty())
        {
            sb.append(' ').append(subject);
        }
        if (!column.isEmpty())
        {
            sb.append(" field '").append(column).append('\'');
        }
        if (!value.isEmpty())
        {
            sb.append(" value '").append(value).append('\'');
        }
        return sb.append(": ").append(reason).toString();
    }

    @Override
    public String toString()
    {
        return describe();
    }
}
