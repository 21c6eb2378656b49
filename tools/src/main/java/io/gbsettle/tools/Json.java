package io.gbsettle.tools;

/**
 * A small JSON writer for the command line's reports: objects, arrays, strings and whole numbers, indented for
 * people and valid for scripts. Not for hot paths.
 *
 * <pre>{@code
 * new Json().beginObject().field("parties", 350).name("byGspGroup").beginObject()...endObject().endObject()
 * }</pre>
 */
final class Json
{
    private final StringBuilder out = new StringBuilder(1024);
    private int depth;
    private boolean first = true;
    private boolean afterName;

    Json beginObject()
    {
        value("{");
        depth++;
        first = true;
        return this;
    }

    Json endObject()
    {
        return close('}');
    }

    Json beginArray()
    {
        value("[");
        depth++;
        first = true;
        return this;
    }

    Json endArray()
    {
        return close(']');
    }

    Json name(final String name)
    {
        separator();
        quote(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    Json field(final String name, final String value)
    {
        name(name);
        separator();
        quote(value);
        return this;
    }

    Json field(final String name, final long value)
    {
        return name(name).value(Long.toString(value));
    }

    /** A decimal in its shortest exact form; NaN (an absent figure) as {@code null}. */
    Json field(final String name, final double value)
    {
        return name(name).value(Double.isFinite(value) ? Double.toString(value) : "null");
    }

    Json field(final String name, final boolean value)
    {
        return name(name).value(Boolean.toString(value));
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
        if (!first)
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
        if (depth > 0)
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
                    if (c < 0x20)
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
