package io.gbsettle.core.registry;

/**
 * One rule a registry record breaks, located by table, line and field so that a loader can report it against the
 * file the record came from.
 *
 * @param table  which kind of record.
 * @param line   the record's line as the caller gave it (a CSV loader passes the physical line; records added
 *               without a line are numbered as if written to a file with a header, so the first is line 2).
 * @param field  the field, named as its CSV column (for example {@code lead_party_id}).
 * @param value  the offending value as text, or empty.
 * @param reason what is wrong.
 */
public record RegistryProblem(Table table, int line, String field, String value, String reason)
{
    /**
     * The kinds of registry record, each named as its CSV file without the extension.
     */
    public enum Table
    {
        /**
         * Parties: {@code party_id,name}.
         */
        PARTIES("parties"),

        /**
         * BM Unit registration versions.
         */
        BM_UNITS("bm_units"),

        /**
         * Seasonal TLFs by GSP Group.
         */
        TLF("tlf");

        private final String tableName;

        Table(final String tableName)
        {
            this.tableName = tableName;
        }

        /**
         * @return the table's name, which is also its CSV file's name without {@code .csv}.
         */
        public String tableName()
        {
            return tableName;
        }
    }

    /**
     * One-line form: {@code bm_units:3 field 'tlf' value '0.9': TLF outside the sane range [-0.5, 0.5]}.
     *
     * @return the problem as a single line of text.
     */
    public String describe()
    {
        final StringBuilder sb = new StringBuilder(96).append(table.tableName()).append(':').append(line);
        if (!field.isEmpty())
        {
            sb.append(" field '").append(field).append('\'');
        }
        if (!value.isEmpty())
        {
            sb.append(" value '").append(value).append('\'');
        }
        return sb.append(": ").append(reason).toString();
    }

    @Override
    public String toString()
    {
        return describe();
    }
}
