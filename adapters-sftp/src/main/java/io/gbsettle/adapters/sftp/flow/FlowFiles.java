package io.gbsettle.adapters.sftp.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.gbsettle.adapters.sftp.format.FlatFileWriter;
import io.gbsettle.adapters.sftp.format.FlatFileWriter.FileHeader;
import io.gbsettle.adapters.sftp.format.FlowCatalogue;
import io.gbsettle.adapters.sftp.format.FlowDefinition;
import io.gbsettle.adapters.sftp.format.RecordDefinition;
import io.gbsettle.adapters.sftp.reconcile.SettlementFigures;
import io.gbsettle.adapters.sftp.reconcile.SettlementFigures.Quantity;
import io.gbsettle.core.files.ContractVolumes;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.MeteredVolumes;
import io.gbsettle.core.files.Reallocations;
import io.gbsettle.core.registry.BmUnitDay;
import io.gbsettle.core.registry.EnergyAccount;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.time.EpochDays;
import io.gbsettle.core.time.SettlementRun;

/**
 * Writes realistic flow files for a day, from the same flow definitions the parser reads: C0421 from a day bundle's
 * metered volumes, ECVN and MVRN from its contract volumes and reallocations, S0142 from a settled day's figures,
 * and small D0036 / D0265 files. The transport tests and the demo use them; every file verifies and maps back to
 * what it was written from (to the definitions' decimal places).
 *
 * <p>File names follow the IDD rule for central-systems files (14 characters, no extension: sender role code, then
 * a unique id) and the DTC / Elexon conventions for the others.
 */
public final class FlowFiles
{
    /** The creation time written in headers (fixed, so the same inputs give the same bytes). */
    public static final String CREATED = "20240101000000";

    private final FlowCatalogue catalogue;

    /**
     * @param catalogue the flow definitions.
     */
    public FlowFiles(final FlowCatalogue catalogue)
    {
        this.catalogue = catalogue;
    }

    /**
     * @return a generator over the built-in definitions.
     */
    public static FlowFiles builtIn()
    {
        return new FlowFiles(FlowCatalogue.builtIn());
    }

    /**
     * A CDCA-I042 C0421 file: one {@code ABV} per BM Unit with a metered volume in the bundle, one {@code ABP} per
     * period of the day. Periods the bundle lacks for a BM Unit are written as 0, estimated ({@code T}): the engine
     * settles a missing metered volume as 0, so settlement is unchanged (only its missing-input quality flag is
     * not raised). Export volumes are written {@code E}, imports {@code I}, both unsigned.
     *
     * @param bundle   the day (with at least one metered volume: ABV is 1-*).
     * @param sequence the IDD sequence number.
     * @return the file's bytes.
     */
    public byte[] c0421(final DayBundle bundle, final long sequence)
    {
        final MarketRegistry registry = bundle.registry();
        final int periods = bundle.periodCount();
        final MeteredVolumes mv = bundle.meteredVolumes();
        final TreeMap<Integer, double[]> byUnit = new TreeMap<>();
        for (int r = 0; r < mv.count(); r++)
        {
            byUnit.computeIfAbsent(mv.bmUnit(r), k -> nanArray(periods + 1))[mv.period(r)] = mv.qm(r);
        }
        final int date = EpochDays.yyyymmdd(bundle.epochDay());
        final String run = bundle.run().name();
        final FlatFileWriter w = new FlatFileWriter(catalogue.flow("C0421"))
            .start(idd("C0421002", "CD", sequence));
        for (final Map.Entry<Integer, double[]> e : byUnit.entrySet())
        {
            w.record("ABV").text(registry.bmUnitId(e.getKey())).date(date).text(run).integer(1).date(date).end();
            final double[] v = e.getValue();
            for (int p = 1; p <= periods; p++)
            {
                final boolean missing = Double.isNaN(v[p]);
                final double qm = missing ? 0.0 : v[p];
                w.record("ABP").integer(p).bool(missing).decimal(Math.abs(qm)).character(qm < 0 ? 'I' : 'E').end();
            }
        }
        return w.finish();
    }

    /**
     * An ECVN file: one {@code EDN} + {@code ECP} per (from account, to account) pair of the bundle's contract
     * volumes, its {@code CD9} lines per period (a pair with two lines for one period gets a second notification).
     *
     * @param bundle   the day (with at least one contract volume: EDN is 1-*).
     * @param sequence the IDD sequence number.
     * @return the file's bytes.
     */
    public byte[] ecvn(final DayBundle bundle, final long sequence)
    {
        final MarketRegistry registry = bundle.registry();
        final ContractVolumes cv = bundle.ecvn();
        final Map<Long, List<List<int[]>>> pairs = new LinkedHashMap<>();
        for (int r = 0; r < cv.count(); r++)
        {
            final long pair = (long)cv.fromAccount(r) << 32 | cv.toAccount(r);
            place(pairs.computeIfAbsent(pair, k -> new ArrayList<>()), r, cv.period(r));
        }
        final int date = EpochDays.yyyymmdd(bundle.epochDay());
        final FlatFileWriter w = new FlatFileWriter(catalogue.flow("ECVN")).start(idd("E0041001", "EC", sequence));
        int n = 0;
        for (final Map.Entry<Long, List<List<int[]>>> e : pairs.entrySet())
        {
            final int from = (int)(e.getKey() >>> 32);
            final int to = (int)(long)e.getKey();
            for (final List<int[]> notification : e.getValue())
            {
                n++;
                w.record("EDN").text("ECVNAA0001").empty().text("N" + n).text("R" + date).date(date).date(date).end();
                w.record("ECP").text(registry.partyId(EnergyAccount.party(from)))
                    .character(EnergyAccount.isProduction(from) ? 'P' : 'C')
                    .text(registry.partyId(EnergyAccount.party(to)))
                    .character(EnergyAccount.isProduction(to) ? 'P' : 'C').end();
                for (final int[] row : notification)
                {
                    w.record("CD9").integer(cv.period(row[0])).decimal(cv.volume(row[0])).end();
                }
            }
        }
        return w.finish();
    }

    /**
     * An MVRN file: one {@code MDN} + {@code MRP} per (BM Unit, subsidiary account) of the bundle's reallocations,
     * its {@code MV9} lines per period.
     *
     * @param bundle   the day (with at least one reallocation: MDN is 1-*).
     * @param sequence the IDD sequence number.
     * @return the file's bytes.
     */
    public byte[] mvrn(final DayBundle bundle, final long sequence)
    {
        final MarketRegistry registry = bundle.registry();
        final Reallocations rv = bundle.mvrn();
        final Map<Long, List<List<int[]>>> pairs = new LinkedHashMap<>();
        for (int r = 0; r < rv.count(); r++)
        {
            final long pair = (long)rv.bmUnit(r) << 32 | rv.subsidiaryAccount(r);
            place(pairs.computeIfAbsent(pair, k -> new ArrayList<>()), r, rv.period(r));
        }
        final int date = EpochDays.yyyymmdd(bundle.epochDay());
        final FlatFileWriter w = new FlatFileWriter(catalogue.flow("MVRN")).start(idd("E0051001", "EC", sequence));
        int n = 0;
        for (final Map.Entry<Long, List<List<int[]>>> e : pairs.entrySet())
        {
            final int unit = (int)(e.getKey() >>> 32);
            final int account = (int)(long)e.getKey();
            for (final List<int[]> notification : e.getValue())
            {
                n++;
                w.record("MDN").text("MVRNAA0001").empty().text("M" + n).text("R" + date).date(date).date(date).end();
                w.record("MRP").text(registry.bmUnitId(unit)).text(registry.partyId(EnergyAccount.party(account)))
                    .end();
                for (final int[] row : notification)
                {
                    w.record("MV9").integer(rv.period(row[0])).decimal(rv.fixed(row[0])).decimal(rv.percentage(row[0]))
                        .end();
                }
            }
        }
        return w.finish();
    }

    /**
     * An S0142 settlement report from a settled day's figures: {@code SRH}; {@code SPI} per period (SSP = SBP = the
     * system price); per party with figures a {@code BPH}, then per period an {@code SP7} with the party's
     * {@code APD} (production, consumption) and the {@code BP7} of each BM Unit it leads on the day. Fields not
     * among the compared quantities are left empty.
     *
     * @param registry the registry the figures index.
     * @param figures  the settled figures.
     * @param epochDay the Settlement Day.
     * @param run      the run.
     * @param sequence the IDD sequence number.
     * @return the file's bytes.
     */
    public byte[] s0142(final MarketRegistry registry, final SettlementFigures figures, final long epochDay,
        final SettlementRun run, final long sequence)
    {
        final FlowDefinition flow = catalogue.flow("S0142");
        final BmUnitDay day = registry.newDayView();
        registry.fillDay(epochDay, day);
        final int periods = figures.periods();
        final int date = EpochDays.yyyymmdd(epochDay);
        final FlatFileWriter w = new FlatFileWriter(flow).start(new FileHeader("S0142013", "", "SA", "UKDC", "PB",
            "PORTAL", CREATED, sequence, "OPER"));
        w.record("SRH").date(date).text(run.name()).integer(1).integer(1).empty().empty().empty().end();
        final RecordDefinition spi = flow.record("SPI");
        for (int p = 1; p <= periods; p++)
        {
            final double price = figures.get(Quantity.SYSTEM_PRICE, 0, p);
            w.record("SPI");
            for (int f = 0; f < spi.fieldCount(); f++)
            {
                final String name = spi.field(f).name();
                if (name.equals("settlementPeriod"))
                {
                    w.integer(p);
                }
                else if (name.equals("systemSellPrice") || name.equals("systemBuyPrice"))
                {
                    w.decimal(Double.isNaN(price) ? 0.0 : price);
                }
                else
                {
                    w.empty();
                }
            }
            w.end();
        }
        final List<List<Integer>> unitsOf = new ArrayList<>();
        for (int party = 0; party < registry.partyCount(); party++)
        {
            unitsOf.add(new ArrayList<>());
        }
        for (int u = 0; u < registry.bmUnitCount(); u++)
        {
            if (day.active(u) && day.leadParty(u) >= 0)
            {
                unitsOf.get(day.leadParty(u)).add(u);
            }
        }
        for (int party = 0; party < registry.partyCount(); party++)
        {
            if (!hasFigures(figures, party, unitsOf.get(party), periods))
            {
                continue;
            }
            w.record("BPH").date(date).text(run.name()).integer(1).integer(1).empty().empty().empty()
                .text(registry.partyId(party)).end();
            for (int p = 1; p <= periods; p++)
            {
                w.record("SP7").integer(p).end();
                for (int type = 0; type < 2; type++)
                {
                    final boolean production = type == 0;
                    final int account = EnergyAccount.index(party, production);
                    if (!Double.isNaN(figures.get(Quantity.CREDITED_ENERGY, account, p)) ||
                        !Double.isNaN(figures.get(Quantity.CAEI, account, p)))
                    {
                        quantities(w, flow.record("APD"), figures, account, p, production ? "P" : "C");
                    }
                }
                for (final int unit : unitsOf.get(party))
                {
                    if (!Double.isNaN(figures.get(Quantity.METERED_VOLUME, unit, p)) ||
                        !Double.isNaN(figures.get(Quantity.CBM, unit, p)))
                    {
                        quantities(w, flow.record("BP7"), figures, unit, p, registry.bmUnitId(unit));
                    }
                }
            }
        }
        return w.finish();
    }

    /**
     * A small D0036 (HHDC to HHDA) for one day: one {@code 101}/{@code 102} per MPAN, one {@code 103} per period.
     *
     * @param mpans    MPAN cores (13 digits).
     * @param epochDay the Settlement Day.
     * @param periods  the day's periods.
     * @param fileId   the DTC File Identifier.
     * @return the file's bytes.
     */
    public byte[] d0036(final long[] mpans, final long epochDay, final int periods, final String fileId)
    {
        final FlatFileWriter w = new FlatFileWriter(catalogue.flow("D0036")).start(new FileHeader("D0036001",
            fileId, "C", "HHDC", "X", "SUPP", CREATED, 0, "OPER"));
        final int date = EpochDays.yyyymmdd(epochDay);
        for (final long mpan : mpans)
        {
            w.record("101").text(Long.toString(mpan)).text("AI").text("SUPP").end();
            w.record("102").date(date).end();
            for (int p = 1; p <= periods; p++)
            {
                w.record("103").character(p % 7 == 0 ? 'E' : 'A').decimal((mpan % 97 + p) * 0.125).end();
            }
        }
        return w.finish();
    }

    /**
     * A small D0265 (pool transfer format) for one distributor, LLFC and day.
     *
     * @param distributor the distributor MPID (4 characters).
     * @param llfc        the LLFC (3 characters).
     * @param epochDay    the Settlement Day.
     * @param periods     the day's periods.
     * @return the file's bytes.
     */
    public byte[] d0265(final String distributor, final String llfc, final long epochDay, final int periods)
    {
        final FlatFileWriter w = new FlatFileWriter(catalogue.flow("D0265")).start(new FileHeader("D0265001", "",
            "R", distributor, "G", "CAPG", CREATED, 0, "OPER"));
        w.record("DIS").text(distributor).end();
        w.record("LLF").text(llfc).end();
        w.record("SDT").date(EpochDays.yyyymmdd(epochDay)).end();
        for (int p = 1; p <= periods; p++)
        {
            w.record("SPL").integer(p).decimal(1.0 + p * 0.001).end();
        }
        return w.finish();
    }

    /**
     * Writes a day's engine-bound flow files (C0421, ECVN, MVRN; each only when the bundle has rows for it) and,
     * when settled figures are given, its S0142 into a folder, under IDD-style names ({@code CD<yyyymmdd>C421}, {@code EC<yyyymmdd>E041},
     * {@code EC<yyyymmdd>E051}, {@code SA<yyyymmdd>S142}).
     *
     * @param bundle  the day.
     * @param settled the settled figures, or null for no S0142.
     * @param dir     the folder (created if missing).
     * @return the file names written, in order.
     */
    public List<String> writeDay(final DayBundle bundle, final SettlementFigures settled, final Path dir)
    {
        final int date = EpochDays.yyyymmdd(bundle.epochDay());
        final Map<String, byte[]> files = new LinkedHashMap<>();
        // A flow with nothing to say is not sent: ABV, EDN and MDN are 1-* (an empty file would be rejected).
        if (bundle.meteredVolumes().count() > 0)
        {
            files.put("CD" + date + "C421", c0421(bundle, 1));
        }
        if (bundle.ecvn().count() > 0)
        {
            files.put("EC" + date + "E041", ecvn(bundle, 1));
        }
        if (bundle.mvrn().count() > 0)
        {
            files.put("EC" + date + "E051", mvrn(bundle, 2));
        }
        if (settled != null)
        {
            files.put("SA" + date + "S142", s0142(bundle.registry(), settled, bundle.epochDay(), bundle.run(), 1));
        }
        try
        {
            Files.createDirectories(dir);
            for (final Map.Entry<String, byte[]> e : files.entrySet())
            {
                Files.write(dir.resolve(e.getKey()), e.getValue());
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write flow files into " + dir, ex);
        }
        return new ArrayList<>(files.keySet());
    }

    private static void quantities(final FlatFileWriter w, final RecordDefinition def,
        final SettlementFigures figures, final int subject, final int period, final String subjectText)
    {
        w.record(def.id());
        for (int f = 0; f < def.fieldCount(); f++)
        {
            final String name = def.field(f).name();
            Quantity quantity = null;
            for (final Quantity q : Quantity.values())
            {
                if (q.recordId().equals(def.id()) && q.fieldName().equals(name))
                {
                    quantity = q;
                }
            }
            if (quantity != null)
            {
                final double v = figures.get(quantity, subject, period);
                w.decimal(Double.isNaN(v) ? 0.0 : v);
            }
            else if (f == 0)
            {
                w.text(subjectText);
            }
            else
            {
                w.empty();
            }
        }
        w.end();
    }

    private static boolean hasFigures(final SettlementFigures figures, final int party, final List<Integer> units,
        final int periods)
    {
        for (int p = 1; p <= periods; p++)
        {
            for (int type = 0; type < 2; type++)
            {
                if (!Double.isNaN(figures.get(Quantity.CREDITED_ENERGY, EnergyAccount.index(party, type == 0), p)))
                {
                    return true;
                }
            }
            for (final int u : units)
            {
                if (!Double.isNaN(figures.get(Quantity.METERED_VOLUME, u, p)))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static void place(final List<List<int[]>> notifications, final int row, final int period)
    {
        for (final List<int[]> n : notifications)
        {
            boolean taken = false;
            for (final int[] r : n)
            {
                taken |= r[1] == period;
            }
            if (!taken)
            {
                n.add(new int[] {row, period});
                return;
            }
        }
        final List<int[]> n = new ArrayList<>();
        n.add(new int[] {row, period});
        notifications.add(n);
    }

    private static double[] nanArray(final int n)
    {
        final double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }

    private static FileHeader idd(final String fileType, final String fromRole, final long sequence)
    {
        return new FileHeader(fileType, "", fromRole, "UKDC", "BP", "GBSETTLE", CREATED, sequence, "OPER");
    }
}
