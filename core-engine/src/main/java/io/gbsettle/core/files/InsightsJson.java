package io.gbsettle.core.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.gbsettle.core.input.InputProblem;

/**
 * Streaming reader of Elexon Insights JSON files: either a bare array of rows (the {@code /datasets/{X}/stream}
 * form) or the {@code {"data":[...]}} envelope of the other endpoints. One row at a time, so a file of any size never
 * sits in memory as a tree.
 *
 * <p>Each row is a flat object of scalar fields (the API's field names, see {@code iris-insights.md} §2). The reader
 * keeps the current row's scalars as text and hands itself to the caller, which reads typed fields by name;
 * nested objects and arrays inside a row (such as {@code pairVolumes}) are skipped. Every problem (a malformed file,
 * a row that is not an object, a missing or mistyped field) is reported as an {@link InputProblem} naming the file,
 * the line the row starts on and the field, so a loader can report everything at once.
 *
 * <pre>{@code
 * InsightsJson.read(path, problems, row ->
 * {
 *     final String bmUnit = row.requireText("bmUnit");
 *     final long from = row.instant("timeFrom");
 *     ...
 * });
 * }</pre>
 */
public final class InsightsJson
{
    /**
     * Returned by the typed accessors for a field that is absent, null or invalid (after reporting a problem where
     * the field was required or invalid).
     */
    public static final long MISSING_LONG = Long.MIN_VALUE;

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final String fileName;
    private final List<InputProblem> problems;
    private final Map<String, String> fields = new HashMap<>();
    private int rowLine;
    private int rowIndex;

    private InsightsJson(final String fileName, final List<InputProblem> problems)
    {
        this.fileName = fileName;
        this.problems = problems;
    }

    /**
     * Reads every row of a file.
     *
     * @param file     the file.
     * @param problems where every problem is collected.
     * @param onRow    called once a row, with this reader positioned on it.
     * @return how many rows were handed to {@code onRow}.
     * @throws UncheckedIOException if the file cannot be opened.
     */
    public static int read(final Path file, final List<InputProblem> problems, final Consumer<InsightsJson> onRow)
    {
        try (InputStream in = Files.newInputStream(file))
        {
            return read(file.getFileName().toString(), in, problems, onRow);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Reads every row of a stream (UTF-8 JSON).
     *
     * @param fileName the name problems are reported against.
     * @param in       the bytes; not closed.
     * @param problems where every problem is collected.
     * @param onRow    called once a row, with this reader positioned on it.
     * @return how many rows were handed to {@code onRow}.
     */
    public static int read(
        final String fileName, final InputStream in, final List<InputProblem> problems,
        final Consumer<InsightsJson> onRow)
    {
        final InsightsJson reader = new InsightsJson(fileName, problems);
        try (JsonParser parser = FACTORY.createParser(in))
        {
            return reader.readAll(parser, onRow);
        }
        catch (final JsonParseException ex)
        {
            problems.add(new InputProblem(
                fileName, ex.getLocation() == null ? 0 : ex.getLocation().getLineNr(), "", "",
                "not valid JSON: " + ex.getOriginalMessage()));
            return reader.rowIndex;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + fileName + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Reads every row of a body held in memory (UTF-8 JSON), as an IRIS message or a REST response arrives: the
     * parser reads the bytes in place, with no stream or copy.
     *
     * @param fileName the name problems are reported against (a message id, a request).
     * @param bytes    the body.
     * @param offset   its first byte.
     * @param length   its length.
     * @param problems where every problem is collected.
     * @param onRow    called once a row, with this reader positioned on it.
     * @return how many rows were handed to {@code onRow}.
     */
    public static int read(
        final String fileName, final byte[] bytes, final int offset, final int length,
        final List<InputProblem> problems, final Consumer<InsightsJson> onRow)
    {
        final InsightsJson reader = new InsightsJson(fileName, problems);
        try (JsonParser parser = FACTORY.createParser(bytes, offset, length))
        {
            return reader.readAll(parser, onRow);
        }
        catch (final JsonParseException ex)
        {
            problems.add(new InputProblem(
                fileName, ex.getLocation() == null ? 0 : ex.getLocation().getLineNr(), "", "",
                "not valid JSON: " + ex.getOriginalMessage()));
            return reader.rowIndex;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + fileName + ": " + ex.getMessage(), ex);
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
     * @return the 1-based line the current row starts on.
     */
    public int line()
    {
        return rowLine;
    }

    /**
     * @return the 0-based position of the current row in the file's array.
     */
    public int rowIndex()
    {
        return rowIndex;
    }

    /**
     * @param name field name (exact, as in the API).
     * @return true when the row has the field with a non-null scalar value.
     */
    public boolean has(final String name)
    {
        return fields.get(name) != null;
    }

    /**
     * @param name field name.
     * @return the field's text, or null when absent or null.
     */
    public String text(final String name)
    {
        return fields.get(name);
    }

    /**
     * @param name field name.
     * @return the field's text, or null after reporting a problem when absent, null or blank.
     */
    public String requireText(final String name)
    {
        final String value = fields.get(name);
        if (value == null || value.isBlank())
        {
            problems.add(problem(name, "missing field"));
            return null;
        }
        return value;
    }

    /**
     * A decimal field (a JSON number, or a number in a string as the settlement endpoints send decimals).
     *
     * @param name     field name.
     * @param required whether a missing or null field is a problem.
     * @return the value, or NaN when absent, null or invalid (a problem is reported when invalid or required).
     */
    public double decimal(final String name, final boolean required)
    {
        final String value = fields.get(name);
        if (value == null)
        {
            if (required)
            {
                problems.add(problem(name, "missing field"));
            }
            return Double.NaN;
        }
        try
        {
            final double parsed = Double.parseDouble(value);
            if (Double.isFinite(parsed) && isNumeric(value))
            {
                return parsed;
            }
        }
        catch (final NumberFormatException ignore)
        {
            // reported below
        }
        problems.add(problem(name, "not a number"));
        return Double.NaN;
    }

    /**
     * A whole-number field.
     *
     * @param name     field name.
     * @param required whether a missing or null field is a problem.
     * @return the value, or {@link #MISSING_LONG} when absent, null or invalid.
     */
    public long wholeNumber(final String name, final boolean required)
    {
        final String value = fields.get(name);
        if (value == null)
        {
            if (required)
            {
                problems.add(problem(name, "missing field"));
            }
            return MISSING_LONG;
        }
        try
        {
            return Long.parseLong(value);
        }
        catch (final NumberFormatException ex)
        {
            problems.add(problem(name, "not a whole number"));
            return MISSING_LONG;
        }
    }

    /**
     * A boolean field ({@code true}/{@code false}); absent or null reads as {@code whenMissing}.
     *
     * @param name        field name.
     * @param whenMissing the value of an absent or null field.
     * @return the value.
     */
    public boolean flag(final String name, final boolean whenMissing)
    {
        final String value = fields.get(name);
        if (value == null)
        {
            return whenMissing;
        }
        if ("true".equalsIgnoreCase(value))
        {
            return true;
        }
        if (!"false".equalsIgnoreCase(value))
        {
            problems.add(problem(name, "expected true or false"));
        }
        return false;
    }

    /**
     * A date-time field ({@code 2024-05-01T23:59:00Z}), required.
     *
     * @param name field name.
     * @return seconds since the epoch, or {@link #MISSING_LONG} after reporting a problem.
     */
    public long instant(final String name)
    {
        final String value = fields.get(name);
        if (value == null)
        {
            problems.add(problem(name, "missing field"));
            return MISSING_LONG;
        }
        try
        {
            return Instant.parse(value).getEpochSecond();
        }
        catch (final DateTimeParseException ex)
        {
            problems.add(problem(name, "not a UTC date-time; expected YYYY-MM-DDThh:mm:ssZ"));
            return MISSING_LONG;
        }
    }

    /**
     * A date field ({@code YYYY-MM-DD}), required.
     *
     * @param name field name.
     * @return days since 1970-01-01, or {@link #MISSING_LONG} after reporting a problem.
     */
    public long epochDay(final String name)
    {
        final String value = fields.get(name);
        if (value == null)
        {
            problems.add(problem(name, "missing field"));
            return MISSING_LONG;
        }
        try
        {
            return LocalDate.parse(value).toEpochDay();
        }
        catch (final DateTimeParseException ex)
        {
            problems.add(problem(name, "not a date; expected YYYY-MM-DD"));
            return MISSING_LONG;
        }
    }

    /**
     * A problem at the current row.
     *
     * @param name   the field concerned, or empty for the whole row.
     * @param reason what is wrong.
     * @return the problem, naming the file, the row's line, the field and its raw value.
     */
    public InputProblem problem(final String name, final String reason)
    {
        final String value = name.isEmpty() ? null : fields.get(name);
        return new InputProblem(fileName, rowLine, name, value == null ? "" : value, reason);
    }

    /**
     * @return the problems list this reader reports into, for callers that add their own.
     */
    public List<InputProblem> problems()
    {
        return problems;
    }

    private int readAll(final JsonParser parser, final Consumer<InsightsJson> onRow) throws IOException
    {
        JsonToken token = parser.nextToken();
        if (token == null)
        {
            problems.add(new InputProblem(fileName, 0, "", "", "the file is empty; expected a JSON array of rows"));
            return 0;
        }
        if (token == JsonToken.START_OBJECT && !seekData(parser))
        {
            problems.add(new InputProblem(fileName, parser.currentLocation().getLineNr(), "data", "",
                "expected a JSON array of rows or an object with a \"data\" array"));
            return 0;
        }
        else if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY)
        {
            problems.add(new InputProblem(fileName, parser.currentLocation().getLineNr(), "", "",
                "expected a JSON array of rows or an object with a \"data\" array"));
            return 0;
        }
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null)
        {
            rowLine = parser.currentTokenLocation().getLineNr();
            if (token != JsonToken.START_OBJECT)
            {
                fields.clear();
                problems.add(problem("", "row " + rowIndex + " is not a JSON object"));
                parser.skipChildren();
                rowIndex++;
                continue;
            }
            readRow(parser);
            onRow.accept(this);
            rowIndex++;
        }
        return rowIndex;
    }

    private static boolean seekData(final JsonParser parser) throws IOException
    {
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME)
        {
            final String name = parser.currentName();
            token = parser.nextToken();
            if ("data".equals(name) && token == JsonToken.START_ARRAY)
            {
                return true;
            }
            parser.skipChildren();
        }
        return false;
    }

    private void readRow(final JsonParser parser) throws IOException
    {
        fields.clear();
        while (parser.nextToken() == JsonToken.FIELD_NAME)
        {
            final String name = parser.currentName();
            final JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY)
            {
                parser.skipChildren();
            }
            else if (value == JsonToken.VALUE_NULL)
            {
                fields.put(name, null);
            }
            else
            {
                fields.put(name, parser.getText());
            }
        }
    }

    private static boolean isNumeric(final String text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E')
            {
                return false;
            }
        }
        return !text.isEmpty();
    }
}
