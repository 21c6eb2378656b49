package io.gbsettle.tools.report;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Takes a screenshot of an existing {@code report.html} on request; skipped unless {@code -Dreport.html} is given:
 *
 * <pre>
 *   mvn -B -q -ntp -pl tools -am test -Dtest=ReportScreenshotTest -Dsurefire.failIfNoSpecifiedTests=false \
 *       -Dreport.html=$PWD/out/demo/report.html -Dreport.png=$PWD/docs/report.png [-Dreport.height=2200]
 * </pre>
 */
final class ReportScreenshotTest
{
    @Test
    void screenshotOfTheGivenReport()
    {
        final String html = System.getProperty("report.html");
        Assumptions.assumeTrue(html != null && !html.isBlank(),
            "no -Dreport.html=FILE given: nothing to take a picture of");
        final Path png = Path.of(System.getProperty("report.png", "report.png"));
        ReportScreenshot.take(Path.of(html), png, Integer.getInteger("report.width", ReportScreenshot.WIDTH),
            Integer.getInteger("report.height", ReportScreenshot.HEIGHT));
        assertTrue(Files.isRegularFile(png));
    }
}
