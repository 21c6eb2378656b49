/**
 * Physical side of BM Unit settlement (BSC Section T 3.4 to 3.8): the period Final Physical Notification FPN_ij
 * and the accepted bid-offer volumes QAO_knij / QAB_knij of every Bid-Offer Acceptance, split into the
 * bid-offer pair bands built from Bid-Offer Data, plus each acceptance's continuous acceptance duration for the
 * CADL flag (§5.4).
 *
 * <pre>
 *   PN rows ──┐                                 ┌──► FPN_ij of every BM Unit
 *   BOD rows ─┼─► BalancingBook ─► seal() ─► AcceptanceVolumeKernel.period(j) ─┤
 *   BOALF ────┘   (one day, any     sorted,      exact piecewise-linear        └──► (i, k, n) rows: QAO, QAB,
 *                  arrival order)   resolved,    integration, no sampling           prices, flags, CADL duration
 *                                   indexed
 * </pre>
 *
 * <p>Pure: no I/O. Every [M]/[I] choice of the specification is a named option of {@link
 * io.gbsettle.core.kernel.volume.VolumeOptions}.
 */
package io.gbsettle.core.kernel.volume;
