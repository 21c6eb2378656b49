package io.gbsettle.core.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * What moved between two complete runs of one Settlement Day: per party and period, the net cashflow and QAEI before
 * and after (the rows the engine writes as {@code PARTY_PERIOD_DIFF} when the two runs are consecutive, in the same
 * order, with the same values); per party, its day totals; per period, the market figures (system price, NIV).
 * Any two runs of the day can be compared (SF against RF, R1 against R3), in either order.
 */
public final class RunDiff
{
    private final RunSummary before;
    private final RunSummary after;
    private final List<PartyPeriod> partyPeriods;
    private final List<PartyTotal> partyTotals;
    private final List<PeriodFigures> periods;

    private RunDiff(final RunSummary before, final RunSummary after, final List<PartyPeriod> partyPeriods,
        final List<PartyTotal> partyTotals, final List<PeriodFigures> periods)
    {
        this.before = before;
        this.after = after;
        this.partyPeriods = partyPeriods;
        this.partyTotals = partyTotals;
        this.periods = periods;
    }

    /**
     * Compares two runs of a day.
     *
     * @param before the earlier (or reference) run.
     * @param after  the later run.
     * @return what moved.
     * @throws IllegalArgumentException if the runs are of different days or registries.
     */
    public static RunDiff between(final RunSummary before, final RunSummary after)
    {
        if (before.epochDay() != after.epochDay() || !before.sums().sameShape(after.sums()))
        {
            throw new IllegalArgumentException("cannot compare " + before + " with " + after +
                ": not the same day and registry");
        }
        final PartyPeriodSums b = before.sums();
        final PartyPeriodSums a = after.sums();
        final int parties = a.parties();
        final int n = a.periods();
        final List<PartyPeriod> moved = new ArrayList<>();
        final List<PartyTotal> totals = new ArrayList<>();
        for (int party = 0; party < parties; party++)
        {
            int periodsMoved = 0;
            double netBefore = 0;
            double netAfter = 0;
            double qaeiBefore = 0;
            double qaeiAfter = 0;
            for (int period = 1; period <= n; period++)
            {
                netBefore += b.net(party, period);
                netAfter += a.net(party, period);
                qaeiBefore += b.qaei(party, period);
                qaeiAfter += a.qaei(party, period);
                if (PartyPeriodSums.moved(b, a, party, period))
                {
                    periodsMoved++;
                    moved.add(new PartyPeriod(party, period, b.net(party, period), a.net(party, period),
                        b.qaei(party, period), a.qaei(party, period)));
                }
            }
            if (periodsMoved > 0)
            {
                totals.add(new PartyTotal(party, periodsMoved, netBefore, netAfter, qaeiBefore, qaeiAfter));
            }
        }
        final List<PeriodFigures> figures = new ArrayList<>(n);
        for (int period = 1; period <= n; period++)
        {
            figures.add(new PeriodFigures(period, before.systemPrice(period), after.systemPrice(period),
                before.niv(period), after.niv(period)));
        }
        return new RunDiff(before, after, List.copyOf(moved), List.copyOf(totals), List.copyOf(figures));
    }

    /**
     * @return the earlier run.
     */
    public RunSummary before()
    {
        return before;
    }

    /**
     * @return the later run.
     */
    public RunSummary after()
    {
        return after;
    }

    /**
     * @return every party and period that moved, by party then period (the engine's order).
     */
    public List<PartyPeriod> partyPeriods()
    {
        return partyPeriods;
    }

    /**
     * @return the day totals of every party with at least one period that moved, by party.
     */
    public List<PartyTotal> partyTotals()
    {
        return partyTotals;
    }

    /**
     * @return every period's market figures before and after, by period.
     */
    public List<PeriodFigures> periods()
    {
        return periods;
    }

    /**
     * One party and period that moved.
     *
     * @param party      the party index.
     * @param period     the period.
     * @param netBefore  net cashflow (GBP) in the earlier run.
     * @param netAfter   net cashflow (GBP) in the later run.
     * @param qaeiBefore energy imbalance (MWh) in the earlier run.
     * @param qaeiAfter  energy imbalance (MWh) in the later run.
     */
    public record PartyPeriod(int party, int period, double netBefore, double netAfter, double qaeiBefore,
        double qaeiAfter)
    {
        /**
         * @return after minus before, GBP.
         */
        public double netChange()
        {
            return netAfter - netBefore;
        }

        /**
         * @return after minus before, MWh.
         */
        public double qaeiChange()
        {
            return qaeiAfter - qaeiBefore;
        }
    }

    /**
     * One party's day totals: the sums over the day's periods of its period figures.
     *
     * @param party        the party index.
     * @param periodsMoved how many of its periods moved.
     * @param netBefore    day net cashflow (GBP) in the earlier run.
     * @param netAfter     day net cashflow (GBP) in the later run.
     * @param qaeiBefore   day energy imbalance (MWh) in the earlier run.
     * @param qaeiAfter    day energy imbalance (MWh) in the later run.
     */
    public record PartyTotal(int party, int periodsMoved, double netBefore, double netAfter, double qaeiBefore,
        double qaeiAfter)
    {
        /**
         * @return after minus before, GBP.
         */
        public double netChange()
        {
            return netAfter - netBefore;
        }

        /**
         * @return after minus before, MWh.
         */
        public double qaeiChange()
        {
            return qaeiAfter - qaeiBefore;
        }
    }

    /**
     * One period's market-wide figures in both runs.
     *
     * @param period            the period.
     * @param systemPriceBefore System Price (GBP/MWh) in the earlier run.
     * @param systemPriceAfter  System Price (GBP/MWh) in the later run.
     * @param nivBefore         Net Imbalance Volume (MWh) in the earlier run.
     * @param nivAfter          Net Imbalance Volume (MWh) in the later run.
     */
    public record PeriodFigures(int period, double systemPriceBefore, double systemPriceAfter, double nivBefore,
        double nivAfter)
    {
        /**
         * @return after minus before, GBP/MWh.
         */
        public double systemPriceChange()
        {
            return systemPriceAfter - systemPriceBefore;
        }

        /**
         * @return after minus before, MWh.
         */
        public double nivChange()
        {
            return nivAfter - nivBefore;
        }
    }
}
