package io.gbsettle.core.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.input.InvalidInputException;
import io.gbsettle.core.registry.EnergyAccount;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.time.SettlementRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loading a day bundle: the TV-5 example bundle in full, both JSON forms, and every kind of problem: fatal ones
 * (missing files, broken structure, a bad {@code day.json}) and row ones (listed with file, line, period, BM Unit or
 * party, field and reason; the row left out, the others kept).
 */
final class DayBundleTest
{
    static final Path TV5 = Path.of("..", "examples", "bundles", "tv5");
    private static final long P1 = Instant.parse("2025-06-09T23:00:00Z").getEpochSecond();

    @TempDir
    Path tmp;

    private Path bundle;

    @BeforeEach
    void copyTv5() throws IOException
    {
        bundle = tmp.resolve("tv5");
        Files.createDirectories(bundle);
        try (Stream<Path> files = Files.list(TV5))
        {
            for (final Path file : files.collect(Collectors.toList()))
            {
                Files.copy(file, bundle.resolve(file.getFileName()));
            }
        }
    }

    @Test
    void loadsTheTv5BundleIntoIndicesAndEpochSeconds()
    {
        final DayBundle day = DayBundle.load(TV5);
        final MarketRegistry registry = day.registry();

        assertEquals(List.of(), day.problems());
        assertEquals(LocalDate.of(2025, 6, 10), day.settlementDate());
        assertEquals(SettlementRun.SF, day.run());
        assertEquals(48, day.periodCount());
        assertEquals(P1, day.dayStartEpochSecond());
        assertEquals(P1 + 48 * 1800, day.dayEndEpochSecond());
        assertEquals(P1 + 1800, day.periodStartEpochSecond(2));
        final int g1 = registry.bmUnitIndex("G1");
        final int a = registry.partyIndex("A");

        assertEquals(1, day.pn().count());
        assertEquals(g1, day.pn().bmUnit(0));
        assertEquals(P1, day.pn().timeFrom(0));
        assertEquals(P1 + 1800, day.pn().timeTo(0));
        assertEquals(994.0, day.pn().levelFrom(0));
        assertEquals(994.0, day.pn().levelTo(0));

        assertEquals(2, day.bod().count());
        assertEquals(1, day.bod().pairId(0));
        assertEquals(50.0, day.bod().levelFrom(0));
        assertEquals(60.0, day.bod().offer(0));
        assertEquals(55.0, day.bod().bid(0));
        assertEquals(-1, day.bod().pairId(1));
        assertEquals(-50.0, day.bod().levelTo(1));

        final AcceptanceSegments acceptances = day.acceptances();
        assertEquals(1, acceptances.count());
        assertEquals(g1, acceptances.bmUnit(0));
        assertEquals(1L, acceptances.acceptanceNumber(0));
        assertEquals(P1 - 1800, acceptances.acceptanceTime(0));
        assertEquals(1004.0, acceptances.levelFrom(0));
        assertEquals(0, acceptances.flags(0));

        assertEquals(3, day.meteredVolumes().limit(1) - day.meteredVolumes().first(1));
        assertEquals(3, day.meteredVolumes().limit(2) - day.meteredVolumes().first(2));
        assertEquals(500.0, day.meteredVolumes().qm(day.meteredVolumes().first(1)));
        assertEquals(2, day.ecvn().count());
        assertEquals(EnergyAccount.index(a, true), day.ecvn().fromAccount(0));
        assertEquals(EnergyAccount.index(registry.partyIndex("B"), false), day.ecvn().toAccount(0));
        assertEquals(480.0, day.ecvn().volume(0));
        assertEquals(0, day.mvrn().count());
        assertEquals(0, day.absvd().count());
        assertEquals(0, day.bsad().count());
        assertEquals(0, day.marketIndex().count());
        for (int p = 1; p <= 48; p++)
        {
            assertEquals(100.0, day.systemPriceOverride(p));
            assertEquals(0.0, day.bpa(p));
            assertTrue(Double.isNaN(day.lolp(p)));
        }
        assertTrue(day.day().interconnector(registry.bmUnitIndex("IC1")));
    }

    @Test
    void readsEveryInsightsFieldOfTheOptionalAndEnvelopedFiles() throws IOException
    {
        write("pn.json", "{\"data\":" + Files.readString(bundle.resolve("pn.json")) + "}");
        write("disbsad.json", "[{\"settlementDate\":\"2025-06-10\",\"settlementPeriod\":3,\"id\":1,\"cost\":null," +
            "\"volume\":-12.5,\"soFlag\":true,\"storFlag\":false},\n{\"settlementDate\":\"2025-06-10\"," +
            "\"settlementPeriod\":2,\"id\":1,\"cost\":250.0,\"volume\":5,\"soFlag\":false,\"storFlag\":true}]");
        write("netbsad.json", "[{\"settlementDate\":\"2025-06-10\",\"settlementPeriod\":2," +
            "\"buyPricePriceAdjustment\":5.0,\"sellPricePriceAdjustment\":null}]");
        write("mid.json", "{\"metadata\":{},\"data\":[{\"dataProvider\":\"APXMIDP\",\"settlementDate\":" +
            "\"2025-06-10\",\"settlementPeriod\":4,\"price\":\"81.5\",\"volume\":200}]}");
        write("lolp.json", "[{\"settlementPeriod\":5,\"lolp\":0.0334},"
            + "{\"settlementPeriod\":6,\"lolp\":0.01,\"storAvailabilityWindow\":false}]");
        write("absvd.csv", "bm_unit_id,settlement_period,qas_mwh\nG1,6,1.25\n");
        write("mvrn.csv", "bm_unit_id,subsidiary_party_id,settlement_period,fixed_mwh,percentage\nD1,C,7,,25\n");
        write("day.json", "{\"settlementDate\":\"2025-06-10\",\"run\":\"r1\",\"systemPrices\":{\"2\":80.5}," +
            "\"parameters\":{\"alpha\":0.5}}");

        final DayBundle day = DayBundle.load(bundle);
        assertEquals(List.of(), day.problems());
        assertEquals(SettlementRun.R1, day.run());
        assertEquals(1, day.pn().count());
        assertEquals(2, day.bsad().count());
        assertEquals(day.bsad().first(2), 0, "sorted by period");
        assertEquals(250.0, day.bsad().cost(0));
        assertTrue(day.bsad().stor(0));
        assertTrue(Double.isNaN(day.bsad().cost(1)));
        assertTrue(day.bsad().so(1));
        assertEquals(-12.5, day.bsad().volume(1));
        assertEquals(5.0, day.bpa(2));
        assertEquals(0.0, day.spa(2));
        assertEquals(81.5, day.marketIndex().price(day.marketIndex().first(4)));
        assertEquals(0.0334, day.lolp(5));
        assertTrue(day.storAvailabilityWindow(5), "inside a window unless lolp.json says otherwise");
        assertFalse(day.storAvailabilityWindow(6));
        assertTrue(Double.isNaN(day.lolp(4)));
        assertEquals(1.25, day.absvd().qas(day.absvd().first(6)));
        assertEquals(EnergyAccount.index(day.registry().partyIndex("C"), false), day.mvrn().subsidiaryAccount(0));
        assertEquals(0.0, day.mvrn().fixed(0));
        assertEquals(25.0, day.mvrn().percentage(0));
        assertEquals(80.5, day.systemPriceOverride(2));
        assertTrue(Double.isNaN(day.systemPriceOverride(1)));
        assertEquals(0.5, day.parameters().get("alpha"));
    }

    @Test
    void everyMissingRequiredFileIsOneClearError() throws IOException
    {
        Files.delete(bundle.resolve("boalf.json"));
        Files.delete(bundle.resolve("ecvn.csv"));
        final InvalidInputException ex = assertThrows(InvalidInputException.class, () -> DayBundle.load(bundle));
        assertEquals(List.of("ecvn.csv: required file is missing", "boalf.json: required file is missing"),
            describe(ex.problems()));
    }

    @Test
    void brokenStructureIsFatal() throws IOException
    {
        write("pn.json", "[{\"bmUnit\": ");
        write("metered_volumes.csv", "bm_unit_id,period,qm_mwh\nG1,1,500\n");
        final InvalidInputException ex = assertThrows(InvalidInputException.class, () -> DayBundle.load(bundle));
        final List<String> problems = describe(ex.problems());
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("metered_volumes.csv:1 column 'settlement_period': missing column"),
            problems::toString);
        assertTrue(problems.get(1).startsWith("pn.json:1: not valid JSON"), problems::toString);
    }

    @Test
    void aBadDayFileIsFatal() throws IOException
    {
        write("day.json", "{\"settlementDate\":\"2025-13-01\",\"run\":\"XX\",\"systemPrize\":100," +
            "\"parameters\":{\"beta\":1}}");
        final InvalidInputException ex = assertThrows(InvalidInputException.class, () -> DayBundle.load(bundle));
        assertEquals(List.of(
            "day.json:1 column 'systemPrize': unknown field; expected settlementDate, run, systemPrice, " +
                "systemPrices or parameters",
            "day.json:1 column 'parameters' value 'beta': unknown parameter; expected one of alpha, iipOver, iipUnder",
            "day.json column 'settlementDate' value '2025-13-01': not a date; expected YYYY-MM-DD",
            "day.json column 'run' value 'XX': unknown run; expected II, SF, R1, R2, R3, RF or DF"),
            describe(ex.problems()));
    }

    @Test
    void reallocatingMoreThanAllOfAUnitIsAProblem() throws IOException
    {
        write("mvrn.csv", "bm_unit_id,subsidiary_party_id,settlement_period,fixed_mwh,percentage\n" +
            "D1,A,1,,60\nD1,C,1,,50\nD1,C,2,,50\n");
        final DayBundle day = DayBundle.load(bundle);
        assertEquals(List.of("mvrn.csv:3 period 1 D1 column 'percentage' value '50': the percentages of this BM Unit " +
            "and period add up to 110.0, more than 100"), day.problems().stream().map(InputProblem::describe)
            .collect(Collectors.toList()));
        assertEquals(2, day.mvrn().count());
    }

    static Stream<Arguments> rowProblems()
    {
        final String pn = "{\"settlementDate\":\"2025-06-10\",\"settlementPeriod\":2,\"timeFrom\":" +
            "\"2025-06-09T23:30:00Z\",\"timeTo\":\"2025-06-10T00:00:00Z\",\"levelFrom\":5,\"levelTo\":5," +
            "\"bmUnit\":\"G1\"}";
        return Stream.of(
            Arguments.of("metered_volumes.csv", "X9,1,5", "metered_volumes.csv:146 period 1 X9 column 'bm_unit_id' " +
                "value 'X9': unknown BM Unit: not in bm_units.csv"),
            Arguments.of("metered_volumes.csv", "OLD1,1,5", "metered_volumes.csv:146 period 1 OLD1 column " +
                "'bm_unit_id' value 'OLD1': BM Unit is not registered on 2025-06-10"),
            Arguments.of("metered_volumes.csv", "G1,49,5", "metered_volumes.csv:146 G1 column 'settlement_period' " +
                "value '49': no such settlement period: 2025-06-10 has 48"),
            Arguments.of("metered_volumes.csv", "G1,2,abc", "metered_volumes.csv:146 period 2 G1 column 'qm_mwh' " +
                "value 'abc': not a number"),
            Arguments.of("metered_volumes.csv", "G1,2,", "metered_volumes.csv:146 period 2 G1 column 'qm_mwh': " +
                "missing value"),
            Arguments.of("metered_volumes.csv", "G1,1,7", "metered_volumes.csv:146 period 1 G1: duplicate row: same " +
                "BM Unit and period as line 2"),
            Arguments.of("ecvn.csv", "A,P,Z,C,1,5", "ecvn.csv:4 period 1 Z column 'to_party_id' value 'Z': " +
                "unknown party: not in parties.csv"),
            Arguments.of("ecvn.csv", "A,Q,B,C,1,5", "ecvn.csv:4 period 1 A column 'from_account' value 'Q': " +
                "expected P or C"),
            Arguments.of("ecvn.csv", "B,C,B,C,1,5", "ecvn.csv:4 period 1 B column 'to_party_id' value 'B': " +
                "from and to are the same Energy Account"),
            Arguments.of("mvrn.csv", "D1,B,1,5,", "mvrn.csv:2 period 1 D1 column 'subsidiary_party_id' value 'B': " +
                "the subsidiary party is the BM Unit's lead party"),
            Arguments.of("mvrn.csv", "D1,A,1,,120", "mvrn.csv:2 period 1 D1 column 'percentage' value '120': " +
                "percentage must be between 0 and 100"),
            Arguments.of("mvrn.csv", "D1,A,1,,", "mvrn.csv:2 period 1 D1 column 'fixed_mwh': " +
                "give fixed_mwh, percentage or both"),
            Arguments.of("pn.json", pn.replace("2025-06-10\"", "2025-06-11\""), "pn.json:3 period 2 G1 column " +
                "'settlementDate' value '2025-06-11': not the bundle's settlement day 2025-06-10"),
            Arguments.of("pn.json", pn.replace(":2,", ":3,"), "pn.json:3 period 3 G1 column 'timeFrom' value " +
                "'2025-06-09T23:30:00Z': the segment lies outside settlement period 3 (2025-06-10T00:00:00Z to " +
                "2025-06-10T00:30:00Z)"),
            Arguments.of("pn.json", pn.replace("G1", "T_X"), "pn.json:3 period 2 T_X column 'bmUnit' value 'T_X': " +
                "unknown BM Unit: not in bm_units.csv"),
            Arguments.of("pn.json", pn.replace(",\"levelTo\":5", ""), "pn.json:3 period 2 G1 column 'levelTo': " +
                "missing field"),
            Arguments.of("pn.json", pn.replace("\"levelTo\":5", "\"levelTo\":\"five\""), "pn.json:3 period 2 G1 " +
                "column 'levelTo' value 'five': not a number"),
            Arguments.of("pn.json", pn.replace("2025-06-10T00:00:00Z", "2025-06-09T23:10:00Z"), "pn.json:3 period 2 " +
                "G1 column 'timeTo' value '2025-06-09T23:10:00Z': the segment ends before it starts"),
            Arguments.of("pn.json", "\"text\"", "pn.json:3: row 1 is not a JSON object"),
            Arguments.of("bod.json", "{\"settlementDate\":\"2025-06-10\",\"settlementPeriod\":1,\"timeFrom\":" +
                "\"2025-06-09T23:00:00Z\",\"timeTo\":\"2025-06-09T23:30:00Z\",\"levelFrom\":5,\"levelTo\":5," +
                "\"pairId\":0,\"offer\":1,\"bid\":1,\"bmUnit\":\"G1\"}", "bod.json:4 period 1 G1 column 'pairId' " +
                "value '0': not a Bid-Offer Pair number; expected ±1 .. ±10"),
            Arguments.of("boalf.json", "{\"settlementPeriodFrom\":1,\"timeFrom\":\"2025-06-11T23:00:00Z\"," +
                "\"timeTo\":\"2025-06-11T23:30:00Z\",\"levelFrom\":5,\"levelTo\":5,\"acceptanceNumber\":2," +
                "\"acceptanceTime\":\"2025-06-11T22:00:00Z\",\"bmUnit\":\"G1\"}", "boalf.json:3 period 1 G1 column " +
                "'timeFrom' value '2025-06-11T23:00:00Z': the segment lies more than 2 hours outside settlement day 2025-06-10"),
            Arguments.of("boalf.json", "{\"timeFrom\":\"2025-06-09T23:00:00Z\",\"timeTo\":\"2025-06-09T23:30:00Z\"," +
                "\"levelFrom\":5,\"levelTo\":5,\"acceptanceNumber\":1,\"acceptanceTime\":\"2025-06-09T22:00:00Z\"," +
                "\"bmUnit\":\"G1\"}", "boalf.json:3 G1: duplicate row: same bmUnit, acceptanceNumber and timeFrom " +
                "as line 2"),
            Arguments.of("disbsad.json", "{\"settlementDate\":\"2025-06-10\",\"settlementPeriod\":1,\"id\":1," +
                "\"cost\":1,\"volume\":1}", "disbsad.json:3 period 1: duplicate row: same settlementPeriod and id " +
                "as line 2"),
            Arguments.of("netbsad.json", "{\"settlementDate\":\"2025-06-10\",\"settlementPeriod\":2," +
                "\"buyPricePriceAdjustment\":\"x\"}", "netbsad.json:3 period 2 column 'buyPricePriceAdjustment' " +
                "value 'x': not a number"),
            Arguments.of("mid.json", "{\"dataProvider\":\"APXMIDP\",\"settlementDate\":\"2025-06-10\"," +
                "\"settlementPeriod\":2,\"volume\":1}", "mid.json:3 period 2 column 'price': missing field"),
            Arguments.of("mid.json", "{\"dataProvider\":\"APXMIDP\",\"settlementDate\":\"2025-06-10\"," +
                "\"settlementPeriod\":2,\"price\":50,\"volume\":-1}", "mid.json:3 period 2 column 'volume' " +
                "value '-1': a traded volume cannot be negative"),
            Arguments.of("lolp.json", "{\"settlementPeriod\":2,\"lolp\":1.5}", "lolp.json:3 period 2 column 'lolp' " +
                "value '1.5': a probability must be between 0 and 1"),
            Arguments.of("absvd.csv", "Y1,3,1", "absvd.csv:3 period 3 Y1 column 'bm_unit_id' value 'Y1': " +
                "unknown BM Unit: not in bm_units.csv"));
    }

    @Test
    void missingMeteredVolumesAreListedOncePerBmUnitWithTheirPeriods() throws IOException
    {
        final Path metered = bundle.resolve("metered_volumes.csv");
        final List<String> rows = Files.readAllLines(metered, StandardCharsets.UTF_8);
        for (final String gone : List.of("G1,3,0", "G1,4,0", "G1,5,0", "G1,9,0", "IC1,48,0"))
        {
            assertTrue(rows.remove(gone), gone);
        }
        rows.add("G1,2,abc");
        Files.write(metered, rows, StandardCharsets.UTF_8);
        write("ecvn.csv", Files.readString(TV5.resolve("ecvn.csv")) + "A,P,Z,C,1,5\n");

        final DayBundle day = DayBundle.load(bundle);
        assertEquals(List.of(
            "metered_volumes.csv:141 period 2 G1 column 'qm_mwh' value 'abc': not a number",
            "metered_volumes.csv period 3 G1: no metered volume for periods 3-5, 9; settled as 0 MWh",
            "metered_volumes.csv period 48 IC1: no metered volume for period 48; settled as 0 MWh",
            "ecvn.csv:4 period 1 Z column 'to_party_id' value 'Z': unknown party: not in parties.csv"),
            describe(day.problems()));
        assertEquals(3 * 48 - 5, day.meteredVolumes().count());
    }

    @ParameterizedTest
    @MethodSource("rowProblems")
    void aBadRowIsListedWithItsContextAndLeftOut(final String file, final String row, final String expected)
        throws IOException
    {
        write("bm_units.csv", "bm_unit_id,lead_party_id,pc_status,trading_unit_id,interconnector,gsp_group,tlf," +
            "effective_from,effective_to\nG1,A,P,TU_G1,N,_A,0,,\nD1,B,C,TU_D1,N,_A,0,,\nIC1,C,C,TU_IC1,Y,,,,\n" +
            "OLD1,A,P,TU_OLD1,N,_A,0,,2024-12-31\n");
        final DayBundle before = load(file);
        if (file.endsWith(".csv"))
        {
            Files.writeString(bundle.resolve(file), row + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
        else
        {
            final String text = Files.readString(bundle.resolve(file)).trim();
            final String rows = text.substring(text.indexOf('[') + 1, text.lastIndexOf(']')).trim();
            write(file, "[\n" + (rows.isEmpty() ? "{\"settlementPeriod\":1,\"settlementDate\":\"2025-06-10\"," +
                "\"id\":1,\"volume\":1}" : rows) + ",\n" + row + "\n]\n");
        }
        final DayBundle after = DayBundle.load(bundle);
        assertEquals(List.of(expected), after.problems().stream().map(InputProblem::describe)
            .collect(Collectors.toList()));
        assertEquals(before.meteredVolumes().count(), after.meteredVolumes().count());
        assertEquals(before.ecvn().count(), after.ecvn().count());
        assertEquals(before.mvrn().count(), after.mvrn().count());
        assertEquals(before.pn().count(), after.pn().count());
        assertEquals(before.bod().count(), after.bod().count());
        assertEquals(before.acceptances().count(), after.acceptances().count());
    }

    private DayBundle load(final String file) throws IOException
    {
        if (file.equals("lolp.json"))
        {
            write(file, "[{\"settlementPeriod\":1,\"lolp\":0.001}]");
        }
        if (file.equals("absvd.csv"))
        {
            write(file, "bm_unit_id,settlement_period,qas_mwh\nG1,1,2\n");
        }
        if (file.equals("netbsad.json"))
        {
            write(file, "[{\"settlementDate\":\"2025-06-10\",\"settlementPeriod\":1}]");
        }
        if (file.equals("mid.json"))
        {
            write(file, "[{\"settlementDate\":\"2025-06-10\",\"settlementPeriod\":1,\"price\":1,\"volume\":1}]");
        }
        final DayBundle day = DayBundle.load(bundle);
        assertEquals(List.of(), day.problems());
        return day;
    }

    private void write(final String file, final String text) throws IOException
    {
        Files.writeString(bundle.resolve(file), text, StandardCharsets.UTF_8);
    }

    private static List<String> describe(final List<InputProblem> problems)
    {
        return problems.stream().map(InputProblem::describe).collect(Collectors.toList());
    }
}
