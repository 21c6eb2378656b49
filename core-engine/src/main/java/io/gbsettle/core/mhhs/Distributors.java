package io.gbsettle.core.mhhs;

import io.gbsettle.core.registry.GspGroup;

/**
 * The 14 distribution areas, one per GSP Group: the MPAN core's first two digits (the distributor id) and the
 * distributor's market participant id, as in D0265 {@code DIS} records. Used to name Line Loss Factor Classes
 * ({@code <MPID>/<LLFC>}) and to give generated MPANs the prefix of their GSP Group.
 */
public final class Distributors
{
    /** Distributor id (first two digits of an MPAN core) by GSP Group index. */
    private static final int[] MPAN_PREFIX = {10, 11, 12, 13, 14, 15, 16, 20, 19, 21, 22, 23, 18, 17};
    /** Distributor MPID by GSP Group index. */
    private static final String[] MPID =
    {
        "EELC", "EMEB", "LOND", "MANW", "MIDE", "NEEB", "NORW", "SOUT", "SEEB", "SWAE", "SWEB", "YELG", "SPOW", "HYDE"
    };

    private Distributors()
    {
    }

    /**
     * @param gspGroup GSP Group index.
     * @return the distributor id, the first two digits of its MPAN cores.
     */
    public static int mpanPrefix(final int gspGroup)
    {
        return MPAN_PREFIX[gspGroup];
    }

    /**
     * @param gspGroup GSP Group index.
     * @return the distributor's MPID.
     */
    public static String mpid(final int gspGroup)
    {
        return MPID[gspGroup];
    }

    /**
     * @param mpid a distributor MPID.
     * @return its GSP Group index, or {@link GspGroup#NONE}.
     */
    public static int gspGroupOf(final String mpid)
    {
        for (int g = 0; g < MPID.length; g++)
        {
            if (MPID[g].equals(mpid))
            {
                return g;
            }
        }
        return GspGroup.NONE;
    }

    /**
     * @param gspGroup GSP Group index.
     * @param llfc     the class code, such as {@code 100}.
     * @return the class's id in the store, such as {@code EELC/100}.
     */
    public static String llfcId(final int gspGroup, final String llfc)
    {
        return MPID[gspGroup] + '/' + llfc;
    }

    /**
     * The MPAN core check digit (the 13th digit) of its first 12 digits.
     *
     * @param first12 the first 12 digits as a number.
     * @return the check digit.
     */
    public static int checkDigit(final long first12)
    {
        final int[] primes = {3, 5, 7, 13, 17, 19, 23, 29, 31, 37, 41, 43};
        long rest = first12;
        int sum = 0;
        for (int i = 11; i >= 0; i--)
        {
            sum += (int)(rest % 10) * primes[i];
            rest /= 10;
        }
        return sum % 11 % 10;
    }
}
