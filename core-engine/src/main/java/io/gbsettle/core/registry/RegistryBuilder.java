package io.gbsettle.core.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.input.InvalidInputException;
import org.agrona.collections.IntArrayList;
import org.agrona.collections.Object2IntHashMap;

import static io.gbsettle.core.registry.MarketRegistry.MAX_TLF;
import static io.gbsettle.core.registry.MarketRegistry.MIN_TLF;
import static io.gbsettle.core.registry.MarketRegistry.NO_INDEX;
import static io.gbsettle.core.registry.MarketRegistry.OPEN_END;
import static io.gbsettle.core.registry.MarketRegistry.OPEN_START;

/**
 * Collects parties, BM Unit registration versions and seasonal TLFs, then checks every rule at once and builds an
 * immutable {@link MarketRegistry}. Used by tests, by {@link SyntheticRegistry} and by the CSV loader, so all three
 * obey the same rules:
 *
 * <ul>
 *   <li>parties: non-blank id, unique; non-blank name;</li>
 *   <li>BM Unit versions: non-blank BM Unit id, lead party id and trading unit id; the lead party exists; a GSP
 *       Group id from {@link GspGroup} (any case; blank allowed for an interconnector only); TLF blank ({@link
 *       MarketRegistry#NO_TLF}) or within [{@link MarketRegistry#MIN_TLF}, {@link MarketRegistry#MAX_TLF}];
 *       effective_from not after effective_to; the versions of one BM Unit do not overlap and agree on the
 *       interconnector flag ([I] the flag is a property of the BM Unit, not of a version: an interconnector BM Unit
 *       never becomes another kind);</li>
 *   <li>seasonal TLFs: a known GSP Group (any case) and season, a TLF in range, effective_from not after
 *       effective_to; the entries of one zone and season do not overlap (TLFs are re-determined every BSC year, so
 *       a zone and season has one entry a year, each effective for that year).</li>
 * </ul>
 *
 * <p>Effective dates are inclusive epoch days, {@link MarketRegistry#OPEN_START} / {@link MarketRegistry#OPEN_END}
 * for an open end, the same for BM Unit versions and seasonal TLFs.
 *
 * <p>Order does not matter: a BM Unit version may name a party added later. Every record carries a line number for
 * its problems; the methods without one number records as if written to a CSV file with a header line (the first
 * record of each table is line 2). Use one style or the other, not both, for a table.
 *
 * <p>Not thread-safe; load-time only (it allocates freely).
 */
public final class RegistryBuilder
{
    private static final String PARTY_ID = "party_id";
    private static final String NAME = "name";
    private static final String BM_UNIT_ID = "bm_unit_id";
    private static final String LEAD_PARTY_ID = "lead_party_id";
    private static final String TRADING_UNIT_ID = "trading_unit_id";
    private static final String INTERCONNECTOR = "interconnector";
    private static final String GSP_GROUP = "gsp_group";
    private static final String TLF = "tlf";
    private static final String SEASON = "season";
    private static final String EFFECTIVE_FROM = "effective_from";
    private static final String EFFECTIVE_TO = "effective_to";
    private static final String TLF_RANGE_REASON = "TLF outside the sane range [" + MIN_TLF + ", " + MAX_TLF + "]";
    private static final int TLF_SLOTS = GspGroup.COUNT * Season.COUNT;

    private final ArrayList<PartyRecord> parties = new ArrayList<>();
    private final ArrayList<VersionRecord> versions = new ArrayList<>();
    private final ArrayList<TlfRecord> tlfs = new ArrayList<>();

    /**
     * An empty builder; see also {@link MarketRegistry#builder()}.
     */
    public RegistryBuilder()
    {
    }

    /**
     * Adds a party, numbered as the next line of {@code parties}.
     *
     * @param partyId the party's id, for example {@code BGAS}.
     * @param name    the party's name.
     * @return this builder.
     */
    public RegistryBuilder party(final String partyId, final String name)
    {
        return party(parties.size() + 2, partyId, name);
    }

    /**
     * Adds a party read from a given line.
     *
     * @param line    where problems with this record are reported.
     * @param partyId the party's id.
     * @param name    the party's name.
     * @return this builder.
     */
    public RegistryBuilder party(final int line, final String partyId, final String name)
    {
        parties.add(new PartyRecord(line, Objects.requireNonNull(partyId), Objects.requireNonNull(name)));
        return this;
    }

    /**
     * Adds an open-ended BM Unit version (in force on every day), numbered as the next line of {@code bm_units}.
     *
     * @param bmUnitId       the BM Unit's id.
     * @param leadPartyId    the lead party's id.
     * @param production     true for Production status, false for Consumption.
     * @param tradingUnitId  the trading unit's id.
     * @param interconnector true for an interconnector BM Unit.
     * @param gspGroupId     GSP Group id such as {@code _A}, or empty (interconnectors only).
     * @param tlf            the BM Unit's own TLF, or {@link MarketRegistry#NO_TLF} to use the seasonal table.
     * @return this builder.
     */
    public RegistryBuilder bmUnit(
        final String bmUnitId,
        final String leadPartyId,
        final boolean production,
        final String tradingUnitId,
        final boolean interconnector,
        final String gspGroupId,
        final double tlf)
    {
        return bmUnit(
            versions.size() + 2, bmUnitId, leadPartyId, production, tradingUnitId, interconnector, gspGroupId, tlf,
            OPEN_START, OPEN_END);
    }

    /**
     * Adds a BM Unit version, numbered as the next line of {@code bm_units}.
     *
     * @param bmUnitId       the BM Unit's id.
     * @param leadPartyId    the lead party's id.
     * @param production     true for Production status, false for Consumption.
     * @param tradingUnitId  the trading unit's id.
     * @param interconnector true for an interconnector BM Unit.
     * @param gspGroupId     GSP Group id such as {@code _A}, or empty (interconnectors only).
     * @param tlf            the BM Unit's own TLF, or {@link MarketRegistry#NO_TLF} to use the seasonal table.
     * @param effectiveFrom  first day in force (inclusive, epoch day), or {@link MarketRegistry#OPEN_START}.
     * @param effectiveTo    last day in force (inclusive, epoch day), or {@link MarketRegistry#OPEN_END}.
     * @return this builder.
     */
    public RegistryBuilder bmUnit(
        final String bmUnitId,
        final String leadPartyId,
        final boolean production,
        final String tradingUnitId,
        final boolean interconnector,
        final String gspGroupId,
        final double tlf,
        final long effectiveFrom,
        final long effectiveTo)
    {
        return bmUnit(
            versions.size() + 2, bmUnitId, leadPartyId, production, tradingUnitId, interconnector, gspGroupId, tlf,
            effectiveFrom, effectiveTo);
    }

    /**
     * Adds a BM Unit version read from a given line.
     *
     * @param line           where problems with this record are reported.
     * @param bmUnitId       the BM Unit's id.
     * @param leadPartyId    the lead party's id.
     * @param production     true for Production status, false for Consumption.
     * @param tradingUnitId  the trading unit's id.
     * @param interconnector true for an interconnector BM Unit.
     * @param gspGroupId     GSP Group id such as {@code _A}, or empty (interconnectors only).
     * @param tlf            the BM Unit's own TLF, or {@link MarketRegistry#NO_TLF} to use the seasonal table.
     * @param effectiveFrom  first day in force (inclusive, epoch day), or {@link MarketRegistry#OPEN_START}.
     * @param effectiveTo    last day in force (inclusive, epoch day), or {@link MarketRegistry#OPEN_END}.
     * @return this builder.
     */
    public RegistryBuilder bmUnit(
        final int line,
        final String bmUnitId,
        final String leadPartyId,
        final boolean production,
        final String tradingUnitId,
        final boolean interconnector,
        final String gspGroupId,
        final double tlf,
        final long effectiveFrom,
        final long effectiveTo)
    {
        versions.add(new VersionRecord(
            line,
            Objects.requireNonNull(bmUnitId),
            Objects.requireNonNull(leadPartyId),
            production,
            Objects.requireNonNull(tradingUnitId),
            interconnector,
            Objects.requireNonNull(gspGroupId),
            tlf == 0.0 ? 0.0 : tlf,
            effectiveFrom,
            effectiveTo));
        return this;
    }

    /**
     * Adds a zone's seasonal TLF in force on every day, numbered as the next line of {@code tlf}.
     *
     * @param gspGroupId GSP Group (TLF zone) id such as {@code _N}.
     * @param season     {@link Season} index.
     * @param tlf        the TLF.
     * @return this builder.
     */
    public RegistryBuilder seasonalTlf(final String gspGroupId, final int season, final double tlf)
    {
        return seasonalTlf(tlfs.size() + 2, gspGroupId, season, tlf, OPEN_START, OPEN_END);
    }

    /**
     * Adds a zone's seasonal TLF for a date range (typically one BSC year), numbered as the next line of
     * {@code tlf}.
     *
     * @param gspGroupId    GSP Group (TLF zone) id such as {@code _N}.
     * @param season        {@link Season} index.
     * @param tlf           the TLF.
     * @param effectiveFrom first day in force (inclusive, epoch day), or {@link MarketRegistry#OPEN_START}.
     * @param effectiveTo   last day in force (inclusive, epoch day), or {@link MarketRegistry#OPEN_END}.
     * @return this builder.
     */
    public RegistryBuilder seasonalTlf(
        final String gspGroupId, final int season, final double tlf, final long effectiveFrom, final long effectiveTo)
    {
        return seasonalTlf(tlfs.size() + 2, gspGroupId, season, tlf, effectiveFrom, effectiveTo);
    }

    /**
     * Adds a zone's seasonal TLF in force on every day, read from a given line.
     *
     * @param line       where problems with this record are reported.
     * @param gspGroupId GSP Group (TLF zone) id such as {@code _N}.
     * @param season     {@link Season} index.
     * @param tlf        the TLF.
     * @return this builder.
     */
    public RegistryBuilder seasonalTlf(final int line, final String gspGroupId, final int season, final double tlf)
    {
        return seasonalTlf(line, gspGroupId, season, tlf, OPEN_START, OPEN_END);
    }

    /**
     * Adds a zone's seasonal TLF for a date range, read from a given line.
     *
     * @param line          where problems with this record are reported.
     * @param gspGroupId    GSP Group (TLF zone) id such as {@code _N}.
     * @param season        {@link Season} index.
     * @param tlf           the TLF.
     * @param effectiveFrom first day in force (inclusive, epoch day), or {@link MarketRegistry#OPEN_START}.
     * @param effectiveTo   last day in force (inclusive, epoch day), or {@link MarketRegistry#OPEN_END}.
     * @return this builder.
     */
    public RegistryBuilder seasonalTlf(
        final int line,
        final String gspGroupId,
        final int season,
        final double tlf,
        final long effectiveFrom,
        final long effectiveTo)
    {
        tlfs.add(new TlfRecord(
            line, Objects.requireNonNull(gspGroupId), season, tlf == 0.0 ? 0.0 : tlf, effectiveFrom, effectiveTo));
        return this;
    }

    /**
     * Checks every rule without building.
     *
     * @return every problem found, ordered by table (parties, BM Units, TLFs) then line; empty when valid.
     */
    public List<InputProblem> validate()
    {
        final List<InputProblem> problems = new ArrayList<>();
        assemble(problems);
        return problems;
    }

    /**
     * Checks every rule and builds the registry.
     *
     * @return the registry.
     * @throws InvalidInputException carrying every problem, if any rule is broken.
     */
    public MarketRegistry build()
    {
        final List<InputProblem> problems = new ArrayList<>();
        final MarketRegistry registry = assemble(problems);
        if (!problems.isEmpty())
        {
            throw new InvalidInputException("market registry", problems);
        }
        return registry;
    }

    private MarketRegistry assemble(final List<InputProblem> problems)
    {
        final Object2IntHashMap<String> partyIndex = new Object2IntHashMap<>(NO_INDEX);
        final IntArrayList partyLines = new IntArrayList();
        final String[] partyIds = checkParties(problems, partyIndex, partyLines);
        final List<List<TlfRecord>> tlfsBySlot = checkSeasonalTlfs(problems);

        final Object2IntHashMap<String> bmUnitIndex = new Object2IntHashMap<>(NO_INDEX);
        final List<List<VersionRecord>> byUnit = new ArrayList<>();
        for (final VersionRecord version : versions)
        {
            final boolean valid = checkVersion(problems, partyIndex, version);
            if (valid)
            {
                int unit = bmUnitIndex.getValue(version.bmUnitId);
                if (NO_INDEX == unit)
                {
                    unit = byUnit.size();
                    bmUnitIndex.put(version.bmUnitId, unit);
                    byUnit.add(new ArrayList<>());
                }
                byUnit.get(unit).add(version);
            }
        }
        for (final List<VersionRecord> unitVersions : byUnit)
        {
            checkUnitVersions(problems, unitVersions);
        }

        problems.sort(RegistryTable.PROBLEM_ORDER);
        if (!problems.isEmpty())
        {
            return null;
        }
        return assembleRegistry(partyIds, partyIndex, byUnit, tlfsBySlot);
    }

    private String[] checkParties(
        final List<InputProblem> problems, final Object2IntHashMap<String> partyIndex, final IntArrayList lines)
    {
        final List<String> ids = new ArrayList<>(parties.size());
        for (final PartyRecord party : parties)
        {
            if (party.partyId.isBlank())
            {
                problems.add(problem(RegistryTable.PARTIES, party.line, PARTY_ID, party.partyId,
                    "empty party id"));
            }
            else
            {
                final int existing = partyIndex.getValue(party.partyId);
                if (NO_INDEX != existing)
                {
                    problems.add(problem(RegistryTable.PARTIES, party.line, PARTY_ID, party.partyId,
                        "duplicate party id; first defined on line " + lines.getInt(existing)));
                }
                else
                {
                    partyIndex.put(party.partyId, ids.size());
                    ids.add(party.partyId);
                    lines.addInt(party.line);
                }
            }
            if (party.name.isBlank())
            {
                problems.add(problem(RegistryTable.PARTIES, party.line, NAME, party.name,
                    "empty party name"));
            }
        }
        return ids.toArray(new String[0]);
    }

    /**
     * @return the valid entries by zone-and-season slot, each slot sorted by effective date.
     */
    private List<List<TlfRecord>> checkSeasonalTlfs(final List<InputProblem> problems)
    {
        final List<List<TlfRecord>> bySlot = new ArrayList<>(TLF_SLOTS);
        for (int slot = 0; slot < TLF_SLOTS; slot++)
        {
            bySlot.add(new ArrayList<>());
        }
        for (final TlfRecord record : tlfs)
        {
            if (checkSeasonalTlf(problems, record))
            {
                bySlot.get(GspGroup.index(record.gspGroupId) * Season.COUNT + record.season).add(record);
            }
        }
        for (final List<TlfRecord> slot : bySlot)
        {
            sortAndCheckOverlaps(slot, (final TlfRecord reported, final TlfRecord other) ->
                problems.add(problem(RegistryTable.TLF, reported.line, GSP_GROUP, reported.gspGroupId,
                    "effective dates " + rangeText(reported) + " overlap the " + slotText(other) + " TLF on line " +
                    other.line + " (" + rangeText(other) + ")")));
        }
        return bySlot;
    }

    private static boolean checkSeasonalTlf(final List<InputProblem> problems, final TlfRecord record)
    {
        boolean valid = true;
        if (GspGroup.NONE == GspGroup.index(record.gspGroupId))
        {
            valid = false;
            problems.add(problem(RegistryTable.TLF, record.line, GSP_GROUP, record.gspGroupId,
                record.gspGroupId.isBlank() ? "empty GSP group" : unknownGspGroupReason()));
        }
        if (record.season < 0 || record.season >= Season.COUNT)
        {
            valid = false;
            problems.add(problem(RegistryTable.TLF, record.line, SEASON, Integer.toString(record.season),
                "unknown season; expected WINTER, SPRING, SUMMER or AUTUMN"));
        }
        if (Double.isNaN(record.tlf))
        {
            valid = false;
            problems.add(problem(RegistryTable.TLF, record.line, TLF, "", "empty TLF"));
        }
        else if (!inTlfRange(record.tlf))
        {
            valid = false;
            problems.add(problem(RegistryTable.TLF, record.line, TLF, RegistryText.tlf(record.tlf),
                TLF_RANGE_REASON));
        }
        return checkDates(problems, RegistryTable.TLF, record) && valid;
    }

    private static boolean checkVersion(
        final List<InputProblem> problems, final Object2IntHashMap<String> partyIndex, final VersionRecord version)
    {
        final int line = version.line;
        boolean valid = true;
        if (version.bmUnitId.isBlank())
        {
            valid = false;
            problems.add(problem(RegistryTable.BM_UNITS, line, BM_UNIT_ID, version.bmUnitId,
                "empty BM Unit id"));
        }
        if (version.leadPartyId.isBlank())
        {
            problems.add(problem(RegistryTable.BM_UNITS, line, LEAD_PARTY_ID, version.leadPartyId,
                "empty lead party id"));
        }
        else if (NO_INDEX == partyIndex.getValue(version.leadPartyId))
        {
            problems.add(problem(RegistryTable.BM_UNITS, line, LEAD_PARTY_ID, version.leadPartyId,
                "unknown lead party; no party has this id"));
        }
        if (version.tradingUnitId.isBlank())
        {
            problems.add(problem(RegistryTable.BM_UNITS, line, TRADING_UNIT_ID, version.tradingUnitId,
                "empty trading unit id"));
        }
        if (version.gspGroupId.isBlank())
        {
            if (!version.interconnector)
            {
                problems.add(problem(RegistryTable.BM_UNITS, line, GSP_GROUP, version.gspGroupId,
                    "empty GSP group; only an interconnector may have none"));
            }
        }
        else if (GspGroup.NONE == GspGroup.index(version.gspGroupId))
        {
            problems.add(problem(RegistryTable.BM_UNITS, line, GSP_GROUP, version.gspGroupId,
                unknownGspGroupReason()));
        }
        if (!Double.isNaN(version.tlf) && !inTlfRange(version.tlf))
        {
            problems.add(problem(RegistryTable.BM_UNITS, line, TLF, RegistryText.tlf(version.tlf),
                TLF_RANGE_REASON));
        }
        return checkDates(problems, RegistryTable.BM_UNITS, version) && valid;
    }

    /**
     * Each end a calendar day or open, and the range not inverted; problems against {@code effective_from} /
     * {@code effective_to}.
     */
    private static boolean checkDates(final List<InputProblem> problems, final RegistryTable table, final Dated record)
    {
        final long from = record.effectiveFrom();
        final long to = record.effectiveTo();
        final boolean fromIsDate = isDate(from, OPEN_START);
        final boolean toIsDate = isDate(to, OPEN_END);
        if (!fromIsDate)
        {
            problems.add(problem(table, record.line(), EFFECTIVE_FROM, Long.toString(from),
                "epoch day outside the calendar"));
        }
        if (!toIsDate)
        {
            problems.add(problem(table, record.line(), EFFECTIVE_TO, Long.toString(to),
                "epoch day outside the calendar"));
        }
        if (fromIsDate && toIsDate && from > to)
        {
            problems.add(problem(table, record.line(), EFFECTIVE_TO, RegistryText.date(to),
                "effective_to is before effective_from " + RegistryText.date(from)));
            return false;
        }
        return fromIsDate && toIsDate;
    }

    private static void checkUnitVersions(final List<InputProblem> problems, final List<VersionRecord> versions)
    {
        sortAndCheckOverlaps(versions, (final VersionRecord reported, final VersionRecord other) ->
            problems.add(problem(RegistryTable.BM_UNITS, reported.line, BM_UNIT_ID, reported.bmUnitId,
                "effective dates " + rangeText(reported) + " overlap the version on line " + other.line + " (" +
                rangeText(other) + ")")));
        final VersionRecord first = firstByLine(versions);
        for (final VersionRecord version : versions)
        {
            if (version.interconnector != first.interconnector)
            {
                problems.add(problem(RegistryTable.BM_UNITS, version.line, INTERCONNECTOR,
                    version.interconnector ? "Y" : "N",
                    "interconnector flag differs from the version on line " + first.line));
            }
        }
    }

    private MarketRegistry assembleRegistry(
        final String[] partyIds,
        final Object2IntHashMap<String> partyIndex,
        final List<List<VersionRecord>> byUnit,
        final List<List<TlfRecord>> tlfsBySlot)
    {
        final String[] partyNames = new String[partyIds.length];
        for (final PartyRecord party : parties)
        {
            final int index = partyIndex.getValue(party.partyId);
            if (null == partyNames[index])
            {
                partyNames[index] = party.name;
            }
        }

        final int unitCount = byUnit.size();
        int versionCount = 0;
        for (final List<VersionRecord> unitVersions : byUnit)
        {
            versionCount += unitVersions.size();
        }
        final String[] bmUnitIds = new String[unitCount];
        final boolean[] interconnector = new boolean[unitCount];
        final int[] firstVersion = new int[unitCount + 1];
        final int[] versionBmUnit = new int[versionCount];
        final long[] versionFrom = new long[versionCount];
        final long[] versionTo = new long[versionCount];
        final int[] versionLeadParty = new int[versionCount];
        final boolean[] versionProduction = new boolean[versionCount];
        final int[] versionTradingUnit = new int[versionCount];
        final int[] versionGspGroup = new int[versionCount];
        final double[] versionTlf = new double[versionCount];
        final Object2IntHashMap<String> tradingUnitIndex = new Object2IntHashMap<>(NO_INDEX);
        final List<String> tradingUnitIds = new ArrayList<>();

        int v = 0;
        for (int unit = 0; unit < unitCount; unit++)
        {
            final List<VersionRecord> unitVersions = byUnit.get(unit);
            bmUnitIds[unit] = unitVersions.get(0).bmUnitId;
            interconnector[unit] = unitVersions.get(0).interconnector;
            firstVersion[unit] = v;
            for (final VersionRecord version : unitVersions)
            {
                int tradingUnit = tradingUnitIndex.getValue(version.tradingUnitId);
                if (NO_INDEX == tradingUnit)
                {
                    tradingUnit = tradingUnitIds.size();
                    tradingUnitIndex.put(version.tradingUnitId, tradingUnit);
                    tradingUnitIds.add(version.tradingUnitId);
                }
                versionBmUnit[v] = unit;
                versionFrom[v] = version.effectiveFrom;
                versionTo[v] = version.effectiveTo;
                versionLeadParty[v] = partyIndex.getValue(version.leadPartyId);
                versionProduction[v] = version.production;
                versionTradingUnit[v] = tradingUnit;
                versionGspGroup[v] = version.gspGroupId.isBlank() ? GspGroup.NONE : GspGroup.index(version.gspGroupId);
                versionTlf[v] = version.tlf;
                v++;
            }
        }
        firstVersion[unitCount] = v;

        int tlfCount = 0;
        for (final List<TlfRecord> slot : tlfsBySlot)
        {
            tlfCount += slot.size();
        }
        final int[] tlfGspGroup = new int[tlfCount];
        final int[] tlfSeason = new int[tlfCount];
        final long[] tlfFrom = new long[tlfCount];
        final long[] tlfTo = new long[tlfCount];
        final double[] tlfValue = new double[tlfCount];
        int e = 0;
        for (final List<TlfRecord> slot : tlfsBySlot)
        {
            for (final TlfRecord record : slot)
            {
                tlfGspGroup[e] = GspGroup.index(record.gspGroupId);
                tlfSeason[e] = record.season;
                tlfFrom[e] = record.effectiveFrom;
                tlfTo[e] = record.effectiveTo;
                tlfValue[e] = record.tlf;
                e++;
            }
        }

        return new MarketRegistry(
            partyIds,
            partyNames,
            tradingUnitIds.toArray(new String[0]),
            bmUnitIds,
            interconnector,
            firstVersion,
            versionBmUnit,
            versionFrom,
            versionTo,
            versionLeadParty,
            versionProduction,
            versionTradingUnit,
            versionGspGroup,
            versionTlf,
            tlfGspGroup,
            tlfSeason,
            tlfFrom,
            tlfTo,
            tlfValue);
    }

    private static VersionRecord firstByLine(final List<VersionRecord> versions)
    {
        VersionRecord first = versions.get(0);
        for (final VersionRecord version : versions)
        {
            if (version.line < first.line)
            {
                first = version;
            }
        }
        return first;
    }

    private static InputProblem problem(
        final RegistryTable table, final int line, final String field, final String value, final String reason)
    {
        return new InputProblem(table.fileName(), line, field, value, reason);
    }

    private static String unknownGspGroupReason()
    {
        return "unknown GSP group; expected one of " + GspGroup.ids();
    }

    private static boolean inTlfRange(final double tlf)
    {
        return tlf >= MIN_TLF && tlf <= MAX_TLF;
    }

    private static boolean isDate(final long epochDay, final long open)
    {
        return open == epochDay ||
            (epochDay >= LocalDate.MIN.toEpochDay() && epochDay <= LocalDate.MAX.toEpochDay());
    }

    private static String rangeText(final Dated record)
    {
        return RegistryText.range(record.effectiveFrom(), record.effectiveTo());
    }

    private static String slotText(final TlfRecord record)
    {
        return GspGroup.id(GspGroup.index(record.gspGroupId)) + ' ' + Season.name(record.season);
    }

    /**
     * Sorts records of one BM Unit (or one zone and season) by effective date, then line, and reports each pair
     * whose dates overlap once, against the record on the later line.
     */
    private static <T extends Dated> void sortAndCheckOverlaps(final List<T> records, final BiConsumer<T, T> overlap)
    {
        records.sort(Comparator.comparingLong(Dated::effectiveFrom).thenComparingInt(Dated::line));
        final int count = records.size();
        for (int b = 1; b < count; b++)
        {
            final T later = records.get(b);
            for (int a = 0; a < b; a++)
            {
                final T earlier = records.get(a);
                if (later.effectiveFrom() <= earlier.effectiveTo())
                {
                    final boolean laterIsReported = later.line() >= earlier.line();
                    overlap.accept(laterIsReported ? later : earlier, laterIsReported ? earlier : later);
                }
            }
        }
    }

    /**
     * A record with a line and an inclusive effective date range.
     */
    private interface Dated
    {
        int line();

        long effectiveFrom();

        long effectiveTo();
    }

    private record PartyRecord(int line, String partyId, String name)
    {
    }

    private record VersionRecord(
        int line,
        String bmUnitId,
        String leadPartyId,
        boolean production,
        String tradingUnitId,
        boolean interconnector,
        String gspGroupId,
        double tlf,
        long effectiveFrom,
        long effectiveTo) implements Dated
    {
    }

    private record TlfRecord(int line, String gspGroupId, int season, double tlf, long effectiveFrom, long effectiveTo)
        implements Dated
    {
    }
}
