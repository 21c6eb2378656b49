package io.gbsettle.adapters.sftp.flow;

/**
 * One problem found in an inbound file, in business terms: which flow, record and line, which field, and the
 * Settlement Date, period and party or BM Unit the record is about where the file says so, with a message a person
 * can act on.
 *
 * @param flowId         the flow ({@code "C0421"}...), or empty when the file was not recognised.
 * @param recordId       the record's 3-character id ({@code "ABP"}), or empty for the whole file.
 * @param line           1-based line of the record, or 0 for the whole file.
 * @param field          the field's name in the flow definition, or empty for the whole record.
 * @param settlementDate {@code YYYYMMDD} of the record's Settlement Date, or 0 when unknown.
 * @param period         the Settlement Period, or 0 when unknown or not applicable.
 * @param subject        the BM Unit, party, MPAN or distributor the record is about, as written, or empty.
 * @param code           the IDD response code the problem maps to: 1 header, 2 unexpected file type, 4 body,
 *                       5 footer, 6 record count, 7 checksum (so a central-systems responder can use it).
 * @param message        what is wrong and what was expected.
 */
public record FileProblem(
    String flowId, String recordId, int line, String field, int settlementDate, int period, String subject,
    int code, String message)
{
    /** IDD response code: syntax error in the header. */
    public static final int HEADER = 1;
    /** IDD response code: the file type is not expected (unknown flow). */
    public static final int FILE_TYPE = 2;
    /** IDD response code: syntax error in the body. */
    public static final int BODY = 4;
    /** IDD response code: syntax error in the footer (trailer). */
    public static final int FOOTER = 5;
    /** IDD response code: the record count is wrong. */
    public static final int RECORD_COUNT = 6;
    /** IDD response code: the checksum is wrong. */
    public static final int CHECKSUM = 7;

    /**
     * Normalises nulls to empty strings.
     *
     * @param flowId         the flow, or empty.
     * @param recordId       the record id, or empty.
     * @param line           1-based line, or 0.
     * @param field          the field, or empty.
     * @param settlementDate YYYYMMDD, or 0.
     * @param period         the period, or 0.
     * @param subject        the BM Unit / party, or empty.
     * @param code           the IDD response code.
     * @param message        what is wrong.
     */
    public FileProblem
    {
        flowId = flowId == null ? "" : flowId;
        recordId = recordId == null ? "" : recordId;
        field = field == null ? "" : field;
        subject = subject == null ? "" : subject;
        message = message == null ? "" : message;
    }

    /**
     * @return one line for people and logs: {@code C0421 line 7 ABP.meteredVolume date 20240101 period 3
     * BM Unit T_X-1: message}.
     */
    public String describe()
    {
        final StringBuilder b = new StringBuilder(96);
        b.append(flowId.isEmpty() ? "file" : flowId);
        if (line > 0)
        {
            b.append(" line ").append(line);
        }
        if (!recordId.isEmpty())
        {
            b.append(' ').append(recordId);
            if (!field.isEmpty())
            {
                b.append('.').append(field);
            }
        }
        if (settlementDate != 0)
        {
            b.append(" date ").append(settlementDate);
        }
        if (period != 0)
        {
            b.append(" period ").append(period);
        }
        if (!subject.isEmpty())
        {
            b.append(" [").append(subject).append(']');
        }
        return b.append(": ").append(message).toString();
    }
}
