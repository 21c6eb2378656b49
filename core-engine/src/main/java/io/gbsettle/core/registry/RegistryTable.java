package io.gbsettle.core.registry;

import java.util.Comparator;

import io.gbsettle.core.input.InputProblem;

/**
 * The kinds of registry record, each named as the CSV file it is loaded from, in the order problems are reported.
 */
public enum RegistryTable
{
    /**
     * Parties: {@code party_id,name}.
     */
    PARTIES("parties.csv"),

    /**
     * BM Unit registration versions.
     */
    BM_UNITS("bm_units.csv"),

    /**
     * Seasonal TLFs by GSP Group, effective-dated.
     */
    TLF("tlf.csv");

    /**
     * The order every registry problem list is reported in: by table ({@link #reportOrder(String)}), then line;
     * problems on one line keep the order they were found in (list sorting is stable).
     */
    public static final Comparator<InputProblem> PROBLEM_ORDER =
        Comparator.comparingInt((final InputProblem p) -> reportOrder(p.source())).thenComparingInt(InputProblem::line);

    private final String fileName;

    RegistryTable(final String fileName)
    {
        this.fileName = fileName;
    }

    /**
     * @return the CSV file this table is loaded from and problems with it are reported against.
     */
    public String fileName()
    {
        return fileName;
    }

    /**
     * @param fileName a file name as reported in a problem.
     * @return its table's position in report order, or {@link #values()}.length for any other file.
     */
    public static int reportOrder(final String fileName)
    {
        for (final RegistryTable table : values())
        {
            if (table.fileName.equals(fileName))
            {
                return table.ordinal();
            }
        }
        return values().length;
    }
}
