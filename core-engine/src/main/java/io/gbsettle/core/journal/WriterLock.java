package io.gbsettle.core.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The single-writer lock of a journal's queue directory: an OS file lock on {@code DIR/}{@value #FILE}, taken when
 * the journal is opened for appending and held until it is closed. Chronicle Queue lets several processes append to
 * one queue, but a journal numbers its records itself (each writer would hand out the same positions), so a second
 * writer must be refused, not interleaved.
 *
 * <p>The lock is the kernel's ({@code fcntl} on Linux): it dies with its process, SIGKILL included, so a killed
 * engine never leaves a stale lock and needs no PID check. The holder writes its PID into the file, so that a refused
 * writer can name it. Opening waits a bounded time ({@link JournalConfig#writerLockTimeout()}) for a holder that is
 * exiting, e.g. a process killed a moment ago whose exit a restart script races.
 */
final class WriterLock implements AutoCloseable
{
    /** The lock file's name inside the queue directory. */
    static final String FILE = "writer.lock";

    private static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final FileChannel channel;
    private final FileLock lock;

    private WriterLock(final FileChannel channel, final FileLock lock)
    {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the single-writer lock of a queue directory, creating the directory if it is missing.
     *
     * @param directory the queue's directory.
     * @param timeout   how long to wait for another process to release it.
     * @return the lock, held until {@link #close()}.
     * @throws IllegalStateException if another process still holds it after {@code timeout}, or this process holds
     *                               it already (the journal is open for writing here).
     */
    static WriterLock acquire(final Path directory, final Duration timeout)
    {
        final Path file = directory.resolve(FILE);
        final FileChannel channel;
        try
        {
            Files.createDirectories(directory);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot open the journal's lock file " + file + ": " + ex.getMessage(), ex);
        }
        try
        {
            final FileLock lock = lock(directory, channel, timeout);
            recordHolder(channel);
            return new WriterLock(channel, lock);
        }
        catch (final IOException ex)
        {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock the journal's lock file " + file + ": " + ex.getMessage(), ex);
        }
        catch (final RuntimeException ex)
        {
            closeQuietly(channel);
            throw ex;
        }
    }

    /**
     * @param directory a queue directory.
     * @return the PID the current (or last) holder of its lock recorded, or -1 if none can be read.
     */
    static long recordedHolder(final Path directory)
    {
        try
        {
            final String text = Files.readString(directory.resolve(FILE), StandardCharsets.US_ASCII).trim();
            return text.isEmpty() ? -1 : Long.parseLong(text);
        }
        catch (final IOException | NumberFormatException ex)
        {
            return -1;
        }
    }

    /**
     * Releases the lock (the file stays: deleting lock files races with the next holder).
     */
    @Override
    public void close()
    {
        try
        {
            lock.release();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        finally
        {
            closeQuietly(channel);
        }
    }

    private static FileLock lock(final Path directory, final FileChannel channel, final Duration timeout)
        throws IOException
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        long pauseNanos = TimeUnit.MILLISECONDS.toNanos(1);
        while (true)
        {
            final FileLock lock;
            try
            {
                lock = channel.tryLock();
            }
            catch (final OverlappingFileLockException ex)
            {
                throw new IllegalStateException("the journal " + directory + " is already open for writing in this " +
                    "process (one writer per journal): close it before opening it again", ex);
            }
            if (lock != null)
            {
                return lock;
            }
            final long left = deadline - System.nanoTime();
            if (left <= 0)
            {
                throw new IllegalStateException(heldBy(directory, timeout));
            }
            LockSupport.parkNanos(Math.min(left, pauseNanos));
            pauseNanos = Math.min(MAX_PAUSE_NANOS, pauseNanos * 2);
        }
    }

    private static String heldBy(final Path directory, final Duration timeout)
    {
        final long pid = recordedHolder(directory);
        final String holder;
        if (pid < 0)
        {
            holder = "another process";
        }
        else
        {
            holder = "another process (pid " + pid + ProcessHandle.of(pid).flatMap(p -> p.info().command())
                .map(command -> ", " + command).orElse("") + ")";
        }
        return holder + " holds the journal " + directory + " open for writing (one writer per journal; waited " +
            timeout.toMillis() + " ms): stop it or wait for it to exit, then run again";
    }

    private static void recordHolder(final FileChannel channel) throws IOException
    {
        final byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
        channel.truncate(0);
        final ByteBuffer buffer = ByteBuffer.wrap(pid);
        while (buffer.hasRemaining())
        {
            channel.write(buffer, buffer.position());
        }
    }

    private static void closeQuietly(final FileChannel channel)
    {
        try
        {
            channel.close();
        }
        catch (final IOException ignore)
        {
            // closing after a failure: the first failure is the one reported
        }
    }
}
