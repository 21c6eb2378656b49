package io.gbsettle.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.gbsettle.core.engine.BundleEvents;
import io.gbsettle.core.engine.Engine;
import io.gbsettle.core.engine.EngineContext;
import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.event.ResultType;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.SyntheticBundle;
import io.gbsettle.core.mhhs.MeterReports;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.settle.SettlementReport;
import io.gbsettle.core.time.SettlementRun;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Supplier volume aggregation end to end on a small generated day: flat files -> meter store -> aggregation ->
 * supplier base BM Unit metered volumes fed into a day bundle -> settlement, whose QM of every supplier base BM
 * Unit equals the aggregated corrected MWh.
 */
final class AggregateEndToEndTest extends InProcessBsc
{
    private static final String DATE = "2025-06-10";

    @Test
    void filesToStoreToAggregationToSettlement() throws Exception
    {
        final Path generated = tmp.resolve("generated");
        assertEquals(ExitCode.OK, bsc("generate", "meter-data", "--size", "medium", "--seed", "42", "--mpans",
            "5000", "--date", DATE, "--out", generated.toString(), "--files"), err::toString);
        assertTrue(out.toString().contains("5,000 MPANs"), out::toString);

        final MarketRegistry registry = SyntheticRegistry.generate(42, SyntheticRegistry.Size.MEDIUM);
        final Path bundleDir = tmp.resolve("bundle");
        SyntheticBundle.write(registry, 42, LocalDate.parse(DATE), SettlementRun.SF, false, bundleDir);

        final Path store = tmp.resolve("store");
        final Path reports = tmp.resolve("reports");
        assertEquals(ExitCode.DATA_PROBLEMS, bsc("aggregate", "--files", generated.resolve("flows").toString(),
            "--store", store.toString(), "--date", DATE, "--out", reports.toString(), "--bundle",
            bundleDir.toString(), "--threads", "2"), err::toString);
        final String console = out.toString();
        assertTrue(console.contains("[3/3] writing reports"), console);
        assertTrue(console.contains("UNKNOWN_MPAN 2"), console);
        assertTrue(err.toString().contains("100% 5,000/5,000 MPANs"), err::toString);

        final List<String> supplierRows = Files.readAllLines(reports.resolve(MeterReports.SUPPLIER_PERIOD_FILE));
        assertEquals("settlement_date,settlement_period,supplier_id,gsp_group,consumption_kwh,llf_uplifted_kwh," +
            "ggcf,corrected_mwh,estimated_share", supplierRows.get(0));
        final List<String> summary = Files.readAllLines(reports.resolve(MeterReports.EXCEPTION_SUMMARY_FILE));
        final Map<String, Long> counts = new HashMap<>();
        for (final String line : summary.subList(1, summary.size()))
        {
            counts.put(line.split(",")[0], Long.parseLong(line.split(",")[1]));
        }
        assertEquals(counts.get("READ"), counts.get("ACCEPTED") + counts.get("REJECTED"), summary::toString);

        final Map<String, Double> aggregated = new HashMap<>();
        for (final String line : Files.readAllLines(reports.resolve(MeterReports.METERED_FILE)).subList(1,
            Files.readAllLines(reports.resolve(MeterReports.METERED_FILE)).size()))
        {
            final String[] f = line.split(",");
            aggregated.put(f[0] + "#" + f[1], Double.parseDouble(f[2]));
        }
        assertTrue(aggregated.size() > 14 * 48, "a pair per supplier and GSP Group, every period");

        final DayBundle bundle = DayBundle.load(bundleDir);
        final Map<String, Double> settledQm = new HashMap<>();
        SettleCommand.settle(bundle, new QmReport(bundle.registry(), settledQm));
        int compared = 0;
        for (final Map.Entry<String, Double> e : aggregated.entrySet())
        {
            final Double qm = settledQm.get(e.getKey());
            assertTrue(qm != null, () -> e.getKey() + " not settled");
            assertEquals(e.getValue(), qm, 1e-12, e.getKey());
            assertTrue(qm < 0, "consumption is negative: " + e.getKey());
            compared++;
        }
        assertEquals(aggregated.size(), compared);

        // The same volumes as metered-volume events through the engine: they replace the day's rows of the supplier
        // base BM Units (same business key), and the run settles on them.
        final Path fresh = tmp.resolve("fresh-bundle");
        SyntheticBundle.write(registry, 42, LocalDate.parse(DATE), SettlementRun.SF, false, fresh);
        final DayBundle original = DayBundle.load(fresh);
        final Map<String, Double> engineQm = new HashMap<>();
        try (Engine engine = Engine.launch(new EngineContext().registry(registry).listener(record ->
        {
            if (record.type() == ResultType.BM_UNIT_PERIOD)
            {
                engineQm.put(registry.bmUnitId(record.subject()) + "#" + record.period(), record.value(4));
            }
        })))
        {
            BundleEvents.submit(original, engine);
            MeterReports.feedEngine(reports.resolve(MeterReports.METERED_FILE), registry, original.epochDay(), engine);
            final long run = engine.triggerRun(EventSource.OPERATOR, 1, original.epochDay(), SettlementRun.SF);
            engine.awaitProcessed(run, 60, TimeUnit.SECONDS);
        }
        for (final Map.Entry<String, Double> e : aggregated.entrySet())
        {
            assertEquals(e.getValue(), engineQm.get(e.getKey()), 1e-12, "through the engine: " + e.getKey());
        }
        assertEquals(settledQm, engineQm, "the engine settles every BM Unit as the fed bundle does");
    }

    /** Keeps QM per BM Unit and period. */
    private static final class QmReport implements SettlementReport
    {
        private final MarketRegistry registry;
        private final Map<String, Double> qm;

        QmReport(final MarketRegistry registry, final Map<String, Double> qm)
        {
            this.registry = registry;
            this.qm = qm;
        }

        @Override
        public void bmUnitPeriod(
            final int period, final int bmUnit, final double fpn, final double qao, final double qab, final double qbs,
            final double qmValue, final double tlm, final double qme, final double qii, final double qndo,
            final double qndb, final double cbm, final double cnd, final double cii)
        {
            qm.put(registry.bmUnitId(bmUnit) + "#" + period, qmValue);
        }

        @Override
        public void accountPeriod(
            final int period, final int account, final double qace, final double qabc, final double qabs,
            final double qaei, final double caei, final double rcrp, final double rcrc)
        {
        }

        @Override
        public void period(
            final int period, final double systemPrice, final double niv, final double tloss, final double tlmoPlus,
            final double tlmoMinus, final double totalCbm, final double totalCaei, final double trc,
            final double soCashflow)
        {
        }

        @Override
        public void partyDay(
            final int party, final double cbm, final double cnd, final double caei, final double cii,
            final double rcrc, final double net)
        {
        }

        @Override
        public void end()
        {
        }
    }
}
