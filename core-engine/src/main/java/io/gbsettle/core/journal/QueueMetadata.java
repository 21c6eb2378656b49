package io.gbsettle.core.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.Wires;

/**
 * Recovery of a queue's {@code metadata.cq4t} (Chronicle's table store) left half-created by a killed process.
 *
 * <p>Chronicle creates the file under an exclusive file lock ({@code SingleTableBuilder.build}): it CASes the first
 * header word from 0 to "not complete", writes the store's header document, then sets the word to its length. A
 * process killed between the two leaves a word that says "not complete" forever. Every later open then reads it
 * ({@code AbstractWire.readFirstHeader}: {@code StreamCorruptedException("Not ready header is found")}), and
 * {@code SingleTableStore.doWithLock}, which catches {@code IOException} around both {@code tryLock} and the code it
 * runs under the lock, takes that exception for a lock held elsewhere: it retries for
 * {@code chronicle.table.store.timeoutMS} (10 s) and fails with "Unable to claim exclusive ... lock on file
 * .../metadata.cq4t". Nothing holds a lock: the file is damaged, and no open ever succeeds again.
 *
 * <p>Such a file holds nothing yet (its key/value entries are written after the header, by opens that succeeded), so
 * the journal's writer deletes it and Chronicle creates it afresh. This is done holding the journal's
 * {@link WriterLock} and Chronicle's own lock of the file, so that no live process is creating it at that moment.
 */
final class QueueMetadata
{
    /** Chronicle's lock region of a table store file ({@code SingleTableStore}'s lock start and size). */
    private static final long CHRONICLE_LOCK_START = Long.MAX_VALUE - 1;

    private QueueMetadata()
    {
    }

    /**
     * For the writer: deletes the queue's metadata file if its creator was killed before completing it.
     *
     * @param directory the queue's directory.
     * @return whether the file was incomplete and deleted.
     */
    static boolean repairIfIncomplete(final Path directory)
    {
        final Path file = directory.resolve(SingleChronicleQueue.QUEUE_METADATA_FILE);
        if (!Files.isRegularFile(file))
        {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            if (!isIncomplete(channel))
            {
                return false;
            }
            try (FileLock lock = channel.tryLock(CHRONICLE_LOCK_START, 1, false))
            {
                if (lock == null || !isIncomplete(channel))
                {
                    return false; // a live process is creating it: Chronicle waits for it
                }
                Files.delete(file);
                return true;
            }
            catch (final OverlappingFileLockException ex)
            {
                return false; // this process is creating it on another thread
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot check the queue metadata " + file + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * For a reader, which changes nothing on disk: fails clearly, instead of after Chronicle's 10 s of retries, if
     * the queue's metadata file was left incomplete by a killed writer.
     *
     * @param directory the queue's directory.
     * @throws IllegalStateException if it is incomplete and no live process is creating it.
     */
    static void checkComplete(final Path directory)
    {
        final Path file = directory.resolve(SingleChronicleQueue.QUEUE_METADATA_FILE);
        if (!Files.isRegularFile(file))
        {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            if (!isIncomplete(channel))
            {
                return;
            }
            try (FileLock lock = channel.tryLock(CHRONICLE_LOCK_START, 1, true))
            {
                if (lock != null && isIncomplete(channel))
                {
                    throw new IllegalStateException("the journal queue " + directory + " was never completely " +
                        "created (its " + file.getFileName() + " is incomplete: the process creating it was " +
                        "killed); open the journal for writing once (resume the engine) to repair it");
                }
            }
            catch (final OverlappingFileLockException ex)
            {
                // this process is creating it on another thread: Chronicle waits for it
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot check the queue metadata " + file + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Whether the first header word says "not complete" (Chronicle's words are native-order ints in the mapping).
     * A file shorter than a word or a zero word is fine: Chronicle initialises it (so not {@code Wires.isNotComplete},
     * which is true of 0 too).
     */
    private static boolean isIncomplete(final FileChannel channel) throws IOException
    {
        final ByteBuffer word = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.nativeOrder());
        while (word.hasRemaining())
        {
            if (channel.read(word, word.position()) < 0)
            {
                return false;
            }
        }
        return (word.getInt(0) & Wires.NOT_COMPLETE) != 0;
    }
}
