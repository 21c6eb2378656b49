package io.gbsettle.tools.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.gbsettle.core.engine.RunCsv;
import io.gbsettle.core.files.CsvReader;
import io.gbsettle.core.files.CsvWriter;
import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.settle.SettlementReportCsv;
import io.gbsettle.tools.Bsc;
import io.gbsettle.tools.ExitCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code report.html} from real runs: a small day bundle (with planted bad rows) settled as SF through the journaled
 * engine, the same day with revised metered volumes settled as R1 (so {@code run_diff.csv} has rows), an
 * {@code indicative.csv}; and a hand-written one-run folder with a party named {@code <script>...} and no exception.
 * Pure-Java checks of the file, then headless Chromium (once per page for the class) renders both and the DOM is
 * checked: no script error, every chart present with one element per data point.
 */
final class ReportPageTest
{
    private static final String HOSTILE = "<script>alert(1)</script>";
    private static final Pattern SVG = Pattern.compile("<svg[^>]*data-chart=\"([a-z-]+)\"[^>]*>(.*?)</svg>",
        Pattern.DOTALL);

    @TempDir
    static Path tmp;

    private static Path out;
    private static Path page;
    private static Path onePage;
    private static String html;
    private static String oneHtml;

    @BeforeAll
    static void runTheDayTwiceAndWriteTheReports() throws IOException
    {
        final Path bundle = tmp.resolve("bundle");
        final Path journal = tmp.resolve("journal");
        out = tmp.resolve("out");
        bsc(ExitCode.OK, "generate", "bundle", "--size", "SMALL", "--with-errors", "--out", bundle.toString());
        bsc(ExitCode.DATA_PROBLEMS, "settle", "--bundle", bundle.toString(), "--journal", journal.toString(), "--out",
            out.resolve("sf").toString());
        final Path revised = tmp.resolve("bundle-r1");
        bsc(ExitCode.OK, "generate", "bundle", "--size", "SMALL", "--with-errors", "--run", "R1", "--out",
            revised.toString());
        reviseMeteredVolumes(revised.resolve("metered_volumes.csv"));
        bsc(ExitCode.DATA_PROBLEMS, "settle", "--bundle", revised.toString(), "--journal", journal.toString(),
            "--out", out.resolve("r1").toString());
        writeIndicative(out.resolve("sf").resolve(SettlementReportCsv.PERIOD_FILE), out.resolve("indicative.csv"));

        page = ReportPage.write(out.resolve("report.html"), "Demo day </title><b>bold</b>",
            List.of(entry("SF", out.resolve("sf")), entry("R1", out.resolve("r1"))), out.resolve("indicative.csv"),
            List.of(entry("Settlement date", "2025-06-10"), entry("Events journaled", "1,234")));
        html = Files.readString(page, StandardCharsets.UTF_8);

        final Path one = tmp.resolve("one");
        writeOneRun(one);
        onePage = ReportPage.write(tmp.resolve("one.html"), "One run", List.of(entry("II", one)),
            tmp.resolve("no-such-indicative.csv"), List.of(entry(HOSTILE, HOSTILE)));
        oneHtml = Files.readString(onePage, StandardCharsets.UTF_8);
        final String keep = System.getProperty("report.keep");
        if (keep != null)
        {
            // A debugging aid: -Dreport.keep=DIR copies the pages to look at them.
            Files.createDirectories(Path.of(keep));
            Files.copy(page, Path.of(keep).resolve("report.html"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(onePage, Path.of(keep).resolve("one.html"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void thePageHasNoNetworkReference()
    {
        for (final String text : List.of(html, oneHtml))
        {
            assertFalse(Pattern.compile("(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//", Pattern.CASE_INSENSITIVE)
                .matcher(text).find(), "a network src/href");
            assertFalse(text.contains("http://") || text.contains("https://"), "no URL at all");
            assertFalse(text.contains("@import") || text.contains("url("), "no CSS import or url()");
            assertFalse(text.contains("@@"), "every template slot filled");
        }
    }

    @Test
    void theEmbeddedDataParsesAndHoldsTheRuns() throws IOException
    {
        @SuppressWarnings("unchecked")
        final Map<String, Object> data = (Map<String, Object>)parse(embeddedJson(html));
        final List<?> runs = (List<?>)data.get("runs");
        assertEquals(2, runs.size());
        final Map<?, ?> sf = (Map<?, ?>)runs.get(0);
        assertEquals("SF", sf.get("label"));
        assertEquals("2025-06-10", sf.get("date"));
        assertEquals(48, ((List<?>)sf.get("periods")).size());
        assertEquals(rows(out.resolve("sf").resolve(SettlementReportCsv.EXCEPTIONS_FILE)),
            ((Number)sf.get("exceptionCount")).longValue());
        assertTrue(((Number)sf.get("exceptionCount")).longValue() > 0, "the planted bad rows are listed");
        assertEquals(48, ((List<?>)data.get("indicative")).size());
        final Map<?, ?> movement = (Map<?, ?>)data.get("movement");
        assertEquals("run_diff.csv", movement.get("source"));
        assertEquals(rows(out.resolve("r1").resolve(RunCsv.DIFF_FILE)), ((Number)movement.get("diffRows")).longValue());
        assertTrue(((List<?>)movement.get("topParties")).size() > 0, "the revised volumes moved someone's cashflow");
        assertEquals(List.of("Settlement date", "2025-06-10"), ((List<?>)data.get("facts")).get(0));

        @SuppressWarnings("unchecked")
        final Map<String, Object> one = (Map<String, Object>)parse(embeddedJson(oneHtml));
        assertEquals(null, one.get("movement"));
        assertEquals(null, one.get("indicative"));
        final Map<?, ?> party = (Map<?, ?>)((List<?>)((Map<?, ?>)((List<?>)one.get("runs")).get(0))
            .get("topParties")).get(0);
        assertEquals(HOSTILE, party.get("id"), "the biggest party, named as in party_day.csv");
    }

    @Test
    void textFromTheDataIsNeverMarkup()
    {
        assertFalse(oneHtml.contains(HOSTILE), "the hostile name is escaped");
        assertEquals(2, count(oneHtml, "<script"), "only the page's own two script elements");
        assertEquals(2, count(html, "<script"));
        assertTrue(html.contains("<title>Demo day &lt;/title&gt;&lt;b&gt;bold&lt;/b&gt;</title>"), "title escaped");
        assertTrue(oneHtml.contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"), "JSON escapes <, >");
    }

    @Test
    void chromiumRendersEveryChartWithOnePointPerDatum() throws IOException
    {
        // One Chromium run for this page: opened with a filter on the exception list, as a link can do.
        final String dom = HeadlessChromium.require().dumpDom(page, "#filter=ecvn.csv");
        assertTrue(dom.contains("data-rendered=\"ok\""), () -> "errors: " + errors(dom));
        assertEquals("", errors(dom));
        assertTrue(dom.contains("data-charts=\"6\""), dom.substring(0, Math.min(400, dom.length())));
        final Map<String, String> charts = charts(dom);
        assertEquals(List.of("price", "niv", "parties", "movement", "movement-periods"),
            new ArrayList<>(charts.keySet()));

        assertEquals(1, count(charts.get("price"), "data-series=\"SF\""));
        assertEquals(48, count(seriesOf(charts.get("price"), "SF"), "<circle"), "48 SF price points");
        assertEquals(48, count(seriesOf(charts.get("price"), "R1"), "<circle"));
        assertEquals(48, count(seriesOf(charts.get("price"), "indicative (IRIS)"), "<circle"));
        assertEquals(48, count(charts.get("niv"), "class=\"bar\""), "48 NIV bars");
        @SuppressWarnings("unchecked")
        final Map<String, Object> data = (Map<String, Object>)parse(embeddedJson(html));
        final int parties = Math.min(ReportData.TOP_PARTIES,
            ((Number)((Map<?, ?>)((List<?>)data.get("runs")).get(1)).get("partyCount")).intValue());
        assertTrue(parties >= 5, "a few parties at least: " + parties);
        assertEquals(parties, count(charts.get("parties"), "class=\"party\""), "the top parties");
        assertTrue(count(charts.get("parties"), "class=\"seg\"") >= parties, "split into components");
        assertEquals(parties, count(charts.get("parties"), "class=\"net\""));
        final Map<?, ?> movement = (Map<?, ?>)data.get("movement");
        assertEquals(((List<?>)movement.get("topParties")).size(), count(charts.get("movement"), "class=\"bar\""));
        assertEquals(((List<?>)movement.get("periods")).size(), count(charts.get("movement-periods"),
            "class=\"period\""));
        assertTrue(charts.get("price").contains("GBP/MWh") && charts.get("niv").contains("MWh") &&
            charts.get("parties").contains("GBP"), "axis units");
        assertTrue(charts.get("price").contains("<title>SF, period 1: "), "tooltips");

        final long exceptions = rows(out.resolve("r1").resolve(SettlementReportCsv.EXCEPTIONS_FILE));
        final String table = between(dom, "data-chart=\"exceptions\"", "</table>");
        final int rows = count(table, "class=\"row\"");
        assertEquals(Math.min(ReportData.EXCEPTION_ROWS, exceptions), rows);
        final int hidden = count(table, "class=\"row\" style=\"display: none;\"");
        assertTrue(hidden > 0 && hidden < rows, "the filter hides the rows without ecvn.csv: " + hidden);
        assertTrue(dom.contains((rows - hidden) + " of " + rows + " rows shown"));
        assertTrue(dom.contains(String.format(Locale.ROOT, "%,d exceptions in all", exceptions)), "the total is said");
        assertTrue(dom.contains("Events journaled</td><td>1,234</td>"), "facts at the top");
    }

    @Test
    void chromiumRendersOneRunWithoutExceptionsAndShowsHostileTextAsText()
    {
        final String dom = HeadlessChromium.require().dumpDom(onePage);
        assertTrue(dom.contains("data-rendered=\"ok\""), () -> "errors: " + errors(dom));
        assertTrue(dom.contains("data-charts=\"4\""), "price, niv, parties, exceptions");
        assertTrue(dom.contains("Only one run"), "the movement chart says why it is not there");
        assertEquals(3, count(charts(dom).get("price"), "<circle"), "three periods, no indicative");
        assertTrue(dom.contains("listed no exception"), "an empty exception list is said");
        assertEquals(0, count(between(dom, "data-chart=\"exceptions\"", "</table>"), "class=\"row\""));
        assertTrue(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the name shown as text");
        assertEquals(2, count(dom, "<script"), "no element made from the data");
    }

    @Test
    void aScriptErrorIsShownAndFlagged() throws IOException
    {
        final Path broken = tmp.resolve("broken.html");
        Files.writeString(broken, ReportPage.render("broken", "{\"facts\":[],\"runs\":[]}"), StandardCharsets.UTF_8);
        final String dom = HeadlessChromium.require().dumpDom(broken);
        assertTrue(dom.contains("data-rendered=\"errors\""), dom);
        assertTrue(errors(dom).contains("Errors while drawing the report:") && errors(dom).contains("niv: "),
            errors(dom));
    }

    @Test
    void slotsAreFilledOnceSoDataIsNeverTakenForASlot()
    {
        final String page = ReportPage.render("@@DATA@@ & @@TITLE@@", "{\"x\":\"@@TITLE@@\"}");
        assertTrue(page.contains("<title>@@DATA@@ &amp; @@TITLE@@</title>"), page);
        assertTrue(page.contains(">{\"x\":\"@@TITLE@@\"}</script>"));
    }

    @Test
    void screenshotIsAPng() throws IOException
    {
        final Path png = tmp.resolve("report.png");
        ReportScreenshot.take(page, png, 1280, 1600);
        final byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 20_000, "a picture with something on it: " + bytes.length + " bytes");
        assertEquals((byte)0x89, bytes[0]);
        assertEquals("PNG", new String(bytes, 1, 3, StandardCharsets.US_ASCII));
    }

    private static void bsc(final int expected, final String... args)
    {
        final StringWriter err = new StringWriter();
        final int code = Bsc.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
        assertEquals(expected, code, () -> String.join(" ", args) + ": " + err);
    }

    private static <K, V> Map.Entry<K, V> entry(final K key, final V value)
    {
        return new AbstractMap.SimpleImmutableEntry<>(key, value);
    }

    /** Every third metered volume up by 10%: the R1 run settles different volumes. */
    private static void reviseMeteredVolumes(final Path file) throws IOException
    {
        final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        final List<String> header = List.of(lines.get(0).split(","));
        final int qm = header.indexOf("qm_mwh");
        assertTrue(qm >= 0, lines.get(0));
        for (int i = 1; i < lines.size(); i += 3)
        {
            final String[] fields = lines.get(i).split(",", -1);
            try
            {
                fields[qm] = CsvWriter.number(Double.parseDouble(fields[qm]) * 1.1);
            }
            catch (final NumberFormatException | ArrayIndexOutOfBoundsException ex)
            {
                continue; // a planted bad row stays bad
            }
            lines.set(i, String.join(",", fields));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** An indicative price per period: the SF price a little off, as a real-time figure would be. */
    private static void writeIndicative(final Path periodCsv, final Path file)
    {
        final List<InputProblem> problems = new ArrayList<>();
        try (CsvReader csv = CsvReader.open(periodCsv);
            CsvWriter w = CsvWriter.create(file, ReportData.INDICATIVE_HEADER))
        {
            final int[] c = csv.requireColumns(problems, "settlement_date", "settlement_period",
                "system_price_gbp_per_mwh", "niv_mwh");
            while (csv.next())
            {
                final double price = csv.decimal(c[2], 0, 0, problems);
                w.field(csv.field(c[0])).field(csv.field(c[1])).field(price * 0.97 + 1.5)
                    .field(csv.decimal(c[3], 0, 0, problems)).field("3").endRecord();
            }
        }
        assertEquals(List.of(), problems);
    }

    private static void writeOneRun(final Path dir) throws IOException
    {
        Files.createDirectories(dir);
        try (CsvWriter w = CsvWriter.create(dir.resolve(SettlementReportCsv.PERIOD_FILE),
            SettlementReportCsv.PERIOD_HEADER))
        {
            for (int p = 1; p <= 3; p++)
            {
                w.field("2025-06-10").field(Integer.toString(p)).field(50.0 + p).field(p == 2 ? -120.5 : 80.25)
                    .field(0).field(0).field(0).field(0).field(0).field(0).field(0).endRecord();
            }
        }
        try (CsvWriter w = CsvWriter.create(dir.resolve(SettlementReportCsv.PARTY_DAY_FILE),
            SettlementReportCsv.PARTY_DAY_HEADER))
        {
            w.field("2025-06-10").field(HOSTILE).field(1000).field(-20).field(-5000).field(0).field(30)
                .field(6050).endRecord();
            w.field("2025-06-10").field("P&G \"quoted\"").field(10).field(0).field(20).field(0).field(0)
                .field(30).endRecord();
        }
        SettlementReportCsv.writeExceptions(dir, List.of());
    }

    private static long rows(final Path csv)
    {
        long rows = 0;
        try (CsvReader reader = CsvReader.open(csv))
        {
            while (reader.next())
            {
                rows++;
            }
        }
        return rows;
    }

    private static String embeddedJson(final String page)
    {
        return between(page, "<script type=\"application/json\" id=\"report-data\">", "</script>");
    }

    private static String between(final String text, final String start, final String end)
    {
        final int from = text.indexOf(start);
        assertTrue(from >= 0, "missing " + start);
        final int to = text.indexOf(end, from + start.length());
        assertTrue(to >= 0, "missing " + end + " after " + start);
        return text.substring(from + start.length(), to);
    }

    private static Map<String, String> charts(final String dom)
    {
        final Map<String, String> charts = new LinkedHashMap<>();
        final Matcher m = SVG.matcher(dom);
        while (m.find())
        {
            charts.put(m.group(1), m.group(2));
        }
        return charts;
    }

    private static String seriesOf(final String svg, final String name)
    {
        return between(svg, "data-series=\"" + name + "\">", "</g>");
    }

    private static String errors(final String dom)
    {
        return between(dom, "<pre id=\"errors\">", "</pre>");
    }

    private static int count(final String text, final String what)
    {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length()))
        {
            n++;
        }
        return n;
    }

    /** JSON text to maps, lists, strings, numbers, booleans and null; fails on anything that is not JSON. */
    private static Object parse(final String json) throws IOException
    {
        try (JsonParser parser = new JsonFactory().createParser(json))
        {
            final Object value = value(parser, parser.nextToken());
            assertEquals(null, parser.nextToken(), "nothing after the document");
            return value;
        }
    }

    private static Object value(final JsonParser parser, final JsonToken token) throws IOException
    {
        switch (token)
        {
            case START_OBJECT:
            {
                final Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken())
                {
                    final String name = parser.currentName();
                    map.put(name, value(parser, parser.nextToken()));
                }
                return map;
            }
            case START_ARRAY:
            {
                final List<Object> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken())
                {
                    list.add(value(parser, t));
                }
                return list;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
            case VALUE_FALSE:
                return parser.getBooleanValue();
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalStateException("unexpected " + token);
        }
    }
}
