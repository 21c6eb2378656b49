package io.gbsettle.core.registry;

import java.util.Arrays;

import org.agrona.collections.Object2IntHashMap;

/**
 * The market registry: Parties, their Energy Accounts, Trading Units and BM Units with their effective-dated
 * registration versions, plus the seasonal TLF of each GSP Group. Immutable once built by {@link RegistryBuilder}
 * (directly, from CSV files via {@code io.gbsettle.core.files.RegistryCsv}, or by {@link SyntheticRegistry}).
 *
 * <pre>
 *   party p ──(2 accounts: 2p = Production, 2p+1 = Consumption, see EnergyAccount)
 *   BM Unit i ──(versions firstVersion(i) .. versionLimit(i)-1, sorted by effective_from, never overlapping)
 *       version v: lead party, P/C, trading unit, GSP Group (= TLF zone), registered TLF, effective from/to
 *   seasonal TLF[gspGroup][season]   used by versions whose own TLF is blank
 * </pre>
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
     * Missing value of a TLF: a version registered without its own TLF, or a zone and season without a seasonal one.
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
    private final double[] seasonalTlf;
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
        final double[] seasonalTlf)
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
        this.seasonalTlf = seasonalTlf;
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
     * The TLF registered on the version itself, as given (before any seasonal or interconnector rule).
     *
     * @param version version index.
     * @return the TLF, or {@link #NO_TLF} when the version has none and the seasonal table applies.
     */
    public double versionRegisteredTlf(final int version)
    {
        return versionTlf[version];
    }

    /**
     * The TLF that applies to a version in a season: 0 for an interconnector (its TLM is 1 whatever its TLF); else
     * the version's registered TLF; else its zone's seasonal TLF; else 0.
     *
     * @param version version index.
     * @param season  {@link Season} index.
     * @return the TLF.
     */
    public double versionTlf(final int version, final int season)
    {
        if (interconnector[versionBmUnit[version]])
        {
            return 0.0;
        }
        final double registered = versionTlf[version];
        if (!Double.isNaN(registered))
        {
            return registered;
        }
        final int zone = versionGspGroup[version];
        if (GspGroup.NONE != zone)
        {
            final double seasonal = seasonalTlf[zone * Season.COUNT + season];
            if (!Double.isNaN(seasonal))
            {
                return seasonal;
            }
        }
        return 0.0;
    }

    /**
     * The seasonal TLF of a zone, as given in {@code tlf.csv}.
     *
     * @param gspGroup GSP Group (TLF zone) index.
     * @param season   {@link Season} index.
     * @return the TLF, or {@link #NO_TLF} when none was given.
     */
    public double seasonalTlf(final int gspGroup, final int season)
    {
        return seasonalTlf[gspGroup * Season.COUNT + season];
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
     * day's season. Allocation-free; O(BM Units + versions).
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
        final int season = Season.ofEpochDay(epochDay);
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
                view.gspGroup[i] = versionGspGroup[v];
                view.tlf[i] = versionTlf(v, season);
            }
        }
        view.epochDay = epochDay;
    }

    /**
     * Content equality: same parties, trading units, BM Units, versions and seasonal TLFs, at the same indices.
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
            Arrays.equals(seasonalTlf, that.seasonalTlf);
    }

    @Override
    public int hashCode()
    {
        int result = Arrays.hashCode(partyIds);
        result = 31 * result + Arrays.hashCode(bmUnitIds);
        result = 31 * result + Arrays.hashCode(versionFrom);
        result = 31 * result + Arrays.hashCode(versionLeadParty);
        return 31 * result + Arrays.hashCode(seasonalTlf);
    }

    @Override
    public String toString()
    {
        return "MarketRegistry{parties=" + partyIds.length +
            ", tradingUnits=" + tradingUnitIds.length +
            ", bmUnits=" + bmUnitIds.length +
            ", versions=" + versionBmUnit.length + '}';
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
