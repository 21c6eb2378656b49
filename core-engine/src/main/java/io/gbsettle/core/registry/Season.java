package io.gbsettle.core.registry;

import io.gbsettle.core.time.EpochDays;

/**
 * BSC Seasons, the periods for which TLFs are set: {@link #WINTER} November to February, {@link #SPRING} March and
 * April, {@link #SUMMER} May to August, {@link #AUTUMN} September and October.
 *
 * <p><b>[M] choice</b>: this split is from memory of the Code (BSC Section T / Annex X), not read in its text; it
 * lives only in {@link #ofMonth(int)}, so correcting it is a one-line change.
 *
 * <p>Seasons are dense {@code int} indices so that a zone-by-season TLF table is a flat array;
 * {@link #ofEpochDay(long)} derives the season of a date without allocating.
 */
public final class Season
{
    /**
     * November, December, January and February.
     */
    public static final int WINTER = 0;

    /**
     * March and April.
     */
    public static final int SPRING = 1;

    /**
     * May, June, July and August.
     */
    public static final int SUMMER = 2;

    /**
     * September and October.
     */
    public static final int AUTUMN = 3;

    /**
     * How many seasons there are.
     */
    public static final int COUNT = 4;

    /**
     * Missing value: not a season.
     */
    public static final int NONE = -1;

    private static final String[] NAMES = { "WINTER", "SPRING", "SUMMER", "AUTUMN" };

    /**
     * Season of each month, January first. [M]
     */
    private static final int[] OF_MONTH =
    {
        WINTER, WINTER, SPRING, SPRING, SUMMER, SUMMER, SUMMER, SUMMER, AUTUMN, AUTUMN, WINTER, WINTER
    };

    private Season()
    {
    }

    /**
     * The season a calendar month falls in.
     *
     * @param month 1 (January) to 12 (December).
     * @return the season index.
     */
    public static int ofMonth(final int month)
    {
        return OF_MONTH[month - 1];
    }

    /**
     * The season a day falls in, without allocating (the month comes from {@link EpochDays#month(long)}).
     *
     * @param epochDay days since 1970-01-01 ({@code LocalDate.toEpochDay()}).
     * @return the season index.
     */
    public static int ofEpochDay(final long epochDay)
    {
        return ofMonth(EpochDays.month(epochDay));
    }

    /**
     * The name of a season as written in {@code tlf.csv}.
     *
     * @param season index in [0, {@link #COUNT}).
     * @return {@code WINTER}, {@code SPRING}, {@code SUMMER} or {@code AUTUMN}.
     */
    public static String name(final int season)
    {
        return NAMES[season];
    }

    /**
     * Looks a season up by name, ignoring case. Load time only.
     *
     * @param name for example {@code WINTER}.
     * @return its index, or {@link #NONE} when the name is not a season.
     */
    public static int index(final String name)
    {
        for (int i = 0; i < COUNT; i++)
        {
            if (NAMES[i].equalsIgnoreCase(name))
            {
                return i;
            }
        }
        return NONE;
    }
}
