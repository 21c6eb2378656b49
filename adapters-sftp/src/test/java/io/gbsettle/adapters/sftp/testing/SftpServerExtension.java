package io.gbsettle.adapters.sftp.testing;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.gbsettle.adapters.sftp.config.Counterparty;
import io.gbsettle.adapters.sftp.server.EmbeddedSftpServer;

/**
 * JUnit 5 extension: an {@link EmbeddedSftpServer} per test (real MINA SSHD, 127.0.0.1, OS-chosen port, key
 * authentication, pinned host key) in a temp directory; everything is stopped and deleted after each test.
 *
 * <pre>{@code
 * @RegisterExtension
 * final SftpServerExtension server = new SftpServerExtension();
 * ...
 * server.put("inbox", "C0421.txt", bytes);
 * Counterparty cp = server.counterparty("cdca", "inbox");
 * }</pre>
 */
public final class SftpServerExtension implements BeforeEachCallback, AfterEachCallback
{
    /** The one account on the server. */
    public static final String USER = EmbeddedSftpServer.USER;

    private final String clientKeyAlgorithm;
    private Path base;
    private EmbeddedSftpServer server;

    /**
     * An extension whose client key is RSA 2048.
     */
    public SftpServerExtension()
    {
        this("RSA");
    }

    /**
     * @param clientKeyAlgorithm {@code "RSA"}, {@code "EC"} or {@code "Ed25519"}.
     */
    public SftpServerExtension(final String clientKeyAlgorithm)
    {
        this.clientKeyAlgorithm = clientKeyAlgorithm;
    }

    @Override
    public void beforeEach(final ExtensionContext context) throws Exception
    {
        start();
    }

    @Override
    public void afterEach(final ExtensionContext context) throws Exception
    {
        stop();
    }

    /**
     * Starts the server (called by JUnit; public for use outside JUnit).
     *
     * @throws IOException              if it cannot start.
     * @throws GeneralSecurityException if keys cannot be made.
     */
    public void start() throws IOException, GeneralSecurityException
    {
        base = Files.createTempDirectory("sftp-server-");
        server = EmbeddedSftpServer.start(base, clientKeyAlgorithm);
    }

    /**
     * Stops the server and deletes its files.
     *
     * @throws IOException if deleting fails.
     */
    public void stop() throws IOException
    {
        if (server != null)
        {
            server.close();
            server = null;
        }
        if (base != null)
        {
            delete(base);
            base = null;
        }
    }

    /**
     * @param key another client key to let in (e.g. one made by {@code ssh-keygen}).
     */
    public void allowClientKey(final PublicKey key)
    {
        server.allowClientKey(key);
    }

    /**
     * @return the port the server listens on.
     */
    public int port()
    {
        return server.port();
    }

    /**
     * @return the server's file system root on the local disk.
     */
    public Path root()
    {
        return server.root();
    }

    /**
     * @return the client's private key file (OpenSSH format).
     */
    public Path clientKeyFile()
    {
        return server.clientKeyFile();
    }

    /**
     * @return the known_hosts file pinning the server's host key for {@code [127.0.0.1]:port}.
     */
    public Path knownHosts()
    {
        return server.knownHosts();
    }

    /**
     * @return the server's host key.
     */
    public KeyPair hostKey()
    {
        return server.hostKey();
    }

    /**
     * @param key the key to record for this server in known_hosts (another one, to test refusals).
     * @throws IOException if it cannot be written.
     */
    public void writeKnownHosts(final PublicKey key) throws IOException
    {
        server.writeKnownHosts(key);
    }

    /**
     * A counterparty for this server with short timeouts (10 s a call), collecting from {@code inbox}.
     *
     * @param id    its id.
     * @param inbox the remote directory (relative to the root; created if missing).
     * @return the counterparty.
     */
    public Counterparty counterparty(final String id, final String inbox)
    {
        return server.counterparty(id, inbox, Duration.ofSeconds(10));
    }

    /**
     * Puts a file on the server (as the counterparty would), creating the directory.
     *
     * @param dir   remote directory relative to the root.
     * @param name  file name.
     * @param bytes content.
     * @return the local path of the file.
     */
    public Path put(final String dir, final String name, final byte[] bytes)
    {
        return server.put(dir, name, bytes);
    }

    /**
     * @param dir remote directory relative to the root.
     * @return the names in it, sorted (empty if it does not exist).
     */
    public List<String> list(final String dir)
    {
        return server.list(dir);
    }

    /**
     * @param algorithm {@code RSA}, {@code EC} or {@code Ed25519}.
     * @param bits      key size (ignored for Ed25519).
     * @return a new key pair.
     * @throws GeneralSecurityException if the JVM cannot.
     */
    public static KeyPair generate(final String algorithm, final int bits) throws GeneralSecurityException
    {
        return EmbeddedSftpServer.generate(algorithm, bits);
    }

    /**
     * @param pair the key pair to write in the OpenSSH format, unencrypted.
     * @param file where.
     * @throws IOException              if it cannot be written.
     * @throws GeneralSecurityException if it cannot be encoded.
     */
    public static void writePrivateKey(final KeyPair pair, final Path file) throws IOException,
        GeneralSecurityException
    {
        EmbeddedSftpServer.writePrivateKey(pair, file);
    }

    private static void delete(final Path dir) throws IOException
    {
        if (!Files.exists(dir))
        {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>()
        {
            @Override
            public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) throws IOException
            {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(final Path d, final IOException ex) throws IOException
            {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
