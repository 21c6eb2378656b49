package io.gbsettle.core.engine;

import java.util.Arrays;

/**
 * Every party's net cashflow (GBP) and energy imbalance QAEI (MWh) per Settlement Period of one run: the figures the
 * run-to-run difference compares. The one place the rule lives; the engine's run report adds to it as it writes a
 * run's records, and {@link RunSummary} adds to it from the same records read back from a journal, in the same order,
 * so the two agree to the last bit.
 *
 * <p>The rule: a party's net cashflow in a period is, over the BM Units it leads on the day, {@code CBM - CND - CII},
 * plus, over its two Energy Accounts, {@code RCRC - CAEI}; its QAEI is the sum of its two accounts' QAEI. Two runs
 * differ for a party and period when either figure is not exactly equal ({@link #moved}).
 *
 * <p>Arrays are sized once; adding does not allocate. Not thread-safe.
 */
public final class PartyPeriodSums
{
    private final int parties;
    private final int periods;
    private final double[] net;
    private final double[] qaei;

    /**
     * @param parties the registry's party count.
     * @param periods the day's period count.
     */
    public PartyPeriodSums(final int parties, final int periods)
    {
        this.parties = parties;
        this.periods = periods;
        this.net = new double[parties * (periods + 1)];
        this.qaei = new double[parties * (periods + 1)];
    }

    /**
     * @return how many parties.
     */
    public int parties()
    {
        return parties;
    }

    /**
     * @return how many periods (the periods are 1..periods).
     */
    public int periods()
    {
        return periods;
    }

    /**
     * Adds one BM Unit's period cashflows to its lead party.
     *
     * @param leadParty the BM Unit's lead party on the day, or -1 (nothing is added).
     * @param period    the period.
     * @param cbm       the BM Unit Cashflow.
     * @param cnd       the Non-Delivery Charge.
     * @param cii       the Information Imbalance Charge.
     */
    public void bmUnitPeriod(final int leadParty, final int period, final double cbm, final double cnd,
        final double cii)
    {
        if (leadParty >= 0)
        {
            net[leadParty * (periods + 1) + period] += cbm - cnd - cii;
        }
    }

    /**
     * Adds one Energy Account's period figures to its party.
     *
     * @param account the Energy Account index (2p production, 2p+1 consumption).
     * @param period  the period.
     * @param qaei    the account's energy imbalance.
     * @param caei    its Energy Imbalance Cashflow.
     * @param rcrc    its Residual Cashflow Reallocation Cashflow.
     */
    public void accountPeriod(final int account, final int period, final double qaei, final double caei,
        final double rcrc)
    {
        final int slot = (account >> 1) * (periods + 1) + period;
        net[slot] += rcrc - caei;
        this.qaei[slot] += qaei;
    }

    /**
     * @param party  a party.
     * @param period a period.
     * @return its net cashflow in GBP (positive: paid to the party).
     */
    public double net(final int party, final int period)
    {
        return net[party * (periods + 1) + period];
    }

    /**
     * @param party  a party.
     * @param period a period.
     * @return its energy imbalance in MWh.
     */
    public double qaei(final int party, final int period)
    {
        return qaei[party * (periods + 1) + period];
    }

    /**
     * @param other sums of another run.
     * @return whether both cover the same parties and periods (runs of one day in one journal do).
     */
    public boolean sameShape(final PartyPeriodSums other)
    {
        return other != null && other.parties == parties && other.periods == periods;
    }

    /**
     * Whether a party's figures in a period moved between two runs: net cashflow or QAEI not exactly equal. This
     * is the rule of the engine's {@code PARTY_PERIOD_DIFF} records.
     *
     * @param before the earlier run's sums.
     * @param after  the later run's sums (same shape).
     * @param party  a party.
     * @param period a period.
     * @return whether it moved.
     */
    public static boolean moved(final PartyPeriodSums before, final PartyPeriodSums after, final int party,
        final int period)
    {
        final int slot = party * (after.periods + 1) + period;
        return before.net[slot] != after.net[slot] || before.qaei[slot] != after.qaei[slot];
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof PartyPeriodSums && sameShape((PartyPeriodSums)o) &&
            Arrays.equals(net, ((PartyPeriodSums)o).net) && Arrays.equals(qaei, ((PartyPeriodSums)o).qaei);
    }

    @Override
    public int hashCode()
    {
        return 31 * Arrays.hashCode(net) + Arrays.hashCode(qaei);
    }

    @Override
    public String toString()
    {
        return "PartyPeriodSums(" + parties + " parties, " + periods + " periods)";
    }
}
