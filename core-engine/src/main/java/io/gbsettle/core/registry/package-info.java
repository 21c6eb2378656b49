/**
 * The market registry: who is in the market and how their BM Units are registered, as dense {@code int} indices.
 *
 * <pre>
 *   RegistryBuilder ──(validate: every problem at once)──► MarketRegistry ──fillDay(epochDay)──► BmUnitDay
 *        ▲                                                   (immutable;      (struct-of-arrays, one slot per
 *        │  tests, SyntheticRegistry, files.RegistryCsv       String lookups   BM Unit, refilled without
 *                                                             at load only)    allocating)
 * </pre>
 *
 * <ul>
 *   <li>{@link io.gbsettle.core.registry.MarketRegistry}: parties, trading units, BM Units and their
 *       effective-dated versions (inclusive dates), effective-dated seasonal TLFs by zone, and the TLF rule (0
 *       before P350, then a unit's own TLF or its zone's).</li>
 *   <li>{@link io.gbsettle.core.registry.RegistryText} and {@link io.gbsettle.core.registry.RegistryTable}: how
 *       registry values are written and which file a problem belongs to, shared with the CSV loader.</li>
 *   <li>{@link io.gbsettle.core.registry.EnergyAccount}: two accounts per party, {@code 2p} Production and
 *       {@code 2p + 1} Consumption.</li>
 *   <li>{@link io.gbsettle.core.registry.GspGroup} and {@link io.gbsettle.core.registry.Season}: the 14 GSP Groups
 *       (= TLF zones) and the four BSC Seasons as fixed indices.</li>
 *   <li>{@link io.gbsettle.core.registry.SyntheticRegistry}: a deterministic national-scale registry for tests,
 *       demos and benchmarks.</li>
 * </ul>
 *
 * <p>Pure: no {@code java.io}, {@code java.nio.file} or {@code java.net}; loading from files lives in
 * {@code io.gbsettle.core.files}.
 */
package io.gbsettle.core.registry;
