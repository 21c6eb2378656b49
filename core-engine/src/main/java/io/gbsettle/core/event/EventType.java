package io.gbsettle.core.event;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The kinds of canonical input record and how each uses the fields of {@link InputEvent}. Every kind has a
 * business key: a later record with the same business key (a corrected metered volume, a resubmitted PN) replaces the
 * earlier one; records are never merged. Times are epoch seconds, volumes MWh, levels MW, prices £/MWh.
 *
 * <pre>
 *   kind                 fields used                                                     business key
 *   PN_POINT             subject=BM Unit, time0/time1, value0/value1 = level from/to    BM Unit, time from
 *   BOD_BAND             subject=BM Unit, subject2=pair id, time0/time1, value0/value1  BM Unit, pair, time from
 *                        = level from/to, value2 = offer price, value3 = bid price
 *   ACCEPTANCE_SEGMENT   subject=BM Unit, key=acceptance number, time2=acceptance time,  BM Unit, number, time from
 *                        time0/time1, value0/value1 = level from/to, flags SO|STOR|RR|DEEMED
 *   BSAD_ACTION          period, key=action id, value0=cost £, value1=volume, flags SO|STOR period, id
 *   NETBSAD              period, value0=BPA, value1=SPA                                 period
 *   MARKET_INDEX         period, key=data provider, value0=price, value1=volume          period, provider
 *   LOLP                 period, value0=LoLP, flags STOR_WINDOW                          period
 *   METERED_VOLUME       period, subject=BM Unit, value0=QM, flags ESTIMATED             BM Unit, period
 *   ECVN_LINE            period, key=notification id, subject=from account,              notification, period
 *                        subject2=to account, value0=volume
 *   MVRN_LINE            period, subject=BM Unit, subject2=subsidiary account,          BM Unit, account, period
 *                        value0=fixed MWh, value1=percentage
 *   ABSVD                period, subject=BM Unit, value0=QAS                             BM Unit, period
 *   SYSTEM_PRICE         period, value0=price that overrides the calculated one          period
 *   DAY_PARAMETER        key=parameter ({@link #PARAMETER_ALPHA}...), value0=value      parameter
 *   REGISTRATION         subject=BM Unit, subject2=lead party (-1: not registered),     BM Unit
 *                        key=trading unit | GSP Group &lt;&lt; 32 (-1: none), value0 = TLF
 *                        (NaN: the zone's), flags PRODUCTION; overrides the registry's
 *                        standing data for the BM Unit on the record's day
 *   RUN_TRIGGER          subject2 = run ordinal ({@code SettlementRun.ordinal()})         the record itself
 *   END_OF_INPUT         period (0 = the whole day)                                      the record itself
 *   RETIRE_DAY           (nothing: the day's inputs are forgotten)                       the record itself
 *   QPN_POINT            as PN_POINT (Quiescent PN: MW deducted from the PN)             BM Unit, time from
 *   MEL_POINT            subject=BM Unit, key=notificationSequence, time2=notification  BM Unit, sequence, time from
 *                        time, time0/time1, value0/value1 = level from/to (MW)
 *   MIL_POINT            as MEL_POINT (import limit, MW, negative)                      BM Unit, sequence, time from
 *   PUBLISHED_PRICE      period, value0=SSP, value1=SBP, value2=NIV (MWh), value3=      period, created time
 *                        reserve scarcity price, time2=createdDateTime (DISEBSP)
 *   FREQUENCY            period, time0=measurement time, value0=Hz (FREQ)               measurement time
 * </pre>
 *
 * <p>QPN, MEL, MIL, PUBLISHED_PRICE and FREQUENCY are kept (journaled, deduplicated, stored per day, shown by journal
 * inspection) but ignored by the settlement kernels: MEL/MIL keep every re-declaration (the sequence is part of the
 * business key) so the resolution rule of the feed can be applied by a reader; a PUBLISHED_PRICE never overrides the
 * calculated price (unlike SYSTEM_PRICE): the engine compares it with its own indicative price of the period and
 * publishes a {@code PRICE_CHECK} result.
 *
 * <p>Everything is per Settlement Day ({@link InputEvent#epochDay()}), registration changes included: a
 * {@code REGISTRATION} record changes a BM Unit's registration on the day it is sent for (standing data for later
 * days comes with the registry the engine is given).
 */
public final class EventType
{
    /** Physical Notification segment. */
    public static final int PN_POINT = 1;
    /** Bid-Offer Data band segment. */
    public static final int BOD_BAND = 2;
    /** Bid-Offer Acceptance segment (BOALF). */
    public static final int ACCEPTANCE_SEGMENT = 3;
    /** Balancing Services Adjustment action (DISBSAD). */
    public static final int BSAD_ACTION = 4;
    /** Net Balancing Services Adjustments (BPA, SPA). */
    public static final int NETBSAD = 5;
    /** Market Index Data. */
    public static final int MARKET_INDEX = 6;
    /** Loss of Load Probability. */
    public static final int LOLP = 7;
    /** BM Unit metered volume. */
    public static final int METERED_VOLUME = 8;
    /** Energy Contract Volume Notification line. */
    public static final int ECVN_LINE = 9;
    /** Metered Volume Reallocation Notification line. */
    public static final int MVRN_LINE = 10;
    /** Applicable Balancing Services Volume. */
    public static final int ABSVD = 11;
    /** A system price given from outside (an override of the calculated price). */
    public static final int SYSTEM_PRICE = 12;
    /** A settlement parameter of the day. */
    public static final int DAY_PARAMETER = 13;
    /** A BM Unit registration version (registry change). */
    public static final int REGISTRATION = 14;
    /** Run a settlement run for the day. */
    public static final int RUN_TRIGGER = 15;
    /** No more input is expected for the period (or the day when the period is 0). */
    public static final int END_OF_INPUT = 16;
    /** Forget the day's inputs (after its last run; bounds the memory of a long-lived engine or a long replay). */
    public static final int RETIRE_DAY = 17;
    /** Quiescent Physical Notification segment (QPN): kept, not used by settlement. */
    public static final int QPN_POINT = 18;
    /** Maximum Export Limit segment (MELS), every re-declaration kept: not used by settlement. */
    public static final int MEL_POINT = 19;
    /** Maximum Import Limit segment (MILS), every re-declaration kept: not used by settlement. */
    public static final int MIL_POINT = 20;
    /** A published system price (DISEBSP): checked against the indicative price, never an override. */
    public static final int PUBLISHED_PRICE = 21;
    /** A system frequency reading (FREQ): kept, not used by settlement. */
    public static final int FREQUENCY = 22;
    /** One more than the largest code. */
    public static final int LIMIT = 23;

    /** {@link #DAY_PARAMETER} key: alpha, the share of transmission losses given to delivering Trading Units. */
    public static final int PARAMETER_ALPHA = 0;
    /** {@link #DAY_PARAMETER} key: Information Imbalance Price for over-delivery. */
    public static final int PARAMETER_IIP_OVER = 1;
    /** {@link #DAY_PARAMETER} key: Information Imbalance Price for under-delivery. */
    public static final int PARAMETER_IIP_UNDER = 2;

    /** {@link #REGISTRATION} flag: the BM Unit is a Production BM Unit in this version. */
    public static final int FLAG_PRODUCTION = 64;

    private static final String[] NAMES = {"?", "PN", "BOD", "BOALF", "DISBSAD", "NETBSAD", "MID", "LOLP",
        "METERED", "ECVN", "MVRN", "ABSVD", "SYSTEM_PRICE", "PARAMETER", "REGISTRATION", "RUN", "END_OF_INPUT",
        "RETIRE_DAY", "QPN", "MELS", "MILS", "DISEBSP", "FREQ"};
    private static final String[] PARAMETER_NAMES = {"alpha", "iipOver", "iipUnder"};

    private EventType()
    {
    }

    /**
     * @param type a code.
     * @return its short name (as journal inspection shows it and its {@code --type} filter takes).
     */
    public static String name(final int type)
    {
        return type > 0 && type < LIMIT ? NAMES[type] : "?" + type;
    }

    /**
     * @param name a short name, any case.
     * @return its code, or -1.
     */
    public static int code(final String name)
    {
        return codeOf(NAMES, name);
    }

    /**
     * @param names the names of a code table, index 0 unused.
     * @param name  a name, any case.
     * @return its index, or -1.
     */
    static int codeOf(final String[] names, final String name)
    {
        for (int t = 1; t < names.length; t++)
        {
            if (names[t].equalsIgnoreCase(name))
            {
                return t;
            }
        }
        return -1;
    }

    /**
     * @param parameter a {@link #DAY_PARAMETER} key.
     * @return its name as {@code day.json} spells it.
     */
    public static String parameterName(final int parameter)
    {
        return parameter >= 0 && parameter < PARAMETER_NAMES.length ? PARAMETER_NAMES[parameter] : "?" + parameter;
    }

    /**
     * @param name a {@code day.json} parameter name.
     * @return its {@link #DAY_PARAMETER} key, or -1.
     */
    public static int parameterCode(final String name)
    {
        for (int p = 0; p < PARAMETER_NAMES.length; p++)
        {
            if (PARAMETER_NAMES[p].equals(name))
            {
                return p;
            }
        }
        return -1;
    }

    /**
     * @param type a code.
     * @return whether the kind is balancing data that moves the indicative price of a period.
     */
    public static boolean balancing(final int type)
    {
        return type >= PN_POINT && type <= LOLP;
    }

    /**
     * @param type a code.
     * @return whether the kind's {@link InputEvent#subject()} is a BM Unit index (PN, BOD, BOALF, metered volume,
     * MVRN, ABSVD, registration).
     */
    public static boolean bmUnitSubject(final int type)
    {
        return switch (type)
        {
            case PN_POINT, BOD_BAND, ACCEPTANCE_SEGMENT, METERED_VOLUME, MVRN_LINE, ABSVD, REGISTRATION -> true;
            default -> false;
        };
    }

    /**
     * The business key of a record: records of one day with equal business keys replace one another (the later
     * wins). Run triggers and end-of-input markers are keyed by their idempotency key (each is its own record).
     *
     * @param event the record.
     * @return a 64-bit key, unique within the record's day for practical purposes.
     */
    public static long businessKey(final InputEvent event)
    {
        final int type = event.type();
        final long k = switch (type)
        {
            case PN_POINT, QPN_POINT -> Hashing64.combine(event.subject(), event.time0());
            case MEL_POINT, MIL_POINT -> Hashing64.combine(Hashing64.combine(event.subject(), event.key()),
                event.time0());
            case PUBLISHED_PRICE -> Hashing64.combine(event.period(), event.time2());
            case FREQUENCY -> event.time0();
            case BOD_BAND -> Hashing64.combine((long)event.subject() << 8 | (event.subject2() & 0xFF), event.time0());
            case ACCEPTANCE_SEGMENT -> Hashing64.combine(Hashing64.combine(event.subject(), event.key()),
                event.time0());
            case BSAD_ACTION, MARKET_INDEX, ECVN_LINE -> Hashing64.combine(event.key(), event.period());
            case NETBSAD, LOLP, SYSTEM_PRICE -> event.period();
            // Not mixed: consecutive periods of a BM Unit get neighbouring keys, so an index that keeps the low bits
            // (the engine's RowIndex) finds a unit's day of metered volumes in neighbouring slots.
            case METERED_VOLUME, ABSVD -> (long)type << 56 | (long)event.subject() << 8 | event.period();
            case MVRN_LINE -> Hashing64.combine((long)event.subject() << 32 | event.subject2(), event.period());
            case DAY_PARAMETER -> event.key();
            case REGISTRATION -> event.subject();
            default -> event.idempotencyKey();
        };
        return type == METERED_VOLUME || type == ABSVD ? k : Hashing64.combine(type, k);
    }

    /**
     * Appends a one-line description of a record: name, day, period, the fields its kind uses, BM Units, parties and
     * accounts by index. For inspection and error messages, not for the hot path.
     *
     * @param e   the record.
     * @param out where to append.
     * @return {@code out}.
     */
    public static StringBuilder describe(final InputEvent e, final StringBuilder out)
    {
        return describe(e, out, SubjectNames.INDICES);
    }

    /**
     * Appends a one-line description of a record: name, day, period, the fields its kind uses, naming BM Units,
     * parties and accounts as {@code names} says (by their registry ids in journal inspection).
     *
     * @param e     the record.
     * @param out   where to append.
     * @param names how to name BM Units, parties and accounts.
     * @return {@code out}.
     */
    public static StringBuilder describe(final InputEvent e, final StringBuilder out, final SubjectNames names)
    {
        final int type = e.type();
        final long day = e.epochDay();
        out.append(name(type)).append(" day=").append(LocalDate.ofEpochDay(day));
        if (e.period() != 0)
        {
            out.append(" sp=").append(e.period());
        }
        switch (type)
        {
            case PN_POINT, QPN_POINT -> segment(e, names.bmUnit(e.subject(), day, out.append(" bmu=")));
            case MEL_POINT, MIL_POINT -> segment(e, names.bmUnit(e.subject(), day, out.append(" bmu="))
                .append(" sequence=").append(e.key()).append(" notified=").append(Instant.ofEpochSecond(e.time2())));
            case PUBLISHED_PRICE -> out.append(" ssp=").append(e.value(0)).append(" sbp=").append(e.value(1))
                .append(" niv=").append(e.value(2)).append(" created=").append(Instant.ofEpochSecond(e.time2()));
            case FREQUENCY -> out.append(" at=").append(Instant.ofEpochSecond(e.time0())).append(" hz=")
                .append(e.value(0));
            case BOD_BAND -> segment(e, names.bmUnit(e.subject(), day, out.append(" bmu=")).append(" pair=")
                .append(e.subject2())).append(" offer=").append(e.value(2)).append(" bid=").append(e.value(3));
            case ACCEPTANCE_SEGMENT -> segment(e, names.bmUnit(e.subject(), day, out.append(" bmu="))
                .append(" number=").append(e.key()).append(" at=").append(Instant.ofEpochSecond(e.time2())))
                .append(" flags=").append(e.flags());
            case BSAD_ACTION -> out.append(" id=").append(e.key()).append(" cost=").append(e.value(0))
                .append(" volume=").append(e.value(1)).append(" flags=").append(e.flags());
            case NETBSAD -> out.append(" bpa=").append(e.value(0)).append(" spa=").append(e.value(1));
            case MARKET_INDEX -> out.append(" provider=").append(e.key()).append(" price=").append(e.value(0))
                .append(" volume=").append(e.value(1));
            case LOLP -> out.append(" lolp=").append(e.value(0)).append(" storWindow=")
                .append(e.hasFlag(InputEvent.FLAG_STOR_WINDOW));
            case METERED_VOLUME -> names.bmUnit(e.subject(), day, out.append(" bmu=")).append(" qm=")
                .append(e.value(0)).append(e.hasFlag(InputEvent.FLAG_ESTIMATED) ? " estimated" : "");
            case ECVN_LINE -> names.account(e.subject2(), names.account(e.subject(),
                out.append(" id=").append(e.key()).append(" from=")).append(" to=")).append(" volume=")
                .append(e.value(0));
            case MVRN_LINE -> names.account(e.subject2(), names.bmUnit(e.subject(), day, out.append(" bmu="))
                .append(" to=")).append(" fixed=").append(e.value(0)).append(" percentage=").append(e.value(1));
            case ABSVD -> names.bmUnit(e.subject(), day, out.append(" bmu=")).append(" qas=").append(e.value(0));
            case SYSTEM_PRICE -> out.append(" price=").append(e.value(0));
            case DAY_PARAMETER -> out.append(' ').append(parameterName((int)e.key())).append('=').append(e.value(0));
            case REGISTRATION -> names.party(e.subject2(), names.bmUnit(e.subject(), day, out.append(" bmu="))
                .append(" party=")).append(" from=").append(LocalDate.ofEpochDay(e.time0()));
            case RUN_TRIGGER -> out.append(" run=").append(ResultType.runName(e.subject2()));
            default ->
            {
            }
        }
        return out.append(" source=").append(EventSource.name(e.source())).append(':').append(e.sourceKey());
    }

    private static StringBuilder segment(final InputEvent e, final StringBuilder out)
    {
        return out.append(" from=").append(Instant.ofEpochSecond(e.time0())).append('/').append(e.value(0))
            .append(" to=").append(Instant.ofEpochSecond(e.time1())).append('/').append(e.value(1));
    }
}
