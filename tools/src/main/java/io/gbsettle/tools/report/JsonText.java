package io.gbsettle.tools.report;

import java.util.Locale;

/**
 * A compact JSON writer whose output can sit inside an HTML {@code <script>} element as it is: besides the JSON
 * escapes it writes {@code <}, {@code >}, {@code &}, U+2028 and U+2029 as {@code \}{@code uXXXX}, so no data can
 * close the element or start a comment. Numbers that are not finite are written as {@code null}. Not for hot paths.
 */
final class JsonText
{
    private final StringBuilder out = new StringBuilder(1 << 16);
    private boolean needComma;

    JsonText beginObject()
    {
        comma();
        out.append('{');
        needComma = false;
        return this;
    }

    JsonText endObject()
    {
        out.append('}');
        needComma = true;
        return this;
    }

    JsonText beginArray()
    {
        comma();
        out.append('[');
        needComma = false;
        return this;
    }

    JsonText endArray()
    {
        out.append(']');
        needComma = true;
        return this;
    }

    JsonText name(final String name)
    {
        string(name);
        out.append(':');
        needComma = false;
        return this;
    }

    JsonText string(final String value)
    {
        comma();
        quote(out, value);
        needComma = true;
        return this;
    }

    JsonText number(final double value)
    {
        comma();
        if (!Double.isFinite(value))
        {
            out.append("null");
        }
        else if (value == Math.rint(value) && Math.abs(value) < 1e15)
        {
            out.append((long)value);
        }
        else
        {
            out.append(value);
        }
        needComma = true;
        return this;
    }

    JsonText number(final long value)
    {
        comma();
        out.append(value);
        needComma = true;
        return this;
    }

    JsonText nullValue()
    {
        comma();
        out.append("null");
        needComma = true;
        return this;
    }

    @Override
    public String toString()
    {
        return out.toString();
    }

    /**
     * Appends a JSON string literal safe inside an HTML script element.
     *
     * @param out   where to append.
     * @param value the text.
     */
    static void quote(final StringBuilder out, final String value)
    {
        out.append('"');
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
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
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int)c));
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

    private void comma()
    {
        if (needComma)
        {
            out.append(',');
        }
    }
}
