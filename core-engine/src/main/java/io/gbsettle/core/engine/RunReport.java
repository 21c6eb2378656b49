package io.gbsettle.core.engine;

import io.gbsettle.core.event.ResultRecord;
import io.gbsettle.core.event.ResultType;
import io.gbsettle.core.registry.BmUnitDay;
import io.gbsettle.core.settle.SettlementReport;

/**
 * Turns one run's settlement rows into result records (one record per report row, in the report's order), stamping
 * each with the run, its sequence number, the digest and the input range, and adds up every party's net cashflow
 * and energy imbalance per period for the run-to-run difference.
 */
final class RunReport implements SettlementReport
{
    private final ResultSink sink;
    private final long epochDay;
    private final int run;
    private final int runSequence;
    private final long digest;
    private final long inputFrom;
    private final long gate;
    private final BmUnitDay day;
    private final int periods;
    private final int[] periodQuality;
    private final boolean[] meteredSeen;
    private final PartyPeriodSums sums;
    private long records;

    RunReport(final ResultSink sink, final long epochDay, final int run, final int runSequence, final long digest,
        final long inputFrom, final long gate, final BmUnitDay day, final int periods, final int parties,
        final int[] periodQuality, final boolean[] meteredSeen)
    {
        this.sink = sink;
        this.epochDay = epochDay;
        this.run = run;
        this.runSequence = runSequence;
        this.digest = digest;
        this.inputFrom = inputFrom;
        this.gate = gate;
        this.day = day;
        this.periods = periods;
        this.periodQuality = periodQuality;
        this.meteredSeen = meteredSeen;
        this.sums = new PartyPeriodSums(parties, periods);
    }

    /**
     * Claims a record of this run with its header filled.
     */
    ResultRecord record(final int type, final int period, final int subject)
    {
        records++;
        return sink.claim().reset(type, epochDay, period, run, runSequence, subject).inputs(digest, inputFrom, gate);
    }

    void commit()
    {
        sink.commit(gate);
    }

    long records()
    {
        return records;
    }

    PartyPeriodSums sums()
    {
        return sums;
    }

    @Override
    public void bmUnitPeriod(final int period, final int bmUnit, final double fpn, final double qao,
        final double qab, final double qbs, final double qm, final double tlm, final double qme, final double qii,
        final double qndo, final double qndb, final double cbm, final double cnd, final double cii)
    {
        final boolean metered = meteredSeen[bmUnit * (periods + 1) + period];
        final ResultRecord r = record(ResultType.BM_UNIT_PERIOD, period, bmUnit)
            .quality(metered ? 0 : ResultType.MISSING_METERED);
        r.value(0, fpn).value(1, qao).value(2, qab).value(3, qbs).value(4, qm).value(5, tlm).value(6, qme)
            .value(7, qii).value(8, qndo).value(9, qndb).value(10, cbm).value(11, cnd).value(12, cii);
        commit();
        sums.bmUnitPeriod(day.leadParty(bmUnit), period, cbm, cnd, cii);
    }

    @Override
    public void accountPeriod(final int period, final int account, final double qace, final double qabc,
        final double qabs, final double qaei, final double caei, final double rcrp, final double rcrc)
    {
        final ResultRecord r = record(ResultType.ACCOUNT_PERIOD, period, account);
        r.value(0, qace).value(1, qabc).value(2, qabs).value(3, qaei).value(4, caei).value(5, rcrp).value(6, rcrc);
        commit();
        sums.accountPeriod(account, period, qaei, caei, rcrc);
    }

    @Override
    public void period(final int period, final double systemPrice, final double niv, final double tloss,
        final double tlmoPlus, final double tlmoMinus, final double totalCbm, final double totalCaei,
        final double trc, final double soCashflow)
    {
        final ResultRecord r = record(ResultType.PERIOD, period, -1).quality(periodQuality[period]);
        r.value(0, systemPrice).value(1, niv).value(2, tloss).value(3, tlmoPlus).value(4, tlmoMinus)
            .value(5, totalCbm).value(6, totalCaei).value(7, trc).value(8, soCashflow);
        commit();
    }

    @Override
    public void partyDay(final int party, final double cbm, final double cnd, final double caei, final double cii,
        final double rcrc, final double net)
    {
        final ResultRecord r = record(ResultType.PARTY_DAY, 0, party);
        r.value(0, cbm).value(1, cnd).value(2, caei).value(3, cii).value(4, rcrc).value(5, net);
        commit();
    }

    @Override
    public void end()
    {
    }

    /**
     * Writes the differences against the day's previous run: one record per party and period whose net cashflow or
     * energy imbalance moved ({@link PartyPeriodSums#moved}).
     */
    void differences(final int previousRun, final int previousSequence, final PartyPeriodSums previous)
    {
        if (!sums.sameShape(previous))
        {
            return;
        }
        final int parties = sums.parties();
        for (int party = 0; party < parties; party++)
        {
            for (int period = 1; period <= periods; period++)
            {
                if (PartyPeriodSums.moved(previous, sums, party, period))
                {
                    final double netBefore = previous.net(party, period);
                    final double netAfter = sums.net(party, period);
                    final double qaeiBefore = previous.qaei(party, period);
                    final double qaeiAfter = sums.qaei(party, period);
                    final ResultRecord r = record(ResultType.PARTY_PERIOD_DIFF, period, party);
                    r.value(0, netBefore).value(1, netAfter).value(2, netAfter - netBefore)
                        .value(3, qaeiBefore).value(4, qaeiAfter).value(5, qaeiAfter - qaeiBefore)
                        .value(6, previousRun).value(7, previousSequence);
                    commit();
                }
            }
        }
    }
}
