package io.gbsettle.core.files;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.gbsettle.core.input.InputProblem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class InsightsJsonTest
{
    private final List<InputProblem> problems = new ArrayList<>();
    private final List<String> seen = new ArrayList<>();

    private int read(final String json)
    {
        return InsightsJson.read("boalf.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
            problems, row -> seen.add(row.text("bmUnit") + "@" + row.line()));
    }

    @Test
    void readsBareArrayAndEnvelopeAlike()
    {
        assertEquals(2, read("[{\"bmUnit\":\"T_A-1\"},\n{\"bmUnit\":\"T_B-1\"}]"));
        assertEquals(1, read("{\"metadata\":{\"x\":[1]},\"data\":[{\"bmUnit\":\"T_C-1\",\"pairVolumes\":{\"a\":1}}]}"));
        assertEquals(List.of("T_A-1@1", "T_B-1@2", "T_C-1@1"), seen);
        assertTrue(problems.isEmpty(), problems::toString);
    }

    @Test
    void typedFieldsReportProblemsWithFileLineAndField()
    {
        final String json = "[\n{\"levelFrom\":50,\"timeFrom\":\"2024-05-01T23:59:00Z\",\"soFlag\":true,"
            + "\"settlementDate\":\"2024-05-02\",\"cost\":null,\"price\":\"89.84\"},\n"
            + "{\"levelFrom\":\"x\",\"timeFrom\":\"yesterday\",\"soFlag\":\"maybe\"}]";
        final List<String> out = new ArrayList<>();
        InsightsJson.read("boalf.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), problems,
            row -> out.add(row.decimal("levelFrom", true) + " " + row.instant("timeFrom") + " " +
                row.flag("soFlag", false) + " " + row.decimal("cost", false) + " " + row.decimal("price", false)));
        assertEquals("50.0 1714607940 true NaN 89.84", out.get(0));
        assertEquals(3, problems.size(), problems::toString);
        assertEquals("boalf.json:3 column 'levelFrom' value 'x': not a number", problems.get(0).describe());
        assertEquals("timeFrom", problems.get(1).column());
        assertEquals("soFlag", problems.get(2).column());
    }

    @Test
    void malformedJsonIsAProblemNotACrash()
    {
        read("[{\"bmUnit\":\"T_A-1\"},\n{\"bmUnit\":");
        assertEquals(List.of("T_A-1@1"), seen);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).reason().startsWith("not valid JSON"), problems::toString);
        problems.clear();
        read("42");
        assertFalse(problems.isEmpty());
        problems.clear();
        read("[1, {\"bmUnit\":\"T_D-1\"}]");
        assertEquals("row 0 is not a JSON object", problems.get(0).reason());
    }

    @Test
    void aReusedReaderPullsRowsAndReadsFieldsByIndexFromTheBytes()
    {
        final int bmUnit = InsightsJson.field("bmUnit");
        final int level = InsightsJson.field("levelFrom");
        final int time = InsightsJson.field("timeFrom");
        final NameIndex units = new NameIndex(new String[] {"T_A-1", "T_B-1"}, new int[] {7, 9});
        final InsightsJson reader = new InsightsJson();
        final byte[] first = ("[{\"bm\\u0055nit\":\"T_B\\u002d1\",\"levelFrom\":\"-1.5e1\"," +
            "\"timeFrom\":\"2024-05-01T23:59:00.250Z\",\"pairVolumes\":{\"a\":[1,\"}\"]}}]")
            .getBytes(StandardCharsets.UTF_8);
        reader.wrap("a.json", first, 0, first.length, problems);
        assertTrue(reader.next());
        assertEquals(9, reader.indexIn(bmUnit, units), "escaped name and value matched as decoded");
        assertEquals(-15.0, reader.decimal(level, true));
        assertEquals(1714607940L, reader.instant(time));
        assertFalse(reader.next());
        final byte[] second = "{\"data\":[{\"bmUnit\":\"T_C-1\"}]}".getBytes(StandardCharsets.UTF_8);
        reader.wrap("b.json", second, 0, second.length, problems);
        assertTrue(reader.next());
        assertEquals(NameIndex.MISSING, reader.indexIn(bmUnit, units));
        assertFalse(reader.has(level), "nothing left over from the previous body");
        assertFalse(reader.next());
        assertTrue(problems.isEmpty(), problems::toString);
    }

    @Test
    void aDoubleEncodedBodyIsDecodedInPlace()
    {
        final byte[] body = "\uFEFF \"[{\\\"bmUnit\\\":\\\"T_\\u00c9-1\\\"}]\"\n".getBytes(StandardCharsets.UTF_8);
        final byte[] into = new byte[body.length];
        final int length = InsightsJson.decodeStringBody(body, 0, body.length, into);
        assertEquals("[{\"bmUnit\":\"T_\u00c9-1\"}]", new String(into, 0, length, StandardCharsets.UTF_8));
        final byte[] array = "[1]".getBytes(StandardCharsets.UTF_8);
        assertEquals(-1, InsightsJson.decodeStringBody(array, 0, array.length, into));
        final byte[] two = "\"a\" \"b\"".getBytes(StandardCharsets.UTF_8);
        assertEquals(-2, InsightsJson.decodeStringBody(two, 0, two.length, into));
        final byte[] badEscape = "\"a\\x\"".getBytes(StandardCharsets.UTF_8);
        assertEquals(-2, InsightsJson.decodeStringBody(badEscape, 0, badEscape.length, into));
    }

    @Test
    void unknownFieldNamesAreRefusedByTheAccessors()
    {
        assertThrows(IllegalArgumentException.class, () -> InsightsJson.field("noSuchField"));
        assertEquals("bmUnit", InsightsJson.fieldName(InsightsJson.field("bmUnit")));
    }
}
