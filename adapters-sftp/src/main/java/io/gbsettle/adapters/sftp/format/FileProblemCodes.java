package io.gbsettle.adapters.sftp.format;

/**
 * The IDD response codes (reference note §3.8) problems are classed by, so that a central-systems responder can use
 * them directly: codes 1-3 do not consume the sender's sequence number, 4-7 do.
 */
public final class FileProblemCodes
{
    /** Syntax error in the header. */
    public static final int HEADER = 1;
    /** Unexpected file type (unknown flow). */
    public static final int FILE_TYPE = 2;
    /** Syntax error in the body (structure, fields, business checks). */
    public static final int BODY = 4;
    /** Syntax error in the footer (trailer), or a missing trailer. */
    public static final int FOOTER = 5;
    /** Incorrect record count. */
    public static final int RECORD_COUNT = 6;
    /** Incorrect checksum. */
    public static final int CHECKSUM = 7;

    private FileProblemCodes()
    {
    }
}
