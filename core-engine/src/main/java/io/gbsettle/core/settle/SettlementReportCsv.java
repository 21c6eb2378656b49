package io.gbsettle.core.settle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import io.gbsettle.core.files.CsvWriter;
import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.registry.EnergyAccount;
import io.gbsettle.core.registry.MarketRegistry;

/**
 * Writes a day's settlement results as the four CSV reports of {@code bsc settle}, plus {@link #writeExceptions}
 * for {@code exceptions.csv}. Every file starts with exactly the header below (further columns may follow in later
 * versions); identifiers are written as the registry spells them, numbers in plain decimal ({@code 297.3},
 * {@code -0.009}; no exponent, no {@code -0}).
 *
 * <pre>
 *   bmu_period.csv      {@link #BMU_PERIOD_HEADER}
 *   account_period.csv  {@link #ACCOUNT_PERIOD_HEADER}
 *   period.csv          {@link #PERIOD_HEADER}
 *   party_day.csv       {@link #PARTY_DAY_HEADER}
 *   exceptions.csv      {@link #EXCEPTIONS_HEADER}
 * </pre>
 *
 * <p>I/O at the edge of the core: the driver ({@code DaySettlement}) only sees the {@link SettlementReport}
 * interface.
 */
public final class SettlementReportCsv implements SettlementReport, AutoCloseable
{
    /** BM Unit results per period. */
    public static final String BMU_PERIOD_FILE = "bmu_period.csv";
    /** Energy Account results per period. */
    public static final String ACCOUNT_PERIOD_FILE = "account_period.csv";
    /** Market-wide results per period. */
    public static final String PERIOD_FILE = "period.csv";
    /** Party totals for the day. */
    public static final String PARTY_DAY_FILE = "party_day.csv";
    /** Every input problem. */
    public static final String EXCEPTIONS_FILE = "exceptions.csv";

    /** Columns of {@code bmu_period.csv}. */
    public static final List<String> BMU_PERIOD_HEADER = List.of("settlement_date", "settlement_period",
        "bm_unit_id", "fpn_mwh", "qao_mwh", "qab_mwh", "qbs_mwh", "qm_mwh", "tlm", "qme_mwh", "qii_mwh", "qndo_mwh",
        "qndb_mwh", "cbm_gbp", "cnd_gbp", "cii_gbp");
    /** Columns of {@code account_period.csv}. */
    public static final List<String> ACCOUNT_PERIOD_HEADER = List.of("settlement_date", "settlement_period",
        "party_id", "account", "qace_mwh", "qabc_mwh", "qabs_mwh", "qaei_mwh", "caei_gbp", "rcrp", "rcrc_gbp");
    /** Columns of {@code period.csv}. */
    public static final List<String> PERIOD_HEADER = List.of("settlement_date", "settlement_period",
        "system_price_gbp_per_mwh", "niv_mwh", "tloss_mwh", "tlmo_plus", "tlmo_minus", "total_cbm_gbp",
        "total_caei_gbp", "trc_gbp", "so_cashflow_gbp");
    /** Columns of {@code party_day.csv}. */
    public static final List<String> PARTY_DAY_HEADER = List.of("settlement_date", "party_id", "cbm_gbp", "cnd_gbp",
        "caei_gbp", "cii_gbp", "rcrc_gbp", "net_gbp");
    /** Columns of {@code exceptions.csv}. */
    public static final List<String> EXCEPTIONS_HEADER = List.of("file", "line", "settlement_period",
        "bm_unit_or_party", "field", "value", "reason");

    private final MarketRegistry registry;
    private final String date;
    private final CsvWriter bmuPeriod;
    private final CsvWriter accountPeriod;
    private final CsvWriter period;
    private final CsvWriter partyDay;
    private final String[] periodText = new String[64];
    private long bmuRows;
    private long accountRows;
    private long periodRows;
    private long partyRows;

    /**
     * Creates (or truncates) the four report files and writes their headers.
     *
     * @param registry the registry the indices refer to.
     * @param date     the Settlement Day.
     * @param dir      the output directory, created if missing.
     * @throws UncheckedIOException if a file cannot be created.
     */
    public SettlementReportCsv(final MarketRegistry registry, final LocalDate date, final Path dir)
    {
        this.registry = registry;
        this.date = date.toString();
        createDirectories(dir);
        for (int p = 0; p < periodText.length; p++)
        {
            periodText[p] = Integer.toString(p);
        }
        bmuPeriod = CsvWriter.create(dir.resolve(BMU_PERIOD_FILE), BMU_PERIOD_HEADER);
        accountPeriod = CsvWriter.create(dir.resolve(ACCOUNT_PERIOD_FILE), ACCOUNT_PERIOD_HEADER);
        period = CsvWriter.create(dir.resolve(PERIOD_FILE), PERIOD_HEADER);
        partyDay = CsvWriter.create(dir.resolve(PARTY_DAY_FILE), PARTY_DAY_HEADER);
    }

    /**
     * Writes {@code exceptions.csv}: one row per problem, header only when there is none.
     *
     * @param dir      the output directory, created if missing.
     * @param problems the problems, in the order to list them.
     * @throws UncheckedIOException if the file cannot be written.
     */
    public static void writeExceptions(final Path dir, final List<InputProblem> problems)
    {
        createDirectories(dir);
        try (CsvWriter csv = CsvWriter.create(dir.resolve(EXCEPTIONS_FILE), EXCEPTIONS_HEADER))
        {
            for (final InputProblem problem : problems)
            {
                csv.field(problem.source())
                    .field(problem.line() > 0 ? Integer.toString(problem.line()) : "")
                    .field(problem.period() > 0 ? Integer.toString(problem.period()) : "")
                    .field(problem.subject())
                    .field(problem.column())
                    .field(problem.value())
                    .field(problem.reason())
                    .endRecord();
            }
        }
    }

    @Override
    public void bmUnitPeriod(
        final int settlementPeriod, final int bmUnit, final double fpn, final double qao, final double qab,
        final double qbs, final double qm, final double tlm, final double qme, final double qii, final double qndo,
        final double qndb, final double cbm, final double cnd, final double cii)
    {
        bmuPeriod.field(date).field(periodText[settlementPeriod]).field(registry.bmUnitId(bmUnit))
            .field(fpn).field(qao).field(qab).field(qbs).field(qm).field(tlm).field(qme).field(qii).field(qndo)
            .field(qndb).field(cbm).field(cnd).field(cii).endRecord();
        bmuRows++;
    }

    @Override
    public void accountPeriod(
        final int settlementPeriod, final int account, final double qace, final double qabc, final double qabs,
        final double qaei, final double caei, final double rcrp, final double rcrc)
    {
        accountPeriod.field(date).field(periodText[settlementPeriod])
            .field(registry.partyId(EnergyAccount.party(account)))
            .field(EnergyAccount.isProduction(account) ? "P" : "C")
            .field(qace).field(qabc).field(qabs).field(qaei).field(caei).field(rcrp).field(rcrc).endRecord();
        accountRows++;
    }

    @Override
    public void period(
        final int settlementPeriod, final double systemPrice, final double niv, final double tloss,
        final double tlmoPlus, final double tlmoMinus, final double totalCbm, final double totalCaei, final double trc,
        final double soCashflow)
    {
        period.field(date).field(periodText[settlementPeriod]).field(systemPrice).field(niv).field(tloss)
            .field(tlmoPlus).field(tlmoMinus).field(totalCbm).field(totalCaei).field(trc).field(soCashflow).endRecord();
        periodRows++;
    }

    @Override
    public void partyDay(
        final int party, final double cbm, final double cnd, final double caei, final double cii, final double rcrc,
        final double net)
    {
        partyDay.field(date).field(registry.partyId(party)).field(cbm).field(cnd).field(caei).field(cii)
            .field(rcrc).field(net).endRecord();
        partyRows++;
    }

    @Override
    public void end()
    {
        bmuPeriod.flush();
        accountPeriod.flush();
        period.flush();
        partyDay.flush();
    }

    /**
     * @return rows written to {@code bmu_period.csv}, header excluded.
     */
    public long bmUnitPeriodRows()
    {
        return bmuRows;
    }

    /**
     * @return rows written to {@code account_period.csv}, header excluded.
     */
    public long accountPeriodRows()
    {
        return accountRows;
    }

    /**
     * @return rows written to {@code period.csv}, header excluded.
     */
    public long periodRows()
    {
        return periodRows;
    }

    /**
     * @return rows written to {@code party_day.csv}, header excluded.
     */
    public long partyDayRows()
    {
        return partyRows;
    }

    @Override
    public void close()
    {
        bmuPeriod.close();
        accountPeriod.close();
        period.close();
        partyDay.close();
    }


    private static void createDirectories(final Path dir)
    {
        try
        {
            Files.createDirectories(dir);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create " + dir + ": " + ex.getMessage(), ex);
        }
    }
}
