package io.gbsettle.adapters.sftp.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.gbsettle.adapters.sftp.collect.Backoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The configuration file: every setting, defaults, relative paths, clear errors; the backoff's bounds.
 */
final class SftpConfigFileTest
{
    @TempDir
    Path tmp;

    @Test
    void readsEveryCounterpartySettingWithDefaults() throws Exception
    {
        final Path file = Files.writeString(tmp.resolve("sftp.properties"), String.join("\n",
            "journal = /var/lib/gbsettle/journal",
            "work = work",
            "rejectedRemote = acknowledge",
            "renameMode = PLAIN",
            "backoff.initial = 500ms",
            "backoff.max = 2m",
            "counterparties = hhdc1, cdca",
            "counterparty.hhdc1.host = sftp.hhdc.example.com",
            "counterparty.hhdc1.user = gbsettle",
            "counterparty.hhdc1.key = keys/id_ed25519",
            "counterparty.hhdc1.knownHosts = keys/known_hosts",
            "counterparty.hhdc1.inbox = /outgoing",
            "counterparty.hhdc1.outbox = /incoming",
            "counterparty.hhdc1.pattern = *.usr",
            "counterparty.hhdc1.pollInterval = PT45S",
            "counterparty.cdca.host = 10.0.0.5",
            "counterparty.cdca.port = 2222",
            "counterparty.cdca.user = p1",
            "counterparty.cdca.key = /etc/keys/cdca",
            "counterparty.cdca.knownHosts = /etc/keys/known_hosts",
            "counterparty.cdca.inbox = outbox",
            "counterparty.cdca.done = done",
            "counterparty.cdca.opTimeout = 10s",
            ""));
        final SftpContext c = SftpConfigFile.load(file);
        assertEquals(Path.of("/var/lib/gbsettle/journal"), c.journal());
        assertEquals(tmp.resolve("work"), c.work());
        assertNull(c.registry());
        assertEquals(SftpContext.RejectedRemote.ACKNOWLEDGE, c.rejectedRemote());
        assertEquals(SftpContext.RenameMode.PLAIN, c.renameMode());
        assertEquals(Duration.ofMillis(500), c.backoffInitial());
        assertEquals(Duration.ofMinutes(2), c.backoffMax());
        final Counterparty h = c.counterparty("hhdc1");
        assertEquals(22, h.port());
        assertEquals(tmp.resolve("keys/id_ed25519"), h.privateKey());
        assertEquals("/incoming", h.outbox());
        assertNull(h.done());
        assertEquals("*.usr", h.pattern());
        assertEquals(Duration.ofSeconds(45), h.pollInterval());
        assertEquals(Counterparty.DEFAULT_OP_TIMEOUT, h.opTimeout());
        final Counterparty d = c.counterparty("cdca");
        assertEquals(2222, d.port());
        assertEquals("outbox", d.outbox());
        assertEquals("done", d.done());
        assertEquals("*", d.pattern());
        assertEquals(Duration.ofSeconds(10), d.opTimeout());
        assertFalse(d.toString().contains("BEGIN"), "no key material anywhere");
    }

    @Test
    void namesAMissingSetting() throws Exception
    {
        final Path file = Files.writeString(tmp.resolve("bad.properties"), String.join("\n",
            "journal = j", "work = w", "counterparties = a", "counterparty.a.host = h", "counterparty.a.user = u",
            "counterparty.a.key = k", "counterparty.a.inbox = i", ""));
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> SftpConfigFile.load(file));
        assertEquals(file + ": setting 'counterparty.a.knownHosts' is missing", ex.getMessage());
        assertEquals("not a duration: 'soon' (use 500ms, 30s, 5m, 1h or PT30S)", assertThrows(
            IllegalArgumentException.class, () -> SftpConfigFile.parseDuration("soon")).getMessage());
    }

    @Test
    void backoffGrowsWithJitterWithinBoundsAndResets()
    {
        final Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), 7);
        long previousCeiling = 0;
        for (int i = 0; i < 8; i++)
        {
            final long ceiling = Math.min(10_000, 1000L << i);
            final long d = b.failure().toMillis();
            assertTrue(d >= ceiling / 2 && d <= ceiling, i + ": " + d + " not in [" + ceiling / 2 + ", " +
                ceiling + "]");
            assertTrue(ceiling >= previousCeiling);
            previousCeiling = ceiling;
        }
        b.success();
        assertTrue(b.failure().toMillis() <= 1000);
    }
}
