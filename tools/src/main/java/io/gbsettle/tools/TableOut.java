package io.gbsettle.tools;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import io.gbsettle.core.files.CsvWriter;

/**
 * Writes rows of text to a stream as CSV (through the core's {@link CsvWriter}) or as a JSON array of objects keyed
 * by the header, so that every table a command prints can be read by a spreadsheet or a script.
 */
final class TableOut
{
    private final OutputFormat format;
    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();

    TableOut(final OutputFormat format, final String... header)
    {
        this.format = format;
        this.header = header.clone();
    }

    TableOut row(final String... values)
    {
        if (values.length != header.length)
        {
            throw new IllegalStateException("row has " + values.length + " values for " + header.length + " columns");
        }
        rows.add(values.clone());
        return this;
    }

    int size()
    {
        return rows.size();
    }

    void writeTo(final PrintWriter out, final String name)
    {
        if (format == OutputFormat.json)
        {
            final Json json = new Json().beginArray();
            for (final String[] row : rows)
            {
                json.beginObject();
                for (int c = 0; c < header.length; c++)
                {
                    json.field(header[c], row[c]);
                }
                json.endObject();
            }
            out.println(json.endArray());
            out.flush();
            return;
        }
        final CsvWriter csv = new CsvWriter(name, new NonClosingWriter(out));
        writeCsv(csv);
        csv.flush();
    }

    void writeCsv(final CsvWriter csv)
    {
        for (final String column : header)
        {
            csv.field(column);
        }
        csv.endRecord();
        for (final String[] row : rows)
        {
            for (final String value : row)
            {
                csv.field(value);
            }
            csv.endRecord();
        }
    }

    /**
     * Keeps standard output open when a CSV writer over it is flushed or closed.
     */
    private static final class NonClosingWriter extends Writer
    {
        private final Writer delegate;

        NonClosingWriter(final Writer delegate)
        {
            this.delegate = delegate;
        }

        @Override
        public void write(final char[] buffer, final int offset, final int length)
        {
            try
            {
                delegate.write(buffer, offset, length);
            }
            catch (final java.io.IOException ex)
            {
                throw new java.io.UncheckedIOException(ex);
            }
        }

        @Override
        public void flush()
        {
            try
            {
                delegate.flush();
            }
            catch (final java.io.IOException ex)
            {
                throw new java.io.UncheckedIOException(ex);
            }
        }

        @Override
        public void close()
        {
            flush();
        }
    }
}
