package io.gbsettle.core.mhhs;

/**
 * Exact decimal text for the store and the flat files: fixed-point integers (Wh, LLF millionths) to and from plain
 * decimals, without going through {@code double}.
 */
public final class MeterText
{
    /** What {@link #parseScaled} returns for text that is not a number of that many decimals. */
    public static final long INVALID = Long.MIN_VALUE;

    private static final long[] POWERS =
    {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
        10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L
    };

    private MeterText()
    {
    }

    /**
     * @param value    fixed-point integer.
     * @param decimals decimals it carries (0..12).
     * @return the plain decimal, trailing zeros dropped: {@code scaled(1074000, 6)} is {@code 1.074}.
     */
    public static String scaled(final long value, final int decimals)
    {
        final long power = POWERS[decimals];
        final long whole = Math.abs(value / power);
        long fraction = Math.abs(value % power);
        final StringBuilder text = new StringBuilder(24);
        if (value < 0)
        {
            text.append('-');
        }
        text.append(whole);
        if (fraction != 0)
        {
            int digits = decimals;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }
            text.append('.');
            final String f = Long.toString(fraction);
            for (int i = f.length(); i < digits; i++)
            {
                text.append('0');
            }
            text.append(f);
        }
        return text.toString();
    }

    /**
     * @param text     a plain decimal: optional minus, digits, optional point and at most {@code decimals} digits.
     * @param decimals decimals of the result (0..12).
     * @return the fixed-point integer, or {@link #INVALID}.
     */
    public static long parseScaled(final CharSequence text, final int decimals)
    {
        final int length = text.length();
        int i = 0;
        boolean negative = false;
        if (length > 0 && text.charAt(0) == '-')
        {
            negative = true;
            i = 1;
        }
        long whole = 0;
        int digits = 0;
        while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9')
        {
            whole = whole * 10 + (text.charAt(i++) - '0');
            if (++digits > 15)
            {
                return INVALID;
            }
        }
        long fraction = 0;
        int fractionDigits = 0;
        if (i < length && text.charAt(i) == '.')
        {
            i++;
            while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9')
            {
                if (++fractionDigits > decimals)
                {
                    return INVALID;
                }
                fraction = fraction * 10 + (text.charAt(i++) - '0');
            }
        }
        if (i != length || digits + fractionDigits == 0)
        {
            return INVALID;
        }
        final long value = whole * POWERS[decimals] + fraction * POWERS[decimals - fractionDigits];
        return negative ? -value : value;
    }

    /**
     * The XOR-32 checksum of pool (ZHD ... ZPT) and IDD files ({@code dflows-sftp.md} §3.3): each record's bytes
     * without the line end, split into 4-byte big-endian words (the last one NUL-padded), XORed into the running value.
     *
     * @param checksum the running value (0 before the header).
     * @param line     one record, without its line end, ASCII.
     * @return the new running value ({@code & 0xFFFFFFFFL} for the unsigned figure the trailer carries).
     */
    public static int xor32(final int checksum, final String line)
    {
        int x = checksum;
        int word = 0;
        int shift = 24;
        for (int i = 0, n = line.length(); i < n; i++)
        {
            word |= (line.charAt(i) & 0xFF) << shift;
            shift -= 8;
            if (shift < 0)
            {
                x ^= word;
                word = 0;
                shift = 24;
            }
        }
        return shift == 24 ? x : x ^ word;
    }
}
