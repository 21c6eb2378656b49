package io.gbsettle.core.files;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.input.InvalidInputException;
import io.gbsettle.core.registry.BmUnitDay;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.time.SettlementCalendar;
import io.gbsettle.core.time.SettlementRun;

/**
 * One Settlement Day's input, loaded from a directory (a "day bundle") and converted to registry indices, epoch
 * seconds and primitive columns ready to be fed to the kernels:
 *
 * <pre>
 *   day.json              settlementDate, run [, systemPrice | systemPrices, parameters]
 *   parties.csv           party_id,name                                       (RegistryCsv)
 *   bm_units.csv          bm_unit_id,lead_party_id,pc_status,trading_unit_id,interconnector,gsp_group,tlf
 *   tlf.csv               optional seasonal TLFs                               (RegistryCsv)
 *   metered_volumes.csv   bm_unit_id,settlement_period,qm_mwh                  → {@link MeteredVolumes}
 *   ecvn.csv              from_party_id,from_account,to_party_id,to_account,settlement_period,volume_mwh
 *                                                                              → {@link ContractVolumes}
 *   mvrn.csv              bm_unit_id,subsidiary_party_id,settlement_period,fixed_mwh,percentage
 *                                                                              → {@link Reallocations}
 *   absvd.csv             optional: bm_unit_id,settlement_period,qas_mwh      → {@link ServicesVolumes}
 *   pn.json bod.json boalf.json disbsad.json netbsad.json mid.json [lolp.json]   Insights JSON rows
 * </pre>
 *
 * <p>A bundle that cannot be settled at all (a required file missing, a file that is not CSV or JSON, a required
 * column missing, an invalid registry or {@code day.json}) fails with {@link InvalidInputException} listing every
 * such problem. Anything wrong with a single row (a value that does not parse, an unknown BM Unit or party, a BM
 * Unit not registered on the day, a row of another day or period, a duplicate) becomes an {@link InputProblem}:
 * the row is left out of the calculation and listed by {@link #problems()}, never dropped silently. Missing data is
 * listed too, not guessed: a BM Unit active on the day without a metered volume for some periods is one problem
 * naming those periods (the day driver settles them on QM = 0).
 *
 * <p>Immutable once loaded; the per-period tables are indexed so that a driver walks period {@code j}'s rows as
 * {@code first(j) .. limit(j) - 1}.
 */
public final class DayBundle
{
    /** The day file's name. */
    public static final String DAY_FILE = "day.json";
    /** Metered volumes. */
    public static final String METERED_FILE = "metered_volumes.csv";
    /** Energy Contract Volume Notifications. */
    public static final String ECVN_FILE = "ecvn.csv";
    /** Metered Volume Reallocation Notifications. */
    public static final String MVRN_FILE = "mvrn.csv";
    /** Applicable Balancing Services Volumes (optional). */
    public static final String ABSVD_FILE = "absvd.csv";
    /** Physical Notifications. */
    public static final String PN_FILE = "pn.json";
    /** Bid-Offer Data. */
    public static final String BOD_FILE = "bod.json";
    /** Bid-Offer Acceptances. */
    public static final String BOALF_FILE = "boalf.json";
    /** Disaggregated Balancing Services Adjustment Data. */
    public static final String DISBSAD_FILE = "disbsad.json";
    /** Net Balancing Services Adjustment Data (BPA and SPA). */
    public static final String NETBSAD_FILE = "netbsad.json";
    /** Market Index Data. */
    public static final String MID_FILE = "mid.json";
    /** Loss of Load Probability (optional). */
    public static final String LOLP_FILE = "lolp.json";

    /** Every file a bundle must have, registry included. */
    public static final List<String> REQUIRED_FILES = List.of(DAY_FILE, RegistryCsv.PARTIES_FILE,
        RegistryCsv.BM_UNITS_FILE, METERED_FILE, ECVN_FILE, MVRN_FILE, PN_FILE, BOD_FILE, BOALF_FILE, DISBSAD_FILE,
        NETBSAD_FILE, MID_FILE);

    /**
     * The names {@code day.json}'s {@code "parameters"} may set: {@code alpha} (the share of transmission losses
     * given to delivering Trading Units, 0..1), {@code iipOver} and {@code iipUnder} (the Information Imbalance
     * Prices, £/MWh). Any other name is an error.
     */
    public static final List<String> PARAMETER_NAMES = List.of("alpha", "iipOver", "iipUnder");

    final MarketRegistry registry;
    final BmUnitDay day;
    final long epochDay;
    final SettlementRun run;
    final int periodCount;
    final long[] periodStart;
    final double[] systemPriceOverride;
    Map<String, Double> parameters;
    final double[] bpa;
    final double[] spa;
    final double[] lolp;
    final boolean[] storWindow;
    final PnSegments pn = new PnSegments();
    final BidOfferRows bod = new BidOfferRows();
    final AcceptanceSegments acceptances = new AcceptanceSegments();
    final BsadActions bsad = new BsadActions();
    final MarketIndexRows marketIndex = new MarketIndexRows();
    final MeteredVolumes metered = new MeteredVolumes();
    final ContractVolumes ecvn = new ContractVolumes();
    final Reallocations mvrn = new Reallocations();
    final ServicesVolumes absvd = new ServicesVolumes();
    List<InputProblem> problems = List.of();

    DayBundle(
        final MarketRegistry registry, final long epochDay, final SettlementRun run,
        final double[] systemPriceOverride, final Map<String, Double> parameters)
    {
        this.registry = registry;
        this.epochDay = epochDay;
        this.run = run;
        this.day = registry.newDayView();
        registry.fillDay(epochDay, day);
        final SettlementCalendar calendar = new SettlementCalendar(LocalDate.ofEpochDay(epochDay),
            LocalDate.ofEpochDay(epochDay));
        this.periodCount = calendar.periodsIn(epochDay);
        this.periodStart = new long[periodCount + 2];
        for (int p = 1; p <= periodCount; p++)
        {
            periodStart[p] = calendar.periodStartEpochSecond(epochDay, p);
        }
        periodStart[periodCount + 1] = calendar.periodEndEpochSecond(epochDay, periodCount);
        this.systemPriceOverride = systemPriceOverride;
        this.parameters = Map.copyOf(parameters);
        this.bpa = new double[periodCount + 1];
        this.spa = new double[periodCount + 1];
        this.lolp = new double[periodCount + 1];
        Arrays.fill(lolp, Double.NaN);
        this.storWindow = new boolean[periodCount + 1];
        Arrays.fill(storWindow, true);
    }

    /**
     * Sorts every per-period table by period (keeping the order rows were added in within a period) and indexes it.
     */
    void seal()
    {
        pn.seal(periodCount);
        bod.seal(periodCount);
        acceptances.seal(periodCount);
        bsad.seal(periodCount);
        marketIndex.seal(periodCount);
        metered.seal(periodCount);
        ecvn.seal(periodCount);
        mvrn.seal(periodCount);
        absvd.seal(periodCount);
    }

    /**
     * Loads a bundle directory.
     *
     * @param dir the directory.
     * @return the bundle; its {@link #problems()} lists every row left out.
     * @throws InvalidInputException         if the bundle cannot be settled at all (see the class comment).
     * @throws java.io.UncheckedIOException if a file exists but cannot be read.
     */
    public static DayBundle load(final Path dir)
    {
        return DayBundleLoader.load(dir);
    }

    /**
     * @return the market registry as loaded from the bundle.
     */
    public MarketRegistry registry()
    {
        return registry;
    }

    /**
     * @return every BM Unit's registration on the Settlement Day (lead party, P/C, trading unit, TLF).
     */
    public BmUnitDay day()
    {
        return day;
    }

    /**
     * @return the Settlement Day as days since 1970-01-01.
     */
    public long epochDay()
    {
        return epochDay;
    }

    /**
     * @return the Settlement Day.
     */
    public LocalDate settlementDate()
    {
        return LocalDate.ofEpochDay(epochDay);
    }

    /**
     * @return the settlement run the bundle's data is for.
     */
    public SettlementRun run()
    {
        return run;
    }

    /**
     * @return the Settlement Periods of the day: 46, 48 or 50.
     */
    public int periodCount()
    {
        return periodCount;
    }

    /**
     * @return the UTC epoch second the day starts at (local midnight).
     */
    public long dayStartEpochSecond()
    {
        return periodStart[1];
    }

    /**
     * @return the UTC epoch second the day ends at (exclusive).
     */
    public long dayEndEpochSecond()
    {
        return periodStart[periodCount + 1];
    }

    /**
     * @param period 1 .. {@link #periodCount()}.
     * @return the UTC epoch second the period starts at.
     */
    public long periodStartEpochSecond(final int period)
    {
        return periodStart[period];
    }

    /**
     * @return the Physical Notification segments.
     */
    public PnSegments pn()
    {
        return pn;
    }

    /**
     * @return the Bid-Offer Data.
     */
    public BidOfferRows bod()
    {
        return bod;
    }

    /**
     * @return the acceptance segments (BOALF).
     */
    public AcceptanceSegments acceptances()
    {
        return acceptances;
    }

    /**
     * @return the Balancing Services Adjustment Actions (DISBSAD), by period.
     */
    public BsadActions bsad()
    {
        return bsad;
    }

    /**
     * @return the Market Index Data, by period.
     */
    public MarketIndexRows marketIndex()
    {
        return marketIndex;
    }

    /**
     * @return the BM Unit Metered Volumes, by period.
     */
    public MeteredVolumes meteredVolumes()
    {
        return metered;
    }

    /**
     * @return the Energy Contract Volume Notifications, by period.
     */
    public ContractVolumes ecvn()
    {
        return ecvn;
    }

    /**
     * @return the Metered Volume Reallocation Notifications, by period.
     */
    public Reallocations mvrn()
    {
        return mvrn;
    }

    /**
     * @return the Applicable Balancing Services Volumes, by period (empty without {@code absvd.csv}).
     */
    public ServicesVolumes absvd()
    {
        return absvd;
    }

    /**
     * @param period 1 .. {@link #periodCount()}.
     * @return the Buy Price Price Adjustment BPA, £/MWh (0 when NETBSAD has no row for the period).
     */
    public double bpa(final int period)
    {
        return bpa[period];
    }

    /**
     * @param period 1 .. {@link #periodCount()}.
     * @return the Sell Price Price Adjustment SPA, £/MWh (0 when NETBSAD has no row for the period).
     */
    public double spa(final int period)
    {
        return spa[period];
    }

    /**
     * @param period 1 .. {@link #periodCount()}.
     * @return the Loss of Load Probability, or NaN when {@code lolp.json} gives none.
     */
    public double lolp(final int period)
    {
        return lolp[period];
    }

    /**
     * Whether the period lies in a STOR Availability Window, so that STOR actions are re-priced at
     * RSVP = LoLP × VoLL. From the optional {@code storAvailabilityWindow} field of {@code lolp.json}; true where it
     * is not given ([I]: the LOLPDRM dataset does not carry the windows, and STOR is utilised inside its windows
     * unless NETSO says otherwise).
     *
     * @param period 1 .. {@link #periodCount()}.
     * @return true when STOR actions of the period are re-priced (given a LoLP).
     */
    public boolean storAvailabilityWindow(final int period)
    {
        return storWindow[period];
    }

    /**
     * @param period 1 .. {@link #periodCount()}.
     * @return the system price {@code day.json} imposes for the period, £/MWh, or NaN to use the computed one.
     */
    public double systemPriceOverride(final int period)
    {
        return systemPriceOverride[period];
    }

    /**
     * @return the numeric parameter overrides of {@code day.json}'s {@code "parameters"} object, by name.
     */
    public Map<String, Double> parameters()
    {
        return parameters;
    }

    /**
     * @return every row problem found, in file order (files in {@link #REQUIRED_FILES} order, then the optional
     *         ones); each such row was left out.
     */
    public List<InputProblem> problems()
    {
        return problems;
    }
}
