package io.gbsettle.adapters.sftp.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.gbsettle.adapters.sftp.format.FlowCatalogue;
import io.gbsettle.adapters.sftp.reconcile.SettlementFigures;
import io.gbsettle.core.engine.RunCsv;
import io.gbsettle.core.engine.RunRecords;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.time.EpochDays;
import io.gbsettle.core.time.SettlementRun;

/**
 * The engine's reports for a day and run, written as files into an outbox for the transport to upload: the CSVs of
 * #3 ({@link RunCsv}: settlement reports, missing inputs, run differences, exceptions), each named
 * {@code <yyyymmdd>_<run>_<sequence>_<report>.csv}, and an S0142-shaped settlement report in the IDD envelope named
 * by the IDD rule (14 characters, no extension): {@code GB<yyyymmdd><run><sequence, 2 digits>}.
 *
 * <p>Bytes are fixed once: everything is built in a private staging folder, then each file is moved into the outbox
 * under a name that must not exist yet; a file already there is left as it is (the earlier bytes win), so a retry
 * after a crash, or a second call, never regenerates what the transport may already have reserved or sent. A later
 * run of the same day (a higher run sequence) gets new names.
 */
public final class OutboundFiles
{
    private OutboundFiles()
    {
    }

    /**
     * What was written (or found already written).
     *
     * @param runSequence the run's sequence number within the day.
     * @param files       the outbox files of the run, CSVs first, the S0142 last.
     */
    public record Written(int runSequence, List<Path> files)
    {
    }

    /**
     * Writes a day and run's outbound files from the engine's journal.
     *
     * @param journalDir     the engine's journal directory.
     * @param registry       the registry the engine settled with.
     * @param date           the Settlement Day.
     * @param run            the run type.
     * @param outbox         the outbox folder (created if missing).
     * @param sequenceNumber the IDD sequence number of the S0142 (allocated by the caller for the channel).
     * @return the files, or null when the journal has no complete such run.
     */
    public static Written write(final Path journalDir, final MarketRegistry registry, final LocalDate date,
        final SettlementRun run, final Path outbox, final long sequenceNumber)
    {
        final long epochDay = date.toEpochDay();
        final SettlementFigures figures = SettlementFigures.forRegistry(registry);
        figures.epochDay(epochDay);
        try
        {
            Files.createDirectories(outbox);
            final Path staging = Files.createTempDirectory(outbox, ".staging-");
            try
            {
                final int sequence;
                try (RunCsv csv = new RunCsv(registry, date, staging, List.of()))
                {
                    sequence = RunRecords.latest(journalDir, epochDay, run, r ->
                    {
                        csv.accept(r);
                        figures.listener().onResult(r);
                    });
                }
                if (sequence == 0)
                {
                    return null;
                }
                final String prefix = EpochDays.yyyymmdd(epochDay) + "_" + run.name() + "_" + sequence + "_";
                final List<Path> staged = new ArrayList<>();
                try (DirectoryStream<Path> files = Files.newDirectoryStream(staging, "*.csv"))
                {
                    files.forEach(staged::add);
                }
                staged.sort(null);
                final List<Path> written = new ArrayList<>();
                for (final Path file : staged)
                {
                    written.add(publish(file, outbox.resolve(prefix + file.getFileName())));
                }
                final String s0142Name = String.format(Locale.ROOT, "GB%d%s%02d", EpochDays.yyyymmdd(epochDay),
                    run.name(), sequence % 100);
                final Path s0142 = staging.resolve(s0142Name);
                Files.write(s0142, new FlowFiles(FlowCatalogue.builtIn()).s0142(registry, figures, epochDay, run,
                    sequenceNumber));
                written.add(publish(s0142, outbox.resolve(s0142Name)));
                return new Written(sequence, written);
            }
            finally
            {
                deleteTree(staging);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write the outbound files of " + date + " " + run + " into " + outbox,
                ex);
        }
    }

    /** Moves a staged file to its outbox name unless that name exists (then the existing bytes stand). */
    private static Path publish(final Path staged, final Path target) throws IOException
    {
        if (Files.exists(target))
        {
            return target;
        }
        try
        {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final FileAlreadyExistsException ex)
        {
            // another writer got there first: its bytes stand
        }
        return target;
    }

    private static void deleteTree(final Path dir) throws IOException
    {
        if (!Files.exists(dir))
        {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir))
        {
            for (final Path f : files)
            {
                if (Files.isDirectory(f))
                {
                    deleteTree(f);
                }
                else
                {
                    Files.delete(f);
                }
            }
        }
        Files.delete(dir);
    }
}
