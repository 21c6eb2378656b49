/**
 * Readers of the files the core's data comes from: a streaming RFC 4180 CSV reader, the market registry's CSV
 * loader and the settlement calendar's override files. Every problem is reported as an
 * {@link io.gbsettle.core.input.InputProblem} (file, line, column, value, reason), and a load either succeeds whole
 * or throws an {@link io.gbsettle.core.input.InvalidInputException} having built nothing.
 */
package io.gbsettle.core.files;
