package io.gbsettle.core.files;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.time.SettlementCalendar;

import static io.gbsettle.core.testing.PropertyChecks.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The byte-level {@link InsightsJson} and {@link InsightsEvents} held to the Jackson-based reader and String-based
 * mapping they replaced ({@link ReferenceInsightsJson}, {@link ReferenceInsightsEvents}, kept in the tests): for
 * random bodies of random rows (valid and odd values of every kind: numbers in strings, long significands,
 * exponents, instants with fractions or offsets, impossible dates, booleans in any case, escapes, unicode, nested
 * values, repeated and escaped field names, unknown BM Units, whitespace and line ends, envelopes), the same rows at
 * the same lines, the same records byte for byte, the same problems, and the same typed value of every field. A
 * second property truncates or corrupts bodies: the same rows before the error and a "not valid JSON" problem.
 */
final class InsightsJsonProperties
{
    private static final String[] DATASETS = {"BOALF", "BOD", "PN", "QPN", "MELS", "MILS", "DISEBSP", "FREQ",
        "DISBSAD", "NETBSAD", "MID", "LOLPDRM"};
    private static final String[] DATES = {"settlementDate"};
    private static final String[] INSTANTS = {"timeFrom", "timeTo", "acceptanceTime", "notificationTime",
        "createdDateTime", "measurementTime"};
    private static final String[] WHOLE = {"settlementPeriod", "settlementPeriodFrom", "pairId", "acceptanceNumber",
        "id", "notificationSequence", "forecastHorizon"};
    private static final String[] DECIMALS = {"levelFrom", "levelTo", "offer", "bid", "systemSellPrice",
        "systemBuyPrice", "netImbalanceVolume", "reserveScarcityPrice", "frequency", "cost", "volume",
        "buyPricePriceAdjustment", "sellPricePriceAdjustment", "price", "lossOfLoadProbability", "lolp"};
    private static final String[] FLAGS = {"soFlag", "storFlag", "rrFlag", "deemedBoFlag", "storAvailabilityWindow"};
    private static final String[] TEXTS = {"bmUnit", "dataProvider", "dataset", "amendmentFlag"};
    private static final String[] ALL = concat(DATES, INSTANTS, WHOLE, DECIMALS, FLAGS, TEXTS);

    private static final MarketRegistry REGISTRY = SyntheticRegistry.generate(7, SyntheticRegistry.Size.SMALL);
    private static final SettlementCalendar CALENDAR = new SettlementCalendar();
    private static final int[] RESULTS = new int[4];

    @Test
    void theScannerReadsAndMapsRandomBodiesAsTheReferenceDoes()
    {
        check(150).forAll(longs().all()).checkAssert((final Long seed) ->
        {
            final Random random = new Random(seed);
            final String dataset = DATASETS[random.nextInt(DATASETS.length)];
            final byte[] body = body(random, dataset).getBytes(StandardCharsets.UTF_8);
            sameLines(reference(dataset, body), scanner(dataset, body), seed, body);
        });
        assertTrue(RESULTS[ReferenceInsightsEvents.MAPPED] > 150 && RESULTS[ReferenceInsightsEvents.INVALID] > 150,
            "rows of every outcome: " + java.util.Arrays.toString(RESULTS));
    }

    @Test
    void truncatedOrCorruptedBodiesGiveTheSameRowsAndAnInvalidJsonProblem()
    {
        check(150).forAll(longs().all()).checkAssert((final Long seed) ->
        {
            final Random random = new Random(seed);
            final String dataset = DATASETS[random.nextInt(DATASETS.length)];
            final byte[] valid = body(random, dataset).getBytes(StandardCharsets.UTF_8);
            final byte[] body;
            if (random.nextBoolean())
            {
                body = java.util.Arrays.copyOf(valid, random.nextInt(valid.length));
            }
            else
            {
                body = valid.clone();
                final String marks = "{}[],:\"\\x0-.e";
                body[1 + random.nextInt(body.length - 1)] = (byte)marks.charAt(random.nextInt(marks.length()));
            }
            sameLines(reference(dataset, body), scanner(dataset, body), seed, body);
        });
    }

    private static void sameLines(final List<String> expected, final List<String> actual, final long seed,
        final byte[] body)
    {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++)
        {
            final String e = expected.get(i);
            final String a = actual.get(i);
            if (!e.equals(a))
            {
                int at = 0;
                while (at < Math.min(e.length(), a.length()) && e.charAt(at) == a.charAt(at))
                {
                    at++;
                }
                final int from = Math.max(0, at - 200);
                assertEquals(e.substring(from, Math.min(e.length(), at + 200)),
                    a.substring(from, Math.min(a.length(), at + 200)), "line " + i + " (from char " + from +
                    "), seed " + seed + ": " + new String(body, StandardCharsets.UTF_8));
            }
        }
        assertEquals(expected.size(), actual.size(), "seed " + seed + ": " + new String(body, StandardCharsets.UTF_8));
    }

    private static List<String> reference(final String dataset, final byte[] body)
    {
        final List<InputProblem> problems = new ArrayList<>();
        final List<String> out = new ArrayList<>();
        final ReferenceInsightsEvents mapper = new ReferenceInsightsEvents(REGISTRY, CALENDAR, EventSource.IRIS, 1);
        final int type = ReferenceInsightsEvents.eventType(dataset);
        final InputEvent event = new InputEvent().wrap(new UnsafeBuffer(new byte[InputEvent.LENGTH]), 0);
        ReferenceInsightsJson.read("body.json", body, 0, body.length, problems, row ->
        {
            final int before = problems.size();
            final int result = mapper.map(type, row, event);
            RESULTS[result]++;
            out.add(row.rowIndex() + "@" + row.line() + " result " + result + record(result, event) +
                problems.subList(before, problems.size()));
            final int mapped = problems.size();
            for (final String f : ALL)
            {
                out.add(f + ": " + row.has(f) + " '" + row.text(f) + "' " + row.decimal(f, false) + " " +
                    row.wholeNumber(f, false) + " " + row.flag(f, false) + " " + row.flag(f, true) + " " +
                    (contains(INSTANTS, f) || contains(TEXTS, f) ? row.instant(f) : 0) + " " +
                    (contains(DATES, f) || contains(TEXTS, f) ? row.epochDay(f) : 0) + " " + row.requireText(f));
            }
            out.add("accessors " + problems.subList(mapped, problems.size()));
            problems.subList(before, problems.size()).clear();
        });
        out.add("problems " + bodyProblems(problems));
        return out;
    }

    private static List<String> scanner(final String dataset, final byte[] body)
    {
        final List<InputProblem> problems = new ArrayList<>();
        final List<String> out = new ArrayList<>();
        final InsightsEvents mapper = new InsightsEvents(REGISTRY, CALENDAR, EventSource.IRIS, 1);
        final int type = InsightsEvents.eventType(dataset);
        final InputEvent event = new InputEvent().wrap(new UnsafeBuffer(new byte[InputEvent.LENGTH]), 0);
        final InsightsJson row = new InsightsJson();
        // A reused reader: wrap a decoy body first, as the adapter reuses one across messages.
        final byte[] decoy = "[{\"bmUnit\":\"X\",\"levelFrom\":1}]".getBytes(StandardCharsets.UTF_8);
        row.wrap("decoy", decoy, 0, decoy.length, new ArrayList<>());
        while (row.next())
        {
            row.text("bmUnit");
        }
        row.wrap("body.json", body, 0, body.length, problems);
        while (row.next())
        {
            final int before = problems.size();
            final int result = mapper.map(type, row, event);
            out.add(row.rowIndex() + "@" + row.line() + " result " + result + record(result, event) +
                problems.subList(before, problems.size()));
            final int mapped = problems.size();
            for (final String f : ALL)
            {
                out.add(f + ": " + row.has(f) + " '" + row.text(f) + "' " + row.decimal(f, false) + " " +
                    row.wholeNumber(f, false) + " " + row.flag(f, false) + " " + row.flag(f, true) + " " +
                    (contains(INSTANTS, f) || contains(TEXTS, f) ? row.instant(f) : 0) + " " +
                    (contains(DATES, f) || contains(TEXTS, f) ? row.epochDay(f) : 0) + " " + row.requireText(f));
            }
            out.add("accessors " + problems.subList(mapped, problems.size()));
            problems.subList(before, problems.size()).clear();
        }
        out.add("problems " + bodyProblems(problems));
        return out;
    }

    private static String record(final int result, final InputEvent event)
    {
        if (result != InsightsEvents.MAPPED)
        {
            return " ";
        }
        final StringBuilder hex = new StringBuilder(" ");
        for (int i = 0; i < InputEvent.LENGTH; i++)
        {
            hex.append(String.format("%02x", event.buffer().getByte(event.offset() + i)));
        }
        return hex.append(' ').toString();
    }

    /**
     * Problems of the body as a whole: malformed JSON is compared by its kind only (the parsers word it and place
     * it differently); the others exactly, bar the line.
     */
    private static List<String> bodyProblems(final List<InputProblem> problems)
    {
        final List<String> out = new ArrayList<>();
        for (final InputProblem p : problems)
        {
            out.add(p.reason().startsWith("not valid JSON") ? "not valid JSON" :
                p.source() + " " + p.column() + " " + p.value() + " " + p.reason());
        }
        return out;
    }

    private static String body(final Random random, final String dataset)
    {
        final StringBuilder sb = new StringBuilder(4096);
        final boolean envelope = random.nextInt(4) == 0;
        if (random.nextInt(20) == 0)
        {
            sb.append('\uFEFF');
        }
        if (envelope)
        {
            sb.append('{').append(ws(random));
            if (random.nextBoolean())
            {
                sb.append("\"metadata\":{\"datasets\":[\"").append(dataset).append("\"],\"data\":1},").append(ws(random));
            }
            sb.append(random.nextInt(10) == 0 ? "\"d\\u0061ta\"" : "\"data\"").append(':').append(ws(random));
        }
        sb.append('[').append(ws(random));
        final int rows = random.nextInt(12);
        for (int r = 0; r < rows; r++)
        {
            if (r > 0)
            {
                sb.append(',').append(ws(random));
            }
            if (random.nextInt(30) == 0)
            {
                sb.append(random.nextBoolean() ? "42" : "[\"not\",{\"a\":\"row\"}]");
                continue;
            }
            row(random, dataset, sb);
            sb.append(ws(random));
        }
        sb.append(']');
        if (envelope)
        {
            sb.append(ws(random)).append(random.nextBoolean() ? ",\"total\":3}" : "}");
        }
        return sb.toString();
    }

    private static void row(final Random random, final String dataset, final StringBuilder sb)
    {
        final boolean clean = random.nextBoolean();
        sb.append('{').append(ws(random));
        boolean first = true;
        for (final String f : ALL)
        {
            if (!clean && random.nextInt(100) >= 85)
            {
                continue;
            }
            final int repeats = !clean && random.nextInt(25) == 0 ? 2 : 1;
            for (int k = 0; k < repeats; k++)
            {
                if (!first)
                {
                    sb.append(',').append(ws(random));
                }
                first = false;
                name(random, f, sb);
                sb.append(ws(random)).append(':').append(ws(random)).append(clean ? clean(random, f, dataset) :
                    value(random, f, dataset));
                if (random.nextInt(15) == 0)
                {
                    sb.append(",\"pairVolumes\":{\"x\":[1,{\"y\":\"}]\\\"\"}],\"z\":null}");
                }
            }
        }
        if (random.nextInt(10) == 0)
        {
            sb.append(first ? "" : ",").append("\"publishTime\":\"2025-06-10T08:00:00Z\",\"extra\":[true,false]");
        }
        sb.append(ws(random)).append('}');
    }

    private static void name(final Random random, final String f, final StringBuilder sb)
    {
        if (random.nextInt(40) == 0)
        {
            sb.append("\"\\u").append(String.format("%04x", (int)f.charAt(0))).append(f, 1, f.length()).append('"');
        }
        else
        {
            sb.append('"').append(f).append('"');
        }
    }

    private static String clean(final Random random, final String f, final String dataset)
    {
        if (contains(DATES, f))
        {
            return "\"2025-06-10\"";
        }
        if (contains(INSTANTS, f))
        {
            return f.equals("timeTo") ? "\"2025-06-10T09:00:00Z\"" : pick(random, "\"2025-06-10T08:30:00Z\"",
                "\"2025-06-10T08:30:00.000Z\"", "\"2025-06-10T08:00:00Z\"");
        }
        if (contains(WHOLE, f))
        {
            return f.equals("pairId") ? pick(random, "1", "-1", "2") : f.equals("forecastHorizon") ?
                pick(random, "1", "1", "8") : f.startsWith("settlementPeriod") ? "18" :
                Integer.toString(1 + random.nextInt(999));
        }
        if (contains(DECIMALS, f))
        {
            final double d = (random.nextInt(2000) - 1000) / (random.nextBoolean() ? 1.0 : 100.0);
            return f.startsWith("lo") ? Double.toString(random.nextDouble()) : f.equals("volume") ?
                Double.toString(Math.abs(d)) : pick(random, Double.toString(d), Long.toString((long)d),
                "\"" + d + "\"");
        }
        if (contains(FLAGS, f))
        {
            return pick(random, "true", "false");
        }
        if (f.equals("bmUnit"))
        {
            return "\"" + REGISTRY.bmUnitId(random.nextInt(REGISTRY.bmUnitCount())) + "\"";
        }
        if (f.equals("dataProvider"))
        {
            return pick(random, "\"APXMIDP\"", "\"N2EXMIDP\"");
        }
        return f.equals("dataset") ? "\"" + dataset + "\"" : "\"ORI\"";
    }

    private static String value(final Random random, final String f, final String dataset)
    {
        final int odd = random.nextInt(100);
        if (odd < 3)
        {
            return "null";
        }
        if (odd < 4)
        {
            return random.nextBoolean() ? "{\"nested\":[1,2]}" : "[]";
        }
        if (odd < 6)
        {
            return pick(random, "true", "false", "\"\"", "\"  \"", "\"x\"", "0", "-1", "1.5", "\"\\u00e9t\\u00e9\"",
                "\"\\ud83d\\ude00\"", "\"tab\\tnew\\nline\"", "\"\u00fcber\"");
        }
        if (contains(DATES, f))
        {
            return pick(random, "\"2025-06-10\"", "\"2025-06-10\"", "\"2025-06-11\"", "\"2024-02-29\"",
                "\"2025-02-29\"", "\"2025-13-01\"", "\"2025-6-10\"", "\"20250610\"", "\"2025-06-10T00:00:00Z\"",
                "\"+2025-06-10\"", "\"1899-01-01\"", "20250610", "\"2025-06-1\\u0030\"", "\"2025-04-31\"");
        }
        if (contains(INSTANTS, f))
        {
            return pick(random, "\"2025-06-10T08:30:00Z\"", "\"2025-06-10T09:00:00Z\"", "\"2025-06-10T08:59:59Z\"",
                "\"2025-06-10T08:30:00.5Z\"", "\"2025-06-10T08:30:00.123456789Z\"", "\"2025-06-10T08:30:00.Z\"",
                "\"2025-06-10T08:30:00.1234567890Z\"", "\"2025-06-10T09:30:00+01:00\"", "\"2025-06-10t08:30:00z\"",
                "\"2025-06-10T24:00:00Z\"", "\"2025-06-30T23:59:60Z\"", "\"2025-06-10T08:30Z\"",
                "\"2025-06-10 08:30:00Z\"", "\"2025-02-30T08:30:00Z\"", "\"yesterday\"", "1749544200",
                "\"2025-06-10T08:30:00\\u005a\"", "\"2025-06-10T08:30:00-00:30\"");
        }
        if (contains(WHOLE, f))
        {
            final String n = Integer.toString(random.nextInt(60) - (f.equals("pairId") ? 30 : 5));
            return pick(random, n, n, n, "\"" + n + "\"", "\"+" + n + "\"", n + ".0", "-0", "1e1",
                "99999999999999999999", "9223372036854775807", "-9223372036854775808", "\"9223372036854775808\"",
                "\" 7\"", "\"\"", "\"٣\"", "20");
        }
        if (contains(DECIMALS, f))
        {
            final double d = (random.nextInt(2000) - 1000) / (random.nextBoolean() ? 1.0 : 100.0);
            final double p = random.nextDouble();
            return pick(random, Double.toString(d), Long.toString((long)d), Double.toString(p), "\"" + d + "\"",
                Double.toString(random.nextDouble() * 1e6), "1.5e3", "1E-7", "-0.0", "0", "-0", "\"89.84\"",
                "\" 1\"", "\"1.\"", "\".5\"", "\"+.5e-3\"", "\"NaN\"", "\"Infinity\"", "1e400", "\"1e400\"",
                "1e-400", "\"0x10\"", "\"1e\"", "\"1d\"", "123456789012345678901234567890",
                "0.30000000000000004", "4.9e-324", "1.7976931348623157e308", "9007199254740993", "1e22", "1e23",
                "\"٣\"", "\"1_0\"", "12345678901234567.5e-10");
        }
        if (contains(FLAGS, f))
        {
            return pick(random, "true", "false", "true", "false", "\"true\"", "\"TRUE\"", "\"False\"", "\"maybe\"",
                "1", "\"fal\u017fe\"", "\"\"");
        }
        if (f.equals("bmUnit"))
        {
            final String id = REGISTRY.bmUnitId(random.nextInt(REGISTRY.bmUnitCount()));
            return pick(random, "\"" + id + "\"", "\"" + id + "\"", "\"" + id + "\"",
                "\"" + id.replace("_", "\\u005f").replace("-", "\\u002D") + "\"", "\"T_NEWUNIT-1\"",
                "\"" + id.toLowerCase() + "\"", "\"" + id + " \"", "\"\"", "\" \\t\"", "\"\\u2003\"", "\"\\u00a0\"",
                "12");
        }
        if (f.equals("dataProvider"))
        {
            return pick(random, "\"APXMIDP\"", "\"N2EXMIDP\"", "\"apxmidp\"", "\"OTHER\"", "\"Pr\u00f6vider\"",
                "\"N2EX\\u004dIDP\"", "\"\"");
        }
        if (f.equals("dataset"))
        {
            return pick(random, "\"" + dataset + "\"", "\"" + dataset.toLowerCase() + "\"", "\"OTHER\"");
        }
        return pick(random, "\"ORI\"", "\"\"", "\"a\\\"b\\\\c\\/d\"");
    }

    private static String ws(final Random random)
    {
        return random.nextInt(3) != 0 ? "" : pick(random, " ", "\n", "\r\n", "\t", "  \n  ", "\r", "\n\n");
    }

    private static String pick(final Random random, final String... choices)
    {
        return choices[random.nextInt(choices.length)];
    }

    private static boolean contains(final String[] names, final String name)
    {
        for (final String n : names)
        {
            if (n.equals(name))
            {
                return true;
            }
        }
        return false;
    }

    private static String[] concat(final String[]... parts)
    {
        final List<String> all = new ArrayList<>();
        for (final String[] part : parts)
        {
            all.addAll(List.of(part));
        }
        return all.toArray(new String[0]);
    }
}
