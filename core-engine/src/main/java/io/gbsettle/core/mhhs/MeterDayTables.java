package io.gbsettle.core.mhhs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.gbsettle.core.files.CsvReader;
import io.gbsettle.core.files.CsvWriter;
import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.input.InvalidInputException;
import io.gbsettle.core.kernel.aggregate.AggregationKeys;
import io.gbsettle.core.kernel.aggregate.GroupTakes;
import io.gbsettle.core.kernel.aggregate.LossFactors;
import io.gbsettle.core.registry.GspGroup;

/**
 * The small tables of a meter store, kept as CSV beside its columns:
 *
 * <pre>
 *   keys.csv       key,supplier_id,gsp_group,llfc,direction,correctable     one row per aggregation key, in key order
 *   llf.csv        llfc,settlement_period,llf                                D0265 factors, llfc = MPID/code
 *   gsp_take.csv   gsp_group,settlement_period,take_mwh                      GSP Group Take (6 decimals: Wh)
 * </pre>
 *
 * Supplier and LLFC indices are given in order of first appearance (LLFCs of llf.csv first).
 */
public final class MeterDayTables
{
    /** Aggregation keys. */
    public static final String KEYS_FILE = "keys.csv";
    /** Line Loss Factors. */
    public static final String LLF_FILE = "llf.csv";
    /** GSP Group Takes. */
    public static final String TAKE_FILE = "gsp_take.csv";

    private final int periods;
    private final AggregationKeys keys;
    private final List<String> suppliers;
    private final List<String> llfcs;
    private final LossFactors lossFactors;
    private final GroupTakes takes;

    /**
     * @param periods     periods of the day.
     * @param keys        aggregation keys.
     * @param suppliers   supplier ids by supplier index.
     * @param llfcs       LLFC ids by LLFC index.
     * @param lossFactors factors by LLFC index.
     * @param takes       GSP Group Takes.
     */
    public MeterDayTables(
        final int periods, final AggregationKeys keys, final List<String> suppliers, final List<String> llfcs,
        final LossFactors lossFactors, final GroupTakes takes)
    {
        this.periods = periods;
        this.keys = keys;
        this.suppliers = List.copyOf(suppliers);
        this.llfcs = List.copyOf(llfcs);
        this.lossFactors = lossFactors;
        this.takes = takes;
    }

    /**
     * @return aggregation keys.
     */
    public AggregationKeys keys()
    {
        return keys;
    }

    /**
     * @return supplier ids by index.
     */
    public List<String> suppliers()
    {
        return suppliers;
    }

    /**
     * @return LLFC ids by index.
     */
    public List<String> llfcs()
    {
        return llfcs;
    }

    /**
     * @return Line Loss Factors.
     */
    public LossFactors lossFactors()
    {
        return lossFactors;
    }

    /**
     * @return GSP Group Takes.
     */
    public GroupTakes takes()
    {
        return takes;
    }

    /**
     * Writes the three tables into a store directory.
     *
     * @param dir the store directory.
     */
    public void write(final Path dir)
    {
        try (CsvWriter out = CsvWriter.create(dir.resolve(KEYS_FILE)))
        {
            out.field("key").field("supplier_id").field("gsp_group").field("llfc").field("direction")
                .field("correctable").endRecord();
            for (int k = 0; k < keys.count(); k++)
            {
                out.field(Integer.toString(k)).field(suppliers.get(keys.supplier(k)))
                    .field(GspGroup.id(keys.gspGroup(k))).field(llfcs.get(keys.llfc(k)))
                    .field(keys.export(k) ? "E" : "I").field(keys.correctable(k) ? "T" : "F").endRecord();
            }
        }
        try (CsvWriter out = CsvWriter.create(dir.resolve(LLF_FILE)))
        {
            out.field("llfc").field("settlement_period").field("llf").endRecord();
            for (int c = 0; c < lossFactors.classes(); c++)
            {
                for (int p = 1; p <= periods; p++)
                {
                    final int f = lossFactors.get(c, p);
                    if (f != LossFactors.NONE)
                    {
                        out.field(llfcs.get(c)).field(Integer.toString(p)).field(MeterText.scaled(f, 6))
                            .endRecord();
                    }
                }
            }
        }
        try (CsvWriter out = CsvWriter.create(dir.resolve(TAKE_FILE)))
        {
            out.field("gsp_group").field("settlement_period").field("take_mwh").endRecord();
            for (int g = 0; g < GspGroup.COUNT; g++)
            {
                for (int p = 1; p <= periods; p++)
                {
                    final long take = takes.get(g, p);
                    if (take != GroupTakes.NONE)
                    {
                        out.field(GspGroup.id(g)).field(Integer.toString(p)).field(MeterText.scaled(take, 6))
                            .endRecord();
                    }
                }
            }
        }
    }

    /**
     * Reads the tables of a store directory.
     *
     * @param dir     the store directory.
     * @param periods periods of the day.
     * @return the tables.
     * @throws InvalidInputException listing every row that cannot be read.
     */
    public static MeterDayTables read(final Path dir, final int periods)
    {
        final List<InputProblem> problems = new ArrayList<>();
        final Map<String, Integer> llfcIndex = new HashMap<>();
        final List<String> llfcs = new ArrayList<>();
        final List<int[]> llfRows = new ArrayList<>();
        try (CsvReader in = CsvReader.open(dir.resolve(LLF_FILE)))
        {
            final int[] c = in.requireColumns(problems, "llfc", "settlement_period", "llf");
            while (problems.isEmpty() && in.next())
            {
                final String id = in.field(c[0]);
                final long period = in.wholeNumber(c[1], -1, -1, problems);
                final double llf = in.decimal(c[2], -1, -1, problems);
                if (period < 1 || period > periods || llf < 0)
                {
                    problems.add(in.problem(c[1], "period or LLF out of range"));
                    continue;
                }
                final int index = llfcIndex.computeIfAbsent(id, k ->
                {
                    llfcs.add(k);
                    return llfcs.size() - 1;
                });
                llfRows.add(new int[] {index, (int)period, LossFactors.millionths(llf)});
            }
        }
        final AggregationKeys keys = new AggregationKeys();
        final Map<String, Integer> supplierIndex = new HashMap<>();
        final List<String> suppliers = new ArrayList<>();
        try (CsvReader in = CsvReader.open(dir.resolve(KEYS_FILE)))
        {
            final int[] c = in.requireColumns(problems, "key", "supplier_id", "gsp_group", "llfc", "direction",
                "correctable");
            while (problems.isEmpty() && in.next())
            {
                final int supplier = supplierIndex.computeIfAbsent(in.field(c[1]), k ->
                {
                    suppliers.add(k);
                    return suppliers.size() - 1;
                });
                final int gsp = GspGroup.index(in.field(c[2]));
                final int llfc = llfcIndex.computeIfAbsent(in.field(c[3]), k ->
                {
                    llfcs.add(k);
                    return llfcs.size() - 1;
                });
                final boolean export = in.flag(c[4], "E", "I", problems);
                final boolean correctable = in.flag(c[5], "T", "F", problems);
                if (gsp == GspGroup.NONE)
                {
                    problems.add(in.problem(c[2], "unknown GSP Group"));
                    continue;
                }
                final int key = keys.key(supplier, gsp, llfc, export, correctable);
                if (key != in.wholeNumber(c[0], -1, -1, problems))
                {
                    problems.add(in.problem(c[0], "keys must be listed once each, in order from 0"));
                }
            }
        }
        final LossFactors lossFactors = new LossFactors(llfcs.size(), periods);
        for (final int[] row : llfRows)
        {
            lossFactors.set(row[0], row[1], row[2]);
        }
        final GroupTakes takes = new GroupTakes(periods);
        try (CsvReader in = CsvReader.open(dir.resolve(TAKE_FILE)))
        {
            final int[] c = in.requireColumns(problems, "gsp_group", "settlement_period", "take_mwh");
            while (problems.isEmpty() && in.next())
            {
                final int gsp = GspGroup.index(in.field(c[0]));
                final long period = in.wholeNumber(c[1], -1, -1, problems);
                final long wh = MeterText.parseScaled(in.field(c[2]), 6);
                if (gsp == GspGroup.NONE || period < 1 || period > periods || wh == MeterText.INVALID)
                {
                    problems.add(in.problem(c[2], "GSP Group, period or take not valid"));
                    continue;
                }
                takes.set(gsp, (int)period, wh);
            }
        }
        if (!problems.isEmpty())
        {
            throw new InvalidInputException("the meter store's tables in " + dir + " cannot be read", problems);
        }
        return new MeterDayTables(periods, keys, suppliers, llfcs, lossFactors, takes);
    }

    static void deleteIfExists(final Path file)
    {
        try
        {
            Files.deleteIfExists(file);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot delete " + file, ex);
        }
    }
}
