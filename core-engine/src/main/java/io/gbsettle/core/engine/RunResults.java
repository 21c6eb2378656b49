package io.gbsettle.core.engine;

import io.gbsettle.core.event.ResultRecord;
import io.gbsettle.core.event.ResultType;
import io.gbsettle.core.settle.SettlementReport;

/**
 * Turns a run's result records back into {@link SettlementReport} calls, so that the reports written from the engine
 * (or from a journal) go through the same writer, in the same order, as {@code bsc settle}'s.
 */
public final class RunResults
{
    private RunResults()
    {
    }

    /**
     * Hands one record to a report: settlement rows become the matching call, {@code RUN_END} becomes
     * {@link SettlementReport#end()}, anything else is ignored.
     *
     * @param r      the record.
     * @param report the report.
     * @return whether the record was a report row (or the end).
     */
    public static boolean toReport(final ResultRecord r, final SettlementReport report)
    {
        switch (r.type())
        {
            case ResultType.BM_UNIT_PERIOD -> report.bmUnitPeriod(r.period(), r.subject(), r.value(0), r.value(1),
                r.value(2), r.value(3), r.value(4), r.value(5), r.value(6), r.value(7), r.value(8), r.value(9),
                r.value(10), r.value(11), r.value(12));
            case ResultType.ACCOUNT_PERIOD -> report.accountPeriod(r.period(), r.subject(), r.value(0), r.value(1),
                r.value(2), r.value(3), r.value(4), r.value(5), r.value(6));
            case ResultType.PERIOD -> report.period(r.period(), r.value(0), r.value(1), r.value(2), r.value(3),
                r.value(4), r.value(5), r.value(6), r.value(7), r.value(8));
            case ResultType.PARTY_DAY -> report.partyDay(r.subject(), r.value(0), r.value(1), r.value(2), r.value(3),
                r.value(4), r.value(5));
            case ResultType.RUN_END -> report.end();
            default ->
            {
                return false;
            }
        }
        return true;
    }
}
