package io.gbsettle.core.journal;

import java.nio.file.Path;
import java.time.Duration;

import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

/**
 * The choices of the journal, in one place, each with its default and the reason for it. Mutable builder style
 * (Aeron's context objects): set what differs from the defaults, then pass it to {@link Journal#open} or
 * {@link RecordJournal#open}. Read at open only.
 */
public final class JournalConfig
{
    /**
     * How far an appended record is durable before {@link RecordJournal#commit()} returns.
     */
    public enum Durability
    {
        /**
         * Default. A record is in the memory-mapped file (the OS page cache) once {@code append} returns: it
         * survives the death of the engine process (SIGKILL, OOM kill, a crash of the JVM), because the kernel
         * owns the pages and writes them back on its own schedule. It does not survive a power loss or a kernel
         * panic before write-back (Linux: about 30 s by default). The reason: settlement inputs are re-sendable
         * by their sources (IRIS, SFTP files, bundles) and the engine's acknowledgement only promises "journaled",
         * so paying an {@code msync} per batch by default would cost throughput for a case the sources cover.
         */
        PAGE_CACHE,

        /**
         * {@link RecordJournal#commit()} calls {@code msync(MS_SYNC)} on the pages written since the last commit
         * (Chronicle's {@code ExcerptAppender.sync()} with {@code SyncMode.SYNC}), so a committed record survives a
         * power loss too, on storage that honours flushes. Costs a device flush per commit (tens of microseconds on
         * NVMe, milliseconds on network disks): commit once per ring batch ({@code endOfBatch}), not per record.
         */
        SYNC_ON_COMMIT
    }

    /**
     * Default roll cycle: {@code FAST_DAILY}, one file per UTC day of arrival, up to 2^32 - 1 records a day.
     * Daily, not half-hourly, because the journal is in arrival order and a settlement day's inputs arrive over
     * fourteen months (II on the day, RF fourteen months later): a file cannot be "the settlement day's" anyway, so
     * the settlement date and period stay inside every record, and the roll cycle only bounds the size of a file
     * (each record takes its length plus 12 bytes) and the number of files a replay opens.
     * Chronicle rolls at UTC midnight (local-time rolling is a Chronicle Enterprise feature).
     */
    public static final RollCycle DEFAULT_ROLL_CYCLE = RollCycles.FAST_DAILY;

    /**
     * Default {@link #writerLockTimeout()}: 5 s. A journal has one writer ({@code WriterLock}, an OS file lock that
     * dies with its process); opening it for writing waits this long for another holder to go. A process killed with
     * SIGKILL is gone in milliseconds, so this only covers a restart that races the exit of the run it killed (a
     * script doing {@code kill -9} then relaunching); a second live writer is refused after it, with its PID. Not
     * longer, because an operator who started a second engine by mistake should hear so at once.
     */
    public static final Duration DEFAULT_WRITER_LOCK_TIMEOUT = Duration.ofSeconds(5);

    /** What Chronicle's table store lock waits ({@code SingleTableStore}: chronicle.table.store.timeoutMS). */
    private static final String TABLE_STORE_TIMEOUT = System.getProperty("chronicle.table.store.timeoutMS", "10000") +
        " ms";

    private RollCycle rollCycle = DEFAULT_ROLL_CYCLE;
    private Duration writerLockTimeout = DEFAULT_WRITER_LOCK_TIMEOUT;
    private TimeProvider timeProvider = SystemTimeProvider.INSTANCE;
    private Durability durability = Durability.PAGE_CACHE;

    /**
     * @return the roll cycle new queues are created with (an existing queue keeps its own).
     */
    public RollCycle rollCycle()
    {
        return rollCycle;
    }

    /**
     * @param rollCycle the roll cycle new queues are created with; finer cycles are fine, positions do not depend on
     *                  it.
     * @return this.
     */
    public JournalConfig rollCycle(final RollCycle rollCycle)
    {
        this.rollCycle = rollCycle;
        return this;
    }

    /**
     * @return the clock that decides the roll cycle of an append.
     */
    public TimeProvider timeProvider()
    {
        return timeProvider;
    }

    /**
     * @param timeProvider the clock that decides the roll cycle of an append: the system clock, or a test clock
     *                     ({@code SetTimeProvider}) to force rolls.
     * @return this.
     */
    public JournalConfig timeProvider(final TimeProvider timeProvider)
    {
        this.timeProvider = timeProvider;
        return this;
    }

    /**
     * @return what {@link RecordJournal#commit()} guarantees.
     */
    public Durability durability()
    {
        return durability;
    }

    /**
     * @param durability what {@link RecordJournal#commit()} guarantees.
     * @return this.
     */
    public JournalConfig durability(final Durability durability)
    {
        this.durability = durability;
        return this;
    }

    /**
     * @return how long opening a journal for writing waits for another process holding it to exit.
     */
    public Duration writerLockTimeout()
    {
        return writerLockTimeout;
    }

    /**
     * @param writerLockTimeout how long opening a journal for writing waits for another process holding it to exit
     *                          ({@link Duration#ZERO}: refuse at once); see {@link #DEFAULT_WRITER_LOCK_TIMEOUT}.
     * @return this.
     */
    public JournalConfig writerLockTimeout(final Duration writerLockTimeout)
    {
        if (writerLockTimeout.isNegative())
        {
            throw new IllegalArgumentException("writer lock timeout must not be negative: " + writerLockTimeout);
        }
        this.writerLockTimeout = writerLockTimeout;
        return this;
    }

    /**
     * Builds the Chronicle Queue of a journal with these choices: the one place every journal's queue is made. A
     * writer must hold the directory's {@link WriterLock}: it repairs a {@code metadata.cq4t} whose creator was
     * killed half way ({@link QueueMetadata}); a reader is told about one instead of waiting for Chronicle's timeout.
     */
    SingleChronicleQueue buildQueue(final Path directory, final boolean readOnly)
    {
        if (readOnly)
        {
            QueueMetadata.checkComplete(directory);
        }
        else
        {
            QueueMetadata.repairIfIncomplete(directory);
        }
        final SingleChronicleQueueBuilder builder = SingleChronicleQueueBuilder.single(directory.toFile())
            .rollCycle(rollCycle)
            .timeProvider(timeProvider)
            .readOnly(readOnly);
        if (durability == Durability.SYNC_ON_COMMIT)
        {
            builder.syncMode(SyncMode.SYNC);
        }
        try
        {
            return builder.build();
        }
        catch (final IllegalStateException ex)
        {
            if (ex.getMessage() != null && ex.getMessage().startsWith("Unable to claim"))
            {
                // Chronicle says "lock" for any failure to read its table store under the lock, damage included.
                throw new IllegalStateException("cannot open the journal queue " + directory + ": Chronicle could " +
                    "not lock or read its metadata.cq4t in " + TABLE_STORE_TIMEOUT + " (another process holding it " +
                    "all that time, or a damaged file): " + ex.getMessage(), ex);
            }
            throw ex;
        }
    }

}
