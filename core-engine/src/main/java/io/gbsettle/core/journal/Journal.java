package io.gbsettle.core.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.event.ResultRecord;
import io.gbsettle.core.files.RegistryCsv;
import io.gbsettle.core.registry.MarketRegistry;

/**
 * A journal directory: everything needed to replay or inspect an engine's history on its own.
 *
 * <pre>
 *   DIR/inputs     Chronicle Queue of {@link InputEvent} records ({@value InputEvent#LENGTH} bytes), positions =
 *                  the engine's input positions ({@link InputEvent#position()})
 *   DIR/results    Chronicle Queue of {@link ResultRecord} records ({@value ResultRecord#LENGTH} bytes), each
 *                  pointing at the input positions it rests on
 *   DIR/registry   the market registry the engine ran with ({@link RegistryCsv} files), written by the engine
 * </pre>
 *
 * Opened for writing by the engine ({@link #open}), for reading by tools ({@link #openReadOnly}). Close it after use.
 */
public final class Journal implements AutoCloseable
{
    /** Subdirectory of the input records. */
    public static final String INPUTS = "inputs";
    /** Subdirectory of the result records. */
    public static final String RESULTS = "results";
    /** Subdirectory of the market registry. */
    public static final String REGISTRY = "registry";

    private final Path directory;
    private final RecordJournal inputs;
    private final RecordJournal results;

    private Journal(final Path directory, final RecordJournal inputs, final RecordJournal results)
    {
        this.directory = directory;
        this.inputs = inputs;
        this.results = results;
    }

    /**
     * Opens (or creates) a journal directory for the engine to append to, recovering the end of both queues.
     *
     * @param directory the journal directory.
     * @param config    the journal's choices.
     * @return the journal.
     */
    public static Journal open(final Path directory, final JournalConfig config)
    {
        try
        {
            Files.createDirectories(directory);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create journal directory " + directory + ": " + ex.getMessage(), ex);
        }
        final RecordJournal inputs = RecordJournal.open(directory.resolve(INPUTS), InputEvent.LENGTH, config);
        try
        {
            return new Journal(directory, inputs,
                RecordJournal.open(directory.resolve(RESULTS), ResultRecord.LENGTH, config));
        }
        catch (final RuntimeException ex)
        {
            inputs.close();
            throw ex;
        }
    }

    /**
     * Opens an existing journal directory for reading only; it may be appended to by a live engine meanwhile.
     *
     * @param directory the journal directory.
     * @param config    the journal's choices.
     * @return the journal; {@link #results()} is null if the directory has no results queue.
     * @throws IllegalArgumentException if the directory has no inputs queue.
     */
    public static Journal openReadOnly(final Path directory, final JournalConfig config)
    {
        final RecordJournal inputs = RecordJournal.openReadOnly(directory.resolve(INPUTS), InputEvent.LENGTH, config);
        try
        {
            final Path resultsDir = directory.resolve(RESULTS);
            return new Journal(directory, inputs, Files.isDirectory(resultsDir) ?
                RecordJournal.openReadOnly(resultsDir, ResultRecord.LENGTH, config) : null);
        }
        catch (final RuntimeException ex)
        {
            inputs.close();
            throw ex;
        }
    }

    /**
     * @return the journal directory.
     */
    public Path directory()
    {
        return directory;
    }

    /**
     * @return the input records' journal.
     */
    public RecordJournal inputs()
    {
        return inputs;
    }

    /**
     * @return the result records' journal (null only for a read-only journal without one).
     */
    public RecordJournal results()
    {
        return results;
    }

    /**
     * @return whether {@code DIR/registry} holds a registry.
     */
    public boolean hasRegistry()
    {
        return Files.exists(directory.resolve(REGISTRY).resolve(RegistryCsv.BM_UNITS_FILE));
    }

    /**
     * Loads the market registry the engine wrote into the journal.
     *
     * @return the registry, or null when the journal has none.
     * @throws io.gbsettle.core.input.InvalidInputException if the files are there but malformed.
     */
    public MarketRegistry registry()
    {
        return hasRegistry() ? RegistryCsv.load(directory.resolve(REGISTRY)) : null;
    }

    /**
     * Writes the market registry into the journal ({@code DIR/registry}), replacing any there.
     *
     * @param registry the registry the engine runs with.
     */
    public void writeRegistry(final MarketRegistry registry)
    {
        // Written beside, then renamed into place: a process killed while writing leaves no half-written registry
        // that the next launch would take for the journal's (SettleCrashTest found an empty tlf.csv that way).
        final Path target = directory.resolve(REGISTRY);
        final Path staging = directory.resolve(REGISTRY + ".writing");
        try
        {
            deleteTree(staging);
            RegistryCsv.write(registry, staging);
            deleteTree(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write the registry into " + target, ex);
        }
    }

    private static void deleteTree(final Path root) throws IOException
    {
        if (!Files.exists(root))
        {
            return;
        }
        try (Stream<Path> paths = Files.walk(root))
        {
            final List<Path> all = paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
            for (final Path path : all)
            {
                Files.delete(path);
            }
        }
    }

    /**
     * Closes both queues.
     */
    @Override
    public void close()
    {
        try
        {
            inputs.close();
        }
        finally
        {
            if (results != null)
            {
                results.close();
            }
        }
    }
}
