package io.gbsettle.adapters.sftp.reconcile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.gbsettle.adapters.sftp.format.FlowCatalogue;
import io.gbsettle.adapters.sftp.reconcile.SettlementFigures.Quantity;
import io.gbsettle.adapters.sftp.reconcile.SettlementFigures.Subject;
import io.gbsettle.core.files.CsvWriter;
import io.gbsettle.core.registry.EnergyAccount;
import io.gbsettle.core.registry.MarketRegistry;

/**
 * Compares the engine's figures for a day and run with Elexon's (from an S0142): metered volume, TLM, BM Unit
 * cashflow, credited energy, imbalance volume, CAEI, RCRC and system price, subject by subject and period by period.
 * Writes {@value #CSV_FILE} (one row per figure that differs or is on one side only: quantity, BM Unit or account,
 * period, engine value, Elexon value, difference) and {@value #SUMMARY_FILE} (counts and the largest absolute
 * difference per quantity).
 *
 * <p>Tolerance: a figure matches when the difference is within half a unit of the last decimal place the S0142
 * field carries (the flow definition's {@code decimal(n,d)}), since Elexon's figure is rounded to that; see
 * {@link #tolerance}.
 */
public final class Reconciliation
{
    /** The differences file. */
    public static final String CSV_FILE = "reconciliation.csv";
    /** The summary file. */
    public static final String SUMMARY_FILE = "reconciliation_summary.json";
    /** Columns of {@value #CSV_FILE}. */
    public static final List<String> HEADER = List.of("settlement_date", "quantity", "subject_kind", "subject",
        "settlement_period", "engine_value", "elexon_value", "difference");

    private static final Quantity[] QUANTITIES = Quantity.values();

    private final double[] tolerance = new double[QUANTITIES.length];

    /**
     * @param catalogue the flow definitions (the S0142 fields' decimal places set the tolerances).
     */
    public Reconciliation(final FlowCatalogue catalogue)
    {
        for (final Quantity q : QUANTITIES)
        {
            final int scale = catalogue.flow("S0142").record(q.recordId())
                .field(catalogue.flow("S0142").record(q.recordId()).requireField(q.fieldName())).scale();
            tolerance[q.ordinal()] = 0.5 * Math.pow(10, -scale) * (1 + 1e-9) + 1e-12;
        }
    }

    /**
     * @param q a quantity.
     * @return the absolute difference up to which its figures match.
     */
    public double tolerance(final Quantity q)
    {
        return tolerance[q.ordinal()];
    }

    /**
     * What a reconciliation found.
     *
     * @param compared       figures present on both sides.
     * @param differing      figures on both sides beyond tolerance.
     * @param engineOnly     figures only the engine has.
     * @param elexonOnly     figures only Elexon has.
     * @param differingBy    differing figures per quantity.
     * @param maxAbsDiff     largest absolute difference per quantity (0 when none).
     * @param unknownSubjects BM Units / parties in the S0142 the registry does not know.
     */
    public record Summary(
        long compared, long differing, long engineOnly, long elexonOnly, Map<Quantity, Long> differingBy,
        Map<Quantity, Double> maxAbsDiff, List<String> unknownSubjects)
    {
        /**
         * @return whether everything matched (no difference, nothing on one side only, no unknown subject).
         */
        public boolean clean()
        {
            return differing == 0 && engineOnly == 0 && elexonOnly == 0 && unknownSubjects.isEmpty();
        }

        /**
         * @return the summary as JSON.
         */
        public String toJson()
        {
            final StringBuilder b = new StringBuilder(512);
            b.append("{\n  \"compared\": ").append(compared).append(",\n  \"differing\": ").append(differing)
                .append(",\n  \"engineOnly\": ").append(engineOnly).append(",\n  \"elexonOnly\": ").append(elexonOnly)
                .append(",\n  \"quantities\": {");
            String sep = "\n";
            for (final Quantity q : QUANTITIES)
            {
                b.append(sep).append("    \"").append(q.name().toLowerCase(Locale.ROOT)).append("\": {\"differing\": ")
                    .append(differingBy.getOrDefault(q, 0L)).append(", \"maxAbsDifference\": ")
                    .append(CsvWriter.number(maxAbsDiff.getOrDefault(q, 0.0))).append('}');
                sep = ",\n";
            }
            b.append("\n  },\n  \"unknownSubjects\": [");
            for (int i = 0; i < unknownSubjects.size(); i++)
            {
                b.append(i == 0 ? "" : ", ").append('"').append(unknownSubjects.get(i).replace("\\", "\\\\")
                    .replace("\"", "\\\"")).append('"');
            }
            return b.append("]\n}\n").toString();
        }
    }

    /**
     * Compares and writes both files into {@code dir}.
     *
     * @param registry        names BM Units and parties.
     * @param date            the Settlement Day.
     * @param engine          the engine's figures.
     * @param elexon          Elexon's figures.
     * @param unknownSubjects subjects of the S0142 the registry does not know.
     * @param dir             the output folder (created if missing).
     * @return the summary.
     */
    public Summary reconcile(
        final MarketRegistry registry, final LocalDate date, final SettlementFigures engine,
        final SettlementFigures elexon, final List<String> unknownSubjects, final Path dir)
    {
        long compared = 0;
        long differing = 0;
        long engineOnly = 0;
        long elexonOnly = 0;
        final Map<Quantity, Long> differingBy = new EnumMap<>(Quantity.class);
        final Map<Quantity, Double> maxAbs = new EnumMap<>(Quantity.class);
        final int periods = Math.max(engine.periods(), elexon.periods());
        try
        {
            Files.createDirectories(dir);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create " + dir, ex);
        }
        try (CsvWriter out = CsvWriter.create(dir.resolve(CSV_FILE), HEADER))
        {
            for (final Quantity q : QUANTITIES)
            {
                final int subjects = engine.subjectCount(q.subject());
                double max = 0;
                for (int s = 0; s < subjects; s++)
                {
                    for (int p = 1; p <= periods; p++)
                    {
                        final double a = engine.get(q, s, p);
                        final double b = elexon.get(q, s, p);
                        final boolean hasA = !Double.isNaN(a);
                        final boolean hasB = !Double.isNaN(b);
                        if (!hasA && !hasB)
                        {
                            continue;
                        }
                        if (hasA && hasB)
                        {
                            compared++;
                            final double diff = a - b;
                            if (Math.abs(diff) <= tolerance[q.ordinal()])
                            {
                                continue;
                            }
                            differing++;
                            differingBy.merge(q, 1L, Long::sum);
                            max = Math.max(max, Math.abs(diff));
                        }
                        else if (hasA)
                        {
                            engineOnly++;
                        }
                        else
                        {
                            elexonOnly++;
                        }
                        out.field(date.toString()).field(q.name().toLowerCase(Locale.ROOT))
                            .field(q.subject().name().toLowerCase(Locale.ROOT)).field(subjectName(registry, q, s))
                            .field(Integer.toString(p)).field(hasA ? CsvWriter.number(a) : "")
                            .field(hasB ? CsvWriter.number(b) : "").field(hasA && hasB ? CsvWriter.number(a - b) : "")
                            .endRecord();
                    }
                }
                maxAbs.put(q, max);
            }
        }
        final Summary summary = new Summary(compared, differing, engineOnly, elexonOnly, differingBy, maxAbs,
            new ArrayList<>(unknownSubjects));
        try
        {
            Files.writeString(dir.resolve(SUMMARY_FILE), summary.toJson(), StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + SUMMARY_FILE, ex);
        }
        return summary;
    }

    /**
     * @param registry the registry.
     * @param q        the quantity.
     * @param subject  its subject index.
     * @return the BM Unit id, {@code PARTY/P} or {@code PARTY/C} for an account, empty for a period quantity.
     */
    public static String subjectName(final MarketRegistry registry, final Quantity q, final int subject)
    {
        if (q.subject() == Subject.BM_UNIT)
        {
            return registry.bmUnitId(subject);
        }
        if (q.subject() == Subject.ACCOUNT)
        {
            return registry.partyId(EnergyAccount.party(subject)) + (EnergyAccount.isProduction(subject) ? "/P" :
                "/C");
        }
        return "";
    }
}
