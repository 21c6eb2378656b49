package io.gbsettle.adapters.sftp.transport;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.agrona.ExpandableArrayBuffer;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.gbsettle.adapters.sftp.config.Counterparty;
import io.gbsettle.adapters.sftp.testing.SftpServerExtension;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MINA client against the embedded server: key auth with an OpenSSH-format key, host key pinned, listing rules,
 * download, remove, upload by temporary name and rename (posix and plain), refusals of unknown and changed host keys.
 */
final class SftpTransportTest
{
    @RegisterExtension
    final SftpServerExtension server = new SftpServerExtension();

    @TempDir
    Path tmp;

    @Test
    void listsOnlySafeCompleteMatchingNamesAndDownloadsBytes() throws Exception
    {
        final Counterparty cp = server.counterparty("dc", "out").withPattern("*.usr");
        server.put("out", "b.usr", "BBBB".getBytes(StandardCharsets.US_ASCII));
        server.put("out", "a.usr", "AAAAAA".getBytes(StandardCharsets.US_ASCII));
        server.put("out", "c.usr.part", new byte[3]);
        server.put("out", "d.tmp", new byte[3]);
        server.put("out", ".hidden.usr", new byte[3]);
        server.put("out", "other.txt", new byte[3]);
        server.put("out", "bad\u0001name.usr", new byte[3]);
        Files.createDirectories(server.root().resolve("out").resolve("sub.usr"));

        try (SftpTransport transport = new SftpTransport(cp, SftpTransport.DEFAULT_BUFFER_SIZE);
            SftpSession session = transport.open())
        {
            final List<String> refused = new ArrayList<>();
            final List<RemoteFile> files = session.list(cp.inbox(), cp.pattern(), refused);
            assertEquals(List.of("a.usr", "b.usr"), files.stream().map(RemoteFile::name).toList());
            assertEquals(6, files.get(0).size());
            assertEquals(List.of("bad\\u0001name.usr: name contains control character 0x1"), refused);

            final ExpandableArrayBuffer into = new ExpandableArrayBuffer(16);
            final Path part = tmp.resolve("a.usr.part");
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE))
            {
                assertEquals(6, session.download(cp.inbox(), "a.usr", channel, into, 1 << 20));
            }
            assertEquals("AAAAAA", into.getStringWithoutLengthAscii(0, 6));
            assertEquals("AAAAAA", Files.readString(part));

            session.remove(cp.inbox(), "a.usr");
            assertFalse(session.exists(cp.inbox(), "a.usr"));
            assertTrue(session.exists(cp.inbox(), "b.usr"));
        }
    }

    @Test
    void uploadWritesTemporaryNameThenRenamesAndRetriesAreIdempotent() throws Exception
    {
        final Counterparty cp = server.counterparty("dc", "in");
        final byte[] bytes = "ZHV|1|D0036001|C|X|X|Y|20250101000000||||OPER|\n".getBytes(StandardCharsets.US_ASCII);
        try (SftpTransport transport = new SftpTransport(cp, SftpTransport.DEFAULT_BUFFER_SIZE);
            SftpSession session = transport.open())
        {
            assertTrue(session.posixRenameSupported());
            assertTrue(session.upload("in", "report.usr", bytes, bytes.length, true));
            assertArrayEquals(bytes, Files.readAllBytes(server.root().resolve("in/report.usr")));
            assertEquals(List.of("report.usr"), server.list("in"));

            // Plain rename onto an existing name with the same bytes: an earlier attempt delivered it.
            assertFalse(session.upload("in", "report.usr", bytes, bytes.length, false));
            assertEquals(List.of("report.usr"), server.list("in"));

            // Plain rename onto an existing name with other bytes: refused, never overwritten.
            final byte[] other = "other".getBytes(StandardCharsets.US_ASCII);
            final java.io.IOException ex = assertThrows(java.io.IOException.class,
                () -> session.upload("in", "report.usr", other, other.length, false));
            assertTrue(ex.getMessage().contains("other content"), ex.getMessage());
            assertArrayEquals(bytes, Files.readAllBytes(server.root().resolve("in/report.usr")));
        }
    }

    @Test
    void unknownHostKeyIsRefusedNamingHostAndFingerprint() throws Exception
    {
        final Counterparty cp = server.counterparty("dc", "out");
        Files.writeString(server.knownHosts(), "# nothing pinned\n");
        final String fingerprint = KeyUtils.getFingerPrint(server.hostKey().getPublic());
        try (SftpTransport transport = new SftpTransport(cp, SftpTransport.DEFAULT_BUFFER_SIZE))
        {
            final HostKeyRejectedException ex = assertThrows(HostKeyRejectedException.class, transport::open);
            assertEquals("dc: UNKNOWN host key: [127.0.0.1]:" + server.port() + " is not in known_hosts file " +
                server.knownHosts() + "; the server offered ssh-rsa " + fingerprint + ". Refused. Check this " +
                "fingerprint with the counterparty, then add the key to the file (e.g. ssh-keyscan -p " +
                server.port() + " 127.0.0.1)", ex.getMessage());
        }
    }

    @Test
    void changedHostKeyIsRefusedNamingBothFingerprints() throws Exception
    {
        final Counterparty cp = server.counterparty("dc", "out");
        final java.security.PublicKey other = SftpServerExtension.generate("RSA", 2048).getPublic();
        server.writeKnownHosts(other);
        try (SftpTransport transport = new SftpTransport(cp, SftpTransport.DEFAULT_BUFFER_SIZE))
        {
            final HostKeyRejectedException ex = assertThrows(HostKeyRejectedException.class, transport::open);
            assertTrue(ex.getMessage().startsWith("dc: CHANGED host key: [127.0.0.1]:" + server.port() +
                " offered ssh-rsa " + KeyUtils.getFingerPrint(server.hostKey().getPublic())), ex.getMessage());
            assertTrue(ex.getMessage().contains("records ssh-rsa " + KeyUtils.getFingerPrint(other)),
                ex.getMessage());
        }
    }

    @Test
    void missingPrivateKeyIsAClearError() throws Exception
    {
        final Counterparty cp = Counterparty.of("dc", "127.0.0.1", server.port(), SftpServerExtension.USER,
            tmp.resolve("nope"), server.knownHosts(), "out");
        final java.io.IOException ex = assertThrows(java.io.IOException.class,
            () -> new SftpTransport(cp, SftpTransport.DEFAULT_BUFFER_SIZE).close());
        assertEquals("dc: private key file " + tmp.resolve("nope") + " is missing or not readable",
            ex.getMessage());
    }
}
