package io.gbsettle.adapters.sftp.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.gbsettle.adapters.sftp.reconcile.Reconciliation;
import io.gbsettle.adapters.sftp.reconcile.SettlementFigures;
import io.gbsettle.adapters.sftp.reconcile.SettlementFigures.Quantity;
import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.event.EventType;
import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.files.ContractVolumes;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.MeteredVolumes;
import io.gbsettle.core.files.Reallocations;
import io.gbsettle.core.files.SyntheticBundle;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.settle.DaySettlement;
import io.gbsettle.core.time.SettlementRun;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A synthetic day written as C0421, ECVN, MVRN and S0142 files, verified and mapped back: the events equal the
 * bundle's rows (to the files' decimal places), and the S0142 of the settled day reconciles to zero while a
 * perturbed figure is named exactly.
 */
final class DayFlowsTest
{
    @TempDir
    static Path tmp;

    private static DayBundle bundle;
    private static MarketRegistry registry;
    private static InboundFlows flows;
    private static SettlementFigures settled;

    @BeforeAll
    static void setUp()
    {
        registry = SyntheticRegistry.generate(11, SyntheticRegistry.Size.SMALL);
        SyntheticBundle.write(registry, 11, LocalDate.of(2025, 3, 30), SettlementRun.SF, false, tmp.resolve("day"));
        bundle = DayBundle.load(tmp.resolve("day"));
        registry = bundle.registry();
        flows = new InboundFlows(registry);
        settled = SettlementFigures.forRegistry(registry);
        settled.epochDay(bundle.epochDay());
        new DaySettlement(bundle).settle(settled);
    }

    private static List<InputEvent> events(final String name, final byte[] bytes, final String flow)
    {
        final UnsafeBuffer b = new UnsafeBuffer(bytes);
        final InboundFile file = flows.verify(name, b, 0, bytes.length);
        assertTrue(file.accepted(), file::reason);
        assertEquals(flow, file.flowId());
        assertEquals(Destination.ENGINE, file.destination());
        final List<InputEvent> out = new ArrayList<>();
        final long n = flows.toEvents(file, b, 0, bytes.length, EventSource.SFTP, (record, offset) ->
        {
            final UnsafeBuffer copy = new UnsafeBuffer(new byte[InputEvent.LENGTH]);
            copy.putBytes(0, record, offset, InputEvent.LENGTH);
            out.add(new InputEvent().wrap(copy, 0));
            return out.size();
        });
        assertEquals(n, out.size());
        return out;
    }

    @Test
    void c0421MapsToTheBundlesMeteredVolumesOnAShortDay()
    {
        assertEquals(46, bundle.periodCount(), "2025-03-30 is a clock-change day");
        final byte[] bytes = FlowFiles.builtIn().c0421(bundle, 7);
        final List<InputEvent> events = events("CD20250330C421", bytes, "C0421");
        final Map<Long, Double> expected = new HashMap<>();
        final MeteredVolumes mv = bundle.meteredVolumes();
        for (int r = 0; r < mv.count(); r++)
        {
            expected.put((long)mv.bmUnit(r) << 8 | mv.period(r), mv.qm(r));
        }
        int matched = 0;
        for (final InputEvent e : events)
        {
            assertEquals(EventType.METERED_VOLUME, e.type());
            assertEquals(bundle.epochDay(), e.epochDay());
            assertEquals(EventSource.SFTP, e.source());
            final Double qm = expected.get((long)e.subject() << 8 | e.period());
            if (qm != null)
            {
                assertEquals(qm, e.value(0), 0.0005);
                matched++;
            }
            else
            {
                assertEquals(0.0, e.value(0));
                assertTrue(e.hasFlag(InputEvent.FLAG_ESTIMATED));
            }
        }
        assertEquals(mv.count(), matched);
        // The same file maps to the same bytes: a resubmission is a no-op in the engine.
        final List<InputEvent> again = events("CD20250330C421", bytes, "C0421");
        for (int i = 0; i < events.size(); i++)
        {
            assertEquals(events.get(i).idempotencyKey(), again.get(i).idempotencyKey());
        }
    }

    @Test
    void ecvnAndMvrnMapToContractAndReallocationLines()
    {
        final List<InputEvent> ecvn = events("EC20250330E041", FlowFiles.builtIn().ecvn(bundle, 1), "ECVN");
        final ContractVolumes cv = bundle.ecvn();
        assertEquals(cv.count(), ecvn.size());
        double sumFile = 0;
        double sumBundle = 0;
        for (int r = 0; r < cv.count(); r++)
        {
            sumBundle += cv.volume(r) * (cv.fromAccount(r) + 1) * cv.period(r);
        }
        for (final InputEvent e : ecvn)
        {
            assertEquals(EventType.ECVN_LINE, e.type());
            sumFile += e.value(0) * (e.subject() + 1) * e.period();
        }
        assertEquals(sumBundle, sumFile, 1e-3 * cv.count() * 1000);

        final List<InputEvent> mvrn = events("EC20250330E051", FlowFiles.builtIn().mvrn(bundle, 2), "MVRN");
        final Reallocations rv = bundle.mvrn();
        assertEquals(rv.count(), mvrn.size());
        for (final InputEvent e : mvrn)
        {
            assertEquals(EventType.MVRN_LINE, e.type());
            boolean found = false;
            for (int r = 0; r < rv.count() && !found; r++)
            {
                found = rv.bmUnit(r) == e.subject() && rv.subsidiaryAccount(r) == e.subject2() &&
                    rv.period(r) == e.period() && Math.abs(rv.fixed(r) - e.value(0)) < 0.0005 &&
                    Math.abs(rv.percentage(r) - e.value(1)) < 0.005;
            }
            assertTrue(found, e::toString);
        }
    }

    @Test
    void s0142OfTheSettledDayReconcilesToZeroAndAPerturbedFigureIsNamed() throws Exception
    {
        final byte[] bytes = FlowFiles.builtIn().s0142(registry, settled, bundle.epochDay(), SettlementRun.SF, 5);
        final UnsafeBuffer b = new UnsafeBuffer(bytes);
        final InboundFile file = flows.verify("SA20250330S142", b, 0, bytes.length);
        assertTrue(file.accepted(), file::reason);
        assertEquals(Destination.RECONCILIATION, file.destination());
        final S0142Report report = S0142Report.read(file, b, 0, bytes.length, flows);
        final Reconciliation reconciliation = new Reconciliation(flows.catalogue());
        final Reconciliation.Summary clean = reconciliation.reconcile(registry, bundle.settlementDate(), settled,
            report.figures(), report.unknownSubjects(), tmp.resolve("clean"));
        assertTrue(clean.clean(), clean::toJson);
        assertTrue(clean.compared() > 1000, clean::toJson);

        // Perturb one BM Unit's metered volume in period 7 and one account's CAEI in period 12 on Elexon's side.
        final SettlementFigures perturbed = SettlementFigures.forRegistry(registry);
        new DaySettlement(bundle).settle(perturbed);
        int unit = -1;
        for (int u = 0; u < registry.bmUnitCount() && unit < 0; u++)
        {
            unit = Double.isNaN(perturbed.get(Quantity.METERED_VOLUME, u, 7)) ? -1 : u;
        }
        perturbed.set(Quantity.METERED_VOLUME, unit, 7, perturbed.get(Quantity.METERED_VOLUME, unit, 7) + 1.25);
        int account = -1;
        for (int a = 0; a < registry.energyAccountCount() && account < 0; a++)
        {
            account = Double.isNaN(perturbed.get(Quantity.CAEI, a, 12)) ? -1 : a;
        }
        perturbed.set(Quantity.CAEI, account, 12, perturbed.get(Quantity.CAEI, account, 12) - 100.0);
        final byte[] changed = FlowFiles.builtIn().s0142(registry, perturbed, bundle.epochDay(), SettlementRun.SF,
            6);
        final UnsafeBuffer c = new UnsafeBuffer(changed);
        final InboundFile changedFile = flows.verify("SA20250330S143", c, 0, changed.length);
        final S0142Report changedReport = S0142Report.read(changedFile, c, 0, changed.length, flows);
        final Reconciliation.Summary diff = reconciliation.reconcile(registry, bundle.settlementDate(), settled,
            changedReport.figures(), changedReport.unknownSubjects(), tmp.resolve("diff"));
        assertEquals(2, diff.differing(), diff::toJson);
        assertEquals(1.25, diff.maxAbsDiff().get(Quantity.METERED_VOLUME), 0.001);
        assertEquals(100.0, diff.maxAbsDiff().get(Quantity.CAEI), 0.01);
        final List<String> rows = Files.readAllLines(tmp.resolve("diff").resolve(Reconciliation.CSV_FILE));
        assertEquals(3, rows.size(), rows::toString);
        assertTrue(rows.get(1).startsWith("2025-03-30,metered_volume,bm_unit," + registry.bmUnitId(unit) + ",7,"),
            rows.get(1));
        assertTrue(rows.get(2).startsWith("2025-03-30,caei,account," +
            Reconciliation.subjectName(registry, Quantity.CAEI, account) + ",12,"), rows.get(2));
        assertTrue(Files.readString(tmp.resolve("diff").resolve(Reconciliation.SUMMARY_FILE))
            .contains("\"differing\": 2"));
    }

    @Test
    void writeDayWritesFilesThatAllVerify() throws Exception
    {
        final List<String> names = FlowFiles.builtIn().writeDay(bundle, settled, tmp.resolve("flows"));
        assertEquals(List.of("CD20250330C421", "EC20250330E041", "EC20250330E051", "SA20250330S142"), names);
        for (final String name : names)
        {
            final byte[] bytes = Files.readAllBytes(tmp.resolve("flows").resolve(name));
            final InboundFile file = flows.verify(name, new UnsafeBuffer(bytes), 0, bytes.length);
            assertTrue(file.accepted(), file::reason);
            assertEquals(14, name.length(), "IDD file names are 14 characters");
        }
    }

    @Test
    void s0142RecordsWithoutADefinedLayoutArePassedOverButCounted()
    {
        final String text = new String(FlowFiles.builtIn().s0142(registry, settled, bundle.epochDay(),
            SettlementRun.SF, 5), java.nio.charset.StandardCharsets.US_ASCII);
        final List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        lines.remove(lines.size() - 1);
        final List<String> withExtras = new ArrayList<>();
        for (final String line : lines)
        {
            withExtras.add(line);
            if (line.startsWith("SRH|"))
            {
                withExtras.add("TRA|1|2|");
            }
            else if (line.startsWith("SP7|"))
            {
                withExtras.add("BPI|A|B|C|D|E|F|");
            }
        }
        final String sealed = String.join("\n", withExtras) + "\nZZZ|" + (withExtras.size() + 1) + "|" +
            io.gbsettle.adapters.sftp.format.Xor32.of(withExtras.toArray(new String[0])) + "|\n";
        final byte[] bytes = sealed.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        final UnsafeBuffer b = new UnsafeBuffer(bytes);
        final InboundFile file = flows.verify("SA20250330S144", b, 0, bytes.length);
        assertTrue(file.accepted(), file::reason);
        assertEquals(withExtras.size() - 1, file.records());
        final S0142Report report = S0142Report.read(file, b, 0, bytes.length, flows);
        final Reconciliation.Summary summary = new Reconciliation(flows.catalogue()).reconcile(registry,
            bundle.settlementDate(), settled, report.figures(), report.unknownSubjects(), tmp.resolve("skip"));
        assertTrue(summary.clean(), summary::toJson);

        // A record id the flow neither defines nor skips is still a problem.
        final String unknown = sealed.replace("TRA|1|2|", "XYZ|1|2|");
        final List<String> again = new ArrayList<>(List.of(unknown.split("\n")));
        again.remove(again.size() - 1);
        final String resealed = String.join("\n", again) + "\nZZZ|" + (again.size() + 1) + "|" +
            io.gbsettle.adapters.sftp.format.Xor32.of(again.toArray(new String[0])) + "|\n";
        final byte[] bad = resealed.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        final InboundFile rejected = flows.verify("SA20250330S145", new UnsafeBuffer(bad), 0, bad.length);
        assertEquals(1, rejected.problemCount(), rejected::reason);
        assertTrue(rejected.problems().get(0).message().contains("unknown record XYZ in S0142"), rejected::reason);
    }
}
