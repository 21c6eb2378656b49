/**
 * The calculation core of gbsettle: everything the engine computes with and nothing it talks to.
 *
 * <pre>
 *   io.gbsettle.core.time      settlement days, periods, working days, settlement runs   (pure, no I/O)
 *   io.gbsettle.core.registry  parties, energy accounts, BM Units, trading units, GSP groups (pure, no I/O)
 *   io.gbsettle.core.input     InputProblem / InvalidInputException: bad input, located     (pure, no I/O)
 *   io.gbsettle.core.files     readers of the CSV files those are loaded from             (the only I/O here)
 * </pre>
 *
 * <p>Pure packages take and return primitives and indices; identifiers are interned to dense {@code int}
 * indices once, at load time, so that the hot path never sees a {@code String}. An ArchUnit test keeps this
 * module free of adapters and of the {@code tools} command line, and its pure packages free of
 * {@code java.io}, {@code java.nio.file} and {@code java.net}.
 */
package io.gbsettle.core;
