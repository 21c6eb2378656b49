/**
 * Supplier volume aggregation under Market-wide Half-Hourly Settlement: meter-point half-hourly consumption to
 * supplier x GSP Group x period volumes, line-loss uplift, GSP Group Correction and the supplier base BM Unit
 * metered volumes the settlement consumes.
 *
 * <pre>
 *   MeterColumns (per MPAN slot: aggregation key, present/estimated bits, Wh per period; off-heap, any source)
 *        │  AggregationKernel.accumulate(range)        exact long Wh sums per key x period, reads, estimates,
 *        │  ParallelAggregator (threads once per run)  rejections by ReadRejection reason; merged by addition
 *        ▼
 *   AggregateAccumulator ──► GroupCorrection.correct(keys, LossFactors, GroupTakes, options)
 *                            ──► AggregationResult
 *                            uplift = Wh x LLF millionths (exact), GGCF = (take - non-correctable) / correctable
 * </pre>
 *
 * <p>Pure: no I/O. Every [M]/[I] choice is a named option of {@link
 * io.gbsettle.core.kernel.aggregate.AggregationOptions}.
 */
package io.gbsettle.core.kernel.aggregate;
