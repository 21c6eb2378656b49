package io.gbsettle.core.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.input.InvalidInputException;
import io.gbsettle.core.registry.GspGroup;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.RegistryBuilder;
import io.gbsettle.core.registry.RegistryTable;
import io.gbsettle.core.registry.RegistryText;
import io.gbsettle.core.registry.Season;

import static io.gbsettle.core.registry.MarketRegistry.NO_TLF;
import static io.gbsettle.core.registry.MarketRegistry.OPEN_END;
import static io.gbsettle.core.registry.MarketRegistry.OPEN_START;

/**
 * Loads a {@link MarketRegistry} from, and writes one to, a directory of CSV files (UTF-8, header line first,
 * column names case-insensitive, extra columns ignored):
 *
 * <pre>
 *   parties.csv    party_id,name
 *   bm_units.csv   bm_unit_id,lead_party_id,pc_status,trading_unit_id,interconnector,gsp_group,tlf
 *                  [,effective_from,effective_to]
 *   tlf.csv        gsp_group,season,tlf[,effective_from,effective_to]                      (optional file)
 * </pre>
 *
 * <ul>
 *   <li>{@code pc_status} is {@code P} (Production) or {@code C} (Consumption); {@code interconnector} is {@code Y}
 *       or {@code N} (both case-insensitive).</li>
 *   <li>{@code gsp_group} is a GSP Group id {@code _A} .. {@code _P}, case-insensitive ({@code _a} is {@code _A};
 *       written upper case); blank only for an interconnector.</li>
 *   <li>{@code tlf} in {@code bm_units.csv} is the BM Unit's own TLF, or blank to use its zone's seasonal TLF from
 *       {@code tlf.csv} (else 0); any TLF counts only from 1 April 2018 (P350), see {@link MarketRegistry}. In
 *       {@code tlf.csv} it is required, and {@code season} is {@code WINTER}, {@code SPRING}, {@code SUMMER} or
 *       {@code AUTUMN} (case-insensitive).</li>
 *   <li>{@code effective_from} and {@code effective_to} are ISO dates ({@code 2024-04-01}), inclusive, blank for an
 *       open end; both columns are optional in both files. One BM Unit may have several rows (versions) that must
 *       not overlap; likewise one zone and season may have several rows in {@code tlf.csv} (typically one a BSC
 *       year, since TLFs are re-determined every year) that must not overlap.</li>
 * </ul>
 *
 * <p>Loading collects every problem in every file, each with file, line, column, value and reason, then throws
 * {@link InvalidInputException}; nothing is returned half-loaded. A row with a value that cannot be read at all
 * (a bad P/C status, flag, number, season or date) is reported and then left out, so that the rules that depend on
 * it do not add follow-on problems; and when a required file or column is missing, only the structural and
 * per-value problems are reported, not the cross-file rules (which would flag every row). Values checked after
 * parsing (a TLF's range) are reported in canonical form: {@code 5e-1} is shown as {@code 0.5}.
 */
public final class RegistryCsv
{
    /**
     * The parties file's name.
     */
    public static final String PARTIES_FILE = RegistryTable.PARTIES.fileName();

    /**
     * The BM Units file's name.
     */
    public static final String BM_UNITS_FILE = RegistryTable.BM_UNITS.fileName();

    /**
     * The optional seasonal TLF file's name.
     */
    public static final String TLF_FILE = RegistryTable.TLF.fileName();


    private RegistryCsv()
    {
    }

    /**
     * Loads a registry from {@code parties.csv}, {@code bm_units.csv} and, when present, {@code tlf.csv}.
     *
     * @param dir the directory holding the files.
     * @return the registry.
     * @throws InvalidInputException carrying every problem found, if any file is missing or malformed.
     * @throws UncheckedIOException  if a file exists but cannot be read.
     */
    public static MarketRegistry load(final Path dir)
    {
        final List<InputProblem> problems = new ArrayList<>();
        final RegistryBuilder builder = new RegistryBuilder();
        boolean structureValid = isPresent(dir.resolve(PARTIES_FILE), problems) &&
            read(dir.resolve(PARTIES_FILE), RegistryCsv::readParties, builder, problems);
        structureValid &= isPresent(dir.resolve(BM_UNITS_FILE), problems) &&
            read(dir.resolve(BM_UNITS_FILE), RegistryCsv::readBmUnits, builder, problems);
        final Path tlfFile = dir.resolve(TLF_FILE);
        if (Files.exists(tlfFile))
        {
            structureValid &= read(tlfFile, RegistryCsv::readTlfs, builder, problems);
        }
        if (structureValid)
        {
            problems.addAll(builder.validate());
        }
        if (!problems.isEmpty())
        {
            problems.sort(RegistryTable.PROBLEM_ORDER);
            throw new InvalidInputException("market registry from " + dir, problems);
        }
        return builder.build();
    }

    /**
     * Writes a registry as {@code parties.csv}, {@code bm_units.csv} and {@code tlf.csv} (both always with the
     * effective date columns; {@code tlf.csv} header only when there are no seasonal TLFs), replacing any existing
     * files. The output is a pure function of the registry, so equal registries give identical bytes, and
     * {@link #load(Path)} reads it back to an equal registry.
     *
     * @param registry the registry.
     * @param dir      the directory, created if missing.
     * @throws UncheckedIOException if a file cannot be written.
     */
    public static void write(final MarketRegistry registry, final Path dir)
    {
        try
        {
            Files.createDirectories(dir);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create " + dir + ": " + ex.getMessage(), ex);
        }
        writeParties(registry, dir.resolve(PARTIES_FILE));
        writeBmUnits(registry, dir.resolve(BM_UNITS_FILE));
        writeTlfs(registry, dir.resolve(TLF_FILE));
    }

    /**
     * Opens a file and reads its records into the builder; a problem the reader throws (a malformed file) is
     * collected like any other.
     *
     * @return false when the file's structure (a required column, quoting) is broken, so the cross-file rules must
     * be skipped.
     */
    private static boolean read(
        final Path file, final TableReader reader, final RegistryBuilder builder, final List<InputProblem> problems)
    {
        return CsvReader.read(file, Boolean.FALSE, problems, (csv) -> reader.read(csv, builder, problems));
    }

    private static boolean readParties(
        final CsvReader csv, final RegistryBuilder builder, final List<InputProblem> problems)
    {
        final int[] columns = csv.requireColumns(problems, "party_id", "name");
        if (null == columns)
        {
            return false;
        }
        final int partyId = columns[0];
        final int name = columns[1];
        while (csv.next())
        {
            builder.party(csv.line(), csv.field(partyId), csv.field(name));
        }
        return true;
    }

    private static boolean readBmUnits(
        final CsvReader csv, final RegistryBuilder builder, final List<InputProblem> problems)
    {
        final int[] columns = csv.requireColumns(problems,
            "bm_unit_id", "lead_party_id", "pc_status", "trading_unit_id", "interconnector", "gsp_group", "tlf");
        if (null == columns)
        {
            return false;
        }
        final int bmUnitId = columns[0];
        final int leadPartyId = columns[1];
        final int pcStatus = columns[2];
        final int tradingUnitId = columns[3];
        final int interconnector = columns[4];
        final int gspGroup = columns[5];
        final int tlf = columns[6];
        final int effectiveFrom = csv.column("effective_from");
        final int effectiveTo = csv.column("effective_to");
        while (csv.next())
        {
            final int rowStart = problems.size();
            final boolean production = csv.flag(pcStatus, "P", "C", problems);
            final boolean isInterconnector = csv.flag(interconnector, "Y", "N", problems);
            final double ownTlf = csv.decimal(tlf, NO_TLF, NO_TLF, problems);
            final long from = csv.epochDay(effectiveFrom, OPEN_START, OPEN_START, problems);
            final long to = csv.epochDay(effectiveTo, OPEN_END, OPEN_END, problems);
            if (problems.size() == rowStart)
            {
                builder.bmUnit(csv.line(), csv.field(bmUnitId), csv.field(leadPartyId), production,
                    csv.field(tradingUnitId), isInterconnector, csv.field(gspGroup), ownTlf, from, to);
            }
        }
        return true;
    }

    private static boolean readTlfs(
        final CsvReader csv, final RegistryBuilder builder, final List<InputProblem> problems)
    {
        final int[] columns = csv.requireColumns(problems, "gsp_group", "season", "tlf");
        if (null == columns)
        {
            return false;
        }
        final int gspGroup = columns[0];
        final int season = columns[1];
        final int tlf = columns[2];
        final int effectiveFrom = csv.column("effective_from");
        final int effectiveTo = csv.column("effective_to");
        while (csv.next())
        {
            final int rowStart = problems.size();
            final int seasonIndex = Season.index(csv.field(season));
            if (Season.NONE == seasonIndex)
            {
                problems.add(csv.problem(season, "unknown season; expected WINTER, SPRING, SUMMER or AUTUMN"));
            }
            final double value = csv.decimal(tlf, NO_TLF, NO_TLF, problems);
            final long from = csv.epochDay(effectiveFrom, OPEN_START, OPEN_START, problems);
            final long to = csv.epochDay(effectiveTo, OPEN_END, OPEN_END, problems);
            if (problems.size() == rowStart)
            {
                builder.seasonalTlf(csv.line(), csv.field(gspGroup), seasonIndex, value, from, to);
            }
        }
        return true;
    }

    private static boolean isPresent(final Path file, final List<InputProblem> problems)
    {
        if (Files.isRegularFile(file))
        {
            return true;
        }
        problems.add(new InputProblem(file.getFileName().toString(), 0, "", "", "required file is missing"));
        return false;
    }

    private static void writeParties(final MarketRegistry registry, final Path file)
    {
        try (CsvWriter csv = CsvWriter.create(file))
        {
            csv.field("party_id").field("name").endRecord();
            for (int p = 0; p < registry.partyCount(); p++)
            {
                csv.field(registry.partyId(p)).field(registry.partyName(p)).endRecord();
            }
        }
    }

    private static void writeBmUnits(final MarketRegistry registry, final Path file)
    {
        try (CsvWriter csv = CsvWriter.create(file))
        {
            csv.field("bm_unit_id").field("lead_party_id").field("pc_status").field("trading_unit_id")
                .field("interconnector").field("gsp_group").field("tlf").field("effective_from").field("effective_to")
                .endRecord();
            for (int v = 0; v < registry.versionCount(); v++)
            {
                final int bmUnit = registry.versionBmUnit(v);
                final int gspGroup = registry.versionGspGroup(v);
                csv.field(registry.bmUnitId(bmUnit))
                    .field(registry.partyId(registry.versionLeadParty(v)))
                    .field(registry.versionProduction(v) ? "P" : "C")
                    .field(registry.tradingUnitId(registry.versionTradingUnit(v)))
                    .field(registry.interconnector(bmUnit) ? "Y" : "N")
                    .field(GspGroup.NONE == gspGroup ? "" : GspGroup.id(gspGroup))
                    .field(RegistryText.tlf(registry.versionRegisteredTlf(v)))
                    .field(RegistryText.date(registry.versionEffectiveFrom(v)))
                    .field(RegistryText.date(registry.versionEffectiveTo(v)))
                    .endRecord();
            }
        }
    }

    private static void writeTlfs(final MarketRegistry registry, final Path file)
    {
        try (CsvWriter csv = CsvWriter.create(file))
        {
            csv.field("gsp_group").field("season").field("tlf").field("effective_from").field("effective_to")
                .endRecord();
            for (int e = 0; e < registry.seasonalTlfCount(); e++)
            {
                csv.field(GspGroup.id(registry.seasonalTlfGspGroup(e)))
                    .field(Season.name(registry.seasonalTlfSeason(e)))
                    .field(RegistryText.tlf(registry.seasonalTlfValue(e)))
                    .field(RegistryText.date(registry.seasonalTlfEffectiveFrom(e)))
                    .field(RegistryText.date(registry.seasonalTlfEffectiveTo(e)))
                    .endRecord();
            }
        }
    }

    /**
     * Reads one file's records into a builder, once the file is open.
     */
    @FunctionalInterface
    private interface TableReader
    {
        /**
         * @return false when a required column is missing.
         */
        boolean read(CsvReader csv, RegistryBuilder builder, List<InputProblem> problems);
    }
}
