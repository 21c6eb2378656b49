package io.gbsettle.adapters.iris;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.gbsettle.core.event.EventType;
import io.gbsettle.core.journal.PayloadEntry;
import io.gbsettle.core.journal.PayloadState;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The handler behind the transport port, against a real engine and payload journal: every dataset in both body
 * encodings (and double-encoded), malformed messages dead-lettered with their reason and raw body kept, duplicates
 * without a second effect, out-of-order delivery giving the in-order results, the published-price check.
 */
final class IrisIngestTest
{
    private static final String DATE = IrisTestDay.DATE.toString();

    static String unit()
    {
        return IrisTestDay.bundle().registry().bmUnitId(0);
    }

    /** One hand-made message per mapped dataset (the shapes of iris-insights.md §2), and one raw-only dataset. */
    static List<IrisDayMessages.Message> everyDataset()
    {
        final String u = unit();
        final String t0 = DATE + "T10:00:00.000Z";
        final String t1 = DATE + "T10:30:00Z";
        final List<IrisDayMessages.Message> out = new ArrayList<>();
        out.add(msg("BOALF", "[{\"dataset\":\"BOALF\",\"settlementDate\":\"" + DATE + "\",\"settlementPeriodFrom\":22," +
            "\"settlementPeriodTo\":22,\"timeFrom\":\"" + t0 + "\",\"timeTo\":\"" + t1 + "\",\"levelFrom\":50," +
            "\"levelTo\":100,\"acceptanceNumber\":6182,\"acceptanceTime\":\"" + DATE + "T09:22:00Z\"," +
            "\"deemedBoFlag\":false,\"soFlag\":true,\"amendmentFlag\":\"ORI\",\"storFlag\":false,\"rrFlag\":null," +
            "\"nationalGridBmUnit\":\"X\",\"bmUnit\":\"" + u + "\"}]"));
        out.add(msg("BOD", "[{\"dataset\":\"BOD\",\"settlementDate\":\"" + DATE + "\",\"settlementPeriod\":22," +
            "\"timeFrom\":\"" + t0 + "\",\"levelFrom\":100,\"timeTo\":\"" + t1 + "\",\"levelTo\":100,\"pairId\":-1," +
            "\"offer\":220,\"bid\":115.5,\"nationalGridBmUnit\":\"X\",\"bmUnit\":\"" + u + "\"}]"));
        for (final String pn : new String[] {"PN", "QPN"})
        {
            out.add(msg(pn, "[{\"dataset\":\"" + pn + "\",\"settlementDate\":\"" + DATE + "\",\"settlementPeriod\":22," +
                "\"timeFrom\":\"" + t0 + "\",\"timeTo\":\"" + t1 + "\",\"levelFrom\":10,\"levelTo\":12," +
                "\"nationalGridBmUnit\":\"X\",\"bmUnit\":\"" + u + "\"}]"));
        }
        for (final String limit : new String[] {"MELS", "MILS"})
        {
            out.add(msg(limit, "[{\"dataset\":\"" + limit + "\",\"settlementDate\":\"" + DATE + "\"," +
                "\"settlementPeriod\":22,\"timeFrom\":\"" + t0 + "\",\"timeTo\":\"" + t1 + "\",\"levelFrom\":-37," +
                "\"levelTo\":-37,\"notificationTime\":\"" + DATE + "T09:04:02Z\",\"notificationSequence\":123183593," +
                "\"nationalGridBmUnit\":\"X\",\"bmUnit\":\"" + u + "\"}]"));
        }
        out.add(msg("DISEBSP", "{\"metadata\":{\"datasets\":[\"DISEBSP\"]},\"data\":[{\"settlementDate\":\"" + DATE +
            "\",\"settlementPeriod\":22,\"startTime\":\"" + t0 + "\",\"createdDateTime\":\"" + DATE +
            "T10:44:34Z\",\"systemSellPrice\":96.79,\"systemBuyPrice\":96.79,\"bsadDefaulted\":false," +
            "\"priceDerivationCode\":\"N\",\"reserveScarcityPrice\":0.0,\"netImbalanceVolume\":-37.99," +
            "\"replacementPrice\":null}]}"));
        out.add(msg("FREQ", "[{\"dataset\":\"FREQ\",\"measurementTime\":\"" + t0 + "\",\"frequency\":49.97}," +
            "{\"dataset\":\"FREQ\",\"measurementTime\":\"" + DATE + "T10:00:15Z\",\"frequency\":49.98}]"));
        out.add(msg("DISBSAD", "[{\"dataset\":\"DISBSAD\",\"settlementDate\":\"" + DATE + "\",\"settlementPeriod\":22," +
            "\"id\":1,\"cost\":2501.33,\"volume\":27.842,\"soFlag\":false,\"storFlag\":false,\"partyId\":\"ENWL\"," +
            "\"assetId\":\"OFR-ENWL-1\",\"isTendered\":false,\"service\":\"Non-BM FR\"}]"));
        out.add(msg("NETBSAD", "[{\"dataset\":\"NETBSAD\",\"settlementDate\":\"" + DATE + "\",\"settlementPeriod\":22," +
            "\"buyPricePriceAdjustment\":1.5,\"sellPricePriceAdjustment\":-0.5}]"));
        out.add(msg("MID", "[{\"dataset\":\"MID\",\"startTime\":\"" + t0 + "\",\"dataProvider\":\"APXMIDP\"," +
            "\"settlementDate\":\"" + DATE + "\",\"settlementPeriod\":22,\"price\":81.2,\"volume\":900.5}]"));
        out.add(msg("LOLPDRM", "[{\"dataset\":\"LOLPDRM\",\"settlementDate\":\"" + DATE + "\",\"settlementPeriod\":22," +
            "\"forecastHorizon\":1,\"lossOfLoadProbability\":0.001,\"deratedMargin\":5000.0}," +
            "{\"dataset\":\"LOLPDRM\",\"settlementDate\":\"" + DATE + "\",\"settlementPeriod\":22," +
            "\"forecastHorizon\":8,\"lossOfLoadProbability\":0.01,\"deratedMargin\":4000.0}]"));
        return out;
    }

    static IrisDayMessages.Message msg(final String dataset, final String body)
    {
        return new IrisDayMessages.Message(dataset, dataset + "_202506111044_1.json",
            body.getBytes(StandardCharsets.UTF_8));
    }

    static IrisDayMessages.Message doubleEncoded(final IrisDayMessages.Message m)
    {
        final String text = m.text().replace("\\", "\\\\").replace("\"", "\\\"");
        return new IrisDayMessages.Message(m.dataset(), "DE_" + m.messageId(),
            ("\"" + text + "\"").getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(BodyEncoding.class)
    void everyDatasetInEitherEncodingBecomesRecords(final BodyEncoding encoding, @TempDir final Path dir)
        throws Exception
    {
        try (IrisTestDay day = new IrisTestDay(dir, IrisOptions.defaults()))
        {
            for (final IrisDayMessages.Message m : everyDataset())
            {
                assertEquals(Disposition.COMPLETE, day.send(m, encoding), m.dataset());
            }
            assertEquals(Disposition.COMPLETE, day.send(msg("FUELINST", "[{\"dataset\":\"FUELINST\"}]"), encoding));
            final IrisIngest.Counters c = day.ingest.counters();
            // 12 datasets; FREQ 2 rows; LOLPDRM 2 rows of which the 8-hour forecast is not kept.
            assertEquals(14, c.rows(), c.toString());
            assertEquals(13, c.events(), c.toString());
            assertEquals(1, c.skippedRows(), c.toString());
            assertEquals(1, c.rawOnly(), c.toString());
            assertEquals(0, c.deadLettered(), c.toString());
            day.quiesce();
            assertEquals(13, day.engine.counters()[0] - 1, "every record applied (plus the marker)");
            assertEquals(0, day.engine.counters()[2], "none rejected by the engine's validation");

            // The same rows double-encoded (another message id): parsed alike, and the engine sees duplicates.
            for (final IrisDayMessages.Message m : everyDataset())
            {
                assertEquals(Disposition.COMPLETE, day.send(doubleEncoded(m), encoding), m.dataset());
            }
            assertEquals(26, c.events(), c.toString());
            day.quiesce();
            assertEquals(13, day.engine.counters()[1], "identical records whoever delivers them: no second effect");
        }
    }

    @Test
    void malformedMessagesAreDeadLetteredWithTheirReasonAndKept(@TempDir final Path dir)
    {
        final String u = unit();
        try (IrisTestDay day = new IrisTestDay(dir, IrisOptions.defaults()))
        {
            final String bad = "[{\"dataset\":\"PN\",\"settlementDate\":\"" + DATE + "\",\"settlementPeriod\":22," +
                "\"timeFrom\":\"" + DATE + "T10:00:00Z\",\"timeTo\":\"" + DATE + "T10:30:00Z\",\"levelFrom\":10," +
                "\"levelTo\":12,\"bmUnit\":\"" + u + "\"},{\"dataset\":\"PN\",\"settlementDate\":\"" + DATE +
                "\",\"settlementPeriod\":23,\"timeFrom\":\"" + DATE + "T10:30:00Z\",\"timeTo\":\"" + DATE +
                "T11:00:00Z\",\"levelFrom\":\"ten\",\"levelTo\":12,\"bmUnit\":\"" + u + "\"}]";
            assertDeadLetter(day, msg("PN", bad), "PN", "PN_202506111044_1.json", "row 1", "levelFrom", "not a number");
            final String missing = "[{\"dataset\":\"BOD\",\"settlementDate\":\"" + DATE + "\",\"settlementPeriod\":5," +
                "\"timeFrom\":\"" + DATE + "T01:00:00Z\",\"levelFrom\":1,\"timeTo\":\"" + DATE + "T01:30:00Z\"," +
                "\"levelTo\":1,\"offer\":1,\"bid\":1,\"bmUnit\":\"" + u + "\"}]";
            assertDeadLetter(day, msg("BOD", missing), "BOD", "row 0", "pairId", "missing field", "period 5", u);
            assertDeadLetter(day, msg("BOALF", "[{\"dataset\":\"BOALF\", oops"), "BOALF", "not valid JSON");
            assertDeadLetter(day, msg("MID", "[{\"settlementDate\":\"" + DATE + "\",\"settlementPeriod\":5," +
                "\"dataProvider\":\"APXMIDP\",\"price\":true,\"volume\":1}]"), "MID", "price");
            assertDeadLetter(day, msg("DISBSAD", "[{\"settlementDate\":\"" + DATE + "\",\"settlementPeriod\":5," +
                "\"id\":1,\"volume\":1,\"soFlag\":\"maybe\"}]"), "DISBSAD", "soFlag", "expected true or false");
            assertDeadLetter(day, msg("PN", "\"not json inside\""), "PN", "not valid JSON");
            assertEquals(6, day.ingest.counters().deadLettered());
            assertEquals(0, day.ingest.counters().events(), "nothing of a rejected message reaches the engine");

            // The same malformed message again: dead-lettered again with the same reason, as a DUPLICATE entry.
            assertDeadLetter(day, msg("PN", bad), "levelFrom");

            final List<PayloadEntry> entries = day.entries();
            int received = 0;
            int rejected = 0;
            for (final PayloadEntry e : entries)
            {
                if (e.state() == PayloadState.RECEIVED)
                {
                    received++;
                    assertTrue(e.bodyLength() > 0, "raw body kept");
                }
                rejected += e.state() == PayloadState.REJECTED ? 1 : 0;
            }
            assertEquals(6, received);
            assertEquals(6, rejected);
            assertEquals(PayloadState.DUPLICATE, entries.get(entries.size() - 1).state());
            final PayloadEntry first = entries.get(0);
            assertEquals(bad, new String(first.bodyBytes(), StandardCharsets.UTF_8), "the raw body, byte for byte");
        }
    }

    private static void assertDeadLetter(final IrisTestDay day, final IrisDayMessages.Message m,
        final String... expected)
    {
        assertEquals(Disposition.DEAD_LETTER, day.send(m, BodyEncoding.DATA_BYTES), m.text());
        final String reason = day.ingest.deadLetterReason();
        for (final String e : expected)
        {
            assertTrue(reason.contains(e), "'" + e + "' in: " + reason);
        }
    }

    @Test
    void unknownBmUnitsAreSkippedAndReportedOrDeadLetteredByChoice(@TempDir final Path dir)
    {
        final String body = "[{\"dataset\":\"PN\",\"settlementDate\":\"" + DATE + "\",\"settlementPeriod\":22," +
            "\"timeFrom\":\"" + DATE + "T10:00:00Z\",\"timeTo\":\"" + DATE + "T10:30:00Z\",\"levelFrom\":10," +
            "\"levelTo\":12,\"bmUnit\":\"" + unit() + "\"},{\"dataset\":\"PN\",\"settlementDate\":\"" + DATE +
            "\",\"settlementPeriod\":22,\"timeFrom\":\"" + DATE + "T10:00:00Z\",\"timeTo\":\"" + DATE +
            "T10:30:00Z\",\"levelFrom\":1,\"levelTo\":1,\"bmUnit\":\"T_NEWUNIT-1\"}]";
        try (IrisTestDay day = new IrisTestDay(dir.resolve("skip"), IrisOptions.defaults()))
        {
            assertEquals(Disposition.COMPLETE, day.send(msg("PN", body), BodyEncoding.DATA_BYTES));
            assertEquals(1, day.ingest.counters().events());
            assertEquals(1, day.ingest.counters().skippedRows());
            final PayloadEntry journaled = day.entries().get(1);
            assertEquals(PayloadState.JOURNALED, journaled.state());
            for (final String e : new String[] {"skipped=1", "PN", "row 1", "period 22", "T_NEWUNIT-1", "bmUnit",
                "settlement date " + DATE})
            {
                assertTrue(journaled.detail().contains(e), "'" + e + "' in: " + journaled.detail());
            }
        }
        try (IrisTestDay day = new IrisTestDay(dir.resolve("strict"),
            IrisOptions.defaults().withUnknownBmUnit(IrisOptions.UnknownBmUnit.DEAD_LETTER)))
        {
            assertEquals(Disposition.DEAD_LETTER, day.send(msg("PN", body), BodyEncoding.DATA_BYTES));
            assertTrue(day.ingest.deadLetterReason().contains("unknown BM Unit T_NEWUNIT-1"),
                day.ingest.deadLetterReason());
            assertEquals(0, day.ingest.counters().events());
        }
    }

    @Test
    void aRedeliveredMessageHasNoSecondEffectAcrossARestart(@TempDir final Path dir) throws Exception
    {
        final List<IrisDayMessages.Message> messages = IrisDayMessages.of(IrisTestDay.bundle());
        final IrisDayMessages.Message m = messages.get(0);
        long events;
        try (IrisTestDay day = new IrisTestDay(dir, IrisOptions.defaults()))
        {
            assertEquals(Disposition.COMPLETE, day.send(m, BodyEncoding.DATA_BYTES));
            events = day.engine.nextPosition();
            final IrisMessage again = new IrisMessage().messageId(m.messageId()).dataset(m.dataset())
                .deliveryCount(1).body(m.body(), 0, m.body().length);
            assertEquals(Disposition.COMPLETE, day.ingest.onMessage(again));
            assertEquals(1, day.ingest.counters().duplicates());
            assertEquals(events, day.engine.nextPosition(), "a duplicate submits nothing");
        }
        try (IrisTestDay day = new IrisTestDay(dir, IrisOptions.defaults()))
        {
            assertEquals(Disposition.COMPLETE, day.send(m, BodyEncoding.AMQP_VALUE_STRING));
            assertEquals(1, day.ingest.counters().duplicates(), "known from the payload journal after a restart");
            assertEquals(events, day.engine.nextPosition());
        }
    }

    @Test
    void aMessageReceivedButNotJournaledIsHandledAgainOnStartUp(@TempDir final Path dir) throws Exception
    {
        final IrisDayMessages.Message m = IrisDayMessages.of(IrisTestDay.bundle()).get(0);
        try (IrisTestDay day = new IrisTestDay(dir, IrisOptions.defaults()))
        {
            // A crash after the RECEIVED entry: only the raw body is in the payload journal.
            day.payloads.append(new PayloadEntry().source(io.gbsettle.core.event.EventSource.IRIS)
                .state(PayloadState.RECEIVED).channel("iris").name(m.messageId()).kind(m.dataset())
                .contentHash(io.gbsettle.core.event.Hashing64.hash(new org.agrona.concurrent.UnsafeBuffer(m.body()),
                    0, m.body().length)).ref(-1).body(m.body(), 0, m.body().length));
            day.payloads.commit();
        }
        try (IrisTestDay day = new IrisTestDay(dir, IrisOptions.defaults()))
        {
            assertEquals(1, day.ingest.recovered());
            assertTrue(day.ingest.counters().events() > 0);
            assertEquals(PayloadState.JOURNALED, day.entries().get(1).state());
            assertEquals(Disposition.COMPLETE, day.send(m, BodyEncoding.DATA_BYTES));
            assertEquals(1, day.ingest.counters().duplicates(), "the redelivery finds it journaled");
        }
    }

    @Test
    void outOfOrderDeliveryGivesTheInOrderResults(@TempDir final Path dir) throws Exception
    {
        final List<IrisDayMessages.Message> messages = IrisDayMessages.of(IrisTestDay.bundle());
        final Map<String, double[]> inOrder;
        try (IrisTestDay day = new IrisTestDay(dir.resolve("ordered"), IrisOptions.defaults()))
        {
            for (final IrisDayMessages.Message m : messages)
            {
                assertEquals(Disposition.COMPLETE, day.send(m, BodyEncoding.DATA_BYTES), m.messageId());
            }
            day.settle();
            inOrder = Map.copyOf(day.runResults);
        }
        final List<IrisDayMessages.Message> shuffled = new ArrayList<>(messages);
        Collections.shuffle(shuffled, new Random(11));
        try (IrisTestDay day = new IrisTestDay(dir.resolve("shuffled"), IrisOptions.defaults()))
        {
            for (final IrisDayMessages.Message m : shuffled)
            {
                assertEquals(Disposition.COMPLETE, day.send(m, BodyEncoding.AMQP_VALUE_STRING), m.messageId());
            }
            // and a third of them again, redelivered late
            for (int i = 0; i < shuffled.size(); i += 3)
            {
                assertEquals(Disposition.COMPLETE, day.send(shuffled.get(i), BodyEncoding.DATA_BYTES));
            }
            day.settle();
            assertTrue(inOrder.size() > 100, "a real day: " + inOrder.size());
            assertEquals(inOrder.keySet(), day.runResults.keySet());
            for (final Map.Entry<String, double[]> e : inOrder.entrySet())
            {
                final double[] expected = e.getValue();
                final double[] actual = day.runResults.get(e.getKey());
                for (int i = 0; i < expected.length; i++)
                {
                    final double tolerance = 1e-9 * Math.max(1.0, Math.abs(expected[i]));
                    assertEquals(expected[i], actual[i], tolerance, e.getKey() + " value " + i);
                }
            }
        }
    }

    @Test
    void aPublishedPriceIsCheckedAgainstTheIndicativePriceNotApplied(@TempDir final Path dir) throws Exception
    {
        try (IrisTestDay day = new IrisTestDay(dir, IrisOptions.defaults()))
        {
            for (final IrisDayMessages.Message m : IrisDayMessages.of(IrisTestDay.bundle()))
            {
                day.send(m, BodyEncoding.DATA_BYTES);
            }
            day.quiesce();
            final IrisDayMessages.Message published = IrisDayMessages.publishedPrice(IrisTestDay.DATE, 20, 123.45,
                -10.0, Instant.parse(DATE + "T10:14:00Z"));
            assertEquals(Disposition.COMPLETE, day.send(published, BodyEncoding.DATA_BYTES));
            day.quiesce();
            assertEquals(1, day.priceChecks.size());
            final double[] check = day.priceChecks.get(0);
            assertEquals(20, (int)check[0]);
            assertEquals(123.45, check[1]);
            assertTrue(Double.isFinite(check[2]), "the engine had an indicative price for the period");
            assertEquals(123.45 - check[2], check[3], 1e-9);
            assertEquals(1, day.metrics.checks());
            assertEquals(check[3], day.metrics.lastDifference(), 1e-12);

            day.settle();
            final double[] period20 = day.runResults.get("PERIOD 20 -1");
            assertTrue(period20 != null && period20[0] != 123.45, "the published price overrides nothing");
            assertArrayEquals(new int[] {EventType.PUBLISHED_PRICE}, new int[] {EventType.code("DISEBSP")});
        }
    }
}
