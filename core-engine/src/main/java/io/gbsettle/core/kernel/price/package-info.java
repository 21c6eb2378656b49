/**
 * The single imbalance (cash-out) price of a Settlement Period, SBP = SSP, from the period's balancing actions, as
 * BSC Section T 4.4, Annex T-1 and the Imbalance Pricing Guidance describe it (bsc-calculations.md §5): STOR
 * re-pricing, first-stage flags, ranked sets, de minimis, arbitrage, classification, NIV tagging, replacement price,
 * PAR tagging, TLM-weighted average, BPA/SPA and the Market Price default.
 *
 * <p>{@link io.gbsettle.core.kernel.price.PriceStack} holds the inputs in primitive arrays,
 * {@link io.gbsettle.core.kernel.price.ImbalancePriceKernel#price} computes, and
 * {@link io.gbsettle.core.kernel.price.PriceResult} holds the price and everything Elexon publishes beside it. All
 * three are sized once and allocate nothing per period. The rules in force on a settlement date come from
 * {@link io.gbsettle.core.kernel.price.PriceParameters}; every unsettled interpretation is a named choice in
 * {@link io.gbsettle.core.kernel.price.PriceOptions}. Pure: no I/O.
 */
package io.gbsettle.core.kernel.price;
