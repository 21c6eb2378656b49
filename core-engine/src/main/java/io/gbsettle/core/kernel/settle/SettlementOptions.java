package io.gbsettle.core.kernel.settle;

import java.util.Objects;

/**
 * The one configuration object of the settlement kernels: the parameters of Section T and every rule that the
 * calculation specification marks [M] (believed, not read in the Code) or [I] (inferred) as a named choice with a
 * default. Each choice's Javadoc gives the default and the reason, so that an auditor can see in one place what the
 * engine assumes and flip it once the Section T text is checked.
 *
 * <p>Mutable fluent setters for set-up; the kernels only read it. Build one per engine, not per period.
 */
public final class SettlementOptions
{
    /**
     * Where the Transmission Loss Factors enter the TLMO adjustments (spec §3.3, open point 1, [M]).
     */
    public enum TlmoFormula
    {
        /**
         * Default. {@code TLMO+ = (-alpha TLOSS - sum+ TLF QM) / sum+ QM} (and the offtaking mirror), with
         * {@code TLM = 1 + TLF + TLMO}: the TLF terms are netted inside TLMO so that {@code sum QM TLM = 0} exactly
         * and credited energy nets to zero. Reason: it is the form the spec gives and the only one that keeps the
         * market identity sum QCE = 0 when TLFs are non-zero (P350).
         */
        TLF_NETTED,

        /**
         * {@code TLMO+ = -alpha TLOSS / sum+ QM}, TLF added on top of TLM only. Reason to keep it: it is the pre-P350
         * shape (identical to {@link #TLF_NETTED} while every TLF is 0) and the obvious misreading to test against;
         * with non-zero TLFs sum QCE is no longer 0.
         */
        TLF_NOT_NETTED
    }

    /**
     * What to do when the delivering (or offtaking) side has {@code sum QM = 0} so TLMO is undefined (§3.3, [I]).
     */
    public enum LossDivisionGuard
    {
        /**
         * Default. The undefined TLMO is 0 (the spec's [I] rule), the other side keeps its share. Reason: follows the
         * spec literally; the losses of the empty side are then unallocated, which only happens in degenerate
         * periods (no delivering non-interconnector BM Unit at all).
         */
        TLMO_ZERO,

        /**
         * The undefined TLMO is 0 and the other side carries all of TLOSS (its alpha becomes 1 or 0). Reason: keeps
         * {@code sum QM TLM = 0} and so sum QCE = 0 even in the degenerate period.
         */
        OTHER_SIDE_TAKES_ALL
    }

    /**
     * How a BM Unit's Metered Volume Reallocation Notifications (MVRNs) split its metered volume (§3.8, open point 9,
     * [M]).
     */
    public enum MvrnFormula
    {
        /**
         * Default. {@code QMR = QMFR + QMPR/100 (QM - sum of every fixed QMFR of the BM Unit)}: fixed volumes first,
         * the percentages apply to the remainder. Reason: the spec's [M] form; it keeps a percentage meaning "share
         * of what is left" when fixed and percentage notifications are combined.
         */
        FIXED_THEN_PERCENT_OF_REMAINDER,

        /**
         * {@code QMR = QMFR + QMPR/100 QM}: each percentage applies to the whole metered volume. Reason: the simpler
         * reading, kept for comparison with ECVAA data until Section T 3.8 is checked.
         */
        PERCENT_OF_METERED
    }

    /**
     * The order in which a BM Unit's non-delivered volume is allocated to its accepted offers and bids (§4.4, open
     * point 3, [M/I]).
     */
    public enum NonDeliveryRanking
    {
        /**
         * Default. Offers by descending offer price, bids by ascending bid price (the most valuable to the Party
         * first, which maximises the charge); ties by acceptance number then pair number. Reason: the charge exists
         * to remove the profit of non-delivery, so the non-delivered volume is taken from the most profitable
         * acceptances first; the spec infers the same.
         */
        MOST_EXPENSIVE_FIRST,

        /**
         * In acceptance order (acceptance number, then pair number). Reason: a neutral order for comparison when
         * published BP7 data disagrees with the default.
         */
        ACCEPTANCE_ORDER
    }

    /**
     * What the Total Residual Cashflow shared by RCRC is made of (§4.5, open point 4, [M]).
     */
    public enum TrcComposition
    {
        /**
         * Default. {@code TRC = sum CAEI + sum CII + sum CND}. Reason: every charge collected by the BSC Clearer
         * that is not paid out again must be returned, or the period is not cash neutral; CII is 0 (IIP = 0) and
         * CND small, so it agrees with Elexon's "sum of energy imbalance charges" description in practice.
         */
        CAEI_CII_CND,

        /**
         * {@code TRC = sum CAEI} only. Reason: Elexon's RCRC guidance wording; with it the CII and CND collected are
         * not reallocated and the cash-neutrality check no longer holds when CND is non-zero.
         */
        CAEI_ONLY
    }

    /**
     * Sign of the System Operator BM cashflow (§4.6, [I]).
     */
    public enum SoCashflowSign
    {
        /**
         * Default. {@code CSOBM = sum CBM}, positive = payable by NETSO to the BSC Clearer. Reason: NETSO funds the
         * BOA payments it instructed; with this sign the per-period check
         * {@code sum CBM - CSOBM + sum CAEI + sum CII + sum CND - sum RCRC = 0} holds.
         */
        PAYABLE_BY_SO,

        /**
         * {@code CSOBM = -sum CBM}, positive = a credit to NETSO (the party-side sign convention of §1.3). Reason: the
         * Simple Guide's sign for the SO charge was not read; kept for comparison.
         */
        CREDIT_TO_SO
    }

    private double alpha = 0.45;
    private double iipOver;
    private double iipUnder;
    private TlmoFormula tlmoFormula = TlmoFormula.TLF_NETTED;
    private LossDivisionGuard lossDivisionGuard = LossDivisionGuard.TLMO_ZERO;
    private boolean interconnectorsInTlmoSums;
    private boolean tlmOnCbm = true;
    private boolean tlmOnQabs = true;
    private boolean tlmOnCnd = true;
    private boolean clampNonDeliveryToAccepted = true;
    private MvrnFormula mvrnFormula = MvrnFormula.FIXED_THEN_PERCENT_OF_REMAINDER;
    private NonDeliveryRanking nonDeliveryRanking = NonDeliveryRanking.MOST_EXPENSIVE_FIRST;
    private TrcComposition trcComposition = TrcComposition.CAEI_CII_CND;
    private SoCashflowSign soCashflowSign = SoCashflowSign.PAYABLE_BY_SO;

    /**
     * @return a new options object holding every default.
     */
    public static SettlementOptions defaults()
    {
        return new SettlementOptions();
    }

    /**
     * @return a new options object holding this one's choices, for a driver that applies overrides without changing
     *         what its caller passed.
     */
    public SettlementOptions copy()
    {
        final SettlementOptions copy = new SettlementOptions();
        copy.alpha = alpha;
        copy.iipOver = iipOver;
        copy.iipUnder = iipUnder;
        copy.tlmoFormula = tlmoFormula;
        copy.lossDivisionGuard = lossDivisionGuard;
        copy.interconnectorsInTlmoSums = interconnectorsInTlmoSums;
        copy.tlmOnCbm = tlmOnCbm;
        copy.tlmOnQabs = tlmOnQabs;
        copy.tlmOnCnd = tlmOnCnd;
        copy.clampNonDeliveryToAccepted = clampNonDeliveryToAccepted;
        copy.mvrnFormula = mvrnFormula;
        copy.nonDeliveryRanking = nonDeliveryRanking;
        copy.trcComposition = trcComposition;
        copy.soCashflowSign = soCashflowSign;
        return copy;
    }

    /**
     * Share of transmission losses allocated to delivering Trading Units, 0.45 by default ([V] Transmission Loss
     * Parameters); offtaking Trading Units carry {@code 1 - alpha}.
     *
     * @return alpha.
     */
    public double alpha()
    {
        return alpha;
    }

    /**
     * @param alpha share of losses allocated to delivering Trading Units, in [0, 1].
     * @return this.
     */
    public SettlementOptions alpha(final double alpha)
    {
        if (!(alpha >= 0 && alpha <= 1))
        {
            throw new IllegalArgumentException("alpha must be in [0, 1]: " + alpha);
        }
        this.alpha = alpha;
        return this;
    }

    /**
     * Information Imbalance Price applied when the BM Unit metered more than expected ({@code QII > 0}); 0 since
     * go-live ([V]). S0142 carries two prices (IIP1, IIP2), so the two sides are separate parameters ([I]).
     *
     * @return the price, GBP/MWh.
     */
    public double iipOver()
    {
        return iipOver;
    }

    /**
     * @param price Information Imbalance Price for {@code QII > 0}, GBP/MWh.
     * @return this.
     */
    public SettlementOptions iipOver(final double price)
    {
        this.iipOver = price;
        return this;
    }

    /**
     * Information Imbalance Price applied when the BM Unit metered less than expected ({@code QII <= 0}); 0 since
     * go-live ([V]).
     *
     * @return the price, GBP/MWh.
     */
    public double iipUnder()
    {
        return iipUnder;
    }

    /**
     * @param price Information Imbalance Price for {@code QII <= 0}, GBP/MWh.
     * @return this.
     */
    public SettlementOptions iipUnder(final double price)
    {
        this.iipUnder = price;
        return this;
    }

    /**
     * @return where TLFs enter TLMO; default {@link TlmoFormula#TLF_NETTED}.
     */
    public TlmoFormula tlmoFormula()
    {
        return tlmoFormula;
    }

    /**
     * @param formula where TLFs enter TLMO.
     * @return this.
     */
    public SettlementOptions tlmoFormula(final TlmoFormula formula)
    {
        this.tlmoFormula = Objects.requireNonNull(formula);
        return this;
    }

    /**
     * @return the guard for a zero TLMO denominator; default {@link LossDivisionGuard#TLMO_ZERO}.
     */
    public LossDivisionGuard lossDivisionGuard()
    {
        return lossDivisionGuard;
    }

    /**
     * @param guard the guard for a zero TLMO denominator.
     * @return this.
     */
    public SettlementOptions lossDivisionGuard(final LossDivisionGuard guard)
    {
        this.lossDivisionGuard = Objects.requireNonNull(guard);
        return this;
    }

    /**
     * Whether the TLMO denominators and TLF sums (sum+ QM, sum- QM, sum TLF.QM) include interconnector BM Units (§3.3,
     * open point 1, [M]). Default false. Reason: interconnector BM Units take no share of the losses (TLM = 1, [V]),
     * so the adjustment is spread over the BM Units that carry it; including them would leave
     * {@code sum QM TLM != 0}. TLOSS always sums every BM Unit.
     *
     * @return true when interconnector BM Units enter the TLMO sums.
     */
    public boolean interconnectorsInTlmoSums()
    {
        return interconnectorsInTlmoSums;
    }

    /**
     * @param include whether interconnector BM Units enter the TLMO sums.
     * @return this.
     */
    public SettlementOptions interconnectorsInTlmoSums(final boolean include)
    {
        this.interconnectorsInTlmoSums = include;
        return this;
    }

    /**
     * Whether offer and bid cashflows are multiplied by the BM Unit's TLM (§4.1, open point 2, [M]). Default true.
     * Reason: the BOA volume is paid as delivered at the transmission boundary after losses, consistent with QCE
     * being TLM-adjusted; BMRA uses ETLMO for indicative BM cashflows ([V]).
     *
     * @return true when CBM carries TLM.
     */
    public boolean tlmOnCbm()
    {
        return tlmOnCbm;
    }

    /**
     * @param apply whether CBM carries TLM.
     * @return this.
     */
    public SettlementOptions tlmOnCbm(final boolean apply)
    {
        this.tlmOnCbm = apply;
        return this;
    }

    /**
     * Whether QABS sums {@code QBS * TLM} rather than QBS (§3.10, open point 2, [M]). Default true. Reason: QCE is
     * TLM-adjusted, so only a TLM-adjusted QABS leaves an exactly delivered acceptance imbalance-neutral (TV-5).
     *
     * @return true when QABS carries TLM.
     */
    public boolean tlmOnQabs()
    {
        return tlmOnQabs;
    }

    /**
     * @param apply whether QABS carries TLM.
     * @return this.
     */
    public SettlementOptions tlmOnQabs(final boolean apply)
    {
        this.tlmOnQabs = apply;
        return this;
    }

    /**
     * Whether the non-delivery charge is multiplied by TLM (§4.4, open point 3, [M]). Default true. Reason: it claws
     * back a cashflow (CBM) that carries TLM, so it is measured on the same basis (TV-5: 2 x 50 x 0.991 = 99.10).
     *
     * @return true when CND carries TLM.
     */
    public boolean tlmOnCnd()
    {
        return tlmOnCnd;
    }

    /**
     * @param apply whether CND carries TLM.
     * @return this.
     */
    public SettlementOptions tlmOnCnd(final boolean apply)
    {
        this.tlmOnCnd = apply;
        return this;
    }

    /**
     * Whether the non-delivered volumes are bounded by the accepted volumes (§4.4, open point 3, [M]): {@code QNDO =
     * min(max(QME - QM, 0), sum QAO)} and {@code QNDB = max(min(QME - QM, 0), sum QAB)}. Default true. Reason: a
     * Party cannot fail to deliver more than it was accepted for; the charge is per accepted offer or bid. When false
     * the bound is not applied to the BM Unit total and any volume beyond the accepted rows stays unallocated
     * (the charge is the same, only QNDO/QNDB report differently).
     *
     * @return true when QNDO/QNDB are clamped to the accepted totals.
     */
    public boolean clampNonDeliveryToAccepted()
    {
        return clampNonDeliveryToAccepted;
    }

    /**
     * @param clamp whether QNDO/QNDB are clamped to the accepted totals.
     * @return this.
     */
    public SettlementOptions clampNonDeliveryToAccepted(final boolean clamp)
    {
        this.clampNonDeliveryToAccepted = clamp;
        return this;
    }

    /**
     * @return the MVRN formula; default {@link MvrnFormula#FIXED_THEN_PERCENT_OF_REMAINDER}.
     */
    public MvrnFormula mvrnFormula()
    {
        return mvrnFormula;
    }

    /**
     * @param formula the MVRN formula.
     * @return this.
     */
    public SettlementOptions mvrnFormula(final MvrnFormula formula)
    {
        this.mvrnFormula = Objects.requireNonNull(formula);
        return this;
    }

    /**
     * @return the non-delivery allocation order; default {@link NonDeliveryRanking#MOST_EXPENSIVE_FIRST}.
     */
    public NonDeliveryRanking nonDeliveryRanking()
    {
        return nonDeliveryRanking;
    }

    /**
     * @param ranking the non-delivery allocation order.
     * @return this.
     */
    public SettlementOptions nonDeliveryRanking(final NonDeliveryRanking ranking)
    {
        this.nonDeliveryRanking = Objects.requireNonNull(ranking);
        return this;
    }

    /**
     * @return the TRC composition; default {@link TrcComposition#CAEI_CII_CND}.
     */
    public TrcComposition trcComposition()
    {
        return trcComposition;
    }

    /**
     * @param composition the TRC composition.
     * @return this.
     */
    public SettlementOptions trcComposition(final TrcComposition composition)
    {
        this.trcComposition = Objects.requireNonNull(composition);
        return this;
    }

    /**
     * @return the SO cashflow sign; default {@link SoCashflowSign#PAYABLE_BY_SO}.
     */
    public SoCashflowSign soCashflowSign()
    {
        return soCashflowSign;
    }

    /**
     * @param sign the SO cashflow sign.
     * @return this.
     */
    public SettlementOptions soCashflowSign(final SoCashflowSign sign)
    {
        this.soCashflowSign = Objects.requireNonNull(sign);
        return this;
    }
}
