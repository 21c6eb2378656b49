package io.gbsettle.adapters.sftp.format;

/**
 * The data types of flat-file fields (reference note §1.4 and §3.4), as the flow definitions name them.
 */
public enum FieldType
{
    /** {@code text(n)}: up to n printable ASCII characters. */
    TEXT,
    /** {@code char}: exactly one character. */
    CHAR,
    /** {@code integer(n)}: an optional {@code -} and up to n digits. */
    INTEGER,
    /** {@code decimal(n,d)}: an optional {@code -}, up to n digits in all, at most d of them after a {@code .}. */
    DECIMAL,
    /** {@code boolean}: {@code T} or {@code F}. */
    BOOLEAN,
    /** {@code date}: {@code YYYYMMDD}, a real calendar date. */
    DATE,
    /** {@code datetime}: {@code YYYYMMDDHHMMSS}. */
    DATETIME,
    /** {@code time}: {@code HHMM}. */
    TIME,
    /** {@code timestamp}: {@code HHMMSS}. */
    TIMESTAMP
}
