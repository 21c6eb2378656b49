package io.gbsettle.adapters.sftp.collect;

/**
 * The {@code detail} text of a RECEIVED entry: {@code sha256=HEX;size=N;mtime=MILLIS;records=N;key=BUSINESS KEY},
 * with {@code valueProblems=N;} before the key when a meter-data file's value problems were handed over to the
 * meter-data ingest (FlowOptions.MeterDataProblems.HAND_OVER; the JOURNALED entry names them) (the key last, as it
 * may hold any character but a line break). What the collector needs again after a restart,
 * and the counterparty-comparable SHA-256.
 */
final class ReceivedDetail
{
    static final String SHA256 = "sha256";
    static final String SIZE = "size";
    static final String MTIME = "mtime";
    static final String RECORDS = "records";
    static final String KEY = "key";
    static final String VALUE_PROBLEMS = "valueProblems";

    private ReceivedDetail()
    {
    }

    static String of(final String sha256, final long size, final long mtime, final long records, final String key)
    {
        return of(sha256, size, mtime, records, 0, key);
    }

    static String of(
        final String sha256, final long size, final long mtime, final long records, final long valueProblems,
        final String key)
    {
        return SHA256 + '=' + sha256 + ';' + SIZE + '=' + size + ';' + MTIME + '=' + mtime + ';' + RECORDS + '=' +
            records + ';' + (valueProblems > 0 ? VALUE_PROBLEMS + '=' + valueProblems + ';' : "") + KEY + '=' + key;
    }

    static String field(final String detail, final String name)
    {
        if (detail == null)
        {
            return "";
        }
        final int keyAt = detail.indexOf(';' + KEY + '=');
        if (KEY.equals(name))
        {
            return keyAt < 0 ? "" : detail.substring(keyAt + KEY.length() + 2);
        }
        final String head = keyAt < 0 ? detail : detail.substring(0, keyAt);
        for (final String part : head.split(";"))
        {
            if (part.startsWith(name + "="))
            {
                return part.substring(name.length() + 1);
            }
        }
        return "";
    }
}
