package io.gbsettle.core.files;

import java.time.LocalDate;
import java.util.List;

import io.gbsettle.core.event.EventType;
import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.time.SettlementCalendar;

/**
 * Maps one Elexon Insights row (an IRIS message's or a REST response's, read by {@link InsightsJson}) to one
 * canonical input record: the one place where the feed's field names meet the engine's {@link EventType} layout.
 *
 * <pre>
 *   dataset   kind                 fields read
 *   BOALF     ACCEPTANCE_SEGMENT   settlementDate, bmUnit, acceptanceNumber, acceptanceTime, timeFrom/To,
 *                                  levelFrom/To, soFlag, storFlag, rrFlag, deemedBoFlag
 *   BOD       BOD_BAND             settlementDate, settlementPeriod, bmUnit, pairId, timeFrom/To, levelFrom/To,
 *                                  offer, bid
 *   PN, QPN   PN_POINT, QPN_POINT  settlementDate, settlementPeriod, bmUnit, timeFrom/To, levelFrom/To
 *   MELS/MILS MEL_POINT/MIL_POINT  as PN plus notificationSequence, notificationTime
 *   DISEBSP   PUBLISHED_PRICE      settlementDate, settlementPeriod, systemSellPrice, systemBuyPrice,
 *                                  netImbalanceVolume, reserveScarcityPrice, createdDateTime
 *   FREQ      FREQUENCY            measurementTime (day and period from the settlement calendar), frequency
 *   DISBSAD   BSAD_ACTION          settlementDate, settlementPeriod, id, cost, volume, soFlag, storFlag
 *   NETBSAD   NETBSAD              settlementDate, settlementPeriod, buyPricePriceAdjustment, sellPricePriceAdjustment
 *   MID       MARKET_INDEX         settlementDate, settlementPeriod, dataProvider, price, volume
 *   LOLPDRM   LOLP                 settlementDate, settlementPeriod, lossOfLoadProbability (or lolp),
 *                                  forecastHorizon, storAvailabilityWindow
 * </pre>
 *
 * <p>Every record's source key is derived from the row's own business identity ({@link EventType#businessKey}), never
 * from the message, its arrival or its position: the same row delivered by IRIS and fetched by gap filling gives a
 * byte-identical record, which the engine then recognises as a duplicate. Segment records (PN, BOD, BOALF...) have
 * period 0 as {@code Engine.submitPn} and friends write them (their business keys are times, not periods).
 *
 * <p>Allocation-free once warm (the hot path of the IRIS adapter): fields are read by index from the reader's byte
 * offsets, BM Unit ids resolved through a {@link NameIndex} built once from the registry; only a problem allocates
 * (its message).
 *
 * <p>Not thread-safe: one mapper per adapter thread.
 */
public final class InsightsEvents
{
    /** The row became a record. */
    public static final int MAPPED = 0;
    /** The row is malformed (a problem was reported): the message is invalid. */
    public static final int INVALID = 1;
    /** The row names a BM Unit the registry does not know (a problem was reported). */
    public static final int UNKNOWN_BM_UNIT = 2;
    /** The row is valid but not applied (a LoLP forecast of another horizon): counted, kept raw. */
    public static final int NOT_KEPT = 3;

    private static final String[] DATASETS = {"BOALF", "BOD", "PN", "QPN", "MELS", "MILS", "DISEBSP", "FREQ",
        "DISBSAD", "NETBSAD", "MID", "LOLPDRM"};
    private static final int[] TYPES = {EventType.ACCEPTANCE_SEGMENT, EventType.BOD_BAND, EventType.PN_POINT,
        EventType.QPN_POINT, EventType.MEL_POINT, EventType.MIL_POINT, EventType.PUBLISHED_PRICE, EventType.FREQUENCY,
        EventType.BSAD_ACTION, EventType.NETBSAD, EventType.MARKET_INDEX, EventType.LOLP};
    private static final long MISSING = InsightsJson.MISSING_LONG;

    private static final int DATASET = InsightsJson.field("dataset");
    private static final int SETTLEMENT_DATE = InsightsJson.field("settlementDate");
    private static final int SETTLEMENT_PERIOD = InsightsJson.field("settlementPeriod");
    private static final int SETTLEMENT_PERIOD_FROM = InsightsJson.field("settlementPeriodFrom");
    private static final int BM_UNIT = InsightsJson.field("bmUnit");
    private static final int ACCEPTANCE_NUMBER = InsightsJson.field("acceptanceNumber");
    private static final int ACCEPTANCE_TIME = InsightsJson.field("acceptanceTime");
    private static final int TIME_FROM = InsightsJson.field("timeFrom");
    private static final int TIME_TO = InsightsJson.field("timeTo");
    private static final int LEVEL_FROM = InsightsJson.field("levelFrom");
    private static final int LEVEL_TO = InsightsJson.field("levelTo");
    private static final int SO_FLAG = InsightsJson.field("soFlag");
    private static final int STOR_FLAG = InsightsJson.field("storFlag");
    private static final int RR_FLAG = InsightsJson.field("rrFlag");
    private static final int DEEMED_FLAG = InsightsJson.field("deemedBoFlag");
    private static final int PAIR_ID = InsightsJson.field("pairId");
    private static final int OFFER = InsightsJson.field("offer");
    private static final int BID = InsightsJson.field("bid");
    private static final int NOTIFICATION_SEQUENCE = InsightsJson.field("notificationSequence");
    private static final int NOTIFICATION_TIME = InsightsJson.field("notificationTime");
    private static final int SSP = InsightsJson.field("systemSellPrice");
    private static final int SBP = InsightsJson.field("systemBuyPrice");
    private static final int NIV = InsightsJson.field("netImbalanceVolume");
    private static final int SCARCITY = InsightsJson.field("reserveScarcityPrice");
    private static final int CREATED = InsightsJson.field("createdDateTime");
    private static final int MEASUREMENT_TIME = InsightsJson.field("measurementTime");
    private static final int FREQUENCY = InsightsJson.field("frequency");
    private static final int ID = InsightsJson.field("id");
    private static final int COST = InsightsJson.field("cost");
    private static final int VOLUME = InsightsJson.field("volume");
    private static final int BPA = InsightsJson.field("buyPricePriceAdjustment");
    private static final int SPA = InsightsJson.field("sellPricePriceAdjustment");
    private static final int DATA_PROVIDER = InsightsJson.field("dataProvider");
    private static final int PRICE = InsightsJson.field("price");
    private static final int LOLP_LONG = InsightsJson.field("lossOfLoadProbability");
    private static final int LOLP_SHORT = InsightsJson.field("lolp");
    private static final int FORECAST_HORIZON = InsightsJson.field("forecastHorizon");
    private static final int STOR_WINDOW = InsightsJson.field("storAvailabilityWindow");

    private final NameIndex bmUnits;
    private final MarketRegistry registry;
    private final SettlementCalendar calendar;
    private final int source;
    private final int lolpHorizonHours;

    /**
     * @param registry         BM Unit ids are mapped through it (indexed once, here).
     * @param calendar         settlement days and periods (FREQ readings are placed by their time).
     * @param source           the records' {@link io.gbsettle.core.event.EventSource}.
     * @param lolpHorizonHours the LOLPDRM forecast horizon applied (others are {@link #NOT_KEPT}); 0 for all.
     */
    public InsightsEvents(final MarketRegistry registry, final SettlementCalendar calendar, final int source,
        final int lolpHorizonHours)
    {
        this.registry = registry;
        this.bmUnits = NameIndex.bmUnits(registry);
        this.calendar = calendar;
        this.source = source;
        this.lolpHorizonHours = lolpHorizonHours;
    }

    /**
     * @param dataset a dataset name (the AMQP subject), any case.
     * @return the {@link EventType} its rows become, or 0 when the engine does not use the dataset (raw only).
     */
    public static int eventType(final String dataset)
    {
        for (int i = 0; i < DATASETS.length; i++)
        {
            if (DATASETS[i].equalsIgnoreCase(dataset))
            {
                return TYPES[i];
            }
        }
        return 0;
    }

    /**
     * The kind of a row by its own {@code "dataset"} field (messages without a subject), read from the bytes.
     *
     * @param row a reader positioned on a row.
     * @return the {@link EventType} of the row's dataset, or 0 when absent or not used by the engine.
     */
    public static int eventType(final InsightsJson row)
    {
        for (int i = 0; i < DATASETS.length; i++)
        {
            if (row.textEqualsIgnoreCase(DATASET, DATASETS[i]))
            {
                return TYPES[i];
            }
        }
        return 0;
    }

    /**
     * @param type an {@link EventType} code.
     * @return the dataset whose rows become that kind (the first, e.g. "PN"), or null.
     */
    public static String dataset(final int type)
    {
        for (int i = 0; i < TYPES.length; i++)
        {
            if (TYPES[i] == type)
            {
                return DATASETS[i];
            }
        }
        return null;
    }

    /**
     * @return every dataset mapped to records.
     */
    public static List<String> datasets()
    {
        return List.of(DATASETS);
    }

    /**
     * A stable numeric code for a Market Index Data provider (the record's key): the known ones by name, any other
     * by a hash of its name.
     *
     * @param provider the dataProvider field.
     * @return its code, positive.
     */
    public static long providerCode(final String provider)
    {
        if ("APXMIDP".equalsIgnoreCase(provider))
        {
            return 1;
        }
        if ("N2EXMIDP".equalsIgnoreCase(provider))
        {
            return 2;
        }
        return provider == null ? 0 : 1000 + (provider.hashCode() & 0x7FFFFFFFL);
    }

    /**
     * {@link #providerCode(String)} of a row's {@code dataProvider} field, from the bytes.
     */
    private static long providerCode(final InsightsJson row)
    {
        if (row.textEqualsIgnoreCase(DATA_PROVIDER, "APXMIDP"))
        {
            return 1;
        }
        if (row.textEqualsIgnoreCase(DATA_PROVIDER, "N2EXMIDP"))
        {
            return 2;
        }
        return 1000 + (row.textHash(DATA_PROVIDER) & 0x7FFFFFFFL);
    }

    /**
     * The acceptance flags of a BOALF row as {@link InputEvent} flag bits (absent or null flags are false).
     *
     * @param row the row.
     * @return {@link InputEvent#FLAG_SO} | {@link InputEvent#FLAG_STOR} | {@link InputEvent#FLAG_RR} |
     *         {@link InputEvent#FLAG_DEEMED}.
     */
    public static int acceptanceFlags(final InsightsJson row)
    {
        return (row.flag(SO_FLAG, false) ? InputEvent.FLAG_SO : 0) |
            (row.flag(STOR_FLAG, false) ? InputEvent.FLAG_STOR : 0) |
            (row.flag(RR_FLAG, false) ? InputEvent.FLAG_RR : 0) |
            (row.flag(DEEMED_FLAG, false) ? InputEvent.FLAG_DEEMED : 0);
    }

    /**
     * Maps the current row.
     *
     * @param type the {@link EventType} of the row's dataset ({@link #eventType}).
     * @param row  the reader, positioned on the row; problems go to its list, placed at the row's period and BM
     *             Unit.
     * @param into the record to write (its buffer holds at least {@link InputEvent#LENGTH} bytes).
     * @return {@link #MAPPED}, {@link #INVALID}, {@link #UNKNOWN_BM_UNIT} or {@link #NOT_KEPT}.
     */
    public int map(final int type, final InsightsJson row, final InputEvent into)
    {
        final List<InputProblem> problems = row.problems();
        final int before = problems.size();
        final int result = switch (type)
        {
            case EventType.ACCEPTANCE_SEGMENT -> boalf(row, into);
            case EventType.BOD_BAND -> bod(row, into);
            case EventType.PN_POINT, EventType.QPN_POINT, EventType.MEL_POINT, EventType.MIL_POINT ->
                segment(type, row, into);
            case EventType.PUBLISHED_PRICE -> publishedPrice(row, into);
            case EventType.FREQUENCY -> frequency(row, into);
            case EventType.BSAD_ACTION, EventType.NETBSAD, EventType.MARKET_INDEX, EventType.LOLP ->
                periodValue(type, row, into);
            default ->
            {
                problems.add(row.problem("", "dataset not mapped to records"));
                yield INVALID;
            }
        };
        if (problems.size() > before)
        {
            place(row, problems, before);
            return result == MAPPED ? INVALID : result;
        }
        if (result == MAPPED)
        {
            into.sourceKey(EventType.businessKey(into));
        }
        return result;
    }

    private static void place(final InsightsJson row, final List<InputProblem> problems, final int from)
    {
        final long period = safeLong(row.has(SETTLEMENT_PERIOD) ? row.text(SETTLEMENT_PERIOD) :
            row.text(SETTLEMENT_PERIOD_FROM));
        final String subject = row.text(BM_UNIT);
        for (int i = from; i < problems.size(); i++)
        {
            final InputProblem p = problems.get(i);
            problems.set(i, p.in((int)period, subject == null ? "" : subject));
        }
    }

    private int boalf(final InsightsJson row, final InputEvent into)
    {
        final long day = day(row);
        final boolean hasUnit = row.require(BM_UNIT);
        final long number = row.wholeNumber(ACCEPTANCE_NUMBER, true);
        final long acceptanceTime = row.instant(ACCEPTANCE_TIME);
        final long timeFrom = row.instant(TIME_FROM);
        final long timeTo = row.instant(TIME_TO);
        final double levelFrom = row.decimal(LEVEL_FROM, true);
        final double levelTo = row.decimal(LEVEL_TO, true);
        final int flags = acceptanceFlags(row);
        if (!hasUnit || day == MISSING || number == MISSING || acceptanceTime == MISSING ||
            timeFrom == MISSING || timeTo == MISSING || Double.isNaN(levelFrom) || Double.isNaN(levelTo))
        {
            return INVALID;
        }
        if (timeTo < timeFrom)
        {
            row.problems().add(row.problem(TIME_TO, "the segment ends before it starts"));
            return INVALID;
        }
        final int unit = unit(row, day);
        if (unit < 0)
        {
            return UNKNOWN_BM_UNIT;
        }
        into.reset(EventType.ACCEPTANCE_SEGMENT, day, 0, source, 0).subject(unit).key(number)
            .times(timeFrom, timeTo, acceptanceTime).values(levelFrom, levelTo, 0, 0).flags(flags);
        return MAPPED;
    }

    private int bod(final InsightsJson row, final InputEvent into)
    {
        final long day = day(row);
        period(row, day);
        final boolean hasUnit = row.require(BM_UNIT);
        final long pairId = row.wholeNumber(PAIR_ID, true);
        final long timeFrom = row.instant(TIME_FROM);
        final long timeTo = row.instant(TIME_TO);
        final double levelFrom = row.decimal(LEVEL_FROM, true);
        final double levelTo = row.decimal(LEVEL_TO, true);
        final double offer = row.decimal(OFFER, true);
        final double bid = row.decimal(BID, true);
        if (!hasUnit || day == MISSING || pairId == MISSING || timeFrom == MISSING || timeTo == MISSING ||
            Double.isNaN(levelFrom) || Double.isNaN(levelTo) || Double.isNaN(offer) || Double.isNaN(bid))
        {
            return INVALID;
        }
        if (pairId == 0 || Math.abs(pairId) > DayBundleLoader.MAX_PAIR)
        {
            row.problems().add(row.problem(PAIR_ID, "not a Bid-Offer Pair number; expected ±1 .. ±" +
                DayBundleLoader.MAX_PAIR));
            return INVALID;
        }
        if (timeTo < timeFrom)
        {
            row.problems().add(row.problem(TIME_TO, "the segment ends before it starts"));
            return INVALID;
        }
        final int unit = unit(row, day);
        if (unit < 0)
        {
            return UNKNOWN_BM_UNIT;
        }
        into.reset(EventType.BOD_BAND, day, 0, source, 0).subject(unit).subject2((int)pairId)
            .times(timeFrom, timeTo, 0).values(levelFrom, levelTo, offer, bid);
        return MAPPED;
    }

    private int segment(final int type, final InsightsJson row, final InputEvent into)
    {
        final long day = day(row);
        period(row, day);
        final boolean hasUnit = row.require(BM_UNIT);
        final long timeFrom = row.instant(TIME_FROM);
        final long timeTo = row.instant(TIME_TO);
        final double levelFrom = row.decimal(LEVEL_FROM, true);
        final double levelTo = row.decimal(LEVEL_TO, true);
        final boolean limit = type == EventType.MEL_POINT || type == EventType.MIL_POINT;
        final long sequence = limit ? row.wholeNumber(NOTIFICATION_SEQUENCE, true) : 0;
        final long notified = limit ? row.instant(NOTIFICATION_TIME) : 0;
        if (!hasUnit || day == MISSING || timeFrom == MISSING || timeTo == MISSING || Double.isNaN(levelFrom) ||
            Double.isNaN(levelTo) || sequence == MISSING || notified == MISSING)
        {
            return INVALID;
        }
        if (timeTo < timeFrom)
        {
            row.problems().add(row.problem(TIME_TO, "the segment ends before it starts"));
            return INVALID;
        }
        final int unit = unit(row, day);
        if (unit < 0)
        {
            return UNKNOWN_BM_UNIT;
        }
        into.reset(type, day, 0, source, 0).subject(unit).key(sequence).times(timeFrom, timeTo, notified)
            .values(levelFrom, levelTo, 0, 0);
        return MAPPED;
    }

    private int publishedPrice(final InsightsJson row, final InputEvent into)
    {
        final long day = day(row);
        final int period = period(row, day);
        final double ssp = row.decimal(SSP, true);
        final double sbp = row.decimal(SBP, false);
        final double niv = row.decimal(NIV, false);
        final double scarcity = row.decimal(SCARCITY, false);
        final long created = row.has(CREATED) ? row.instant(CREATED) : 0;
        if (day == MISSING || period <= 0 || Double.isNaN(ssp) || created == MISSING)
        {
            return INVALID;
        }
        into.reset(EventType.PUBLISHED_PRICE, day, period, source, 0).times(0, 0, created)
            .values(ssp, Double.isNaN(sbp) ? ssp : sbp, niv, scarcity);
        return MAPPED;
    }

    private int frequency(final InsightsJson row, final InputEvent into)
    {
        final long at = row.instant(MEASUREMENT_TIME);
        final double hz = row.decimal(FREQUENCY, true);
        if (at == MISSING || Double.isNaN(hz))
        {
            return INVALID;
        }
        if (at < calendar.firstEpochSecond() || at >= calendar.endEpochSecond())
        {
            row.problems().add(row.problem(MEASUREMENT_TIME, "outside the settlement calendar"));
            return INVALID;
        }
        into.reset(EventType.FREQUENCY, calendar.settlementDayOf(at), calendar.periodOf(at), source, 0)
            .times(at, at, 0).values(hz, 0, 0, 0);
        return MAPPED;
    }

    private int periodValue(final int type, final InsightsJson row, final InputEvent into)
    {
        final long day = day(row);
        final int period = period(row, day);
        long key = 0;
        double v0;
        double v1 = 0;
        int flags = 0;
        switch (type)
        {
            case EventType.BSAD_ACTION ->
            {
                key = row.wholeNumber(ID, true);
                v0 = row.decimal(COST, false);
                v1 = row.decimal(VOLUME, true);
                flags = (row.flag(SO_FLAG, false) ? InputEvent.FLAG_SO : 0) |
                    (row.flag(STOR_FLAG, false) ? InputEvent.FLAG_STOR : 0);
                if (Double.isNaN(v1) || key == MISSING)
                {
                    return INVALID;
                }
            }
            case EventType.NETBSAD ->
            {
                v0 = zeroIfMissing(row.decimal(BPA, false));
                v1 = zeroIfMissing(row.decimal(SPA, false));
            }
            case EventType.MARKET_INDEX ->
            {
                final boolean hasProvider = row.require(DATA_PROVIDER);
                key = hasProvider ? providerCode(row) : 0;
                v0 = row.decimal(PRICE, true);
                v1 = row.decimal(VOLUME, true);
                if (!hasProvider || Double.isNaN(v0) || Double.isNaN(v1))
                {
                    return INVALID;
                }
                if (v1 < 0)
                {
                    row.problems().add(row.problem(VOLUME, "a traded volume cannot be negative"));
                    return INVALID;
                }
            }
            default ->
            {
                final int field = row.has(LOLP_LONG) || !row.has(LOLP_SHORT) ? LOLP_LONG : LOLP_SHORT;
                v0 = row.decimal(field, true);
                flags = row.flag(STOR_WINDOW, true) ? InputEvent.FLAG_STOR_WINDOW : 0;
                if (Double.isNaN(v0))
                {
                    return INVALID;
                }
                if (v0 < 0.0 || v0 > 1.0)
                {
                    row.problems().add(row.problem(field, "a probability must be between 0 and 1"));
                    return INVALID;
                }
                final long horizon = row.wholeNumber(FORECAST_HORIZON, false);
                if (lolpHorizonHours > 0 && horizon != MISSING && horizon != lolpHorizonHours)
                {
                    return day == MISSING || period <= 0 ? INVALID : NOT_KEPT;
                }
            }
        }
        if (day == MISSING || period <= 0)
        {
            return INVALID;
        }
        into.reset(type, day, period, source, 0).key(key).values(v0, v1, 0, 0).flags(flags);
        return MAPPED;
    }

    private long day(final InsightsJson row)
    {
        final long day = row.epochDay(SETTLEMENT_DATE);
        if (day == MISSING)
        {
            return MISSING;
        }
        if (!calendar.isSupported(day))
        {
            row.problems().add(row.problem(SETTLEMENT_DATE, "outside the settlement calendar"));
            return MISSING;
        }
        return day;
    }

    private int period(final InsightsJson row, final long day)
    {
        final long period = row.wholeNumber(SETTLEMENT_PERIOD, true);
        if (period == MISSING || day == MISSING)
        {
            return 0;
        }
        final int count = calendar.periodsIn(day);
        if (period < 1 || period > count)
        {
            row.problems().add(row.problem(SETTLEMENT_PERIOD, "no such settlement period: " +
                LocalDate.ofEpochDay(day) + " has " + count));
            return 0;
        }
        return (int)period;
    }

    private int unit(final InsightsJson row, final long day)
    {
        final int index = row.indexIn(BM_UNIT, bmUnits);
        if (index == NameIndex.MISSING)
        {
            row.problems().add(row.problem(BM_UNIT, "unknown BM Unit " + row.text(BM_UNIT) + " (settlement date " +
                LocalDate.ofEpochDay(day) + "): not in the registry"));
        }
        return index;
    }

    /**
     * @return the registry BM Unit ids are resolved through.
     */
    public MarketRegistry registry()
    {
        return registry;
    }

    private static double zeroIfMissing(final double value)
    {
        return Double.isNaN(value) ? 0.0 : value;
    }

    /**
     * A whole number from text, 0 when missing or not a number (a row's day and period, checked later).
     */
    static long safeLong(final String text)
    {
        if (text == null)
        {
            return 0;
        }
        try
        {
            return Long.parseLong(text.trim());
        }
        catch (final NumberFormatException ex)
        {
            return 0;
        }
    }
}
