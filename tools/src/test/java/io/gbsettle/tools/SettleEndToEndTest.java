package io.gbsettle.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.gbsettle.core.settle.SettlementReportCsv;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bsc settle} end to end (needs the kernels): the TV-5 example bundle settles with exit 0, a generated bundle
 * with planted errors with exit 1 and its exceptions listed.
 */
final class SettleEndToEndTest extends InProcessBsc
{
    @Test
    void settlesTheTv5Example() throws IOException
    {
        final Path reports = tmp.resolve("tv5");
        assertEquals(ExitCode.OK, bsc("settle", "--bundle", Path.of("..", "examples", "bundles", "tv5").toString(),
            "--out", reports.toString()), err::toString);
        final String console = out.toString();
        assertTrue(console.contains("[3/3]"), console);
        assertTrue(console.contains("2025-06-10 run SF: 48 periods, 3 BM Units, 6 Energy Accounts, 3 parties; " +
            "0 input problems"), console);
        assertTrue(console.contains("bmu_period.csv 144 rows, account_period.csv 288 rows, period.csv 48 rows, " +
            "party_day.csv 3 rows"), console);
        assertEquals(List.of(String.join(",", SettlementReportCsv.EXCEPTIONS_HEADER)),
            Files.readAllLines(reports.resolve(SettlementReportCsv.EXCEPTIONS_FILE), StandardCharsets.UTF_8));
        final List<String> parties = Files.readAllLines(reports.resolve(SettlementReportCsv.PARTY_DAY_FILE));
        assertTrue(parties.get(1).startsWith("2025-06-10,A,297.3"), parties::toString);
    }

    @Test
    void listsPlantedErrorsAndExitsWithOne() throws IOException
    {
        final Path bundle = tmp.resolve("bundle");
        assertEquals(ExitCode.OK, bsc("generate", "bundle", "--out", bundle.toString(), "--size", "medium",
            "--with-errors"), err::toString);
        out.getBuffer().setLength(0);
        final Path reports = tmp.resolve("reports");
        assertEquals(ExitCode.DATA_PROBLEMS, bsc("settle", "--bundle", bundle.toString(), "--out", reports.toString(),
            "--json-summary"), err::toString);
        final String json = out.toString();
        assertTrue(json.contains("\"exceptions\": 16"), json);
        assertTrue(json.contains("\"period.csv\": 48"), json);
        assertTrue(err.toString().contains("[2/3] settling 48 periods"), err::toString);
        assertEquals(17, Files.readAllLines(reports.resolve(SettlementReportCsv.EXCEPTIONS_FILE)).size());
    }

    @Test
    void aMissingMeteredVolumeIsListedAndExitsWithOne() throws IOException
    {
        final Path bundle = copyOfTv5();
        final Path metered = bundle.resolve("metered_volumes.csv");
        final List<String> rows = Files.readAllLines(metered, StandardCharsets.UTF_8);
        assertTrue(rows.remove("D1,2,0"), rows::toString);
        Files.write(metered, rows, StandardCharsets.UTF_8);

        final Path reports = tmp.resolve("reports");
        assertEquals(ExitCode.DATA_PROBLEMS, bsc("settle", "--bundle", bundle.toString(), "--out",
            reports.toString()), err::toString);
        assertEquals(List.of(String.join(",", SettlementReportCsv.EXCEPTIONS_HEADER),
            "metered_volumes.csv,,2,D1,,,no metered volume for period 2; settled as 0 MWh"),
            Files.readAllLines(reports.resolve(SettlementReportCsv.EXCEPTIONS_FILE), StandardCharsets.UTF_8));
        assertTrue(out.toString().contains("1 input problems"), out::toString);
        assertEquals(49, Files.readAllLines(reports.resolve(SettlementReportCsv.PERIOD_FILE)).size(),
            "every period is still settled");
    }

    @Test
    void acceptedVolumeOutsideEveryBandIsListedNotPaidAndTheDayStillSettles() throws IOException
    {
        final Path bundle = copyOfTv5();
        final Path boalf = bundle.resolve("boalf.json");
        final String accepted = Files.readString(boalf, StandardCharsets.UTF_8);
        assertTrue(accepted.contains("\"levelFrom\":1004,\"levelTo\":1004"), accepted);
        // 110 MW above FPN for the whole period: 50 MW in pair +1, 60 MW (30 MWh) beyond every submitted band.
        Files.writeString(boalf, accepted.replace("\"levelFrom\":1004,\"levelTo\":1004",
            "\"levelFrom\":1104,\"levelTo\":1104"), StandardCharsets.UTF_8);

        final Path reports = tmp.resolve("reports");
        assertEquals(ExitCode.DATA_PROBLEMS, bsc("settle", "--bundle", bundle.toString(), "--out",
            reports.toString()), err::toString);
        final List<String> exceptions =
            Files.readAllLines(reports.resolve(SettlementReportCsv.EXCEPTIONS_FILE), StandardCharsets.UTF_8);
        assertEquals(2, exceptions.size(), exceptions::toString);
        assertTrue(exceptions.get(1).startsWith("boalf.json,,1,G1,acceptanceNumber,1,\"accepted volume of " +
            "30.000000 MWh lies outside every submitted bid-offer band"), exceptions::toString);
        final List<String> units = Files.readAllLines(reports.resolve(SettlementReportCsv.BMU_PERIOD_FILE));
        final String g1 = units.stream().filter(line -> line.startsWith("2025-06-10,1,G1,")).findFirst().orElseThrow();
        final String[] columns = g1.split(",");
        assertEquals(55.0, Double.parseDouble(columns[4]), 1e-9, "QAO counts the unpriced volume: " + g1);
        assertEquals(25 * 60 * 0.991, Double.parseDouble(columns[13]), 1e-6, "CBM pays pair +1 only: " + g1);
    }

    private Path copyOfTv5() throws IOException
    {
        final Path bundle = tmp.resolve("tv5");
        Files.createDirectories(bundle);
        try (Stream<Path> files = Files.list(Path.of("..", "examples", "bundles", "tv5")))
        {
            for (final Path file : files.collect(Collectors.toList()))
            {
                Files.copy(file, bundle.resolve(file.getFileName()));
            }
        }
        return bundle;
    }
}
