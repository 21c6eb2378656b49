/**
 * What the core says about bad input: {@link io.gbsettle.core.input.InputProblem} (where, what value, why) and
 * {@link io.gbsettle.core.input.InvalidInputException}, which carries every problem of a load at once. Pure: no
 * I/O, so that the registry's and the calendar's builders can report in the same terms as the file loaders.
 */
package io.gbsettle.core.input;
