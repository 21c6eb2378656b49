package io.gbsettle.core.kernel.indicative;

import java.util.Objects;

import io.gbsettle.core.kernel.price.PriceOptions;
import io.gbsettle.core.kernel.volume.VolumeOptions;

/**
 * The one configuration object of the indicative price kernel: the estimated transmission loss adjustments
 * ETLMO+ / ETLMO- that stand in for TLMO+ / TLMO- while metered volumes are unknown (bsc-calculations.md §3.3, last
 * bullet: "Indicative (BMRA, near real time) prices use annually-approved estimated adjustments ETLMO+/ETLMO- in
 * place of TLMO" [V]), the rule that picks + or - for a BM Unit, and the volume and price kernels' own options.
 * Immutable; {@link #DEFAULTS} unless told otherwise.
 *
 * <p>Indicative TLM: {@code TLM_ij = 1 + TLF_ij + ETLMO+} for a BM Unit counted as delivering, {@code 1 + TLF_ij +
 * ETLMO-} for one counted as offtaking, 1 for an interconnector BM Unit and for a BM Unit not registered on the day
 * (as the settlement kernels do). The same TLM weights the BOA in the price stack and the BM cashflow
 * {@code CBM_ij = Σ (QAO · PO + QAB · PB) · TLM_ij} (§4.1; pair-0 volume, which no BOD prices, is priced at 0 and
 * stays out of the stack, as {@code DaySettlement} does).
 */
public final class IndicativeOptions
{
    /**
     * Default ETLMO+ [I]: -0.009, the delivering adjustment of the spec's worked loss example (§7: alpha 0.45, about
     * 2 % losses gives TLMO+ = -0.45 · 10 / 500). Set the value Elexon approves for the BSC year; none is in the spec.
     */
    public static final double DEFAULT_ETLMO_PLUS = -0.009;
    /**
     * Default ETLMO- [I]: +0.011, the offtaking mirror of {@link #DEFAULT_ETLMO_PLUS} ((1 - alpha) of the same ~2 %
     * losses). Set the approved value for the BSC year.
     */
    public static final double DEFAULT_ETLMO_MINUS = 0.011;

    /**
     * Which of ETLMO+ and ETLMO- a BM Unit's indicative TLM takes. Settlement decides by the metered volume of the
     * BM Unit's Trading Unit (delivering when it sums above zero, §3.2), which is not known in real time.
     */
    public enum TlmSide
    {
        /**
         * Default [I]: ETLMO+ for a Production BM Unit, ETLMO- for a Consumption one (the registry's P/C flag, which
         * is set from the unit's expected net flow). Reason: stable over the day, needs no data that arrives after
         * the period, and a production unit is in a delivering Trading Unit in the overwhelming majority of
         * periods.
         */
        PRODUCTION_FLAG,
        /**
         * [I] ETLMO+ when the BM Unit's own period FPN is above zero, ETLMO- otherwise: the notified flow as a proxy
         * for the metered one. Reason to offer it: follows storage and interconnector-like units that change
         * direction within the day.
         */
        FPN_SIGN
    }

    /** ETLMO+ -0.009, ETLMO- +0.011, {@link TlmSide#PRODUCTION_FLAG}, the volume and price kernels' defaults. */
    public static final IndicativeOptions DEFAULTS = new IndicativeOptions(
        DEFAULT_ETLMO_PLUS, DEFAULT_ETLMO_MINUS, TlmSide.PRODUCTION_FLAG, VolumeOptions.DEFAULTS,
        PriceOptions.defaults());

    private final double etlmoPlus;
    private final double etlmoMinus;
    private final TlmSide tlmSide;
    private final VolumeOptions volumeOptions;
    private final PriceOptions priceOptions;

    private IndicativeOptions(
        final double etlmoPlus,
        final double etlmoMinus,
        final TlmSide tlmSide,
        final VolumeOptions volumeOptions,
        final PriceOptions priceOptions)
    {
        if (!Double.isFinite(etlmoPlus) || !Double.isFinite(etlmoMinus))
        {
            throw new IllegalArgumentException("ETLMO values must be finite");
        }
        this.etlmoPlus = etlmoPlus;
        this.etlmoMinus = etlmoMinus;
        this.tlmSide = Objects.requireNonNull(tlmSide, "tlmSide");
        this.volumeOptions = Objects.requireNonNull(volumeOptions, "volumeOptions");
        this.priceOptions = Objects.requireNonNull(priceOptions, "priceOptions");
    }

    /**
     * @return ETLMO+, the estimated delivering adjustment; default {@link #DEFAULT_ETLMO_PLUS}.
     */
    public double etlmoPlus()
    {
        return etlmoPlus;
    }

    /**
     * @return ETLMO-, the estimated offtaking adjustment; default {@link #DEFAULT_ETLMO_MINUS}.
     */
    public double etlmoMinus()
    {
        return etlmoMinus;
    }

    /**
     * @return the rule choosing ETLMO+ or ETLMO-; default {@link TlmSide#PRODUCTION_FLAG}.
     */
    public TlmSide tlmSide()
    {
        return tlmSide;
    }

    /**
     * @return the accepted-volume rules (baseline, CADL chain, outside-band treatment, ...).
     */
    public VolumeOptions volumeOptions()
    {
        return volumeOptions;
    }

    /**
     * @return the imbalance price rules.
     */
    public PriceOptions priceOptions()
    {
        return priceOptions;
    }

    /**
     * @param plus  ETLMO+.
     * @param minus ETLMO-.
     * @return a copy with those estimated adjustments (the values approved for the BSC year).
     */
    public IndicativeOptions withEtlmo(final double plus, final double minus)
    {
        return new IndicativeOptions(plus, minus, tlmSide, volumeOptions, priceOptions);
    }

    /**
     * @param side the rule choosing ETLMO+ or ETLMO-.
     * @return a copy with that rule.
     */
    public IndicativeOptions withTlmSide(final TlmSide side)
    {
        return new IndicativeOptions(etlmoPlus, etlmoMinus, side, volumeOptions, priceOptions);
    }

    /**
     * @param options the accepted-volume rules.
     * @return a copy with those rules.
     */
    public IndicativeOptions withVolumeOptions(final VolumeOptions options)
    {
        return new IndicativeOptions(etlmoPlus, etlmoMinus, tlmSide, options, priceOptions);
    }

    /**
     * @param options the imbalance price rules.
     * @return a copy with those rules.
     */
    public IndicativeOptions withPriceOptions(final PriceOptions options)
    {
        return new IndicativeOptions(etlmoPlus, etlmoMinus, tlmSide, volumeOptions, options);
    }

    /**
     * The indicative TLM of a BM Unit.
     *
     * @param active         whether the BM Unit is registered on the day (TLM 1 otherwise).
     * @param interconnector whether it is an interconnector BM Unit (TLM 1).
     * @param production     its Production flag.
     * @param tlf            its TLF.
     * @param periodFpn      its period FPN, MWh (used by {@link TlmSide#FPN_SIGN}).
     * @return 1 + TLF + ETLMO+ or ETLMO-, or 1.
     */
    public double tlm(
        final boolean active, final boolean interconnector, final boolean production, final double tlf,
        final double periodFpn)
    {
        if (!active || interconnector)
        {
            return 1.0;
        }
        final boolean delivering = tlmSide == TlmSide.PRODUCTION_FLAG ? production : periodFpn > 0.0;
        return 1.0 + tlf + (delivering ? etlmoPlus : etlmoMinus);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public String toString()
    {
        return "IndicativeOptions{etlmoPlus=" + etlmoPlus + ", etlmoMinus=" + etlmoMinus + ", tlmSide=" + tlmSide +
            ", volumeOptions=" + volumeOptions + ", priceOptions=" + priceOptions + '}';
    }
}
