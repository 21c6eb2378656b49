package io.gbsettle.core.kernel.settle;

import java.util.Arrays;

/**
 * The settlement kernels of one Settlement Period (BSC Section T §3-§4 of the calculation spec): static, pure
 * functions over a {@link PeriodBook}, allocation-free, linear in BM Units + accepted rows + ECVN and MVRN lines.
 *
 * <pre>
 *   volumes(options, book)                          before the system price (which needs tlm(i))
 *     trading units: sum QM per TU -> delivering / offtaking
 *     losses:        TLOSS, sum+/- QM and TLF.QM, TLMO+/-, TLM per BM Unit
 *     BM Units:      QAO/QAB totals, QBS = sum(QAO + QAB) + QAS, QME = FPN + sum(QAO + QAB), QII = QM - QME
 *     accounts:      QCE with MVRN -> QACE, RCRP basis; ECVN -> QABC; QABS = sum QBS.TLM; QAEI = QACE - QABS - QABC
 *   cashflows(options, book, SBP, SSP)
 *     CO/CB per row -> CBM; CAEI; CII; QNDO/QNDB allocated to rows by rank -> CND;
 *     TRC; RCRP = E / sum E; RCRC = RCRP.TRC; CSOBM
 * </pre>
 *
 * <p>Each kernel first clears the outputs it owns, so running it again on the same inputs gives the same result.
 * Inactive BM Units (not registered on the day) take no part: TLM 1, every output 0, their inputs counted in
 * {@link PeriodBook#ignoredInputCount()}. When the RCRP bases sum to 0 (within {@link #RCRP_ZERO_TOLERANCE} of
 * their magnitudes) the proportions are all 0 and TRC is not reallocated (a degenerate period; [I]).
 */
public final class SettlementKernels
{
    /**
     * The RCRP basis total counts as 0 when it is within this fraction of the sum of the magnitudes of the account
     * bases: a total that small is rounding left over from cancelling terms (for example every non-interconnector
     * BM Unit in delivering trading units, whose loss-adjusted volumes net to 0 by construction), and dividing by
     * it would give meaningless proportions of 1e13.
     */
    public static final double RCRP_ZERO_TOLERANCE = 1e-12;

    private SettlementKernels()
    {
    }

    /**
     * Computes every volume of the period: trading unit status, losses and TLM, QBS, QME, QII, credited energy with
     * MVRN, QABC, QACE, QABS, QAEI and the RCRP basis. Run before the system price and {@link #cashflows}.
     *
     * @param options the settlement choices.
     * @param book    the period's book, inputs set.
     */
    public static void volumes(final SettlementOptions options, final PeriodBook book)
    {
        indexRows(book);
        losses(options, book);
        bmUnitVolumes(options, book);
        creditedEnergy(options, book);
        accountVolumes(book);
    }

    /**
     * Computes every cashflow of the period from the volumes and the system prices: CBM (offer and bid cashflows per
     * row), CAEI, CII, non-delivery volumes and CND, TRC, RCRP, RCRC and the System Operator BM cashflow.
     *
     * @param options         the settlement choices.
     * @param book            the period's book, after {@link #volumes}.
     * @param systemBuyPrice  SBP, GBP/MWh.
     * @param systemSellPrice SSP, GBP/MWh (equal to SBP under the single price).
     */
    public static void cashflows(
        final SettlementOptions options, final PeriodBook book, final double systemBuyPrice,
        final double systemSellPrice)
    {
        bmCashflows(options, book);
        imbalanceCashflows(book, systemBuyPrice, systemSellPrice);
        informationImbalance(options, book);
        nonDelivery(options, book, systemBuyPrice, systemSellPrice);
        residual(options, book);
    }

    /**
     * Groups accepted rows by BM Unit: a stable counting sort into {@code rowOrder}, the rows of BM Unit i at
     * {@code [rowStart[i], rowStart[i + 1])} in the order added.
     */
    static void indexRows(final PeriodBook book)
    {
        final int n = book.bmUnitCount;
        final int rows = book.rowCount;
        final int[] start = book.rowStart;
        final int[] unit = book.rowBmUnit;
        final int[] order = book.rowOrder;
        Arrays.fill(start, 0);
        for (int r = 0; r < rows; r++)
        {
            start[unit[r]]++;
        }
        for (int i = 1; i < n; i++)
        {
            start[i] += start[i - 1];
        }
        start[n] = rows;
        for (int r = rows - 1; r >= 0; r--)
        {
            order[--start[unit[r]]] = r;
        }
    }

    /**
     * Trading unit status, TLOSS and TLMO+/- (§3.2, §3.3); TLM per BM Unit follows in {@link #bmUnitVolumes}.
     */
    static void losses(final SettlementOptions options, final PeriodBook book)
    {
        final int n = book.bmUnitCount;
        final boolean[] active = book.active;
        final boolean[] hasQm = book.hasQm;
        final double[] qm = book.qm;
        final int[] tu = book.tradingUnit;
        final double[] tuQm = book.tradingUnitQm;
        final boolean[] ic = book.interconnector;
        final double[] tlf = book.tlf;
        Arrays.fill(tuQm, 0, book.tradingUnitCount, 0);

        double tloss = 0;
        int missing = 0;
        int ignored = 0;
        for (int i = 0; i < n; i++)
        {
            if (!active[i])
            {
                ignored += hasQm[i] ? 1 : 0;
                continue;
            }
            missing += hasQm[i] ? 0 : 1;
            tuQm[tu[i]] += qm[i];
            tloss += qm[i];
        }

        double plusQm = 0;
        double plusTlfQm = 0;
        double minusQm = 0;
        double minusTlfQm = 0;
        final boolean[] delivering = book.delivering;
        final boolean withInterconnectors = options.interconnectorsInTlmoSums();
        for (int i = 0; i < n; i++)
        {
            final boolean isDelivering = active[i] && tuQm[tu[i]] > 0;
            delivering[i] = isDelivering;
            if (active[i] && (withInterconnectors || !ic[i]))
            {
                if (isDelivering)
                {
                    plusQm += qm[i];
                    plusTlfQm += tlf[i] * qm[i];
                }
                else
                {
                    minusQm += qm[i];
                    minusTlfQm += tlf[i] * qm[i];
                }
            }
        }

        final boolean netted = SettlementOptions.TlmoFormula.TLF_NETTED == options.tlmoFormula();
        final double alpha = options.alpha();
        final double plusTlfTerm = netted ? plusTlfQm : 0;
        final double minusTlfTerm = netted ? minusTlfQm : 0;
        double tlmoPlus = 0 != plusQm ? (-alpha * tloss - plusTlfTerm) / plusQm : 0;
        double tlmoMinus = 0 != minusQm ? (-(1 - alpha) * tloss - minusTlfTerm) / minusQm : 0;
        if (SettlementOptions.LossDivisionGuard.OTHER_SIDE_TAKES_ALL == options.lossDivisionGuard())
        {
            if (0 == plusQm && 0 != minusQm)
            {
                tlmoMinus = (-tloss - plusTlfTerm - minusTlfTerm) / minusQm;
            }
            else if (0 == minusQm && 0 != plusQm)
            {
                tlmoPlus = (-tloss - plusTlfTerm - minusTlfTerm) / plusQm;
            }
        }

        book.tloss = tloss;
        book.sumPlusQm = plusQm;
        book.sumMinusQm = minusQm;
        book.tlmoPlus = tlmoPlus;
        book.tlmoMinus = tlmoMinus;
        book.missingMeteredVolumeCount = missing;
        book.ignoredInputCount = ignored;
    }

    /**
     * One pass over BM Units: TLM (§3.3), accepted totals, QBS, QME, QII (§3.7), credited energy QM.TLM, the MVRN
     * scratch (fixed sums, lead remainder) and QABS per lead account (§3.10).
     */
    static void bmUnitVolumes(final SettlementOptions options, final PeriodBook book)
    {
        final int n = book.bmUnitCount;
        final boolean[] active = book.active;
        final boolean[] ic = book.interconnector;
        final boolean[] delivering = book.delivering;
        final double[] tlf = book.tlf;
        final double[] tlm = book.tlm;
        final double[] qm = book.qm;
        final double[] qas = book.qas;
        final double[] fpn = book.fpn;
        final double[] qaoTotal = book.qaoTotal;
        final double[] qabTotal = book.qabTotal;
        final double[] qbs = book.qbs;
        final double[] qme = book.qme;
        final double[] qii = book.qii;
        final double[] qce = book.qce;
        final double[] fixedSum = book.mvrnFixedSum;
        final double[] remainder = book.qceLead;
        final double[] qabs = book.qabs;
        final int[] lead = book.leadAccount;
        final int[] start = book.rowStart;
        final int[] order = book.rowOrder;
        final double[] rowQao = book.rowQao;
        final double[] rowQab = book.rowQab;
        final double tlmoPlus = book.tlmoPlus;
        final double tlmoMinus = book.tlmoMinus;
        final boolean tlmOnQabs = options.tlmOnQabs();
        Arrays.fill(qabs, 0);
        int ignored = 0;
        for (int i = 0; i < n; i++)
        {
            final int begin = start[i];
            final int end = start[i + 1];
            fixedSum[i] = 0;
            if (!active[i])
            {
                ignored += end - begin;
                tlm[i] = 1;
                qaoTotal[i] = 0;
                qabTotal[i] = 0;
                qbs[i] = 0;
                qme[i] = 0;
                qii[i] = 0;
                qce[i] = 0;
                remainder[i] = 0;
                continue;
            }
            final double multiplier = ic[i] ? 1 : 1 + tlf[i] + (delivering[i] ? tlmoPlus : tlmoMinus);
            tlm[i] = multiplier;
            double qao = 0;
            double qab = 0;
            for (int o = begin; o < end; o++)
            {
                final int r = order[o];
                qao += rowQao[r];
                qab += rowQab[r];
            }
            qaoTotal[i] = qao;
            qabTotal[i] = qab;
            final double accepted = qao + qab;
            final double balancing = accepted + qas[i];
            final double expected = fpn[i] + accepted;
            final double metered = qm[i];
            qbs[i] = balancing;
            qme[i] = expected;
            qii[i] = metered - expected;
            qce[i] = metered * multiplier;
            remainder[i] = metered;
            qabs[lead[i]] += tlmOnQabs ? balancing * multiplier : balancing;
        }
        book.ignoredInputCount += ignored;
    }

    /**
     * Credited energy per account with MVRN reallocation (§3.8), QACE, and the RCRP basis (§4.5): credited energy
     * of non-interconnector BM Units, added for delivering and subtracted for offtaking trading units. Starts from
     * the fixed sums and remainders {@link #bmUnitVolumes} set.
     */
    static void creditedEnergy(final SettlementOptions options, final PeriodBook book)
    {
        final int n = book.bmUnitCount;
        final boolean[] active = book.active;
        final boolean[] ic = book.interconnector;
        final boolean[] delivering = book.delivering;
        final double[] tlm = book.tlm;
        final double[] qm = book.qm;
        final double[] fixedSum = book.mvrnFixedSum;
        final double[] remainder = book.qceLead;
        final double[] qace = book.qace;
        final double[] basis = book.rcrpBasis;
        Arrays.fill(qace, 0);
        Arrays.fill(basis, 0);

        final int lines = book.mvrnCount;
        final int[] unit = book.mvrnBmUnit;
        final int[] account = book.mvrnAccount;
        final double[] fixed = book.mvrnFixed;
        final double[] percent = book.mvrnPercent;
        final double[] qmr = book.mvrnQmr;
        int ignored = 0;
        for (int m = 0; m < lines; m++)
        {
            final int i = unit[m];
            if (active[i])
            {
                fixedSum[i] += fixed[m];
            }
            else
            {
                ignored++;
            }
        }
        final boolean ofRemainder =
            SettlementOptions.MvrnFormula.FIXED_THEN_PERCENT_OF_REMAINDER == options.mvrnFormula();
        for (int m = 0; m < lines; m++)
        {
            final int i = unit[m];
            if (!active[i])
            {
                qmr[m] = 0;
                continue;
            }
            final double base = ofRemainder ? qm[i] - fixedSum[i] : qm[i];
            final double reallocated = fixed[m] + percent[m] / 100.0 * base;
            qmr[m] = reallocated;
            remainder[i] -= reallocated;
            final double credited = reallocated * tlm[i];
            final int a = account[m];
            qace[a] += credited;
            if (!ic[i])
            {
                basis[a] += delivering[i] ? credited : -credited;
            }
        }
        final int[] lead = book.leadAccount;
        for (int i = 0; i < n; i++)
        {
            if (active[i])
            {
                final double credited = remainder[i] * tlm[i];
                remainder[i] = credited;
                final int a = lead[i];
                qace[a] += credited;
                if (!ic[i])
                {
                    basis[a] += delivering[i] ? credited : -credited;
                }
            }
        }
        book.ignoredInputCount += ignored;
    }

    /**
     * QABC from ECVN lines (§3.9), QAEI (§3.10) and RCRP (§4.5).
     */
    static void accountVolumes(final PeriodBook book)
    {
        final double[] qabc = book.qabc;
        final double[] qabs = book.qabs;
        Arrays.fill(qabc, 0);
        final int lines = book.ecvnCount;
        final int[] from = book.ecvnFrom;
        final int[] to = book.ecvnTo;
        final double[] volume = book.ecvnVolume;
        for (int z = 0; z < lines; z++)
        {
            qabc[from[z]] += volume[z];
            qabc[to[z]] -= volume[z];
        }

        final int accounts = book.accountCount;
        final double[] qace = book.qace;
        final double[] qaei = book.qaei;
        final double[] basis = book.rcrpBasis;
        double basisTotal = 0;
        double basisMagnitude = 0;
        for (int a = 0; a < accounts; a++)
        {
            qaei[a] = qace[a] - qabs[a] - qabc[a];
            basisTotal += basis[a];
            basisMagnitude += Math.abs(basis[a]);
        }
        if (Math.abs(basisTotal) <= RCRP_ZERO_TOLERANCE * basisMagnitude)
        {
            basisTotal = 0;
        }
        final double[] rcrp = book.rcrp;
        for (int a = 0; a < accounts; a++)
        {
            rcrp[a] = 0 != basisTotal ? basis[a] / basisTotal : 0;
        }
        book.rcrpBasisTotal = basisTotal;
    }

    /**
     * Offer and bid cashflows per accepted row, CBM per BM Unit and TCBM (§4.1).
     */
    static void bmCashflows(final SettlementOptions options, final PeriodBook book)
    {
        final int rows = book.rowCount;
        final int[] unit = book.rowBmUnit;
        final boolean[] active = book.active;
        final double[] tlm = book.tlm;
        final double[] cbm = book.cbm;
        final double[] co = book.rowCo;
        final double[] cb = book.rowCb;
        final boolean tlmOnCbm = options.tlmOnCbm();
        Arrays.fill(cbm, 0);
        for (int r = 0; r < rows; r++)
        {
            final int i = unit[r];
            if (!active[i])
            {
                co[r] = 0;
                cb[r] = 0;
                continue;
            }
            final double factor = tlmOnCbm ? tlm[i] : 1;
            co[r] = book.rowQao[r] * book.rowOfferPrice[r] * factor;
            cb[r] = book.rowQab[r] * book.rowBidPrice[r] * factor;
            cbm[i] += co[r] + cb[r];
        }
        double total = 0;
        for (int i = 0, n = book.bmUnitCount; i < n; i++)
        {
            total += cbm[i];
        }
        book.totalCbm = total;
    }

    /**
     * CAEI per account (§4.2): {@code -QAEI.SSP} when long, {@code -QAEI.SBP} otherwise; positive = debit.
     */
    static void imbalanceCashflows(final PeriodBook book, final double sbp, final double ssp)
    {
        final double[] qaei = book.qaei;
        final double[] caei = book.caei;
        double total = 0;
        for (int a = 0, accounts = book.accountCount; a < accounts; a++)
        {
            final double v = qaei[a];
            final double c = -v * (v > 0 ? ssp : sbp);
            caei[a] = c;
            total += c;
        }
        book.totalCaei = total;
    }

    /**
     * CII per BM Unit (§4.3): {@code IIP.|QII|}, the price by the sign of QII.
     */
    static void informationImbalance(final SettlementOptions options, final PeriodBook book)
    {
        final double over = options.iipOver();
        final double under = options.iipUnder();
        final boolean[] active = book.active;
        final double[] qii = book.qii;
        final double[] cii = book.cii;
        double total = 0;
        for (int i = 0, n = book.bmUnitCount; i < n; i++)
        {
            final double v = qii[i];
            final double c = active[i] ? (v > 0 ? over : under) * Math.abs(v) : 0;
            cii[i] = c;
            total += c;
        }
        book.totalCii = total;
    }

    /**
     * QNDO and QNDB per BM Unit, their allocation to accepted rows in rank order, and CND (§4.4).
     */
    static void nonDelivery(final SettlementOptions options, final PeriodBook book, final double sbp, final double ssp)
    {
        final int n = book.bmUnitCount;
        final boolean[] active = book.active;
        final boolean clamp = options.clampNonDeliveryToAccepted();
        final boolean tlmOnCnd = options.tlmOnCnd();
        final boolean byPrice =
            SettlementOptions.NonDeliveryRanking.MOST_EXPENSIVE_FIRST == options.nonDeliveryRanking();
        final int[] start = book.rowStart;
        final int[] order = book.rowOrder;
        final int[] rank = book.rowRank;
        final double[] rowQndo = book.rowQndo;
        final double[] rowQndb = book.rowQndb;
        Arrays.fill(rowQndo, 0, book.rowCount, 0);
        Arrays.fill(rowQndb, 0, book.rowCount, 0);
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            if (!active[i])
            {
                book.qndo[i] = 0;
                book.qndb[i] = 0;
                book.cnd[i] = 0;
                continue;
            }
            final double shortfall = book.qme[i] - book.qm[i];
            double offers = Math.max(shortfall, 0);
            double bids = Math.min(shortfall, 0);
            if (clamp)
            {
                offers = Math.min(offers, book.qaoTotal[i]);
                bids = Math.max(bids, book.qabTotal[i]);
            }
            book.qndo[i] = offers;
            book.qndb[i] = bids;
            double charge = 0;
            final int from = start[i];
            final int to = start[i + 1];
            if (offers > 0)
            {
                final int count = rankRows(book, order, rank, from, to, true, byPrice);
                double remaining = offers;
                for (int u = from; u < from + count && remaining > 0; u++)
                {
                    final int r = rank[u];
                    final double allocated = Math.min(book.rowQao[r], remaining);
                    remaining -= allocated;
                    rowQndo[r] = allocated;
                    charge += allocated * Math.max(book.rowOfferPrice[r] - sbp, 0);
                }
            }
            if (bids < 0)
            {
                final int count = rankRows(book, order, rank, from, to, false, byPrice);
                double remaining = bids;
                for (int u = from; u < from + count && remaining < 0; u++)
                {
                    final int r = rank[u];
                    final double allocated = Math.max(book.rowQab[r], remaining);
                    remaining -= allocated;
                    rowQndb[r] = allocated;
                    charge += allocated * Math.min(book.rowBidPrice[r] - ssp, 0);
                }
            }
            final double cnd = tlmOnCnd ? charge * book.tlm[i] : charge;
            book.cnd[i] = cnd;
            total += cnd;
        }
        book.totalCnd = total;
    }

    /**
     * Copies the BM Unit's offer (or bid) rows into {@code rank[from..]} and insertion-sorts them into allocation
     * order; returns how many.
     */
    private static int rankRows(
        final PeriodBook book,
        final int[] order,
        final int[] rank,
        final int from,
        final int to,
        final boolean offers,
        final boolean byPrice)
    {
        int count = 0;
        for (int o = from; o < to; o++)
        {
            final int r = order[o];
            if (offers ? book.rowQao[r] > 0 : book.rowQab[r] < 0)
            {
                int j = from + count;
                while (j > from && before(book, r, rank[j - 1], offers, byPrice))
                {
                    rank[j] = rank[j - 1];
                    j--;
                }
                rank[j] = r;
                count++;
            }
        }
        return count;
    }

    /**
     * Whether row {@code a} is allocated before row {@code b}: by price when asked (offers by descending offer
     * price, bids by ascending bid price), then acceptance number, pair number and row order.
     */
    private static boolean before(
        final PeriodBook book, final int a, final int b, final boolean offers, final boolean byPrice)
    {
        if (byPrice)
        {
            final double pa = offers ? book.rowOfferPrice[a] : book.rowBidPrice[a];
            final double pb = offers ? book.rowOfferPrice[b] : book.rowBidPrice[b];
            if (pa != pb)
            {
                return offers ? pa > pb : pa < pb;
            }
        }
        final long ka = book.rowAcceptance[a];
        final long kb = book.rowAcceptance[b];
        if (ka != kb)
        {
            return ka < kb;
        }
        final int na = book.rowPair[a];
        final int nb = book.rowPair[b];
        if (na != nb)
        {
            return na < nb;
        }
        return a < b;
    }

    /**
     * TRC, RCRC per account and the System Operator BM cashflow (§4.5, §4.6).
     */
    static void residual(final SettlementOptions options, final PeriodBook book)
    {
        final double trc = book.totalCaei +
            (SettlementOptions.TrcComposition.CAEI_CII_CND == options.trcComposition() ?
                book.totalCii + book.totalCnd : 0);
        final double[] rcrp = book.rcrp;
        final double[] rcrc = book.rcrc;
        for (int a = 0, accounts = book.accountCount; a < accounts; a++)
        {
            rcrc[a] = rcrp[a] * trc;
        }
        book.trc = trc;
        book.soCashflow = SettlementOptions.SoCashflowSign.PAYABLE_BY_SO == options.soCashflowSign() ?
            book.totalCbm : -book.totalCbm;
    }
}
