package io.gbsettle.adapters.sftp.format;

/**
 * Record ids (the 3 ASCII characters that open every record) packed into an int, so that records are told apart
 * without a String: {@code 'A' << 16 | 'B' << 8 | 'V'}.
 */
public final class RecordIds
{
    private RecordIds()
    {
    }

    /**
     * @param id a 3-character record id.
     * @return the packed code.
     */
    public static int code(final String id)
    {
        if (id.length() != 3)
        {
            throw new IllegalArgumentException("a record id has 3 characters: " + id);
        }
        return (id.charAt(0) & 0xFF) << 16 | (id.charAt(1) & 0xFF) << 8 | (id.charAt(2) & 0xFF);
    }

    /**
     * @param code a packed code.
     * @return the 3-character id.
     */
    public static String id(final int code)
    {
        return new String(new char[] {(char)(code >>> 16 & 0xFF), (char)(code >>> 8 & 0xFF), (char)(code & 0xFF)});
    }
}
