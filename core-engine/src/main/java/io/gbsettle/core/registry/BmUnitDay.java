package io.gbsettle.core.registry;

/**
 * One Settlement Day's view of every BM Unit's registration: struct-of-arrays indexed by BM Unit index, sized once
 * to the registry's BM Unit count and refilled by {@link MarketRegistry#fillDay(long, BmUnitDay)} without
 * allocating. The hot path reads it instead of resolving effective dates and seasonal TLFs per period. It also
 * holds each zone's TLF for the day ({@link #zoneTlf(int)}), which the fill computes once per zone.
 *
 * <p>For a BM Unit that has no registration version covering the day, {@link #active(int)} is false and the other
 * fields hold their missing values: lead party, trading unit and version -1, GSP Group {@link GspGroup#NONE},
 * production false and TLF 0. The interconnector flag is a property of the BM Unit and is filled either way.
 *
 * <p>Not thread-safe: one view per thread, or refill between uses.
 */
public final class BmUnitDay
{
    /**
     * Value of {@link #epochDay()} before the first fill.
     */
    public static final long NOT_FILLED = Long.MIN_VALUE;

    final boolean[] active;
    final int[] version;
    final int[] leadParty;
    final boolean[] production;
    final int[] tradingUnit;
    final boolean[] interconnector;
    final int[] gspGroup;
    final double[] tlf;
    final double[] zoneTlf = new double[GspGroup.COUNT];
    long epochDay = NOT_FILLED;

    /**
     * Allocates the arrays once; prefer {@link MarketRegistry#newDayView()}, which sizes it for you.
     *
     * @param bmUnitCount number of BM Units in the registry it will be filled from.
     */
    public BmUnitDay(final int bmUnitCount)
    {
        active = new boolean[bmUnitCount];
        version = new int[bmUnitCount];
        leadParty = new int[bmUnitCount];
        production = new boolean[bmUnitCount];
        tradingUnit = new int[bmUnitCount];
        interconnector = new boolean[bmUnitCount];
        gspGroup = new int[bmUnitCount];
        tlf = new double[bmUnitCount];
    }

    /**
     * @return the day last filled, as days since 1970-01-01, or {@link #NOT_FILLED}.
     */
    public long epochDay()
    {
        return epochDay;
    }

    /**
     * @return how many BM Units the view holds (the registry's BM Unit count).
     */
    public int bmUnitCount()
    {
        return active.length;
    }

    /**
     * @param bmUnit BM Unit index.
     * @return whether a registration version of the BM Unit covers the day.
     */
    public boolean active(final int bmUnit)
    {
        return active[bmUnit];
    }

    /**
     * @param bmUnit BM Unit index.
     * @return the registry's version index in force on the day, or -1 when inactive.
     */
    public int version(final int bmUnit)
    {
        return version[bmUnit];
    }

    /**
     * @param bmUnit BM Unit index.
     * @return the lead party index on the day, or -1 when inactive.
     */
    public int leadParty(final int bmUnit)
    {
        return leadParty[bmUnit];
    }

    /**
     * @param bmUnit BM Unit index.
     * @return true when the BM Unit has Production status on the day, false for Consumption (or inactive).
     */
    public boolean production(final int bmUnit)
    {
        return production[bmUnit];
    }

    /**
     * The Energy Account the BM Unit's volume belongs to: its lead party's account of its P/C status.
     *
     * @param bmUnit BM Unit index.
     * @return the {@link EnergyAccount} index, or {@link EnergyAccount#NONE} when inactive.
     */
    public int energyAccount(final int bmUnit)
    {
        return active[bmUnit] ? EnergyAccount.index(leadParty[bmUnit], production[bmUnit]) : EnergyAccount.NONE;
    }

    /**
     * @param bmUnit BM Unit index.
     * @return the trading unit index on the day, or -1 when inactive.
     */
    public int tradingUnit(final int bmUnit)
    {
        return tradingUnit[bmUnit];
    }

    /**
     * @param bmUnit BM Unit index.
     * @return whether the BM Unit is an interconnector BM Unit (TLM = 1, no share of losses).
     */
    public boolean interconnector(final int bmUnit)
    {
        return interconnector[bmUnit];
    }

    /**
     * @param bmUnit BM Unit index.
     * @return the GSP Group (TLF zone) index on the day, or {@link GspGroup#NONE}.
     */
    public int gspGroup(final int bmUnit)
    {
        return gspGroup[bmUnit];
    }

    /**
     * The Transmission Loss Factor resolved for the day (see {@link MarketRegistry}): 0 before
     * {@link MarketRegistry#ZONAL_TLF_START}; else the BM Unit's own TLF when registered, else its zone's seasonal
     * TLF in force on the day, else 0; always 0 for an interconnector or an inactive BM Unit.
     *
     * @param bmUnit BM Unit index.
     * @return the TLF.
     */
    public double tlf(final int bmUnit)
    {
        return tlf[bmUnit];
    }

    /**
     * A zone's TLF for the day, for BM Units without one of their own: 0 before
     * {@link MarketRegistry#ZONAL_TLF_START}, else the seasonal TLF in force on the day, else 0.
     *
     * @param gspGroup GSP Group (TLF zone) index.
     * @return the TLF.
     */
    public double zoneTlf(final int gspGroup)
    {
        return zoneTlf[gspGroup];
    }

    /**
     * Overrides one BM Unit's registration on this day: the engine applies registration changes received as inputs
     * this way, on top of the registry's standing data, for the day they are sent for.
     *
     * @param bmUnit      the BM Unit index.
     * @param leadParty   its lead party's index, or {@link MarketRegistry#NO_INDEX}: not registered on the day.
     * @param production  whether it is a Production BM Unit.
     * @param tradingUnit its trading unit's index, or {@link MarketRegistry#NO_INDEX}.
     * @param gspGroup    its GSP Group, or {@link GspGroup#NONE}.
     * @param tlf         its TLF on the day; NaN for its zone's TLF (0 without a zone).
     */
    public void register(final int bmUnit, final int leadParty, final boolean production, final int tradingUnit,
        final int gspGroup, final double tlf)
    {
        final boolean registered = leadParty != MarketRegistry.NO_INDEX;
        this.active[bmUnit] = registered;
        this.leadParty[bmUnit] = leadParty;
        this.production[bmUnit] = registered && production;
        this.tradingUnit[bmUnit] = registered ? tradingUnit : MarketRegistry.NO_INDEX;
        this.gspGroup[bmUnit] = registered ? gspGroup : GspGroup.NONE;
        this.tlf[bmUnit] = !registered ? 0.0 : !Double.isNaN(tlf) ? tlf :
            GspGroup.NONE == gspGroup ? 0.0 : zoneTlf[gspGroup];
    }
}
