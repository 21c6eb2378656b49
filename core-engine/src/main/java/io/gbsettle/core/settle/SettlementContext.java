package io.gbsettle.core.settle;

import java.util.Objects;

import io.gbsettle.core.kernel.price.PriceOptions;
import io.gbsettle.core.kernel.settle.SettlementOptions;
import io.gbsettle.core.kernel.volume.VolumeOptions;

/**
 * The one configuration object of a settlement: every named choice of the three kernels, where the spec is [M] or
 * [I], in one place (Aeron's {@code Context} shape: fluent, set before use, defaults throughout).
 *
 * <ul>
 *   <li>{@link VolumeOptions}: how accepted volumes are measured and split into bid-offer pairs (baseline, volume
 *       outside every band, CADL chains, BOD level reading);</li>
 *   <li>{@link SettlementOptions}: losses, credited energy, non-delivery, residual reallocation, the SO cashflow
 *       (alpha, IIP, TLM placement, MVRN formula, TRC composition, ...);</li>
 *   <li>{@link PriceOptions}: the imbalance price (DMAT granularity, tie rules, null prices, BPA/SPA on the market
 *       price default, ...).</li>
 * </ul>
 *
 * <p>Each choice's default and its reason are in the Javadoc of the option object that holds it. A driver copies
 * what it needs when it is built, so changing a context afterwards does not change a running settlement.
 */
public final class SettlementContext
{
    private VolumeOptions volumeOptions = VolumeOptions.DEFAULTS;
    private SettlementOptions settlementOptions = SettlementOptions.defaults();
    private PriceOptions priceOptions = PriceOptions.defaults();

    /**
     * @return a context holding every kernel's defaults.
     */
    public static SettlementContext defaults()
    {
        return new SettlementContext();
    }

    /**
     * @return the acceptance volume choices.
     */
    public VolumeOptions volumeOptions()
    {
        return volumeOptions;
    }

    /**
     * @param options the acceptance volume choices.
     * @return this.
     */
    public SettlementContext volumeOptions(final VolumeOptions options)
    {
        this.volumeOptions = Objects.requireNonNull(options, "volumeOptions");
        return this;
    }

    /**
     * @return the settlement choices.
     */
    public SettlementOptions settlementOptions()
    {
        return settlementOptions;
    }

    /**
     * @param options the settlement choices.
     * @return this.
     */
    public SettlementContext settlementOptions(final SettlementOptions options)
    {
        this.settlementOptions = Objects.requireNonNull(options, "settlementOptions");
        return this;
    }

    /**
     * @return the price choices.
     */
    public PriceOptions priceOptions()
    {
        return priceOptions;
    }

    /**
     * @param options the price choices.
     * @return this.
     */
    public SettlementContext priceOptions(final PriceOptions options)
    {
        this.priceOptions = Objects.requireNonNull(options, "priceOptions");
        return this;
    }
}
