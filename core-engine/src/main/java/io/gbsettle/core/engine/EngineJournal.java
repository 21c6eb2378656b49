package io.gbsettle.core.engine;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.journal.Journal;
import io.gbsettle.core.kernel.indicative.IndicativeOptions;
import io.gbsettle.core.journal.JournalConfig;
import io.gbsettle.core.journal.RecordJournal;
import io.gbsettle.core.registry.MarketRegistry;

/**
 * The engine's side of its journal directory: input records are gathered into batches of up to {@value #BATCH} and
 * appended as one document each (all or nothing after a crash), at the ring's end of batch at the latest; result
 * records are appended one by one. The registry is written on first use and checked on every later one, since the
 * journal's indices mean nothing with another registry.
 */
final class EngineJournal implements AutoCloseable
{
    /** Most input records per journal document. */
    static final int BATCH = 64;
    /** The engine settings a replay needs, beside the queues. */
    static final String SETTINGS_FILE = "engine.properties";
    private static final String INDICATIVE = "indicative";
    private static final String ETLMO_PLUS = "etlmoPlus";
    private static final String ETLMO_MINUS = "etlmoMinus";
    private static final String TLM_SIDE = "tlmSide";

    private final Journal journal;
    private final RecordJournal inputs;
    private final RecordJournal results;
    private final UnsafeBuffer batch = new UnsafeBuffer(ByteBuffer.allocateDirect(BATCH * InputEvent.LENGTH));
    private int batched;

    private EngineJournal(final Journal journal)
    {
        this.journal = journal;
        this.inputs = journal.inputs();
        this.results = journal.results();
    }

    /**
     * Opens (or creates) a journal directory for an engine running with a registry.
     *
     * @param dir      the journal directory.
     * @param registry the engine's registry.
     * @return the journal.
     * @throws IllegalStateException if the journal was written with another registry.
     */
    static EngineJournal open(final Path dir, final MarketRegistry registry, final IndicativeOptions indicative)
    {
        final Journal journal = Journal.open(dir, new JournalConfig());
        try
        {
            if (journal.hasRegistry())
            {
                requireSame(journal.registry(), registry, dir);
            }
            else
            {
                journal.writeRegistry(registry);
            }
            final Path settings = dir.resolve(SETTINGS_FILE);
            final String expected = settings(indicative);
            if (!Files.exists(settings))
            {
                // beside, then renamed: a process killed mid-write leaves no partial settings file
                final Path writing = dir.resolve(SETTINGS_FILE + ".writing");
                Files.writeString(writing, expected);
                Files.move(writing, settings, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            else if (!Files.readString(settings).equals(expected))
            {
                throw new IllegalStateException("journal " + dir + " was written by an engine with other settings (" +
                    settings + ": " + Files.readString(settings).trim() + "; this engine: " + expected.trim() +
                    "): a replay would not give the same results; use a new journal directory");
            }
            return new EngineJournal(journal);
        }
        catch (final IOException ex)
        {
            journal.close();
            throw new UncheckedIOException("cannot write the journal's settings in " + dir, ex);
        }
        catch (final RuntimeException ex)
        {
            journal.close();
            throw ex;
        }
    }

    private static String settings(final IndicativeOptions indicative)
    {
        return indicative == null ? INDICATIVE + "=false\n" : INDICATIVE + "=true\n" +
            ETLMO_PLUS + "=" + indicative.etlmoPlus() + "\n" + ETLMO_MINUS + "=" + indicative.etlmoMinus() + "\n" +
            TLM_SIDE + "=" + indicative.tlmSide().name() + "\n";
    }

    /**
     * The indicative choices of the engine that wrote a journal, so that a replay computes what it did.
     *
     * @param dir a journal directory.
     * @return the choices, or null when the engine computed no indicative prices ({@link IndicativeOptions#DEFAULTS}
     *         when the journal does not say).
     */
    static IndicativeOptions indicative(final Path dir)
    {
        final Path file = dir.resolve(SETTINGS_FILE);
        if (!Files.exists(file))
        {
            return IndicativeOptions.DEFAULTS;
        }
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file))
        {
            properties.load(reader);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
        if (!Boolean.parseBoolean(properties.getProperty(INDICATIVE, "true")))
        {
            return null;
        }
        final IndicativeOptions defaults = IndicativeOptions.DEFAULTS;
        return defaults.withEtlmo(
            Double.parseDouble(properties.getProperty(ETLMO_PLUS, Double.toString(defaults.etlmoPlus()))),
            Double.parseDouble(properties.getProperty(ETLMO_MINUS, Double.toString(defaults.etlmoMinus()))))
            .withTlmSide(IndicativeOptions.TlmSide.valueOf(properties.getProperty(TLM_SIDE,
                defaults.tlmSide().name())));
    }

    private static void requireSame(final MarketRegistry journaled, final MarketRegistry registry, final Path dir)
    {
        // Content equality (parties, BM Units, versions, TLFs): a replay with any other registry would not reproduce
        // the journal's results.
        if (!journaled.equals(registry))
        {
            throw new IllegalStateException("journal " + dir + " was written with another market registry (" +
                journaled.bmUnitCount() + " BM Units, " + journaled.partyCount() + " parties in " +
                dir.resolve(Journal.REGISTRY) + "; this engine has " + registry.bmUnitCount() + " and " +
                registry.partyCount() + "): use a new journal directory for another registry");
        }
    }
    RecordJournal inputs()
    {
        return inputs;
    }

    RecordJournal results()
    {
        return results;
    }

    /**
     * Adds an input record to the batch; a full batch is appended.
     *
     * @return true if the batch was appended (the record is journaled).
     */
    boolean appendInput(final DirectBuffer buffer, final int offset)
    {
        batch.putBytes(batched * InputEvent.LENGTH, buffer, offset, InputEvent.LENGTH);
        if (++batched == BATCH)
        {
            flushInputs();
            return true;
        }
        return false;
    }

    /**
     * Appends the batch gathered so far, if any, and commits.
     *
     * @throws IllegalStateException if the journal's positions and the engine's disagree (a second writer).
     */
    void flushInputs()
    {
        if (batched > 0)
        {
            final long expected = batch.getLong(InputEvent.POSITION_OFFSET);
            final long position = inputs.append(batch, 0, batched);
            batched = 0;
            if (position != expected)
            {
                throw new IllegalStateException("input journal " + inputs.directory() + " is at position " +
                    position + " but the engine's next input is " + expected + ": is another engine writing to it?");
            }
        }
        inputs.commit();
    }

    void appendResult(final DirectBuffer buffer, final int offset)
    {
        results.append(buffer, offset);
    }

    @Override
    public void close()
    {
        journal.close();
    }
}
