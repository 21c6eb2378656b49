package io.gbsettle.core.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import io.gbsettle.core.registry.GspGroup;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.RegistryBuilder;
import io.gbsettle.core.registry.Season;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Random registries built through {@link RegistryBuilder}, with awkward identifiers and names (commas, quotes,
 * line breaks, edge spaces, non-ASCII), versions added in shuffled order, survive {@link RegistryCsv} unchanged.
 */
class RegistryCsvRoundTripProperties
{
    private static final long FIRST_DAY = 18_000;
    private static final long LAST_DAY = 21_000;

    @Property(tries = 200)
    void writeThenLoadIsIdentity(@ForAll("registries") final MarketRegistry registry) throws IOException
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

    @Provide
    Arbitrary<MarketRegistry> registries()
    {
        final Arbitrary<String> ids = Arbitraries.strings()
            .withCharRange('A', 'Z').withChars('_', '-', '2', ' ', ',', '"', 'é')
            .ofMinLength(1).ofMaxLength(8)
            .filter((final String s) -> !s.isBlank());
        final Arbitrary<String> names = Arbitraries.strings()
            .withCharRange(' ', '~').withChars('\n', '\r', '\t', '£', 'ü')
            .ofMinLength(1).ofMaxLength(24)
            .filter((final String s) -> !s.isBlank());

        return ids.list().uniqueElements().ofMinSize(1).ofMaxSize(8).flatMap((final List<String> partyIds) ->
            Combinators.combine(
                names.list().ofSize(partyIds.size()),
                unit(partyIds.size(), ids).list().ofMaxSize(10).uniqueElements(UnitSpec::id),
                seasonalTlf().list().ofMaxSize(20).uniqueElements(TlfSpec::slot),
                Arbitraries.randoms())
            .as((final List<String> partyNames, final List<UnitSpec> units, final List<TlfSpec> tlfs,
                final Random random) -> build(partyIds, partyNames, units, tlfs, random)));
    }

    private static Arbitrary<UnitSpec> unit(final int partyCount, final Arbitrary<String> ids)
    {
        final Arbitrary<VersionSpec> version = Combinators.combine(
            Arbitraries.integers().between(0, partyCount - 1),
            Arbitraries.of(true, false),
            ids,
            Arbitraries.integers().between(-1, GspGroup.COUNT - 1),
            tlf())
            .as(VersionSpec::new);
        return version.list().ofMinSize(1).ofMaxSize(3).flatMap((final List<VersionSpec> versions) ->
            Combinators.combine(
                ids,
                Arbitraries.of(true, false),
                Arbitraries.longs().between(FIRST_DAY, LAST_DAY).set().ofSize(2 * versions.size()),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false))
            .as((final String id, final Boolean interconnector, final Set<Long> bounds,
                final Boolean openStart, final Boolean openEnd) ->
                new UnitSpec(id, interconnector, versions, bounds.stream().sorted().toList(), openStart, openEnd)));
    }

    private static Arbitrary<Double> tlf()
    {
        return Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.just(MarketRegistry.NO_TLF)),
            Tuple.of(3, Arbitraries.doubles().between(-0.5, 0.5).ofScale(7)),
            Tuple.of(1, Arbitraries.of(-0.0, 0.0, 1e-7, -0.5, 0.5, 0.1 + 0.2)));
    }

    private static Arbitrary<TlfSpec> seasonalTlf()
    {
        return Combinators.combine(
            Arbitraries.integers().between(0, GspGroup.COUNT - 1),
            Arbitraries.integers().between(0, Season.COUNT - 1),
            Arbitraries.doubles().between(-0.5, 0.5).ofScale(6))
            .as(TlfSpec::new);
    }

    private static MarketRegistry build(
        final List<String> partyIds,
        final List<String> partyNames,
        final List<UnitSpec> units,
        final List<TlfSpec> tlfs,
        final Random random)
    {
        final RegistryBuilder builder = MarketRegistry.builder();
        for (int p = 0; p < partyIds.size(); p++)
        {
            builder.party(partyIds.get(p), partyNames.get(p));
        }
        final List<Runnable> additions = new ArrayList<>();
        for (final UnitSpec unit : units)
        {
            for (int v = 0; v < unit.versions.size(); v++)
            {
                final VersionSpec version = unit.versions.get(v);
                final long from = v == 0 && unit.openStart ? MarketRegistry.OPEN_START : unit.bounds.get(2 * v);
                final long to = v == unit.versions.size() - 1 && unit.openEnd ?
                    MarketRegistry.OPEN_END : unit.bounds.get(2 * v + 1) - 1;
                final int gsp = version.gspGroup < 0 && !unit.interconnector ? 0 : version.gspGroup;
                additions.add(() -> builder.bmUnit(
                    unit.id, partyIds.get(version.party), version.production, version.tradingUnit,
                    unit.interconnector, gsp < 0 ? "" : GspGroup.id(gsp), version.tlf, from, to));
            }
        }
        Collections.shuffle(additions, random);
        additions.forEach(Runnable::run);
        for (final TlfSpec tlf : tlfs)
        {
            builder.seasonalTlf(GspGroup.id(tlf.gspGroup), tlf.season, tlf.tlf);
        }
        return builder.build();
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

    private record VersionSpec(int party, boolean production, String tradingUnit, int gspGroup, double tlf)
    {
    }

    private record UnitSpec(
        String id, boolean interconnector, List<VersionSpec> versions, List<Long> bounds, boolean openStart,
        boolean openEnd)
    {
    }

    private record TlfSpec(int gspGroup, int season, double tlf)
    {
        int slot()
        {
            return gspGroup * Season.COUNT + season;
        }
    }
}
