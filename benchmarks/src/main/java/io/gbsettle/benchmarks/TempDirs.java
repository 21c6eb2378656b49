package io.gbsettle.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The benchmarks' one way to remove the temporary directories they generate data into.
 */
final class TempDirs
{
    private TempDirs()
    {
    }

    /**
     * Deletes a directory and everything below it.
     *
     * @param dir the directory.
     * @throws UncheckedIOException if it cannot be listed.
     */
    static void delete(final Path dir)
    {
        try (Stream<Path> paths = Files.walk(dir))
        {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot delete " + dir, ex);
        }
    }
}
