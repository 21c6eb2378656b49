/**
 * The self-contained HTML report of settlement runs ({@code report.html}): {@link io.gbsettle.tools.report.ReportPage}
 * reads the runs' output folders and writes one file with inline CSS, inline script and the data embedded as JSON,
 * charts drawn as SVG in the browser, and no network reference at all, so it opens from {@code file://} anywhere.
 */
package io.gbsettle.tools.report;
