package io.gbsettle.tools.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import io.gbsettle.core.input.InvalidInputException;

/**
 * Writes {@code report.html}: one self-contained page (inline CSS and script, data embedded as JSON in a
 * {@code <script type="application/json" id="report-data">} element, no network reference) showing the system price
 * and NIV by period, the biggest party cashflows, the run-to-run movement and the exception list of settlement runs,
 * as written by {@code bsc settle} / the demo ({@code period.csv}, {@code party_day.csv}, {@code exceptions.csv},
 * {@code missing_inputs.csv}, {@code run_diff.csv}), plus the real-time indicative prices when given.
 *
 * <p>The page's script draws every chart as SVG, collects any error into {@code <pre id="errors">} and, when done,
 * sets {@code data-rendered="ok"} (or {@code "errors"}) and {@code data-charts} (charts drawn) on the {@code <html>}
 * element, so a headless browser can check it. Every text from the data reaches the page as a JSON string (with
 * {@code <}, {@code >} and {@code &} escaped) and the DOM as text nodes, never as markup.
 */
public final class ReportPage
{
    private static final String TEMPLATE = "report.html";

    private ReportPage()
    {
    }

    /**
     * Reads the runs' folders and writes the page (to a temporary file beside it, then renamed into place).
     *
     * @param htmlFile      the page to write; its folder is created if missing.
     * @param title         the page title.
     * @param runs          ordered (label, folder) pairs, e.g. ("SF", OUT/sf), ("R1", OUT/r1); the last run is the
     *                      one whose cashflows and exceptions are shown first, the movement is from the one before.
     * @param indicativeCsv {@code indicative.csv} (settlement_date, settlement_period, indicative_price_gbp_mwh,
     *                      indicative_niv_mwh, updates), or null; a path that does not exist is ignored.
     * @param facts         ordered label/value lines shown at the top, e.g. ("Settlement date", "2025-06-10").
     * @return {@code htmlFile}.
     * @throws InvalidInputException if a run's folder lacks {@code period.csv} or {@code party_day.csv}, or a file
     *                               lacks a column or holds a value that is not a number.
     * @throws UncheckedIOException  if a file cannot be read or the page cannot be written.
     */
    public static Path write(
        final Path htmlFile, final String title, final List<Map.Entry<String, Path>> runs, final Path indicativeCsv,
        final List<Map.Entry<String, String>> facts)
    {
        final ReportData data = ReportData.read(runs, indicativeCsv);
        final String html = render(title, data.toJson(title, facts));
        try
        {
            final Path dir = htmlFile.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            final Path temp = dir.resolve(htmlFile.getFileName() + ".tmp");
            Files.writeString(temp, html, StandardCharsets.UTF_8);
            Files.move(temp, htmlFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return htmlFile;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + htmlFile + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Fills the template's {@code @@TITLE@@} (HTML-escaped) and {@code @@DATA@@} (the JSON) slots in one pass, so
     * that nothing from the data is ever taken for a slot.
     */
    static String render(final String title, final String json)
    {
        final String template = template();
        final StringBuilder out = new StringBuilder(template.length() + json.length() + 256);
        int from = 0;
        while (true)
        {
            final int at = template.indexOf("@@", from);
            if (at < 0)
            {
                break;
            }
            final int end = template.indexOf("@@", at + 2);
            final String slot = template.substring(at + 2, end);
            out.append(template, from, at);
            switch (slot)
            {
                case "TITLE" -> escapeHtml(out, title);
                case "DATA" -> out.append(json);
                default -> throw new IllegalStateException("unknown slot @@" + slot + "@@ in " + TEMPLATE);
            }
            from = end + 2;
        }
        return out.append(template, from, template.length()).toString();
    }

    /**
     * Appends text as HTML character data or attribute value.
     *
     * @param out  where to append.
     * @param text the text.
     */
    static void escapeHtml(final StringBuilder out, final String text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            switch (c)
            {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }

    private static String template()
    {
        try (InputStream in = ReportPage.class.getResourceAsStream(TEMPLATE))
        {
            if (in == null)
            {
                throw new IllegalStateException("the report template " + TEMPLATE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
