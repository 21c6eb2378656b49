package io.gbsettle.core.registry;

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
     * Seasonal TLFs by GSP Group.
     */
    TLF("tlf.csv");

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
