package io.gbsettle.core.input;

/**
 * One problem found in an input, located precisely enough for a person to fix it: the file (or table) and line it
 * came from, the Settlement Period and the BM Unit or party the row is about (where there are such), the column, the
 * raw value and what is wrong. The one problem type of the core: CSV loaders, the builders they feed (which validate
 * domain rules on records numbered as lines of their file) and the day-bundle loader and driver all report these; a
 * day bundle's row problems are listed one a line in {@code exceptions.csv}.
 *
 * @param source  the file name as the user gave it (for example {@code bm_units.csv}).
 * @param line    1-based physical line the record starts on; 0 when the problem concerns the whole file.
 * @param period  the Settlement Period the record belongs to, or 0 when unknown or not applicable.
 * @param subject the BM Unit or party the record is about, as written in the file, or empty.
 * @param column  the column (or JSON field) name, or empty when the problem concerns the whole record.
 * @param value   the offending raw value, or empty.
 * @param reason  what is wrong and, where it helps, what was expected.
 */
public record InputProblem(
    String source, int line, int period, String subject, String column, String value, String reason)
{
    /**
     * Normalises a missing subject to empty, so that {@link #subject()} is never null.
     *
     * @param source  the file name.
     * @param line    1-based line, or 0.
     * @param period  the Settlement Period, or 0.
     * @param subject the BM Unit or party, or empty (null is taken as empty).
     * @param column  the column, or empty.
     * @param value   the raw value, or empty.
     * @param reason  what is wrong.
     */
    public InputProblem
    {
        subject = subject == null ? "" : subject;
    }

    /**
     * A problem with no Settlement Period or subject (a registry or calendar file, or a row not yet placed).
     *
     * @param source the file name.
     * @param line   1-based line, or 0.
     * @param column the column, or empty.
     * @param value  the raw value, or empty.
     * @param reason what is wrong.
     */
    public InputProblem(
        final String source, final int line, final String column, final String value, final String reason)
    {
        this(source, line, 0, "", column, value, reason);
    }

    /**
     * Places the problem in its row's business context, once the reader knows which period and BM Unit or party the
     * row is about.
     *
     * @param period  the row's Settlement Period, or 0.
     * @param subject the row's BM Unit or party, or empty (null is taken as empty).
     * @return the same problem with that period and subject.
     */
    public InputProblem in(final int period, final String subject)
    {
        return new InputProblem(source, line, period, subject, column, value, reason);
    }

    /**
     * One-line human-readable form, leaving out what is not known:
     * {@code pn.json:12 period 3 T_ABC-1 column 'levelTo' value 'x': not a number} or
     * {@code bm_units.csv:12 column 'tlf' value 'x': not a number}.
     *
     * @return the problem as a single line of text.
     */
    public String describe()
    {
        final StringBuilder sb = new StringBuilder(128).append(source);
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
            sb.append(" column '").append(column).append('\'');
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
