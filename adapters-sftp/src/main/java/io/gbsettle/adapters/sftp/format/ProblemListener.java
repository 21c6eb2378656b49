package io.gbsettle.adapters.sftp.format;

/**
 * Receives the problems {@link FlatFileParser} finds, in business terms, up to the parser's detail limit (all are
 * counted).
 */
@FunctionalInterface
public interface ProblemListener
{
    /**
     * @param code           the IDD response code (1 header, 2 file type, 4 body, 5 footer, 6 count, 7 checksum).
     * @param flowId         the flow, or empty when not yet known.
     * @param recordId       the record id, or empty for the whole file.
     * @param line           1-based line, or 0.
     * @param field          the field name, or empty.
     * @param settlementDate the record's Settlement Date {@code YYYYMMDD} where known, else 0.
     * @param period         the record's Settlement Period where known, else 0.
     * @param subject        the BM Unit, party, MPAN... the record is about where known, else empty.
     * @param message        what is wrong and what was expected.
     */
    void onProblem(int code, String flowId, String recordId, int line, String field, int settlementDate, int period,
        String subject, String message);

    /**
     * A record-level value problem (a field's value, a period outside the day or missing from a period group), as
     * opposed to one of envelope, count, checksum or structure; by default the same as {@link #onProblem}.
     *
     * @param code           the IDD response code (4 body).
     * @param flowId         the flow.
     * @param recordId       the record id.
     * @param line           1-based line, or 0 for a period group.
     * @param field          the field name, or empty.
     * @param settlementDate the record's Settlement Date where known, else 0.
     * @param period         the record's Settlement Period where known, else 0.
     * @param subject        the MPAN, LLFC, BM Unit... where known, else empty.
     * @param message        what is wrong.
     */
    default void onValueProblem(int code, String flowId, String recordId, int line, String field,
        int settlementDate, int period, String subject, String message)
    {
        onProblem(code, flowId, recordId, line, field, settlementDate, period, subject, message);
    }
}
