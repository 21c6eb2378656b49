package io.gbsettle.core.kernel.price;

/**
 * The inputs of one Settlement Period's imbalance price: every balancing action as a row of primitive arrays
 * (sized once), plus BPA/SPA, LoLP, the STOR availability window and the Market Index Data. Reuse one stack for
 * every period: {@link #reset()}, add, price.
 *
 * <p>Volumes are signed MWh: positive is a buy action (an accepted offer volume QAO, a buy BSAA, demand control,
 * VGB), negative a sell (an accepted bid volume QAB, a sell BSAA). A price of {@code NaN} is a null price (a BSAA
 * with no cost). Rows are numbered from 0 in the order they were added; {@link PriceResult} reports by that number.
 */
public final class PriceStack
{
    /** The BOA is not CADL-flagged. */
    public static final int CADL_NO = 0;
    /** The BOA is CADL-flagged (as published, e.g. the stack's {@code cadlFlag}). */
    public static final int CADL_YES = 1;
    /** Derive the CADL flag: flagged when the continuous acceptance duration is shorter than CADL. */
    public static final int CADL_DERIVE = 2;

    /** Row kind: a Bid-Offer Acceptance volume of one pair (TLM applies). */
    public static final byte KIND_BOA = 0;
    /** Row kind: a Balancing Services Adjustment Action (disaggregated BSAD). */
    public static final byte KIND_BSAD = 1;
    /** Row kind: a Demand Control volume, a buy priced at VoLL. */
    public static final byte KIND_DEMAND_CONTROL = 2;
    /** Row kind: VGB, GB need met by Replacement Reserve, priced at the RR activation price. */
    public static final byte KIND_VGB = 3;
    /** Row kind: RRAUSB/RRAUSS, aggregated unpriced RR volume, priced at 0. */
    public static final byte KIND_RR_UNPRICED = 4;

    /** Largest BM Unit index {@link #addBoa} accepts (23 bits: grouping keys pack it with the acceptance id). */
    public static final int MAX_BM_UNIT = (1 << 23) - 1;
    /** Largest acceptance id {@link #addBoa} accepts (40 bits). */
    public static final long MAX_ACCEPTANCE_ID = (1L << 40) - 1;
    /** Most Market Index Data providers per period. */
    public static final int MAX_MARKET_INDEX = 16;

    final int capacity;
    int size;
    final byte[] kind;
    final int[] bmUnit;
    final long[] id;
    final int[] pairId;
    final double[] volume;
    final double[] price;
    final double[] tlm;
    final boolean[] so;
    final boolean[] emergency;
    final byte[] cadl;
    final long[] durationSeconds;
    final boolean[] stor;

    double bpa;
    double spa;
    double lolp = Double.NaN;
    boolean storWindow;
    int marketIndexCount;
    final double[] marketIndexPrice = new double[MAX_MARKET_INDEX];
    final double[] marketIndexVolume = new double[MAX_MARKET_INDEX];

    /**
     * @param capacity the most actions a period can hold.
     */
    public PriceStack(final int capacity)
    {
        if (capacity <= 0)
        {
            throw new IllegalArgumentException("capacity must be > 0: " + capacity);
        }
        this.capacity = capacity;
        kind = new byte[capacity];
        bmUnit = new int[capacity];
        id = new long[capacity];
        pairId = new int[capacity];
        volume = new double[capacity];
        price = new double[capacity];
        tlm = new double[capacity];
        so = new boolean[capacity];
        emergency = new boolean[capacity];
        cadl = new byte[capacity];
        durationSeconds = new long[capacity];
        stor = new boolean[capacity];
    }

    /**
     * Empties the stack for the next period: no actions, BPA = SPA = 0, no LoLP, no STOR window, no market index.
     */
    public void reset()
    {
        size = 0;
        bpa = 0;
        spa = 0;
        lolp = Double.NaN;
        storWindow = false;
        marketIndexCount = 0;
    }

    /**
     * Adds a BOA volume of one (BM Unit, acceptance, pair): one row of the settlement stack.
     *
     * @param bmUnit                    BM Unit index (0 to {@link #MAX_BM_UNIT}).
     * @param acceptanceId              acceptance number k (0 to {@link #MAX_ACCEPTANCE_ID}).
     * @param pairId                    Bid-Offer pair number n.
     * @param volume                    MWh: &gt; 0 accepted offer volume (buy), &lt; 0 accepted bid volume (sell).
     * @param price                     the pair's offer price (buy) or bid price (sell), GBP/MWh.
     * @param tlm                       the BM Unit's Transmission Loss Multiplier.
     * @param so                        SO-flag (or a flagged Emergency Instruction).
     * @param cadl                      {@link #CADL_NO}, {@link #CADL_YES} or {@link #CADL_DERIVE}.
     * @param continuousDurationSeconds the acceptance's continuous duration, used with {@link #CADL_DERIVE}.
     * @param stor                      STOR Provider Flag.
     * @return the row number.
     */
    public int addBoa(
        final int bmUnit, final long acceptanceId, final int pairId, final double volume, final double price,
        final double tlm, final boolean so, final int cadl, final long continuousDurationSeconds, final boolean stor)
    {
        if (bmUnit < 0 || bmUnit > MAX_BM_UNIT || acceptanceId < 0 || acceptanceId > MAX_ACCEPTANCE_ID ||
            cadl < CADL_NO || cadl > CADL_DERIVE || !Double.isFinite(price) || !(tlm > 0) || !Double.isFinite(tlm))
        {
            throw new IllegalArgumentException("BOA row out of range: BM Unit index, acceptance id, CADL code, " +
                "price and TLM (> 0) must be valid (a BOA always has a price)");
        }
        final int r = add(KIND_BOA, volume, price, so, stor);
        this.bmUnit[r] = bmUnit;
        this.id[r] = acceptanceId;
        this.pairId[r] = pairId;
        this.tlm[r] = tlm;
        this.cadl[r] = (byte)cadl;
        this.durationSeconds[r] = continuousDurationSeconds;
        return r;
    }

    /**
     * Adds a Balancing Services Adjustment Action (a DISBSAD row). Its loss factor is 1: NETSO submits BSAD
     * loss-adjusted.
     *
     * @param id     the action's id within the period.
     * @param volume MWh, signed (&gt; 0 buy, &lt; 0 sell).
     * @param price  cost / volume, GBP/MWh; {@code NaN} for a null cost.
     * @param so     SO-flag.
     * @param stor   STOR flag.
     * @return the row number.
     */
    public int addBsad(final long id, final double volume, final double price, final boolean so, final boolean stor)
    {
        final int r = add(KIND_BSAD, volume, price, so, stor);
        this.id[r] = id;
        return r;
    }

    /**
     * Adds a Demand Control volume: a buy action priced at VoLL, subject to all flagging and tagging.
     *
     * @param id     an id for reports.
     * @param volume MWh, &gt; 0.
     * @return the row number.
     */
    public int addDemandControl(final long id, final double volume)
    {
        if (!(volume > 0))
        {
            throw new IllegalArgumentException("demand control volume must be > 0: " + volume);
        }
        final int r = add(KIND_DEMAND_CONTROL, volume, 0, false, false);
        this.id[r] = id;
        return r;
    }

    /**
     * Adds VGB, the GB need met through Replacement Reserve (TERRE; zero in GB today), a buy at the RR
     * activation price.
     *
     * @param volume MWh, &gt;= 0.
     * @param price  QHRRAP, GBP/MWh.
     * @return the row number.
     */
    public int addVgb(final double volume, final double price)
    {
        return add(KIND_VGB, volume, price, false, false);
    }

    /**
     * Adds RRAUSB (volume &gt; 0) or RRAUSS (volume &lt; 0), aggregated unpriced RR volume at 0 GBP/MWh.
     *
     * @param volume MWh, signed.
     * @return the row number.
     */
    public int addRrUnpriced(final double volume)
    {
        return add(KIND_RR_UNPRICED, volume, 0, false, false);
    }

    /**
     * Marks a BOA row as a flagged Emergency Instruction (first-stage flagged like an SO-flag).
     *
     * @param row       the row.
     * @param emergency whether it is a flagged Emergency Instruction.
     */
    public void setEmergencyFlag(final int row, final boolean emergency)
    {
        checkRow(row);
        this.emergency[row] = emergency;
    }

    /**
     * @param bpa Buy Price Price Adjustment (GBP/MWh), added when NIV &gt; 0.
     * @param spa Sell Price Price Adjustment (GBP/MWh), added when NIV &lt; 0.
     */
    public void setAdjusters(final double bpa, final double spa)
    {
        if (!Double.isFinite(bpa) || !Double.isFinite(spa))
        {
            throw new IllegalArgumentException("BPA and SPA must be finite (0 when NETBSAD gives none)");
        }
        this.bpa = bpa;
        this.spa = spa;
    }

    /**
     * @param lolp Loss of Load Probability at gate closure; {@code NaN} when none (then no STOR re-pricing).
     */
    public void setLolp(final double lolp)
    {
        this.lolp = lolp;
    }

    /**
     * @param inWindow whether the period lies in a STOR Availability Window (STOR actions are re-priced only then).
     */
    public void setStorAvailabilityWindow(final boolean inWindow)
    {
        this.storWindow = inWindow;
    }

    /**
     * Adds one Market Index Data Provider's figures for the period.
     *
     * @param price  MIP, GBP/MWh.
     * @param volume MIV, MWh.
     */
    public void addMarketIndex(final double price, final double volume)
    {
        if (marketIndexCount == MAX_MARKET_INDEX)
        {
            throw new IllegalStateException("more than " + MAX_MARKET_INDEX + " market index providers");
        }
        if (!Double.isFinite(price) || !(volume >= 0) || !Double.isFinite(volume))
        {
            throw new IllegalArgumentException("market index price must be finite and volume finite and >= 0");
        }
        marketIndexPrice[marketIndexCount] = price;
        marketIndexVolume[marketIndexCount] = volume;
        marketIndexCount++;
    }

    /**
     * @return how many actions the stack holds.
     */
    public int size()
    {
        return size;
    }

    /**
     * @return the most actions it can hold.
     */
    public int capacity()
    {
        return capacity;
    }

    /**
     * @param row a row.
     * @return its kind, one of the {@code KIND_} constants.
     */
    public byte kind(final int row)
    {
        return kind[row];
    }

    /**
     * @param row a row.
     * @return its signed volume as added (MWh).
     */
    public double volume(final int row)
    {
        return volume[row];
    }

    /**
     * @param row a row.
     * @return its price as added (NaN = null).
     */
    public double price(final int row)
    {
        return price[row];
    }

    /**
     * @param row a row.
     * @return its acceptance id (BOA) or action id (others).
     */
    public long id(final int row)
    {
        return id[row];
    }

    /**
     * @param row a BOA row.
     * @return its BM Unit index.
     */
    public int bmUnit(final int row)
    {
        return bmUnit[row];
    }

    /**
     * @param row a BOA row.
     * @return its Bid-Offer pair number.
     */
    public int pairId(final int row)
    {
        return pairId[row];
    }

    /**
     * @param row a row.
     * @return its SO-flag.
     */
    public boolean so(final int row)
    {
        return so[row];
    }

    /**
     * @param row a row.
     * @return its STOR flag.
     */
    public boolean stor(final int row)
    {
        return stor[row];
    }

    /**
     * @return BPA as set (GBP/MWh).
     */
    public double bpa()
    {
        return bpa;
    }

    /**
     * @return SPA as set (GBP/MWh).
     */
    public double spa()
    {
        return spa;
    }

    private int add(final byte kind, final double volume, final double price, final boolean so, final boolean stor)
    {
        if (size == capacity)
        {
            throw new IllegalStateException("price stack full: capacity " + capacity);
        }
        if (!Double.isFinite(volume) || Double.isInfinite(price))
        {
            throw new IllegalArgumentException("volume must be finite and price finite or NaN (null)");
        }
        final int r = size++;
        this.kind[r] = kind;
        this.volume[r] = volume;
        this.price[r] = price;
        this.tlm[r] = 1;
        this.so[r] = so;
        this.emergency[r] = false;
        this.cadl[r] = CADL_NO;
        this.durationSeconds[r] = 0;
        this.stor[r] = stor;
        this.bmUnit[r] = 0;
        this.pairId[r] = 0;
        this.id[r] = 0;
        return r;
    }

    private void checkRow(final int row)
    {
        if (row < 0 || row >= size)
        {
            throw new IndexOutOfBoundsException("row " + row + " of " + size);
        }
    }
}
