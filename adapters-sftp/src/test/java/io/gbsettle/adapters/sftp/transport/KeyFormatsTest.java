package io.gbsettle.adapters.sftp.transport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.gbsettle.adapters.sftp.config.Counterparty;
import io.gbsettle.adapters.sftp.testing.SftpServerExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client key formats OpenSSH users have: ed25519 (OpenSSH's default) and RSA in the OpenSSH private key format,
 * written by MINA's writer and, where the machine has it, by OpenSSH's own {@code ssh-keygen}. MINA SSHD reads
 * ed25519 with Bouncy Castle on the class path.
 */
final class KeyFormatsTest
{
    @RegisterExtension
    final SftpServerExtension server = new SftpServerExtension("Ed25519");

    @TempDir
    Path tmp;

    @Test
    void ed25519KeyInOpenSshFormatAuthenticates() throws Exception
    {
        final Counterparty cp = server.counterparty("dc", "out");
        assertTrue(Files.readString(cp.privateKey()).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----"));
        assertCanList(cp);
    }

    @Test
    void keysMadeBySshKeygenAuthenticate() throws Exception
    {
        final Path keygen = Path.of("/usr/bin/ssh-keygen");
        Assumptions.assumeTrue(Files.isExecutable(keygen), "OpenSSH's ssh-keygen is not installed");
        for (final String type : List.of("ed25519", "rsa"))
        {
            final Path key = tmp.resolve("id_" + type);
            final Process p = new ProcessBuilder(keygen.toString(), "-q", "-t", type, "-N", "", "-C", "test", "-f",
                key.toString()).redirectErrorStream(true).start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ssh-keygen finished");
            assertEquals(0, p.exitValue(), () -> "ssh-keygen -t " + type);
            final String pub = Files.readString(key.resolveSibling("id_" + type + ".pub")).trim();
            server.allowClientKey(PublicKeyEntry.parsePublicKeyEntry(pub).resolvePublicKey(null, null, null));
            assertCanList(new Counterparty("dc", "127.0.0.1", server.port(), SftpServerExtension.USER, key,
                server.knownHosts(), "out", null, null, null, null, null, null, Duration.ofSeconds(10)));
        }
    }

    private void assertCanList(final Counterparty cp) throws Exception
    {
        server.put("out", "x.usr", new byte[] {1, 2, 3});
        try (SftpTransport transport = new SftpTransport(cp, SftpTransport.DEFAULT_BUFFER_SIZE);
            SftpSession session = transport.open())
        {
            final List<String> refused = new ArrayList<>();
            assertEquals(1, session.list("out", "*", refused).size());
        }
    }
}
