package io.gbsettle.core.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.gbsettle.core.time.EpochDays;

/**
 * Generates a synthetic but realistically shaped GB market registry, deterministically from a seed: the same seed
 * and size always give the same registry (and so the same CSV bytes), on any JVM. Pure: no I/O, builds through
 * {@link RegistryBuilder}, so it obeys the same rules as a loaded registry.
 *
 * <p>The mix, at {@link Size#NATIONAL} (about 2,700 BM Units, 350 parties):
 * <ul>
 *   <li>suppliers, each with 14 base BM Units {@code 2__<gsp letter><party id>000}, one per GSP Group, in that
 *       GSP Group's Base Trading Unit {@code BASE_TU<gsp id>} (for example {@code BASE_TU_A}) [I] naming;</li>
 *   <li>additional supplier BM Units {@code 2__<gsp letter><party id>001}, {@code 002}... in the same Base Trading
 *       Unit, mostly Consumption;</li>
 *   <li>transmission-connected generators {@code T_<station>-<n>} at stations of one to six units, some sharing a
 *       station trading unit {@code TU_<station>}, the others each a sole trading unit; no TLF of their own, so
 *       their zone's seasonal TLF applies;</li>
 *   <li>embedded generators {@code E_<site>-<n>}, a tenth of them with a site-specific TLF;</li>
 *   <li>interconnector BM Units {@code I_I<user code>-<country><n>} (such as {@code I_IED-FRA1}) for interconnector
 *       users on GB's real interconnectors, grouped into one trading unit per interconnector, some without a GSP
 *       Group;</li>
 *   <li>virtual lead party (secondary) BM Units {@code V__<gsp letter><party id><nnn>};</li>
 *   <li>trading-only parties with no BM Unit, and a few BM Units whose lead party changes on a date (two
 *       effective-dated versions).</li>
 * </ul>
 *
 * <p>Seasonal TLFs are generated for all 14 zones and every season, negative in the north (generation there carries
 * more losses) and positive in the south, largest in winter, and re-drawn for each BSC year (1 April to 31 March):
 * 2023/24, 2024/25 and 2025/26, each entry effective for its year, the last open-ended (in force until further
 * notice). Before 1 April 2023 there are none, so zonal TLFs are 0 then. All of it is synthetic: no real party,
 * site or TLF is described.
 */
public final class SyntheticRegistry
{
    /**
     * How big a registry to generate.
     */
    public enum Size
    {
        /**
         * About 45 BM Units and 10 parties: unit tests.
         */
        SMALL(2, 3, 1, 1, 2, 1, 3, 6, 3, 3, 2, 2),

        /**
         * About 290 BM Units and 40 parties: integration tests and demos.
         */
        MEDIUM(12, 8, 5, 4, 6, 5, 30, 50, 25, 8, 12, 4),

        /**
         * About 2,700 BM Units and 350 parties: the whole GB market.
         */
        NATIONAL(110, 70, 40, 30, 40, 60, 330, 450, 230, 40, 110, 12);

        final int suppliers;
        final int generators;
        final int embeddedGenerators;
        final int virtualLeadParties;
        final int interconnectorUsers;
        final int traders;
        final int additionalSupplierUnits;
        final int transmissionUnits;
        final int embeddedUnits;
        final int interconnectorUnits;
        final int virtualUnits;
        final int leadPartyChanges;

        Size(
            final int suppliers,
            final int generators,
            final int embeddedGenerators,
            final int virtualLeadParties,
            final int interconnectorUsers,
            final int traders,
            final int additionalSupplierUnits,
            final int transmissionUnits,
            final int embeddedUnits,
            final int interconnectorUnits,
            final int virtualUnits,
            final int leadPartyChanges)
        {
            this.suppliers = suppliers;
            this.generators = generators;
            this.embeddedGenerators = embeddedGenerators;
            this.virtualLeadParties = virtualLeadParties;
            this.interconnectorUsers = interconnectorUsers;
            this.traders = traders;
            this.additionalSupplierUnits = additionalSupplierUnits;
            this.transmissionUnits = transmissionUnits;
            this.embeddedUnits = embeddedUnits;
            this.interconnectorUnits = interconnectorUnits;
            this.virtualUnits = virtualUnits;
            this.leadPartyChanges = leadPartyChanges;
        }

        /**
         * @return how many parties a registry of this size has.
         */
        public int partyCount()
        {
            return suppliers + generators + embeddedGenerators + virtualLeadParties + interconnectorUsers + traders;
        }

        /**
         * @return how many BM Units a registry of this size has.
         */
        public int bmUnitCount()
        {
            return suppliers * GspGroup.COUNT + additionalSupplierUnits + transmissionUnits + embeddedUnits +
                interconnectorUnits + virtualUnits;
        }
    }

    private static final String[] PLACES =
    {
        "Albion", "Anglia", "Avon", "Beacon", "Bramble", "Brook", "Caledon", "Cambrian", "Castle", "Cheviot",
        "Clyde", "Cobalt", "Cotswold", "Crown", "Dales", "Derwent", "Dorset", "Eden", "Elmwood", "Fenland",
        "Forth", "Glen", "Granite", "Harbour", "Heath", "Highland", "Humber", "Isca", "Kelvin", "Kestrel",
        "Lakeland", "Lomond", "Lune", "Marsh", "Medway", "Mercia", "Moorland", "Nene", "Northumbria", "Oakham",
        "Orwell", "Ouse", "Peak", "Pennine", "Quayside", "Ribble", "Rowan", "Saxon", "Severn", "Shire",
        "Solent", "Spey", "Swale", "Tamar", "Tay", "Tees", "Thames", "Trent", "Tweed", "Tyne",
        "Usk", "Vale", "Wessex", "Willow", "Wye", "Yare"
    };

    private static final String[] QUALIFIERS =
    {
        "", "", "", "Green", "Blue", "Bright", "Valley", "Bay", "Ridge", "Gate", "Point", "Field", "Star", "North"
    };

    private static final String[] SUPPLIER_SUFFIXES =
    {
        "Energy Supply Ltd", "Energy Ltd", "Power Ltd", "Home Energy Ltd", "Utilities Ltd", "Electricity Ltd"
    };

    private static final String[] GENERATOR_SUFFIXES =
    {
        "Generation Ltd", "Power Stations Ltd", "Renewables Ltd", "Wind Farm Ltd", "Energy Generation plc",
        "Offshore Wind Ltd"
    };

    private static final String[] EMBEDDED_SUFFIXES =
    {
        "Solar Ltd", "Community Energy Ltd", "Hydro Ltd", "Biogas Ltd", "Solar Farms Ltd"
    };

    private static final String[] VIRTUAL_SUFFIXES =
    {
        "Flexibility Ltd", "Flex Ltd", "Demand Response Ltd", "Aggregation Ltd"
    };

    private static final String[] INTERCONNECTOR_USER_SUFFIXES =
    {
        "Energy Trading Ltd", "Trading & Supply Ltd", "Markets Ltd", "Commodities Ltd"
    };

    private static final String[] TRADER_SUFFIXES =
    {
        "Trading Ltd", "Capital Markets Ltd", "Energy Trading LLP", "Commodities (UK) Ltd"
    };

    /**
     * GB interconnectors as (country code with number, GSP Group id or empty): IFA, IFA2, ElecLink, BritNed, Nemo
     * Link, North Sea Link, Viking Link, Moyle, East West, Greenlink.
     */
    private static final String[][] INTERCONNECTORS =
    {
        { "FRA1", "_J" }, { "FRA2", "_H" }, { "FRA3", "" }, { "NED1", "_J" }, { "BEL1", "" },
        { "NOR1", "_F" }, { "DEN1", "" }, { "NIR1", "_N" }, { "IRL1", "" }, { "IRL2", "_K" }
    };

    /**
     * Base TLF per zone, in GSP Group index order: negative in the north, positive in the south. Synthetic.
     */
    private static final double[] ZONE_TLF =
    {
        0.008, 0.002, 0.012, -0.002, 0.004, -0.010, -0.004, 0.011, 0.013, 0.001, 0.010, -0.005, -0.020, -0.032
    };

    private static final double[] SEASON_SCALE = { 1.2, 1.0, 0.8, 1.0 };

    /**
     * Where transmission generation sits, by GSP Group index: weighted towards Scotland and the North.
     */
    private static final int[] GENERATION_WEIGHT = { 6, 3, 1, 4, 3, 5, 4, 4, 5, 4, 3, 6, 8, 10 };

    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String STATION_KINDS = "GWOBXP";
    private static final long FIRST_CHANGE_DAY = LocalDate.of(2023, 1, 1).toEpochDay();
    private static final int CHANGE_WINDOW_DAYS = 3 * 365;

    /**
     * The first BSC year with generated TLFs, by the calendar year it starts in (on 1 April).
     */
    private static final int FIRST_TLF_YEAR = 2023;

    /**
     * How many BSC years of TLFs are generated.
     */
    private static final int TLF_YEARS = 3;

    /**
     * How far a zone's TLF may drift from one BSC year to the next, either way, in units of 0.00001. Synthetic.
     */
    private static final int YEARLY_DRIFT = 200;

    private final SplitMix64 random;
    private final Size size;
    private final RegistryBuilder builder = new RegistryBuilder();
    private final Set<String> names = new HashSet<>();
    private final Set<String> codes = new HashSet<>();
    private final List<String> suppliers = new ArrayList<>();
    private final List<String> generators = new ArrayList<>();
    private final List<String> embeddedGenerators = new ArrayList<>();
    private final List<String> virtualLeadParties = new ArrayList<>();
    private final List<String> interconnectorUsers = new ArrayList<>();
    private final List<Unit> units = new ArrayList<>();

    private SyntheticRegistry(final long seed, final Size size)
    {
        this.random = new SplitMix64(seed);
        this.size = size;
    }

    /**
     * Generates a registry.
     *
     * @param seed any value; the same seed and size give the same registry.
     * @param size how big.
     * @return the registry.
     */
    public static MarketRegistry generate(final long seed, final Size size)
    {
        return new SyntheticRegistry(seed, size).generate();
    }

    private MarketRegistry generate()
    {
        addParties(suppliers, size.suppliers, SUPPLIER_SUFFIXES);
        addParties(generators, size.generators, GENERATOR_SUFFIXES);
        addParties(embeddedGenerators, size.embeddedGenerators, EMBEDDED_SUFFIXES);
        addParties(virtualLeadParties, size.virtualLeadParties, VIRTUAL_SUFFIXES);
        addParties(interconnectorUsers, size.interconnectorUsers, INTERCONNECTOR_USER_SUFFIXES);
        addParties(new ArrayList<>(), size.traders, TRADER_SUFFIXES);

        addSupplierUnits();
        addTransmissionUnits();
        addEmbeddedUnits();
        addInterconnectorUnits();
        addVirtualUnits();
        changeLeadParties();
        for (final Unit unit : units)
        {
            unit.addTo(builder);
        }
        addSeasonalTlfs();
        return builder.build();
    }

    private void addParties(final List<String> ids, final int count, final String[] suffixes)
    {
        for (int i = 0; i < count; i++)
        {
            String place;
            String name;
            do
            {
                place = pick(PLACES);
                final String qualifier = pick(QUALIFIERS);
                name = place + (qualifier.isEmpty() ? "" : " " + qualifier) + " " + pick(suffixes);
            }
            while (!names.add(name));
            final String code = uniqueCode(place.toUpperCase(Locale.ROOT), 4);
            ids.add(code);
            builder.party(code, name);
        }
    }

    private void addSupplierUnits()
    {
        final int[][] nextNumber = new int[suppliers.size()][GspGroup.COUNT];
        for (int s = 0; s < suppliers.size(); s++)
        {
            for (int g = 0; g < GspGroup.COUNT; g++)
            {
                units.add(new Unit(supplierUnitId(g, suppliers.get(s), 0), suppliers.get(s), false,
                    baseTradingUnitId(g), false, GspGroup.id(g), MarketRegistry.NO_TLF));
                nextNumber[s][g] = 1;
            }
        }
        for (int i = 0; i < size.additionalSupplierUnits; i++)
        {
            final int s = skewedIndex(suppliers.size());
            final int g = random.nextInt(GspGroup.COUNT);
            final boolean production = random.nextInt(5) == 0;
            units.add(new Unit(supplierUnitId(g, suppliers.get(s), nextNumber[s][g]++), suppliers.get(s), production,
                baseTradingUnitId(g), false, GspGroup.id(g), MarketRegistry.NO_TLF));
        }
    }

    private void addTransmissionUnits()
    {
        int remaining = size.transmissionUnits;
        while (remaining > 0)
        {
            final char kind = STATION_KINDS.charAt(random.nextInt(STATION_KINDS.length()));
            final String station = uniqueCode(pick(PLACES).toUpperCase(Locale.ROOT), 4) + kind;
            codes.add(station);
            final int unitCount = Math.min(remaining, 1 + random.nextInt(6));
            final String owner = generators.get(skewedIndex(generators.size()));
            final int zone = weightedZone();
            final boolean shared = unitCount > 1 && random.nextInt(5) < 2;
            for (int n = 1; n <= unitCount; n++)
            {
                final String id = "T_" + station + '-' + n;
                final boolean production = kind != 'P' || n % 2 == 1;
                units.add(new Unit(id, owner, production, shared ? "TU_" + station : id, false, GspGroup.id(zone),
                    MarketRegistry.NO_TLF));
            }
            remaining -= unitCount;
        }
    }

    private void addEmbeddedUnits()
    {
        int remaining = size.embeddedUnits;
        while (remaining > 0)
        {
            final String site = uniqueCode(pick(PLACES).toUpperCase(Locale.ROOT), 5);
            final int unitCount = Math.min(remaining, 1 + random.nextInt(3));
            final List<String> owners = random.nextInt(4) == 0 ? generators : embeddedGenerators;
            final String owner = owners.get(random.nextInt(owners.size()));
            final int zone = random.nextInt(GspGroup.COUNT);
            final double tlf = random.nextInt(10) == 0 ? seasonalTlf(zone, Season.WINTER) : MarketRegistry.NO_TLF;
            for (int n = 1; n <= unitCount; n++)
            {
                final String id = "E_" + site + '-' + n;
                units.add(new Unit(id, owner, true, id, false, GspGroup.id(zone), tlf));
            }
            remaining -= unitCount;
        }
    }

    private void addInterconnectorUnits()
    {
        final Set<String> userCodes = new HashSet<>();
        final String[] userCode = new String[interconnectorUsers.size()];
        for (int u = 0; u < userCode.length; u++)
        {
            userCode[u] = uniqueUserCode(interconnectorUsers.get(u), userCodes);
        }
        final Set<String> ids = new HashSet<>();
        int added = 0;
        while (added < size.interconnectorUnits)
        {
            final int u = random.nextInt(userCode.length);
            final String[] link = INTERCONNECTORS[added < INTERCONNECTORS.length ?
                added : random.nextInt(INTERCONNECTORS.length)];
            final String id = "I_I" + userCode[u] + '-' + link[0];
            if (ids.add(id))
            {
                units.add(new Unit(id, interconnectorUsers.get(u), random.nextInt(2) == 0, "TU_I_" + link[0], true,
                    link[1], MarketRegistry.NO_TLF));
                added++;
            }
        }
    }

    private void addVirtualUnits()
    {
        final int[] nextNumber = new int[virtualLeadParties.size() * GspGroup.COUNT];
        for (int i = 0; i < size.virtualUnits; i++)
        {
            final int p = random.nextInt(virtualLeadParties.size());
            final int g = random.nextInt(GspGroup.COUNT);
            final String party = virtualLeadParties.get(p);
            final String id = "V__" + GspGroup.id(g).charAt(1) + party +
                String.format(Locale.ROOT, "%03d", ++nextNumber[p * GspGroup.COUNT + g]);
            units.add(new Unit(id, party, random.nextInt(3) == 0, id, false, GspGroup.id(g), MarketRegistry.NO_TLF));
        }
    }

    private void changeLeadParties()
    {
        int changed = 0;
        while (changed < size.leadPartyChanges)
        {
            final Unit unit = units.get(random.nextInt(units.size()));
            final boolean transmission = unit.id.startsWith("T_");
            if ((transmission || unit.id.startsWith("E_")) && null == unit.successor)
            {
                final int owners = transmission ? generators.size() : generators.size() + embeddedGenerators.size();
                final int owner = random.nextInt(owners);
                final String newOwner = owner < generators.size() ?
                    generators.get(owner) : embeddedGenerators.get(owner - generators.size());
                if (!newOwner.equals(unit.leadParty))
                {
                    unit.changeLeadParty(newOwner, FIRST_CHANGE_DAY + random.nextInt(CHANGE_WINDOW_DAYS));
                    changed++;
                }
            }
        }
    }

    private void addSeasonalTlfs()
    {
        for (int year = 0; year < TLF_YEARS; year++)
        {
            final long from = EpochDays.of(FIRST_TLF_YEAR + year, 4, 1);
            final long to = year == TLF_YEARS - 1 ?
                MarketRegistry.OPEN_END : EpochDays.of(FIRST_TLF_YEAR + year + 1, 4, 1) - 1;
            for (int g = 0; g < GspGroup.COUNT; g++)
            {
                final int drift = random.nextInt(2 * YEARLY_DRIFT + 1) - YEARLY_DRIFT;
                for (int s = 0; s < Season.COUNT; s++)
                {
                    builder.seasonalTlf(GspGroup.id(g), s, seasonalTlf(g, s, drift), from, to);
                }
            }
        }
    }

    private double seasonalTlf(final int zone, final int season)
    {
        return seasonalTlf(zone, season, 0);
    }

    /**
     * @param drift a shift of the zone's TLF, in units of 0.00001, on top of a fresh jitter.
     */
    private double seasonalTlf(final int zone, final int season, final int drift)
    {
        final double jitter = (random.nextInt(201) - 100 + drift) * 0.00001;
        return Math.round((ZONE_TLF[zone] * SEASON_SCALE[season] + jitter) * 100_000.0) / 100_000.0;
    }

    private String uniqueCode(final String stem, final int length)
    {
        final String padded = (stem + "XXXXXXXX").substring(0, length);
        if (codes.add(padded))
        {
            return padded;
        }
        final String head = padded.substring(0, length - 1);
        for (int i = 0; i < LETTERS.length(); i++)
        {
            final String candidate = head + LETTERS.charAt(i);
            if (codes.add(candidate))
            {
                return candidate;
            }
        }
        final String shortHead = padded.substring(0, length - 2);
        for (int n = 0; n < 100; n++)
        {
            final String candidate = shortHead + String.format(Locale.ROOT, "%02d", n);
            if (codes.add(candidate))
            {
                return candidate;
            }
        }
        throw new IllegalStateException("no free code for " + stem);
    }

    private static String uniqueUserCode(final String partyId, final Set<String> taken)
    {
        for (int i = 1; i < partyId.length(); i++)
        {
            final String candidate = "" + partyId.charAt(0) + partyId.charAt(i);
            if (taken.add(candidate))
            {
                return candidate;
            }
        }
        for (int i = 0; i < LETTERS.length() * LETTERS.length(); i++)
        {
            final String candidate = "" + LETTERS.charAt(i / LETTERS.length()) + LETTERS.charAt(i % LETTERS.length());
            if (taken.add(candidate))
            {
                return candidate;
            }
        }
        throw new IllegalStateException("more than 676 interconnector users");
    }

    private static String supplierUnitId(final int gspGroup, final String partyId, final int number)
    {
        return "2__" + GspGroup.id(gspGroup).charAt(1) + partyId + String.format(Locale.ROOT, "%03d", number);
    }

    private static String baseTradingUnitId(final int gspGroup)
    {
        return "BASE_TU" + GspGroup.id(gspGroup);
    }

    private String pick(final String[] values)
    {
        return values[random.nextInt(values.length)];
    }

    /**
     * An index skewed towards 0, so the first few suppliers and generators are the big ones.
     */
    private int skewedIndex(final int count)
    {
        final int a = random.nextInt(count);
        final int b = random.nextInt(count);
        return Math.min(a, b);
    }

    private int weightedZone()
    {
        int total = 0;
        for (final int weight : GENERATION_WEIGHT)
        {
            total += weight;
        }
        int draw = random.nextInt(total);
        for (int g = 0; g < GspGroup.COUNT; g++)
        {
            draw -= GENERATION_WEIGHT[g];
            if (draw < 0)
            {
                return g;
            }
        }
        return GspGroup.COUNT - 1;
    }

    /**
     * One generated BM Unit: its registration, and optionally the day its lead party changes.
     */
    private static final class Unit
    {
        final String id;
        final String leadParty;
        final boolean production;
        final String tradingUnit;
        final boolean interconnector;
        final String gspGroup;
        final double tlf;
        String successor;
        long changeDay;

        Unit(
            final String id,
            final String leadParty,
            final boolean production,
            final String tradingUnit,
            final boolean interconnector,
            final String gspGroup,
            final double tlf)
        {
            this.id = id;
            this.leadParty = leadParty;
            this.production = production;
            this.tradingUnit = tradingUnit;
            this.interconnector = interconnector;
            this.gspGroup = gspGroup;
            this.tlf = tlf;
        }

        void changeLeadParty(final String newLeadParty, final long epochDay)
        {
            successor = newLeadParty;
            changeDay = epochDay;
        }

        void addTo(final RegistryBuilder builder)
        {
            if (null == successor)
            {
                builder.bmUnit(id, leadParty, production, tradingUnit, interconnector, gspGroup, tlf);
            }
            else
            {
                builder.bmUnit(id, leadParty, production, tradingUnit, interconnector, gspGroup, tlf,
                    MarketRegistry.OPEN_START, changeDay - 1);
                builder.bmUnit(id, successor, production, tradingUnit, interconnector, gspGroup, tlf,
                    changeDay, MarketRegistry.OPEN_END);
            }
        }
    }

    /**
     * SplitMix64 (Steele, Lea and Flood): a tiny generator whose output is fixed by its published algorithm, so that
     * a seed gives the same registry on every JVM and version.
     */
    private static final class SplitMix64
    {
        private long state;

        SplitMix64(final long seed)
        {
            state = seed;
        }

        long nextLong()
        {
            long z = (state += 0x9E3779B97F4A7C15L);
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        int nextInt(final int bound)
        {
            return (int)Long.remainderUnsigned(nextLong(), bound);
        }
    }
}
