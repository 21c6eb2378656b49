/**
 * Settlement kernels of a Settlement Period (BSC Section T volumes and Trading Charges): from metered volumes,
 * FPN, accepted offer and bid volumes, ECVN and MVRN lines to TLM, credited energy, account imbalance, CBM, CAEI,
 * CII, CND, RCRC, the System Operator cashflow and daily party totals.
 *
 * <ul>
 *   <li>{@link io.gbsettle.core.kernel.settle.SettlementOptions}: parameters and every [M]/[I] rule as a named
 *       choice.</li>
 *   <li>{@link io.gbsettle.core.kernel.settle.PeriodBook}: the period's inputs and outputs as primitive arrays.</li>
 *   <li>{@link io.gbsettle.core.kernel.settle.SettlementKernels}: {@code volumes} (before the price) and
 *       {@code cashflows} (after it).</li>
 *   <li>{@link io.gbsettle.core.kernel.settle.PartyDayTotals}: daily party sums.</li>
 *   <li>{@link io.gbsettle.core.kernel.settle.SyntheticPeriod}: a national-size period for tests and benchmarks.</li>
 * </ul>
 *
 * <p>Pure: no I/O; allocation-free after construction.
 */
package io.gbsettle.core.kernel.settle;
