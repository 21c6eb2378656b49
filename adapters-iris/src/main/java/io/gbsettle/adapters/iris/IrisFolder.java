package io.gbsettle.adapters.iris;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Saved IRIS messages in the official clients' layout: one file per message, named by its message id, under a folder
 * per dataset ({@code DIR/BOALF/BOALF_202405012323_6182.json}), holding the body as received. Writes such a folder
 * (from {@link IrisDayMessages}) and replays one through an {@link IrisHandler}, in publication order: by the time
 * stamp in the message id ({@code {DATASET}_{yyyyMMddHHmm}_...}), then dataset, then name.
 */
public final class IrisFolder
{
    private IrisFolder()
    {
    }

    /**
     * What a replay did.
     *
     * @param messages     files replayed.
     * @param completed    answered COMPLETE (duplicates included).
     * @param deadLettered answered DEAD_LETTER (each named in {@code problems}).
     * @param abandoned    answered ABANDON.
     * @param bytes        body bytes read.
     * @param nanos        elapsed time.
     * @param problems     one line per dead-lettered or abandoned message: file and reason.
     */
    public record Summary(int messages, int completed, int deadLettered, int abandoned, long bytes, long nanos,
        List<String> problems)
    {
    }

    /**
     * Writes messages as files.
     *
     * @param dir      the folder (created if missing).
     * @param messages the messages.
     * @return how many files were written.
     * @throws UncheckedIOException if a file cannot be written.
     */
    public static int write(final Path dir, final List<IrisDayMessages.Message> messages)
    {
        try
        {
            for (final IrisDayMessages.Message m : messages)
            {
                final Path folder = dir.resolve(m.dataset());
                Files.createDirectories(folder);
                Files.write(folder.resolve(m.messageId()), m.body());
            }
            return messages.size();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write IRIS messages to " + dir + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * @param dir a folder in the official layout.
     * @return its message files in publication order.
     * @throws UncheckedIOException if the folder cannot be listed.
     */
    public static List<Path> list(final Path dir)
    {
        final List<Path> files = new ArrayList<>();
        try (Stream<Path> datasets = Files.list(dir))
        {
            for (final Path folder : datasets.filter(Files::isDirectory).toList())
            {
                try (Stream<Path> inside = Files.list(folder))
                {
                    inside.filter(Files::isRegularFile).forEach(files::add);
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot list " + dir + ": " + ex.getMessage(), ex);
        }
        files.sort(Comparator.comparing(IrisFolder::stamp).thenComparing(f -> f.getParent().getFileName().toString())
            .thenComparing(f -> f.getFileName().toString()));
        return files;
    }

    /**
     * Replays every message file through a handler (dataset = folder name, message id = file name, body = the file's
     * bytes as data bytes).
     *
     * @param dir      a folder in the official layout.
     * @param handler  the handler ({@link IrisIngest}).
     * @param progress called after each message with the count so far (may be a no-op).
     * @return what happened.
     * @throws UncheckedIOException if a file cannot be read.
     */
    public static Summary replay(final Path dir, final IrisHandler handler, final Consumer<Integer> progress)
    {
        final long start = System.nanoTime();
        final IrisMessage message = new IrisMessage();
        final List<String> problems = new ArrayList<>();
        int completed = 0;
        int deadLettered = 0;
        int abandoned = 0;
        long bytes = 0;
        int n = 0;
        for (final Path file : list(dir))
        {
            final byte[] body;
            try
            {
                body = Files.readAllBytes(file);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot read " + file + ": " + ex.getMessage(), ex);
            }
            bytes += body.length;
            message.clear().messageId(file.getFileName().toString()).dataset(file.getParent().getFileName().toString())
                .encoding(BodyEncoding.DATA_BYTES).body(body, 0, body.length);
            switch (handler.onMessage(message))
            {
                case COMPLETE -> completed++;
                case DEAD_LETTER ->
                {
                    deadLettered++;
                    problems.add(dir.relativize(file) + ": " + handler.deadLetterReason());
                }
                default ->
                {
                    abandoned++;
                    problems.add(dir.relativize(file) + ": abandoned: " + handler.deadLetterReason());
                }
            }
            progress.accept(++n);
        }
        return new Summary(n, completed, deadLettered, abandoned, bytes, System.nanoTime() - start,
            List.copyOf(problems));
    }

    /**
     * The time stamp of a message id ({@code BOALF_202405012323_...} gives 202405012323), or 0.
     */
    private static long stamp(final Path file)
    {
        final String name = file.getFileName().toString();
        final int first = name.indexOf('_');
        final int second = first < 0 ? -1 : name.indexOf('_', first + 1);
        final int end = second < 0 ? name.indexOf('.', first + 1) : second;
        if (first < 0 || end - first - 1 != 12)
        {
            return 0;
        }
        try
        {
            return Long.parseLong(name.substring(first + 1, end));
        }
        catch (final NumberFormatException ex)
        {
            return 0;
        }
    }
}
