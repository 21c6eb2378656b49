package io.gbsettle.adapters.iris;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.gbsettle.core.files.AcceptanceSegments;
import io.gbsettle.core.files.BidOfferRows;
import io.gbsettle.core.files.BsadActions;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.MarketIndexRows;
import io.gbsettle.core.files.PnSegments;
import io.gbsettle.core.registry.MarketRegistry;

/**
 * Turns a Settlement Day's balancing data (a loaded {@link DayBundle}, e.g. a {@code SyntheticBundle} day) into the
 * IRIS messages that would have carried it: one message per dataset and Settlement Period (PN, BOD, BOALF, DISBSAD,
 * NETBSAD, MID, LOLPDRM), bodies as JSON arrays of Insights rows, message ids in IRIS's
 * {@code {DATASET}_{yyyyMMddHHmm}_{n}.json} form (the time is the period's start). For tests, benchmarks, the demo
 * and {@link IrisFolder#write}; the rows read back through {@link IrisIngest} become exactly the bundle's records.
 */
public final class IrisDayMessages
{
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);

    private IrisDayMessages()
    {
    }

    /**
     * One message.
     *
     * @param dataset   the dataset (AMQP subject, folder name).
     * @param messageId the message id (file name).
     * @param body      the body: a JSON array of rows, UTF-8.
     */
    public record Message(String dataset, String messageId, byte[] body)
    {
        /**
         * @return the body as text.
         */
        public String text()
        {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * Every message of the day's balancing data, period by period (within a period: PN, BOD, BOALF, DISBSAD,
     * NETBSAD, MID, LOLPDRM).
     *
     * @param bundle the day.
     * @return the messages, in publication order.
     */
    public static List<Message> of(final DayBundle bundle)
    {
        final List<Message> out = new ArrayList<>();
        final MarketRegistry registry = bundle.registry();
        final String date = bundle.settlementDate().toString();
        final int periods = bundle.periodCount();
        final long start = bundle.dayStartEpochSecond();
        final StringBuilder[] pn = rows(periods);
        final StringBuilder[] bod = rows(periods);
        final StringBuilder[] boalf = rows(periods);
        final StringBuilder[] bsad = rows(periods);
        final StringBuilder[] mid = rows(periods);

        final PnSegments p = bundle.pn();
        for (int r = 0; r < p.count(); r++)
        {
            final int period = period(p.timeFrom(r), start, periods);
            final String unit = registry.bmUnitId(p.bmUnit(r));
            row(pn[period]).append("{\"dataset\":\"PN\",\"settlementDate\":\"").append(date)
                .append("\",\"settlementPeriod\":").append(period).append(",\"timeFrom\":\"")
                .append(time(p.timeFrom(r))).append("\",\"timeTo\":\"").append(time(p.timeTo(r)))
                .append("\",\"levelFrom\":").append(p.levelFrom(r)).append(",\"levelTo\":").append(p.levelTo(r))
                .append(",\"nationalGridBmUnit\":\"").append(ngId(unit)).append("\",\"bmUnit\":\"").append(unit)
                .append("\"}");
        }
        final BidOfferRows b = bundle.bod();
        for (int r = 0; r < b.count(); r++)
        {
            final int period = period(b.timeFrom(r), start, periods);
            final String unit = registry.bmUnitId(b.bmUnit(r));
            row(bod[period]).append("{\"dataset\":\"BOD\",\"settlementDate\":\"").append(date)
                .append("\",\"settlementPeriod\":").append(period).append(",\"timeFrom\":\"")
                .append(time(b.timeFrom(r))).append("\",\"levelFrom\":").append(b.levelFrom(r))
                .append(",\"timeTo\":\"").append(time(b.timeTo(r))).append("\",\"levelTo\":").append(b.levelTo(r))
                .append(",\"pairId\":").append(b.pairId(r)).append(",\"offer\":").append(b.offer(r))
                .append(",\"bid\":").append(b.bid(r)).append(",\"nationalGridBmUnit\":\"").append(ngId(unit))
                .append("\",\"bmUnit\":\"").append(unit).append("\"}");
        }
        final AcceptanceSegments a = bundle.acceptances();
        for (int r = 0; r < a.count(); r++)
        {
            final int from = period(a.timeFrom(r), start, periods);
            final int to = period(Math.max(a.timeFrom(r), a.timeTo(r) - 1), start, periods);
            final String unit = registry.bmUnitId(a.bmUnit(r));
            row(boalf[from]).append("{\"dataset\":\"BOALF\",\"settlementDate\":\"").append(date)
                .append("\",\"settlementPeriodFrom\":").append(from).append(",\"settlementPeriodTo\":").append(to)
                .append(",\"timeFrom\":\"").append(time(a.timeFrom(r))).append("\",\"timeTo\":\"")
                .append(time(a.timeTo(r))).append("\",\"levelFrom\":").append(a.levelFrom(r))
                .append(",\"levelTo\":").append(a.levelTo(r)).append(",\"acceptanceNumber\":")
                .append(a.acceptanceNumber(r)).append(",\"acceptanceTime\":\"").append(time(a.acceptanceTime(r)))
                .append("\",\"deemedBoFlag\":").append(a.deemed(r)).append(",\"soFlag\":").append(a.so(r))
                .append(",\"amendmentFlag\":\"ORI\",\"storFlag\":").append(a.stor(r)).append(",\"rrFlag\":")
                .append(a.rr(r)).append(",\"nationalGridBmUnit\":\"").append(ngId(unit))
                .append("\",\"bmUnit\":\"").append(unit).append("\"}");
        }
        final BsadActions d = bundle.bsad();
        for (int r = 0; r < d.count(); r++)
        {
            final int period = d.period(r);
            row(bsad[period]).append("{\"dataset\":\"DISBSAD\",\"settlementDate\":\"").append(date)
                .append("\",\"settlementPeriod\":").append(period).append(",\"id\":").append(d.id(r))
                .append(",\"cost\":").append(Double.isNaN(d.cost(r)) ? "null" : Double.toString(d.cost(r)))
                .append(",\"volume\":").append(d.volume(r)).append(",\"soFlag\":").append(d.so(r))
                .append(",\"storFlag\":").append(d.stor(r)).append(",\"partyId\":\"SYNTH\",\"assetId\":\"A")
                .append(d.id(r)).append("\",\"isTendered\":false,\"service\":\"Energy\"}");
        }
        final MarketIndexRows m = bundle.marketIndex();
        final int[] providers = new int[periods + 1];
        for (int r = 0; r < m.count(); r++)
        {
            final int period = m.period(r);
            final String provider = providers[period]++ == 0 ? "APXMIDP" : "N2EXMIDP";
            row(mid[period]).append("{\"dataset\":\"MID\",\"startTime\":\"")
                .append(time(bundle.periodStartEpochSecond(period))).append("\",\"dataProvider\":\"")
                .append(provider).append("\",\"settlementDate\":\"").append(date).append("\",\"settlementPeriod\":")
                .append(period).append(",\"price\":").append(m.price(r)).append(",\"volume\":").append(m.volume(r))
                .append('}');
        }
        for (int period = 1; period <= periods; period++)
        {
            final long at = bundle.periodStartEpochSecond(period);
            add(out, "PN", at, period, pn[period]);
            add(out, "BOD", at, period, bod[period]);
            add(out, "BOALF", at, period, boalf[period]);
            add(out, "DISBSAD", at, period, bsad[period]);
            final StringBuilder net = new StringBuilder(256).append("{\"dataset\":\"NETBSAD\",\"settlementDate\":\"")
                .append(date).append("\",\"settlementPeriod\":").append(period)
                .append(",\"netBuyPriceCostAdjustmentEnergy\":0.0,\"buyPricePriceAdjustment\":")
                .append(bundle.bpa(period)).append(",\"netSellPriceCostAdjustmentEnergy\":0.0,")
                .append("\"sellPricePriceAdjustment\":").append(bundle.spa(period)).append('}');
            add(out, "NETBSAD", at, period, net);
            add(out, "MID", at, period, mid[period]);
            if (!Double.isNaN(bundle.lolp(period)))
            {
                final StringBuilder lolp = new StringBuilder(160).append("{\"dataset\":\"LOLPDRM\",")
                    .append("\"settlementDate\":\"").append(date).append("\",\"settlementPeriod\":").append(period)
                    .append(",\"forecastHorizon\":1,\"lossOfLoadProbability\":").append(bundle.lolp(period))
                    .append(",\"deratedMargin\":5000.0,\"storAvailabilityWindow\":")
                    .append(bundle.storAvailabilityWindow(period)).append('}');
                add(out, "LOLPDRM", at, period, lolp);
            }
        }
        return out;
    }

    /**
     * A DISEBSP message for one period (single price: SSP = SBP).
     *
     * @param date     the Settlement Day.
     * @param period   the period.
     * @param price    the published system price.
     * @param niv      the published NIV.
     * @param created  the calculation's time (createdDateTime).
     * @return the message.
     */
    public static Message publishedPrice(final LocalDate date, final int period, final double price,
        final double niv, final Instant created)
    {
        final String body = "[{\"settlementDate\":\"" + date + "\",\"settlementPeriod\":" + period +
            ",\"createdDateTime\":\"" + created + "\",\"systemSellPrice\":" + price + ",\"systemBuyPrice\":" + price +
            ",\"bsadDefaulted\":false,\"priceDerivationCode\":\"N\",\"reserveScarcityPrice\":0.0," +
            "\"netImbalanceVolume\":" + niv + ",\"replacementPrice\":null}]";
        return new Message("DISEBSP", "DISEBSP_" + STAMP.format(created) + "_" + period + ".json",
            body.getBytes(StandardCharsets.UTF_8));
    }

    private static StringBuilder[] rows(final int periods)
    {
        final StringBuilder[] rows = new StringBuilder[periods + 1];
        for (int p = 0; p <= periods; p++)
        {
            rows[p] = new StringBuilder(1024).append('[');
        }
        return rows;
    }

    private static StringBuilder row(final StringBuilder rows)
    {
        return rows.length() > 1 ? rows.append(',') : rows;
    }

    private static void add(final List<Message> out, final String dataset, final long at, final int period,
        final StringBuilder rows)
    {
        if (rows.length() <= 1 || rows.charAt(0) != '[' && rows.charAt(0) != '{')
        {
            return;
        }
        final String body = rows.charAt(0) == '{' ? "[" + rows + "]" : rows.append(']').toString();
        out.add(new Message(dataset, dataset + "_" + STAMP.format(Instant.ofEpochSecond(at)) + "_" + period + ".json",
            body.getBytes(StandardCharsets.UTF_8)));
    }

    private static int period(final long time, final long dayStart, final int periods)
    {
        return (int)Math.max(1, Math.min(periods, Math.floorDiv(time - dayStart, 1800) + 1));
    }

    private static String ngId(final String bmUnit)
    {
        final int underscore = bmUnit.indexOf('_');
        return underscore == 1 ? bmUnit.substring(2) : bmUnit;
    }

    private static String time(final long epochSecond)
    {
        return Instant.ofEpochSecond(epochSecond).toString();
    }
}
