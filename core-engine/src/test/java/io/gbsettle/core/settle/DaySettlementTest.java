package io.gbsettle.core.settle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.gbsettle.core.files.CsvReader;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.NationalBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end: a day bundle through the kernels into the CSV reports, numbers asserted from the files. TV-5
 * ({@code bsc-calculations.md} §7, with its non-delivery variant) and a generated national-size day (the market
 * identities of §3.10 and §4.6, and a row for everything).
 */
final class DaySettlementTest
{
    private static final Path TV5 = Path.of("..", "examples", "bundles", "tv5");
    private static final double EPS = 1e-9;

    @TempDir
    Path tmp;

    @Test
    void tv5FromTheOutputFiles()
    {
        settle(DayBundle.load(TV5));

        final Map<String, Map<String, String>> units = byKey(read(SettlementReportCsv.BMU_PERIOD_FILE), "1",
            "bm_unit_id");
        assertEquals(3, units.size());
        final Map<String, String> g1 = units.get("G1");
        assertNumber(497, g1, "fpn_mwh");
        assertNumber(5, g1, "qao_mwh");
        assertNumber(0, g1, "qab_mwh");
        assertNumber(5, g1, "qbs_mwh");
        assertNumber(500, g1, "qm_mwh");
        assertNumber(0.991, g1, "tlm");
        assertNumber(502, g1, "qme_mwh");
        assertNumber(-2, g1, "qii_mwh");
        assertNumber(2, g1, "qndo_mwh");
        assertNumber(297.30, g1, "cbm_gbp");
        assertNumber(0, g1, "cnd_gbp");
        assertNumber(0, g1, "cii_gbp");
        assertNumber(1.0114583333333333, units.get("D1"), "tlm");
        assertNumber(1, units.get("IC1"), "tlm");

        final Map<String, Map<String, String>> accounts = byKey(read(SettlementReportCsv.ACCOUNT_PERIOD_FILE), "1",
            "party_id", "account");
        assertEquals(6, accounts.size());
        final Map<String, String> a = accounts.get("A/P");
        final Map<String, String> b = accounts.get("B/C");
        final Map<String, String> c = accounts.get("C/C");
        assertNumber(495.5, a, "qace_mwh");
        assertNumber(490, a, "qabc_mwh");
        assertNumber(4.955, a, "qabs_mwh");
        assertNumber(0.545, a, "qaei_mwh");
        assertNumber(-54.50, a, "caei_gbp");
        assertNumber(-485.5, b, "qace_mwh");
        assertNumber(-480, b, "qabc_mwh");
        assertNumber(-5.5, b, "qaei_mwh");
        assertNumber(550.00, b, "caei_gbp");
        assertNumber(0, c, "qaei_mwh");
        assertNumber(0, c, "caei_gbp");
        assertNumber(495.5 / 981, a, "rcrp");
        assertNumber(485.5 / 981, b, "rcrp");
        assertEquals(250.2755, number(a, "rcrc_gbp"), 5e-5);
        assertEquals(245.2245, number(b, "rcrc_gbp"), 5e-5);

        final List<Map<String, String>> periods = read(SettlementReportCsv.PERIOD_FILE);
        assertEquals(48, periods.size());
        final Map<String, String> p1 = periods.get(0);
        assertEquals("2025-06-10", p1.get("settlement_date"));
        assertNumber(100, p1, "system_price_gbp_per_mwh");
        assertNumber(10, p1, "tloss_mwh");
        assertNumber(-0.009, p1, "tlmo_plus");
        assertNumber(0.011458333333333333, p1, "tlmo_minus");
        assertNumber(297.30, p1, "total_cbm_gbp");
        assertNumber(495.50, p1, "total_caei_gbp");
        assertNumber(495.50, p1, "trc_gbp");
        assertNumber(297.30, p1, "so_cashflow_gbp");

        final Map<String, Map<String, String>> parties = byKey(read(SettlementReportCsv.PARTY_DAY_FILE), null,
            "party_id");
        assertNumber(297.30, parties.get("A"), "cbm_gbp");
        assertNumber(-54.50, parties.get("A"), "caei_gbp");
        assertEquals(297.30 + 54.50 + 495.5 * 495.5 / 981, number(parties.get("A"), "net_gbp"), 1e-9);
        assertEquals(-550.00 + 485.5 * 495.5 / 981, number(parties.get("B"), "net_gbp"), 1e-9);
        assertNumber(0, parties.get("C"), "net_gbp");
    }

    @Test
    void aNationalDaySettlesWithTheMarketIdentities()
    {
        final DayBundle bundle = NationalBundle.load();
        assertEquals(16, bundle.problems().size());
        final SettlementReportCsv report = settle(bundle);

        int active = 0;
        for (int i = 0; i < bundle.registry().bmUnitCount(); i++)
        {
            active += bundle.day().active(i) ? 1 : 0;
        }
        assertEquals(48L * active, report.bmUnitPeriodRows());
        assertEquals(48L * bundle.registry().energyAccountCount(), report.accountPeriodRows());
        assertEquals(48, report.periodRows());
        assertEquals(bundle.registry().partyCount(), report.partyDayRows());

        final double[] qace = new double[49];
        final double[] qabc = new double[49];
        final double[] qaei = new double[49];
        final double[] qabs = new double[49];
        final double[] rcrc = new double[49];
        final double[] rcrp = new double[49];
        final List<double[]> accountRows = columns(SettlementReportCsv.ACCOUNT_PERIOD_FILE, "settlement_period",
            "qace_mwh", "qabc_mwh", "qaei_mwh", "qabs_mwh", "rcrc_gbp", "rcrp");
        for (final double[] row : accountRows)
        {
            final int p = (int)row[0];
            qace[p] += row[1];
            qabc[p] += row[2];
            qaei[p] += row[3];
            qabs[p] += row[4];
            rcrc[p] += row[5];
            rcrp[p] += row[6];
        }
        double totalCbm = 0.0;
        double totalSo = 0.0;
        double offered = 0.0;
        for (final Map<String, String> row : read(SettlementReportCsv.PERIOD_FILE))
        {
            final int p = Integer.parseInt(row.get("settlement_period"));
            final double price = number(row, "system_price_gbp_per_mwh");
            assertTrue(Double.isFinite(price) && price > -500 && price < 6_000, "period " + p + " price " + price);
            assertTrue(Double.isFinite(number(row, "niv_mwh")), "NIV of period " + p);
            assertTrue(number(row, "tloss_mwh") > 0, "losses of period " + p);
            assertEquals(0.0, qace[p], 1e-6, "credited energy nets to zero in period " + p);
            assertEquals(0.0, qabc[p], 1e-6, "contract volumes net to zero in period " + p);
            assertEquals(-qabs[p], qaei[p], 1e-6, "Σ QAEI = −Σ QABS in period " + p);
            assertEquals(1.0, rcrp[p], 1e-9, "RCRP sums to 1 in period " + p);
            assertEquals(number(row, "trc_gbp"), rcrc[p], 1e-6, "RCRC reallocates TRC in period " + p);
            totalCbm += number(row, "total_cbm_gbp");
            totalSo += number(row, "so_cashflow_gbp");
        }
        for (final double[] row : columns(SettlementReportCsv.BMU_PERIOD_FILE, "qao_mwh"))
        {
            offered += row[0];
        }
        assertTrue(offered > 100, "accepted offers " + offered);
        assertEquals(totalCbm, totalSo, 1e-6);
        double net = 0.0;
        for (final Map<String, String> row : read(SettlementReportCsv.PARTY_DAY_FILE))
        {
            net += number(row, "net_gbp");
        }
        assertEquals(totalSo, net, 1e-4, "cash neutral: what parties receive net is what the SO pays");
    }

    @Test
    void storActionsAreRepricedAtLolpTimesVollInsideTheirWindowOnly() throws IOException
    {
        // TV-5 with the computed price instead of the imposed one: in period 1 G1's offer (5 MWh at 60) and a STOR
        // BSAD buy of 15 MWh at 50 (cost 750); LoLP 0.0334, so RSVP = 0.0334 x 6,000 = 200.40 (IPG App. 1).
        assertEquals(200.40, systemPriceOfPeriodOne(""), EPS, "in the window: the STOR action sets the price");
        assertEquals(60.0, systemPriceOfPeriodOne(",\"storAvailabilityWindow\":false"), EPS,
            "outside it: the STOR action keeps its 50 and the offer at 60 is the dearest");
    }

    @Test
    void anAcceptanceStartedBeforeMidnightKeepsItsWholeDurationForCadl() throws IOException
    {
        // G1 at 1004 MW (FPN + 10) from 23:50 local on the day before to 00:05: one continuous acceptance of 15 min,
        // at least CADL (10 min), so not CADL-flagged; its 5 minutes in period 1 are 0.8333 MWh at 60, the only action.
        final Path bundle = tv5WithComputedPrice();
        Files.writeString(bundle.resolve(DayBundle.BOALF_FILE), "[" +
            acceptanceSegment("2025-06-09T22:50:00Z", "2025-06-09T23:00:00Z") + "," +
            acceptanceSegment("2025-06-09T23:00:00Z", "2025-06-09T23:05:00Z") + "]", StandardCharsets.UTF_8);
        final DayBundle day = DayBundle.load(bundle);
        assertTrue(day.problems().isEmpty(), day.problems()::toString);
        final Map<String, String> period = settlePeriodOne(day);
        assertNumber(10.0 * 5 / 60, period, "niv_mwh");
        assertNumber(60.0, period, "system_price_gbp_per_mwh");
    }

    @Test
    void aResidualThatCannotBeReallocatedIsListed() throws IOException
    {
        // TV-5 with no metered energy in period 1: no credited energy to share TRC by (RCRP undefined), while G1's
        // accepted 5 MWh still leaves A imbalanced, so TRC = 100 x 5 = 500 stays with the BSC Clearer.
        final Path bundle = tv5WithComputedPrice();
        Files.writeString(bundle.resolve(DayBundle.DAY_FILE),
            "{\"settlementDate\":\"2025-06-10\",\"run\":\"SF\",\"systemPrice\":100}", StandardCharsets.UTF_8);
        final Path metered = bundle.resolve(DayBundle.METERED_FILE);
        Files.writeString(metered, Files.readString(metered, StandardCharsets.UTF_8)
            .replace("G1,1,500", "G1,1,0").replace("D1,1,-480", "D1,1,0").replace("IC1,1,-10", "IC1,1,0"),
            StandardCharsets.UTF_8);
        final DayBundle day = DayBundle.load(bundle);
        final DaySettlement settlement = new DaySettlement(day);
        try (SettlementReportCsv report = new SettlementReportCsv(day.registry(), day.settlementDate(), tmp))
        {
            settlement.settle(report);
        }
        assertEquals(1, settlement.problems().size(), settlement.problems()::toString);
        assertEquals(1, settlement.problems().get(0).period());
        assertTrue(settlement.problems().get(0).reason().contains("TRC of 500.00 GBP is not reallocated"),
            settlement.problems()::toString);
    }

    private static String acceptanceSegment(final String from, final String to)
    {
        return "{\"timeFrom\":\"" + from + "\",\"timeTo\":\"" + to + "\",\"levelFrom\":1004,\"levelTo\":1004," +
            "\"acceptanceNumber\":1,\"acceptanceTime\":\"2025-06-09T22:30:00Z\",\"soFlag\":false," +
            "\"storFlag\":false,\"bmUnit\":\"G1\"}";
    }

    private double systemPriceOfPeriodOne(final String windowField) throws IOException
    {
        final Path bundle = tv5WithComputedPrice();
        Files.writeString(bundle.resolve(DayBundle.DISBSAD_FILE), "[{\"settlementDate\":\"2025-06-10\"," +
            "\"settlementPeriod\":1,\"id\":1,\"cost\":750.0,\"volume\":15.0,\"soFlag\":false," +
            "\"storFlag\":true}]", StandardCharsets.UTF_8);
        Files.writeString(bundle.resolve(DayBundle.LOLP_FILE),
            "[{\"settlementPeriod\":1,\"lolp\":0.0334" + windowField + "}]", StandardCharsets.UTF_8);
        final Map<String, String> period = settlePeriodOne(DayBundle.load(bundle));
        assertNumber(20, period, "niv_mwh");
        return number(period, "system_price_gbp_per_mwh");
    }

    /**
     * @return a fresh copy of the TV-5 bundle whose day.json imposes no price, so period 1 is priced from its stack.
     */
    private Path tv5WithComputedPrice() throws IOException
    {
        final Path bundle = tmp.resolve("variant");
        Files.createDirectories(bundle);
        try (Stream<Path> files = Files.list(TV5))
        {
            for (final Path file : files.collect(Collectors.toList()))
            {
                Files.copy(file, bundle.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(bundle.resolve(DayBundle.DAY_FILE),
            "{\"settlementDate\":\"2025-06-10\",\"run\":\"SF\"}", StandardCharsets.UTF_8);
        return bundle;
    }

    private Map<String, String> settlePeriodOne(final DayBundle bundle)
    {
        settle(bundle);
        return byKey(read(SettlementReportCsv.PERIOD_FILE), "1", "settlement_period").get("1");
    }

    private SettlementReportCsv settle(final DayBundle bundle)
    {
        try (SettlementReportCsv report = new SettlementReportCsv(bundle.registry(), bundle.settlementDate(), tmp))
        {
            new DaySettlement(bundle).settle(report);
            return report;
        }
    }

    private List<Map<String, String>> read(final String file)
    {
        return CsvReader.read(tmp.resolve(file), List.of(), new ArrayList<>(), csv ->
        {
            final List<String> header = csv.header();
            final List<Map<String, String>> rows = new ArrayList<>();
            while (csv.next())
            {
                final Map<String, String> row = new HashMap<>();
                for (int c = 0; c < header.size(); c++)
                {
                    row.put(header.get(c), csv.field(c));
                }
                rows.add(row);
            }
            return rows;
        });
    }

    /**
     * Selected numeric columns of a report, one array a row: light enough for the national files.
     */
    private List<double[]> columns(final String file, final String... names)
    {
        return CsvReader.read(tmp.resolve(file), List.of(), new ArrayList<>(), csv ->
        {
            final int[] index = new int[names.length];
            for (int c = 0; c < names.length; c++)
            {
                index[c] = csv.column(names[c]);
                assertTrue(index[c] >= 0, names[c]);
            }
            final List<double[]> rows = new ArrayList<>();
            while (csv.next())
            {
                final double[] row = new double[names.length];
                for (int c = 0; c < names.length; c++)
                {
                    row[c] = Double.parseDouble(csv.field(index[c]));
                }
                rows.add(row);
            }
            return rows;
        });
    }

    private static Map<String, Map<String, String>> byKey(
        final List<Map<String, String>> rows, final String period, final String... keys)
    {
        final Map<String, Map<String, String>> byKey = new HashMap<>();
        for (final Map<String, String> row : rows)
        {
            if (period == null || period.equals(row.get("settlement_period")))
            {
                final StringBuilder key = new StringBuilder();
                for (final String k : keys)
                {
                    key.append(key.length() == 0 ? "" : "/").append(row.get(k));
                }
                byKey.put(key.toString(), row);
            }
        }
        return byKey;
    }

    private static double number(final Map<String, String> row, final String column)
    {
        final String text = row.get(column);
        return text == null || text.isEmpty() ? Double.NaN : Double.parseDouble(text);
    }

    private static void assertNumber(final double expected, final Map<String, String> row, final String column)
    {
        final double actual = number(row, column);
        assertEquals(expected, actual, EPS * Math.max(1.0, Math.abs(expected)), column + " in " + row);
    }
}
