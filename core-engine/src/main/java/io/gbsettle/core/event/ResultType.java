package io.gbsettle.core.event;

import io.gbsettle.core.time.SettlementRun;

/**
 * The kinds of {@link ResultRecord} and the meaning of their values, in the column order of the reports of
 * {@code io.gbsettle.core.settle.SettlementReport} where one exists.
 *
 * <p>A run's records come as {@link #RUN_START}, then {@link #MISSING_INPUT} (what failed to arrive),
 * then for each period the {@link #BM_UNIT_PERIOD}, {@link #ACCOUNT_PERIOD} and {@link #PERIOD} records, then
 * {@link #PARTY_DAY}, {@link #PROBLEM}, {@link #PARTY_PERIOD_DIFF} (against the day's previous run, if any), and
 * last {@link #RUN_END}: a run is complete, and its records valid, only once its {@code RUN_END} is there.
 */
public final class ResultType
{
    /** A run begins. Values: period count, input count. */
    public static final int RUN_START = 1;
    /** One BM Unit in one period (values as {@code SettlementReport.bmUnitPeriod}). */
    public static final int BM_UNIT_PERIOD = 2;
    /** One Energy Account in one period (values as {@code SettlementReport.accountPeriod}). */
    public static final int ACCOUNT_PERIOD = 3;
    /** One period's market-wide figures (values as {@code SettlementReport.period}). */
    public static final int PERIOD = 4;
    /** One party's daily totals (values as {@code SettlementReport.partyDay}). */
    public static final int PARTY_DAY = 5;
    /** An expected input that did not arrive (subject: the BM Unit, or -1; value0: the quality bit missing). */
    public static final int MISSING_INPUT = 6;
    /**
     * A problem: value0 the problem code ({@link #PROBLEM_UNPRICED_VOLUME}...), value1 the acceptance number or the
     * rejected record's input position, value2 the rejection reason, value3 the rejected record's type.
     */
    public static final int PROBLEM = 7;
    /** One party and period moved between the previous run of the day and this one. */
    public static final int PARTY_PERIOD_DIFF = 8;
    /** A run ends; its records are complete. Values: records written (this one excluded). */
    public static final int RUN_END = 9;
    /** Real time: a period's indicative price, recomputed as balancing data arrived. */
    public static final int INDICATIVE_PRICE = 10;
    /** Real time: a BM Unit's indicative BM cashflow in a period. */
    public static final int INDICATIVE_CASHFLOW = 11;
    /**
     * Written on recovery after a group cut short by a crash: readers drop the records since the last group end
     * (the group is then written again, whole).
     */
    public static final int ABORTED = 12;
    /**
     * Real time: a published system price (DISEBSP) compared with the engine's own indicative price of the period,
     * as of the published record's input position. Values: published price, indicative price (NaN when the engine
     * has none for the period), difference (published minus indicative), published NIV, indicative NIV.
     */
    public static final int PRICE_CHECK = 13;
    /** One more than the largest code. */
    public static final int LIMIT = 14;

    /** Quality: a metered volume is missing (the BM Unit was settled on QM = 0). */
    public static final int MISSING_METERED = 1;
    /** Quality: no Physical Notification covers the period for any BM Unit. */
    public static final int MISSING_BALANCING = 2;
    /** Quality: no Market Index Data for the period (the Market Price is the kernel's default). */
    public static final int MISSING_MARKET_INDEX = 4;
    /** Quality: no NETBSAD for the period (BPA = SPA = 0). */
    public static final int MISSING_NETBSAD = 8;
    /** Quality: no LoLP for the period (the kernel's default applies). */
    public static final int MISSING_LOLP = 16;
    /** Quality: the price was given from outside (an override), not calculated. */
    public static final int PRICE_OVERRIDDEN = 32;
    /** Quality: the indicative figure uses estimated TLMs (ETLMO), not settlement ones. */
    public static final int ESTIMATED_TLM = 64;

    /**
     * Quality bit marking the last record of a group of records that share one gate position (a run ends with
     * {@link #RUN_END}; an indicative recalculation ends with a record carrying this bit). A group without its end
     * in a journal was cut short by a crash and is written again, whole, on recovery.
     */
    public static final int GROUP_END = 1 << 15;

    /** {@link #PROBLEM} code: accepted volume outside every submitted band (no price). */
    public static final int PROBLEM_UNPRICED_VOLUME = 1;
    /** {@link #PROBLEM} code: RCRP undefined, residual not reallocated. */
    public static final int PROBLEM_RESIDUAL_NOT_REALLOCATED = 2;
    /** {@link #PROBLEM} code: an input record was rejected (value1: its input position; value2: the reason code). */
    public static final int PROBLEM_REJECTED_INPUT = 3;
    /**
     * {@link #PROBLEM} code: a run left a record out (its BM Unit not registered on the day, its period not in the
     * day); value1: its input position.
     */
    public static final int PROBLEM_LEFT_OUT = 4;
    /** {@link #PROBLEM} code: a settlement run could not complete (see the engine's log); value1: its trigger. */
    public static final int PROBLEM_RUN_FAILED = 5;

    private static final String[] NAMES = {"?", "RUN_START", "BM_UNIT_PERIOD", "ACCOUNT_PERIOD", "PERIOD",
        "PARTY_DAY", "MISSING_INPUT", "PROBLEM", "PARTY_PERIOD_DIFF", "RUN_END", "INDICATIVE_PRICE",
        "INDICATIVE_CASHFLOW", "ABORTED", "PRICE_CHECK"};
    private static final String[][] VALUE_NAMES = {
        {},
        {"periods", "inputs"},
        {"fpn", "qao", "qab", "qbs", "qm", "tlm", "qme", "qii", "qndo", "qndb", "cbm", "cnd", "cii"},
        {"qace", "qabc", "qabs", "qaei", "caei", "rcrp", "rcrc"},
        {"systemPrice", "niv", "tloss", "tlmoPlus", "tlmoMinus", "totalCbm", "totalCaei", "trc", "soCashflow"},
        {"cbm", "cnd", "caei", "cii", "rcrc", "net"},
        {"missing"},
        {"code", "number", "reason", "recordType"},
        {"netBefore", "netAfter", "netChange", "qaeiBefore", "qaeiAfter", "qaeiChange", "runBefore",
            "runSequenceBefore"},
        {"records"},
        {"systemPrice", "niv", "actions", "totalCbm"},
        {"qao", "qab", "cbm", "tlm"},
        {},
        {"published", "indicative", "difference", "publishedNiv", "indicativeNiv"}
    };
    /** {@link #subjectKind}: the type has no subject. */
    public static final int SUBJECT_NONE = 0;
    /** {@link #subjectKind}: the subject is a BM Unit index. */
    public static final int SUBJECT_BM_UNIT = 1;
    /** {@link #subjectKind}: the subject is an Energy Account index. */
    public static final int SUBJECT_ACCOUNT = 2;
    /** {@link #subjectKind}: the subject is a party index. */
    public static final int SUBJECT_PARTY = 3;

    private static final String[] SUBJECTS = {"", "", "bmu=#", "account=", "", "party=#", "bmu=#", "bmu=#",
        "party=#", "", "", "bmu=#", "", ""};
    private static final int[] SUBJECT_KINDS = {SUBJECT_NONE, SUBJECT_NONE, SUBJECT_BM_UNIT, SUBJECT_ACCOUNT,
        SUBJECT_NONE, SUBJECT_PARTY, SUBJECT_BM_UNIT, SUBJECT_BM_UNIT, SUBJECT_PARTY, SUBJECT_NONE, SUBJECT_NONE,
        SUBJECT_BM_UNIT, SUBJECT_NONE, SUBJECT_NONE};
    private static final String[] QUALITY_NAMES = {"missing-metered", "missing-balancing", "missing-mid",
        "missing-netbsad", "missing-lolp", "price-overridden", "estimated-tlm", "", "", "", "", "", "", "", "",
        "group-end"};
    private static final SettlementRun[] RUNS = SettlementRun.values();

    private ResultType()
    {
    }

    /**
     * @param type a code.
     * @return its name.
     */
    public static String name(final int type)
    {
        return type > 0 && type < LIMIT ? NAMES[type] : "?" + type;
    }

    /**
     * @param name a name, any case.
     * @return its code, or -1.
     */
    public static int code(final String name)
    {
        return EventType.codeOf(NAMES, name);
    }

    /**
     * @param type a code.
     * @return how many of the value slots the type uses.
     */
    public static int valueCount(final int type)
    {
        return type > 0 && type < LIMIT ? VALUE_NAMES[type].length : 0;
    }

    /**
     * @param type  a code.
     * @param index a value slot.
     * @return the value's name.
     */
    public static String valueName(final int type, final int index)
    {
        return type > 0 && type < LIMIT && index < VALUE_NAMES[type].length ? VALUE_NAMES[type][index] :
            "v" + index;
    }

    /**
     * @param type a code.
     * @return the label of its subject ("bmu=#", "party=#", "account=").
     */
    public static String subjectLabel(final int type)
    {
        return type > 0 && type < LIMIT ? SUBJECTS[type] : "subject=";
    }

    /**
     * @param type a code.
     * @return what its subject is: {@link #SUBJECT_NONE}, {@link #SUBJECT_BM_UNIT}, {@link #SUBJECT_ACCOUNT} or
     * {@link #SUBJECT_PARTY}.
     */
    public static int subjectKind(final int type)
    {
        return type > 0 && type < LIMIT ? SUBJECT_KINDS[type] : SUBJECT_NONE;
    }

    /**
     * @param run a run ordinal.
     * @return the run's name (SF, R1...).
     */
    public static String runName(final int run)
    {
        return run >= 0 && run < RUNS.length ? RUNS[run].name() : "?" + run;
    }

    /**
     * Appends the names of the quality bits set, joined by '+'.
     *
     * @param quality the bits.
     * @param out     where to append.
     * @return {@code out}.
     */
    public static StringBuilder appendQuality(final int quality, final StringBuilder out)
    {
        boolean first = true;
        for (int b = 0; b < QUALITY_NAMES.length; b++)
        {
            if ((quality & 1 << b) != 0 && !QUALITY_NAMES[b].isEmpty())
            {
                out.append(first ? "" : "+").append(QUALITY_NAMES[b]);
                first = false;
            }
        }
        return out;
    }
}
