package io.gbsettle.core.engine;

import io.gbsettle.core.event.EventType;
import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.registry.GspGroup;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.time.SettlementRun;

/**
 * The checks every input record passes before it touches a day: a known kind, a period in range, indices inside the
 * registry, finite numbers where the kernels need them. A record that fails is kept in the journal (its raw bytes)
 * and reported as a {@code PROBLEM} result naming the reason; it changes nothing.
 */
final class InputValidation
{
    /** The record is fine. */
    static final int OK = 0;
    /** Unknown record kind. */
    static final int UNKNOWN_TYPE = 1;
    /** Settlement Period outside 0..50. */
    static final int BAD_PERIOD = 2;
    /** BM Unit index outside the registry. */
    static final int UNKNOWN_BM_UNIT = 3;
    /** Energy Account index outside the registry. */
    static final int UNKNOWN_ACCOUNT = 4;
    /** A number the calculation needs is NaN or infinite. */
    static final int NOT_FINITE = 5;
    /** Unknown settlement run or day parameter. */
    static final int UNKNOWN_CODE = 6;
    /** A segment ends before it starts. */
    static final int BAD_TIMES = 7;

    private static final String[] REASONS = {"ok", "unknown record type", "settlement period outside 0..50",
        "BM Unit index outside the registry", "Energy Account index outside the registry",
        "a value is NaN or infinite", "unknown settlement run or parameter", "segment ends before it starts"};
    private static final int RUNS = SettlementRun.values().length;

    private InputValidation()
    {
    }

    /**
     * @param reason a reason code.
     * @return what it means.
     */
    static String reason(final int reason)
    {
        return reason >= 0 && reason < REASONS.length ? REASONS[reason] : "reason " + reason;
    }

    /**
     * @param e        the record.
     * @param registry the registry its indices refer to.
     * @return {@link #OK} or the reason it is rejected.
     */
    static int check(final InputEvent e, final MarketRegistry registry)
    {
        final int type = e.type();
        if (type <= 0 || type >= EventType.LIMIT)
        {
            return UNKNOWN_TYPE;
        }
        if (e.period() < 0 || e.period() > 50)
        {
            return BAD_PERIOD;
        }
        final int units = registry.bmUnitCount();
        final int accounts = registry.energyAccountCount();
        return switch (type)
        {
            case EventType.PN_POINT -> segment(e, units, 2);
            case EventType.BOD_BAND -> segment(e, units, 2);
            case EventType.ACCEPTANCE_SEGMENT -> segment(e, units, 2);
            case EventType.QPN_POINT, EventType.MEL_POINT, EventType.MIL_POINT -> segment(e, units, 2);
            case EventType.PUBLISHED_PRICE -> e.period() >= 1 ? finite(e, 1) : BAD_PERIOD;
            case EventType.FREQUENCY -> finite(e, 1);
            case EventType.METERED_VOLUME, EventType.ABSVD -> unit(e.subject(), units, finite(e, 1));
            case EventType.MVRN_LINE -> unit(e.subject(), units, account(e.subject2(), accounts, finite(e, 2)));
            case EventType.ECVN_LINE -> account(e.subject(), accounts, account(e.subject2(), accounts, finite(e, 1)));
            case EventType.SYSTEM_PRICE -> finite(e, 1);
            case EventType.DAY_PARAMETER -> e.key() >= 0 && e.key() <= EventType.PARAMETER_IIP_UNDER ?
                finite(e, 1) : UNKNOWN_CODE;
            case EventType.RUN_TRIGGER -> e.subject2() >= 0 && e.subject2() < RUNS ? OK : UNKNOWN_CODE;
            case EventType.REGISTRATION -> registration(e, registry);
            default -> OK;
        };
    }

    private static int registration(final InputEvent e, final MarketRegistry registry)
    {
        final int party = e.subject2();
        final int tradingUnit = (int)e.key();
        final int gsp = (int)(e.key() >> 32);
        if (e.subject() < 0 || e.subject() >= registry.bmUnitCount())
        {
            return UNKNOWN_BM_UNIT;
        }
        final boolean known = party >= -1 && party < registry.partyCount() &&
            tradingUnit >= -1 && tradingUnit < registry.tradingUnitCount() && gsp >= -1 && gsp < GspGroup.COUNT;
        return known ? OK : UNKNOWN_CODE;
    }

    private static int segment(final InputEvent e, final int units, final int values)
    {
        if (e.subject() < 0 || e.subject() >= units)
        {
            return UNKNOWN_BM_UNIT;
        }
        if (e.time1() < e.time0())
        {
            return BAD_TIMES;
        }
        return finite(e, values);
    }

    private static int unit(final int unit, final int units, final int otherwise)
    {
        return unit < 0 || unit >= units ? UNKNOWN_BM_UNIT : otherwise;
    }

    private static int account(final int account, final int accounts, final int otherwise)
    {
        return account < 0 || account >= accounts ? UNKNOWN_ACCOUNT : otherwise;
    }

    private static int finite(final InputEvent e, final int values)
    {
        for (int v = 0; v < values; v++)
        {
            if (!Double.isFinite(e.value(v)))
            {
                return NOT_FINITE;
            }
        }
        return OK;
    }
}
