package io.gbsettle.core.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes comma-separated files that {@link CsvReader} reads back exactly: UTF-8, LF line ends, and a field quoted
 * (RFC 4180, quotes doubled) only when it must be: when it holds a comma, a quote or a line break, or starts or
 * ends with a space or control character (which the reader would otherwise trim).
 *
 * <pre>{@code
 * try (CsvWriter csv = CsvWriter.create(dir.resolve("parties.csv")))
 * {
 *     csv.field("party_id").field("name").endRecord();
 *     csv.field("BGAS").field("Albion Energy, Ltd").endRecord();
 * }
 * }</pre>
 */
public final class CsvWriter implements AutoCloseable
{
    private final String fileName;
    private final Writer out;
    private boolean firstField = true;
    private int fieldsInRecord;
    private boolean lastFieldEmpty;

    /**
     * @param fileName name used in error messages.
     * @param writer   the characters' destination; closed by {@link #close()}.
     */
    public CsvWriter(final String fileName, final Writer writer)
    {
        this.fileName = fileName;
        this.out = writer instanceof BufferedWriter ? writer : new BufferedWriter(writer, 1 << 16);
    }

    /**
     * Creates or truncates a UTF-8 file.
     *
     * @param path the file.
     * @return a writer at the start of the file.
     * @throws UncheckedIOException if the file cannot be created.
     */
    public static CsvWriter create(final Path path)
    {
        try
        {
            return new CsvWriter(path.getFileName().toString(), Files.newBufferedWriter(path, StandardCharsets.UTF_8));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create " + path + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Creates (or truncates) a UTF-8 CSV file and writes its header record.
     *
     * @param path   the file.
     * @param header the column names, in order.
     * @return the writer, positioned after the header.
     * @throws UncheckedIOException if the file cannot be created or written.
     */
    public static CsvWriter create(final Path path, final List<String> header)
    {
        final CsvWriter csv = create(path);
        for (final String column : header)
        {
            csv.field(column);
        }
        return csv.endRecord();
    }

    /**
     * Appends a field to the current record.
     *
     * @param value the field's text; empty for an empty field.
     * @return this writer.
     */
    public CsvWriter field(final String value)
    {
        try
        {
            if (!firstField)
            {
                out.write(',');
            }
            firstField = false;
            fieldsInRecord++;
            lastFieldEmpty = value.isEmpty();
            if (needsQuotes(value))
            {
                out.write('"');
                out.write(value.replace("\"", "\"\""));
                out.write('"');
            }
            else
            {
                out.write(value);
            }
            return this;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + fileName, ex);
        }
    }

    /**
     * Writes a number as its shortest plain decimal text ({@link #number(double)}); NaN as an empty field.
     *
     * @param value the number.
     * @return this writer.
     */
    public CsvWriter field(final double value)
    {
        return field(number(value));
    }

    /**
     * Ends the current record with a line feed.
     *
     * @return this writer.
     */
    public CsvWriter endRecord()
    {
        try
        {
            if (fieldsInRecord == 1 && lastFieldEmpty)
            {
                // A lone empty field would be a blank line, which readers skip: quote it so the record survives.
                out.write("\"\"");
            }
            out.write('\n');
            firstField = true;
            fieldsInRecord = 0;
            return this;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + fileName, ex);
        }
    }

    /**
     * Writes out what is buffered, leaving the destination open (for writers over standard output).
     */
    public void flush()
    {
        try
        {
            out.flush();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + fileName, ex);
        }
    }

    @Override
    public void close()
    {
        try
        {
            out.close();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot close " + fileName, ex);
        }
    }

    private static boolean needsQuotes(final String value)
    {
        final int length = value.length();
        if (length == 0)
        {
            return false;
        }
        if (isSpace(value.charAt(0)) || isSpace(value.charAt(length - 1)))
        {
            return true;
        }
        for (int i = 0; i < length; i++)
        {
            final char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r')
            {
                return true;
            }
        }
        return false;
    }

    private static boolean isSpace(final char c)
    {
        return c <= ' ' || c == '\uFEFF';
    }

    /**
     * A number as the reports write it: plain decimal, shortest form that reads back to the same double; empty for
     * NaN (a value that does not exist, such as the price of a period without one); {@code 0} for ±0.
     *
     * @param value the number.
     * @return its text.
     */
    public static String number(final double value)
    {
        if (Double.isNaN(value))
        {
            return "";
        }
        if (value == 0.0)
        {
            return "0";
        }
        final double magnitude = Math.abs(value);
        final String text;
        if (magnitude >= 1e-3 && magnitude < 1e7)
        {
            text = Double.toString(value);
        }
        else if (Double.isInfinite(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        else
        {
            text = new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        }
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
