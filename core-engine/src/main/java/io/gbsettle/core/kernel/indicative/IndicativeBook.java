package io.gbsettle.core.kernel.indicative;

import java.util.Arrays;

import io.gbsettle.core.kernel.price.ImbalancePriceKernel;
import io.gbsettle.core.kernel.price.PriceParameters;
import io.gbsettle.core.kernel.price.PriceResult;
import io.gbsettle.core.kernel.price.PriceStack;
import io.gbsettle.core.kernel.volume.AcceptanceVolumeKernel;
import io.gbsettle.core.kernel.volume.AcceptedVolumes;
import io.gbsettle.core.kernel.volume.BalancingBook;
import io.gbsettle.core.kernel.volume.VolumeOptions;
import io.gbsettle.core.registry.BmUnitDay;

/**
 * The real-time indicative price kernel of one Settlement Day: balancing rows arrive one at a time in any order, and
 * only what a row can change is recomputed. Pure, single-threaded, sized once by the constructor and allocation-free
 * after warm-up (a day of the same size as one already seen).
 *
 * <p>Life cycle: {@link #reset} for the day; any number of event calls ({@link #pn}, {@link #bod},
 * {@link #acceptance}, {@link #bsad}, {@link #netbsad}, {@link #marketIndex}, {@link #lolp}), each marking the
 * periods whose inputs changed in {@link #dirtyPeriods()}; {@link #recompute(int)} reprices a period and reports the
 * cashflows of the BM Units whose accepted volumes changed in it since its previous recompute. Business keys (a later
 * row with the same key replaces the earlier one, an identical row changes nothing): PN (unit, timeFrom), BOD (unit,
 * pair, timeFrom), acceptance segment (unit, number, timeFrom), DISBSAD (period, id), NETBSAD (period), MID
 * (period, provider), LoLP (period).
 *
 * <p>Why it is cheap: a BM Unit's accepted volumes depend only on its own PN, BOD and BOALF rows. A PN or BOD row
 * changes them only in the periods its old and new extents meet, and only where the unit has an acceptance; an
 * acceptance row changes them only over the CADL chains (overlapping or abutting acceptance spans) that contain the
 * acceptance before and after the change (baselines, chain durations and flags do not reach further). For those
 * periods the unit alone is recomputed: its acceptance rows and the PN and BOD rows meeting the periods go into a
 * scratch one-unit {@link BalancingBook}, {@link AcceptanceVolumeKernel#period} computes its rows, and each period's
 * action list takes the new rows only where they differ, marking the period dirty. A row keeps its CADL flag (the
 * chain duration compared with the day's CADL), not the duration, so a chain that grows without crossing CADL does
 * not reprice the periods it only lengthens. Repricing a period is one {@link ImbalancePriceKernel#price} over its
 * stack (tens to a few hundred actions).
 *
 * <pre>{@code
 *   book.reset(day, dayStartEpochSecond, periodCount, PriceParameters.on(epochDay));
 *   book.bod(unit, pair, t0, l0, t1, l1, offer, bid);               // any event
 *   for (long dirty = book.dirtyPeriods(); dirty != 0; dirty &= dirty - 1)
 *   {
 *       final int period = Long.numberOfTrailingZeros(dirty) + 1;
 *       book.recompute(period);                                      // then publish:
 *       // book.systemPrice(period), book.niv(period), book.totalCbm(period),
 *       // for c < book.cashflowCount(): book.cashflowUnit(c), cashflowQao/Qab/Cbm/Tlm(c)
 *   }
 * }</pre>
 *
 * <p>Capacities (constructor) are hard limits: exceeding one throws {@link IllegalStateException} and leaves the day's
 * state unusable until {@link #reset}; size them from the day's expected rows with room to spare.
 *
 * <p>Equal to the batch computation (a whole-day {@link BalancingBook}, {@link AcceptanceVolumeKernel#period},
 * a {@link PriceStack} with the same indicative TLMs, {@link ImbalancePriceKernel}) up to rounding: a PN or BOD row
 * outside the recomputed periods is left out of the scratch book, which can move a resolved piece's start and so the
 * last bits of a level. Stack rows are added in the batch order (BM Unit, acceptance, pair; then DISBSAD by id).
 */
public final class IndicativeBook
{
    private static final int PAIR_SLOTS = 2 * BalancingBook.MAX_PAIR + 1;
    private static final long PERIOD = BalancingBook.PERIOD_SECONDS;
    private static final int MAX_PERIODS = BalancingBook.MAX_PERIODS;
    private static final int NONE = -1;
    private static final byte FLAG_SO = 1;
    private static final byte FLAG_STOR = 2;
    private static final byte FLAG_RR = 4;
    private static final byte FLAG_DEEMED = 8;

    private final IndicativeOptions options;
    private final VolumeOptions volumeOptions;
    private final int bmUnitCount;
    private final int unitRowCapacity;
    private final int periodRowCapacity;
    private final int bsadCapacity;

    private BmUnitDay day;
    private PriceParameters parameters;
    private long dayStart;
    private int periodCount;
    private long dirty;

    // PN rows, linked per (BM Unit, period of timeFrom) bucket; the longest row of each unit bounds the look-back
    private final RowKeyIndex pnIndex;
    private int pnCount;
    private final int[] pnUnit;
    private final long[] pnFrom;
    private final long[] pnTo;
    private final double[] pnLevelFrom;
    private final double[] pnLevelTo;
    private final int[] pnNext;
    private final int[] pnBucket;
    private final long[] pnLongest;

    // BOD rows, linked per (BM Unit, period of timeFrom) bucket, like PN
    private final RowKeyIndex bodIndex;
    private int bodCount;
    private final int[] bodPair;
    private final long[] bodFrom;
    private final long[] bodTo;
    private final double[] bodLevelFrom;
    private final double[] bodLevelTo;
    private final double[] bodOffer;
    private final double[] bodBid;
    private final int[] bodNext;
    private final int[] bodBucket;
    private final long[] bodLongest;

    // acceptance (BOALF) rows, linked per BM Unit
    private final RowKeyIndex accIndex;
    private int accCount;
    private final long[] accNumber;
    private final long[] accTime;
    private final long[] accFrom;
    private final long[] accTo;
    private final double[] accLevelFrom;
    private final double[] accLevelTo;
    private final byte[] accFlags;
    private final int[] accNext;
    private final int[] accHead;
    private final int[] accUnitRows;
    // periods met by the spans of each unit's acceptances, bit (j - 1) for period j
    private final long[] unitAcceptancePeriods;

    // acceptance span scratch of one unit: its rows, each row's acceptance span
    private final int[] spanRow;
    private final long[] spanFrom;
    private final long[] spanTo;
    private int spanCount;
    private long hullFrom;
    private long hullTo;

    // one-unit scratch
    private final BalancingBook scratch;
    private final AcceptedVolumes scratchOut;

    // each period's BOA rows, ordered by BM Unit (and, within a unit, as the volume kernel emits them)
    private final int[] periodRows = new int[MAX_PERIODS];
    private final int[] rowUnit;
    private final long[] rowNumber;
    private final int[] rowPair;
    private final double[] rowQao;
    private final double[] rowQab;
    private final double[] rowOfferPrice;
    private final double[] rowBidPrice;
    private final byte[] rowFlags;
    private final boolean[] rowCadl;
    private final double[] rowTlm;

    // units whose rows changed in a period since its last recompute
    private final int[] changedCount = new int[MAX_PERIODS];
    private final int[] changedUnit;
    private final boolean[] changedFlag;

    // DISBSAD per period, ordered by id
    private final int[] bsadCount = new int[MAX_PERIODS];
    private final long[] bsadId;
    private final double[] bsadCost;
    private final double[] bsadVolume;
    private final boolean[] bsadSo;
    private final boolean[] bsadStor;

    // NETBSAD, LoLP, MID per period
    private final double[] bpa = new double[MAX_PERIODS];
    private final double[] spa = new double[MAX_PERIODS];
    private final double[] lolp = new double[MAX_PERIODS];
    private final boolean[] storWindow = new boolean[MAX_PERIODS];
    private final int[] midCount = new int[MAX_PERIODS];
    private final long[] midProvider = new long[MAX_PERIODS * PriceStack.MAX_MARKET_INDEX];
    private final double[] midPrice = new double[MAX_PERIODS * PriceStack.MAX_MARKET_INDEX];
    private final double[] midVolume = new double[MAX_PERIODS * PriceStack.MAX_MARKET_INDEX];

    // pricing
    private final PriceStack stack;
    private final PriceResult result;
    private final double[] systemPrice = new double[MAX_PERIODS];
    private final double[] niv = new double[MAX_PERIODS];
    private final int[] actionCount = new int[MAX_PERIODS];
    private final double[] totalCbm = new double[MAX_PERIODS];

    // cashflows of the last recompute
    private int cashflowPeriod;
    private int cashflowCount;
    private final int[] cashflowUnit;
    private final double[] cashflowQao;
    private final double[] cashflowQab;
    private final double[] cashflowCbm;
    private final double[] cashflowTlm;

    private long unitRecomputes;
    private long periodVolumeComputations;

    /**
     * Allocates every array once.
     *
     * @param options                   the choices (ETLMO, TLM side, volume and price options).
     * @param bmUnitCount               BM Units indexed {@code 0 .. bmUnitCount - 1} (the registry's indices).
     * @param pnCapacity                most distinct PN rows (business keys) a day may hold.
     * @param bodCapacity               most distinct BOD rows a day may hold.
     * @param acceptanceSegmentCapacity most distinct BOALF rows a day may hold.
     * @param unitRowCapacity           most rows of one kind one BM Unit may hold in a day (sizes the scratch
     *                                  one-unit book: all the unit's BOALF rows, its PN and BOD rows of the
     *                                  periods being recomputed).
     * @param periodRowCapacity         most (BM Unit, acceptance, pair) rows a period may hold.
     * @param bsadCapacity              most DISBSAD actions a period may hold.
     */
    public IndicativeBook(
        final IndicativeOptions options,
        final int bmUnitCount,
        final int pnCapacity,
        final int bodCapacity,
        final int acceptanceSegmentCapacity,
        final int unitRowCapacity,
        final int periodRowCapacity,
        final int bsadCapacity)
    {
        if (bmUnitCount < 1 || pnCapacity < 0 || bodCapacity < 0 || acceptanceSegmentCapacity < 0 ||
            unitRowCapacity < 1 || periodRowCapacity < 1 || bsadCapacity < 0)
        {
            throw new IllegalArgumentException("sizes must be >= 0 (BM Units and per-unit/period rows >= 1)");
        }
        this.options = options;
        this.volumeOptions = options.volumeOptions();
        this.bmUnitCount = bmUnitCount;
        this.unitRowCapacity = unitRowCapacity;
        this.periodRowCapacity = periodRowCapacity;
        this.bsadCapacity = bsadCapacity;

        pnIndex = new RowKeyIndex(pnCapacity);
        pnUnit = new int[pnCapacity];
        pnFrom = new long[pnCapacity];
        pnTo = new long[pnCapacity];
        pnLevelFrom = new double[pnCapacity];
        pnLevelTo = new double[pnCapacity];
        pnNext = new int[pnCapacity];
        pnBucket = new int[bmUnitCount * MAX_PERIODS];
        pnLongest = new long[bmUnitCount];

        bodIndex = new RowKeyIndex(bodCapacity);
        bodPair = new int[bodCapacity];
        bodFrom = new long[bodCapacity];
        bodTo = new long[bodCapacity];
        bodLevelFrom = new double[bodCapacity];
        bodLevelTo = new double[bodCapacity];
        bodOffer = new double[bodCapacity];
        bodBid = new double[bodCapacity];
        bodNext = new int[bodCapacity];
        bodBucket = new int[bmUnitCount * MAX_PERIODS];
        bodLongest = new long[bmUnitCount];

        accIndex = new RowKeyIndex(acceptanceSegmentCapacity);
        accNumber = new long[acceptanceSegmentCapacity];
        accTime = new long[acceptanceSegmentCapacity];
        accFrom = new long[acceptanceSegmentCapacity];
        accTo = new long[acceptanceSegmentCapacity];
        accLevelFrom = new double[acceptanceSegmentCapacity];
        accLevelTo = new double[acceptanceSegmentCapacity];
        accFlags = new byte[acceptanceSegmentCapacity];
        accNext = new int[acceptanceSegmentCapacity];
        accHead = new int[bmUnitCount];
        accUnitRows = new int[bmUnitCount];
        unitAcceptancePeriods = new long[bmUnitCount];

        spanRow = new int[unitRowCapacity];
        spanFrom = new long[unitRowCapacity];
        spanTo = new long[unitRowCapacity];

        scratch = new BalancingBook(1, unitRowCapacity, unitRowCapacity, unitRowCapacity);
        scratchOut = new AcceptedVolumes(1, Math.max(16, unitRowCapacity * PAIR_SLOTS));

        final int rows = MAX_PERIODS * periodRowCapacity;
        rowUnit = new int[rows];
        rowNumber = new long[rows];
        rowPair = new int[rows];
        rowQao = new double[rows];
        rowQab = new double[rows];
        rowOfferPrice = new double[rows];
        rowBidPrice = new double[rows];
        rowFlags = new byte[rows];
        rowCadl = new boolean[rows];
        rowTlm = new double[rows];

        changedUnit = new int[MAX_PERIODS * bmUnitCount];
        changedFlag = new boolean[MAX_PERIODS * bmUnitCount];

        final int bsadRows = MAX_PERIODS * Math.max(1, bsadCapacity);
        bsadId = new long[bsadRows];
        bsadCost = new double[bsadRows];
        bsadVolume = new double[bsadRows];
        bsadSo = new boolean[bsadRows];
        bsadStor = new boolean[bsadRows];

        final int stackCapacity = 2 * periodRowCapacity + bsadCapacity + 1;
        stack = new PriceStack(stackCapacity);
        result = new PriceResult(stackCapacity);

        cashflowUnit = new int[bmUnitCount];
        cashflowQao = new double[bmUnitCount];
        cashflowQab = new double[bmUnitCount];
        cashflowCbm = new double[bmUnitCount];
        cashflowTlm = new double[bmUnitCount];
    }

    /**
     * Empties the book for a new Settlement Day. Allocates nothing.
     *
     * @param day                 the registry's view of the day (active, production, interconnector, TLF).
     * @param dayStartEpochSecond UTC start of the day's first period, epoch seconds.
     * @param periodCount         periods in the day (46, 48 or 50).
     * @param parameters          the price parameters in force on the day ({@link PriceParameters#on(long)}).
     */
    public void reset(
        final BmUnitDay day, final long dayStartEpochSecond, final int periodCount, final PriceParameters parameters)
    {
        if (periodCount < 1 || periodCount > MAX_PERIODS)
        {
            throw new IllegalArgumentException("periodCount must be 1.." + MAX_PERIODS + ": " + periodCount);
        }
        if (day.bmUnitCount() > bmUnitCount)
        {
            throw new IllegalArgumentException("the day has " + day.bmUnitCount() + " BM Units, book " + bmUnitCount);
        }
        if (parameters == null)
        {
            throw new IllegalArgumentException("price parameters are required");
        }
        this.day = day;
        this.parameters = parameters;
        this.dayStart = dayStartEpochSecond;
        this.periodCount = periodCount;
        dirty = 0;
        pnCount = 0;
        bodCount = 0;
        accCount = 0;
        pnIndex.clear();
        bodIndex.clear();
        accIndex.clear();
        Arrays.fill(pnBucket, NONE);
        Arrays.fill(bodBucket, NONE);
        Arrays.fill(pnLongest, 0L);
        Arrays.fill(bodLongest, 0L);
        Arrays.fill(accHead, NONE);
        Arrays.fill(accUnitRows, 0);
        Arrays.fill(unitAcceptancePeriods, 0L);
        Arrays.fill(periodRows, 0);
        Arrays.fill(changedCount, 0);
        Arrays.fill(changedFlag, false);
        Arrays.fill(bsadCount, 0);
        Arrays.fill(bpa, 0.0);
        Arrays.fill(spa, 0.0);
        Arrays.fill(lolp, Double.NaN);
        Arrays.fill(storWindow, false);
        Arrays.fill(midCount, 0);
        Arrays.fill(systemPrice, Double.NaN);
        Arrays.fill(niv, Double.NaN);
        Arrays.fill(actionCount, 0);
        Arrays.fill(totalCbm, 0.0);
        cashflowPeriod = 0;
        cashflowCount = 0;
        unitRecomputes = 0;
        periodVolumeComputations = 0;
    }

    /**
     * A PN segment (part of the FPN). Key (unit, timeFrom).
     *
     * @param unit BM Unit index.
     * @param t0   segment start, epoch seconds.
     * @param l0   MW at the start.
     * @param t1   segment end, epoch seconds, not before the start.
     * @param l1   MW at the end.
     */
    public void pn(final int unit, final long t0, final double l0, final long t1, final double l1)
    {
        checkSegment(unit, t0, l0, t1, l1);
        int r = pnIndex.find(unit, 0, t0);
        long seedFrom = t0;
        long seedTo = t1;
        if (r != NONE)
        {
            if (pnTo[r] == t1 && same(pnLevelFrom[r], l0) && same(pnLevelTo[r], l1))
            {
                return;
            }
            seedFrom = Math.min(seedFrom, pnFrom[r]);
            seedTo = Math.max(seedTo, pnTo[r]);
        }
        else
        {
            r = newPnRow(unit, t0);
        }
        pnTo[r] = t1;
        pnLevelFrom[r] = l0;
        pnLevelTo[r] = l1;
        pnLongest[unit] = Math.max(pnLongest[unit], t1 - t0);
        recomputeUnit(unit, periodsMeeting(seedFrom, seedTo) & unitAcceptancePeriods[unit]);
    }

    /**
     * A Bid-Offer Data segment of pair {@code pair}. Key (unit, pair, timeFrom).
     *
     * @param unit  BM Unit index.
     * @param pair  pair number n, non-zero, |n| &lt;= {@link BalancingBook#MAX_PAIR}.
     * @param t0    segment start, epoch seconds.
     * @param l0    band width (MW) at the start.
     * @param t1    segment end, epoch seconds.
     * @param l1    band width (MW) at the end.
     * @param offer offer price, GBP/MWh.
     * @param bid   bid price, GBP/MWh.
     */
    public void bod(
        final int unit, final int pair, final long t0, final double l0, final long t1, final double l1,
        final double offer, final double bid)
    {
        checkSegment(unit, t0, l0, t1, l1);
        if (pair == 0 || pair > BalancingBook.MAX_PAIR || pair < -BalancingBook.MAX_PAIR)
        {
            throw new IllegalArgumentException("pair must be non-zero and within ±" + BalancingBook.MAX_PAIR);
        }
        if (!Double.isFinite(offer) || !Double.isFinite(bid))
        {
            throw new IllegalArgumentException("prices must be finite");
        }
        int r = bodIndex.find(unit, pair, t0);
        long seedFrom = t0;
        long seedTo = t1;
        if (r != NONE)
        {
            if (bodTo[r] == t1 && same(bodLevelFrom[r], l0) && same(bodLevelTo[r], l1) && same(bodOffer[r], offer) &&
                same(bodBid[r], bid))
            {
                return;
            }
            seedFrom = Math.min(seedFrom, bodFrom[r]);
            seedTo = Math.max(seedTo, bodTo[r]);
        }
        else
        {
            r = newBodRow(unit, pair, t0);
        }
        bodTo[r] = t1;
        bodLevelFrom[r] = l0;
        bodLevelTo[r] = l1;
        bodLongest[unit] = Math.max(bodLongest[unit], t1 - t0);
        bodOffer[r] = offer;
        bodBid[r] = bid;
        recomputeUnit(unit, periodsMeeting(seedFrom, seedTo) & unitAcceptancePeriods[unit]);
    }

    /**
     * A BOALF row: one straight segment of acceptance {@code number}'s MW level profile. Key (unit, number,
     * timeFrom); the acceptance is identified by (unit, number, acceptanceTime) as in {@link BalancingBook}.
     *
     * @param unit           BM Unit index.
     * @param number         acceptance number k, 0 .. {@link PriceStack#MAX_ACCEPTANCE_ID}.
     * @param acceptanceTime when the acceptance was issued, epoch seconds.
     * @param t0             segment start, epoch seconds.
     * @param l0             MW at the start.
     * @param t1             segment end, epoch seconds.
     * @param l1             MW at the end.
     * @param so             SO-Flag.
     * @param stor           STOR Provider Flag.
     * @param rr             RR flag.
     * @param deemed         deemed Bid-Offer flag.
     */
    public void acceptance(
        final int unit, final long number, final long acceptanceTime, final long t0, final double l0, final long t1,
        final double l1, final boolean so, final boolean stor, final boolean rr, final boolean deemed)
    {
        checkSegment(unit, t0, l0, t1, l1);
        if (number < 0 || number > PriceStack.MAX_ACCEPTANCE_ID)
        {
            throw new IllegalArgumentException("acceptance number out of range: " + number);
        }
        final byte flags = (byte)((so ? FLAG_SO : 0) | (stor ? FLAG_STOR : 0) | (rr ? FLAG_RR : 0) |
            (deemed ? FLAG_DEEMED : 0));
        int r = accIndex.find(unit, number, t0);
        long seedFrom = t0;
        long seedTo = t1;
        if (r != NONE)
        {
            if (accTime[r] == acceptanceTime && accTo[r] == t1 && same(accLevelFrom[r], l0) &&
                same(accLevelTo[r], l1) && accFlags[r] == flags)
            {
                return;
            }
            seedFrom = Math.min(seedFrom, accFrom[r]);
            seedTo = Math.max(seedTo, accTo[r]);
        }
        acceptanceSpans(unit);
        chainHull(seedFrom, seedTo);
        final long oldFrom = hullFrom;
        final long oldTo = hullTo;
        if (r == NONE)
        {
            r = newAcceptanceRow(unit, number, t0);
        }
        accTime[r] = acceptanceTime;
        accTo[r] = t1;
        accLevelFrom[r] = l0;
        accLevelTo[r] = l1;
        accFlags[r] = flags;
        unitAcceptancePeriods[unit] = acceptanceSpans(unit);
        chainHull(seedFrom, seedTo);
        recomputeUnit(unit, periodsMeeting(Math.min(oldFrom, hullFrom), Math.max(oldTo, hullTo)));
    }

    /**
     * A DISBSAD action. Key (period, id). Its price is cost / volume (null when the volume is 0), loss factor 1.
     *
     * @param period settlement period, 1 .. periodCount.
     * @param id     the action's id.
     * @param cost   GBP; {@code NaN} for a null cost (a null price).
     * @param volume MWh, signed (&gt; 0 buy).
     * @param so     SO-flag.
     * @param stor   STOR flag.
     */
    public void bsad(
        final int period, final long id, final double cost, final double volume, final boolean so,
        final boolean stor)
    {
        checkPeriod(period);
        if (!Double.isFinite(volume) || Double.isInfinite(cost))
        {
            throw new IllegalArgumentException("DISBSAD volume must be finite and cost finite or NaN (null)");
        }
        final int base = (period - 1) * bsadCapacity;
        final int n = bsadCount[period - 1];
        int i = 0;
        while (i < n && bsadId[base + i] < id)
        {
            i++;
        }
        final int at = base + i;
        if (i < n && bsadId[at] == id)
        {
            if (same(bsadCost[at], cost) && same(bsadVolume[at], volume) && bsadSo[at] == so && bsadStor[at] == stor)
            {
                return;
            }
        }
        else
        {
            if (n == bsadCapacity)
            {
                throw new IllegalStateException("DISBSAD capacity " + bsadCapacity + " exceeded in period " + period);
            }
            final int tail = n - i;
            System.arraycopy(bsadId, at, bsadId, at + 1, tail);
            System.arraycopy(bsadCost, at, bsadCost, at + 1, tail);
            System.arraycopy(bsadVolume, at, bsadVolume, at + 1, tail);
            System.arraycopy(bsadSo, at, bsadSo, at + 1, tail);
            System.arraycopy(bsadStor, at, bsadStor, at + 1, tail);
            bsadCount[period - 1] = n + 1;
            bsadId[at] = id;
        }
        bsadCost[at] = cost;
        bsadVolume[at] = volume;
        bsadSo[at] = so;
        bsadStor[at] = stor;
        dirty |= 1L << (period - 1);
    }

    /**
     * NETBSAD price adjusters of a period. Key (period).
     *
     * @param period settlement period.
     * @param buy    BPA, GBP/MWh.
     * @param sell   SPA, GBP/MWh.
     */
    public void netbsad(final int period, final double buy, final double sell)
    {
        checkPeriod(period);
        if (!Double.isFinite(buy) || !Double.isFinite(sell))
        {
            throw new IllegalArgumentException("BPA and SPA must be finite");
        }
        final int j = period - 1;
        if (!same(bpa[j], buy) || !same(spa[j], sell))
        {
            bpa[j] = buy;
            spa[j] = sell;
            dirty |= 1L << j;
        }
    }

    /**
     * One Market Index Data Provider's figures for a period. Key (period, provider).
     *
     * @param period   settlement period.
     * @param provider the provider's id.
     * @param price    MIP, GBP/MWh, finite.
     * @param volume   MIV, MWh, &gt;= 0.
     */
    public void marketIndex(final int period, final long provider, final double price, final double volume)
    {
        checkPeriod(period);
        if (!Double.isFinite(price) || !(volume >= 0) || !Double.isFinite(volume))
        {
            throw new IllegalArgumentException("market index price must be finite and volume finite and >= 0");
        }
        final int base = (period - 1) * PriceStack.MAX_MARKET_INDEX;
        final int n = midCount[period - 1];
        int i = 0;
        while (i < n && midProvider[base + i] < provider)
        {
            i++;
        }
        final int at = base + i;
        if (i < n && midProvider[at] == provider)
        {
            if (same(midPrice[at], price) && same(midVolume[at], volume))
            {
                return;
            }
        }
        else
        {
            if (n == PriceStack.MAX_MARKET_INDEX)
            {
                throw new IllegalStateException("more than " + PriceStack.MAX_MARKET_INDEX + " market index providers");
            }
            final int tail = n - i;
            System.arraycopy(midProvider, at, midProvider, at + 1, tail);
            System.arraycopy(midPrice, at, midPrice, at + 1, tail);
            System.arraycopy(midVolume, at, midVolume, at + 1, tail);
            midCount[period - 1] = n + 1;
            midProvider[at] = provider;
        }
        midPrice[at] = price;
        midVolume[at] = volume;
        dirty |= 1L << (period - 1);
    }

    /**
     * Loss of Load Probability of a period. Key (period).
     *
     * @param period           settlement period.
     * @param lossOfLoad       LoLP; {@code NaN} for none.
     * @param storWindowPeriod whether the period lies in a STOR Availability Window.
     */
    public void lolp(final int period, final double lossOfLoad, final boolean storWindowPeriod)
    {
        checkPeriod(period);
        final int j = period - 1;
        if (!same(lolp[j], lossOfLoad) || storWindow[j] != storWindowPeriod)
        {
            lolp[j] = lossOfLoad;
            storWindow[j] = storWindowPeriod;
            dirty |= 1L << j;
        }
    }

    /**
     * @return the periods to reprice: bit (j - 1) set for period j.
     */
    public long dirtyPeriods()
    {
        return dirty;
    }

    /**
     * Reprices one period (dirty or not) from its current action list and inputs, clears its dirty bit, and reports
     * the cashflows of the BM Units whose rows in it changed since its previous recompute. Allocation-free.
     *
     * @param period settlement period, 1 .. periodCount.
     */
    public void recompute(final int period)
    {
        checkPeriod(period);
        final int j = period - 1;
        final PriceStack stack = this.stack;
        stack.reset();
        final int base = j * periodRowCapacity;
        final int end = base + periodRows[j];
        double total = 0.0;
        for (int r = base; r < end; r++)
        {
            final int unit = rowUnit[r];
            final double tlm = rowTlm[r];
            final double qao = rowQao[r];
            final double qab = rowQab[r];
            final double offer = rowOfferPrice[r];
            final double bid = rowBidPrice[r];
            final boolean so = (rowFlags[r] & FLAG_SO) != 0;
            final boolean stor = (rowFlags[r] & FLAG_STOR) != 0;
            final int cadl = rowCadl[r] ? PriceStack.CADL_YES : PriceStack.CADL_NO;
            if (qao != 0.0 && Double.isFinite(offer))
            {
                stack.addBoa(unit, rowNumber[r], rowPair[r], qao, offer, tlm, so, cadl, 0L, stor);
            }
            if (qab != 0.0 && Double.isFinite(bid))
            {
                stack.addBoa(unit, rowNumber[r], rowPair[r], qab, bid, tlm, so, cadl, 0L, stor);
            }
            total += rowCashflow(r);
        }
        final int bsadBase = j * bsadCapacity;
        for (int i = bsadBase, last = bsadBase + bsadCount[j]; i < last; i++)
        {
            final double volume = bsadVolume[i];
            stack.addBsad(bsadId[i], volume, volume == 0.0 ? Double.NaN : bsadCost[i] / volume, bsadSo[i],
                bsadStor[i]);
        }
        stack.setAdjusters(bpa[j], spa[j]);
        stack.setLolp(lolp[j]);
        stack.setStorAvailabilityWindow(storWindow[j]);
        final int midBase = j * PriceStack.MAX_MARKET_INDEX;
        for (int i = midBase, last = midBase + midCount[j]; i < last; i++)
        {
            stack.addMarketIndex(midPrice[i], midVolume[i]);
        }
        ImbalancePriceKernel.price(parameters, options.priceOptions(), stack, result);
        systemPrice[j] = result.systemPrice();
        niv[j] = result.netImbalanceVolume();
        actionCount[j] = stack.size();
        totalCbm[j] = total;

        cashflowPeriod = period;
        final int changedBase = j * bmUnitCount;
        final int changed = changedCount[j];
        for (int c = 0; c < changed; c++)
        {
            final int unit = changedUnit[changedBase + c];
            changedFlag[changedBase + unit] = false;
            cashflowUnit[c] = unit;
            unitCashflow(j, unit, c);
        }
        cashflowCount = changed;
        changedCount[j] = 0;
        dirty &= ~(1L << j);
    }

    /**
     * @param period settlement period.
     * @return the indicative system price (SBP = SSP) of the period's last recompute, GBP/MWh; NaN before it.
     */
    public double systemPrice(final int period)
    {
        return systemPrice[period - 1];
    }

    /**
     * @param period settlement period.
     * @return the NIV of the period's last recompute, MWh; NaN before it.
     */
    public double niv(final int period)
    {
        return niv[period - 1];
    }

    /**
     * @param period settlement period.
     * @return the actions (stack rows) priced by the period's last recompute.
     */
    public int actionCount(final int period)
    {
        return actionCount[period - 1];
    }

    /**
     * @param period settlement period.
     * @return TCBM of the period at its last recompute: Σ of every BM Unit's indicative CBM, GBP.
     */
    public double totalCbm(final int period)
    {
        return totalCbm[period - 1];
    }

    /**
     * @return the full price result of the last {@link #recompute} (main price, adjuster, derivation code, per-action
     *         stages); a flyweight overwritten by the next recompute.
     */
    public PriceResult lastPriceResult()
    {
        return result;
    }

    /**
     * @return the stack the last {@link #recompute} priced (rows numbered as in {@link #lastPriceResult()}).
     */
    public PriceStack lastPriceStack()
    {
        return stack;
    }

    /**
     * @return the period of the last {@link #recompute}, 0 before the first.
     */
    public int cashflowPeriod()
    {
        return cashflowPeriod;
    }

    /**
     * @return how many BM Units the last {@link #recompute} reported: those whose rows in the period changed since the
     *         previous recompute of that period (a unit whose accepted volume went to zero is reported with zeros).
     */
    public int cashflowCount()
    {
        return cashflowCount;
    }

    /**
     * @param r report row, {@code 0 .. cashflowCount() - 1}.
     * @return the BM Unit index.
     */
    public int cashflowUnit(final int r)
    {
        return cashflowUnit[r];
    }

    /**
     * @param r report row.
     * @return Σ QAO of the BM Unit in the period (every pair, pair 0 included), MWh.
     */
    public double cashflowQao(final int r)
    {
        return cashflowQao[r];
    }

    /**
     * @param r report row.
     * @return Σ QAB of the BM Unit in the period (every pair, pair 0 included), MWh.
     */
    public double cashflowQab(final int r)
    {
        return cashflowQab[r];
    }

    /**
     * @param r report row.
     * @return indicative CBM = Σ (QAO · PO + QAB · PB) · TLM, GBP (pair 0 at price 0; 0 for an unregistered unit).
     */
    public double cashflowCbm(final int r)
    {
        return cashflowCbm[r];
    }

    /**
     * @param r report row.
     * @return the indicative TLM used for the BM Unit in the period.
     */
    public double cashflowTlm(final int r)
    {
        return cashflowTlm[r];
    }

    /**
     * The current indicative CBM of one BM Unit in a period (a scan of the period's rows; for queries and tests, not
     * the hot path).
     *
     * @param period settlement period.
     * @param unit   BM Unit index.
     * @return Σ (QAO · PO + QAB · PB) · TLM over the unit's rows in the period, GBP.
     */
    public double bmUnitCbm(final int period, final int unit)
    {
        checkPeriod(period);
        double cbm = 0.0;
        final int j = period - 1;
        for (int r = lowerBound(j, unit), end = lowerBound(j, unit + 1); r < end; r++)
        {
            cbm += rowCashflow(r);
        }
        return cbm;
    }

    /**
     * @param period settlement period.
     * @return the (BM Unit, acceptance, pair) rows the period holds.
     */
    public int rowCount(final int period)
    {
        return periodRows[period - 1];
    }

    /**
     * @return one-unit volume recomputes since {@link #reset} (events that could change accepted volumes).
     */
    public long unitRecomputes()
    {
        return unitRecomputes;
    }

    /**
     * @return (unit, period) volume computations since {@link #reset}.
     */
    public long periodVolumeComputations()
    {
        return periodVolumeComputations;
    }

    /**
     * @return periods in the day.
     */
    public int periodCount()
    {
        return periodCount;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private int newPnRow(final int unit, final long t0)
    {
        if (pnCount == pnUnit.length)
        {
            throw new IllegalStateException("PN capacity " + pnUnit.length + " exceeded");
        }
        final int r = pnCount++;
        pnUnit[r] = unit;
        pnFrom[r] = t0;
        final int bucket = unit * MAX_PERIODS + bucketOf(t0);
        pnNext[r] = pnBucket[bucket];
        pnBucket[bucket] = r;
        pnIndex.put(unit, 0, t0, r);
        return r;
    }

    private int newBodRow(final int unit, final int pair, final long t0)
    {
        if (bodCount == bodPair.length)
        {
            throw new IllegalStateException("BOD capacity " + bodPair.length + " exceeded");
        }
        final int r = bodCount++;
        bodPair[r] = pair;
        bodFrom[r] = t0;
        final int bucket = unit * MAX_PERIODS + bucketOf(t0);
        bodNext[r] = bodBucket[bucket];
        bodBucket[bucket] = r;
        bodIndex.put(unit, pair, t0, r);
        return r;
    }

    private int newAcceptanceRow(final int unit, final long number, final long t0)
    {
        if (accCount == accNumber.length)
        {
            throw new IllegalStateException("acceptance segment capacity " + accNumber.length + " exceeded");
        }
        if (accUnitRows[unit] == unitRowCapacity)
        {
            throw new IllegalStateException("BM Unit " + unit + " has more than " + unitRowCapacity +
                " acceptance rows");
        }
        accUnitRows[unit]++;
        final int r = accCount++;
        accNumber[r] = number;
        accFrom[r] = t0;
        accNext[r] = accHead[unit];
        accHead[unit] = r;
        accIndex.put(unit, number, t0, r);
        return r;
    }

    /**
     * Lists the unit's acceptance spans (first to last time of the rows with the same number and acceptance time)
     * into the span scratch, one entry per acceptance. The rows are insertion-sorted by (number, time) descending:
     * the unit's list is newest first and numbers grow through the day, so it is nearly sorted and this is about
     * linear.
     *
     * @return the periods the unit's acceptance spans meet.
     */
    private long acceptanceSpans(final int unit)
    {
        final int[] rows = spanRow;
        int n = 0;
        for (int r = accHead[unit]; r != NONE; r = accNext[r])
        {
            int k = n - 1;
            while (k >= 0 && before(r, rows[k]))
            {
                rows[k + 1] = rows[k];
                k--;
            }
            rows[k + 1] = r;
            n++;
        }
        long periods = 0;
        int spans = 0;
        int i = 0;
        while (i < n)
        {
            final int first = rows[i];
            long from = accFrom[first];
            long to = accTo[first];
            int k = i + 1;
            while (k < n && accNumber[rows[k]] == accNumber[first] && accTime[rows[k]] == accTime[first])
            {
                from = Math.min(from, accFrom[rows[k]]);
                to = Math.max(to, accTo[rows[k]]);
                k++;
            }
            spanFrom[spans] = from;
            spanTo[spans] = to;
            spans++;
            periods |= periodsMeeting(from, to);
            i = k;
        }
        spanCount = spans;
        return periods;
    }

    /** Whether acceptance row a sorts before row b: (number, time) descending. */
    private boolean before(final int a, final int b)
    {
        return accNumber[a] > accNumber[b] || accNumber[a] == accNumber[b] && accTime[a] > accTime[b];
    }

    /**
     * Grows {@code [from, to]} by every listed acceptance span that overlaps or abuts it, until none does: the hull
     * of the CADL chains the interval touches, into {@link #hullFrom} and {@link #hullTo}.
     */
    private void chainHull(final long from, final long to)
    {
        long lo = from;
        long hi = to;
        boolean grew = true;
        while (grew)
        {
            grew = false;
            for (int i = 0; i < spanCount; i++)
            {
                final long f = spanFrom[i];
                final long t = spanTo[i];
                if (f <= hi && t >= lo && (f < lo || t > hi))
                {
                    lo = Math.min(lo, f);
                    hi = Math.max(hi, t);
                    grew = true;
                }
            }
        }
        hullFrom = lo;
        hullTo = hi;
    }

    /**
     * @return the 0-based period of the day holding {@code t}, clamped to the day (the bucket a row starting at t
     *         is linked in).
     */
    private int bucketOf(final long t)
    {
        return (int)Math.max(0, Math.min(periodCount - 1, Math.floorDiv(t - dayStart, PERIOD)));
    }

    /**
     * @return bit (j - 1) for every period j of the day that {@code [from, to)} meets (the period holding
     *         {@code from} when the interval is empty).
     */
    private long periodsMeeting(final long from, final long to)
    {
        long first = Math.floorDiv(from - dayStart, PERIOD);
        long last = Math.floorDiv(Math.max(to - 1, from) - dayStart, PERIOD);
        if (last < 0 || first >= periodCount)
        {
            return 0L;
        }
        first = Math.max(first, 0);
        last = Math.min(last, periodCount - 1);
        return (-1L >>> (63 - last)) & (-1L << first);
    }

    /**
     * Recomputes one BM Unit's rows in the given periods through the scratch one-unit book, replacing them in each
     * period's action list where they differ.
     */
    private void recomputeUnit(final int unit, final long periods)
    {
        if (periods == 0L)
        {
            return;
        }
        unitRecomputes++;
        final int firstPeriod = Long.numberOfTrailingZeros(periods) + 1;
        final int lastPeriod = 64 - Long.numberOfLeadingZeros(periods);
        final long windowFrom = dayStart + (firstPeriod - 1) * PERIOD;
        final long windowTo = dayStart + lastPeriod * PERIOD;
        final BalancingBook book = scratch;
        book.reset(dayStart, periodCount);
        final int unitBuckets = unit * MAX_PERIODS;
        for (int b = bucketOf(windowFrom - pnLongest[unit]); b < lastPeriod; b++)
        {
            for (int r = pnBucket[unitBuckets + b]; r != NONE; r = pnNext[r])
            {
                if (pnFrom[r] < windowTo && pnTo[r] > windowFrom)
                {
                    book.addPn(0, pnFrom[r], pnLevelFrom[r], pnTo[r], pnLevelTo[r]);
                }
            }
        }
        for (int b = bucketOf(windowFrom - bodLongest[unit]); b < lastPeriod; b++)
        {
            for (int r = bodBucket[unitBuckets + b]; r != NONE; r = bodNext[r])
            {
                if (bodFrom[r] < windowTo && bodTo[r] > windowFrom)
                {
                    book.addBod(0, bodPair[r], bodFrom[r], bodLevelFrom[r], bodTo[r], bodLevelTo[r], bodOffer[r],
                        bodBid[r]);
                }
            }
        }
        for (int r = accHead[unit]; r != NONE; r = accNext[r])
        {
            final byte flags = accFlags[r];
            book.addAcceptance(0, accNumber[r], accTime[r], accFrom[r], accLevelFrom[r], accTo[r], accLevelTo[r],
                (flags & FLAG_SO) != 0, (flags & FLAG_STOR) != 0, (flags & FLAG_RR) != 0, (flags & FLAG_DEEMED) != 0);
        }
        book.seal();
        final boolean active = unit < day.bmUnitCount() && day.active(unit);
        final boolean interconnector = active && day.interconnector(unit);
        final boolean production = active && day.production(unit);
        final double tlf = active ? day.tlf(unit) : 0.0;
        long remaining = periods;
        while (remaining != 0L)
        {
            final int j = Long.numberOfTrailingZeros(remaining);
            remaining &= remaining - 1;
            AcceptanceVolumeKernel.period(volumeOptions, book, j + 1, scratchOut);
            periodVolumeComputations++;
            final double tlm = options.tlm(active, interconnector, production, tlf, scratchOut.fpn(0));
            replaceRows(j, unit, tlm);
        }
    }

    /**
     * Replaces the unit's rows of period j (0-based) by the scratch output's when they differ; marks the period
     * dirty and the unit changed then.
     */
    private void replaceRows(final int j, final int unit, final double tlm)
    {
        final AcceptedVolumes out = scratchOut;
        final int n = out.count();
        final int start = lowerBound(j, unit);
        final int end = lowerBound(j, unit + 1);
        if (end - start == n && sameRows(out, start, n, tlm))
        {
            return;
        }
        final int base = j * periodRowCapacity;
        final int count = periodRows[j];
        final int newCount = count - (end - start) + n;
        if (newCount > periodRowCapacity)
        {
            throw new IllegalStateException("period row capacity " + periodRowCapacity + " exceeded in period " +
                (j + 1));
        }
        final int tail = base + count - end;
        final int to = start + n;
        if (to != end && tail > 0)
        {
            System.arraycopy(rowUnit, end, rowUnit, to, tail);
            System.arraycopy(rowNumber, end, rowNumber, to, tail);
            System.arraycopy(rowPair, end, rowPair, to, tail);
            System.arraycopy(rowQao, end, rowQao, to, tail);
            System.arraycopy(rowQab, end, rowQab, to, tail);
            System.arraycopy(rowOfferPrice, end, rowOfferPrice, to, tail);
            System.arraycopy(rowBidPrice, end, rowBidPrice, to, tail);
            System.arraycopy(rowFlags, end, rowFlags, to, tail);
            System.arraycopy(rowCadl, end, rowCadl, to, tail);
            System.arraycopy(rowTlm, end, rowTlm, to, tail);
        }
        for (int i = 0; i < n; i++)
        {
            final int r = start + i;
            rowUnit[r] = unit;
            rowNumber[r] = out.acceptanceNumber(i);
            rowPair[r] = out.pairId(i);
            rowQao[r] = out.offerVolume(i);
            rowQab[r] = out.bidVolume(i);
            rowOfferPrice[r] = out.offerPrice(i);
            rowBidPrice[r] = out.bidPrice(i);
            rowFlags[r] = flagsOf(out, i);
            rowCadl[r] = out.continuousDurationSeconds(i) < parameters.cadlSeconds();
            rowTlm[r] = tlm;
        }
        periodRows[j] = newCount;
        dirty |= 1L << j;
        final int flag = j * bmUnitCount + unit;
        if (!changedFlag[flag])
        {
            changedFlag[flag] = true;
            changedUnit[j * bmUnitCount + changedCount[j]++] = unit;
        }
    }

    private boolean sameRows(final AcceptedVolumes out, final int start, final int n, final double tlm)
    {
        for (int i = 0; i < n; i++)
        {
            final int r = start + i;
            if (rowNumber[r] != out.acceptanceNumber(i) || rowPair[r] != out.pairId(i) ||
                !same(rowQao[r], out.offerVolume(i)) || !same(rowQab[r], out.bidVolume(i)) ||
                !same(rowOfferPrice[r], out.offerPrice(i)) || !same(rowBidPrice[r], out.bidPrice(i)) ||
                rowFlags[r] != flagsOf(out, i) ||
                rowCadl[r] != (out.continuousDurationSeconds(i) < parameters.cadlSeconds()) ||
                !same(rowTlm[r], tlm))
            {
                return false;
            }
        }
        return true;
    }

    private static byte flagsOf(final AcceptedVolumes out, final int i)
    {
        return (byte)((out.so(i) ? FLAG_SO : 0) | (out.stor(i) ? FLAG_STOR : 0) | (out.rr(i) ? FLAG_RR : 0) |
            (out.deemed(i) ? FLAG_DEEMED : 0));
    }

    /**
     * First row of period j (0-based) whose unit is at least {@code unit} (rows are ordered by unit).
     */
    private int lowerBound(final int j, final int unit)
    {
        int lo = j * periodRowCapacity;
        int hi = lo + periodRows[j];
        while (lo < hi)
        {
            final int mid = (lo + hi) >>> 1;
            if (rowUnit[mid] < unit)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * CO + CB of one row: pair-0 volume, which no BOD prices, at price 0; nothing for a unit not registered on the
     * day (as the settlement kernels do).
     */
    private double rowCashflow(final int r)
    {
        final int unit = rowUnit[r];
        if (unit >= day.bmUnitCount() || !day.active(unit))
        {
            return 0.0;
        }
        final double offer = rowOfferPrice[r];
        final double bid = rowBidPrice[r];
        if (!Double.isFinite(offer) || !Double.isFinite(bid))
        {
            return 0.0;
        }
        return (rowQao[r] * offer + rowQab[r] * bid) * rowTlm[r];
    }

    private void unitCashflow(final int j, final int unit, final int c)
    {
        double qao = 0.0;
        double qab = 0.0;
        double cbm = 0.0;
        double tlm = Double.NaN;
        for (int r = lowerBound(j, unit), end = lowerBound(j, unit + 1); r < end; r++)
        {
            qao += rowQao[r];
            qab += rowQab[r];
            cbm += rowCashflow(r);
            tlm = rowTlm[r];
        }
        if (tlm != tlm)
        {
            final boolean active = unit < day.bmUnitCount() && day.active(unit);
            tlm = options.tlm(active, active && day.interconnector(unit), active && day.production(unit),
                active ? day.tlf(unit) : 0.0, 0.0);
        }
        cashflowQao[c] = qao;
        cashflowQab[c] = qab;
        cashflowCbm[c] = cbm;
        cashflowTlm[c] = tlm;
    }

    private void checkSegment(final int unit, final long t0, final double l0, final long t1, final double l1)
    {
        if (day == null)
        {
            throw new IllegalStateException("reset the book for a day first");
        }
        if (unit < 0 || unit >= bmUnitCount)
        {
            throw new IllegalArgumentException("BM Unit index out of range: " + unit);
        }
        if (t1 < t0)
        {
            throw new IllegalArgumentException("timeTo " + t1 + " before timeFrom " + t0);
        }
        if (!Double.isFinite(l0) || !Double.isFinite(l1))
        {
            throw new IllegalArgumentException("levels must be finite");
        }
    }

    private void checkPeriod(final int period)
    {
        if (period < 1 || period > periodCount)
        {
            throw new IllegalArgumentException("period " + period + " outside 1.." + periodCount);
        }
    }

    /** Bit-for-bit equality (NaN equals NaN), so that an unchanged value never marks a period dirty. */
    private static boolean same(final double a, final double b)
    {
        return Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
    }
}
