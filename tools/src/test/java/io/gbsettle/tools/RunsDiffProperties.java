package io.gbsettle.tools;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeoutException;

import io.gbsettle.core.engine.RevisedRuns;
import io.gbsettle.core.engine.RunCsv;
import io.gbsettle.core.engine.RunRecords;
import io.gbsettle.core.files.CsvReader;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.SyntheticBundle;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.testing.PropertyChecks;
import io.gbsettle.core.time.SettlementRun;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * {@code bsc runs diff} held to a naive recomputation: after random revisions (metered volumes, BM Units moved to
 * other lead parties) and a new run, each party's net cashflow and QAEI per period summed with plain maps from the
 * two runs' bmu_period.csv and account_period.csv (lead parties from the registry and the moves made so far) agree
 * with every row the diff prints, and every party-period whose naive figures moved is among the rows.
 */
final class RunsDiffProperties extends InProcessBsc
{
    private static final LocalDate DATE = LocalDate.of(2025, 6, 10);
    private static final SettlementRun[] CYCLE = {SettlementRun.R1, SettlementRun.R2, SettlementRun.R3,
        SettlementRun.RF, SettlementRun.DF};
    private static final double TOLERANCE = 1e-9;

    @Test
    void theDiffIsTheNaiveSumOfTheRunsCsvReports() throws Exception
    {
        final Path bundleDir = tmp.resolve("bundle");
        SyntheticBundle.write(SyntheticRegistry.generate(21, SyntheticRegistry.Size.SMALL), 21, DATE,
            SettlementRun.SF, false, bundleDir);
        final DayBundle bundle = DayBundle.load(bundleDir);
        final Path journal = tmp.resolve("journal");
        final MarketRegistry registry = bundle.registry();
        final Map<Integer, Integer> moves = new HashMap<>();
        final Object[] previous = {SettlementRun.SF, Map.<Integer, Integer>of()};
        final int[] runs = {0};
        try (RevisedRuns.Session session = new RevisedRuns.Session(bundle, journal))
        {
            PropertyChecks.check(6).forAll(longs().all()).checkAssert(seed ->
            {
                final SplittableRandom random = new SplittableRandom(seed);
                final List<RevisedRuns.Revision> revisions = new ArrayList<>();
                for (int i = 1 + random.nextInt(4); i > 0; i--)
                {
                    if (random.nextInt(3) == 0)
                    {
                        // Half the moves are of BM Units with accepted volume: their BM cashflows move too.
                        final int unit = random.nextBoolean() ? random.nextInt(registry.bmUnitCount()) :
                            bundle.acceptances().bmUnit(random.nextInt(bundle.acceptances().count()));
                        final int party = random.nextInt(registry.partyCount());
                        revisions.add(RevisedRuns.Revision.move(unit, party));
                        moves.put(unit, party);
                    }
                    else
                    {
                        revisions.add(RevisedRuns.Revision.metered(random.nextInt(1 << 20),
                            Math.round(random.nextDouble(-50, 50) * 1000) / 1000.0));
                    }
                }
                final SettlementRun run = CYCLE[runs[0]++ % CYCLE.length];
                try
                {
                    session.run(run, revisions);
                }
                catch (final TimeoutException ex)
                {
                    throw new AssertionError(ex);
                }
                @SuppressWarnings("unchecked")
                final Map<Integer, Integer> movesBefore = (Map<Integer, Integer>)previous[1];
                final SettlementRun from = (SettlementRun)previous[0];
                final Map<String, double[]> before = naive(journal, bundle, from, movesBefore);
                final Map<String, double[]> after = naive(journal, bundle, run, moves);
                check(journal, from, run, before, after, revisions.toString());
                previous[0] = run;
                previous[1] = Map.copyOf(moves);
            });
        }
    }

    private void check(final Path journal, final SettlementRun from, final SettlementRun to,
        final Map<String, double[]> before, final Map<String, double[]> after, final String what)
    {
        out.getBuffer().setLength(0);
        assertEquals(ExitCode.OK, bsc("runs", "diff", "--journal", journal.toString(), "--date", DATE.toString(),
            "--from", from.name(), "--to", to.name(), "--format", "csv"), err::toString);
        final Set<String> listed = new HashSet<>();
        final String[] lines = out.toString().split("\n");
        for (int i = 1; i < lines.length; i++)
        {
            final String[] f = lines[i].split(",");
            final String key = f[2] + "/" + f[1];
            listed.add(key);
            final double[] b = before.getOrDefault(key, new double[2]);
            final double[] a = after.getOrDefault(key, new double[2]);
            close(b[0], Double.parseDouble(f[5]), "net before " + key + " " + what);
            close(a[0], Double.parseDouble(f[6]), "net after " + key + " " + what);
            close(b[1], Double.parseDouble(f[8]), "qaei before " + key + " " + what);
            close(a[1], Double.parseDouble(f[9]), "qaei after " + key + " " + what);
        }
        final Set<String> keys = new HashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (final String key : keys)
        {
            final double[] b = before.getOrDefault(key, new double[2]);
            final double[] a = after.getOrDefault(key, new double[2]);
            if (!near(b[0], a[0]) || !near(b[1], a[1]))
            {
                assertTrue(listed.contains(key), key + " moved (" + b[0] + " -> " + a[0] + " GBP, " + b[1] + " -> " +
                    a[1] + " MWh) but is not listed; " + what);
            }
        }
    }

    /**
     * Party and period ("P1/17") to {net, qaei}, summed from the run's CSV reports.
     */
    private static Map<String, double[]> naive(final Path journal, final DayBundle bundle, final SettlementRun run,
        final Map<Integer, Integer> moves)
    {
        final MarketRegistry registry = bundle.registry();
        final Path dir = journal.resolveSibling("csv-" + run + "-" + System.nanoTime());
        try (RunCsv csv = new RunCsv(registry, DATE, dir, List.of()))
        {
            assertTrue(RunRecords.latest(journal, bundle.epochDay(), run, csv::accept) > 0, run::toString);
        }
        final Map<String, double[]> sums = new HashMap<>();
        try (CsvReader bmu = CsvReader.open(dir.resolve("bmu_period.csv")))
        {
            final int period = bmu.column("settlement_period");
            final int unit = bmu.column("bm_unit_id");
            final int cbm = bmu.column("cbm_gbp");
            final int cnd = bmu.column("cnd_gbp");
            final int cii = bmu.column("cii_gbp");
            while (bmu.next())
            {
                final int index = registry.bmUnitIndex(bmu.field(unit));
                final int lead = moves.containsKey(index) ? moves.get(index) :
                    registry.versionLeadParty(registry.versionAt(index, bundle.epochDay()));
                final double[] s = sums.computeIfAbsent(registry.partyId(lead) + "/" + bmu.field(period),
                    k -> new double[2]);
                s[0] += number(bmu.field(cbm)) - number(bmu.field(cnd)) - number(bmu.field(cii));
            }
        }
        try (CsvReader account = CsvReader.open(dir.resolve("account_period.csv")))
        {
            final int period = account.column("settlement_period");
            final int party = account.column("party_id");
            final int qaei = account.column("qaei_mwh");
            final int caei = account.column("caei_gbp");
            final int rcrc = account.column("rcrc_gbp");
            while (account.next())
            {
                final double[] s = sums.computeIfAbsent(account.field(party) + "/" + account.field(period),
                    k -> new double[2]);
                s[0] += number(account.field(rcrc)) - number(account.field(caei));
                s[1] += number(account.field(qaei));
            }
        }
        return sums;
    }

    private static double number(final String text)
    {
        return text.isEmpty() ? 0.0 : Double.parseDouble(text);
    }

    private static boolean near(final double expected, final double actual)
    {
        return Math.abs(expected - actual) <= TOLERANCE * Math.max(1.0, Math.max(Math.abs(expected),
            Math.abs(actual)));
    }

    private static void close(final double expected, final double actual, final String what)
    {
        assertTrue(near(expected, actual), what + ": expected " + expected + " but was " + actual);
    }
}
