package io.gbsettle.core.platform;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The project's one list of JVM flags ({@code bsc.jvm.args} in the parent pom) is what this JVM runs with, and it is
 * enough for the off-heap libraries the engine stands on: Agrona's {@code UnsafeBuffer} (needs
 * {@code jdk.internal.misc}) and a real Chronicle Queue on disk (needs {@code sun.nio.ch} and
 * {@code java.lang.reflect}, see lowlatency-java.md §2.1). Runs on JDK 17 and, with the JDK 24+ extras, on 25.
 */
final class JvmFlagsTest
{
    @TempDir
    Path queueDir;

    static List<String> projectFlags(final String key) throws IOException
    {
        final Properties properties = new Properties();
        try (InputStream in = JvmFlagsTest.class.getResourceAsStream("/io/gbsettle/core/jvm.options"))
        {
            assertNotNull(in, "jvm.options is generated into core-engine's classes by the build");
            properties.load(in);
        }
        final String value = properties.getProperty(key, "").trim();
        return value.isEmpty() ? List.of() : Arrays.asList(value.split("\\s+"));
    }

    @Test
    void thisJvmRunsWithTheProjectsFlagList() throws IOException
    {
        final List<String> flags = projectFlags("jvm.args");
        assertTrue(flags.size() >= 10, "flags: " + flags);
        assertFalse(flags.get(0).contains("${"), "jvm.options was not filtered: " + flags);
        final List<String> running = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (final String flag : flags)
        {
            assertTrue(running.contains(flag), flag + " missing from this JVM's arguments " + running);
        }
        final List<String> jdk24 = projectFlags("jvm.args.jdk24plus");
        assertEquals(2, jdk24.size(), "jdk24plus: " + jdk24);
        for (final String flag : jdk24)
        {
            assertEquals(Runtime.version().feature() >= 24, running.contains(flag), flag + " on " + Runtime.version());
        }
    }

    @Test
    void agronaUnsafeBufferWorksOffHeap()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(64));
        buffer.putLong(8, 0x0123_4567_89AB_CDEFL);
        buffer.putDouble(16, -12.375);
        assertEquals(0x0123_4567_89AB_CDEFL, buffer.getLong(8));
        assertEquals(-12.375, buffer.getDouble(16));
    }

    @Test
    void chronicleQueueAppendsAndReadsBackOnDisk()
    {
        try (ChronicleQueue queue = ChronicleQueue.singleBuilder(queueDir).build();
            ExcerptAppender appender = queue.createAppender())
        {
            for (int period = 1; period <= 3; period++)
            {
                try (DocumentContext dc = appender.writingDocument())
                {
                    final Bytes<?> bytes = dc.wire().bytes();
                    bytes.writeInt(20_387).writeByte((byte)period).writeDouble(period * 1.5);
                }
            }
            try (ExcerptTailer tailer = queue.createTailer())
            {
                for (int period = 1; period <= 3; period++)
                {
                    try (DocumentContext dc = tailer.readingDocument())
                    {
                        assertTrue(dc.isPresent(), "record " + period);
                        final Bytes<?> bytes = dc.wire().bytes();
                        assertEquals(20_387, bytes.readInt());
                        assertEquals(period, bytes.readByte());
                        assertEquals(period * 1.5, bytes.readDouble());
                    }
                }
                try (DocumentContext dc = tailer.readingDocument())
                {
                    assertFalse(dc.isPresent());
                }
            }
        }
    }
}
