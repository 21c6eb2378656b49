package io.gbsettle.core.kernel.volume;

import java.util.Objects;

/**
 * The one configuration object of the volume kernels: every rule of the specification tagged [M] (from memory of
 * Section T) or [I] (inferred) that this package implements is a named choice here, with its default and the
 * reason for it. Immutable; {@link #DEFAULTS} is what the settlement driver uses unless told otherwise.
 *
 * <p>Fixed behaviours that have no alternative worth offering are documented here too, so that the whole set of
 * interpretations can be read in one place:
 * <ul>
 *   <li>Profiles (PN, BOD levels, acceptance levels) are linear between their points [M] and integrated exactly
 *       over the period window, splitting wherever a deviation crosses a band edge; no sampling [I].</li>
 *   <li>Where no PN row covers a time, the FPN there is 0 MW [I] (a BM Unit with no PN is notified at zero).</li>
 *   <li>An acceptance is identified by (BM Unit, acceptance number, acceptance time); its SO, STOR, RR and deemed
 *       flags are the OR of its rows' flags [I].</li>
 *   <li>The prices of a (k, n) row are those of the BOD row of pair n in force at the earliest time of the period
 *       that the pair's BOD covers (BOD is submitted per period, so there is normally just one) [I].</li>
 * </ul>
 */
public final class VolumeOptions
{
    /**
     * How the baseline qA_(k-1) that acceptance k is measured against is found (§3.6).
     */
    public enum BaselineRule
    {
        /**
         * At each time t, the level of the latest earlier acceptance (by acceptance time, then number) that covers
         * t, else FPN(t) [M]. The default: citadel-gb reproduces Elexon's published per-acceptance stack volumes to
         * three decimals with exactly this rule [I/V-empirical].
         */
        LATEST_EARLIER_COVERING,
        /**
         * The literal reading of qA_(k-1): only the immediately previous acceptance of the BM Unit counts; where it
         * does not cover t the baseline is FPN(t). Kept to compare against published data.
         */
        PREVIOUS_ACCEPTANCE_ONLY
    }

    /**
     * How rows of one profile (one BM Unit's PN, one BM Unit and pair's BOD, one acceptance's BOALF rows) that
     * overlap in time are resolved when the book is sealed.
     */
    public enum OverlapRule
    {
        /**
         * At each time, of the rows covering it, the one that starts later wins (a later row supersedes the part of
         * an earlier one it overlaps; the earlier one resumes where the later one ends); rows starting together are
         * ordered by content (the longer, then the higher levels, win), so exact duplicates collapse [I]. Decided by
         * content, never by arrival order, so rows may be added in any order and give the same result.
         */
        LATER_START_WINS
    }

    /**
     * The continuous acceptance duration used for the CADL flag (§5.4, [M/I], open point 8).
     */
    public enum CadlChainRule
    {
        /**
         * Acceptances of one BM Unit whose spans (first point to last point) overlap or abut (the next starts at or
         * before the chain's latest end) form one chain: the unit does not return to FPN between them. Every
         * acceptance in the chain gets the chain's duration, end minus start [M/I]. The default, as the spec
         * describes it.
         */
        OVERLAPPING_OR_ABUTTING,
        /**
         * Each acceptance's own span, ignoring its neighbours: the narrowest reading, for comparison with
         * published {@code cadlFlag} data.
         */
        SINGLE_ACCEPTANCE
    }

    /**
     * Where a deviation lies outside every submitted band (beyond the outermost pair, or where BOD does not cover the
     * time at all) — the case Section T 3.4B covers with deemed Bid-Offer Data [M, pricing not checked].
     */
    public enum OutsideBandRule
    {
        /**
         * Report it on pair 0, an unpaired (deemed) volume with no price ({@link AcceptedVolumes#NO_PRICE}): the
         * price kernel must treat it like a NULL-priced action. The default, because deemed prices are not in the
         * spec and inventing one would be silent; the volume is still counted, so that the sum of QAO + QAB over
         * all pairs equals the acceptance deviation and QME stays right [I].
         */
        PAIR_ZERO,
        /**
         * Extend the outermost submitted pair on that side to infinity (a deviation beyond the top band is an offer
         * on the highest positive pair), falling back to pair 0 when no pair on that side has BOD in the period [I].
         */
        OUTERMOST_PAIR
    }

    /** The defaults described on each enum constant, with {@link #absoluteBandWidths()} true. */
    public static final VolumeOptions DEFAULTS = new VolumeOptions(
        BaselineRule.LATEST_EARLIER_COVERING, OverlapRule.LATER_START_WINS, CadlChainRule.OVERLAPPING_OR_ABUTTING,
        OutsideBandRule.PAIR_ZERO, true);

    private final BaselineRule baseline;
    private final OverlapRule overlap;
    private final CadlChainRule cadlChain;
    private final OutsideBandRule outsideBands;
    private final boolean absoluteBandWidths;

    private VolumeOptions(
        final BaselineRule baseline,
        final OverlapRule overlap,
        final CadlChainRule cadlChain,
        final OutsideBandRule outsideBands,
        final boolean absoluteBandWidths)
    {
        this.baseline = Objects.requireNonNull(baseline, "baseline");
        this.overlap = Objects.requireNonNull(overlap, "overlap");
        this.cadlChain = Objects.requireNonNull(cadlChain, "cadlChain");
        this.outsideBands = Objects.requireNonNull(outsideBands, "outsideBands");
        this.absoluteBandWidths = absoluteBandWidths;
    }

    /**
     * @return the baseline rule; default {@link BaselineRule#LATEST_EARLIER_COVERING}.
     */
    public BaselineRule baseline()
    {
        return baseline;
    }

    /**
     * @return the overlap rule applied when a book is sealed; default {@link OverlapRule#LATER_START_WINS}.
     */
    public OverlapRule overlap()
    {
        return overlap;
    }

    /**
     * @return the CADL chain rule; default {@link CadlChainRule#OVERLAPPING_OR_ABUTTING}.
     */
    public CadlChainRule cadlChain()
    {
        return cadlChain;
    }

    /**
     * @return the treatment of deviations outside every band; default {@link OutsideBandRule#PAIR_ZERO}.
     */
    public OutsideBandRule outsideBands()
    {
        return outsideBands;
    }

    /**
     * Whether a BOD level is read as a band width by its magnitude, the side coming from the sign of the pair id
     * (default true: published examples give negative pairs' widths both as signed and as unsigned numbers, and the
     * pair id is unambiguous) [I]. When false the level must carry the pair's sign (positive for n &gt; 0, negative
     * for n &lt; 0) and a level of the wrong sign is a band of zero width.
     *
     * @return true to take |level| as the width.
     */
    public boolean absoluteBandWidths()
    {
        return absoluteBandWidths;
    }

    /**
     * @param rule the baseline rule.
     * @return a copy with that rule.
     */
    public VolumeOptions withBaseline(final BaselineRule rule)
    {
        return new VolumeOptions(rule, overlap, cadlChain, outsideBands, absoluteBandWidths);
    }

    /**
     * @param rule the overlap rule.
     * @return a copy with that rule.
     */
    public VolumeOptions withOverlap(final OverlapRule rule)
    {
        return new VolumeOptions(baseline, rule, cadlChain, outsideBands, absoluteBandWidths);
    }

    /**
     * @param rule the CADL chain rule.
     * @return a copy with that rule.
     */
    public VolumeOptions withCadlChain(final CadlChainRule rule)
    {
        return new VolumeOptions(baseline, overlap, rule, outsideBands, absoluteBandWidths);
    }

    /**
     * @param rule the outside-band rule.
     * @return a copy with that rule.
     */
    public VolumeOptions withOutsideBands(final OutsideBandRule rule)
    {
        return new VolumeOptions(baseline, overlap, cadlChain, rule, absoluteBandWidths);
    }

    /**
     * @param absolute whether BOD levels are read by magnitude.
     * @return a copy with that choice.
     */
    public VolumeOptions withAbsoluteBandWidths(final boolean absolute)
    {
        return new VolumeOptions(baseline, overlap, cadlChain, outsideBands, absolute);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public String toString()
    {
        return "VolumeOptions{baseline=" + baseline + ", overlap=" + overlap + ", cadlChain=" + cadlChain +
            ", outsideBands=" + outsideBands + ", absoluteBandWidths=" + absoluteBandWidths + '}';
    }
}
