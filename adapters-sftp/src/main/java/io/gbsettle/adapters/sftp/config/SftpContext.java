package io.gbsettle.adapters.sftp.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.gbsettle.core.journal.JournalConfig;
import io.gbsettle.core.journal.PayloadJournal;

/**
 * The one configuration object of the SFTP adapter's transport side: the counterparties, the local folders, the
 * journal, and every choice the specification leaves open, each a named field with its default and reason.
 * Immutable; the {@code with...} methods return changed copies.
 *
 * <pre>
 *   journal/                 the engine's journal (inputs/, results/, registry/)
 *   journal/payloads/        the PayloadJournal: every file's bytes and states
 *   work/staging/ID/NAME.part    downloads in progress (deleted once journaled; stale ones deleted on start)
 *   work/error/ID/NAME (+ NAME.reason)   rejected files and why
 *   work/meter-data/         validated D0036 / D0275 / D0265 files for bsc meter-data ingest
 *   work/reconciliation/ID/  S0142 settlement reports for bsc sftp reconcile
 * </pre>
 *
 * @param counterparties   the counterparties (ids unique).
 * @param journal          the engine journal directory (payloads in {@code journal/payloads}).
 * @param work             the local working folder (staging, error, meter-data, reconciliation).
 * @param registry         a registry CSV directory, or {@code null} to use the one the journal holds.
 * @param rejectedRemote   what happens to a rejected file on the server.
 * @param renameMode       how uploads are renamed into place.
 * @param backoffInitial   first delay after a failed cycle.
 * @param backoffMax       longest delay after failed cycles.
 * @param maxFileBytes     largest file collected (files are held in memory to verify and journal them).
 * @param bufferSize       SFTP copy buffer size.
 * @param engineTimeout    how long to wait for the engine to journal a file's events.
 * @param durability       the PayloadJournal's durability.
 */
public record SftpContext(
    List<Counterparty> counterparties,
    Path journal,
    Path work,
    Path registry,
    RejectedRemote rejectedRemote,
    RenameMode renameMode,
    Duration backoffInitial,
    Duration backoffMax,
    int maxFileBytes,
    int bufferSize,
    Duration engineTimeout,
    JournalConfig.Durability durability)
{
    /** Default first backoff delay. */
    public static final Duration DEFAULT_BACKOFF_INITIAL = Duration.ofSeconds(5);
    /** Default longest backoff delay. */
    public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofMinutes(10);
    /** Default largest file: 256 MiB (a national S0142 is ~150 MB unzipped). */
    public static final int DEFAULT_MAX_FILE_BYTES = 256 << 20;
    /**
     * Default copy buffer: 64 KiB, measured best on loopback (8 KiB is the usual cause of slow MINA transfers;
     * 256 KiB read requests were 2-3x slower than 64 KiB).
     */
    public static final int DEFAULT_BUFFER_SIZE = 1 << 16;
    /** Default wait for the engine. */
    public static final Duration DEFAULT_ENGINE_TIMEOUT = Duration.ofMinutes(2);

    /**
     * What is done on the server with a file that was rejected (it is always kept locally, in {@code error/}, and
     * in the PayloadJournal with its reason).
     */
    public enum RejectedRemote
    {
        /**
         * Default [I]: leave it where it is. Deleting is the receipt in pull mode, and a rejected file was not
         * received into settlement: leaving it tells the sender (and its operators) that it is still outstanding.
         * It is not downloaded again while its name, size and modification time are unchanged.
         */
        LEAVE,
        /** Delete it (or move it to the done folder) like an accepted file: for senders that never clean up. */
        ACKNOWLEDGE
    }

    /**
     * How an upload's temporary file is renamed to its final name.
     */
    public enum RenameMode
    {
        /**
         * Default: {@code posix-rename@openssh.com} when the server advertises it (atomic, replaces a stale copy of
         * our own), otherwise a plain SFTP rename to a name that must not exist.
         */
        POSIX_IF_ADVERTISED,
        /**
         * Always a plain rename to a name that must not exist (SFTP v3 semantics); for servers whose posix-rename
         * is unreliable (older Windows OpenSSH builds).
         */
        PLAIN
    }

    /**
     * Checks and fills defaults.
     */
    public SftpContext
    {
        counterparties = List.copyOf(counterparties);
        Objects.requireNonNull(journal, "journal directory");
        Objects.requireNonNull(work, "work directory");
        rejectedRemote = rejectedRemote == null ? RejectedRemote.LEAVE : rejectedRemote;
        renameMode = renameMode == null ? RenameMode.POSIX_IF_ADVERTISED : renameMode;
        backoffInitial = backoffInitial == null ? DEFAULT_BACKOFF_INITIAL : backoffInitial;
        backoffMax = backoffMax == null ? DEFAULT_BACKOFF_MAX : backoffMax;
        maxFileBytes = maxFileBytes <= 0 ? DEFAULT_MAX_FILE_BYTES : maxFileBytes;
        bufferSize = bufferSize <= 0 ? DEFAULT_BUFFER_SIZE : bufferSize;
        engineTimeout = engineTimeout == null ? DEFAULT_ENGINE_TIMEOUT : engineTimeout;
        durability = durability == null ? JournalConfig.Durability.PAGE_CACHE : durability;
        for (int i = 0; i < counterparties.size(); i++)
        {
            for (int j = i + 1; j < counterparties.size(); j++)
            {
                if (counterparties.get(i).id().equals(counterparties.get(j).id()))
                {
                    throw new IllegalArgumentException("counterparty id " + counterparties.get(i).id() + " twice");
                }
            }
        }
    }

    /**
     * A context with every default.
     *
     * @param counterparties the counterparties.
     * @param journal        the engine journal directory.
     * @param work           the local working folder.
     * @return the context.
     */
    public static SftpContext of(final List<Counterparty> counterparties, final Path journal, final Path work)
    {
        return new SftpContext(counterparties, journal, work, null, null, null, null, null, 0, 0, null, null);
    }

    /**
     * @param rejectedRemote what to do with rejected files on the server.
     * @return a copy with that choice.
     */
    public SftpContext withRejectedRemote(final RejectedRemote rejectedRemote)
    {
        return new SftpContext(counterparties, journal, work, registry, rejectedRemote, renameMode, backoffInitial,
            backoffMax, maxFileBytes, bufferSize, engineTimeout, durability);
    }

    /**
     * @param renameMode how uploads are renamed.
     * @return a copy with that choice.
     */
    public SftpContext withRenameMode(final RenameMode renameMode)
    {
        return new SftpContext(counterparties, journal, work, registry, rejectedRemote, renameMode, backoffInitial,
            backoffMax, maxFileBytes, bufferSize, engineTimeout, durability);
    }

    /**
     * @param registry registry CSV directory.
     * @return a copy with that registry.
     */
    public SftpContext withRegistry(final Path registry)
    {
        return new SftpContext(counterparties, journal, work, registry, rejectedRemote, renameMode, backoffInitial,
            backoffMax, maxFileBytes, bufferSize, engineTimeout, durability);
    }

    /**
     * @param initial first delay after a failure.
     * @param max     longest delay.
     * @return a copy with that backoff.
     */
    public SftpContext withBackoff(final Duration initial, final Duration max)
    {
        return new SftpContext(counterparties, journal, work, registry, rejectedRemote, renameMode, initial, max,
            maxFileBytes, bufferSize, engineTimeout, durability);
    }

    /**
     * @param id a counterparty id.
     * @return that counterparty.
     * @throws IllegalArgumentException if there is none of that id.
     */
    public Counterparty counterparty(final String id)
    {
        for (final Counterparty c : counterparties)
        {
            if (c.id().equals(id))
            {
                return c;
            }
        }
        throw new IllegalArgumentException("no counterparty '" + id + "' in the configuration");
    }

    /**
     * @return the PayloadJournal directory ({@code journal/payloads}).
     */
    public Path payloads()
    {
        return journal.resolve(PayloadJournal.DIRECTORY);
    }

    /**
     * @param counterparty an id.
     * @return its staging folder.
     */
    public Path staging(final String counterparty)
    {
        return work.resolve("staging").resolve(counterparty);
    }

    /**
     * @param counterparty an id.
     * @return its folder of rejected files.
     */
    public Path errors(final String counterparty)
    {
        return work.resolve("error").resolve(counterparty);
    }

    /**
     * @return the folder validated meter-data files are written to.
     */
    public Path meterData()
    {
        return work.resolve("meter-data");
    }

    /**
     * @param counterparty an id.
     * @return its folder of S0142 settlement reports.
     */
    public Path reconciliation(final String counterparty)
    {
        return work.resolve("reconciliation").resolve(counterparty);
    }

    /**
     * @return the PayloadJournal's configuration.
     */
    public JournalConfig journalConfig()
    {
        return new JournalConfig().durability(durability);
    }
}
