package io.gbsettle.core.files;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.kernel.volume.AcceptanceVolumeKernel;
import io.gbsettle.core.kernel.volume.AcceptedVolumes;
import io.gbsettle.core.kernel.volume.BalancingBook;
import io.gbsettle.core.kernel.volume.VolumeOptions;
import io.gbsettle.core.registry.MarketRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TV-4's band split read from Insights JSON (PN, BOD, BOALF as the API sends them) and settled by the volume
 * kernel; and the problems a malformed row gives.
 */
final class BalancingInsightsTest
{
    private static final MarketRegistry REGISTRY = MarketRegistry.builder()
        .party("XPTY", "X Party Ltd")
        .bmUnit("T_X-1", "XPTY", true, "TU_X", false, "_N", MarketRegistry.NO_TLF)
        .build();

    private static ByteArrayInputStream json(final String text)
    {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String bod(final int pair, final int width, final double offer, final double bid)
    {
        return "{\"dataset\":\"BOD\",\"settlementDate\":\"2026-10-08\",\"settlementPeriod\":22," +
            "\"timeFrom\":\"2026-10-08T10:00:00Z\",\"levelFrom\":" + width + ",\"timeTo\":\"2026-10-08T10:30:00Z\"," +
            "\"levelTo\":" + width + ",\"pairId\":" + pair + ",\"offer\":" + offer + ",\"bid\":" + bid +
            ",\"nationalGridBmUnit\":\"X-1\",\"bmUnit\":\"T_X-1\"}";
    }

    private static String boalf(final int number, final String accepted, final String from, final int levelFrom,
        final String to, final int levelTo)
    {
        return "{\"dataset\":\"BOALF\",\"settlementDate\":\"2026-10-08\",\"settlementPeriodFrom\":22," +
            "\"settlementPeriodTo\":22,\"timeFrom\":\"2026-10-08T" + from + ":00Z\",\"timeTo\":\"2026-10-08T" + to +
            ":00Z\",\"levelFrom\":" + levelFrom + ",\"levelTo\":" + levelTo + ",\"acceptanceNumber\":" + number +
            ",\"acceptanceTime\":\"2026-10-08T" + accepted + ":00Z\",\"deemedBoFlag\":false,\"soFlag\":true," +
            "\"amendmentFlag\":\"ORI\",\"storFlag\":false,\"rrFlag\":null,\"nationalGridBmUnit\":\"X-1\"," +
            "\"bmUnit\":\"T_X-1\"}";
    }

    @Test
    void tv4BandSplitFromInsightsJson(@TempDir final Path dir) throws Exception
    {
        final Path pn = dir.resolve("pn.json");
        Files.writeString(pn, "{\"data\":[" +
            "{\"dataset\":\"PN\",\"settlementDate\":\"2026-10-08\",\"settlementPeriod\":22," +
            "\"timeFrom\":\"2026-10-08T10:00:00Z\",\"timeTo\":\"2026-10-08T10:30:00Z\",\"levelFrom\":10," +
            "\"levelTo\":10,\"nationalGridBmUnit\":\"X-1\",\"bmUnit\":\"T_X-1\"}," +
            "{\"dataset\":\"QPN\",\"settlementDate\":\"2026-10-08\",\"settlementPeriod\":22," +
            "\"timeFrom\":\"2026-10-08T10:00:00Z\",\"timeTo\":\"2026-10-08T10:30:00Z\",\"levelFrom\":99," +
            "\"levelTo\":99,\"nationalGridBmUnit\":\"X-1\",\"bmUnit\":\"T_X-1\"}]}");
        final String bods = "[" + bod(-1, -10, 170, 92) + "," + bod(-2, -20, 170, 92) + "," + bod(-3, -20, 171, 80) +
            "," + bod(-4, -100, 172, 60) + "," + bod(1, 10, 170, 92) + "," + bod(2, 20, 200, 92) + "]";
        final String acceptances = "[" + boalf(2, "10:05", "10:10", -40, "10:11", 0) + "," +
            boalf(1, "09:59", "10:00", -40, "10:20", -40) + "]";

        final BalancingBook book = new BalancingBook(1, 8, 8, 8);
        final AcceptedVolumes out = new AcceptedVolumes(1, 16);
        final List<InputProblem> problems = new ArrayList<>();
        book.reset(Instant.parse("2026-10-07T23:00:00Z").getEpochSecond(), 48); // BST: local midnight is 23:00 UTC
        assertEquals(1, BalancingInsights.read(BalancingInsights.Dataset.PN, pn, REGISTRY, book, problems));
        assertEquals(6, BalancingInsights.read(
            BalancingInsights.Dataset.BOD, "bod.json", json(bods), REGISTRY, book, problems));
        assertEquals(2, BalancingInsights.read(
            BalancingInsights.Dataset.BOALF, "boalf.json", json(acceptances), REGISTRY, book, problems));
        assertEquals(List.of(), problems);
        book.seal();
        AcceptanceVolumeKernel.period(VolumeOptions.DEFAULTS, book, 23, out); // 10:00-10:30 UTC
        assertEquals(5.0, out.fpn(0), 1e-9);
        final double[][] expected = {
            {1, -3, 0, -6.666666666667, 80},
            {1, -2, 0, -6.666666666667, 92},
            {1, -1, 0, -3.333333333333, 92},
            {2, -3, 0.25, 0, 171},
            {2, -2, 0.083333333333, 0, 170},
        };
        assertEquals(expected.length, out.count());
        for (int r = 0; r < expected.length; r++)
        {
            assertEquals((long)expected[r][0], out.acceptanceNumber(r));
            assertEquals((int)expected[r][1], out.pairId(r));
            assertEquals(expected[r][2], out.offerVolume(r), 1e-9);
            assertEquals(expected[r][3], out.bidVolume(r), 1e-9);
            assertEquals(expected[r][4], expected[r][2] > 0 ? out.offerPrice(r) : out.bidPrice(r));
            assertTrue(out.so(r));
        }
    }

    @Test
    void malformedRowsAreSkippedAndReported()
    {
        final String rows = "[" +
            "{\"bmUnit\":\"T_NOPE-1\",\"timeFrom\":\"2026-10-08T10:00:00Z\",\"timeTo\":\"2026-10-08T10:30:00Z\"," +
            "\"levelFrom\":1,\"levelTo\":1,\"pairId\":1,\"offer\":1,\"bid\":1}," +
            "{\"bmUnit\":\"T_X-1\",\"timeFrom\":\"2026-10-08T10:30:00Z\",\"timeTo\":\"2026-10-08T10:00:00Z\"," +
            "\"levelFrom\":1,\"levelTo\":1,\"pairId\":1,\"offer\":1,\"bid\":1}," +
            "{\"bmUnit\":\"T_X-1\",\"timeFrom\":\"2026-10-08T10:00:00Z\",\"timeTo\":\"2026-10-08T10:30:00Z\"," +
            "\"levelFrom\":1,\"levelTo\":1,\"pairId\":0,\"offer\":1,\"bid\":1}," +
            "{\"bmUnit\":\"T_X-1\",\"timeFrom\":\"2026-10-08T10:00:00Z\",\"timeTo\":\"2026-10-08T10:30:00Z\"," +
            "\"levelFrom\":1,\"levelTo\":1,\"pairId\":2,\"bid\":1}," +
            "{\"bmUnit\":\"T_X-1\",\"timeFrom\":\"2026-10-08T10:00:00Z\",\"timeTo\":\"2026-10-08T10:30:00Z\"," +
            "\"levelFrom\":1,\"levelTo\":1,\"pairId\":3,\"offer\":1,\"bid\":1}]";
        final BalancingBook book = new BalancingBook(1, 8, 8, 8);
        book.reset(Instant.parse("2026-10-07T23:00:00Z").getEpochSecond(), 48);
        final List<InputProblem> problems = new ArrayList<>();
        assertEquals(1, BalancingInsights.read(
            BalancingInsights.Dataset.BOD, "bod.json", json(rows), REGISTRY, book, problems));
        assertEquals(4, problems.size(), problems.toString());
        assertEquals("bmUnit", problems.get(0).column());
        assertEquals("unknown BM Unit", problems.get(0).reason());
        assertEquals("timeTo", problems.get(1).column());
        assertEquals("pairId", problems.get(2).column());
        assertEquals("offer", problems.get(3).column());
    }
}
