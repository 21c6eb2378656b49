package io.gbsettle.tools;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The command line's JSON: nesting, separators, empty containers and string escaping.
 */
final class JsonTest
{
    @Test
    void nestsObjectsAndArraysWithCommasInTheRightPlaces()
    {
        final String json = new Json().beginObject()
            .field("a", 1)
            .name("b").beginArray()
            .beginObject().field("x", "y").endObject()
            .beginObject().endObject()
            .endArray()
            .name("c").beginObject().field("d", -2).endObject()
            .name("e").beginArray().endArray()
            .endObject().toString();
        assertEquals("""
            {
              "a": 1,
              "b": [
                {
                  "x": "y"
                },
                {}
              ],
              "c": {
                "d": -2
              },
              "e": []
            }""", json);
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters()
    {
        final String json = new Json().beginObject().field("k\"ey", "a\\b\n\r\t\u0001é\"").endObject().toString();
        assertEquals("{\n  \"k\\\"ey\": \"a\\\\b\\n\\r\\t\\u0001é\\\"\"\n}", json);
    }
}
