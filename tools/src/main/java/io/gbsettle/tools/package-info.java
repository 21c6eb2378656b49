/**
 * The {@code bsc} command line (picocli) a person uses: the demo, the settlement calendar, the market registry and
 * the generators, and, as the engine grows, settle, price, replay, diff and the adapters. Every command has
 * {@code --help} with an example, writes CSV or JSON a spreadsheet or a script can read, and exits with one of
 * the {@link io.gbsettle.tools.ExitCode}s. Run it through the {@code ./bsc} launcher at the repository root, which
 * builds this module's single runnable jar ({@code tools/target/bsc.jar}) and passes the JVM flags.
 */
package io.gbsettle.tools;
