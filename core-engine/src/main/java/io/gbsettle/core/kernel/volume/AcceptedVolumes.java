package io.gbsettle.core.kernel.volume;

/**
 * Output of {@link AcceptanceVolumeKernel#period} for ONE Settlement Period: the period FPN and accepted volume
 * totals of every BM Unit, and one row per (BM Unit i, acceptance k, pair n) with a non-zero volume: QAO_knij
 * (&gt;= 0) and QAB_knij (&lt;= 0) in MWh with the pair's prices and the acceptance's flags. Rows are ordered by BM
 * Unit, then acceptance (time, number), then pair id. Pair 0 holds volume outside every band under
 * {@link VolumeOptions.OutsideBandRule#PAIR_ZERO}, priced {@link #NO_PRICE}.
 *
 * <p>Sized once; it also carries the kernel's working space, which grows (allocates) only the first time it is used
 * with a book whose busiest BM Unit is busier than any before. One instance per thread.
 */
public final class AcceptedVolumes
{
    /** Price of a pair-0 (outside every band) row: NaN, the missing value, to be treated like a NULL price. */
    public static final double NO_PRICE = Double.NaN;
    /** Pair id of volume outside every submitted band. */
    public static final int OUTSIDE_BANDS_PAIR = 0;

    static final int PAIR_SLOTS = 2 * BalancingBook.MAX_PAIR + 1;

    private final int rowCapacity;
    int period;
    int count;

    final int[] bmUnit;
    final long[] acceptanceNumber;
    final long[] acceptanceTime;
    final int[] pairId;
    final double[] offerVolume;
    final double[] bidVolume;
    final double[] offerPrice;
    final double[] bidPrice;
    final byte[] flags;
    final long[] continuousDuration;

    final double[] fpn;
    final double[] totalOffer;
    final double[] totalBid;

    // kernel working space
    long[] cuts = new long[16];
    int[] acceptances = new int[4];
    int[] acceptanceCursor = new int[4];
    double[] offerAccumulator = new double[4 * PAIR_SLOTS];
    double[] bidAccumulator = new double[4 * PAIR_SLOTS];
    final boolean[] pairPresent = new boolean[PAIR_SLOTS];
    final int[] pairCursor = new int[PAIR_SLOTS];
    final int[] pairGroupEnd = new int[PAIR_SLOTS];
    final double[] pairOffer = new double[PAIR_SLOTS];
    final double[] pairBid = new double[PAIR_SLOTS];
    final double[] lower0 = new double[PAIR_SLOTS];
    final double[] lower1 = new double[PAIR_SLOTS];
    final double[] upper0 = new double[PAIR_SLOTS];
    final double[] upper1 = new double[PAIR_SLOTS];
    final double[] roots = new double[6];
    double top0;
    double top1;
    double bottom0;
    double bottom1;

    /**
     * @param bmUnitCount BM Units (at least the book's count).
     * @param rowCapacity most (i, k, n) rows one period may produce.
     */
    public AcceptedVolumes(final int bmUnitCount, final int rowCapacity)
    {
        if (bmUnitCount < 0 || rowCapacity < 0)
        {
            throw new IllegalArgumentException("sizes must be >= 0");
        }
        this.rowCapacity = rowCapacity;
        bmUnit = new int[rowCapacity];
        acceptanceNumber = new long[rowCapacity];
        acceptanceTime = new long[rowCapacity];
        pairId = new int[rowCapacity];
        offerVolume = new double[rowCapacity];
        bidVolume = new double[rowCapacity];
        offerPrice = new double[rowCapacity];
        bidPrice = new double[rowCapacity];
        flags = new byte[rowCapacity];
        continuousDuration = new long[rowCapacity];
        fpn = new double[bmUnitCount];
        totalOffer = new double[bmUnitCount];
        totalBid = new double[bmUnitCount];
    }

    /**
     * @return the period last computed (1-based), 0 before the first.
     */
    public int period()
    {
        return period;
    }

    /**
     * @return rows in this period.
     */
    public int count()
    {
        return count;
    }

    /**
     * @return most rows a period may produce.
     */
    public int rowCapacity()
    {
        return rowCapacity;
    }

    /**
     * @return BM Units this output holds.
     */
    public int bmUnitCapacity()
    {
        return fpn.length;
    }

    /**
     * @param r row.
     * @return BM Unit index i.
     */
    public int bmUnit(final int r)
    {
        return bmUnit[r];
    }

    /**
     * @param r row.
     * @return acceptance number k.
     */
    public long acceptanceNumber(final int r)
    {
        return acceptanceNumber[r];
    }

    /**
     * @param r row.
     * @return acceptance time, epoch seconds.
     */
    public long acceptanceTime(final int r)
    {
        return acceptanceTime[r];
    }

    /**
     * @param r row.
     * @return pair id n, or {@link #OUTSIDE_BANDS_PAIR}.
     */
    public int pairId(final int r)
    {
        return pairId[r];
    }

    /**
     * @param r row.
     * @return QAO_knij, MWh, &gt;= 0.
     */
    public double offerVolume(final int r)
    {
        return offerVolume[r];
    }

    /**
     * @param r row.
     * @return QAB_knij, MWh, &lt;= 0.
     */
    public double bidVolume(final int r)
    {
        return bidVolume[r];
    }

    /**
     * @param r row.
     * @return the pair's offer price PO_nij (£/MWh), {@link #NO_PRICE} for pair 0.
     */
    public double offerPrice(final int r)
    {
        return offerPrice[r];
    }

    /**
     * @param r row.
     * @return the pair's bid price PB_nij (£/MWh), {@link #NO_PRICE} for pair 0.
     */
    public double bidPrice(final int r)
    {
        return bidPrice[r];
    }

    /**
     * @param r row.
     * @return the acceptance's SO-Flag.
     */
    public boolean so(final int r)
    {
        return (flags[r] & BalancingBook.FLAG_SO) != 0;
    }

    /**
     * @param r row.
     * @return the acceptance's STOR Provider Flag.
     */
    public boolean stor(final int r)
    {
        return (flags[r] & BalancingBook.FLAG_STOR) != 0;
    }

    /**
     * @param r row.
     * @return the acceptance's RR flag.
     */
    public boolean rr(final int r)
    {
        return (flags[r] & BalancingBook.FLAG_RR) != 0;
    }

    /**
     * @param r row.
     * @return the acceptance's deemed Bid-Offer flag.
     */
    public boolean deemed(final int r)
    {
        return (flags[r] & BalancingBook.FLAG_DEEMED) != 0;
    }

    /**
     * @param r row.
     * @return the acceptance's continuous acceptance duration (seconds) under the options' CADL chain rule; the
     *         price kernel flags the row when it is below CADL.
     */
    public long continuousDurationSeconds(final int r)
    {
        return continuousDuration[r];
    }

    /**
     * @param bmUnit BM Unit index.
     * @return period FPN_ij, MWh.
     */
    public double fpn(final int bmUnit)
    {
        return fpn[bmUnit];
    }

    /**
     * @param bmUnit BM Unit index.
     * @return Σ_k Σ_n QAO_knij over every pair including pair 0, MWh.
     */
    public double totalOffer(final int bmUnit)
    {
        return totalOffer[bmUnit];
    }

    /**
     * @param bmUnit BM Unit index.
     * @return Σ_k Σ_n QAB_knij over every pair including pair 0, MWh.
     */
    public double totalBid(final int bmUnit)
    {
        return totalBid[bmUnit];
    }

    void ensureWorkspace(final int maxAcceptances, final int maxCuts)
    {
        if (cuts.length < maxCuts)
        {
            cuts = new long[maxCuts];
        }
        if (acceptances.length < maxAcceptances)
        {
            acceptances = new int[maxAcceptances];
            acceptanceCursor = new int[maxAcceptances];
            offerAccumulator = new double[maxAcceptances * PAIR_SLOTS];
            bidAccumulator = new double[maxAcceptances * PAIR_SLOTS];
        }
    }
}
