package io.gbsettle.core.files;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.input.InvalidInputException;

/**
 * Streaming reader of comma-separated UTF-8 files (RFC 4180: quoted fields, doubled quotes, commas and line breaks
 * inside quotes; records end at LF, CRLF or a lone CR). One record at a time, so a file of any size never sits in
 * memory.
 *
 * <p>The first record is the header. Column names are matched case-insensitively after trimming, so callers ask
 * for a column by name with {@link #column(String)} and read it with {@link #field(int)}; unknown extra columns
 * are allowed (files may grow columns), a column named twice is a problem ({@link #requireColumns}). Blank lines are
 * skipped; a leading UTF-8 byte order mark is ignored. Unquoted fields are trimmed of surrounding spaces; quoted
 * ones are kept exactly. A file that is not UTF-8, a quote left open, or text after a closing quote stops the read
 * with an {@link InvalidInputException} naming the file (and the line, where it is known).
 *
 * <pre>{@code
 * try (CsvReader csv = CsvReader.open(path))
 * {
 *     final int id = csv.requireColumn("party_id", problems);
 *     while (csv.next())
 *     {
 *         final String partyId = csv.field(id);
 *         ...
 *     }
 * }
 * }</pre>
 */
public final class CsvReader implements AutoCloseable
{
    private static final int NONE = -2;
    private static final int END = -1;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final String fileName;
    private final BufferedReader in;
    private final StringBuilder field = new StringBuilder(64);
    private final List<String> header = new ArrayList<>();
    private String[] fields = new String[16];
    private int fieldCount;
    private int physicalLine;
    private int recordLine;
    private boolean recordQuoted;
    private int pending = NONE;
    private boolean eof;

    /**
     * Reads the header record at once.
     *
     * @param fileName name used in every problem reported (usually the file's name, not its full path).
     * @param reader   the characters; closed by {@link #close()}.
     */
    public CsvReader(final String fileName, final Reader reader)
    {
        this.fileName = fileName;
        this.in = reader instanceof BufferedReader ? (BufferedReader)reader : new BufferedReader(reader, 1 << 16);
        final int first = read();
        if (first != BYTE_ORDER_MARK)
        {
            pending = first;
        }
        if (readRecord())
        {
            for (int i = 0; i < fieldCount; i++)
            {
                header.add(fields[i].trim().toLowerCase(Locale.ROOT));
            }
        }
    }

    /**
     * Opens a UTF-8 file; problems name it by its file name.
     *
     * @param path the file.
     * @return a reader positioned after the header.
     * @throws UncheckedIOException if the file cannot be opened.
     */
    public static CsvReader open(final Path path)
    {
        try
        {
            return new CsvReader(path.getFileName().toString(), Files.newBufferedReader(path, StandardCharsets.UTF_8));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot open " + path + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Opens a file and hands it to a reader, collecting a problem that stops the read (a file that is not UTF-8, a
     * quote left open) into {@code problems} like any other, so that a loader can go on to its other files and report
     * everything at once.
     *
     * @param file      the file.
     * @param onFailure what to return when the read was stopped by a problem.
     * @param problems  where such a problem is collected.
     * @param reader    reads the records; reports row problems into {@code problems} itself.
     * @param <T>       what the reader returns.
     * @return what the reader returned, or {@code onFailure}.
     * @throws UncheckedIOException if the file cannot be opened.
     */
    public static <T> T read(
        final Path file, final T onFailure, final List<InputProblem> problems, final Function<CsvReader, T> reader)
    {
        try (CsvReader csv = open(file))
        {
            return reader.apply(csv);
        }
        catch (final InvalidInputException ex)
        {
            problems.addAll(ex.problems());
            return onFailure;
        }
    }

    /**
     * @return the file name problems are reported against.
     */
    public String fileName()
    {
        return fileName;
    }

    /**
     * @return the header's column names, trimmed and lower-cased; empty if the file is empty.
     */
    public List<String> header()
    {
        return List.copyOf(header);
    }

    /**
     * @param name column name (case-insensitive).
     * @return its index in each record, or -1 when the header has no such column.
     */
    public int column(final String name)
    {
        return header.indexOf(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Looks up a mandatory column, adding a problem (line 1) when it is missing.
     *
     * @param name     column name.
     * @param problems where a missing column is reported.
     * @return its index, or -1 when missing.
     */
    public int requireColumn(final String name, final List<InputProblem> problems)
    {
        final int index = column(name);
        if (index < 0)
        {
            problems.add(new InputProblem(
                fileName, 1, name, "", header.isEmpty() ?
                "the file is empty; expected a header line" : "missing column; header is " + String.join(",", header)));
        }
        return index;
    }

    /**
     * Looks up every mandatory column at once and checks that no column is named twice. An empty file is one problem
     * (naming the header expected), not one a column.
     *
     * @param problems where missing columns are reported.
     * @param names    the mandatory column names.
     * @return their indices in the order asked, or null when any is missing.
     */
    public int[] requireColumns(final List<InputProblem> problems, final String... names)
    {
        if (String.join("", header).isBlank())
        {
            problems.add(new InputProblem(
                fileName, 1, "", "", "the file is empty; expected the header " + String.join(",", names)));
            return null;
        }
        final int before = problems.size();
        for (int i = 0; i < header.size(); i++)
        {
            final String name = header.get(i);
            if (!name.isEmpty() && header.indexOf(name) == i && header.lastIndexOf(name) != i)
            {
                problems.add(new InputProblem(fileName, 1, name, "",
                    "the column appears more than once in the header; keep one"));
            }
        }
        final int[] columns = new int[names.length];
        for (int i = 0; i < names.length; i++)
        {
            columns[i] = requireColumn(names[i], problems);
        }
        return problems.size() == before ? columns : null;
    }

    /**
     * The current record's field as an ISO date ({@code YYYY-MM-DD}), as an epoch day.
     *
     * @param column   column index.
     * @param blank    returned, without a problem, when the field is empty.
     * @param invalid  returned, after reporting a problem, when it is not a date.
     * @param problems where a problem is reported.
     * @return days since 1970-01-01, {@code blank} or {@code invalid}.
     */
    public long epochDay(final int column, final long blank, final long invalid, final List<InputProblem> problems)
    {
        final String text = field(column);
        if (text.isEmpty())
        {
            return blank;
        }
        try
        {
            return LocalDate.parse(text).toEpochDay();
        }
        catch (final DateTimeParseException ex)
        {
            problems.add(problem(column, "not a date; expected YYYY-MM-DD"));
            return invalid;
        }
    }

    /**
     * The current record's field as a finite decimal number (digits, sign, point and exponent only: no
     * {@code NaN}, {@code Infinity} or type suffixes such as {@code 1d}).
     *
     * @param column   column index.
     * @param blank    returned, without a problem, when the field is empty.
     * @param invalid  returned, after reporting a problem, when it is not a number.
     * @param problems where a problem is reported.
     * @return the number, {@code blank} or {@code invalid}.
     */
    public double decimal(final int column, final double blank, final double invalid, final List<InputProblem> problems)
    {
        final String text = field(column);
        if (text.isEmpty())
        {
            return blank;
        }
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E')
            {
                problems.add(problem(column, "not a number"));
                return invalid;
            }
        }
        try
        {
            return Double.parseDouble(text);
        }
        catch (final NumberFormatException ex)
        {
            problems.add(problem(column, "not a number"));
            return invalid;
        }
    }

    /**
     * The current record's field as a whole number.
     *
     * @param column   column index.
     * @param blank    returned, without a problem, when the field is empty.
     * @param invalid  returned, after reporting a problem, when it is not a whole number.
     * @param problems where a problem is reported.
     * @return the number, {@code blank} or {@code invalid}.
     */
    public long wholeNumber(final int column, final long blank, final long invalid, final List<InputProblem> problems)
    {
        final String text = field(column);
        if (text.isEmpty())
        {
            return blank;
        }
        try
        {
            return Long.parseLong(text);
        }
        catch (final NumberFormatException ex)
        {
            problems.add(problem(column, "not a whole number"));
            return invalid;
        }
    }

    /**
     * The current record's field as a two-valued code, case-insensitive (for example {@code Y}/{@code N}).
     *
     * @param column   column index.
     * @param yes      the code for true.
     * @param no       the code for false.
     * @param problems where a problem is reported when the field is neither.
     * @return true for {@code yes}; false for {@code no} or after reporting a problem.
     */
    public boolean flag(final int column, final String yes, final String no, final List<InputProblem> problems)
    {
        final String text = field(column);
        if (yes.equalsIgnoreCase(text))
        {
            return true;
        }
        if (!no.equalsIgnoreCase(text))
        {
            problems.add(problem(column, "expected " + yes + " or " + no));
        }
        return false;
    }

    /**
     * Advances to the next non-blank record.
     *
     * @return false at the end of the file.
     */
    public boolean next()
    {
        while (readRecord())
        {
            if (fieldCount > 1 || !fields[0].isEmpty() || recordQuoted)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * @return the 1-based physical line the current record starts on (the header is line 1).
     */
    public int line()
    {
        return recordLine;
    }

    /**
     * @return how many fields the current record has.
     */
    public int fieldCount()
    {
        return fieldCount;
    }

    /**
     * @param index column index, typically from {@link #column(String)}.
     * @return the field, or the empty string when the record is shorter or the index is -1.
     */
    public String field(final int index)
    {
        return index >= 0 && index < fieldCount ? fields[index] : "";
    }

    /**
     * A problem at the current record.
     *
     * @param columnIndex column index or -1 for the whole record.
     * @param reason      what is wrong.
     * @return the problem, located at this file, line and column, carrying the raw value.
     */
    public InputProblem problem(final int columnIndex, final String reason)
    {
        final String name = columnIndex >= 0 && columnIndex < header.size() ? header.get(columnIndex) : "";
        return new InputProblem(fileName, recordLine, name, field(columnIndex), reason);
    }

    @Override
    public void close()
    {
        try
        {
            in.close();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private boolean readRecord()
    {
        if (eof)
        {
            return false;
        }
        fieldCount = 0;
        recordQuoted = false;
        field.setLength(0);
        int c = read();
        if (c == END)
        {
            eof = true;
            return false;
        }
        physicalLine++;
        recordLine = physicalLine;
        boolean wasQuoted = false;
        while (true)
        {
            if (c == '"' && !wasQuoted && isBlank(field))
            {
                field.setLength(0);
                wasQuoted = true;
                recordQuoted = true;
                readQuoted();
                c = read();
                while (c == ' ' || c == '\t')
                {
                    c = read();
                }
                if (c != ',' && c != '\n' && c != '\r' && c != END)
                {
                    throw new InvalidInputException("CSV file " + fileName, List.of(new InputProblem(
                        fileName, physicalLine, columnName(fieldCount), "",
                        "text after the closing quote of a field; quote the whole field, doubling any quote inside")));
                }
                continue;
            }
            if (c == ',')
            {
                endField(wasQuoted);
                wasQuoted = false;
            }
            else if (c == '\n' || c == '\r' || c == END)
            {
                if (c == '\r')
                {
                    final int next = read();
                    if (next != '\n')
                    {
                        pending = next;
                    }
                }
                eof = c == END;
                endField(wasQuoted);
                return true;
            }
            else if (!wasQuoted)
            {
                field.append((char)c);
            }
            c = read();
        }
    }

    /**
     * Reads a quoted field's content after its opening quote, up to and including its closing quote.
     */
    private void readQuoted()
    {
        while (true)
        {
            final int c = read();
            if (c == END)
            {
                throw new InvalidInputException("CSV file " + fileName, List.of(new InputProblem(
                    fileName, recordLine, "", "", "a quoted field is not closed before the end of the file")));
            }
            if (c == '"')
            {
                final int next = read();
                if (next != '"')
                {
                    pending = next;
                    return;
                }
            }
            else if (c == '\n')
            {
                physicalLine++;
            }
            field.append((char)c);
        }
    }

    private int read()
    {
        if (pending != NONE)
        {
            final int c = pending;
            pending = NONE;
            return c;
        }
        try
        {
            return in.read();
        }
        catch (final CharacterCodingException ex)
        {
            throw new InvalidInputException("CSV file " + fileName, List.of(new InputProblem(fileName, 0, "", "",
                "the file is not UTF-8 text (a byte sequence near line " + Math.max(1, physicalLine) +
                " is invalid); save or export it as UTF-8")));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + fileName + " at line " + physicalLine, ex);
        }
    }

    private String columnName(final int index)
    {
        return index < header.size() ? header.get(index) : "";
    }

    private void endField(final boolean wasQuoted)
    {
        if (fieldCount == fields.length)
        {
            final String[] grown = new String[fields.length * 2];
            System.arraycopy(fields, 0, grown, 0, fields.length);
            fields = grown;
        }
        fields[fieldCount++] = wasQuoted ? field.toString() : field.toString().trim();
        field.setLength(0);
    }

    private static boolean isBlank(final CharSequence s)
    {
        for (int i = 0; i < s.length(); i++)
        {
            if (s.charAt(i) != ' ' && s.charAt(i) != '\t')
            {
                return false;
            }
        }
        return true;
    }
}
