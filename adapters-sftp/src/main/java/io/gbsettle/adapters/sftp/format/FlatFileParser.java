package io.gbsettle.adapters.sftp.format;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import io.gbsettle.core.time.EpochDays;
import io.gbsettle.core.time.SettlementCalendar;
import org.agrona.DirectBuffer;

/**
 * The generic streaming parser of every flow: one pass over a file's bytes (an Agrona buffer over a byte array or
 * a mapped file), split on {@code |} without regex, driven by the {@link FlowDefinition} the header names. It checks
 * the envelope (BOM stripped, ASCII only, CRLF or LF, header, trailer record count and XOR-32 checksum), the record
 * structure (parents, cardinality, exactly the day's periods for {@code 46-50}) and every field's type, and hands
 * each good record to a {@link RecordHandler} as a flyweight {@link RecordCursor}. No object per record or field:
 * after the first file, parsing allocates only to describe problems.
 *
 * <p>Thread-confined and reusable.
 */
public final class FlatFileParser
{
    /** The most fields a record may have (an open record's extra fields beyond are a problem). */
    public static final int MAX_FIELDS = 128;
    /** The most header fields kept. */
    private static final int HEADER_FIELDS = 16;
    private static final int NO_PROBLEM = 0;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_BITS = 0x7F7F7F7F7F7F7F7FL;
    /** Added to a byte's low 7 bits, sets its high bit exactly when the byte is at least 0x20 (a space). */
    private static final long PRINTABLE_ADD = 0x6060606060606060L;
    private static final long DELETES = 0x7F7F7F7F7F7F7F7FL;
    private static final long PIPES = 0x7C7C7C7C7C7C7C7CL;

    private final FlowCatalogue catalogue;
    private final SettlementCalendar calendar;
    private final RecordCursor cursor = new RecordCursor(this, MAX_FIELDS);
    private final int[] headerStarts = new int[HEADER_FIELDS];
    private final int[] headerEnds = new int[HEADER_FIELDS];
    private final int[] trailerStarts = new int[HEADER_FIELDS];
    private final int[] trailerEnds = new int[HEADER_FIELDS];
    private int[] counts = new int[8];
    private int[] stack = new int[8];
    private int[] contextDate = new int[8];
    private int[] contextPeriod = new int[8];
    private int[] contextSubjectStart = new int[8];
    private int[] contextSubjectEnd = new int[8];

    private DirectBuffer buffer;
    private ProblemListener listener;
    private int detailLimit;
    private Envelope envelope;
    private FlowDefinition flow;
    private int headerFieldCount;
    private int headerLineStart;
    private int headerLineEnd;
    private int trailerFieldCount;
    private int fileTypeField;
    private int bodyStart;
    private int bodyEnd;
    private boolean trailerFound;
    private int trailerLine;
    private long records;
    private int line;
    private int depth;
    private int contextDepth;
    private int checksum;
    private int firstDate;
    private long problems;
    private long valueProblems;
    private boolean valueLevel;
    private boolean recordOk;
    private RecordDefinition lastDefinition;
    private FlowDefinition lastFlow;

    /**
     * @param catalogue the flow definitions.
     * @param calendar  the settlement calendar for the {@code 46-50} check (the day's own period count), or null to
     *                  accept any of 46, 48, 50.
     */
    public FlatFileParser(final FlowCatalogue catalogue, final SettlementCalendar calendar)
    {
        this.catalogue = catalogue;
        this.calendar = calendar;
    }

    /**
     * Parses a whole file.
     *
     * @param buffer      the file's bytes.
     * @param offset      of the first byte.
     * @param length      of the file.
     * @param handler     receives each good data record.
     * @param listener    receives problems (up to {@code detailLimit}).
     * @param detailLimit how many problems to describe; all are counted.
     * @return the number of problems (0: the file is good).
     */
    public long parse(
        final DirectBuffer buffer, final int offset, final int length, final RecordHandler handler,
        final ProblemListener listener, final int detailLimit)
    {
        reset(buffer, listener, detailLimit);
        int pos = offset;
        final int end = offset + Math.max(0, length);
        if (end - pos >= 3 && (buffer.getByte(pos) & 0xFF) == 0xEF && (buffer.getByte(pos + 1) & 0xFF) == 0xBB &&
            (buffer.getByte(pos + 2) & 0xFF) == 0xBF)
        {
            pos += 3;
        }
        if (pos >= end)
        {
            problem(FileProblemCodes.HEADER, -1, "the file is empty");
            return problems;
        }
        pos = header(pos, end);
        if (flow == null)
        {
            return problems;
        }
        bodyStart = pos;
        while (pos < end)
        {
            final int lineStart = pos;
            int p = pos;
            int fields = -1;
            boolean ascii = true;
            int cr = -1;
            final int[] starts = cursor.starts;
            final int[] ends = cursor.ends;
            byte b = 0;
            // Eight bytes at a time while they are all printable ASCII (no line end inside): only the '|' are
            // looked at, found by a SWAR zero-byte test.
            while (end - p >= 8)
            {
                final long w = buffer.getLong(p, ByteOrder.LITTLE_ENDIAN);
                final long bad = w & HIGH_BITS | ~((w & LOW_BITS) + PRINTABLE_ADD) & HIGH_BITS |
                    zeroBytes(w ^ DELETES);
                long pipes = zeroBytes(w ^ PIPES);
                int advance = 8;
                if (bad != 0)
                {
                    // Up to the first byte that is not printable (the line end, usually); the byte loop takes it.
                    advance = Long.numberOfTrailingZeros(bad) >>> 3;
                    pipes &= advance == 0 ? 0 : -1L >>> (64 - (advance << 3));
                }
                while (pipes != 0)
                {
                    final int at = p + (Long.numberOfTrailingZeros(pipes) >>> 3);
                    if (fields >= 0 && fields < MAX_FIELDS)
                    {
                        ends[fields] = at;
                    }
                    fields++;
                    if (fields < MAX_FIELDS)
                    {
                        starts[fields] = at + 1;
                    }
                    pipes &= pipes - 1;
                }
                p += advance;
                if (advance < 8)
                {
                    break;
                }
            }
            while (p < end && (b = buffer.getByte(p)) != '\n')
            {
                if (b == '|')
                {
                    if (fields >= 0 && fields < MAX_FIELDS)
                    {
                        ends[fields] = p;
                    }
                    fields++;
                    if (fields < MAX_FIELDS)
                    {
                        starts[fields] = p + 1;
                    }
                }
                else if (b < 0x20 || b > 0x7E)
                {
                    if (b == '\r' && (p + 1 == end || buffer.getByte(p + 1) == '\n'))
                    {
                        cr = p;
                    }
                    else
                    {
                        ascii = false;
                    }
                }
                p++;
            }
            final int lineEnd = cr >= 0 ? cr : p;
            pos = p < end ? p + 1 : p;
            line++;
            if (trailerFound)
            {
                if (lineEnd > lineStart)
                {
                    lineProblem(FileProblemCodes.FOOTER, lineStart, lineEnd, "data after the trailer " +
                        envelope.trailer() + ": the file is not one file");
                }
                continue;
            }
            if (lineEnd == lineStart)
            {
                lineProblem(FileProblemCodes.BODY, lineStart, lineEnd, "blank line");
                continue;
            }
            if (!ascii)
            {
                lineProblem(FileProblemCodes.BODY, lineStart, lineEnd,
                    "characters outside printable ASCII (control characters, bytes over 127 or a stray CR)");
                continue;
            }
            if (lineEnd - lineStart < 4 || buffer.getByte(lineStart + 3) != '|')
            {
                lineProblem(FileProblemCodes.BODY, lineStart, lineEnd,
                    "a record starts with a 3-character id and |");
                continue;
            }
            final int code = (buffer.getByte(lineStart) & 0xFF) << 16 | (buffer.getByte(lineStart + 1) & 0xFF) << 8 |
                (buffer.getByte(lineStart + 2) & 0xFF);
            // Close the last field (the one after the last '|').
            int count = fields + 1;
            if (fields < MAX_FIELDS)
            {
                ends[fields] = lineEnd;
            }
            final boolean isTrailer = code == envelope.trailerCode();
            if (!isTrailer)
            {
                records++;
                if (envelope != Envelope.DTC)
                {
                    checksum = Xor32.update(checksum, buffer, lineStart, lineEnd - lineStart);
                }
            }
            if (envelope.trailingSeparator())
            {
                if (buffer.getByte(lineEnd - 1) != '|')
                {
                    lineProblem(isTrailer ? FileProblemCodes.FOOTER : FileProblemCodes.BODY, lineStart, lineEnd,
                        "a " + envelope + " record ends with |");
                    if (!isTrailer)
                    {
                        continue;
                    }
                }
                else
                {
                    count--;
                }
            }
            cursor.fieldCount = Math.min(count, MAX_FIELDS);
            cursor.line = line;
            cursor.lineStart = lineStart;
            cursor.lineEnd = lineEnd;
            if (isTrailer)
            {
                bodyEnd = lineStart;
                trailerFound = true;
                trailerLine = line;
                trailer(count);
                continue;
            }
            record(code, count, handler);
        }
        if (!trailerFound)
        {
            bodyEnd = end;
            closeTo(0);
            topLevelMinimums();
            problem(FileProblemCodes.FOOTER, -1, "no trailer " + envelope.trailer() +
                ": the file is truncated or incomplete");
        }
        return problems;
    }

    private void reset(final DirectBuffer buffer, final ProblemListener listener, final int detailLimit)
    {
        this.buffer = buffer;
        this.cursor.buffer = buffer;
        this.cursor.definition = null;
        this.listener = listener;
        this.detailLimit = detailLimit;
        envelope = null;
        flow = null;
        headerFieldCount = 0;
        trailerFieldCount = 0;
        fileTypeField = -1;
        bodyStart = 0;
        bodyEnd = 0;
        trailerFound = false;
        trailerLine = 0;
        records = 0;
        line = 0;
        depth = 0;
        contextDepth = 0;
        checksum = 0;
        firstDate = 0;
        problems = 0;
        valueProblems = 0;
        valueLevel = false;
        contextDate[0] = 0;
        contextPeriod[0] = 0;
        contextSubjectStart[0] = 0;
        contextSubjectEnd[0] = 0;
    }

    /** The high bit of each byte of the result is set exactly where the byte of {@code x} is zero. */
    private static long zeroBytes(final long x)
    {
        return ~((x & LOW_BITS) + LOW_BITS | x | LOW_BITS);
    }

    // --- header and trailer ------------------------------------------------------------------------------------

    private int header(final int start, final int end)
    {
        int p = start;
        while (p < end && buffer.getByte(p) != '\n')
        {
            p++;
        }
        final int next = p < end ? p + 1 : p;
        final int lineEnd = p > start && buffer.getByte(p - 1) == '\r' ? p - 1 : p;
        line = 1;
        headerLineStart = start;
        headerLineEnd = lineEnd;
        final int code = lineEnd - start >= 4 && buffer.getByte(start + 3) == '|' ?
            (buffer.getByte(start) & 0xFF) << 16 | (buffer.getByte(start + 1) & 0xFF) << 8 |
            (buffer.getByte(start + 2) & 0xFF) : 0;
        envelope = Envelope.ofHeader(code);
        if (envelope == null)
        {
            problem(FileProblemCodes.HEADER, -1, "not a settlement flat file: the first record is not ZHV (DTC), " +
                "ZHD (pool) or AAA (IDD)");
            return next;
        }
        for (int i = start; i < lineEnd; i++)
        {
            final byte b = buffer.getByte(i);
            if (b < 0x20 || b > 0x7E)
            {
                problem(FileProblemCodes.HEADER, -1, "the header has characters outside printable ASCII");
                envelope = null;
                return next;
            }
        }
        int n = 0;
        headerStarts[0] = start + 4;
        for (int i = start + 4; i < lineEnd; i++)
        {
            if (buffer.getByte(i) == '|')
            {
                if (n < HEADER_FIELDS)
                {
                    headerEnds[n] = i;
                }
                n++;
                if (n < HEADER_FIELDS)
                {
                    headerStarts[n] = i + 1;
                }
            }
        }
        if (n < HEADER_FIELDS)
        {
            headerEnds[n] = lineEnd;
        }
        n++;
        final boolean trailing = buffer.getByte(lineEnd - 1) == '|';
        if (envelope.trailingSeparator())
        {
            if (!trailing)
            {
                problem(FileProblemCodes.HEADER, -1, "a " + envelope + " header ends with |");
            }
            else
            {
                n--;
            }
        }
        headerFieldCount = Math.min(n, HEADER_FIELDS);
        switch (envelope)
        {
            case DTC -> fileTypeField = 1;
            case IDD -> fileTypeField = 0;
            default -> fileTypeField = headerFieldCount > 0 && headerEnds[0] == headerStarts[0] ? 1 : 0;
        }
        if (fileTypeField >= headerFieldCount)
        {
            problem(FileProblemCodes.HEADER, -1, "the header has no flow / file type");
            return next;
        }
        final int ts = headerStarts[fileTypeField];
        final int tl = headerEnds[fileTypeField] - ts;
        flow = catalogue.flowOf(envelope, buffer, ts, tl);
        if (flow == null)
        {
            if (wantsDetail())
            {
                problem(FileProblemCodes.FILE_TYPE, -1, "unknown flow " + string(ts, tl) + " in a " + envelope +
                    " file: expected one of " + knownFlows());
            }
            else
            {
                problems++;
            }
            return next;
        }
        if (envelope != Envelope.DTC)
        {
            checksum = Xor32.update(0, buffer, start, lineEnd - start);
        }
        checkHeader();
        for (int r = 0; r < flow.recordCount(); r++)
        {
            if (counts.length <= r)
            {
                counts = new int[Math.max(r + 1, counts.length * 2)];
            }
            counts[r] = 0;
        }
        final int depths = flow.maxDepth() + 1;
        if (stack.length < depths)
        {
            stack = new int[depths];
            contextDate = new int[depths];
            contextPeriod = new int[depths];
            contextSubjectStart = new int[depths];
            contextSubjectEnd = new int[depths];
        }
        return next;
    }

    private void checkHeader()
    {
        final int typeLength = headerEnds[fileTypeField] - headerStarts[fileTypeField];
        if (typeLength != 8 || !digits(headerStarts[fileTypeField] + 1, headerEnds[fileTypeField]))
        {
            headerProblem("the flow / file type is a letter and 7 digits (flow and version), e.g. D0036001");
        }
        switch (envelope)
        {
            case DTC ->
            {
                if (headerFieldCount != 11)
                {
                    headerProblem("a ZHV header has 11 fields, this one " + headerFieldCount);
                }
                else
                {
                    if (headerEnds[0] == headerStarts[0] || headerEnds[0] - headerStarts[0] > 10)
                    {
                        headerProblem("the File Identifier is 1 to 10 characters");
                    }
                    if (!dateTime(headerStarts[6], headerEnds[6]))
                    {
                        headerProblem("the File Creation Timestamp is YYYYMMDDHHMMSS");
                    }
                }
            }
            case IDD ->
            {
                if (headerFieldCount != 9)
                {
                    headerProblem("an AAA header has 9 fields, this one " + headerFieldCount);
                }
                else
                {
                    if (!dateTime(headerStarts[2], headerEnds[2]))
                    {
                        headerProblem("the Creation Time is YYYYMMDDHHMMSS");
                    }
                    if (headerEnds[7] == headerStarts[7] || headerEnds[7] - headerStarts[7] > 9 ||
                        !digits(headerStarts[7], headerEnds[7]))
                    {
                        headerProblem("the Sequence Number is an integer of up to 9 digits");
                    }
                }
            }
            default ->
            {
                if (headerFieldCount < fileTypeField + 6)
                {
                    headerProblem("a ZHD header has the flow, from role, from id, to role, to id and creation time");
                }
                else if (!dateTime(headerStarts[fileTypeField + 5], headerEnds[fileTypeField + 5]))
                {
                    headerProblem("the creation time is YYYYMMDDHHMMSS");
                }
            }
        }
    }

    private void headerProblem(final String message)
    {
        problem(FileProblemCodes.HEADER, -1, message);
    }

    private void trailer(final int count)
    {
        closeTo(0);
        topLevelMinimums();
        final int[] s = cursor.starts;
        final int[] e = cursor.ends;
        trailerFieldCount = Math.min(count, HEADER_FIELDS);
        for (int i = 0; i < trailerFieldCount; i++)
        {
            trailerStarts[i] = s[i];
            trailerEnds[i] = e[i];
        }
        contextDepth = -1;
        final int countField;
        final int checksumField;
        final long expected;
        switch (envelope)
        {
            case DTC ->
            {
                countField = 1;
                checksumField = 2;
                expected = records;
                if (count != 5)
                {
                    trailerProblem(FileProblemCodes.FOOTER, "a ZPT trailer has 5 fields (file id, record count, " +
                        "checksum, flow count, completion time), this one " + count);
                    return;
                }
                if (!sameBytes(s[0], e[0], headerStarts[0], headerEnds[0]))
                {
                    trailerProblem(FileProblemCodes.FOOTER, "the trailer's File Identifier " + string(s[0],
                        e[0] - s[0]) + " is not the header's " + string(headerStarts[0],
                        headerEnds[0] - headerStarts[0]));
                }
            }
            case POOL ->
            {
                countField = 0;
                checksumField = 1;
                expected = records + 2;
                if (count != 2)
                {
                    trailerProblem(FileProblemCodes.FOOTER, "a pool ZPT trailer has 2 fields (record count, " +
                        "checksum), this one " + count);
                    return;
                }
            }
            default ->
            {
                countField = 0;
                checksumField = 1;
                expected = records + 2;
                if (count != 2)
                {
                    trailerProblem(FileProblemCodes.FOOTER, "a ZZZ trailer has 2 fields (record count, checksum), " +
                        "this one " + count);
                    return;
                }
            }
        }
        final int cs = s[countField];
        final int ce = e[countField];
        if (ce == cs || ce - cs > 10 || !digits(cs, ce))
        {
            trailerProblem(FileProblemCodes.FOOTER, "the trailer's record count is not a number");
            return;
        }
        final long declared = cursor.integer(countField);
        if (declared != expected)
        {
            if (wantsDetail())
            {
                trailerProblem(FileProblemCodes.RECORD_COUNT, "the trailer counts " + declared + " records, the " +
                    "file has " + expected + (envelope == Envelope.DTC ? " (between ZHV and ZPT)" :
                    " (header and trailer included)") + ": records are missing or extra");
            }
            else
            {
                problems++;
            }
            return;
        }
        final int ks = s[checksumField];
        final int ke = e[checksumField];
        if (envelope == Envelope.DTC)
        {
            if (ke == ks || dtcChecksumIgnored)
            {
                return;
            }
            int x = 0;
            int p = bodyStart;
            // The DTC checksum covers the header too (as the pool and IDD ones do) [I].
            x = Xor32.update(x, buffer, headerLineStart(), headerLineLength());
            while (p < bodyEnd)
            {
                int q = p;
                while (q < bodyEnd && buffer.getByte(q) != '\n')
                {
                    q++;
                }
                final int le = q > p && buffer.getByte(q - 1) == '\r' ? q - 1 : q;
                if (le > p)
                {
                    x = Xor32.update(x, buffer, p, le - p);
                }
                p = q + 1;
            }
            checksumCheck(ks, ke, x);
            return;
        }
        if (ke == ks)
        {
            trailerProblem(FileProblemCodes.CHECKSUM, "the trailer has no checksum (mandatory for " + envelope + ")");
            return;
        }
        checksumCheck(ks, ke, checksum);
    }

    private boolean dtcChecksumIgnored;

    /**
     * @param ignored whether a DTC ZPT checksum, when present, is left unchecked.
     * @return this.
     */
    public FlatFileParser ignoreDtcChecksum(final boolean ignored)
    {
        this.dtcChecksumIgnored = ignored;
        return this;
    }

    private void checksumCheck(final int ks, final int ke, final int computed)
    {
        if (ke - ks > 10 || !digits(ks, ke))
        {
            trailerProblem(FileProblemCodes.CHECKSUM, "the trailer's checksum is not a number");
            return;
        }
        long declared = 0;
        for (int i = ks; i < ke; i++)
        {
            declared = declared * 10 + buffer.getByte(i) - '0';
        }
        final long actual = computed & 0xFFFFFFFFL;
        if (declared != actual)
        {
            if (wantsDetail())
            {
                trailerProblem(FileProblemCodes.CHECKSUM, "the checksum is " + declared + ", the records give " +
                    actual + ": the file was altered or damaged in transfer");
            }
            else
            {
                problems++;
            }
        }
    }

    private void trailerProblem(final int code, final String message)
    {
        contextDepth = -1;
        problemAt(code, envelope.trailer(), trailerLine, "", message);
    }

    private int headerLineStart()
    {
        return headerLineStart;
    }

    private int headerLineLength()
    {
        return headerLineEnd - headerLineStart;
    }

    // --- records -------------------------------------------------------------------------------------------------

    private void record(final int code, final int count, final RecordHandler handler)
    {
        RecordDefinition def = lastDefinition;
        if (def == null || def.code() != code || lastFlow != flow)
        {
            def = flow.recordOf(code);
            lastDefinition = def;
            lastFlow = flow;
        }
        if (def == null)
        {
            if (flow.skips(code))
            {
                return;
            }
            contextDepth = depth - 1;
            if (wantsDetail())
            {
                problemAt(FileProblemCodes.BODY, RecordIds.id(code), line, "", "unknown record " + RecordIds.id(code) +
                    " in " + flow.id());
            }
            else
            {
                problems++;
            }
            return;
        }
        cursor.definition = def;
        recordOk = true;
        final int d = def.depth();
        // Structure: the parent must be open at depth d - 1.
        final int parent = def.parent();
        if (parent >= 0 && (depth < d || stack[d - 1] != parent))
        {
            contextDepth = depth - 1;
            fieldProblem(FileProblemCodes.BODY, -1, def.id() + " must follow its parent " +
                flow.record(parent).id() + " (records nest by order)");
            return;
        }
        if (depth == d + 1 && flow.record(stack[d]).children().length == 0)
        {
            depth = d;
        }
        else
        {
            closeTo(d);
        }
        final int occurrence = ++counts[def.index()];
        stack[d] = def.index();
        depth = d + 1;
        final int[] children = def.children();
        for (int c = 0; c < children.length; c++)
        {
            counts[children[c]] = 0;
        }
        setContext(def, d, count, occurrence);
        contextDepth = d;
        if (occurrence > def.max())
        {
            // A period-by-order record past the maximum is a read for a period outside any day: value level.
            valueLevel = def.periodByOrder();
            valueProblems += valueLevel ? 1 : 0;
            fieldProblem(FileProblemCodes.BODY, -1, "more than " + def.max() + " " + def.id() + " records" +
                (parent >= 0 ? " in one " + flow.record(parent).id() : " in the file"));
            valueLevel = false;
        }
        if (count < def.fieldCount() || count > def.fieldCount() && !def.open() || count > MAX_FIELDS)
        {
            fieldProblem(FileProblemCodes.BODY, -1, def.id() + " has " + def.fieldCount() + " fields" +
                (def.open() ? " or more" : "") + ", this one " + count);
            return;
        }
        for (int i = 0, n = def.fieldCount(); i < n; i++)
        {
            final int reason = check(def.field(i), cursor.starts[i], cursor.ends[i]);
            if (reason != NO_PROBLEM)
            {
                fieldProblem(FileProblemCodes.BODY, i, reason);
            }
        }
        if (recordOk)
        {
            if (firstDate == 0)
            {
                firstDate = contextDate();
            }
            handler.onRecord(cursor);
        }
    }

    private void setContext(final RecordDefinition def, final int d, final int count, final int occurrence)
    {
        if (!def.hasRoles())
        {
            contextDate[d] = 0;
            contextPeriod[d] = def.periodByOrder() ? occurrence : 0;
            contextSubjectStart[d] = 0;
            contextSubjectEnd[d] = 0;
            return;
        }
        int date = 0;
        int period = def.periodByOrder() ? occurrence : 0;
        int subjectStart = 0;
        int subjectEnd = 0;
        for (int i = 0, n = Math.min(def.fieldCount(), count); i < n; i++)
        {
            final int role = def.field(i).role();
            if (role == FieldDefinition.ROLE_NONE)
            {
                continue;
            }
            final int s = cursor.starts[i];
            final int e = cursor.ends[i];
            if (role == FieldDefinition.ROLE_DATE)
            {
                date = e - s == 8 && digits(s, e) ? (int)parseDigits(s, e) : 0;
            }
            else if (role == FieldDefinition.ROLE_PERIOD)
            {
                period = e > s && e - s <= 3 && digits(s, e) ? (int)parseDigits(s, e) : 0;
            }
            else
            {
                subjectStart = s;
                subjectEnd = e;
            }
        }
        contextDate[d] = date;
        contextPeriod[d] = period;
        contextSubjectStart[d] = subjectStart;
        contextSubjectEnd[d] = subjectEnd;
    }

    /** Closes the open records at depth {@code d} and deeper, checking their children's minimum counts. */
    private void closeTo(final int d)
    {
        while (depth > d)
        {
            depth--;
            final RecordDefinition closing = flow.record(stack[depth]);
            final int[] children = closing.children();
            for (int c = 0; c < children.length; c++)
            {
                final RecordDefinition child = flow.record(children[c]);
                final int n = counts[child.index()];
                if (child.periods())
                {
                    final int expected = expectedPeriods(depth);
                    if (expected > 0 ? n != expected : n != 46 && n != 48 && n != 50)
                    {
                        // Which periods a group holds is a value of the data (a period not published, a period
                        // outside the day), not the file's structure: value level.
                        contextDepth = depth;
                        valueLevel = true;
                        valueProblems++;
                        closingProblem(closing, child.id() + ": " + n + " records, expected " +
                            (expected > 0 ? expected + " (the Settlement Day's periods)" : "46, 48 or 50"));
                        valueLevel = false;
                    }
                }
                else if (n < child.min())
                {
                    contextDepth = depth;
                    closingProblem(closing, "at least " + child.min() + " " + child.id() + " record" +
                        (child.min() == 1 ? "" : "s") + " expected, found " + n);
                }
            }
        }
    }

    private void closingProblem(final RecordDefinition closing, final String message)
    {
        if (wantsDetail())
        {
            problemAt(FileProblemCodes.BODY, closing.id(), 0, "", "in this " + closing.id() + ": " + message);
        }
        else
        {
            problems++;
        }
    }

    private void topLevelMinimums()
    {
        if (flow == null)
        {
            return;
        }
        final int[] top = flow.topLevel();
        for (int t = 0; t < top.length; t++)
        {
            final RecordDefinition r = flow.record(top[t]);
            if (counts[r.index()] < r.min())
            {
                contextDepth = -1;
                if (wantsDetail())
                {
                    problemAt(FileProblemCodes.BODY, r.id(), 0, "", "at least " + r.min() + " " + r.id() +
                        " record" + (r.min() == 1 ? "" : "s") + " expected in the file, found " + counts[r.index()]);
                }
                else
                {
                    problems++;
                }
            }
        }
    }

    private int expectedPeriods(final int d)
    {
        if (calendar == null)
        {
            return 0;
        }
        int date = 0;
        for (int k = d; k >= 0 && date == 0; k--)
        {
            date = contextDate[k];
        }
        if (date == 0)
        {
            return 0;
        }
        final long day = EpochDays.of(date / 10_000, date / 100 % 100, date % 100);
        return calendar.isSupported(day) ? calendar.periodsIn(day) : 0;
    }

    // --- fields --------------------------------------------------------------------------------------------------

    private static final int EMPTY_MANDATORY = 1;
    private static final int TOO_LONG = 2;
    private static final int NOT_INTEGER = 3;
    private static final int NOT_DECIMAL = 4;
    private static final int TOO_MANY_PLACES = 5;
    private static final int NOT_BOOLEAN = 6;
    private static final int NOT_DATE = 7;
    private static final int NOT_DATETIME = 8;
    private static final int NOT_TIME = 9;
    private static final int NOT_ALLOWED = 10;
    private static final int NOT_CHAR = 11;

    private int check(final FieldDefinition f, final int s, final int e)
    {
        final int n = e - s;
        if (n == 0)
        {
            return f.mandatory() ? EMPTY_MANDATORY : NO_PROBLEM;
        }
        switch (f.type())
        {
            case TEXT:
                if (n > f.length())
                {
                    return TOO_LONG;
                }
                break;
            case CHAR:
                if (n != 1)
                {
                    return NOT_CHAR;
                }
                break;
            case INTEGER:
            {
                final int from = buffer.getByte(s) == '-' ? s + 1 : s;
                if (from == e || !digits(from, e))
                {
                    return NOT_INTEGER;
                }
                if (e - from > f.length())
                {
                    return TOO_LONG;
                }
                break;
            }
            case DECIMAL:
            {
                final int from = buffer.getByte(s) == '-' ? s + 1 : s;
                int digits = 0;
                int places = -1;
                for (int i = from; i < e; i++)
                {
                    final byte b = buffer.getByte(i);
                    if (b >= '0' && b <= '9')
                    {
                        digits++;
                        if (places >= 0)
                        {
                            places++;
                        }
                    }
                    else if (b == '.' && places < 0)
                    {
                        places = 0;
                    }
                    else
                    {
                        return NOT_DECIMAL;
                    }
                }
                if (digits == 0 || places == 0)
                {
                    return NOT_DECIMAL;
                }
                if (places > f.scale())
                {
                    return TOO_MANY_PLACES;
                }
                if (digits > f.length())
                {
                    return TOO_LONG;
                }
                break;
            }
            case BOOLEAN:
            {
                final byte b = buffer.getByte(s);
                if (n != 1 || b != 'T' && b != 'F')
                {
                    return NOT_BOOLEAN;
                }
                break;
            }
            case DATE:
                if (n != 8 || !date(s))
                {
                    return NOT_DATE;
                }
                break;
            case DATETIME:
                if (!dateTime(s, e))
                {
                    return NOT_DATETIME;
                }
                break;
            case TIME:
                if (n != 4 || !digits(s, e) || parseDigits(s, s + 2) > 23 || parseDigits(s + 2, e) > 59)
                {
                    return NOT_TIME;
                }
                break;
            default:
                if (n != 6 || !digits(s, e) || parseDigits(s, s + 2) > 23 || parseDigits(s + 2, s + 4) > 59 ||
                    parseDigits(s + 4, e) > 59)
                {
                    return NOT_TIME;
                }
        }
        final long[] singles = f.singleCharValues();
        if (singles != null)
        {
            final int c = buffer.getByte(s);
            return n == 1 && c >= 0 && (singles[c >>> 6] & 1L << (c & 63)) != 0 ? NO_PROBLEM : NOT_ALLOWED;
        }
        final byte[][] values = f.valueBytes();
        if (values.length > 0)
        {
            for (int v = 0; v < values.length; v++)
            {
                if (sameAs(s, e, values[v]))
                {
                    return NO_PROBLEM;
                }
            }
            return NOT_ALLOWED;
        }
        return NO_PROBLEM;
    }

    private static String reasonText(final FieldDefinition f, final int reason)
    {
        return switch (reason)
        {
            case EMPTY_MANDATORY -> "mandatory, but empty";
            case TOO_LONG -> "too long for " + f.typeText();
            case NOT_INTEGER -> "not an integer";
            case NOT_DECIMAL -> "not a decimal number (digits, an optional - and .)";
            case TOO_MANY_PLACES -> "more than " + f.scale() + " decimal places";
            case NOT_BOOLEAN -> "not T or F";
            case NOT_DATE -> "not a date YYYYMMDD";
            case NOT_DATETIME -> "not a date and time YYYYMMDDHHMMSS";
            case NOT_TIME -> "not a time";
            case NOT_ALLOWED -> "not one of " + String.join(", ", f.values());
            case NOT_CHAR -> "not a single character";
            default -> "not valid";
        };
    }

    private boolean date(final int s)
    {
        if (!digits(s, s + 8))
        {
            return false;
        }
        final int year = (int)parseDigits(s, s + 4);
        final int month = (int)parseDigits(s + 4, s + 6);
        final int day = (int)parseDigits(s + 6, s + 8);
        return year >= 1900 && month >= 1 && month <= 12 && day >= 1 && day <= EpochDays.lengthOfMonth(year, month);
    }

    private boolean dateTime(final int s, final int e)
    {
        return e - s == 14 && date(s) && digits(s + 8, e) && parseDigits(s + 8, s + 10) <= 23 &&
            parseDigits(s + 10, s + 12) <= 59 && parseDigits(s + 12, e) <= 59;
    }

    private boolean digits(final int s, final int e)
    {
        for (int i = s; i < e; i++)
        {
            final byte b = buffer.getByte(i);
            if (b < '0' || b > '9')
            {
                return false;
            }
        }
        return true;
    }

    private long parseDigits(final int s, final int e)
    {
        long v = 0;
        for (int i = s; i < e; i++)
        {
            v = v * 10 + buffer.getByte(i) - '0';
        }
        return v;
    }

    private boolean sameAs(final int s, final int e, final byte[] bytes)
    {
        if (e - s != bytes.length)
        {
            return false;
        }
        for (int i = 0; i < bytes.length; i++)
        {
            if (buffer.getByte(s + i) != bytes[i])
            {
                return false;
            }
        }
        return true;
    }

    private boolean sameBytes(final int s1, final int e1, final int s2, final int e2)
    {
        if (e1 - s1 != e2 - s2)
        {
            return false;
        }
        for (int i = 0; i < e1 - s1; i++)
        {
            if (buffer.getByte(s1 + i) != buffer.getByte(s2 + i))
            {
                return false;
            }
        }
        return true;
    }

    // --- problems ------------------------------------------------------------------------------------------------

    boolean wantsDetail()
    {
        return problems < detailLimit;
    }

    void recordProblem(final int field, final String message)
    {
        contextDepth = cursor.definition == null ? -1 : cursor.definition.depth();
        fieldProblem(FileProblemCodes.BODY, field, message);
    }

    void recordValueProblem(final int field, final String message)
    {
        valueLevel = true;
        valueProblems++;
        recordProblem(field, message);
        valueLevel = false;
    }

    /** A field's value does not match its type, length or allowed values: a record-level value problem. */
    private void fieldProblem(final int code, final int field, final int reason)
    {
        recordOk = false;
        valueProblems++;
        if (wantsDetail())
        {
            final FieldDefinition f = cursor.definition.field(field);
            valueLevel = true;
            problemAt(code, cursor.definition.id(), line, f.name(), "'" + string(cursor.starts[field],
                cursor.ends[field] - cursor.starts[field]) + "' is " + reasonText(f, reason));
            valueLevel = false;
        }
        else
        {
            problems++;
        }
    }

    private void fieldProblem(final int code, final int field, final String message)
    {
        recordOk = false;
        if (wantsDetail())
        {
            problemAt(code, cursor.definition.id(), line, field >= 0 && field < cursor.definition.fieldCount() ?
                cursor.definition.field(field).name() : "", message);
        }
        else
        {
            problems++;
        }
    }

    private void lineProblem(final int code, final int lineStart, final int lineEnd, final String message)
    {
        if (wantsDetail())
        {
            contextDepth = depth - 1;
            final int idEnd = Math.min(lineEnd, lineStart + 3);
            String id = "";
            if (idEnd - lineStart == 3)
            {
                id = string(lineStart, 3);
                for (int i = 0; i < 3; i++)
                {
                    final char c = id.charAt(i);
                    if (c < 0x20 || c > 0x7E)
                    {
                        id = "";
                        break;
                    }
                }
            }
            problemAt(code, id, line, "", message);
        }
        else
        {
            problems++;
        }
    }

    private void problem(final int code, final int lineOrMinus, final String message)
    {
        contextDepth = -1;
        if (wantsDetail())
        {
            problemAt(code, "", lineOrMinus < 0 ? line : lineOrMinus, "", message);
        }
        else
        {
            problems++;
        }
    }

    private void problemAt(final int code, final String recordId, final int at, final String field,
        final String message)
    {
        problems++;
        if (listener != null)
        {
            int date = 0;
            int period = 0;
            String subject = "";
            for (int k = Math.min(contextDepth, stack.length - 1); k >= 0; k--)
            {
                if (date == 0)
                {
                    date = contextDate[k];
                }
                if (period == 0)
                {
                    period = contextPeriod[k];
                }
                if (subject.isEmpty() && contextSubjectEnd[k] > contextSubjectStart[k])
                {
                    subject = string(contextSubjectStart[k], contextSubjectEnd[k] - contextSubjectStart[k]);
                }
            }
            if (valueLevel)
            {
                listener.onValueProblem(code, flow == null ? "" : flow.id(), recordId, at, field, date, period,
                    subject, message);
            }
            else
            {
                listener.onProblem(code, flow == null ? "" : flow.id(), recordId, at, field, date, period, subject,
                    message);
            }
        }
    }

    private String string(final int offset, final int length)
    {
        final byte[] b = new byte[Math.max(0, Math.min(length, 80))];
        buffer.getBytes(offset, b);
        for (int i = 0; i < b.length; i++)
        {
            if (b[i] < 0x20 || b[i] > 0x7E)
            {
                b[i] = '?';
            }
        }
        return new String(b, StandardCharsets.US_ASCII);
    }

    private String knownFlows()
    {
        final StringBuilder b = new StringBuilder();
        for (final FlowDefinition f : catalogue.flows())
        {
            if (f.envelope() == envelope)
            {
                b.append(b.length() == 0 ? "" : ", ").append(f.fileType());
            }
        }
        return b.toString();
    }

    // --- context for the cursor ----------------------------------------------------------------------------------

    int contextDate()
    {
        for (int k = Math.min(contextDepth, stack.length - 1); k >= 0; k--)
        {
            if (contextDate[k] != 0)
            {
                return contextDate[k];
            }
        }
        return 0;
    }

    int contextPeriod()
    {
        for (int k = Math.min(contextDepth, stack.length - 1); k >= 0; k--)
        {
            if (contextPeriod[k] != 0)
            {
                return contextPeriod[k];
            }
        }
        return 0;
    }

    /**
     * @return how many of the last file's problems were record-level value problems (a field whose value does not
     * match its type, length or allowed values; a period group holding other than the day's periods; a business
     * check reported as a value problem): the rest concern envelope, count, checksum and structure.
     */
    public long valueProblems()
    {
        return valueProblems;
    }

    int occurrence(final int recordIndex)
    {
        return counts[recordIndex];
    }

    // --- results -------------------------------------------------------------------------------------------------

    /**
     * @return the envelope of the last file parsed, or null when its header was not recognised.
     */
    public Envelope envelope()
    {
        return envelope;
    }

    /**
     * @return the flow of the last file parsed, or null when unknown.
     */
    public FlowDefinition flow()
    {
        return flow;
    }

    /**
     * @return the data records (between header and trailer) of the last file parsed.
     */
    public long records()
    {
        return records;
    }

    /**
     * @return the first Settlement Date of a good record, {@code YYYYMMDD}, or 0.
     */
    public int firstSettlementDate()
    {
        return firstDate;
    }

    /**
     * @return the number of header fields read (the record id not counted).
     */
    public int headerFieldCount()
    {
        return headerFieldCount;
    }

    /**
     * @return the index of the header field holding the flow / file type.
     */
    public int fileTypeField()
    {
        return fileTypeField;
    }

    /**
     * Allocates: for the file's identity after a parse, not for the hot path.
     *
     * @param i header field index (the record id not counted).
     * @return the field, or empty when absent.
     */
    public String headerField(final int i)
    {
        if (i < 0 || i >= headerFieldCount)
        {
            return "";
        }
        return string(headerStarts[i], headerEnds[i] - headerStarts[i]);
    }

    /**
     * @return whether the last file had its trailer.
     */
    public boolean trailerFound()
    {
        return trailerFound;
    }

    /**
     * A stable 64-bit hash of bytes (FNV-1a, then mixed): source keys and notification ids derived from content.
     *
     * @param buffer holding the bytes.
     * @param offset first byte.
     * @param length how many.
     * @return the hash.
     */
    public static long hash(final DirectBuffer buffer, final int offset, final int length)
    {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < length; i++)
        {
            h = (h ^ (buffer.getByte(offset + i) & 0xFF)) * 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h;
    }
}
