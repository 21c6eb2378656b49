package io.gbsettle.core.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;

import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.time.SettlementRun;

/**
 * One generated national-size day bundle (seed 42, 2025-06-10, with the planted errors) shared by the tests of a
 * test run, so that the suite writes and loads it once; deleted when the JVM exits.
 */
public final class NationalBundle
{
    /** The settlement day. */
    public static final LocalDate DAY = LocalDate.of(2025, 6, 10);

    private static Path dir;
    private static SyntheticBundle.Summary summary;
    private static DayBundle bundle;

    private NationalBundle()
    {
    }

    /**
     * @return the bundle's directory, written on first use.
     */
    public static synchronized Path dir()
    {
        if (dir == null)
        {
            try
            {
                final Path created = Files.createTempDirectory("gbsettle-national-bundle");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(created)));
                summary = SyntheticBundle.write(SyntheticRegistry.generate(42, SyntheticRegistry.Size.NATIONAL), 42,
                    DAY, SettlementRun.SF, true, created);
                dir = created;
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
        return dir;
    }

    /**
     * @return what the generator wrote.
     */
    public static synchronized SyntheticBundle.Summary summary()
    {
        dir();
        return summary;
    }

    /**
     * @return the bundle, loaded on first use.
     */
    public static synchronized DayBundle load()
    {
        if (bundle == null)
        {
            bundle = DayBundle.load(dir());
        }
        return bundle;
    }

    private static void delete(final Path root)
    {
        try (Stream<Path> paths = Files.walk(root))
        {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (final IOException ignore)
        {
            // best effort at exit
        }
    }
}
