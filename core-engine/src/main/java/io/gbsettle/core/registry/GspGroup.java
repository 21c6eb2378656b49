package io.gbsettle.core.registry;

/**
 * The 14 Grid Supply Point Groups of Great Britain. Since P350 (1 April 2018) they are also the 14 TLF zones, so a
 * BM Unit's GSP Group index doubles as its TLF zone index.
 *
 * <p>Indices are dense and fixed, in the alphabetical order of the ids: {@code _A} is 0 and {@code _P} is 13
 * (there is no {@code _I} or {@code _O}). {@link #NONE} marks a BM Unit without a GSP Group, which only an
 * interconnector may be.
 */
public final class GspGroup
{
    /**
     * How many GSP Groups there are.
     */
    public static final int COUNT = 14;

    /**
     * Missing value: no GSP Group (an interconnector registered without one, or an inactive BM Unit).
     */
    public static final int NONE = -1;

    private static final String[] IDS =
    {
        "_A", "_B", "_C", "_D", "_E", "_F", "_G", "_H", "_J", "_K", "_L", "_M", "_N", "_P"
    };

    private static final String[] NAMES =
    {
        "Eastern",
        "East Midlands",
        "London",
        "Merseyside and North Wales",
        "Midlands",
        "Northern",
        "North Western",
        "Southern",
        "South Eastern",
        "South Wales",
        "South Western",
        "Yorkshire",
        "South of Scotland",
        "North of Scotland"
    };

    private GspGroup()
    {
    }

    /**
     * The id of a GSP Group, as it appears in industry files.
     *
     * @param gspGroup index in [0, {@link #COUNT}).
     * @return the id, for example {@code _A}.
     */
    public static String id(final int gspGroup)
    {
        return IDS[gspGroup];
    }

    /**
     * The name of a GSP Group, for reports.
     *
     * @param gspGroup index in [0, {@link #COUNT}).
     * @return the name, for example {@code Eastern}.
     */
    public static String name(final int gspGroup)
    {
        return NAMES[gspGroup];
    }

    /**
     * Looks a GSP Group up by id, ignoring case like the other codes of the registry files (P/C, Y/N, seasons):
     * {@code _c} is {@code _C}. The canonical id, as {@link #id(int)} returns and files are written with, is upper
     * case. Load time only: the hot path works with indices.
     *
     * @param id the id, for example {@code _C}; may be null.
     * @return its index, or {@link #NONE} when it is not a GSP Group id.
     */
    public static int index(final String id)
    {
        for (int i = 0; i < COUNT; i++)
        {
            if (IDS[i].equalsIgnoreCase(id))
            {
                return i;
            }
        }
        return NONE;
    }

    /**
     * Every id in index order, for messages: {@code _A, _B, ..., _P}.
     *
     * @return the ids joined by {@code ", "}.
     */
    public static String ids()
    {
        return String.join(", ", IDS);
    }
}
