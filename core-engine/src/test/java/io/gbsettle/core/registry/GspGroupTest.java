package io.gbsettle.core.registry;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GspGroupTest
{
    @Test
    void fourteenGroupsInIdOrderWithTheirNames()
    {
        final String[] ids = { "_A", "_B", "_C", "_D", "_E", "_F", "_G", "_H", "_J", "_K", "_L", "_M", "_N", "_P" };
        final String[] names =
        {
            "Eastern", "East Midlands", "London", "Merseyside and North Wales", "Midlands", "Northern",
            "North Western", "Southern", "South Eastern", "South Wales", "South Western", "Yorkshire",
            "South of Scotland", "North of Scotland"
        };
        assertEquals(14, GspGroup.COUNT);
        for (int i = 0; i < GspGroup.COUNT; i++)
        {
            assertEquals(ids[i], GspGroup.id(i));
            assertEquals(names[i], GspGroup.name(i));
            assertEquals(i, GspGroup.index(ids[i]));
        }
    }

    @Test
    void unknownIdsAreMissing()
    {
        assertEquals(GspGroup.NONE, GspGroup.index("_I"));
        assertEquals(GspGroup.NONE, GspGroup.index("_O"));
        assertEquals(GspGroup.NONE, GspGroup.index("_i"));
        assertEquals(GspGroup.NONE, GspGroup.index("A"));
        assertEquals(GspGroup.NONE, GspGroup.index(" _A"));
        assertEquals(GspGroup.NONE, GspGroup.index(""));
        assertEquals(GspGroup.NONE, GspGroup.index(null));
    }

    @Test
    void idsIgnoreCaseAndAreCanonicallyUpperCase()
    {
        assertEquals(0, GspGroup.index("_a"));
        for (int i = 0; i < GspGroup.COUNT; i++)
        {
            final String id = GspGroup.id(i);
            assertEquals(i, GspGroup.index(id.toLowerCase(java.util.Locale.ROOT)), id);
            assertEquals(id.toUpperCase(java.util.Locale.ROOT), id);
        }
    }
}
