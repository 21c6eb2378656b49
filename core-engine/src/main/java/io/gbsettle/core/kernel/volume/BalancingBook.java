package io.gbsettle.core.kernel.volume;

/**
 * One Settlement Day of physical balancing data for every BM Unit: PN rows (the FPN), Bid-Offer Data rows and
 * BOALF acceptance rows, each a straight-line segment {@code (timeFrom, levelFrom) -> (timeTo, levelTo)} in epoch
 * seconds and MW. A struct of primitive arrays sized once by the constructor.
 *
 * <p>Life cycle, repeated for every day without allocating once the book has been used at a given size:
 * {@link #reset(long, int)}, any number of {@code add...} calls in any order, {@link #seal()}, then any number of
 * {@link AcceptanceVolumeKernel#period} calls (read-only, so several threads may compute periods of one sealed
 * book, each with its own {@link AcceptedVolumes}).
 *
 * <p>{@link #seal()} sorts each table by content with an allocation-free merge sort of row indices, resolves
 * overlapping rows of one profile by {@link VolumeOptions.OverlapRule#LATER_START_WINS} into non-overlapping
 * pieces, groups acceptance rows into acceptances ordered by (acceptance time, number) per BM Unit, builds the
 * per-BM Unit and per-period indexes (first PN and BOD piece of each period, the acceptances meeting each period),
 * integrates the period FPN of every BM Unit and period (it depends on PN only) and computes each acceptance's CADL
 * durations. Because everything is ordered by content,
 * rows added in a different order give bit-for-bit the same results. Rows may lie outside the day (an acceptance
 * that started the evening before): they take part in baselines and CADL chains, and only the period windows are
 * integrated.
 *
 * <p>Not thread-safe while being filled.
 */
public final class BalancingBook
{
    /** Largest |pair id| accepted; BOD schemas allow up to ±6 today. */
    public static final int MAX_PAIR = 10;
    /** Most periods in a Settlement Day (the day the clocks go back). */
    public static final int MAX_PERIODS = 50;
    /** Length of a Settlement Period in seconds. */
    public static final long PERIOD_SECONDS = 1800;

    /** Acceptance flag bit: SO-Flag. */
    static final int FLAG_SO = 1;
    /** Acceptance flag bit: STOR Provider Flag. */
    static final int FLAG_STOR = 2;
    /** Acceptance flag bit: RR (Replacement Reserve) flag. */
    static final int FLAG_RR = 4;
    /** Acceptance flag bit: deemed Bid-Offer flag. */
    static final int FLAG_DEEMED = 8;

    private static final int PN = 0;
    private static final int BOD = 1;
    private static final int ACC = 2;

    final int bmUnitCount;
    final int pnCapacity;
    final int bodCapacity;
    final int accCapacity;

    long dayStart;
    int periodCount;
    boolean sealed;

    // PN rows
    int pnCount;
    final int[] pnUnit;
    final long[] pnFrom;
    final long[] pnTo;
    final double[] pnLevelFrom;
    final double[] pnLevelTo;

    // BOD rows
    int bodCount;
    final int[] bodUnit;
    final int[] bodPair;
    final long[] bodFrom;
    final long[] bodTo;
    final double[] bodLevelFrom;
    final double[] bodLevelTo;
    final double[] bodOffer;
    final double[] bodBid;

    // acceptance rows
    int accRowCount;
    final int[] accRowUnit;
    final long[] accRowNumber;
    final long[] accRowTime;
    final long[] accRowFrom;
    final long[] accRowTo;
    final double[] accRowLevelFrom;
    final double[] accRowLevelTo;
    final byte[] accRowFlags;

    // sort and sweep scratch
    private final int[] order;
    private final int[] sortScratch;
    private final int[] stack;

    // resolved PN pieces: source row, window, level at the start and slope (MW/s), grouped by BM Unit;
    // pnPeriodFirst[u * MAX_PERIODS + j - 1] = first piece of unit u ending after period j starts
    int pnPieceCount;
    final int[] pnPieceSource;
    final long[] pnPieceFrom;
    final long[] pnPieceTo;
    final double[] pnPieceLevel;
    final double[] pnPieceSlope;
    final int[] pnUnitStart;
    final int[] pnPeriodFirst;
    // period FPN (MWh) of every unit, period-major: fpn[(j - 1) * bmUnitCount + u]
    final double[] periodFpn;

    // resolved BOD pieces grouped by (BM Unit, pair) groups; groups grouped by BM Unit;
    // bodGroupPeriodFirst[g * periodCount + j - 1] = first piece of group g ending after period j starts
    int bodPieceCount;
    final int[] bodPieceSource;
    final long[] bodPieceFrom;
    final long[] bodPieceTo;
    final double[] bodPieceLevel;
    final double[] bodPieceSlope;
    final double[] bodPieceOffer;
    final double[] bodPieceBid;
    int bodGroupCount;
    final int[] bodGroupStart;
    final int[] bodGroupPair;
    final int[] bodUnitGroupStart;
    int[] bodGroupPeriodFirst = new int[0];

    // resolved acceptance pieces, grouped by acceptance
    int accPieceCount;
    final int[] accPieceSource;
    final long[] accPieceFrom;
    final long[] accPieceTo;
    final double[] accPieceLevel;
    final double[] accPieceSlope;

    // acceptances, grouped by BM Unit, ordered by (acceptance time, number) within it
    int acceptanceCount;
    final int[] acceptanceUnit;
    final long[] acceptanceNumber;
    final long[] acceptanceTime;
    final byte[] acceptanceFlags;
    final int[] acceptancePieceStart;
    final long[] acceptanceSpanFrom;
    final long[] acceptanceSpanTo;
    final long[] acceptanceChainSeconds;
    final int[] acceptanceUnitStart;
    // acceptances whose span meets period j: periodAcceptance[periodAcceptanceStart[j - 1] ..
    // periodAcceptanceStart[j]), in acceptance order (by BM Unit, then time and number)
    final int[] periodAcceptanceStart = new int[MAX_PERIODS + 1];
    private final int[] periodFill = new int[MAX_PERIODS];
    int[] periodAcceptance = new int[0];

    // bounds the kernel sizes its scratch from
    int maxUnitAcceptances;
    int maxUnitCuts;

    /**
     * Allocates every array once.
     *
     * @param bmUnitCount               BM Units indexed {@code 0 .. bmUnitCount - 1} (the registry's indices).
     * @param pnCapacity                most PN rows a day may hold.
     * @param bodCapacity               most BOD rows a day may hold.
     * @param acceptanceSegmentCapacity most BOALF rows (segments) a day may hold.
     */
    public BalancingBook(
        final int bmUnitCount, final int pnCapacity, final int bodCapacity, final int acceptanceSegmentCapacity)
    {
        if (bmUnitCount < 0 || pnCapacity < 0 || bodCapacity < 0 || acceptanceSegmentCapacity < 0)
        {
            throw new IllegalArgumentException("sizes must be >= 0");
        }
        this.bmUnitCount = bmUnitCount;
        this.pnCapacity = pnCapacity;
        this.bodCapacity = bodCapacity;
        this.accCapacity = acceptanceSegmentCapacity;

        pnUnit = new int[pnCapacity];
        pnFrom = new long[pnCapacity];
        pnTo = new long[pnCapacity];
        pnLevelFrom = new double[pnCapacity];
        pnLevelTo = new double[pnCapacity];

        bodUnit = new int[bodCapacity];
        bodPair = new int[bodCapacity];
        bodFrom = new long[bodCapacity];
        bodTo = new long[bodCapacity];
        bodLevelFrom = new double[bodCapacity];
        bodLevelTo = new double[bodCapacity];
        bodOffer = new double[bodCapacity];
        bodBid = new double[bodCapacity];

        accRowUnit = new int[acceptanceSegmentCapacity];
        accRowNumber = new long[acceptanceSegmentCapacity];
        accRowTime = new long[acceptanceSegmentCapacity];
        accRowFrom = new long[acceptanceSegmentCapacity];
        accRowTo = new long[acceptanceSegmentCapacity];
        accRowLevelFrom = new double[acceptanceSegmentCapacity];
        accRowLevelTo = new double[acceptanceSegmentCapacity];
        accRowFlags = new byte[acceptanceSegmentCapacity];

        final int largest = Math.max(pnCapacity, Math.max(bodCapacity, acceptanceSegmentCapacity));
        order = new int[largest];
        sortScratch = new int[largest];
        stack = new int[largest];

        // a row can be split in two by a later row inside it, so pieces can number up to twice the rows
        pnPieceSource = new int[2 * pnCapacity];
        pnPieceFrom = new long[2 * pnCapacity];
        pnPieceTo = new long[2 * pnCapacity];
        pnPieceLevel = new double[2 * pnCapacity];
        pnPieceSlope = new double[2 * pnCapacity];
        pnUnitStart = new int[bmUnitCount + 1];
        pnPeriodFirst = new int[bmUnitCount * MAX_PERIODS];
        periodFpn = new double[bmUnitCount * MAX_PERIODS];

        bodPieceSource = new int[2 * bodCapacity];
        bodPieceFrom = new long[2 * bodCapacity];
        bodPieceTo = new long[2 * bodCapacity];
        bodPieceLevel = new double[2 * bodCapacity];
        bodPieceSlope = new double[2 * bodCapacity];
        bodPieceOffer = new double[2 * bodCapacity];
        bodPieceBid = new double[2 * bodCapacity];
        bodGroupStart = new int[bodCapacity + 1];
        bodGroupPair = new int[bodCapacity];
        bodUnitGroupStart = new int[bmUnitCount + 1];

        accPieceSource = new int[2 * acceptanceSegmentCapacity];
        accPieceFrom = new long[2 * acceptanceSegmentCapacity];
        accPieceTo = new long[2 * acceptanceSegmentCapacity];
        accPieceLevel = new double[2 * acceptanceSegmentCapacity];
        accPieceSlope = new double[2 * acceptanceSegmentCapacity];

        acceptanceUnit = new int[acceptanceSegmentCapacity];
        acceptanceNumber = new long[acceptanceSegmentCapacity];
        acceptanceTime = new long[acceptanceSegmentCapacity];
        acceptanceFlags = new byte[acceptanceSegmentCapacity];
        acceptancePieceStart = new int[acceptanceSegmentCapacity + 1];
        acceptanceSpanFrom = new long[acceptanceSegmentCapacity];
        acceptanceSpanTo = new long[acceptanceSegmentCapacity];
        acceptanceChainSeconds = new long[acceptanceSegmentCapacity];
        acceptanceUnitStart = new int[bmUnitCount + 1];
    }

    /**
     * Empties the book for a new Settlement Day.
     *
     * @param dayStartEpochSecond UTC start of the day's first period, epoch seconds.
     * @param periodCount         periods in the day (46, 48 or 50); period j covers
     *                            {@code [dayStart + (j - 1) * 1800, dayStart + j * 1800)}.
     */
    public void reset(final long dayStartEpochSecond, final int periodCount)
    {
        if (periodCount < 1 || periodCount > MAX_PERIODS)
        {
            throw new IllegalArgumentException("periodCount must be 1.." + MAX_PERIODS + ": " + periodCount);
        }
        dayStart = dayStartEpochSecond;
        this.periodCount = periodCount;
        pnCount = 0;
        bodCount = 0;
        accRowCount = 0;
        pnPieceCount = 0;
        bodPieceCount = 0;
        bodGroupCount = 0;
        accPieceCount = 0;
        acceptanceCount = 0;
        maxUnitAcceptances = 0;
        maxUnitCuts = 0;
        sealed = false;
    }

    /**
     * Adds one PN segment (part of the FPN: the PN in force at gate closure).
     *
     * @param bmUnit    BM Unit index.
     * @param timeFrom  segment start, epoch seconds.
     * @param levelFrom MW at the start.
     * @param timeTo    segment end, epoch seconds, not before the start.
     * @param levelTo   MW at the end.
     */
    public void addPn(
        final int bmUnit, final long timeFrom, final double levelFrom, final long timeTo, final double levelTo)
    {
        checkRow(bmUnit, timeFrom, levelFrom, timeTo, levelTo);
        if (pnCount == pnCapacity)
        {
            throw new IllegalStateException("PN capacity " + pnCapacity + " exceeded");
        }
        final int r = pnCount++;
        pnUnit[r] = bmUnit;
        pnFrom[r] = timeFrom;
        pnTo[r] = timeTo;
        pnLevelFrom[r] = levelFrom;
        pnLevelTo[r] = levelTo;
    }

    /**
     * Adds one Bid-Offer Data segment: the band width of pair {@code pairId} over time, with its prices.
     *
     * @param bmUnit    BM Unit index.
     * @param pairId    bid-offer pair number n, non-zero, |n| &lt;= {@link #MAX_PAIR}.
     * @param timeFrom  segment start, epoch seconds.
     * @param levelFrom band width (MW) at the start; see {@link VolumeOptions#absoluteBandWidths()}.
     * @param timeTo    segment end, epoch seconds.
     * @param levelTo   band width (MW) at the end.
     * @param offer     offer price PO_nij, £/MWh.
     * @param bid       bid price PB_nij, £/MWh.
     */
    public void addBod(
        final int bmUnit,
        final int pairId,
        final long timeFrom,
        final double levelFrom,
        final long timeTo,
        final double levelTo,
        final double offer,
        final double bid)
    {
        checkRow(bmUnit, timeFrom, levelFrom, timeTo, levelTo);
        if (pairId == 0 || pairId > MAX_PAIR || pairId < -MAX_PAIR)
        {
            throw new IllegalArgumentException("pairId must be non-zero and within ±" + MAX_PAIR + ": " + pairId);
        }
        if (!Double.isFinite(offer) || !Double.isFinite(bid))
        {
            throw new IllegalArgumentException("prices must be finite");
        }
        if (bodCount == bodCapacity)
        {
            throw new IllegalStateException("BOD capacity " + bodCapacity + " exceeded");
        }
        final int r = bodCount++;
        bodUnit[r] = bmUnit;
        bodPair[r] = pairId;
        bodFrom[r] = timeFrom;
        bodTo[r] = timeTo;
        bodLevelFrom[r] = levelFrom;
        bodLevelTo[r] = levelTo;
        bodOffer[r] = offer;
        bodBid[r] = bid;
    }

    /**
     * Adds one BOALF row: one straight-line segment of acceptance k's absolute MW level profile qA_kij(t).
     *
     * @param bmUnit           BM Unit index.
     * @param acceptanceNumber acceptance number k.
     * @param acceptanceTime   when the acceptance was issued, epoch seconds (orders acceptances).
     * @param timeFrom         segment start, epoch seconds.
     * @param levelFrom        MW at the start (absolute, not relative to FPN).
     * @param timeTo           segment end, epoch seconds.
     * @param levelTo          MW at the end.
     * @param so               SO-Flag.
     * @param stor             STOR Provider Flag.
     * @param rr               RR flag.
     * @param deemed           deemed Bid-Offer flag.
     */
    public void addAcceptance(
        final int bmUnit,
        final long acceptanceNumber,
        final long acceptanceTime,
        final long timeFrom,
        final double levelFrom,
        final long timeTo,
        final double levelTo,
        final boolean so,
        final boolean stor,
        final boolean rr,
        final boolean deemed)
    {
        checkRow(bmUnit, timeFrom, levelFrom, timeTo, levelTo);
        if (accRowCount == accCapacity)
        {
            throw new IllegalStateException("acceptance segment capacity " + accCapacity + " exceeded");
        }
        final int r = accRowCount++;
        accRowUnit[r] = bmUnit;
        accRowNumber[r] = acceptanceNumber;
        accRowTime[r] = acceptanceTime;
        accRowFrom[r] = timeFrom;
        accRowTo[r] = timeTo;
        accRowLevelFrom[r] = levelFrom;
        accRowLevelTo[r] = levelTo;
        accRowFlags[r] = (byte)((so ? FLAG_SO : 0) | (stor ? FLAG_STOR : 0) | (rr ? FLAG_RR : 0) |
            (deemed ? FLAG_DEEMED : 0));
    }

    /**
     * Sorts, resolves overlaps and builds the indexes; after it the book is read-only until the next
     * {@link #reset(long, int)}. Allocates nothing, except two index arrays the first time a day needs them larger
     * (BOD groups × periods, acceptance-period entries).
     */
    public void seal()
    {
        if (periodCount < 1)
        {
            throw new IllegalStateException("reset the book before sealing it");
        }
        sealPn();
        sealBod();
        sealAcceptances();
        computeChains();
        computeBounds();
        sealed = true;
    }

    /**
     * @return whether {@link #seal()} has run since the last reset.
     */
    public boolean sealed()
    {
        return sealed;
    }

    /**
     * @return the BM Unit count the book was sized for.
     */
    public int bmUnitCount()
    {
        return bmUnitCount;
    }

    /**
     * @return periods in the day.
     */
    public int periodCount()
    {
        return periodCount;
    }

    /**
     * @return UTC start of the day's first period, epoch seconds.
     */
    public long dayStartEpochSecond()
    {
        return dayStart;
    }

    /**
     * @param period settlement period, 1-based.
     * @return UTC start of the period, epoch seconds.
     */
    public long periodStartEpochSecond(final int period)
    {
        return dayStart + (period - 1) * PERIOD_SECONDS;
    }

    /**
     * @return PN rows added since the last reset.
     */
    public int pnCount()
    {
        return pnCount;
    }

    /**
     * @return BOD rows added since the last reset.
     */
    public int bodCount()
    {
        return bodCount;
    }

    /**
     * @return BOALF rows added since the last reset.
     */
    public int acceptanceSegmentCount()
    {
        return accRowCount;
    }

    /**
     * @return distinct acceptances (BM Unit, number, time) after {@link #seal()}.
     */
    public int acceptanceCount()
    {
        return acceptanceCount;
    }

    /**
     * Continuous acceptance duration of an acceptance (§5.4) under a chain rule, for the price kernel's CADL flag.
     *
     * @param acceptance acceptance index after seal, {@code 0 .. acceptanceCount() - 1}.
     * @param rule       the chain rule.
     * @return seconds.
     */
    public long continuousDurationSeconds(final int acceptance, final VolumeOptions.CadlChainRule rule)
    {
        return rule == VolumeOptions.CadlChainRule.SINGLE_ACCEPTANCE ?
            acceptanceSpanTo[acceptance] - acceptanceSpanFrom[acceptance] : acceptanceChainSeconds[acceptance];
    }

    private void checkRow(
        final int bmUnit, final long timeFrom, final double levelFrom, final long timeTo, final double levelTo)
    {
        if (sealed)
        {
            throw new IllegalStateException("book is sealed; reset it first");
        }
        if (bmUnit < 0 || bmUnit >= bmUnitCount)
        {
            throw new IllegalArgumentException("bmUnit out of range: " + bmUnit);
        }
        if (timeTo < timeFrom)
        {
            throw new IllegalArgumentException("timeTo " + timeTo + " before timeFrom " + timeFrom);
        }
        if (!Double.isFinite(levelFrom) || !Double.isFinite(levelTo))
        {
            throw new IllegalArgumentException("levels must be finite");
        }
    }

    private void sealPn()
    {
        sortRows(PN, pnCount);
        int pieces = 0;
        int i = 0;
        int unit = 0;
        while (i < pnCount)
        {
            final int u = pnUnit[order[i]];
            int end = i + 1;
            while (end < pnCount && pnUnit[order[end]] == u)
            {
                end++;
            }
            while (unit <= u)
            {
                pnUnitStart[unit++] = pieces;
            }
            pieces = sweep(i, end, pnFrom, pnLevelFrom, pnTo, pnLevelTo,
                pieces, pnPieceSource, pnPieceFrom, pnPieceTo, pnPieceLevel, pnPieceSlope);
            i = end;
        }
        while (unit <= bmUnitCount)
        {
            pnUnitStart[unit++] = pieces;
        }
        pnPieceCount = pieces;
        for (int u = 0; u < bmUnitCount; u++)
        {
            periodFirsts(pnPieceTo, pnUnitStart[u], pnUnitStart[u + 1], pnPeriodFirst, u * MAX_PERIODS);
            final int last = pnUnitStart[u + 1];
            for (int j = 0; j < periodCount; j++)
            {
                final long start = dayStart + j * PERIOD_SECONDS;
                final long end = start + PERIOD_SECONDS;
                double area = 0.0;
                for (int p = pnPeriodFirst[u * MAX_PERIODS + j]; p < last && pnPieceFrom[p] < end; p++)
                {
                    final long pieceStart = pnPieceFrom[p];
                    final long from = Math.max(pieceStart, start);
                    final long to = Math.min(pnPieceTo[p], end);
                    area += (pnPieceLevel[p] + pnPieceSlope[p] * (0.5 * ((from - pieceStart) + (to - pieceStart)))) *
                        (to - from);
                }
                periodFpn[j * bmUnitCount + u] = area / 3600.0;
            }
        }
    }

    /**
     * For each period j of the day, the first piece in {@code [from, to)} that ends after the period starts.
     */
    private void periodFirsts(final long[] pieceTo, final int from, final int to, final int[] first, final int offset)
    {
        int p = from;
        for (int j = 0; j < periodCount; j++)
        {
            final long start = dayStart + j * PERIOD_SECONDS;
            while (p < to && pieceTo[p] <= start)
            {
                p++;
            }
            first[offset + j] = p;
        }
    }

    private void sealBod()
    {
        sortRows(BOD, bodCount);
        int pieces = 0;
        int groups = 0;
        int i = 0;
        int unit = 0;
        while (i < bodCount)
        {
            final int u = bodUnit[order[i]];
            final int pair = bodPair[order[i]];
            int end = i + 1;
            while (end < bodCount && bodUnit[order[end]] == u && bodPair[order[end]] == pair)
            {
                end++;
            }
            while (unit <= u)
            {
                bodUnitGroupStart[unit++] = groups;
            }
            final int groupStart = pieces;
            pieces = sweep(i, end, bodFrom, bodLevelFrom, bodTo, bodLevelTo,
                pieces, bodPieceSource, bodPieceFrom, bodPieceTo, bodPieceLevel, bodPieceSlope);
            for (int p = groupStart; p < pieces; p++)
            {
                bodPieceOffer[p] = bodOffer[bodPieceSource[p]];
                bodPieceBid[p] = bodBid[bodPieceSource[p]];
            }
            if (pieces > groupStart)
            {
                bodGroupStart[groups] = groupStart;
                bodGroupPair[groups] = pair;
                groups++;
            }
            i = end;
        }
        while (unit <= bmUnitCount)
        {
            bodUnitGroupStart[unit++] = groups;
        }
        bodGroupStart[groups] = pieces;
        bodPieceCount = pieces;
        bodGroupCount = groups;
        if (bodGroupPeriodFirst.length < groups * periodCount)
        {
            bodGroupPeriodFirst = new int[groups * periodCount]; // first use at this size only
        }
        for (int g = 0; g < groups; g++)
        {
            periodFirsts(bodPieceTo, bodGroupStart[g], bodGroupStart[g + 1], bodGroupPeriodFirst, g * periodCount);
        }
    }

    private void sealAcceptances()
    {
        sortRows(ACC, accRowCount);
        int pieces = 0;
        int acceptances = 0;
        int i = 0;
        int unit = 0;
        while (i < accRowCount)
        {
            final int first = order[i];
            final int u = accRowUnit[first];
            final long number = accRowNumber[first];
            final long time = accRowTime[first];
            int end = i + 1;
            int flags = accRowFlags[first];
            while (end < accRowCount && accRowUnit[order[end]] == u && accRowNumber[order[end]] == number &&
                accRowTime[order[end]] == time)
            {
                flags |= accRowFlags[order[end]];
                end++;
            }
            final int pieceStart = pieces;
            pieces = sweep(i, end, accRowFrom, accRowLevelFrom, accRowTo, accRowLevelTo,
                pieces, accPieceSource, accPieceFrom, accPieceTo, accPieceLevel, accPieceSlope);
            i = end;
            if (pieces == pieceStart)
            {
                continue; // only zero-length rows: no profile, no acceptance
            }
            while (unit <= u)
            {
                acceptanceUnitStart[unit++] = acceptances;
            }
            final int a = acceptances++;
            acceptanceUnit[a] = u;
            acceptanceNumber[a] = number;
            acceptanceTime[a] = time;
            acceptanceFlags[a] = (byte)flags;
            acceptancePieceStart[a] = pieceStart;
            acceptanceSpanFrom[a] = accPieceFrom[pieceStart];
            acceptanceSpanTo[a] = accPieceTo[pieces - 1];
        }
        while (unit <= bmUnitCount)
        {
            acceptanceUnitStart[unit++] = acceptances;
        }
        acceptancePieceStart[acceptances] = pieces;
        accPieceCount = pieces;
        acceptanceCount = acceptances;
        indexAcceptancesByPeriod();
    }

    private void indexAcceptancesByPeriod()
    {
        final int[] starts = periodAcceptanceStart;
        for (int j = 0; j <= periodCount; j++)
        {
            starts[j] = 0;
        }
        final long dayEnd = dayStart + periodCount * PERIOD_SECONDS;
        for (int a = 0; a < acceptanceCount; a++)
        {
            if (acceptanceSpanTo[a] > dayStart && acceptanceSpanFrom[a] < dayEnd)
            {
                for (int j = firstPeriod(a); j <= lastPeriod(a); j++)
                {
                    starts[j + 1]++;
                }
            }
        }
        for (int j = 0; j < periodCount; j++)
        {
            starts[j + 1] += starts[j];
        }
        if (periodAcceptance.length < starts[periodCount])
        {
            periodAcceptance = new int[starts[periodCount]]; // first use at this size only
        }
        final int[] fill = periodFill;
        System.arraycopy(starts, 0, fill, 0, periodCount);
        for (int a = 0; a < acceptanceCount; a++)
        {
            if (acceptanceSpanTo[a] > dayStart && acceptanceSpanFrom[a] < dayEnd)
            {
                for (int j = firstPeriod(a); j <= lastPeriod(a); j++)
                {
                    periodAcceptance[fill[j]++] = a;
                }
            }
        }
    }

    /** 0-based first period of the day that acceptance a's span meets (the span meets the day). */
    private int firstPeriod(final int a)
    {
        return (int)Math.max(0, Math.floorDiv(acceptanceSpanFrom[a] - dayStart, PERIOD_SECONDS));
    }

    /** 0-based last period of the day that acceptance a's span meets (its end is exclusive). */
    private int lastPeriod(final int a)
    {
        return (int)Math.min(periodCount - 1, Math.floorDiv(acceptanceSpanTo[a] - 1 - dayStart, PERIOD_SECONDS));
    }

    /**
     * CADL chains per BM Unit: connected runs of overlapping or abutting acceptance spans. Uses {@link #order} as
     * scratch to sort the unit's acceptances by span start.
     */
    private void computeChains()
    {
        for (int u = 0; u < bmUnitCount; u++)
        {
            final int start = acceptanceUnitStart[u];
            final int end = acceptanceUnitStart[u + 1];
            final int n = end - start;
            if (n == 0)
            {
                continue;
            }
            for (int i = 0; i < n; i++)
            {
                final int a = start + i;
                int j = i - 1;
                while (j >= 0 && acceptanceSpanFrom[order[j]] > acceptanceSpanFrom[a])
                {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = a;
            }
            int chainStart = 0;
            while (chainStart < n)
            {
                final long from = acceptanceSpanFrom[order[chainStart]];
                long to = acceptanceSpanTo[order[chainStart]];
                int chainEnd = chainStart + 1;
                while (chainEnd < n && acceptanceSpanFrom[order[chainEnd]] <= to)
                {
                    to = Math.max(to, acceptanceSpanTo[order[chainEnd]]);
                    chainEnd++;
                }
                for (int i = chainStart; i < chainEnd; i++)
                {
                    acceptanceChainSeconds[order[i]] = to - from;
                }
                chainStart = chainEnd;
            }
        }
    }

    private void computeBounds()
    {
        int maxAcceptances = 0;
        int maxCuts = 0;
        for (int u = 0; u < bmUnitCount; u++)
        {
            final int aStart = acceptanceUnitStart[u];
            final int aEnd = acceptanceUnitStart[u + 1];
            if (aEnd == aStart)
            {
                continue;
            }
            maxAcceptances = Math.max(maxAcceptances, aEnd - aStart);
            final int cuts = 2 + 2 * (pnUnitStart[u + 1] - pnUnitStart[u]) +
                2 * (bodGroupStart[bodUnitGroupStart[u + 1]] - bodGroupStart[bodUnitGroupStart[u]]) +
                2 * (acceptancePieceStart[aEnd] - acceptancePieceStart[aStart]);
            maxCuts = Math.max(maxCuts, cuts);
        }
        maxUnitAcceptances = maxAcceptances;
        maxUnitCuts = maxCuts;
    }

    /**
     * Resolves the rows {@code order[from .. to)} of one profile, sorted by start then content, into non-overlapping
     * pieces: at every time the last-sorted row covering it wins (the later start, then the greater content). A stack
     * holds the rows that have started; finished rows are dropped from its top.
     *
     * @return the new piece count.
     */
    private int sweep(
        final int from,
        final int to,
        final long[] rowFrom,
        final double[] rowLevelFrom,
        final long[] rowTo,
        final double[] rowLevelTo,
        final int pieceCount,
        final int[] pieceSource,
        final long[] pieceFrom,
        final long[] pieceTo,
        final double[] pieceLevel,
        final double[] pieceSlope)
    {
        final int[] stack = this.stack;
        final int[] order = this.order;
        int pieces = pieceCount;
        int top = 0;
        int i = from;
        long t = rowFrom[order[from]];
        while (i < to || top > 0)
        {
            while (top > 0 && rowTo[stack[top - 1]] <= t)
            {
                top--;
            }
            if (top == 0)
            {
                if (i >= to)
                {
                    break;
                }
                final int r = order[i++];
                t = Math.max(t, rowFrom[r]);
                stack[top++] = r;
                continue;
            }
            final int current = stack[top - 1];
            final long nextStart = i < to ? rowFrom[order[i]] : Long.MAX_VALUE;
            final long end = Math.min(rowTo[current], nextStart);
            if (end > t)
            {
                if (pieces > pieceCount && pieceSource[pieces - 1] == current && pieceTo[pieces - 1] == t)
                {
                    pieceTo[pieces - 1] = end; // the same row resumes straight after itself
                }
                else
                {
                    pieceSource[pieces] = current;
                    pieceFrom[pieces] = t;
                    pieceTo[pieces] = end;
                    pieceLevel[pieces] = lineAt(
                        rowFrom[current], rowLevelFrom[current], rowTo[current], rowLevelTo[current], t);
                    pieceSlope[pieces] =
                        (rowLevelTo[current] - rowLevelFrom[current]) / (rowTo[current] - rowFrom[current]);
                    pieces++;
                }
                t = end;
            }
            if (i < to && rowFrom[order[i]] <= t)
            {
                stack[top++] = order[i++];
            }
        }
        return pieces;
    }

    private void sortRows(final int table, final int n)
    {
        final int[] order = this.order;
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }
        int[] src = order;
        int[] dst = sortScratch;
        for (int width = 1; width < n; width <<= 1)
        {
            for (int lo = 0; lo < n; lo += width << 1)
            {
                final int mid = Math.min(lo + width, n);
                final int hi = Math.min(lo + (width << 1), n);
                int a = lo;
                int b = mid;
                int k = lo;
                while (a < mid && b < hi)
                {
                    dst[k++] = compare(table, src[b], src[a]) < 0 ? src[b++] : src[a++];
                }
                while (a < mid)
                {
                    dst[k++] = src[a++];
                }
                while (b < hi)
                {
                    dst[k++] = src[b++];
                }
            }
            final int[] swap = src;
            src = dst;
            dst = swap;
        }
        if (src != order)
        {
            System.arraycopy(src, 0, order, 0, n);
        }
    }

    private int compare(final int table, final int x, final int y)
    {
        switch (table)
        {
            case PN:
            {
                int c = Integer.compare(pnUnit[x], pnUnit[y]);
                if (c == 0)
                {
                    c = compareSegment(pnFrom[x], pnTo[x], pnLevelFrom[x], pnLevelTo[x],
                        pnFrom[y], pnTo[y], pnLevelFrom[y], pnLevelTo[y]);
                }
                return c;
            }
            case BOD:
            {
                int c = Integer.compare(bodUnit[x], bodUnit[y]);
                if (c == 0)
                {
                    c = Integer.compare(bodPair[x], bodPair[y]);
                }
                if (c == 0)
                {
                    c = compareSegment(bodFrom[x], bodTo[x], bodLevelFrom[x], bodLevelTo[x],
                        bodFrom[y], bodTo[y], bodLevelFrom[y], bodLevelTo[y]);
                }
                if (c == 0)
                {
                    c = Double.compare(bodOffer[x], bodOffer[y]);
                }
                if (c == 0)
                {
                    c = Double.compare(bodBid[x], bodBid[y]);
                }
                return c;
            }
            default:
            {
                int c = Integer.compare(accRowUnit[x], accRowUnit[y]);
                if (c == 0)
                {
                    c = Long.compare(accRowTime[x], accRowTime[y]);
                }
                if (c == 0)
                {
                    c = Long.compare(accRowNumber[x], accRowNumber[y]);
                }
                if (c == 0)
                {
                    c = compareSegment(accRowFrom[x], accRowTo[x], accRowLevelFrom[x], accRowLevelTo[x],
                        accRowFrom[y], accRowTo[y], accRowLevelFrom[y], accRowLevelTo[y]);
                }
                if (c == 0)
                {
                    c = Integer.compare(accRowFlags[x], accRowFlags[y]);
                }
                return c;
            }
        }
    }

    private static int compareSegment(
        final long fromX, final long toX, final double levelFromX, final double levelToX,
        final long fromY, final long toY, final double levelFromY, final double levelToY)
    {
        int c = Long.compare(fromX, fromY);
        if (c == 0)
        {
            c = Long.compare(toX, toY);
        }
        if (c == 0)
        {
            c = Double.compare(levelFromX, levelFromY);
        }
        if (c == 0)
        {
            c = Double.compare(levelToX, levelToY);
        }
        return c;
    }

    /**
     * Level of a source row's straight line at time t.
     */
    static double lineAt(
        final long from, final double levelFrom, final long to, final double levelTo, final long t)
    {
        if (t == from || to == from)
        {
            return levelFrom;
        }
        if (t == to)
        {
            return levelTo;
        }
        return levelFrom + (levelTo - levelFrom) * ((double)(t - from) / (double)(to - from));
    }
}
