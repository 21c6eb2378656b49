package io.gbsettle.core.files;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    private final MarketRegistry registry;
    private final SettlementCalendar calendar;
    private final int source;
    private final int lolpHorizonHours;
    private final Map<String, Long> instants = new HashMap<>();
    private final Map<String, Long> dates = new HashMap<>();

    /**
     * @param registry         BM Unit ids are mapped through it.
     * @param calendar         settlement days and periods (FREQ readings are placed by their time).
     * @param source           the records' {@link io.gbsettle.core.event.EventSource}.
     * @param lolpHorizonHours the LOLPDRM forecast horizon applied (others are {@link #NOT_KEPT}); 0 for all.
     */
    public InsightsEvents(final MarketRegistry registry, final SettlementCalendar calendar, final int source,
        final int lolpHorizonHours)
    {
        this.registry = registry;
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
     * The acceptance flags of a BOALF row as {@link InputEvent} flag bits (absent or null flags are false).
     *
     * @param row the row.
     * @return {@link InputEvent#FLAG_SO} | {@link InputEvent#FLAG_STOR} | {@link InputEvent#FLAG_RR} |
     *         {@link InputEvent#FLAG_DEEMED}.
     */
    public static int acceptanceFlags(final InsightsJson row)
    {
        return (row.flag("soFlag", false) ? InputEvent.FLAG_SO : 0) |
            (row.flag("storFlag", false) ? InputEvent.FLAG_STOR : 0) |
            (row.flag("rrFlag", false) ? InputEvent.FLAG_RR : 0) |
            (row.flag("deemedBoFlag", false) ? InputEvent.FLAG_DEEMED : 0);
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
            final long period = safeLong(row.has("settlementPeriod") ? row.text("settlementPeriod") :
                row.text("settlementPeriodFrom"));
            final String subject = row.text("bmUnit");
            for (int i = before; i < problems.size(); i++)
            {
                final InputProblem p = problems.get(i);
                problems.set(i, p.in((int)period, subject == null ? "" : subject));
            }
            return result == MAPPED ? INVALID : result;
        }
        if (result == MAPPED)
        {
            into.sourceKey(EventType.businessKey(into));
        }
        return result;
    }

    private int boalf(final InsightsJson row, final InputEvent into)
    {
        final long day = day(row);
        final String unitId = row.requireText("bmUnit");
        final long number = row.wholeNumber("acceptanceNumber", true);
        final long acceptanceTime = instant(row, "acceptanceTime");
        final long timeFrom = instant(row, "timeFrom");
        final long timeTo = instant(row, "timeTo");
        final double levelFrom = row.decimal("levelFrom", true);
        final double levelTo = row.decimal("levelTo", true);
        final int flags = acceptanceFlags(row);
        if (unitId == null || day == MISSING || number == MISSING || acceptanceTime == MISSING ||
            timeFrom == MISSING || timeTo == MISSING || Double.isNaN(levelFrom) || Double.isNaN(levelTo))
        {
            return INVALID;
        }
        if (timeTo < timeFrom)
        {
            row.problems().add(row.problem("timeTo", "the segment ends before it starts"));
            return INVALID;
        }
        final int unit = unit(row, unitId, day);
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
        final String unitId = row.requireText("bmUnit");
        final long pairId = row.wholeNumber("pairId", true);
        final long timeFrom = instant(row, "timeFrom");
        final long timeTo = instant(row, "timeTo");
        final double levelFrom = row.decimal("levelFrom", true);
        final double levelTo = row.decimal("levelTo", true);
        final double offer = row.decimal("offer", true);
        final double bid = row.decimal("bid", true);
        if (unitId == null || day == MISSING || pairId == MISSING || timeFrom == MISSING || timeTo == MISSING ||
            Double.isNaN(levelFrom) || Double.isNaN(levelTo) || Double.isNaN(offer) || Double.isNaN(bid))
        {
            return INVALID;
        }
        if (pairId == 0 || Math.abs(pairId) > DayBundleLoader.MAX_PAIR)
        {
            row.problems().add(row.problem("pairId", "not a Bid-Offer Pair number; expected ±1 .. ±" +
                DayBundleLoader.MAX_PAIR));
            return INVALID;
        }
        if (timeTo < timeFrom)
        {
            row.problems().add(row.problem("timeTo", "the segment ends before it starts"));
            return INVALID;
        }
        final int unit = unit(row, unitId, day);
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
        final String unitId = row.requireText("bmUnit");
        final long timeFrom = instant(row, "timeFrom");
        final long timeTo = instant(row, "timeTo");
        final double levelFrom = row.decimal("levelFrom", true);
        final double levelTo = row.decimal("levelTo", true);
        final boolean limit = type == EventType.MEL_POINT || type == EventType.MIL_POINT;
        final long sequence = limit ? row.wholeNumber("notificationSequence", true) : 0;
        final long notified = limit ? instant(row, "notificationTime") : 0;
        if (unitId == null || day == MISSING || timeFrom == MISSING || timeTo == MISSING || Double.isNaN(levelFrom) ||
            Double.isNaN(levelTo) || sequence == MISSING || notified == MISSING)
        {
            return INVALID;
        }
        if (timeTo < timeFrom)
        {
            row.problems().add(row.problem("timeTo", "the segment ends before it starts"));
            return INVALID;
        }
        final int unit = unit(row, unitId, day);
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
        final double ssp = row.decimal("systemSellPrice", true);
        final double sbp = row.decimal("systemBuyPrice", false);
        final double niv = row.decimal("netImbalanceVolume", false);
        final double scarcity = row.decimal("reserveScarcityPrice", false);
        final long created = row.has("createdDateTime") ? instant(row, "createdDateTime") : 0;
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
        final long at = instant(row, "measurementTime");
        final double hz = row.decimal("frequency", true);
        if (at == MISSING || Double.isNaN(hz))
        {
            return INVALID;
        }
        if (at < calendar.firstEpochSecond() || at >= calendar.endEpochSecond())
        {
            row.problems().add(row.problem("measurementTime", "outside the settlement calendar"));
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
                key = row.wholeNumber("id", true);
                v0 = row.decimal("cost", false);
                v1 = row.decimal("volume", true);
                flags = (row.flag("soFlag", false) ? InputEvent.FLAG_SO : 0) |
                    (row.flag("storFlag", false) ? InputEvent.FLAG_STOR : 0);
                if (Double.isNaN(v1) || key == MISSING)
                {
                    return INVALID;
                }
            }
            case EventType.NETBSAD ->
            {
                v0 = zeroIfMissing(row.decimal("buyPricePriceAdjustment", false));
                v1 = zeroIfMissing(row.decimal("sellPricePriceAdjustment", false));
            }
            case EventType.MARKET_INDEX ->
            {
                final String provider = row.requireText("dataProvider");
                key = providerCode(provider);
                v0 = row.decimal("price", true);
                v1 = row.decimal("volume", true);
                if (provider == null || Double.isNaN(v0) || Double.isNaN(v1))
                {
                    return INVALID;
                }
                if (v1 < 0)
                {
                    row.problems().add(row.problem("volume", "a traded volume cannot be negative"));
                    return INVALID;
                }
            }
            default ->
            {
                final String field = row.has("lossOfLoadProbability") || !row.has("lolp") ?
                    "lossOfLoadProbability" : "lolp";
                v0 = row.decimal(field, true);
                flags = row.flag("storAvailabilityWindow", true) ? InputEvent.FLAG_STOR_WINDOW : 0;
                if (Double.isNaN(v0))
                {
                    return INVALID;
                }
                if (v0 < 0.0 || v0 > 1.0)
                {
                    row.problems().add(row.problem(field, "a probability must be between 0 and 1"));
                    return INVALID;
                }
                final long horizon = row.wholeNumber("forecastHorizon", false);
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
        final String text = row.text("settlementDate");
        final Long cached = text == null ? null : dates.get(text);
        if (cached != null)
        {
            return cached;
        }
        final long day = row.epochDay("settlementDate");
        if (day == MISSING)
        {
            return MISSING;
        }
        if (!calendar.isSupported(day))
        {
            row.problems().add(row.problem("settlementDate", "outside the settlement calendar"));
            return MISSING;
        }
        if (dates.size() < 10_000)
        {
            dates.put(text, day);
        }
        return day;
    }

    private int period(final InsightsJson row, final long day)
    {
        final long period = row.wholeNumber("settlementPeriod", true);
        if (period == MISSING || day == MISSING)
        {
            return 0;
        }
        final int count = calendar.periodsIn(day);
        if (period < 1 || period > count)
        {
            row.problems().add(row.problem("settlementPeriod", "no such settlement period: " +
                LocalDate.ofEpochDay(day) + " has " + count));
            return 0;
        }
        return (int)period;
    }

    private int unit(final InsightsJson row, final String id, final long day)
    {
        final int index = registry.bmUnitIndex(id);
        if (index == MarketRegistry.NO_INDEX)
        {
            row.problems().add(row.problem("bmUnit", "unknown BM Unit " + id + " (settlement date " +
                LocalDate.ofEpochDay(day) + "): not in the registry"));
        }
        return index;
    }

    /**
     * A date-time field, parsed once per distinct text (a message's rows share a few times).
     */
    private long instant(final InsightsJson row, final String name)
    {
        final String text = row.text(name);
        final Long cached = text == null ? null : instants.get(text);
        if (cached != null)
        {
            return cached;
        }
        final long parsed = row.instant(name);
        if (parsed != MISSING)
        {
            if (instants.size() >= 100_000)
            {
                instants.clear();
            }
            instants.put(text, parsed);
        }
        return parsed;
    }

    private static double zeroIfMissing(final double value)
    {
        return Double.isNaN(value) ? 0.0 : value;
    }

    private static long safeLong(final String text)
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
