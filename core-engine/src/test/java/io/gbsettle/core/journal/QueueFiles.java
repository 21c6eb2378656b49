package io.gbsettle.core.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * Reads Chronicle's cycle files byte by byte, to tell the crash test what a kill left behind: Chronicle's header
 * words (4 bytes, little-endian: bit 31 "not complete", bit 30 "metadata", 30 bits of length) chain the documents
 * from the start of a file, each padded to 4 bytes.
 */
final class QueueFiles
{
    private static final int NOT_COMPLETE = 0x8000_0000;
    private static final int END_OF_DATA = 0xC000_0000;
    private static final int LENGTH_MASK = 0x3FFF_FFFF;

    private QueueFiles()
    {
    }

    /**
     * Chronicle writes a document's bytes first and its header word last (an ordered store of the length): a writer
     * killed in between leaves a zero header followed by the bytes it wrote, which readers take for the end.
     *
     * @param queueDir a queue directory.
     * @return whether its newest cycle file ends in such a document (or one whose header says "not complete").
     */
    static boolean endsInIncompleteDocument(final Path queueDir)
    {
        try (Stream<Path> files = Files.list(queueDir))
        {
            final Path newest = files.filter(f -> f.getFileName().toString().endsWith(".cq4")).sorted()
                .reduce((a, b) -> b).orElseThrow();
            try (FileChannel channel = FileChannel.open(newest, StandardOpenOption.READ))
            {
                final ByteBuffer word = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
                long position = 0;
                while (position + 4 <= channel.size())
                {
                    word.clear();
                    channel.read(word, position);
                    final int header = word.getInt(0);
                    if (header == END_OF_DATA)
                    {
                        return false;
                    }
                    if (header == 0)
                    {
                        final ByteBuffer content = ByteBuffer.allocate(8);
                        channel.read(content, position + 4);
                        return content.getLong(0) != 0;
                    }
                    if ((header & NOT_COMPLETE) != 0)
                    {
                        return true;
                    }
                    position += 4 + (header & LENGTH_MASK);
                    position += -position & 3;
                }
                return false;
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
