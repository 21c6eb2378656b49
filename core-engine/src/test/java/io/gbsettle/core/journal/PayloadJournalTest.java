package io.gbsettle.core.journal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;

import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.event.Hashing64;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Round trip of payload entries (strings, links and bodies up to megabytes), positions across reopening, seeking,
 * read-only opening, and the stability of the content hash adapters key idempotency on.
 */
final class PayloadJournalTest
{
    @TempDir
    Path dir;

    @Test
    void entriesComeBackWithEveryFieldAndTheirBodies()
    {
        final byte[] file = "ZHV|0000001|D0036001|X|SUPP|Z|HHDC|20261124120000||||OPER|\nZPT|0000001|1||1|\n"
            .getBytes(StandardCharsets.US_ASCII);
        try (PayloadJournal journal = PayloadJournal.open(dir, new JournalConfig()))
        {
            final PayloadEntry entry = new PayloadEntry();
            final long received = journal.append(entry.clear().timeMicros(1_000L).source(EventSource.SFTP)
                .state(PayloadState.RECEIVED).channel("hhdc-1").name("D0036_0001.usr").kind("D0036")
                .contentHash(Hashing64.hash(new UnsafeBuffer(file), 0, file.length)).body(file, 0, file.length));
            assertEquals(0, received);
            assertEquals(0, entry.position());
            assertEquals(1, journal.append(entry.clear().source(EventSource.SFTP).state(PayloadState.JOURNALED)
                .ref(received).events(10, 19).detail("10 events")));
            assertEquals(2, journal.nextPosition());

            try (PayloadReader reader = journal.reader())
            {
                final PayloadEntry read = new PayloadEntry();
                assertTrue(reader.next(read));
                assertEquals(0, read.position());
                assertEquals(1_000L, read.timeMicros());
                assertEquals(EventSource.SFTP, read.source());
                assertEquals(PayloadState.RECEIVED, read.state());
                assertEquals("hhdc-1", read.channel());
                assertEquals("D0036_0001.usr", read.name());
                assertEquals("D0036", read.kind());
                assertEquals(Hashing64.hash(new UnsafeBuffer(file), 0, file.length), read.contentHash());
                assertEquals(PayloadEntry.NONE, read.ref());
                assertArrayEquals(file, read.bodyBytes());

                assertTrue(reader.next(read));
                assertEquals(1, read.position());
                assertEquals(PayloadState.JOURNALED, read.state());
                assertEquals(0, read.ref());
                assertEquals(10, read.eventFrom());
                assertEquals(19, read.eventTo());
                assertEquals("10 events", read.detail());
                assertEquals(0, read.bodyLength());
                assertFalse(reader.next(read));
            }
        }
    }

    @Test
    void positionsContinueAfterReopeningAndReadersSeek()
    {
        final SplittableRandom random = new SplittableRandom(7);
        final byte[][] bodies = new byte[40][];
        final PayloadEntry entry = new PayloadEntry();
        for (int round = 0; round < 2; round++)
        {
            try (PayloadJournal journal = PayloadJournal.open(dir, new JournalConfig()))
            {
                assertEquals(round * 20L, journal.nextPosition());
                for (int i = 0; i < 20; i++)
                {
                    final int n = round * 20 + i;
                    bodies[n] = new byte[n == 7 ? 5 << 20 : random.nextInt(200)];
                    random.nextBytes(bodies[n]);
                    assertEquals(n, journal.append(entry.clear().state(PayloadState.RECEIVED).name("m" + n)
                        .body(bodies[n], 0, bodies[n].length)));
                }
            }
        }
        try (PayloadJournal journal = PayloadJournal.openReadOnly(dir, new JournalConfig());
            PayloadReader reader = journal.reader())
        {
            assertEquals(40, journal.nextPosition());
            assertThrows(IllegalStateException.class, () -> journal.append(new PayloadEntry()));
            for (final int target : new int[]{33, 7, 0, 39})
            {
                reader.seek(target);
                assertTrue(reader.next(entry));
                assertEquals(target, entry.position());
                assertEquals("m" + target, entry.name());
                assertArrayEquals(bodies[target], entry.bodyBytes());
            }
            reader.seek(40);
            assertFalse(reader.next(entry));
        }
        assertThrows(IllegalArgumentException.class,
            () -> PayloadJournal.openReadOnly(dir.resolve("absent"), new JournalConfig()));
    }

    @Test
    void theContentHashIsStableAndSeesEveryByteAndTheLength()
    {
        final byte[] bytes = "BOALF|T_DRAXX-1|2026-11-24".getBytes(StandardCharsets.US_ASCII);
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        final long hash = Hashing64.hash(buffer, 0, bytes.length);
        assertEquals(0xf85c6977fdbacfc2L, hash, Long.toHexString(hash));
        for (int i = 0; i < bytes.length; i++)
        {
            bytes[i] ^= 1;
            assertNotEquals(hash, Hashing64.hash(buffer, 0, bytes.length), "byte " + i);
            bytes[i] ^= 1;
        }
        assertNotEquals(hash, Hashing64.hash(buffer, 0, bytes.length - 1));
        assertNotEquals(Hashing64.hash(new UnsafeBuffer(new byte[8]), 0, 7), Hashing64.hash(buffer, 0, 0));
    }
}
