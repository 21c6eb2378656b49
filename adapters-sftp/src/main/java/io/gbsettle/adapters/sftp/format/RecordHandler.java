package io.gbsettle.adapters.sftp.format;

/**
 * Receives each data record of a file that passed its structural and field checks, as a flyweight valid only
 * during the call.
 */
@FunctionalInterface
public interface RecordHandler
{
    /**
     * @param record the record (its definition, line, fields and business context).
     */
    void onRecord(RecordCursor record);
}
