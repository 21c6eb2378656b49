package io.gbsettle.core.kernel.price;

/**
 * The one configuration object of the price kernel: every rule the calculation spec marks as inferred [I] or
 * unverified [M] (bsc-calculations.md §5, §9) is a named choice here, with its default and the reason for it.
 * Immutable; {@code with...} methods return a changed copy (configuration time, not the hot path).
 */
public final class PriceOptions
{
    /**
     * Which volumes are compared with DMAT (bsc-calculations.md §5.6, open point; the sources disagree).
     */
    public enum DmatGranularity
    {
        /** Each stack row (acceptance k, pair n) on its own: what citadel-gb ships. */
        PER_ROW,
        /**
         * A BOA's rows of one side summed over its pairs: one acceptance's offer volume, or its bid volume. Default:
         * the threshold is the De Minimis <em>Acceptance</em> Threshold, which the IPG describes as removing
         * very small acceptances, and citadel-gb reports Elexon's published {@code dmatAdjustedVolume} following
         * this grouping. BSAD and other actions are always compared one by one.
         */
        PER_ACCEPTANCE_SIDE,
        /** A BM Unit's rows of one pair and side summed over its acceptances: joecary14's choice. */
        PER_BMU_PAIR
    }

    /**
     * Classification when a first-stage flagged action costs exactly as much as the most expensive first-stage
     * unflagged action of its set (§5.8; IPG silent).
     */
    public enum ClassificationTie
    {
        /**
         * Second-stage unflagged (keeps its price). Default: the IPG flags actions "more expensive" than the
         * dearest unflagged one, a strict comparison (joecary14 does the same).
         */
        UNFLAGGED,
        /** Second-stage flagged (takes the replacement price): citadel-gb's choice. */
        FLAGGED
    }

    /**
     * How NIV and PAR tagging share the boundary volume between actions of equal price (§5.9, §5.11).
     */
    public enum TieRule
    {
        /**
         * Pro rata to the remaining volumes. The only rule: the IPG states it for PAR, and for NIV tagging it is
         * the only choice that does not depend on the order the actions arrive in. Arbitrage uses it too.
         */
        PRO_RATA
    }

    /**
     * Where actions without a price (null-cost BSAD, such as intertrips) rank for NIV tagging (§5.5, §5.8).
     */
    public enum NullPriceRank
    {
        /**
         * As the most expensive of their set, so NIV tagging removes them first. Default: an unpriced action can
         * never set the price (it is always second-stage flagged), and keeping it out of the NIV in preference to a
         * priced one keeps the replacement price from standing in for volume nobody priced.
         */
        MOST_EXPENSIVE,
        /** As the cheapest of their set, so they stay in the NIV and take the replacement price. */
        CHEAPEST
    }

    private static final PriceOptions DEFAULTS = new PriceOptions(
        DmatGranularity.PER_ACCEPTANCE_SIDE, ClassificationTie.UNFLAGGED, TieRule.PRO_RATA,
        NullPriceRank.MOST_EXPENSIVE, false, false, 1e-9);

    private final DmatGranularity dmatGranularity;
    private final ClassificationTie classificationTie;
    private final TieRule tieRule;
    private final NullPriceRank nullPriceRank;
    private final boolean replacementPriceTlmWeighted;
    private final boolean adjusterOnMarketPriceReplacement;
    private final double zeroVolume;

    private PriceOptions(
        final DmatGranularity dmatGranularity, final ClassificationTie classificationTie, final TieRule tieRule,
        final NullPriceRank nullPriceRank, final boolean replacementPriceTlmWeighted,
        final boolean adjusterOnMarketPriceReplacement, final double zeroVolume)
    {
        this.dmatGranularity = dmatGranularity;
        this.classificationTie = classificationTie;
        this.tieRule = tieRule;
        this.nullPriceRank = nullPriceRank;
        this.replacementPriceTlmWeighted = replacementPriceTlmWeighted;
        this.adjusterOnMarketPriceReplacement = adjusterOnMarketPriceReplacement;
        this.zeroVolume = zeroVolume;
    }

    /**
     * @return the defaults, each documented on its accessor.
     */
    public static PriceOptions defaults()
    {
        return DEFAULTS;
    }

    /**
     * @return the DMAT granularity; default {@link DmatGranularity#PER_ACCEPTANCE_SIDE}.
     */
    public DmatGranularity dmatGranularity()
    {
        return dmatGranularity;
    }

    /**
     * @return the classification tie rule; default {@link ClassificationTie#UNFLAGGED}.
     */
    public ClassificationTie classificationTie()
    {
        return classificationTie;
    }

    /**
     * @return the NIV/PAR/arbitrage tie rule; always {@link TieRule#PRO_RATA}.
     */
    public TieRule tieRule()
    {
        return tieRule;
    }

    /**
     * @return where unpriced actions rank for NIV tagging; default {@link NullPriceRank#MOST_EXPENSIVE}.
     */
    public NullPriceRank nullPriceRank()
    {
        return nullPriceRank;
    }

    /**
     * Whether the replacement price averages the most expensive RPAR of unflagged volume weighted by TLM
     * (§5.10, unknown [M]). Default false: neither the IPG example nor either peer implementation applies TLMs
     * there, and the IPG introduces TLMs only in the final average.
     *
     * @return true to weight the RPAR average by TLM.
     */
    public boolean replacementPriceTlmWeighted()
    {
        return replacementPriceTlmWeighted;
    }

    /**
     * Whether BPA/SPA is added when the replacement price falls back to the Market Price because no unflagged
     * action remains in the NIV (§9 point 7). Default false: the Imbalance Pricing Guidance says [V] that when the
     * Market Price is 0 and the whole NIV is second-stage flagged "the energy imbalance price will be also be zero",
     * which only holds if no adjuster is added then. True follows the letter of the Section T formula instead (the
     * adjuster is added to the main price whenever NIV is non-zero, however the prices in it were derived). When
     * NIV is zero the price is the Market Price alone either way.
     *
     * @return true to add the adjuster in that case.
     */
    public boolean adjusterOnMarketPriceReplacement()
    {
        return adjusterOnMarketPriceReplacement;
    }

    /**
     * Volumes (MWh) whose magnitude is at most this are zero: NIV within it counts as zero and takes the Market
     * Price. Default 1e-9 MWh, far below any metered quantity, so that sums of floating-point volumes that cancel
     * on paper (a long and short set of equal size) are treated as the exact zero they are.
     *
     * @return the zero-volume tolerance in MWh.
     */
    public double zeroVolume()
    {
        return zeroVolume;
    }

    /**
     * @param value the DMAT granularity.
     * @return a copy with it.
     */
    public PriceOptions withDmatGranularity(final DmatGranularity value)
    {
        return new PriceOptions(value, classificationTie, tieRule, nullPriceRank, replacementPriceTlmWeighted,
            adjusterOnMarketPriceReplacement, zeroVolume);
    }

    /**
     * @param value the classification tie rule.
     * @return a copy with it.
     */
    public PriceOptions withClassificationTie(final ClassificationTie value)
    {
        return new PriceOptions(dmatGranularity, value, tieRule, nullPriceRank, replacementPriceTlmWeighted,
            adjusterOnMarketPriceReplacement, zeroVolume);
    }

    /**
     * @param value where unpriced actions rank.
     * @return a copy with it.
     */
    public PriceOptions withNullPriceRank(final NullPriceRank value)
    {
        return new PriceOptions(dmatGranularity, classificationTie, tieRule, value, replacementPriceTlmWeighted,
            adjusterOnMarketPriceReplacement, zeroVolume);
    }

    /**
     * @param value whether the RPAR average is TLM-weighted.
     * @return a copy with it.
     */
    public PriceOptions withReplacementPriceTlmWeighted(final boolean value)
    {
        return new PriceOptions(dmatGranularity, classificationTie, tieRule, nullPriceRank, value,
            adjusterOnMarketPriceReplacement, zeroVolume);
    }

    /**
     * @param value whether BPA/SPA is added when the replacement price is the Market Price.
     * @return a copy with it.
     */
    public PriceOptions withAdjusterOnMarketPriceReplacement(final boolean value)
    {
        return new PriceOptions(dmatGranularity, classificationTie, tieRule, nullPriceRank,
            replacementPriceTlmWeighted, value, zeroVolume);
    }

    @Override
    public String toString()
    {
        return "PriceOptions{dmat=" + dmatGranularity + ", classificationTie=" + classificationTie + ", ties=" +
            tieRule + ", nullPrice=" + nullPriceRank + ", rpTlm=" + replacementPriceTlmWeighted +
            ", adjusterOnMpReplacement=" + adjusterOnMarketPriceReplacement + ", zeroVolume=" + zeroVolume + "}";
    }
}
