package io.gbsettle.core.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.gbsettle.core.registry.GspGroup;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.RegistryBuilder;
import io.gbsettle.core.registry.Season;
import org.junit.jupiter.api.Test;

import static io.gbsettle.core.testing.PropertyChecks.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Random registries built through {@link RegistryBuilder}, with awkward identifiers and names (commas, quotes,
 * line breaks, edge spaces, non-ASCII), GSP Group ids in either case, versions and effective-dated seasonal TLFs
 * added in shuffled order, survive {@link RegistryCsv} unchanged.
 * Each example is a registry grown from a generated seed, so a failure names the seed that reproduces it.
 */
class RegistryCsvRoundTripProperties
{
    private static final long FIRST_DAY = 18_000;
    private static final long LAST_DAY = 21_000;
    private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ_-2 ,\"\u00e9";
    private static final String NAME_CHARS =
        " !\"#$%&'()*+,-./0123456789:;<=>?@ABCXYZ[]^_`abcxyz{|}~\n\r\t\u00a3\u00fc";
    private static final double[] SPECIAL_TLFS = {-0.0, 0.0, 1e-7, -0.5, 0.5, 0.1 + 0.2};

    @Test
    void writeThenLoadIsIdentity()
    {
        check(200).forAll(longs().all()).checkAssert((final Long seed) -> roundTrips(randomRegistry(seed)));
    }

    private static void roundTrips(final MarketRegistry registry)
    {
        try
        {
            final Path dir = Files.createTempDirectory("registry-property");
            try
            {
                RegistryCsv.write(registry, dir);
                assertEquals(registry, RegistryCsv.load(dir));
            }
            finally
            {
                delete(dir);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static MarketRegistry randomRegistry(final long seed)
    {
        final Random random = new Random(seed);
        final RegistryBuilder builder = MarketRegistry.builder();
        final List<String> partyIds = new ArrayList<>(uniqueStrings(random, ID_CHARS, 1 + random.nextInt(8), 8));
        for (final String partyId : partyIds)
        {
            builder.party(partyId, randomString(random, NAME_CHARS, 24));
        }
        final List<Runnable> additions = new ArrayList<>();
        for (final String unitId : uniqueStrings(random, ID_CHARS, random.nextInt(11), 8))
        {
            final boolean interconnector = random.nextBoolean();
            final int versions = 1 + random.nextInt(3);
            final TreeSet<Long> bounds = new TreeSet<>();
            while (bounds.size() < 2 * versions)
            {
                bounds.add(FIRST_DAY + (long)random.nextInt((int)(LAST_DAY - FIRST_DAY + 1)));
            }
            final Long[] sorted = bounds.toArray(new Long[0]);
            final boolean openStart = random.nextBoolean();
            final boolean openEnd = random.nextBoolean();
            for (int v = 0; v < versions; v++)
            {
                final String leadParty = partyIds.get(random.nextInt(partyIds.size()));
                final boolean production = random.nextBoolean();
                final String tradingUnit = randomString(random, ID_CHARS, 8);
                final int gspDrawn = random.nextInt(GspGroup.COUNT + 1) - 1;
                final int gsp = gspDrawn < 0 && !interconnector ? 0 : gspDrawn;
                final double tlf = randomTlf(random);
                final long from = v == 0 && openStart ? MarketRegistry.OPEN_START : sorted[2 * v];
                final long to = v == versions - 1 && openEnd ? MarketRegistry.OPEN_END : sorted[2 * v + 1] - 1;
                final String gspId = gsp < 0 ? "" : gspId(random, gsp);
                additions.add(() -> builder.bmUnit(unitId, leadParty, production, tradingUnit, interconnector,
                    gspId, tlf, from, to));
            }
        }
        Collections.shuffle(additions, random);
        additions.forEach(Runnable::run);
        final List<Runnable> tlfAdditions = new ArrayList<>();
        final Set<Integer> slots = new HashSet<>();
        for (int i = random.nextInt(21); i > 0; i--)
        {
            final int gsp = random.nextInt(GspGroup.COUNT);
            final int season = random.nextInt(Season.COUNT);
            if (slots.add(gsp * Season.COUNT + season))
            {
                addSeasonalTlfs(random, builder, tlfAdditions, gsp, season);
            }
        }
        Collections.shuffle(tlfAdditions, random);
        tlfAdditions.forEach(Runnable::run);
        return builder.build();
    }

    /**
     * One to three non-overlapping entries for a zone and season: BSC-year-like ranges, the first possibly open at
     * the start and the last possibly open at the end, or one entry open at both ends.
     */
    private static void addSeasonalTlfs(
        final Random random, final RegistryBuilder builder, final List<Runnable> additions, final int gsp,
        final int season)
    {
        final int years = 1 + random.nextInt(3);
        final long firstStart = FIRST_DAY + random.nextInt(365);
        final boolean openStart = random.nextBoolean();
        final boolean openEnd = random.nextBoolean();
        for (int y = 0; y < years; y++)
        {
            final long from = y == 0 && openStart ? MarketRegistry.OPEN_START : firstStart + 365L * y;
            final long to = y == years - 1 && openEnd ?
                MarketRegistry.OPEN_END : firstStart + 365L * (y + 1) - 1 - random.nextInt(30);
            final String gspId = gspId(random, gsp);
            final double tlf = scaled(random.nextDouble() - 0.5, 6);
            additions.add(() -> builder.seasonalTlf(gspId, season, tlf, from, to));
        }
    }

    /**
     * A GSP Group's id, sometimes in lower case: ids are case-insensitive and always written upper case.
     */
    private static String gspId(final Random random, final int gsp)
    {
        return random.nextInt(4) == 0 ? GspGroup.id(gsp).toLowerCase(Locale.ROOT) : GspGroup.id(gsp);
    }

    private static double randomTlf(final Random random)
    {
        final int pick = random.nextInt(5);
        if (pick == 0)
        {
            return MarketRegistry.NO_TLF;
        }
        if (pick == 1)
        {
            return SPECIAL_TLFS[random.nextInt(SPECIAL_TLFS.length)];
        }
        return scaled(random.nextDouble() - 0.5, 7);
    }

    private static double scaled(final double value, final int scale)
    {
        return java.math.BigDecimal.valueOf(value).setScale(scale, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    private static Set<String> uniqueStrings(final Random random, final String chars, final int count, final int max)
    {
        final Set<String> strings = new java.util.LinkedHashSet<>();
        while (strings.size() < count)
        {
            strings.add(randomString(random, chars, max));
        }
        return strings;
    }

    private static String randomString(final Random random, final String chars, final int maxLength)
    {
        while (true)
        {
            final int length = 1 + random.nextInt(maxLength);
            final StringBuilder sb = new StringBuilder(length);
            for (int i = 0; i < length; i++)
            {
                sb.append(chars.charAt(random.nextInt(chars.length())));
            }
            if (!sb.toString().isBlank())
            {
                return sb.toString();
            }
        }
    }

    private static void delete(final Path dir)
    {
        try (Stream<Path> paths = Files.walk(dir))
        {
            paths.sorted(Comparator.reverseOrder()).forEach((final Path path) ->
            {
                try
                {
                    Files.delete(path);
                }
                catch (final IOException ex)
                {
                    throw new UncheckedIOException(ex);
                }
            });
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

}
