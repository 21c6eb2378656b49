package io.gbsettle.tools;

/**
 * How a command prints a table: CSV for spreadsheets (the default) or JSON for scripts.
 */
enum OutputFormat
{
    /** Comma-separated, with a header line. */
    csv,
    /** A JSON array of objects, one per row. */
    json
}
