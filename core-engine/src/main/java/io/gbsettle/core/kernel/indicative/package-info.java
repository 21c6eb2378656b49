/**
 * Real-time indicative prices (issue #5, "Real time"): as IRIS-style balancing events arrive one by one, the
 * affected Settlement Periods' indicative system price, NIV and BM Unit cashflows are recomputed incrementally.
 *
 * <pre>
 *   PN / BOD / BOALF row ──► IndicativeBook: rows kept per BM Unit (business key replaces)
 *        │                      └─► that unit only: scratch one-unit BalancingBook (rows meeting the window that
 *        │                          can change) ─► AcceptanceVolumeKernel.period per candidate period
 *        │                          ─► unit's rows replaced in each period's action list where they changed
 *   DISBSAD / NETBSAD / MID / LoLP ─► the period's own inputs
 *                                    ─► dirtyPeriods() ─► recompute(j): PriceStack ─► ImbalancePriceKernel,
 *                                                         cashflows of the units that changed
 * </pre>
 *
 * <p>Pure: no I/O. Every choice ([I]) is a named option of
 * {@link io.gbsettle.core.kernel.indicative.IndicativeOptions}.
 */
package io.gbsettle.core.kernel.indicative;
