package io.gbsettle.core.settle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import io.gbsettle.core.files.CsvWriter;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.registry.EnergyAccount;
import io.gbsettle.core.registry.MarketRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The report files: exactly the headers, identifiers from the registry, plain-decimal numbers.
 */
final class SettlementReportCsvTest
{
    @TempDir
    Path tmp;

    @Test
    void writesTheExactHeadersAndOneRowPerCallback() throws IOException
    {
        final MarketRegistry registry = DayBundle.load(Path.of("..", "examples", "bundles", "tv5")).registry();
        final int g1 = registry.bmUnitIndex("G1");
        final int b = registry.partyIndex("B");
        try (SettlementReportCsv report = new SettlementReportCsv(registry, LocalDate.of(2025, 6, 10), tmp))
        {
            report.bmUnitPeriod(1, g1, 497, 5, 0, 5, 500, 0.991, 502, -2, 2, 0, 297.3, 0, 0);
            report.accountPeriod(1, EnergyAccount.index(b, false), -485.5, -480, 0, -5.5, 550, 0.4949032, 245.2245);
            report.period(1, 100, Double.NaN, 10, -0.009, 0.011458333333333333, 297.3, 495.5, 495.5, 297.3);
            report.partyDay(b, 0, 0, 550, 0, 245.2245, -304.7755);
            report.end();
            assertEquals(1, report.bmUnitPeriodRows());
        }
        assertEquals(List.of(
            "settlement_date,settlement_period,bm_unit_id,fpn_mwh,qao_mwh,qab_mwh,qbs_mwh,qm_mwh,tlm,qme_mwh," +
                "qii_mwh,qndo_mwh,qndb_mwh,cbm_gbp,cnd_gbp,cii_gbp",
            "2025-06-10,1,G1,497,5,0,5,500,0.991,502,-2,2,0,297.3,0,0"), lines(SettlementReportCsv.BMU_PERIOD_FILE));
        assertEquals(List.of(
            "settlement_date,settlement_period,party_id,account,qace_mwh,qabc_mwh,qabs_mwh,qaei_mwh,caei_gbp,rcrp," +
                "rcrc_gbp",
            "2025-06-10,1,B,C,-485.5,-480,0,-5.5,550,0.4949032,245.2245"),
            lines(SettlementReportCsv.ACCOUNT_PERIOD_FILE));
        assertEquals(List.of(
            "settlement_date,settlement_period,system_price_gbp_per_mwh,niv_mwh,tloss_mwh,tlmo_plus,tlmo_minus," +
                "total_cbm_gbp,total_caei_gbp,trc_gbp,so_cashflow_gbp",
            "2025-06-10,1,100,,10,-0.009,0.011458333333333333,297.3,495.5,495.5,297.3"),
            lines(SettlementReportCsv.PERIOD_FILE));
        assertEquals(List.of(
            "settlement_date,party_id,cbm_gbp,cnd_gbp,caei_gbp,cii_gbp,rcrc_gbp,net_gbp",
            "2025-06-10,B,0,0,550,0,245.2245,-304.7755"), lines(SettlementReportCsv.PARTY_DAY_FILE));
    }

    @Test
    void writesEveryProblemToExceptionsCsv() throws IOException
    {
        SettlementReportCsv.writeExceptions(tmp, List.of(
            new InputProblem("pn.json", 12, 3, "T_A-1", "levelTo", "x, y", "not a number"),
            new InputProblem("ecvn.csv", 0, 0, "", "", "", "whole file")));
        assertEquals(List.of(
            "file,line,settlement_period,bm_unit_or_party,field,value,reason",
            "pn.json,12,3,T_A-1,levelTo,\"x, y\",not a number",
            "ecvn.csv,,,,,,whole file"), lines(SettlementReportCsv.EXCEPTIONS_FILE));
    }

    @Test
    void numbersArePlainDecimals()
    {
        assertEquals("0", CsvWriter.number(-0.0));
        assertEquals("", CsvWriter.number(Double.NaN));
        assertEquals("297.3", CsvWriter.number(297.3));
        assertEquals("-5", CsvWriter.number(-5.0));
        assertEquals("0.00001", CsvWriter.number(1e-5));
        assertEquals("123456789", CsvWriter.number(123456789.0));
        assertEquals("12345678.5", CsvWriter.number(12345678.5));
        assertEquals(1.0 / 3, Double.parseDouble(CsvWriter.number(1.0 / 3)));
    }

    private List<String> lines(final String file) throws IOException
    {
        return Files.readAllLines(tmp.resolve(file), StandardCharsets.UTF_8);
    }
}
