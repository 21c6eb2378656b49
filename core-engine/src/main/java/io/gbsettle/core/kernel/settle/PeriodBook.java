package io.gbsettle.core.kernel.settle;

import java.util.Arrays;

import io.gbsettle.core.registry.BmUnitDay;
import io.gbsettle.core.registry.EnergyAccount;

/**
 * The settlement book of one Settlement Period: a struct of primitive arrays, sized once from the registry, holding
 * the period's inputs (metered volumes, FPN, ABSVD, accepted offer and bid volumes per acceptance and pair, ECVN and
 * MVRN lines) and every volume and cashflow of BSC Section T that {@link SettlementKernels} computes from them.
 *
 * <pre>
 *   registry(BmUnitDay)          once a day (and run): lead account, trading unit, interconnector, TLF, active
 *   reset()                      every period: clears the inputs
 *   meteredVolume/fpn/absvd/addAccepted/addEcvn/addMvrn
 *   SettlementKernels.volumes    TLOSS, TLMO, TLM, QBS, QME, QII, QCE, QABC, QACE, QABS, QAEI, RCRP
 *   (system price, another kernel: reads tlm(i))
 *   SettlementKernels.cashflows  CBM, CAEI, CII, QNDO/QNDB, CND, TRC, RCRC, CSOBM
 *   read accessors               reports, party day totals
 * </pre>
 *
 * <p>Indices: BM Units as in the registry; accounts as {@link EnergyAccount} ({@code 2p} Production, {@code 2p + 1}
 * Consumption); accepted rows, ECVN and MVRN lines in the order added. Nothing is allocated after construction
 * unless a day's registry has more trading units than any day before (a day-level event, never per period).
 *
 * <p>Missing data is reported, not guessed: an active BM Unit without a metered volume has
 * {@link #hasMeteredVolume(int)} false and is settled on QM = 0 ({@link #missingMeteredVolumeCount()} after
 * {@code volumes}); inputs for a BM Unit that is not active on the day are kept but ignored by the kernels
 * ({@link #ignoredInputCount()}).
 *
 * <p>Inputs are checked as they are added: indices in range, capacities, QAO &gt;= 0 &gt;= QAB, and every number
 * finite (an {@link IllegalArgumentException} or {@link IllegalStateException} otherwise, so that one NaN cannot
 * poison the losses of a whole period).
 *
 * <p>Not thread-safe: one book per settlement thread.
 */
public final class PeriodBook
{
    final int bmUnitCount;
    final int partyCount;
    final int accountCount;

    // Day-static registry attributes.
    final boolean[] active;
    final int[] leadAccount;
    final int[] tradingUnit;
    final boolean[] interconnector;
    final double[] tlf;
    int tradingUnitCount;
    int[] tradingUnitLocal = new int[0];
    double[] tradingUnitQm;

    // Per-period BM Unit inputs.
    final double[] qm;
    final boolean[] hasQm;
    final double[] fpn;
    final double[] qas;

    // Accepted rows (k, n, i).
    final int rowCapacity;
    int rowCount;
    final int[] rowBmUnit;
    final long[] rowAcceptance;
    final int[] rowPair;
    final double[] rowQao;
    final double[] rowQab;
    final double[] rowOfferPrice;
    final double[] rowBidPrice;

    // ECVN lines.
    final int ecvnCapacity;
    int ecvnCount;
    final int[] ecvnFrom;
    final int[] ecvnTo;
    final double[] ecvnVolume;

    // MVRN lines.
    final int mvrnCapacity;
    int mvrnCount;
    final int[] mvrnBmUnit;
    final int[] mvrnAccount;
    final double[] mvrnFixed;
    final double[] mvrnPercent;

    // BM Unit outputs.
    final boolean[] delivering;
    final double[] tlm;
    final double[] qaoTotal;
    final double[] qabTotal;
    final double[] qbs;
    final double[] qme;
    final double[] qii;
    final double[] qce;
    final double[] qceLead;
    final double[] mvrnFixedSum;
    final double[] qndo;
    final double[] qndb;
    final double[] cbm;
    final double[] cnd;
    final double[] cii;

    // Row and line outputs, and the BM Unit -> rows index.
    final double[] rowCo;
    final double[] rowCb;
    final double[] rowQndo;
    final double[] rowQndb;
    final int[] rowStart;
    final int[] rowOrder;
    final int[] rowRank;
    final double[] mvrnQmr;

    // Account outputs.
    final double[] qace;
    final double[] qabc;
    final double[] qabs;
    final double[] qaei;
    final double[] caei;
    final double[] rcrpBasis;
    final double[] rcrp;
    final double[] rcrc;

    // Period outputs.
    double tloss;
    double sumPlusQm;
    double sumMinusQm;
    double tlmoPlus;
    double tlmoMinus;
    double rcrpBasisTotal;
    double totalCbm;
    double totalCaei;
    double totalCii;
    double totalCnd;
    double trc;
    double soCashflow;
    int missingMeteredVolumeCount;
    int ignoredInputCount;

    /**
     * Allocates every array once.
     *
     * @param bmUnitCount         BM Units in the registry.
     * @param partyCount          parties in the registry; accounts are {@code EnergyAccount.count(partyCount)}.
     * @param acceptedRowCapacity most (acceptance, pair, BM Unit) rows a period can hold.
     * @param ecvnCapacity        most ECVN lines a period can hold.
     * @param mvrnCapacity        most MVRN lines a period can hold.
     */
    public PeriodBook(
        final int bmUnitCount,
        final int partyCount,
        final int acceptedRowCapacity,
        final int ecvnCapacity,
        final int mvrnCapacity)
    {
        if (bmUnitCount < 0 || partyCount < 0 || acceptedRowCapacity < 0 || ecvnCapacity < 0 || mvrnCapacity < 0)
        {
            throw new IllegalArgumentException("sizes must be >= 0");
        }
        this.bmUnitCount = bmUnitCount;
        this.partyCount = partyCount;
        this.accountCount = EnergyAccount.count(partyCount);

        active = new boolean[bmUnitCount];
        leadAccount = new int[bmUnitCount];
        Arrays.fill(leadAccount, EnergyAccount.NONE);
        tradingUnit = new int[bmUnitCount];
        interconnector = new boolean[bmUnitCount];
        tlf = new double[bmUnitCount];
        tradingUnitQm = new double[bmUnitCount];

        qm = new double[bmUnitCount];
        hasQm = new boolean[bmUnitCount];
        fpn = new double[bmUnitCount];
        qas = new double[bmUnitCount];

        rowCapacity = acceptedRowCapacity;
        rowBmUnit = new int[acceptedRowCapacity];
        rowAcceptance = new long[acceptedRowCapacity];
        rowPair = new int[acceptedRowCapacity];
        rowQao = new double[acceptedRowCapacity];
        rowQab = new double[acceptedRowCapacity];
        rowOfferPrice = new double[acceptedRowCapacity];
        rowBidPrice = new double[acceptedRowCapacity];

        this.ecvnCapacity = ecvnCapacity;
        ecvnFrom = new int[ecvnCapacity];
        ecvnTo = new int[ecvnCapacity];
        ecvnVolume = new double[ecvnCapacity];

        this.mvrnCapacity = mvrnCapacity;
        mvrnBmUnit = new int[mvrnCapacity];
        mvrnAccount = new int[mvrnCapacity];
        mvrnFixed = new double[mvrnCapacity];
        mvrnPercent = new double[mvrnCapacity];

        delivering = new boolean[bmUnitCount];
        tlm = new double[bmUnitCount];
        qaoTotal = new double[bmUnitCount];
        qabTotal = new double[bmUnitCount];
        qbs = new double[bmUnitCount];
        qme = new double[bmUnitCount];
        qii = new double[bmUnitCount];
        qce = new double[bmUnitCount];
        qceLead = new double[bmUnitCount];
        mvrnFixedSum = new double[bmUnitCount];
        qndo = new double[bmUnitCount];
        qndb = new double[bmUnitCount];
        cbm = new double[bmUnitCount];
        cnd = new double[bmUnitCount];
        cii = new double[bmUnitCount];

        rowCo = new double[acceptedRowCapacity];
        rowCb = new double[acceptedRowCapacity];
        rowQndo = new double[acceptedRowCapacity];
        rowQndb = new double[acceptedRowCapacity];
        rowStart = new int[bmUnitCount + 1];
        rowOrder = new int[acceptedRowCapacity];
        rowRank = new int[acceptedRowCapacity];
        mvrnQmr = new double[mvrnCapacity];

        qace = new double[accountCount];
        qabc = new double[accountCount];
        qabs = new double[accountCount];
        qaei = new double[accountCount];
        caei = new double[accountCount];
        rcrpBasis = new double[accountCount];
        rcrp = new double[accountCount];
        rcrc = new double[accountCount];
    }

    /**
     * Sets every BM Unit's day-static attributes from the registry's day view: once per Settlement Day (and run).
     * Trading unit indices are renumbered densely for the book.
     *
     * @param day the registry filled for the Settlement Day; must have this book's BM Unit count.
     */
    public void registry(final BmUnitDay day)
    {
        if (day.bmUnitCount() != bmUnitCount)
        {
            throw new IllegalArgumentException(
                "day view has " + day.bmUnitCount() + " BM Units, book has " + bmUnitCount);
        }
        int maxTradingUnit = -1;
        for (int i = 0; i < bmUnitCount; i++)
        {
            maxTradingUnit = Math.max(maxTradingUnit, day.tradingUnit(i));
        }
        if (tradingUnitLocal.length <= maxTradingUnit)
        {
            tradingUnitLocal = new int[maxTradingUnit + 1];
        }
        Arrays.fill(tradingUnitLocal, -1);
        tradingUnitCount = 0;
        for (int i = 0; i < bmUnitCount; i++)
        {
            final int tu = day.tradingUnit(i);
            int local = -1;
            if (day.active(i) && tu >= 0)
            {
                local = tradingUnitLocal[tu];
                if (local < 0)
                {
                    local = tradingUnitCount++;
                    tradingUnitLocal[tu] = local;
                }
            }
            else if (day.active(i))
            {
                local = tradingUnitCount++;
            }
            setActive(i, day.active(i), day.energyAccount(i), local, day.interconnector(i), day.tlf(i));
        }
        ensureTradingUnits(tradingUnitCount);
    }

    /**
     * Sets one BM Unit's day-static attributes directly: for tests and for drivers without a registry view. Call
     * {@link #tradingUnits(int)} after the last call with the number of distinct trading units used.
     *
     * @param bmUnit         BM Unit index.
     * @param leadAccount    the Energy Account its volume is credited to (lead party's account of its P/C status).
     * @param tradingUnit    its trading unit, a dense index in {@code [0, tradingUnitCount)}.
     * @param interconnector whether it is an interconnector BM Unit (TLM = 1, no losses).
     * @param tlf            its Transmission Loss Factor for the day.
     */
    public void bmUnit(
        final int bmUnit, final int leadAccount, final int tradingUnit, final boolean interconnector, final double tlf)
    {
        if (leadAccount < 0 || leadAccount >= accountCount || tradingUnit < 0)
        {
            throw new IllegalArgumentException("account " + leadAccount + " or trading unit " + tradingUnit);
        }
        setActive(bmUnit, true, leadAccount, tradingUnit, interconnector, tlf);
    }

    /**
     * Marks one BM Unit as not registered on the day: its inputs are ignored.
     *
     * @param bmUnit BM Unit index.
     */
    public void inactive(final int bmUnit)
    {
        setActive(bmUnit, false, EnergyAccount.NONE, -1, false, 0);
    }

    /**
     * Declares how many trading units the {@link #bmUnit} calls used (dense indices).
     *
     * @param count distinct trading units.
     */
    public void tradingUnits(final int count)
    {
        tradingUnitCount = count;
        ensureTradingUnits(count);
    }

    private void setActive(
        final int bmUnit,
        final boolean isActive,
        final int account,
        final int tu,
        final boolean isInterconnector,
        final double loss)
    {
        active[bmUnit] = isActive;
        leadAccount[bmUnit] = account;
        tradingUnit[bmUnit] = tu;
        interconnector[bmUnit] = isInterconnector;
        tlf[bmUnit] = isInterconnector ? 0 : loss;
    }

    private void ensureTradingUnits(final int count)
    {
        if (tradingUnitQm.length < count)
        {
            tradingUnitQm = new double[count];
        }
    }

    /**
     * Clears the period's inputs (metered volumes, FPN, ABSVD, accepted rows, ECVN and MVRN lines); the registry
     * attributes stay. Outputs are recomputed by the kernels.
     */
    public void reset()
    {
        Arrays.fill(qm, 0);
        Arrays.fill(hasQm, false);
        Arrays.fill(fpn, 0);
        Arrays.fill(qas, 0);
        rowCount = 0;
        ecvnCount = 0;
        mvrnCount = 0;
    }

    /**
     * @param bmUnit BM Unit index.
     * @param qm     BM Unit Metered Volume QM, MWh, positive into the Total System.
     */
    public void meteredVolume(final int bmUnit, final double qm)
    {
        finite(qm, "metered volume");
        this.qm[bmUnit] = qm;
        hasQm[bmUnit] = true;
    }

    /**
     * @param bmUnit BM Unit index.
     * @param fpnMwh Period FPN, MWh.
     */
    public void fpn(final int bmUnit, final double fpnMwh)
    {
        finite(fpnMwh, "FPN");
        fpn[bmUnit] = fpnMwh;
    }

    /**
     * @param bmUnit BM Unit index.
     * @param qas    BM Unit Applicable Balancing Services Volume (ABSVD), MWh.
     */
    public void absvd(final int bmUnit, final double qas)
    {
        finite(qas, "ABSVD volume");
        this.qas[bmUnit] = qas;
    }

    /**
     * Adds the period volumes of one accepted (acceptance k, pair n) row of a BM Unit.
     *
     * @param bmUnit            BM Unit index.
     * @param acceptanceNumber  acceptance number k.
     * @param pairId            Bid-Offer Pair number n.
     * @param qao               Period Accepted Offer Volume QAO, MWh, {@code >= 0}.
     * @param qab               Period Accepted Bid Volume QAB, MWh, {@code <= 0}.
     * @param offerPrice        the pair's offer price PO, GBP/MWh.
     * @param bidPrice          the pair's bid price PB, GBP/MWh.
     */
    public void addAccepted(
        final int bmUnit,
        final long acceptanceNumber,
        final int pairId,
        final double qao,
        final double qab,
        final double offerPrice,
        final double bidPrice)
    {
        if (rowCount == rowCapacity)
        {
            throw new IllegalStateException("accepted row capacity " + rowCapacity + " exceeded");
        }
        if (bmUnit < 0 || bmUnit >= bmUnitCount || !(qao >= 0) || !(qab <= 0))
        {
            throw new IllegalArgumentException("accepted row: BM Unit " + bmUnit + ", QAO " + qao + ", QAB " + qab);
        }
        finite(qao, "QAO");
        finite(qab, "QAB");
        finite(offerPrice, "offer price");
        finite(bidPrice, "bid price");
        final int r = rowCount++;
        rowBmUnit[r] = bmUnit;
        rowAcceptance[r] = acceptanceNumber;
        rowPair[r] = pairId;
        rowQao[r] = qao;
        rowQab[r] = qab;
        rowOfferPrice[r] = offerPrice;
        rowBidPrice[r] = bidPrice;
    }

    /**
     * Adds one Energy Contract Volume Notification line: energy sold by one account to another in the period.
     *
     * @param fromAccount the selling account.
     * @param toAccount   the buying account.
     * @param volumeMwh   the contract volume, MWh.
     */
    public void addEcvn(final int fromAccount, final int toAccount, final double volumeMwh)
    {
        if (ecvnCount == ecvnCapacity)
        {
            throw new IllegalStateException("ECVN capacity " + ecvnCapacity + " exceeded");
        }
        checkAccount(fromAccount);
        checkAccount(toAccount);
        finite(volumeMwh, "ECVN volume");
        final int z = ecvnCount++;
        ecvnFrom[z] = fromAccount;
        ecvnTo[z] = toAccount;
        ecvnVolume[z] = volumeMwh;
    }

    /**
     * Adds one Metered Volume Reallocation Notification line: part of a BM Unit's metered volume credited to a
     * subsidiary account instead of the lead account.
     *
     * @param bmUnit            BM Unit index.
     * @param subsidiaryAccount the account receiving the reallocation.
     * @param fixedMwh          Metered Volume Fixed Reallocation QMFR, MWh.
     * @param percentage        Metered Volume Percentage Reallocation QMPR, percent (0 to 100).
     */
    public void addMvrn(final int bmUnit, final int subsidiaryAccount, final double fixedMwh, final double percentage)
    {
        if (mvrnCount == mvrnCapacity)
        {
            throw new IllegalStateException("MVRN capacity " + mvrnCapacity + " exceeded");
        }
        if (bmUnit < 0 || bmUnit >= bmUnitCount)
        {
            throw new IllegalArgumentException("BM Unit " + bmUnit);
        }
        checkAccount(subsidiaryAccount);
        finite(fixedMwh, "MVRN fixed volume");
        finite(percentage, "MVRN percentage");
        final int m = mvrnCount++;
        mvrnBmUnit[m] = bmUnit;
        mvrnAccount[m] = subsidiaryAccount;
        mvrnFixed[m] = fixedMwh;
        mvrnPercent[m] = percentage;
    }

    private static void finite(final double value, final String what)
    {
        if (!Double.isFinite(value))
        {
            throw new IllegalArgumentException(what + " is not a finite number: " + value);
        }
    }

    private void checkAccount(final int account)
    {
        if (account < 0 || account >= accountCount)
        {
            throw new IllegalArgumentException("account " + account + " not in [0, " + accountCount + ")");
        }
    }

    /**
     * @return BM Units in the book.
     */
    public int bmUnitCount()
    {
        return bmUnitCount;
    }

    /**
     * @return parties in the book.
     */
    public int partyCount()
    {
        return partyCount;
    }

    /**
     * @return Energy Accounts in the book ({@code 2 * partyCount}).
     */
    public int accountCount()
    {
        return accountCount;
    }

    /**
     * @return trading units of the day (dense, renumbered by the book).
     */
    public int tradingUnitCount()
    {
        return tradingUnitCount;
    }

    /**
     * @return accepted rows added this period.
     */
    public int acceptedRowCount()
    {
        return rowCount;
    }

    /**
     * @return ECVN lines added this period.
     */
    public int ecvnCount()
    {
        return ecvnCount;
    }

    /**
     * @return MVRN lines added this period.
     */
    public int mvrnCount()
    {
        return mvrnCount;
    }

    /**
     * @param bmUnit BM Unit index.
     * @return whether the BM Unit is registered on the day.
     */
    public boolean active(final int bmUnit)
    {
        return active[bmUnit];
    }

    /**
     * @param bmUnit BM Unit index.
     * @return its lead account (where its volume and cashflows go), or {@link EnergyAccount#NONE} when inactive.
     */
    public int leadAccount(final int bmUnit)
    {
        return leadAccount[bmUnit];
    }

    /**
     * @param bmUnit BM Unit index.
     * @return whether a metered volume was given this period (false = missing data, settled on 0).
     */
    public boolean hasMeteredVolume(final int bmUnit)
    {
        return hasQm[bmUnit];
    }

    /**
     * @return active BM Units without a metered volume in the last {@code volumes} run.
     */
    public int missingMeteredVolumeCount()
    {
        return missingMeteredVolumeCount;
    }

    /**
     * @return inputs (metered volumes, accepted rows, MVRN lines) of inactive BM Units ignored by the kernels.
     */
    public int ignoredInputCount()
    {
        return ignoredInputCount;
    }

    /**
     * @param bmUnit BM Unit index.
     * @return its trading unit as the book's dense index (renumbered from the registry's), or -1 when inactive.
     */
    public int tradingUnit(final int bmUnit)
    {
        return tradingUnit[bmUnit];
    }

    /**
     * Total Trading Unit Metered Volume of the BM Unit's trading unit (an S0142 BP7 field), after {@code volumes}.
     *
     * @param bmUnit BM Unit index.
     * @return the sum of the metered volumes of its trading unit's active BM Units, MWh; 0 when inactive.
     */
    public double tradingUnitMeteredVolume(final int bmUnit)
    {
        return active[bmUnit] ? tradingUnitQm[tradingUnit[bmUnit]] : 0;
    }

    /**
     * @param bmUnit BM Unit index.
     * @return whether its trading unit is delivering this period (sum of its metered volumes &gt; 0).
     */
    public boolean delivering(final int bmUnit)
    {
        return delivering[bmUnit];
    }

    /**
     * @param bmUnit BM Unit index.
     * @return Period FPN, MWh.
     */
    public double fpn(final int bmUnit)
    {
        return fpn[bmUnit];
    }

    /**
     * @param bmUnit BM Unit index.
     * @return ABSVD volume QAS, MWh.
     */
    public double qas(final int bmUnit)
    {
        return qas[bmUnit];
    }

    /**
     * @param bmUnit BM Unit index.
     * @return the sum of QAO over its accepted rows, MWh.
     */
    public double qaoTotal(final int bmUnit)
    {
        return qaoTotal[bmUnit];
    }

    /**
     * @param bmUnit BM Unit index.
     * @return the sum of QAB over its accepted rows, MWh.
     */
    public double qabTotal(final int bmUnit)
    {
        return qabTotal[bmUnit];
    }

    /**
     * @param bmUnit BM Unit index.
     * @return Balancing Services Volume QBS, MWh.
     */
    public double qbs(final int bmUnit)
    {
        return qbs[bmUnit];
    }

    /**
     * @param bmUnit BM Unit index.
     * @return metered volume QM, MWh (0 when missing).
     */
    public double qm(final int bmUnit)
    {
        return qm[bmUnit];
    }

    /**
     * @param bmUnit BM Unit index.
     * @return its Transmission Loss Factor for the day.
     */
    public double tlf(final int bmUnit)
    {
        return tlf[bmUnit];
    }

    /**
     * The Transmission Loss Multiplier, available after {@link SettlementKernels#volumes}: the price kernel weights
     * accepted volumes by it.
     *
     * @param bmUnit BM Unit index.
     * @return TLM.
     */
    public double tlm(final int bmUnit)
    {
        return tlm[bmUnit];
    }

    /**
     * @param bmUnit BM Unit index.
     * @return Expected Metered Volume QME, MWh.
     */
    public double qme(final int bmUnit)
    {
        return qme[bmUnit];
    }

    /**
     * @param bmUnit BM Unit index.
     * @return Information Imbalance Volume QII = QM - QME, MWh.
     */
    public double qii(final int bmUnit)
    {
        return qii[bmUnit];
    }

    /**
     * @param bmUnit BM Unit index.
     * @return credited energy QM * TLM over all its accounts, MWh.
     */
    public double qce(final int bmUnit)
    {
        return qce[bmUnit];
    }

    /**
     * @param bmUnit BM Unit index.
     * @return the part of its credited energy left with its lead account, MWh.
     */
    public double qceLead(final int bmUnit)
    {
        return qceLead[bmUnit];
    }

    /**
     * @param bmUnit BM Unit index.
     * @return non-delivered offer volume QNDO, MWh, {@code >= 0}.
     */
    public double qndo(final int bmUnit)
    {
        return qndo[bmUnit];
    }

    /**
     * @param bmUnit BM Unit index.
     * @return non-delivered bid volume QNDB, MWh, {@code <= 0}.
     */
    public double qndb(final int bmUnit)
    {
        return qndb[bmUnit];
    }

    /**
     * @param bmUnit BM Unit index.
     * @return BM Unit Cashflow CBM, GBP, positive = credit to the lead party.
     */
    public double cbm(final int bmUnit)
    {
        return cbm[bmUnit];
    }

    /**
     * @param bmUnit BM Unit index.
     * @return Non-Delivery Charge CND, GBP, positive = debit.
     */
    public double cnd(final int bmUnit)
    {
        return cnd[bmUnit];
    }

    /**
     * @param bmUnit BM Unit index.
     * @return Information Imbalance Charge CII, GBP, positive = debit.
     */
    public double cii(final int bmUnit)
    {
        return cii[bmUnit];
    }

    /**
     * @param row accepted row index.
     * @return its BM Unit.
     */
    public int rowBmUnit(final int row)
    {
        return rowBmUnit[row];
    }

    /**
     * @param row accepted row index.
     * @return its acceptance number.
     */
    public long rowAcceptance(final int row)
    {
        return rowAcceptance[row];
    }

    /**
     * @param row accepted row index.
     * @return its pair number.
     */
    public int rowPair(final int row)
    {
        return rowPair[row];
    }

    /**
     * @param row accepted row index.
     * @return its QAO, MWh.
     */
    public double rowQao(final int row)
    {
        return rowQao[row];
    }

    /**
     * @param row accepted row index.
     * @return its QAB, MWh.
     */
    public double rowQab(final int row)
    {
        return rowQab[row];
    }

    /**
     * @param row accepted row index.
     * @return its offer price, GBP/MWh.
     */
    public double rowOfferPrice(final int row)
    {
        return rowOfferPrice[row];
    }

    /**
     * @param row accepted row index.
     * @return its bid price, GBP/MWh.
     */
    public double rowBidPrice(final int row)
    {
        return rowBidPrice[row];
    }

    /**
     * @param row accepted row index.
     * @return its offer cashflow QAO * PO (* TLM), GBP.
     */
    public double rowOfferCashflow(final int row)
    {
        return rowCo[row];
    }

    /**
     * @param row accepted row index.
     * @return its bid cashflow QAB * PB (* TLM), GBP.
     */
    public double rowBidCashflow(final int row)
    {
        return rowCb[row];
    }

    /**
     * @param row accepted row index.
     * @return the non-delivered offer volume allocated to it, MWh.
     */
    public double rowQndo(final int row)
    {
        return rowQndo[row];
    }

    /**
     * @param row accepted row index.
     * @return the non-delivered bid volume allocated to it, MWh.
     */
    public double rowQndb(final int row)
    {
        return rowQndb[row];
    }

    /**
     * Period BM Unit Offer Cashflow of one pair: the sum of the offer cashflows of the BM Unit's rows of that pair.
     * For reports (a scan of the BM Unit's rows, after {@code volumes}).
     *
     * @param bmUnit BM Unit index.
     * @param pairId pair number n.
     * @return CO_n, GBP.
     */
    public double pairOfferCashflow(final int bmUnit, final int pairId)
    {
        double sum = 0;
        for (int o = rowStart[bmUnit], end = rowStart[bmUnit + 1]; o < end; o++)
        {
            final int r = rowOrder[o];
            if (rowPair[r] == pairId)
            {
                sum += rowCo[r];
            }
        }
        return sum;
    }

    /**
     * Period BM Unit Bid Cashflow of one pair (see {@link #pairOfferCashflow}).
     *
     * @param bmUnit BM Unit index.
     * @param pairId pair number n.
     * @return CB_n, GBP.
     */
    public double pairBidCashflow(final int bmUnit, final int pairId)
    {
        double sum = 0;
        for (int o = rowStart[bmUnit], end = rowStart[bmUnit + 1]; o < end; o++)
        {
            final int r = rowOrder[o];
            if (rowPair[r] == pairId)
            {
                sum += rowCb[r];
            }
        }
        return sum;
    }

    /**
     * @param line ECVN line index.
     * @return the selling account.
     */
    public int ecvnFrom(final int line)
    {
        return ecvnFrom[line];
    }

    /**
     * @param line ECVN line index.
     * @return the buying account.
     */
    public int ecvnTo(final int line)
    {
        return ecvnTo[line];
    }

    /**
     * @param line ECVN line index.
     * @return the contract volume, MWh.
     */
    public double ecvnVolume(final int line)
    {
        return ecvnVolume[line];
    }

    /**
     * @param line MVRN line index.
     * @return its BM Unit.
     */
    public int mvrnBmUnit(final int line)
    {
        return mvrnBmUnit[line];
    }

    /**
     * @param line MVRN line index.
     * @return its subsidiary account.
     */
    public int mvrnAccount(final int line)
    {
        return mvrnAccount[line];
    }

    /**
     * @param line MVRN line index.
     * @return its fixed reallocation QMFR, MWh.
     */
    public double mvrnFixed(final int line)
    {
        return mvrnFixed[line];
    }

    /**
     * @param line MVRN line index.
     * @return its percentage reallocation QMPR, percent.
     */
    public double mvrnPercent(final int line)
    {
        return mvrnPercent[line];
    }

    /**
     * @param line MVRN line index.
     * @return its reallocated metered volume QMR (before TLM), MWh.
     */
    public double mvrnReallocated(final int line)
    {
        return mvrnQmr[line];
    }

    /**
     * @param account account index.
     * @return Account Credited Energy Volume QACE, MWh.
     */
    public double qace(final int account)
    {
        return qace[account];
    }

    /**
     * @param account account index.
     * @return Account Bilateral Contract Volume QABC, MWh, positive = net seller.
     */
    public double qabc(final int account)
    {
        return qabc[account];
    }

    /**
     * @param account account index.
     * @return Account Period Balancing Services Volume QABS, MWh.
     */
    public double qabs(final int account)
    {
        return qabs[account];
    }

    /**
     * @param account account index.
     * @return Account Energy Imbalance Volume QAEI, MWh, positive = long.
     */
    public double qaei(final int account)
    {
        return qaei[account];
    }

    /**
     * @param account account index.
     * @return Energy Imbalance Cashflow CAEI, GBP, positive = debit.
     */
    public double caei(final int account)
    {
        return caei[account];
    }

    /**
     * @param account account index.
     * @return the RCRP basis: credited energy signed by trading unit status, MWh.
     */
    public double rcrpBasis(final int account)
    {
        return rcrpBasis[account];
    }

    /**
     * @param account account index.
     * @return Residual Cashflow Reallocation Proportion RCRP.
     */
    public double rcrp(final int account)
    {
        return rcrp[account];
    }

    /**
     * @param account account index.
     * @return Residual Cashflow Reallocation Cashflow RCRC, GBP, positive = credit.
     */
    public double rcrc(final int account)
    {
        return rcrc[account];
    }

    /**
     * @return total transmission losses TLOSS = sum QM, MWh.
     */
    public double tloss()
    {
        return tloss;
    }

    /**
     * @return sum+ QM: QM over BM Units in delivering trading units, MWh (interconnectors per
     *     {@link SettlementOptions#interconnectorsInTlmoSums()}).
     */
    public double deliveringQm()
    {
        return sumPlusQm;
    }

    /**
     * @return sum- QM: QM over BM Units in offtaking trading units, MWh (interconnectors per
     *     {@link SettlementOptions#interconnectorsInTlmoSums()}).
     */
    public double offtakingQm()
    {
        return sumMinusQm;
    }

    /**
     * @return the sum over accounts of the RCRP basis (RCRP = basis / this; all 0 when this is 0, which it is set to
     *     when within {@link SettlementKernels#RCRP_ZERO_TOLERANCE} of the bases' magnitudes).
     */
    public double rcrpBasisTotal()
    {
        return rcrpBasisTotal;
    }

    /**
     * @return TLMO+ (delivering adjustment).
     */
    public double tlmoPlus()
    {
        return tlmoPlus;
    }

    /**
     * @return TLMO- (offtaking adjustment).
     */
    public double tlmoMinus()
    {
        return tlmoMinus;
    }

    /**
     * @return Total System BM Cashflow TCBM = sum CBM, GBP.
     */
    public double totalCbm()
    {
        return totalCbm;
    }

    /**
     * @return sum CAEI over accounts, GBP.
     */
    public double totalCaei()
    {
        return totalCaei;
    }

    /**
     * @return sum CII over BM Units, GBP.
     */
    public double totalCii()
    {
        return totalCii;
    }

    /**
     * @return sum CND over BM Units, GBP.
     */
    public double totalCnd()
    {
        return totalCnd;
    }

    /**
     * @return Total Residual Cashflow TRC reallocated by RCRC, GBP.
     */
    public double trc()
    {
        return trc;
    }

    /**
     * @return System Operator BM cashflow CSOBM, GBP, sign per {@link SettlementOptions#soCashflowSign()}.
     */
    public double soCashflow()
    {
        return soCashflow;
    }
}
