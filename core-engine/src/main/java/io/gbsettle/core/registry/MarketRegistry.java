package io.gbsettle.core.registry;

import java.util.Arrays;

import io.gbsettle.core.time.EpochDays;
import org.agrona.collections.Object2IntHashMap;

/**
 * The market registry: Parties, their Energy Accounts, Trading Units and BM Units with their effective-dated
 * registration versions, plus the effective-dated seasonal TLFs of each GSP Group. Immutable once built by
 * {@link RegistryBuilder} (directly, from CSV files via {@code io.gbsettle.core.files.RegistryCsv}, or by
 * {@link SyntheticRegistry}).
 *
 * <pre>
 *   party p ──(2 accounts: 2p = Production, 2p+1 = Consumption, see EnergyAccount)
 *   BM Unit i ──(versions firstVersion(i) .. versionLimit(i)-1, sorted by effective_from, never overlapping)
 *       version v: lead party, P/C, trading unit, GSP Group (= TLF zone), registered TLF, effective from/to
 *   seasonal TLF entry e ──(sorted by GSP Group, season, effective_from; one zone and season never overlapping)
 *       zone, season, TLF, effective from/to   (TLFs are re-determined every BSC year)
 * </pre>
 *
 * <p><b>TLF resolution</b> for a version on a Settlement Day ({@link #versionTlfOn(int, long)},
 * {@link #fillDay(long, BmUnitDay)}):
 * <ol>
 *   <li>0 for an interconnector BM Unit, whose TLM is 1 whatever its TLF. [V] (IPG §3 "TLMs")</li>
 *   <li>0 before {@link #ZONAL_TLF_START}: until P350, TLF was 0 for every BM Unit. [V]</li>
 *   <li>the version's own registered TLF, when it has one. <b>[I] choice</b>: since P350 a BM Unit's TLF is its
 *       zone's seasonal TLF, so a real post-P350 registry leaves the {@code tlf} column of {@code bm_units.csv}
 *       blank; the column exists so that a day bundle (or a test) can pin a unit's TLF, for example to reproduce
 *       a published calculation, and a value given explicitly wins over the table.</li>
 *   <li>else its zone's seasonal TLF in force on the day (the {@code tlf.csv} entry for the zone and the day's
 *       {@link Season} whose effective dates cover the day). [V] zonal and seasonal since P350 (IPG §3)</li>
 *   <li>else 0 (no GSP Group, or no entry covers the day). [I]</li>
 * </ol>
 *
 * <p>Every identifier is interned once, at build time, to a dense {@code int} index in the order it first appears
 * (parties and BM Units in the order added; trading units in the order of BM Unit index, then version date). The
 * lookups by {@code String} ({@link #partyIndex(String)}, {@link #bmUnitIndex(String)},
 * {@link #tradingUnitIndex(String)}) are for load time only. The hot path works with indices: the per-index
 * accessors and {@link #fillDay(long, BmUnitDay)} do not allocate.
 *
 * <p>Effective dates are epoch days ({@code LocalDate.toEpochDay()}) and <b>inclusive at both ends</b>: a version
 * with {@code effective_from} 2024-01-01 and {@code effective_to} 2024-03-31 is in force on both of those days. An
 * inclusive end matches how registration data states "effective to date" and lets a one-day version be written
 * with equal dates; the next version then starts the day after. {@link #OPEN_START} and {@link #OPEN_END} mark
 * open ends (blank in CSV).
 */
public final class MarketRegistry
{
    /**
     * Missing value of every index lookup.
     */
    public static final int NO_INDEX = -1;

    /**
     * {@code effective_from} of a version in force since before any date we care about (blank in CSV).
     */
    public static final long OPEN_START = Long.MIN_VALUE;

    /**
     * {@code effective_to} of a version in force until further notice (blank in CSV).
     */
    public static final long OPEN_END = Long.MAX_VALUE;

    /**
     * Missing value of a TLF: a version registered without its own TLF, or a zone and season with no seasonal TLF in
     * force on a day.
     */
    public static final double NO_TLF = Double.NaN;

    /**
     * Lowest TLF accepted. [I] a sanity bound, not a BSC rule: real TLFs are a few per cent either way.
     */
    public static final double MIN_TLF = -0.5;

    /**
     * Highest TLF accepted. [I] see {@link #MIN_TLF}.
     */
    public static final double MAX_TLF = 0.5;

    /**
     * First Settlement Day of zonal TLFs, 1 April 2018 (P350), as an epoch day. Before it TLF was 0 for every BM
     * Unit, whatever the registry says; from it TLF is zonal (by GSP Group) and seasonal. [V] elexon.co.uk
     * transmission-losses page; BSC Section T modification history (P350, 1 Apr 2018).
     */
    public static final long ZONAL_TLF_START = EpochDays.of(2018, 4, 1);

    private static final int TLF_SLOTS = GspGroup.COUNT * Season.COUNT;

    private final String[] partyIds;
    private final String[] partyNames;
    private final String[] tradingUnitIds;
    private final String[] bmUnitIds;
    private final boolean[] interconnector;
    private final int[] firstVersion;
    private final int[] versionBmUnit;
    private final long[] versionFrom;
    private final long[] versionTo;
    private final int[] versionLeadParty;
    private final boolean[] versionProduction;
    private final int[] versionTradingUnit;
    private final int[] versionGspGroup;
    private final double[] versionTlf;
    private final int[] tlfGspGroup;
    private final int[] tlfSeason;
    private final long[] tlfFrom;
    private final long[] tlfTo;
    private final double[] tlfValue;
    private final int[] tlfSlotStart;
    private final Object2IntHashMap<String> partyIndexById;
    private final Object2IntHashMap<String> tradingUnitIndexById;
    private final Object2IntHashMap<String> bmUnitIndexById;

    MarketRegistry(
        final String[] partyIds,
        final String[] partyNames,
        final String[] tradingUnitIds,
        final String[] bmUnitIds,
        final boolean[] interconnector,
        final int[] firstVersion,
        final int[] versionBmUnit,
        final long[] versionFrom,
        final long[] versionTo,
        final int[] versionLeadParty,
        final boolean[] versionProduction,
        final int[] versionTradingUnit,
        final int[] versionGspGroup,
        final double[] versionTlf,
        final int[] tlfGspGroup,
        final int[] tlfSeason,
        final long[] tlfFrom,
        final long[] tlfTo,
        final double[] tlfValue)
    {
        this.partyIds = partyIds;
        this.partyNames = partyNames;
        this.tradingUnitIds = tradingUnitIds;
        this.bmUnitIds = bmUnitIds;
        this.interconnector = interconnector;
        this.firstVersion = firstVersion;
        this.versionBmUnit = versionBmUnit;
        this.versionFrom = versionFrom;
        this.versionTo = versionTo;
        this.versionLeadParty = versionLeadParty;
        this.versionProduction = versionProduction;
        this.versionTradingUnit = versionTradingUnit;
        this.versionGspGroup = versionGspGroup;
        this.versionTlf = versionTlf;
        this.tlfGspGroup = tlfGspGroup;
        this.tlfSeason = tlfSeason;
        this.tlfFrom = tlfFrom;
        this.tlfTo = tlfTo;
        this.tlfValue = tlfValue;
        this.tlfSlotStart = slotStarts(tlfGspGroup, tlfSeason);
        this.partyIndexById = intern(partyIds);
        this.tradingUnitIndexById = intern(tradingUnitIds);
        this.bmUnitIndexById = intern(bmUnitIds);
    }

    /**
     * Starts a registry built programmatically; the same as {@code new RegistryBuilder()}.
     *
     * @return an empty builder.
     */
    public static RegistryBuilder builder()
    {
        return new RegistryBuilder();
    }

    /**
     * @return how many parties there are; party indices are {@code 0 .. partyCount() - 1}.
     */
    public int partyCount()
    {
        return partyIds.length;
    }

    /**
     * @param party party index.
     * @return the party's id, for example {@code BGAS}.
     */
    public String partyId(final int party)
    {
        return partyIds[party];
    }

    /**
     * @param party party index.
     * @return the party's name.
     */
    public String partyName(final int party)
    {
        return partyNames[party];
    }

    /**
     * Looks a party up by id. Load time only.
     *
     * @param partyId the party's id.
     * @return its index, or {@link #NO_INDEX}.
     */
    public int partyIndex(final String partyId)
    {
        return partyIndexById.getValue(partyId);
    }

    /**
     * @return how many Energy Accounts there are (two per party); see {@link EnergyAccount} for the index scheme.
     */
    public int energyAccountCount()
    {
        return EnergyAccount.count(partyIds.length);
    }

    /**
     * @return how many trading units there are; trading unit indices are {@code 0 .. tradingUnitCount() - 1}.
     */
    public int tradingUnitCount()
    {
        return tradingUnitIds.length;
    }

    /**
     * @param tradingUnit trading unit index.
     * @return the trading unit's id.
     */
    public String tradingUnitId(final int tradingUnit)
    {
        return tradingUnitIds[tradingUnit];
    }

    /**
     * Looks a trading unit up by id. Load time only.
     *
     * @param tradingUnitId the trading unit's id.
     * @return its index, or {@link #NO_INDEX}.
     */
    public int tradingUnitIndex(final String tradingUnitId)
    {
        return tradingUnitIndexById.getValue(tradingUnitId);
    }

    /**
     * @return how many BM Units there are; BM Unit indices are {@code 0 .. bmUnitCount() - 1}, one per BM Unit
     * whatever its number of versions.
     */
    public int bmUnitCount()
    {
        return bmUnitIds.length;
    }

    /**
     * @param bmUnit BM Unit index.
     * @return the BM Unit's id, for example {@code T_DRAXX-1}.
     */
    public String bmUnitId(final int bmUnit)
    {
        return bmUnitIds[bmUnit];
    }

    /**
     * Looks a BM Unit up by id. Load time only.
     *
     * @param bmUnitId the BM Unit's id.
     * @return its index, or {@link #NO_INDEX}.
     */
    public int bmUnitIndex(final String bmUnitId)
    {
        return bmUnitIndexById.getValue(bmUnitId);
    }

    /**
     * Whether a BM Unit is an interconnector BM Unit. A property of the BM Unit: all its versions agree.
     *
     * @param bmUnit BM Unit index.
     * @return true for an interconnector BM Unit.
     */
    public boolean interconnector(final int bmUnit)
    {
        return interconnector[bmUnit];
    }

    /**
     * @return how many registration versions there are in all; version indices are {@code 0 .. versionCount() - 1},
     * grouped by BM Unit in BM Unit order and sorted by effective date within each.
     */
    public int versionCount()
    {
        return versionBmUnit.length;
    }

    /**
     * @param bmUnit BM Unit index.
     * @return the index of the BM Unit's earliest version.
     */
    public int firstVersion(final int bmUnit)
    {
        return firstVersion[bmUnit];
    }

    /**
     * @param bmUnit BM Unit index.
     * @return one past the index of the BM Unit's latest version.
     */
    public int versionLimit(final int bmUnit)
    {
        return firstVersion[bmUnit + 1];
    }

    /**
     * The version of a BM Unit in force on a day.
     *
     * @param bmUnit   BM Unit index.
     * @param epochDay the day, as days since 1970-01-01.
     * @return the version index, or {@link #NO_INDEX} when no version covers the day.
     */
    public int versionAt(final int bmUnit, final long epochDay)
    {
        final int limit = firstVersion[bmUnit + 1];
        for (int v = firstVersion[bmUnit]; v < limit; v++)
        {
            if (versionFrom[v] <= epochDay && epochDay <= versionTo[v])
            {
                return v;
            }
        }
        return NO_INDEX;
    }

    /**
     * @param version version index.
     * @return the BM Unit the version belongs to.
     */
    public int versionBmUnit(final int version)
    {
        return versionBmUnit[version];
    }

    /**
     * @param version version index.
     * @return the first day the version is in force (inclusive), or {@link #OPEN_START}.
     */
    public long versionEffectiveFrom(final int version)
    {
        return versionFrom[version];
    }

    /**
     * @param version version index.
     * @return the last day the version is in force (inclusive), or {@link #OPEN_END}.
     */
    public long versionEffectiveTo(final int version)
    {
        return versionTo[version];
    }

    /**
     * @param version version index.
     * @return the lead party index.
     */
    public int versionLeadParty(final int version)
    {
        return versionLeadParty[version];
    }

    /**
     * @param version version index.
     * @return true for Production status, false for Consumption.
     */
    public boolean versionProduction(final int version)
    {
        return versionProduction[version];
    }

    /**
     * @param version version index.
     * @return the trading unit index.
     */
    public int versionTradingUnit(final int version)
    {
        return versionTradingUnit[version];
    }

    /**
     * @param version version index.
     * @return the GSP Group (TLF zone) index, or {@link GspGroup#NONE} (interconnectors only).
     */
    public int versionGspGroup(final int version)
    {
        return versionGspGroup[version];
    }

    /**
     * The TLF registered on the version itself, as given (before any zonal, P350 or interconnector rule).
     *
     * @param version version index.
     * @return the TLF, or {@link #NO_TLF} when the version has none and its zone's seasonal TLF applies.
     */
    public double versionRegisteredTlf(final int version)
    {
        return versionTlf[version];
    }

    /**
     * The TLF that applies to a version on a day, by the rules in the class comment: 0 for an interconnector or
     * before {@link #ZONAL_TLF_START}; else the version's registered TLF; else its zone's seasonal TLF in force on
     * the day; else 0. Allocation-free; O(log entries of one zone and season).
     *
     * @param version  version index.
     * @param epochDay the Settlement Day, as days since 1970-01-01.
     * @return the TLF.
     */
    public double versionTlfOn(final int version, final long epochDay)
    {
        final int zone = versionGspGroup[version];
        return resolveTlf(version, epochDay, GspGroup.NONE == zone ? 0.0 : zoneTlfOn(zone, epochDay));
    }

    /**
     * The TLF of a zone on a day, for a BM Unit without one of its own: 0 before {@link #ZONAL_TLF_START}; else the
     * seasonal TLF in force on the day for the day's season; else 0. Allocation-free.
     *
     * @param gspGroup GSP Group (TLF zone) index.
     * @param epochDay the Settlement Day, as days since 1970-01-01.
     * @return the TLF.
     */
    public double zoneTlfOn(final int gspGroup, final long epochDay)
    {
        if (epochDay < ZONAL_TLF_START)
        {
            return 0.0;
        }
        final int entry = seasonalTlfAt(gspGroup, Season.ofEpochDay(epochDay), epochDay);
        return NO_INDEX == entry ? 0.0 : tlfValue[entry];
    }

    /**
     * The seasonal TLF given for a zone and season that is in force on a day, as given in {@code tlf.csv} (no P350
     * rule applied). The day need not fall in the season: {@code seasonalTlf(zone, Season.WINTER, day)} is the
     * winter TLF of the BSC year that {@code day} is in.
     *
     * @param gspGroup GSP Group (TLF zone) index.
     * @param season   {@link Season} index.
     * @param epochDay the day, as days since 1970-01-01.
     * @return the TLF, or {@link #NO_TLF} when no entry for the zone and season covers the day.
     */
    public double seasonalTlf(final int gspGroup, final int season, final long epochDay)
    {
        final int entry = seasonalTlfAt(gspGroup, season, epochDay);
        return NO_INDEX == entry ? NO_TLF : tlfValue[entry];
    }

    /**
     * The seasonal TLF entry of a zone and season in force on a day. Allocation-free: a binary search of that zone
     * and season's entries (one a BSC year).
     *
     * @param gspGroup GSP Group (TLF zone) index.
     * @param season   {@link Season} index.
     * @param epochDay the day, as days since 1970-01-01.
     * @return the entry index, or {@link #NO_INDEX} when none covers the day.
     */
    public int seasonalTlfAt(final int gspGroup, final int season, final long epochDay)
    {
        final int slot = gspGroup * Season.COUNT + season;
        int low = tlfSlotStart[slot];
        int high = tlfSlotStart[slot + 1] - 1;
        int latestStarted = NO_INDEX;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            if (tlfFrom[mid] <= epochDay)
            {
                latestStarted = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return NO_INDEX != latestStarted && epochDay <= tlfTo[latestStarted] ? latestStarted : NO_INDEX;
    }

    /**
     * @return how many seasonal TLF entries there are; entry indices are {@code 0 .. seasonalTlfCount() - 1},
     * sorted by GSP Group, then season, then effective date.
     */
    public int seasonalTlfCount()
    {
        return tlfValue.length;
    }

    /**
     * @param entry seasonal TLF entry index.
     * @return its GSP Group (TLF zone) index.
     */
    public int seasonalTlfGspGroup(final int entry)
    {
        return tlfGspGroup[entry];
    }

    /**
     * @param entry seasonal TLF entry index.
     * @return its {@link Season} index.
     */
    public int seasonalTlfSeason(final int entry)
    {
        return tlfSeason[entry];
    }

    /**
     * @param entry seasonal TLF entry index.
     * @return the first day it is in force (inclusive), or {@link #OPEN_START}.
     */
    public long seasonalTlfEffectiveFrom(final int entry)
    {
        return tlfFrom[entry];
    }

    /**
     * @param entry seasonal TLF entry index.
     * @return the last day it is in force (inclusive), or {@link #OPEN_END}.
     */
    public long seasonalTlfEffectiveTo(final int entry)
    {
        return tlfTo[entry];
    }

    /**
     * @param entry seasonal TLF entry index.
     * @return its TLF.
     */
    public double seasonalTlfValue(final int entry)
    {
        return tlfValue[entry];
    }

    /**
     * A day view sized for this registry, to be refilled with {@link #fillDay(long, BmUnitDay)}. Allocates: call it
     * once, at start-up.
     *
     * @return a new, unfilled view.
     */
    public BmUnitDay newDayView()
    {
        return new BmUnitDay(bmUnitIds.length);
    }

    /**
     * Fills a view with every BM Unit's registration on one day: the version in force and the TLF resolved for the
     * day (see the class comment). Allocation-free; O(BM Units + versions + zones × log TLF entries): each zone's
     * TLF for the day is looked up once, into the view, and each BM Unit then reads its zone's.
     *
     * @param epochDay the Settlement Day, as days since 1970-01-01.
     * @param view     a view sized for this registry, from {@link #newDayView()}.
     * @throws IllegalArgumentException if the view is sized for another registry.
     */
    public void fillDay(final long epochDay, final BmUnitDay view)
    {
        final int count = bmUnitIds.length;
        if (view.active.length != count)
        {
            throw new IllegalArgumentException(
                "view holds " + view.active.length + " BM Units but the registry has " + count);
        }
        for (int zone = 0; zone < GspGroup.COUNT; zone++)
        {
            view.zoneTlf[zone] = zoneTlfOn(zone, epochDay);
        }
        for (int i = 0; i < count; i++)
        {
            final int v = versionAt(i, epochDay);
            view.version[i] = v;
            view.interconnector[i] = interconnector[i];
            if (NO_INDEX == v)
            {
                view.active[i] = false;
                view.leadParty[i] = NO_INDEX;
                view.production[i] = false;
                view.tradingUnit[i] = NO_INDEX;
                view.gspGroup[i] = GspGroup.NONE;
                view.tlf[i] = 0.0;
            }
            else
            {
                view.active[i] = true;
                view.leadParty[i] = versionLeadParty[v];
                view.production[i] = versionProduction[v];
                view.tradingUnit[i] = versionTradingUnit[v];
                final int zone = versionGspGroup[v];
                view.gspGroup[i] = zone;
                view.tlf[i] = resolveTlf(v, epochDay, GspGroup.NONE == zone ? 0.0 : view.zoneTlf[zone]);
            }
        }
        view.epochDay = epochDay;
    }

    /**
     * Content equality: same parties, trading units, BM Units, versions and seasonal TLF entries, at the same
     * indices.
     *
     * @param other another object.
     * @return whether it is a registry with the same content.
     */
    @Override
    public boolean equals(final Object other)
    {
        if (this == other)
        {
            return true;
        }
        if (!(other instanceof MarketRegistry))
        {
            return false;
        }
        final MarketRegistry that = (MarketRegistry)other;
        return Arrays.equals(partyIds, that.partyIds) &&
            Arrays.equals(partyNames, that.partyNames) &&
            Arrays.equals(tradingUnitIds, that.tradingUnitIds) &&
            Arrays.equals(bmUnitIds, that.bmUnitIds) &&
            Arrays.equals(interconnector, that.interconnector) &&
            Arrays.equals(firstVersion, that.firstVersion) &&
            Arrays.equals(versionBmUnit, that.versionBmUnit) &&
            Arrays.equals(versionFrom, that.versionFrom) &&
            Arrays.equals(versionTo, that.versionTo) &&
            Arrays.equals(versionLeadParty, that.versionLeadParty) &&
            Arrays.equals(versionProduction, that.versionProduction) &&
            Arrays.equals(versionTradingUnit, that.versionTradingUnit) &&
            Arrays.equals(versionGspGroup, that.versionGspGroup) &&
            Arrays.equals(versionTlf, that.versionTlf) &&
            Arrays.equals(tlfGspGroup, that.tlfGspGroup) &&
            Arrays.equals(tlfSeason, that.tlfSeason) &&
            Arrays.equals(tlfFrom, that.tlfFrom) &&
            Arrays.equals(tlfTo, that.tlfTo) &&
            Arrays.equals(tlfValue, that.tlfValue);
    }

    @Override
    public int hashCode()
    {
        int result = Arrays.hashCode(partyIds);
        result = 31 * result + Arrays.hashCode(bmUnitIds);
        result = 31 * result + Arrays.hashCode(versionFrom);
        result = 31 * result + Arrays.hashCode(versionLeadParty);
        result = 31 * result + Arrays.hashCode(tlfFrom);
        return 31 * result + Arrays.hashCode(tlfValue);
    }

    @Override
    public String toString()
    {
        return "MarketRegistry{parties=" + partyIds.length +
            ", tradingUnits=" + tradingUnitIds.length +
            ", bmUnits=" + bmUnitIds.length +
            ", versions=" + versionBmUnit.length +
            ", seasonalTlfs=" + tlfValue.length + '}';
    }

    /**
     * The one TLF rule, given the zone's TLF for the day (0 when none): see the class comment.
     */
    private double resolveTlf(final int version, final long epochDay, final double zoneTlf)
    {
        if (interconnector[versionBmUnit[version]] || epochDay < ZONAL_TLF_START)
        {
            return 0.0;
        }
        final double registered = versionTlf[version];
        return Double.isNaN(registered) ? zoneTlf : registered;
    }

    /**
     * Where each zone-and-season slot's entries start, for entries sorted by zone then season; one past the end last.
     */
    private static int[] slotStarts(final int[] gspGroup, final int[] season)
    {
        final int[] starts = new int[TLF_SLOTS + 1];
        for (int e = 0; e < gspGroup.length; e++)
        {
            starts[gspGroup[e] * Season.COUNT + season[e] + 1]++;
        }
        for (int slot = 0; slot < TLF_SLOTS; slot++)
        {
            starts[slot + 1] += starts[slot];
        }
        return starts;
    }

    private static Object2IntHashMap<String> intern(final String[] ids)
    {
        final Object2IntHashMap<String> map = new Object2IntHashMap<>(Math.max(8, ids.length * 2), 0.65f, NO_INDEX);
        for (int i = 0; i < ids.length; i++)
        {
            map.put(ids[i], i);
        }
        return map;
    }
}
