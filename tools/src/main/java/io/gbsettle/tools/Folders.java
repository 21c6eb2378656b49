package io.gbsettle.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The command line's one way to remove a folder it owns (a scratch journal, the demo's outputs) before writing it
 * again.
 */
final class Folders
{
    private Folders()
    {
    }

    /**
     * Deletes a folder and everything in it; nothing happens when it does not exist.
     *
     * @param dir the folder.
     * @throws UncheckedIOException naming the folder when something in it cannot be deleted.
     */
    static void deleteTree(final Path dir)
    {
        if (!Files.exists(dir))
        {
            return;
        }
        try (Stream<Path> files = Files.walk(dir))
        {
            for (final Path p : (Iterable<Path>)files.sorted(Comparator.reverseOrder())::iterator)
            {
                Files.deleteIfExists(p);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot clear " + dir + ": " + ex.getMessage(), ex);
        }
    }
}
