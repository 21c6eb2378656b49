package io.gbsettle.adapters.iris.amqp;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.gbsettle.core.registry.MarketRegistry;

/**
 * IRIS message bodies (JSON arrays of Insights rows, the field names of {@code iris-insights.md} §2) for one
 * Settlement Day (2025-06-10, BST: period 1 starts 2025-06-09T23:00Z) and the BM Units of a registry: one body per
 * dataset the engine maps, plus one it keeps raw only.
 */
final class IrisBodies
{
    static final String DAY = "2025-06-10";

    private final MarketRegistry registry;

    IrisBodies(final MarketRegistry registry)
    {
        this.registry = registry;
    }

    /**
     * @return dataset -> body, in a fixed order.
     */
    Map<String, String> everyDataset()
    {
        final Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("BOALF", boalf(0, 20, 1001, 120));
        bodies.put("BOD", bod(0, 20, 1, 65.0, 55.0));
        bodies.put("PN", pn(0, 20, 100));
        bodies.put("QPN", "[" + segment("QPN", 0, 20, 90) + "]");
        bodies.put("MELS", "[" + limit("MELS", 0, 20, 400, 7) + "]");
        bodies.put("MILS", "[" + limit("MILS", 0, 20, -50, 3) + "]");
        bodies.put("DISEBSP", "[{\"dataset\":\"DISEBSP\",\"settlementDate\":\"" + DAY + "\",\"settlementPeriod\":20," +
            "\"systemSellPrice\":81.5,\"systemBuyPrice\":81.5,\"netImbalanceVolume\":-120.4," +
            "\"reserveScarcityPrice\":0,\"createdDateTime\":\"2025-06-10T09:15:00Z\"}]");
        bodies.put("FREQ", "[{\"dataset\":\"FREQ\",\"measurementTime\":\"2025-06-10T08:31:15Z\",\"frequency\":49.98}," +
            "{\"dataset\":\"FREQ\",\"measurementTime\":\"2025-06-10T08:31:30Z\",\"frequency\":50.01}]");
        bodies.put("DISBSAD", "[{\"dataset\":\"DISBSAD\",\"settlementDate\":\"" + DAY + "\",\"settlementPeriod\":20," +
            "\"id\":77,\"cost\":1500.0,\"volume\":25.0,\"soFlag\":true,\"storFlag\":false}]");
        bodies.put("NETBSAD", "[{\"dataset\":\"NETBSAD\",\"settlementDate\":\"" + DAY + "\",\"settlementPeriod\":20," +
            "\"buyPricePriceAdjustment\":0.5,\"sellPricePriceAdjustment\":0.0}]");
        bodies.put("MID", "[{\"dataset\":\"MID\",\"settlementDate\":\"" + DAY + "\",\"settlementPeriod\":20," +
            "\"dataProvider\":\"APXMIDP\",\"price\":78.2,\"volume\":1200.0}]");
        bodies.put("LOLPDRM", "[{\"dataset\":\"LOLPDRM\",\"settlementDate\":\"" + DAY + "\",\"settlementPeriod\":20," +
            "\"lossOfLoadProbability\":0.0001,\"forecastHorizon\":1}]");
        bodies.put("FUELINST", "[{\"dataset\":\"FUELINST\",\"publishTime\":\"2025-06-10T08:35:00Z\"," +
            "\"fuelType\":\"CCGT\",\"generation\":9100}]");
        return bodies;
    }

    String boalf(final int unit, final int period, final long number, final double level)
    {
        return "[{\"dataset\":\"BOALF\",\"settlementDate\":\"" + DAY + "\",\"settlementPeriodFrom\":" + period +
            ",\"settlementPeriodTo\":" + period + ",\"timeFrom\":\"" + start(period) + "\",\"timeTo\":\"" +
            start(period + 1) + "\",\"levelFrom\":" + level + ",\"levelTo\":" + level + ",\"acceptanceNumber\":" +
            number + ",\"acceptanceTime\":\"" + start(period - 1) + "\",\"deemedBoFlag\":false,\"soFlag\":false," +
            "\"storFlag\":false,\"rrFlag\":false,\"bmUnit\":\"" + registry.bmUnitId(unit) + "\"}]";
    }

    String bod(final int unit, final int period, final int pair, final double offer, final double bid)
    {
        return "[{\"dataset\":\"BOD\",\"settlementDate\":\"" + DAY + "\",\"settlementPeriod\":" + period +
            ",\"timeFrom\":\"" + start(period) + "\",\"timeTo\":\"" + start(period + 1) + "\",\"levelFrom\":50," +
            "\"levelTo\":50,\"pairId\":" + pair + ",\"offer\":" + offer + ",\"bid\":" + bid + ",\"bmUnit\":\"" +
            registry.bmUnitId(unit) + "\"}]";
    }

    String pn(final int unit, final int period, final double level)
    {
        return "[" + segment("PN", unit, period, level) + "]";
    }

    private String segment(final String dataset, final int unit, final int period, final double level)
    {
        return "{\"dataset\":\"" + dataset + "\",\"settlementDate\":\"" + DAY + "\",\"settlementPeriod\":" + period +
            ",\"timeFrom\":\"" + start(period) + "\",\"timeTo\":\"" + start(period + 1) + "\",\"levelFrom\":" + level +
            ",\"levelTo\":" + level + ",\"bmUnit\":\"" + registry.bmUnitId(unit) + "\"}";
    }

    private String limit(final String dataset, final int unit, final int period, final double level,
        final int sequence)
    {
        final String row = segment(dataset, unit, period, level);
        return row.substring(0, row.length() - 1) + ",\"notificationSequence\":" + sequence +
            ",\"notificationTime\":\"" + start(period - 2) + "\"}";
    }

    /**
     * @param period a settlement period of {@link #DAY} (1..48; 49 is the next day's first).
     * @return its start instant, ISO-8601 with milliseconds as IRIS writes them.
     */
    static String start(final int period)
    {
        final int minutes = 23 * 60 + (period - 1) * 30;
        final int dayOffset = minutes / (24 * 60);
        final int inDay = minutes % (24 * 60);
        return String.format(Locale.ROOT, "2025-06-%02dT%02d:%02d:00.000Z", 9 + dayOffset, inDay / 60, inDay % 60);
    }
}
