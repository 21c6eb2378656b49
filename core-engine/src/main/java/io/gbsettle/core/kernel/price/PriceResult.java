package io.gbsettle.core.kernel.price;

/**
 * What {@link ImbalancePriceKernel#price} computes for one period: the price and what Elexon publishes beside it
 * (the system-prices and settlement-stack figures, iris-insights.md §2.5-§2.6), plus per action its price and its
 * volume after each tagging stage. Sized once for a stack capacity and overwritten by each pricing; it also holds
 * the kernel's scratch arrays.
 *
 * <p>Stage volumes are signed like the input (+ buy, - sell) and 0 once tagged out. Optional published figures
 * that do not apply are {@code NaN} (the API's null).
 */
public final class PriceResult
{
    /** Price derivation code: NIV positive, price from the buy actions (plus BPA). */
    public static final char CODE_NIV_POSITIVE = 'P';
    /** Price derivation code: NIV negative, price from the sell actions (plus SPA). */
    public static final char CODE_NIV_NEGATIVE = 'N';
    /** Price derivation code: NIV zero (or no action left), price is the Market Price default. */
    public static final char CODE_MARKET_PRICE = 'K';

    final int capacity;
    int size;

    double systemPrice;
    double mainPrice;
    double netImbalanceVolume;
    double replacementPrice;
    double replacementPriceReferenceVolume;
    double marketPrice;
    double reserveScarcityPrice;
    double adjuster;
    char priceDerivationCode;
    double totalAcceptedOfferVolume;
    double totalAcceptedBidVolume;
    double totalAdjustmentBuyVolume;
    double totalAdjustmentSellVolume;
    double totalSystemTaggedAcceptedOfferVolume;
    double totalSystemTaggedAcceptedBidVolume;
    double totalSystemTaggedAdjustmentBuyVolume;
    double totalSystemTaggedAdjustmentSellVolume;

    final double[] originalPrice;
    final double[] finalPrice;
    final double[] lossFactor;
    final double[] dmatVolume;
    final double[] arbitrageVolume;
    final double[] nivVolume;
    final double[] parVolume;
    final boolean[] firstStageFlagged;
    final boolean[] secondStageFlagged;
    final boolean[] storRepriced;
    final boolean[] replacementRepriced;

    // scratch
    final double[] remaining;
    final double[] rankKey;
    final long[] tableKey;
    final int[] tableStamp;
    final int[] tableGroup;
    final double[] groupSum;
    final double[] kindTotals = new double[4];
    final int[] rowGroup;
    int tableGeneration;
    final int tableShift;
    final int[] buys;
    final int[] sells;
    final int[] sortScratch;
    final int[] mergeScratch;
    final double[] sortKeyA;
    final double[] sign;
    final int[] sortRank;
    final int[] sortCounts;

    /**
     * @param capacity the largest stack it will hold results for (a {@link PriceStack#capacity()}).
     */
    public PriceResult(final int capacity)
    {
        if (capacity <= 0)
        {
            throw new IllegalArgumentException("capacity must be > 0: " + capacity);
        }
        this.capacity = capacity;
        originalPrice = new double[capacity];
        finalPrice = new double[capacity];
        lossFactor = new double[capacity];
        dmatVolume = new double[capacity];
        arbitrageVolume = new double[capacity];
        nivVolume = new double[capacity];
        parVolume = new double[capacity];
        firstStageFlagged = new boolean[capacity];
        secondStageFlagged = new boolean[capacity];
        storRepriced = new boolean[capacity];
        replacementRepriced = new boolean[capacity];
        remaining = new double[capacity];
        rankKey = new double[capacity];
        final int table = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1;
        tableKey = new long[table];
        tableShift = 64 - Integer.numberOfTrailingZeros(table);
        tableStamp = new int[table];
        tableGroup = new int[table];
        groupSum = new double[capacity];
        rowGroup = new int[capacity];
        buys = new int[capacity];
        sells = new int[capacity];
        sortScratch = new int[capacity];
        mergeScratch = new int[capacity];
        sortKeyA = new double[capacity];
        sign = new double[capacity];
        sortRank = new int[capacity];
        sortCounts = new int[capacity + 1];
    }

    /**
     * Fibonacci hashing: the top bits of key x 2^64/phi, so that keys differing only in their high bits (doubles
     * such as 40.0 and 45.0 have all-zero low mantissa bits) still spread over the table.
     *
     * @param key a key.
     * @return its home slot in the open-addressing table.
     */
    int slotOf(final long key)
    {
        return (int)((key * 0x9E37_79B9_7F4A_7C15L) >>> tableShift);
    }

    /**
     * @return a fresh stamp for the open-addressing table: slots with another stamp are empty.
     */
    int nextTableStamp()
    {
        int stamp = ++tableGeneration;
        if (stamp == 0)
        {
            java.util.Arrays.fill(tableStamp, 0);
            stamp = tableGeneration = 1;
        }
        return stamp;
    }

    /**
     * @return SBP = SSP (GBP/MWh).
     */
    public double systemPrice()
    {
        return systemPrice;
    }

    /**
     * @return the TLM-weighted average of the PAR-tagged set before BPA/SPA, or the Market Price default.
     */
    public double mainPrice()
    {
        return mainPrice;
    }

    /**
     * @return NIV (MWh): buy minus sell volume after de minimis and arbitrage tagging; &gt; 0 system short.
     */
    public double netImbalanceVolume()
    {
        return netImbalanceVolume;
    }

    /**
     * @return the replacement price given to second-stage flagged actions in the NIV, NaN when none needed one.
     */
    public double replacementPrice()
    {
        return replacementPrice;
    }

    /**
     * @return the unflagged volume (MWh) the replacement price averaged (at most RPAR; 0 when it fell back to the
     *         Market Price), NaN when no replacement price was needed.
     */
    public double replacementPriceReferenceVolume()
    {
        return replacementPriceReferenceVolume;
    }

    /**
     * @return the Market Price: VWAP of the market index data over the liquidity threshold, 0 when none qualify.
     */
    public double marketPrice()
    {
        return marketPrice;
    }

    /**
     * @return RSVP = LoLP x VoLL used for STOR re-pricing, NaN without a LoLP.
     */
    public double reserveScarcityPrice()
    {
        return reserveScarcityPrice;
    }

    /**
     * @return the adjuster added to the main price (BPA, SPA or 0).
     */
    public double adjuster()
    {
        return adjuster;
    }

    /**
     * @return {@link #CODE_NIV_POSITIVE}, {@link #CODE_NIV_NEGATIVE} or {@link #CODE_MARKET_PRICE}; informational.
     */
    public char priceDerivationCode()
    {
        return priceDerivationCode;
    }

    /**
     * @return how many actions were priced.
     */
    public int size()
    {
        return size;
    }

    /**
     * @return total accepted offer volume (BOA buy rows, MWh) as input.
     */
    public double totalAcceptedOfferVolume()
    {
        return totalAcceptedOfferVolume;
    }

    /**
     * @return total accepted bid volume (BOA sell rows, MWh, negative) as input.
     */
    public double totalAcceptedBidVolume()
    {
        return totalAcceptedBidVolume;
    }

    /**
     * @return total BSAD buy volume (MWh) as input.
     */
    public double totalAdjustmentBuyVolume()
    {
        return totalAdjustmentBuyVolume;
    }

    /**
     * @return total BSAD sell volume (MWh, negative) as input.
     */
    public double totalAdjustmentSellVolume()
    {
        return totalAdjustmentSellVolume;
    }

    /**
     * @return accepted offer volume left after de minimis and arbitrage tagging (MWh).
     */
    public double totalSystemTaggedAcceptedOfferVolume()
    {
        return totalSystemTaggedAcceptedOfferVolume;
    }

    /**
     * @return accepted bid volume left after de minimis and arbitrage tagging (MWh, negative).
     */
    public double totalSystemTaggedAcceptedBidVolume()
    {
        return totalSystemTaggedAcceptedBidVolume;
    }

    /**
     * @return BSAD buy volume left after de minimis and arbitrage tagging (MWh).
     */
    public double totalSystemTaggedAdjustmentBuyVolume()
    {
        return totalSystemTaggedAdjustmentBuyVolume;
    }

    /**
     * @return BSAD sell volume left after de minimis and arbitrage tagging (MWh, negative).
     */
    public double totalSystemTaggedAdjustmentSellVolume()
    {
        return totalSystemTaggedAdjustmentSellVolume;
    }

    /**
     * @param r a row of the priced stack.
     * @return its price after STOR re-pricing (demand control: VoLL), NaN for a null price.
     */
    public double originalPrice(final int r)
    {
        return originalPrice[r];
    }

    /**
     * @param r a row.
     * @return its price after the replacement price (the original price unless it was re-priced).
     */
    public double finalPrice(final int r)
    {
        return finalPrice[r];
    }

    /**
     * @param r a row.
     * @return its loss factor in the final average: the TLM for a BOA, 1 otherwise.
     */
    public double lossFactor(final int r)
    {
        return lossFactor[r];
    }

    /**
     * @param r a row.
     * @return its volume after de minimis tagging (MWh, signed).
     */
    public double dmatAdjustedVolume(final int r)
    {
        return dmatVolume[r];
    }

    /**
     * @param r a row.
     * @return its volume after arbitrage tagging.
     */
    public double arbitrageAdjustedVolume(final int r)
    {
        return arbitrageVolume[r];
    }

    /**
     * @param r a row.
     * @return its volume after NIV tagging.
     */
    public double nivAdjustedVolume(final int r)
    {
        return nivVolume[r];
    }

    /**
     * @param r a row.
     * @return its volume after PAR tagging: what enters the final average.
     */
    public double parAdjustedVolume(final int r)
    {
        return parVolume[r];
    }

    /**
     * @param r a row.
     * @return PAR-adjusted volume times loss factor.
     */
    public double tlmAdjustedVolume(final int r)
    {
        return parVolume[r] * lossFactor[r];
    }

    /**
     * @param r a row.
     * @return PAR-adjusted volume times loss factor times final price (0 when tagged out).
     */
    public double tlmAdjustedCost(final int r)
    {
        return parVolume[r] == 0 ? 0 : parVolume[r] * lossFactor[r] * finalPrice[r];
    }

    /**
     * @param r a row.
     * @return whether it was first-stage flagged (SO, emergency or CADL).
     */
    public boolean firstStageFlagged(final int r)
    {
        return firstStageFlagged[r];
    }

    /**
     * @param r a row.
     * @return whether classification made it second-stage flagged (meaningful while it had volume).
     */
    public boolean secondStageFlagged(final int r)
    {
        return secondStageFlagged[r];
    }

    /**
     * @param r a row.
     * @return whether STOR re-pricing raised its price to RSVP.
     */
    public boolean storRepriced(final int r)
    {
        return storRepriced[r];
    }

    /**
     * @param r a row.
     * @return whether it took the replacement price.
     */
    public boolean repriced(final int r)
    {
        return replacementRepriced[r];
    }
}
