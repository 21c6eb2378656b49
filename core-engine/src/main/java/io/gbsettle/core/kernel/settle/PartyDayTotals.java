package io.gbsettle.core.kernel.settle;

import java.util.Arrays;

import io.gbsettle.core.registry.EnergyAccount;

/**
 * Daily Party totals of the Trading Charges (§1.3, §4): per party, the sums over a Settlement Day's periods of
 * its BM Units' CBM, CND and CII (by lead party) and of its accounts' CAEI and RCRC, plus the day's System Operator
 * BM cashflow. Sized once; {@link #reset()} at the start of a day, {@link #add(PeriodBook)} after each period's
 * cashflows. Allocation-free.
 */
public final class PartyDayTotals
{
    private final int partyCount;
    private final double[] cbm;
    private final double[] cnd;
    private final double[] caei;
    private final double[] cii;
    private final double[] rcrc;
    private double soCashflow;
    private int periods;

    /**
     * @param partyCount parties in the registry.
     */
    public PartyDayTotals(final int partyCount)
    {
        this.partyCount = partyCount;
        cbm = new double[partyCount];
        cnd = new double[partyCount];
        caei = new double[partyCount];
        cii = new double[partyCount];
        rcrc = new double[partyCount];
    }

    /**
     * Clears every total for a new Settlement Day.
     */
    public void reset()
    {
        Arrays.fill(cbm, 0);
        Arrays.fill(cnd, 0);
        Arrays.fill(caei, 0);
        Arrays.fill(cii, 0);
        Arrays.fill(rcrc, 0);
        soCashflow = 0;
        periods = 0;
    }

    /**
     * Adds one settled period: BM Unit charges to the lead party, account charges to the account's party.
     *
     * @param book a period book after {@link SettlementKernels#cashflows}; same party count.
     */
    public void add(final PeriodBook book)
    {
        if (book.partyCount != partyCount)
        {
            throw new IllegalArgumentException("book has " + book.partyCount + " parties, totals " + partyCount);
        }
        final boolean[] active = book.active;
        final int[] lead = book.leadAccount;
        for (int i = 0, n = book.bmUnitCount; i < n; i++)
        {
            if (active[i])
            {
                final int p = EnergyAccount.party(lead[i]);
                cbm[p] += book.cbm[i];
                cnd[p] += book.cnd[i];
                cii[p] += book.cii[i];
            }
        }
        for (int a = 0, accounts = book.accountCount; a < accounts; a++)
        {
            final int p = EnergyAccount.party(a);
            caei[p] += book.caei[a];
            rcrc[p] += book.rcrc[a];
        }
        soCashflow += book.soCashflow;
        periods++;
    }

    /**
     * @return parties.
     */
    public int partyCount()
    {
        return partyCount;
    }

    /**
     * @return periods added since the last reset.
     */
    public int periods()
    {
        return periods;
    }

    /**
     * @param party party index.
     * @return Daily Party BM Unit Cashflow, GBP, positive = credit.
     */
    public double cbm(final int party)
    {
        return cbm[party];
    }

    /**
     * @param party party index.
     * @return Daily Party Non-Delivery Charge, GBP, positive = debit.
     */
    public double cnd(final int party)
    {
        return cnd[party];
    }

    /**
     * @param party party index.
     * @return Daily Party Energy Imbalance Cashflow, GBP, positive = debit.
     */
    public double caei(final int party)
    {
        return caei[party];
    }

    /**
     * @param party party index.
     * @return Daily Party Information Imbalance Charge, GBP, positive = debit.
     */
    public double cii(final int party)
    {
        return cii[party];
    }

    /**
     * @param party party index.
     * @return Daily Party Residual Settlement Cashflow, GBP, positive = credit.
     */
    public double rcrc(final int party)
    {
        return rcrc[party];
    }

    /**
     * What the party receives over the day, by the sign table of §1.3: {@code cbm - cnd - caei - cii + rcrc}.
     *
     * @param party party index.
     * @return net, GBP, positive = credit to the party.
     */
    public double net(final int party)
    {
        return cbm[party] - cnd[party] - caei[party] - cii[party] + rcrc[party];
    }

    /**
     * @return Daily System Operator BM Cashflow, GBP, sign per {@link SettlementOptions#soCashflowSign()}.
     */
    public double soCashflow()
    {
        return soCashflow;
    }
}
