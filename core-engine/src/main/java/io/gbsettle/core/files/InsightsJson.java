package io.gbsettle.core.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.gbsettle.core.input.InputProblem;

/**
 * The code base's one reader of Elexon Insights JSON (IRIS message bodies, REST responses, day-bundle files): a
 * byte-level scanner over UTF-8 bytes held in memory, either a bare array of rows (the {@code /datasets/{X}/stream}
 * form) or the {@code {"data":[...]}} envelope of the other endpoints.
 *
 * <p>Allocation-free once warm. For each row (a flat JSON object) the scanner records where the value of each
 * <em>known field</em> lies in the body: field names are matched as bytes against a table of the Insights field
 * names built once ({@link #field(String)}); other fields, and nested objects and arrays inside a row (such as
 * {@code pairVolumes}), are checked for syntax and skipped. Typed accessors then parse numbers, booleans, ISO-8601
 * instants and dates and look names up ({@link #indexIn(int, NameIndex)}) straight from the bytes. No String, map or
 * object per row: only a problem (its message and value) allocates, and rare forms the fast paths leave to the JDK
 * (a decimal with more than 15 significant digits or an exponent beyond 22, a date-time with an offset).
 *
 * <p>Semantics are those of the Jackson-based reader it replaced: a field's text is its JSON string's content, or a
 * number's or boolean's literal text; {@code null} reads as absent; the last of repeated fields wins; a decimal may be
 * a JSON number or a number in a string (the settlement endpoints send decimals as strings); whole numbers follow
 * {@link Long#parseLong}, booleans {@code true}/{@code false} in any case, instants {@link Instant#parse}, dates
 * {@link LocalDate#parse}. Every problem (malformed JSON, a row that is not an object, a missing or mistyped field) is
 * reported as an {@link InputProblem} naming the file, the line the row starts on, the field and its raw value.
 *
 * <p>Two ways to use it. Pull, reusing one reader (the hot path):
 * <pre>{@code
 * private static final int BM_UNIT = InsightsJson.field("bmUnit");
 * reader.wrap(messageId, body, 0, length, problems);
 * while (reader.next())
 * {
 *     final int unit = reader.indexIn(BM_UNIT, bmUnits);
 *     final long from = reader.instant(TIME_FROM);
 *     ...
 * }
 * }</pre>
 * or push, for loaders ({@code InsightsJson.read(path, problems, row -> ...)}, a new reader each call).
 *
 * <p>Not thread-safe: one reader per thread.
 */
public final class InsightsJson
{
    /**
     * Returned by the typed accessors for a field that is absent, null or invalid (after reporting a problem where
     * the field was required or invalid).
     */
    public static final long MISSING_LONG = Long.MIN_VALUE;

    /** Deepest nesting accepted (as Jackson's default constraint). */
    public static final int MAX_DEPTH = 1000;

    /**
     * The known fields: every Insights field the code base reads (see {@code iris-insights.md} §2). A name not in
     * this table is skipped by the scanner.
     */
    private static final String[] FIELDS = {
        "dataset", "settlementDate", "settlementPeriod", "settlementPeriodFrom", "settlementPeriodTo", "bmUnit",
        "nationalGridBmUnit", "timeFrom", "timeTo", "levelFrom", "levelTo", "acceptanceNumber", "acceptanceTime",
        "deemedBoFlag", "soFlag", "storFlag", "rrFlag", "amendmentFlag", "pairId", "offer", "bid",
        "notificationSequence", "notificationTime", "systemSellPrice", "systemBuyPrice", "netImbalanceVolume",
        "reserveScarcityPrice", "createdDateTime", "measurementTime", "frequency", "id", "cost", "volume",
        "buyPricePriceAdjustment", "sellPricePriceAdjustment", "dataProvider", "price", "lossOfLoadProbability",
        "lolp", "forecastHorizon", "storAvailabilityWindow", "acceptanceId", "bidOfferPairId", "cadlFlag",
        "storProviderFlag", "originalPrice", "transmissionLossMultiplier", "publishTime", "startTime",
        "deratedMargin", "partyId", "assetId", "service", "isTendered", "sequenceNumber", "priceDerivationCode"};
    private static final byte[][] FIELD_BYTES = new byte[FIELDS.length][];
    private static final int[] TABLE = new int[256];
    private static final Map<String, Integer> BY_NAME = new HashMap<>();
    private static final byte[] DATA = {'d', 'a', 't', 'a'};
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final long DAYS_0000_TO_1970 = 719_528L;

    private static final byte ABSENT = 0;
    private static final byte NULL = 1;
    private static final byte TRUE = 2;
    private static final byte FALSE = 3;
    private static final byte NUMBER = 4;
    private static final byte STRING = 5;
    private static final byte ESCAPED = 6;

    static
    {
        for (int f = 0; f < FIELDS.length; f++)
        {
            final byte[] name = FIELDS[f].getBytes(StandardCharsets.US_ASCII);
            FIELD_BYTES[f] = name;
            BY_NAME.put(FIELDS[f], f);
            int slot = hash(name, 0, name.length) & (TABLE.length - 1);
            while (TABLE[slot] != 0)
            {
                slot = (slot + 1) & (TABLE.length - 1);
            }
            TABLE[slot] = f + 1;
        }
    }

    private final int[] stamp = new int[FIELDS.length];
    private final byte[] kind = new byte[FIELDS.length];
    private final int[] start = new int[FIELDS.length];
    private final int[] end = new int[FIELDS.length];

    private String fileName = "";
    private List<InputProblem> problems;
    private byte[] buf = new byte[0];
    private int pos;
    private int limit;
    private int line;
    private int rowLine;
    private int rowIndex;
    private int elements;
    private int rowStamp;
    private boolean started;
    private boolean done;
    private boolean lastEscaped;
    private byte[] scratch = new byte[64];
    private byte[] vb;
    private int vs;
    private int ve;

    /**
     * A reader to {@link #wrap} bodies into, reused across bodies.
     */
    public InsightsJson()
    {
    }

    /**
     * @param name a field name, exactly as in the API.
     * @return its index in the table of known fields (for the accessors taking an {@code int}).
     * @throws IllegalArgumentException if the field is not a known Insights field.
     */
    public static int field(final String name)
    {
        final Integer f = BY_NAME.get(name);
        if (f == null)
        {
            throw new IllegalArgumentException("not a known Insights field: " + name);
        }
        return f;
    }

    /**
     * @param field a field index.
     * @return its name.
     */
    public static String fieldName(final int field)
    {
        return FIELDS[field];
    }

    /**
     * Reads every row of a file (the whole file is read into memory as bytes; rows are never a tree).
     *
     * @param file     the file.
     * @param problems where every problem is collected.
     * @param onRow    called once a row, with this reader positioned on it.
     * @return how many elements the file's array held.
     * @throws UncheckedIOException if the file cannot be read.
     */
    public static int read(final Path file, final List<InputProblem> problems, final Consumer<InsightsJson> onRow)
    {
        try
        {
            final byte[] bytes = Files.readAllBytes(file);
            return read(file.getFileName().toString(), bytes, 0, bytes.length, problems, onRow);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Reads every row of a stream (UTF-8 JSON), read to its end first.
     *
     * @param fileName the name problems are reported against.
     * @param in       the bytes; not closed.
     * @param problems where every problem is collected.
     * @param onRow    called once a row, with this reader positioned on it.
     * @return how many elements the array held.
     */
    public static int read(
        final String fileName, final InputStream in, final List<InputProblem> problems,
        final Consumer<InsightsJson> onRow)
    {
        try
        {
            final byte[] bytes = in.readAllBytes();
            return read(fileName, bytes, 0, bytes.length, problems, onRow);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + fileName + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Reads every row of a body held in memory (UTF-8 JSON) with a new reader.
     *
     * @param fileName the name problems are reported against (a message id, a request).
     * @param bytes    the body.
     * @param offset   its first byte.
     * @param length   its length.
     * @param problems where every problem is collected.
     * @param onRow    called once a row, with this reader positioned on it.
     * @return how many elements the array held.
     */
    public static int read(
        final String fileName, final byte[] bytes, final int offset, final int length,
        final List<InputProblem> problems, final Consumer<InsightsJson> onRow)
    {
        final InsightsJson reader = new InsightsJson().wrap(fileName, bytes, offset, length, problems);
        while (reader.next())
        {
            onRow.accept(reader);
        }
        return reader.elements;
    }

    /**
     * Positions this reader before the first row of a body. The bytes are read in place (not copied): keep them
     * unchanged until the last {@link #next()}.
     *
     * @param fileName the name problems are reported against (a message id, a request, a file).
     * @param bytes    the body (UTF-8, an optional byte order mark).
     * @param offset   its first byte.
     * @param length   its length.
     * @param problems where every problem is collected.
     * @return this.
     */
    public InsightsJson wrap(
        final String fileName, final byte[] bytes, final int offset, final int length,
        final List<InputProblem> problems)
    {
        this.fileName = fileName;
        this.problems = problems;
        this.buf = bytes;
        this.pos = offset;
        this.limit = offset + length;
        this.line = 1;
        this.rowLine = 0;
        this.rowIndex = -1;
        this.elements = 0;
        this.started = false;
        this.done = false;
        clearRow();
        return this;
    }

    /**
     * Moves to the next row that is a JSON object. An element that is not an object is reported as a problem and
     * skipped; malformed JSON is reported and ends the body.
     *
     * @return true when positioned on a row; false at the end of the array or after malformed JSON.
     */
    public boolean next()
    {
        if (done)
        {
            return false;
        }
        if (!started)
        {
            started = true;
            if (!openArray())
            {
                done = true;
                return false;
            }
        }
        while (true)
        {
            skipWhitespace();
            if (pos >= limit)
            {
                return fail("unexpected end of input: the array of rows is not closed");
            }
            byte c = buf[pos];
            if (elements > 0)
            {
                if (c == ']')
                {
                    pos++;
                    done = true;
                    return false;
                }
                if (c != ',')
                {
                    return fail("expected ',' or ']' after row " + rowIndex + " but found " + describe(c));
                }
                pos++;
                skipWhitespace();
                if (pos >= limit)
                {
                    return fail("unexpected end of input: the array of rows is not closed");
                }
                c = buf[pos];
            }
            else if (c == ']')
            {
                pos++;
                done = true;
                return false;
            }
            rowLine = line;
            rowIndex = elements;
            clearRow();
            if (c == '{')
            {
                if (!readRow())
                {
                    return false;
                }
                elements++;
                return true;
            }
            if (!skipValue(1))
            {
                return false;
            }
            elements++;
            problems.add(problem("", "row " + rowIndex + " is not a JSON object"));
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
     * @return the 0-based position of the current row in the body's array.
     */
    public int rowIndex()
    {
        return rowIndex;
    }

    /**
     * @return the problems list this reader reports into, for callers that add their own.
     */
    public List<InputProblem> problems()
    {
        return problems;
    }

    /**
     * @param field a field index ({@link #field(String)}).
     * @return true when the row has the field with a non-null scalar value.
     */
    public boolean has(final int field)
    {
        return stamp[field] == rowStamp && kind[field] != NULL;
    }

    /**
     * @param name field name.
     * @return true when the row has the field with a non-null scalar value.
     */
    public boolean has(final String name)
    {
        return has(field(name));
    }

    /**
     * The field's text as a String (allocates: for loaders and problems, not for the hot path).
     *
     * @param field a field index.
     * @return the text (a string's content, a number's or boolean's literal), or null when absent or null.
     */
    public String text(final int field)
    {
        if (!resolve(field))
        {
            return null;
        }
        return new String(vb, vs, ve - vs, StandardCharsets.UTF_8);
    }

    /**
     * @param name field name.
     * @return the field's text, or null when absent or null.
     */
    public String text(final String name)
    {
        return text(field(name));
    }

    /**
     * Checks that a text field is present and not blank, reporting a "missing field" problem otherwise.
     *
     * @param field a field index.
     * @return true when present and not blank.
     */
    public boolean require(final int field)
    {
        if (!resolve(field) || isBlank())
        {
            problems.add(problem(field, "missing field"));
            return false;
        }
        return true;
    }

    /**
     * @param name field name.
     * @return the field's text, or null after reporting a problem when absent, null or blank.
     */
    public String requireText(final String name)
    {
        final int f = field(name);
        return require(f) ? text(f) : null;
    }

    /**
     * Looks the field's text up in an index of names, straight from the bytes.
     *
     * @param field a field index.
     * @param index the names.
     * @return the name's value in the index, or {@link NameIndex#MISSING} when absent, null or not in it.
     */
    public int indexIn(final int field, final NameIndex index)
    {
        if (!resolve(field))
        {
            return NameIndex.MISSING;
        }
        return index.get(vb, vs, ve - vs);
    }

    /**
     * @param field a field index.
     * @param ascii an ASCII text.
     * @return true when the field's text equals {@code ascii} ignoring case ({@link String#equalsIgnoreCase}).
     */
    public boolean textEqualsIgnoreCase(final int field, final String ascii)
    {
        if (!resolve(field))
        {
            return false;
        }
        final int length = ve - vs;
        if (!isAscii())
        {
            return new String(vb, vs, length, StandardCharsets.UTF_8).equalsIgnoreCase(ascii);
        }
        if (length != ascii.length())
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (lower(vb[vs + i]) != lower((byte)ascii.charAt(i)))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @param field a field index.
     * @return the field's text's {@link String#hashCode()}, computed from the bytes; 0 when absent or null.
     */
    public int textHash(final int field)
    {
        if (!resolve(field))
        {
            return 0;
        }
        if (!isAscii())
        {
            return new String(vb, vs, ve - vs, StandardCharsets.UTF_8).hashCode();
        }
        int h = 0;
        for (int i = vs; i < ve; i++)
        {
            h = 31 * h + vb[i];
        }
        return h;
    }

    /**
     * A decimal field (a JSON number, or a number in a string as the settlement endpoints send decimals).
     *
     * @param field    a field index.
     * @param required whether a missing or null field is a problem.
     * @return the value, or NaN when absent, null or invalid (a problem is reported when invalid or required).
     */
    public double decimal(final int field, final boolean required)
    {
        if (!resolve(field))
        {
            if (required)
            {
                problems.add(problem(field, "missing field"));
            }
            return Double.NaN;
        }
        final double value = kind[field] == TRUE || kind[field] == FALSE ? Double.NaN : parseDecimal(vb, vs, ve);
        if (Double.isNaN(value))
        {
            problems.add(problem(field, "not a number"));
        }
        return value;
    }

    /**
     * @param name     field name.
     * @param required whether a missing or null field is a problem.
     * @return the value, or NaN when absent, null or invalid.
     */
    public double decimal(final String name, final boolean required)
    {
        return decimal(field(name), required);
    }

    /**
     * A whole-number field ({@link Long#parseLong} of its text).
     *
     * @param field    a field index.
     * @param required whether a missing or null field is a problem.
     * @return the value, or {@link #MISSING_LONG} when absent, null or invalid.
     */
    public long wholeNumber(final int field, final boolean required)
    {
        if (!resolve(field))
        {
            if (required)
            {
                problems.add(problem(field, "missing field"));
            }
            return MISSING_LONG;
        }
        long value = MISSING_LONG;
        if (isAscii())
        {
            value = parseLong(vb, vs, ve);
        }
        else
        {
            try
            {
                value = Long.parseLong(new String(vb, vs, ve - vs, StandardCharsets.UTF_8));
            }
            catch (final NumberFormatException ignore)
            {
                // reported below
            }
        }
        if (value == MISSING_LONG)
        {
            problems.add(problem(field, "not a whole number"));
        }
        return value;
    }

    /**
     * @param name     field name.
     * @param required whether a missing or null field is a problem.
     * @return the value, or {@link #MISSING_LONG} when absent, null or invalid.
     */
    public long wholeNumber(final String name, final boolean required)
    {
        return wholeNumber(field(name), required);
    }

    /**
     * A boolean field ({@code true}/{@code false} in any case, a JSON boolean or a string); absent or null reads as
     * {@code whenMissing}; anything else is a problem and reads as false.
     *
     * @param field       a field index.
     * @param whenMissing the value of an absent or null field.
     * @return the value.
     */
    public boolean flag(final int field, final boolean whenMissing)
    {
        if (!resolve(field))
        {
            return whenMissing;
        }
        if (kind[field] == TRUE)
        {
            return true;
        }
        if (kind[field] == FALSE)
        {
            return false;
        }
        if (textEqualsIgnoreCase(field, "true"))
        {
            return true;
        }
        if (!textEqualsIgnoreCase(field, "false"))
        {
            problems.add(problem(field, "expected true or false"));
        }
        return false;
    }

    /**
     * @param name        field name.
     * @param whenMissing the value of an absent or null field.
     * @return the value.
     */
    public boolean flag(final String name, final boolean whenMissing)
    {
        return flag(field(name), whenMissing);
    }

    /**
     * A date-time field ({@code 2024-05-01T23:59:00Z}, {@link Instant#parse}), required.
     *
     * @param field a field index.
     * @return seconds since the epoch (the instant's {@link Instant#getEpochSecond()}), or {@link #MISSING_LONG}
     *         after reporting a problem.
     */
    public long instant(final int field)
    {
        if (!resolve(field))
        {
            problems.add(problem(field, "missing field"));
            return MISSING_LONG;
        }
        final long fast = parseInstant(vb, vs, ve);
        if (fast != MISSING_LONG)
        {
            return fast;
        }
        try
        {
            return Instant.parse(new String(vb, vs, ve - vs, StandardCharsets.UTF_8)).getEpochSecond();
        }
        catch (final DateTimeParseException ex)
        {
            problems.add(problem(field, "not a UTC date-time; expected YYYY-MM-DDThh:mm:ssZ"));
            return MISSING_LONG;
        }
    }

    /**
     * @param name field name.
     * @return seconds since the epoch, or {@link #MISSING_LONG} after reporting a problem.
     */
    public long instant(final String name)
    {
        return instant(field(name));
    }

    /**
     * A date field ({@code YYYY-MM-DD}, {@link LocalDate#parse}), required.
     *
     * @param field a field index.
     * @return days since 1970-01-01, or {@link #MISSING_LONG} after reporting a problem.
     */
    public long epochDay(final int field)
    {
        if (!resolve(field))
        {
            problems.add(problem(field, "missing field"));
            return MISSING_LONG;
        }
        final long fast = ve - vs == 10 ? parseDate(vb, vs) : MISSING_LONG;
        if (fast != MISSING_LONG)
        {
            return fast;
        }
        try
        {
            return LocalDate.parse(new String(vb, vs, ve - vs, StandardCharsets.UTF_8)).toEpochDay();
        }
        catch (final DateTimeParseException ex)
        {
            problems.add(problem(field, "not a date; expected YYYY-MM-DD"));
            return MISSING_LONG;
        }
    }

    /**
     * @param name field name.
     * @return days since 1970-01-01, or {@link #MISSING_LONG} after reporting a problem.
     */
    public long epochDay(final String name)
    {
        return epochDay(field(name));
    }

    /**
     * A problem at the current row.
     *
     * @param field  the field concerned.
     * @param reason what is wrong.
     * @return the problem, naming the file, the row's line, the field and its raw value.
     */
    public InputProblem problem(final int field, final String reason)
    {
        final String value = text(field);
        return new InputProblem(fileName, rowLine, FIELDS[field], value == null ? "" : value, reason);
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
        if (name.isEmpty())
        {
            return new InputProblem(fileName, rowLine, "", "", reason);
        }
        return problem(field(name), reason);
    }

    /**
     * Decodes a body that is one JSON string literal (a double-encoded body: the JSON text of the rows inside a JSON
     * string), after an optional byte order mark and whitespace and followed only by whitespace.
     *
     * @param body   the body.
     * @param offset its first byte.
     * @param length its length.
     * @param into   where the string's content goes, UTF-8; at least {@code length} bytes (decoding never grows).
     * @return the content's length; -1 when the body does not start with a string; -2 when it is not exactly one
     *         valid string literal.
     */
    public static int decodeStringBody(final byte[] body, final int offset, final int length, final byte[] into)
    {
        final int limit = offset + length;
        int i = skipBom(body, offset, limit);
        while (i < limit && isWhitespace(body[i]))
        {
            i++;
        }
        if (i == limit || body[i] != '"')
        {
            return -1;
        }
        final int contentStart = i + 1;
        int j = contentStart;
        while (j < limit && body[j] != '"')
        {
            final byte b = body[j];
            if (b == '\\')
            {
                final byte e = j + 1 < limit ? body[j + 1] : 0;
                if (e == 'u')
                {
                    if (j + 6 > limit || hex(body[j + 2]) < 0 || hex(body[j + 3]) < 0 || hex(body[j + 4]) < 0 ||
                        hex(body[j + 5]) < 0)
                    {
                        return -2;
                    }
                    j += 6;
                }
                else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' ||
                    e == 't')
                {
                    j += 2;
                }
                else
                {
                    return -2;
                }
            }
            else if (b >= 0 && b < 0x20)
            {
                return -2;
            }
            else
            {
                j++;
            }
        }
        if (j >= limit)
        {
            return -2;
        }
        for (int k = j + 1; k < limit; k++)
        {
            if (!isWhitespace(body[k]))
            {
                return -2;
            }
        }
        return decode(body, contentStart, j, into, 0);
    }

    private static int skipBom(final byte[] b, final int from, final int limit)
    {
        if (limit - from >= 3 && (b[from] & 0xFF) == 0xEF && (b[from + 1] & 0xFF) == 0xBB &&
            (b[from + 2] & 0xFF) == 0xBF)
        {
            return from + 3;
        }
        return from;
    }

    private void clearRow()
    {
        if (++rowStamp == Integer.MAX_VALUE)
        {
            java.util.Arrays.fill(stamp, 0);
            rowStamp = 1;
        }
    }

    private boolean resolve(final int field)
    {
        if (stamp[field] != rowStamp)
        {
            return false;
        }
        final byte k = kind[field];
        if (k == NULL)
        {
            return false;
        }
        if (k == ESCAPED)
        {
            final int length = end[field] - start[field];
            if (scratch.length < length)
            {
                scratch = new byte[Math.max(length, scratch.length * 2)];
            }
            vb = scratch;
            vs = 0;
            ve = decode(buf, start[field], end[field], scratch, 0);
        }
        else
        {
            vb = buf;
            vs = start[field];
            ve = end[field];
        }
        return true;
    }

    private boolean isAscii()
    {
        for (int i = vs; i < ve; i++)
        {
            if (vb[i] < 0)
            {
                return false;
            }
        }
        return true;
    }

    private boolean isBlank()
    {
        for (int i = vs; i < ve; i++)
        {
            final byte b = vb[i];
            if (b < 0)
            {
                return new String(vb, vs, ve - vs, StandardCharsets.UTF_8).isBlank();
            }
            if (!(b == ' ' || (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x1F)))
            {
                return false;
            }
        }
        return true;
    }

    private boolean openArray()
    {
        pos = skipBom(buf, pos, limit);
        skipWhitespace();
        if (pos >= limit)
        {
            problems.add(new InputProblem(fileName, 0, "", "", "the file is empty; expected a JSON array of rows"));
            return false;
        }
        final byte c = buf[pos];
        if (c == '[')
        {
            pos++;
            return true;
        }
        if (c == '{')
        {
            return seekData();
        }
        if (skipValue(1))
        {
            problems.add(new InputProblem(fileName, line, "", "",
                "expected a JSON array of rows or an object with a \"data\" array"));
        }
        return false;
    }

    private boolean seekData()
    {
        pos++;
        skipWhitespace();
        if (pos < limit && buf[pos] == '}')
        {
            return noData();
        }
        while (true)
        {
            if (pos >= limit || buf[pos] != '"')
            {
                return fail("expected a field name but found " + describeHere());
            }
            pos++;
            final int nameStart = pos;
            final int nameEnd = scanString();
            if (nameEnd < 0)
            {
                return false;
            }
            if (!colon())
            {
                return false;
            }
            if (!lastEscaped && nameEnd - nameStart == 4 && equals(buf, nameStart, DATA) && pos < limit &&
                buf[pos] == '[')
            {
                pos++;
                return true;
            }
            if (!skipValue(2))
            {
                return false;
            }
            skipWhitespace();
            if (pos < limit && buf[pos] == ',')
            {
                pos++;
                skipWhitespace();
            }
            else if (pos < limit && buf[pos] == '}')
            {
                return noData();
            }
            else
            {
                return fail("expected ',' or '}' but found " + describeHere());
            }
        }
    }

    private boolean noData()
    {
        problems.add(new InputProblem(fileName, line, "data", "",
            "expected a JSON array of rows or an object with a \"data\" array"));
        return false;
    }

    private boolean readRow()
    {
        pos++;
        skipWhitespace();
        if (pos < limit && buf[pos] == '}')
        {
            pos++;
            return true;
        }
        while (true)
        {
            if (pos >= limit || buf[pos] != '"')
            {
                return fail("expected a field name but found " + describeHere());
            }
            pos++;
            final int nameStart = pos;
            final int nameEnd = scanString();
            if (nameEnd < 0)
            {
                return false;
            }
            final int f = lastEscaped ? -1 : lookup(buf, nameStart, nameEnd);
            if (!colon())
            {
                return false;
            }
            if (pos >= limit)
            {
                return fail("unexpected end of input: a value is missing");
            }
            final byte c = buf[pos];
            final int valueStart = pos;
            byte k;
            if (c == '"')
            {
                pos++;
                final int valueEnd = scanString();
                if (valueEnd < 0)
                {
                    return false;
                }
                if (f >= 0)
                {
                    set(f, lastEscaped ? ESCAPED : STRING, valueStart + 1, valueEnd);
                }
            }
            else if (c == '{' || c == '[')
            {
                if (!skipValue(2))
                {
                    return false;
                }
            }
            else
            {
                if (c == 't')
                {
                    k = TRUE;
                }
                else if (c == 'f')
                {
                    k = FALSE;
                }
                else if (c == 'n')
                {
                    k = NULL;
                }
                else
                {
                    k = NUMBER;
                }
                if (!skipValue(2))
                {
                    return false;
                }
                if (f >= 0)
                {
                    set(f, k, valueStart, pos);
                }
            }
            skipWhitespace();
            if (pos < limit && buf[pos] == ',')
            {
                pos++;
                skipWhitespace();
            }
            else if (pos < limit && buf[pos] == '}')
            {
                pos++;
                return true;
            }
            else
            {
                return fail("expected ',' or '}' in row " + rowIndex + " but found " + describeHere());
            }
        }
    }

    private void set(final int f, final byte k, final int from, final int to)
    {
        stamp[f] = rowStamp;
        kind[f] = k;
        start[f] = from;
        end[f] = to;
    }

    private boolean colon()
    {
        skipWhitespace();
        if (pos >= limit || buf[pos] != ':')
        {
            return fail("expected ':' but found " + describeHere());
        }
        pos++;
        skipWhitespace();
        return true;
    }

    /**
     * Skips one JSON value, checking its syntax.
     */
    private boolean skipValue(final int depth)
    {
        if (pos >= limit)
        {
            return fail("unexpected end of input: a value is missing");
        }
        final byte c = buf[pos];
        switch (c)
        {
            case '"':
                pos++;
                return scanString() >= 0;
            case '{':
            case '[':
                return skipContainer(depth);
            case 't':
                return literal("true");
            case 'f':
                return literal("false");
            case 'n':
                return literal("null");
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return scanNumber();
                }
                return fail("unexpected " + describe(c) + "; expected a value");
        }
    }

    private boolean skipContainer(final int depth)
    {
        if (depth > MAX_DEPTH)
        {
            return fail("nested deeper than " + MAX_DEPTH);
        }
        final boolean object = buf[pos] == '{';
        final byte close = object ? (byte)'}' : (byte)']';
        pos++;
        skipWhitespace();
        if (pos < limit && buf[pos] == close)
        {
            pos++;
            return true;
        }
        while (true)
        {
            if (object)
            {
                if (pos >= limit || buf[pos] != '"')
                {
                    return fail("expected a field name but found " + describeHere());
                }
                pos++;
                if (scanString() < 0 || !colon())
                {
                    return false;
                }
            }
            if (!skipValue(depth + 1))
            {
                return false;
            }
            skipWhitespace();
            if (pos < limit && buf[pos] == ',')
            {
                pos++;
                skipWhitespace();
            }
            else if (pos < limit && buf[pos] == close)
            {
                pos++;
                return true;
            }
            else
            {
                return fail("expected ',' or '" + (char)close + "' but found " + describeHere());
            }
        }
    }

    private boolean literal(final String word)
    {
        final int n = word.length();
        if (limit - pos < n)
        {
            return fail("unrecognised token; expected " + word);
        }
        for (int i = 0; i < n; i++)
        {
            if (buf[pos + i] != word.charAt(i))
            {
                return fail("unrecognised token; expected " + word);
            }
        }
        pos += n;
        return true;
    }

    /**
     * A JSON number (RFC 8259): {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}.
     */
    private boolean scanNumber()
    {
        if (buf[pos] == '-')
        {
            pos++;
        }
        if (pos >= limit || !isDigit(buf[pos]))
        {
            return fail("a number needs a digit");
        }
        if (buf[pos] == '0')
        {
            pos++;
        }
        else
        {
            while (pos < limit && isDigit(buf[pos]))
            {
                pos++;
            }
        }
        if (pos < limit && buf[pos] == '.')
        {
            pos++;
            if (pos >= limit || !isDigit(buf[pos]))
            {
                return fail("a decimal point must be followed by a digit");
            }
            while (pos < limit && isDigit(buf[pos]))
            {
                pos++;
            }
        }
        if (pos < limit && (buf[pos] == 'e' || buf[pos] == 'E'))
        {
            pos++;
            if (pos < limit && (buf[pos] == '+' || buf[pos] == '-'))
            {
                pos++;
            }
            if (pos >= limit || !isDigit(buf[pos]))
            {
                return fail("an exponent needs a digit");
            }
            while (pos < limit && isDigit(buf[pos]))
            {
                pos++;
            }
        }
        return true;
    }

    /**
     * Scans a string's content from {@code pos} (after the opening quote), checking escapes, control characters and
     * UTF-8; leaves {@code pos} after the closing quote and {@code lastEscaped} true when it holds an escape.
     *
     * @return the index of the closing quote, or -1 after a problem.
     */
    private int scanString()
    {
        lastEscaped = false;
        final byte[] b = buf;
        int i = pos;
        while (i < limit)
        {
            final byte c = b[i];
            if (c == '"')
            {
                pos = i + 1;
                return i;
            }
            if (c == '\\')
            {
                lastEscaped = true;
                if (i + 1 >= limit)
                {
                    break;
                }
                final byte e = b[i + 1];
                if (e == 'u')
                {
                    if (i + 6 > limit || hex(b[i + 2]) < 0 || hex(b[i + 3]) < 0 || hex(b[i + 4]) < 0 ||
                        hex(b[i + 5]) < 0)
                    {
                        pos = i;
                        fail("a \\u escape needs four hex digits");
                        return -1;
                    }
                    i += 6;
                }
                else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' ||
                    e == 't')
                {
                    i += 2;
                }
                else
                {
                    pos = i;
                    fail("unrecognised escape " + describe(e) + " in a string");
                    return -1;
                }
            }
            else if (c >= 0 && c < 0x20)
            {
                pos = i;
                fail("unescaped control character " + describe(c) + " in a string");
                return -1;
            }
            else if (c < 0)
            {
                final int n = utf8Length(b, i, limit);
                if (n < 0)
                {
                    pos = i;
                    fail("invalid UTF-8 byte 0x" + Integer.toHexString(c & 0xFF) + " in a string");
                    return -1;
                }
                i += n;
            }
            else
            {
                i++;
            }
        }
        pos = limit;
        fail("unexpected end of input in a string");
        return -1;
    }

    private static int utf8Length(final byte[] b, final int i, final int limit)
    {
        final int lead = b[i] & 0xFF;
        final int n;
        int lo = 0x80;
        int hi = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF)
        {
            n = 2;
        }
        else if (lead >= 0xE0 && lead <= 0xEF)
        {
            n = 3;
            lo = lead == 0xE0 ? 0xA0 : 0x80;
            hi = lead == 0xED ? 0x9F : 0xBF;
        }
        else if (lead >= 0xF0 && lead <= 0xF4)
        {
            n = 4;
            lo = lead == 0xF0 ? 0x90 : 0x80;
            hi = lead == 0xF4 ? 0x8F : 0xBF;
        }
        else
        {
            return -1;
        }
        if (i + n > limit)
        {
            return -1;
        }
        final int second = b[i + 1] & 0xFF;
        if (second < lo || second > hi)
        {
            return -1;
        }
        for (int k = 2; k < n; k++)
        {
            if ((b[i + k] & 0xC0) != 0x80)
            {
                return -1;
            }
        }
        return n;
    }

    /**
     * Decodes a string's escaped content (already checked) into UTF-8.
     *
     * @return the end of the decoded bytes in {@code into}.
     */
    private static int decode(final byte[] src, final int from, final int to, final byte[] into, final int at)
    {
        int o = at;
        int i = from;
        while (i < to)
        {
            final byte c = src[i];
            if (c != '\\')
            {
                into[o++] = c;
                i++;
                continue;
            }
            final byte e = src[i + 1];
            i += 2;
            switch (e)
            {
                case 'b' -> into[o++] = '\b';
                case 'f' -> into[o++] = '\f';
                case 'n' -> into[o++] = '\n';
                case 'r' -> into[o++] = '\r';
                case 't' -> into[o++] = '\t';
                case 'u' ->
                {
                    int cp = hex4(src, i);
                    i += 4;
                    if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= to && src[i] == '\\' && src[i + 1] == 'u')
                    {
                        final int low = hex4(src, i + 2);
                        if (low >= 0xDC00 && low <= 0xDFFF)
                        {
                            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                            i += 6;
                        }
                    }
                    o = utf8(cp, into, o);
                }
                default -> into[o++] = e;
            }
        }
        return o;
    }

    private static int utf8(final int cp, final byte[] into, final int at)
    {
        int o = at;
        if (cp < 0x80)
        {
            into[o++] = (byte)cp;
        }
        else if (cp < 0x800)
        {
            into[o++] = (byte)(0xC0 | cp >> 6);
            into[o++] = (byte)(0x80 | cp & 0x3F);
        }
        else if (cp < 0x10000)
        {
            into[o++] = (byte)(0xE0 | cp >> 12);
            into[o++] = (byte)(0x80 | cp >> 6 & 0x3F);
            into[o++] = (byte)(0x80 | cp & 0x3F);
        }
        else
        {
            into[o++] = (byte)(0xF0 | cp >> 18);
            into[o++] = (byte)(0x80 | cp >> 12 & 0x3F);
            into[o++] = (byte)(0x80 | cp >> 6 & 0x3F);
            into[o++] = (byte)(0x80 | cp & 0x3F);
        }
        return o;
    }

    private static int hex4(final byte[] b, final int i)
    {
        return hex(b[i]) << 12 | hex(b[i + 1]) << 8 | hex(b[i + 2]) << 4 | hex(b[i + 3]);
    }

    private static int hex(final byte c)
    {
        if (c >= '0' && c <= '9')
        {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f')
        {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F')
        {
            return c - 'A' + 10;
        }
        return -1;
    }

    private void skipWhitespace()
    {
        final byte[] b = buf;
        int i = pos;
        while (i < limit)
        {
            final byte c = b[i];
            if (c == ' ' || c == '\t' || c == '\r')
            {
                i++;
            }
            else if (c == '\n')
            {
                line++;
                i++;
            }
            else
            {
                break;
            }
        }
        pos = i;
    }

    private boolean fail(final String what)
    {
        problems.add(new InputProblem(fileName, line, "", "", "not valid JSON: " + what));
        done = true;
        return false;
    }

    private String describeHere()
    {
        return pos >= limit ? "the end of input" : describe(buf[pos]);
    }

    private static String describe(final byte c)
    {
        if (c >= 0x21 && c < 0x7F)
        {
            return "'" + (char)c + "'";
        }
        return "byte 0x" + Integer.toHexString(c & 0xFF);
    }

    private static int lookup(final byte[] b, final int from, final int to)
    {
        final int length = to - from;
        int slot = hash(b, from, to) & (TABLE.length - 1);
        int entry;
        while ((entry = TABLE[slot]) != 0)
        {
            final byte[] name = FIELD_BYTES[entry - 1];
            if (name.length == length && equals(b, from, name))
            {
                return entry - 1;
            }
            slot = (slot + 1) & (TABLE.length - 1);
        }
        return -1;
    }

    private static int hash(final byte[] b, final int from, final int to)
    {
        int h = 0;
        for (int i = from; i < to; i++)
        {
            h = 31 * h + b[i];
        }
        return h ^ (h >>> 7) ^ (h >>> 16);
    }

    private static boolean equals(final byte[] b, final int from, final byte[] name)
    {
        for (int i = 0; i < name.length; i++)
        {
            if (b[from + i] != name[i])
            {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(final byte c)
    {
        return c >= '0' && c <= '9';
    }

    private static boolean isWhitespace(final byte c)
    {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static byte lower(final byte c)
    {
        return c >= 'A' && c <= 'Z' ? (byte)(c + 32) : c;
    }

    /**
     * {@link Double#parseDouble} of ASCII text limited to the characters {@code 0-9 . + - e E} (so no whitespace,
     * hexadecimal, suffix, infinity or NaN), finite. Exact: Clinger's fast path (a significand below 2^53 and a
     * power of ten up to 22) and the JDK beyond it.
     *
     * @return the value, or NaN when the text is not such a number.
     */
    static double parseDecimal(final byte[] b, final int from, final int to)
    {
        int i = from;
        if (i >= to)
        {
            return Double.NaN;
        }
        boolean negative = false;
        if (b[i] == '+' || b[i] == '-')
        {
            negative = b[i] == '-';
            i++;
        }
        long m = 0;
        int digits = 0;
        int exp10 = 0;
        boolean any = false;
        boolean truncated = false;
        while (i < to && isDigit(b[i]))
        {
            any = true;
            final int d = b[i++] - '0';
            if (m == 0 && d == 0)
            {
                continue;
            }
            if (digits < 18)
            {
                m = m * 10 + d;
                digits++;
            }
            else
            {
                exp10++;
                truncated = true;
            }
        }
        if (i < to && b[i] == '.')
        {
            i++;
            while (i < to && isDigit(b[i]))
            {
                any = true;
                final int d = b[i++] - '0';
                if (m == 0 && d == 0)
                {
                    exp10--;
                    continue;
                }
                if (digits < 18)
                {
                    m = m * 10 + d;
                    digits++;
                    exp10--;
                }
                else
                {
                    truncated = true;
                }
            }
        }
        if (!any)
        {
            return Double.NaN;
        }
        if (i < to && (b[i] == 'e' || b[i] == 'E'))
        {
            i++;
            boolean negativeExponent = false;
            if (i < to && (b[i] == '+' || b[i] == '-'))
            {
                negativeExponent = b[i] == '-';
                i++;
            }
            if (i >= to)
            {
                return Double.NaN;
            }
            int e = 0;
            while (i < to && isDigit(b[i]))
            {
                e = Math.min(e * 10 + (b[i++] - '0'), 100_000_000);
            }
            exp10 += negativeExponent ? -e : e;
        }
        if (i != to)
        {
            return Double.NaN;
        }
        if (m == 0 && !truncated)
        {
            return negative ? -0.0 : 0.0;
        }
        if (!truncated && m < (1L << 53) && exp10 >= -22 && exp10 <= 22)
        {
            final double v = exp10 >= 0 ? m * POW10[exp10] : m / POW10[-exp10];
            return negative ? -v : v;
        }
        final double v = Double.parseDouble(new String(b, from, to - from, StandardCharsets.US_ASCII));
        return Double.isFinite(v) ? v : Double.NaN;
    }

    /**
     * {@link Long#parseLong} of ASCII text.
     *
     * @return the value, or {@link #MISSING_LONG} when the text is not a long.
     */
    static long parseLong(final byte[] b, final int from, final int to)
    {
        int i = from;
        if (i >= to)
        {
            return MISSING_LONG;
        }
        boolean negative = false;
        if (b[i] == '+' || b[i] == '-')
        {
            negative = b[i] == '-';
            i++;
            if (i >= to)
            {
                return MISSING_LONG;
            }
        }
        // Accumulated negatively, as Long.parseLong, so that Long.MIN_VALUE parses.
        final long limitValue = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        final long multmin = limitValue / 10;
        long result = 0;
        while (i < to)
        {
            final byte c = b[i++];
            if (!isDigit(c))
            {
                return MISSING_LONG;
            }
            final int d = c - '0';
            if (result < multmin)
            {
                return MISSING_LONG;
            }
            result *= 10;
            if (result < limitValue + d)
            {
                return MISSING_LONG;
            }
            result -= d;
        }
        return negative ? result : -result;
    }

    /**
     * The common form {@code YYYY-MM-DDThh:mm:ss[.f{1,9}]Z}, checked; anything else (an offset, a leap second,
     * 24:00) is left to {@link Instant#parse}.
     *
     * @return seconds since the epoch, or {@link #MISSING_LONG} when not of the common form.
     */
    static long parseInstant(final byte[] b, final int from, final int to)
    {
        final int length = to - from;
        if (length < 20 || length > 30 || b[from + 10] != 'T' || b[from + 13] != ':' || b[from + 16] != ':' ||
            b[to - 1] != 'Z')
        {
            return MISSING_LONG;
        }
        if (length > 20)
        {
            if (length < 22 || b[from + 19] != '.')
            {
                return MISSING_LONG;
            }
            for (int i = from + 20; i < to - 1; i++)
            {
                if (!isDigit(b[i]))
                {
                    return MISSING_LONG;
                }
            }
        }
        final long day = parseDate(b, from);
        final int hour = twoDigits(b, from + 11);
        final int minute = twoDigits(b, from + 14);
        final int second = twoDigits(b, from + 17);
        if (day == MISSING_LONG || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
        {
            return MISSING_LONG;
        }
        return day * 86_400L + hour * 3_600L + minute * 60L + second;
    }

    /**
     * {@code YYYY-MM-DD} at {@code from}, checked (month, day of month, leap years).
     *
     * @return days since 1970-01-01, or {@link #MISSING_LONG} when not a valid date of that form.
     */
    static long parseDate(final byte[] b, final int from)
    {
        if (b[from + 4] != '-' || b[from + 7] != '-')
        {
            return MISSING_LONG;
        }
        final int hi = twoDigits(b, from);
        final int lo = twoDigits(b, from + 2);
        final int month = twoDigits(b, from + 5);
        final int day = twoDigits(b, from + 8);
        if (hi < 0 || lo < 0 || month < 1 || month > 12 || day < 1)
        {
            return MISSING_LONG;
        }
        final int year = hi * 100 + lo;
        final boolean leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
        final int monthLength = month == 2 ? (leap ? 29 : 28) : (month == 4 || month == 6 || month == 9 ||
            month == 11 ? 30 : 31);
        if (day > monthLength)
        {
            return MISSING_LONG;
        }
        // As LocalDate.toEpochDay, for a year >= 0.
        long total = 365L * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
        total += (367 * month - 362) / 12;
        total += day - 1;
        if (month > 2)
        {
            total--;
            if (!leap)
            {
                total--;
            }
        }
        return total - DAYS_0000_TO_1970;
    }

    private static int twoDigits(final byte[] b, final int at)
    {
        final byte a = b[at];
        final byte c = b[at + 1];
        if (!isDigit(a) || !isDigit(c))
        {
            return -1;
        }
        return (a - '0') * 10 + (c - '0');
    }
}
