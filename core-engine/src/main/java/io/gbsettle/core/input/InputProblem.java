package io.gbsettle.core.input;

/**
 * One problem found in an input, located precisely enough for a person to fix it: the file (or table) and line it
 * came from, the column, the raw value and what is wrong. The one problem type of the core: CSV loaders and the
 * builders they feed (which validate domain rules on records numbered as lines of their file) both report these.
 *
 * @param source the file name as the user gave it (for example {@code bm_units.csv}).
 * @param line   1-based physical line the record starts on; 0 when the problem concerns the whole file.
 * @param column the column name (from the header), or empty when the problem concerns the whole record.
 * @param value  the offending raw value, or empty.
 * @param reason what is wrong and, where it helps, what was expected.
 */
public record InputProblem(String source, int line, String column, String value, String reason)
{
    /**
     * One-line human-readable form: {@code bm_units.csv:12 column 'tlf' value 'x': not a number}.
     *
     * @return the problem as a single line of text.
     */
    public String describe()
    {
        final StringBuilder sb = new StringBuilder(96).append(source);
        if (line > 0)
        {
            sb.append(':').append(line);
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
