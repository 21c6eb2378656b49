package io.gbsettle.tools.report;

import java.nio.file.Path;

/**
 * Takes the README's picture of a {@code report.html} with headless Chromium (installed when missing, see
 * {@link HeadlessChromium}).
 *
 * <pre>
 *   from a test:  ReportScreenshot.take(Path.of("out/demo/report.html"), Path.of("docs/report.png"), 1280, 2200);
 *   from a shell: chromium --headless ... --screenshot=docs/report.png (the README, "Report page")
 * </pre>
 */
public final class ReportScreenshot
{
    /** Default window width: the page is laid out for 1280 px. */
    public static final int WIDTH = 1280;
    /** Default window height: the header, the price, NIV and cashflow charts and the top of the movement. */
    public static final int HEIGHT = 2200;

    private ReportScreenshot()
    {
    }

    /**
     * Renders the page into a PNG.
     *
     * @param html   the page.
     * @param png    the PNG to write (replaced).
     * @param width  window width in CSS pixels.
     * @param height window height in CSS pixels; the page below it is cut off.
     * @return {@code png}.
     */
    public static Path take(final Path html, final Path png, final int width, final int height)
    {
        HeadlessChromium.require().screenshot(html, png, width, height);
        return png;
    }

    /**
     * @param args the page, the PNG, and optionally width and height.
     */
    public static void main(final String[] args)
    {
        if (args.length < 2)
        {
            System.err.println("usage: ReportScreenshot REPORT.html OUT.png [WIDTH [HEIGHT]]");
            System.exit(2);
        }
        final Path png = take(Path.of(args[0]), Path.of(args[1]),
            args.length > 2 ? Integer.parseInt(args[2]) : WIDTH, args.length > 3 ? Integer.parseInt(args[3]) : HEIGHT);
        System.out.println("wrote " + png.toAbsolutePath());
    }
}
