/**
 * The day driver: feeds a loaded day bundle to the kernels period by period and hands every result row to a
 * {@link io.gbsettle.core.settle.SettlementReport}. No I/O here: the CSV reports are written by a sink in
 * {@code io.gbsettle.core.files}.
 */
package io.gbsettle.core.settle;
