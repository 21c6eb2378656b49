package io.gbsettle.tools;

/**
 * The command line's JSON writer: objects, arrays, strings and numbers, indented for people (the commands' JSON
 * output) or {@link #compact()} (the data embedded in {@code report.html}). Strings are always written so that they
 * can sit inside an HTML {@code <script>} element as they are: besides the JSON escapes, {@code <}, {@code >},
 * {@code &}, U+2028 and U+2029 are written as Unicode escapes, so no data can close the element. Numbers that are not
 * finite are written as {@code null}. Not for hot paths.
 *
 * <pre>{@code
 * new Json().beginObject().field("parties", 350).name("byGspGroup").beginObject()...endObject().endObject()
 * }</pre>
 */
public final class Json
{
    private final StringBuilder out = new StringBuilder(1024);
    private final boolean indent;
    private int depth;
    private boolean first = true;
    private boolean afterName;

    /**
     * An indented writer.
     */
    public Json()
    {
        this(true);
    }

    private Json(final boolean indent)
    {
        this.indent = indent;
    }

    /**
     * @return a writer without indentation or spaces.
     */
    public static Json compact()
    {
        return new Json(false);
    }

    public Json beginObject()
    {
        value("{");
        depth++;
        first = true;
        return this;
    }

    public Json endObject()
    {
        return close('}');
    }

    public Json beginArray()
    {
        value("[");
        depth++;
        first = true;
        return this;
    }

    public Json endArray()
    {
        return close(']');
    }

    public Json name(final String name)
    {
        separator();
        quote(name);
        out.append(indent ? ": " : ":");
        afterName = true;
        return this;
    }

    public Json field(final String name, final String value)
    {
        name(name);
        separator();
        quote(value);
        return this;
    }

    public Json field(final String name, final long value)
    {
        return name(name).value(Long.toString(value));
    }

    /** A decimal in its shortest exact form; NaN (an absent figure) as {@code null}. */
    public Json field(final String name, final double value)
    {
        return name(name).value(Double.isFinite(value) ? Double.toString(value) : "null");
    }

    public Json field(final String name, final boolean value)
    {
        return name(name).value(Boolean.toString(value));
    }

    /**
     * @param value a string value (an array element, or after {@link #name}).
     * @return this.
     */
    public Json string(final String value)
    {
        separator();
        quote(value);
        return this;
    }

    /**
     * @param value a number value in its shortest exact form, NaN or infinite as {@code null}.
     * @return this.
     */
    public Json number(final double value)
    {
        return value(Double.isFinite(value) ? Double.toString(value) : "null");
    }

    /**
     * @param value a whole number value.
     * @return this.
     */
    public Json number(final long value)
    {
        return value(Long.toString(value));
    }

    /**
     * @return this, with a {@code null} value written.
     */
    public Json nullValue()
    {
        return value("null");
    }

    @Override
    public String toString()
    {
        return out.toString();
    }

    private Json value(final String raw)
    {
        separator();
        out.append(raw);
        return this;
    }

    private Json close(final char bracket)
    {
        depth--;
        if (!first && indent)
        {
            newline();
        }
        out.append(bracket);
        first = false;
        return this;
    }

    private void separator()
    {
        if (afterName)
        {
            afterName = false;
            return;
        }
        if (!first)
        {
            out.append(',');
        }
        if (depth > 0 && indent)
        {
            newline();
        }
        first = false;
    }

    private void newline()
    {
        out.append('\n');
        for (int i = 0; i < depth; i++)
        {
            out.append("  ");
        }
    }

    private void quote(final String s)
    {
        out.append('"');
        for (int i = 0; i < s.length(); i++)
        {
            final char c = s.charAt(i);
            switch (c)
            {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default ->
                {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029')
                    {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int)c));
                    }
                    else
                    {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
