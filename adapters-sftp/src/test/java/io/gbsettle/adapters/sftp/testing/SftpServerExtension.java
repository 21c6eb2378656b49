package io.gbsettle.adapters.sftp.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.gbsettle.adapters.sftp.config.Counterparty;

/**
 * JUnit 5 extension: an embedded Apache MINA SSHD SFTP server per test, on 127.0.0.1 with an OS-chosen port, key
 * authentication only (one user, one client key the extension generates and writes in OpenSSH format), an RSA host
 * key the extension pins in a known_hosts file it writes, and a file system rooted in a temp directory. Register it
 * with {@code @RegisterExtension}; everything is stopped and deleted after each test.
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
    public static final String USER = "gbsettle";

    private final String clientKeyAlgorithm;
    private Path base;
    private Path root;
    private KeyPair hostKey;
    private KeyPair clientKey;
    private Path clientKeyFile;
    private Path knownHosts;
    private SshServer sshd;
    private final List<PublicKey> allowed = new java.util.concurrent.CopyOnWriteArrayList<>();

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
     * Starts the server (called by JUnit; public for use outside JUnit, e.g. a benchmark).
     *
     * @throws IOException              if it cannot start.
     * @throws GeneralSecurityException if keys cannot be made.
     */
    public void start() throws IOException, GeneralSecurityException
    {
        base = Files.createTempDirectory("sftp-server-");
        root = Files.createDirectories(base.resolve("root"));
        final Path keys = Files.createDirectories(base.resolve("keys"));
        hostKey = generate("RSA", 2048);
        clientKey = generate(clientKeyAlgorithm, "RSA".equals(clientKeyAlgorithm) ? 2048 : 256);
        clientKeyFile = keys.resolve("id_" + clientKeyAlgorithm.toLowerCase(java.util.Locale.ROOT));
        writePrivateKey(clientKey, clientKeyFile);

        sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        allowed.clear();
        allowed.add(clientKey.getPublic());
        sshd.setPublickeyAuthenticator((user, key, session) -> USER.equals(user) && isAllowed(key));
        sshd.setPasswordAuthenticator(null);
        sshd.setKeyboardInteractiveAuthenticator(null);
        sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory.Builder().build()));
        sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
        sshd.start();

        knownHosts = keys.resolve("known_hosts");
        writeKnownHosts(hostKey.getPublic());
    }

    /**
     * Stops the server and deletes its files.
     *
     * @throws IOException if deleting fails.
     */
    public void stop() throws IOException
    {
        if (sshd != null)
        {
            sshd.stop(true);
            sshd = null;
        }
        if (base != null)
        {
            delete(base);
            base = null;
        }
    }

    /**
     * Lets another client key in (e.g. one made by {@code ssh-keygen}).
     *
     * @param key the public key.
     */
    public void allowClientKey(final PublicKey key)
    {
        allowed.add(key);
    }

    private boolean isAllowed(final PublicKey key)
    {
        for (final PublicKey k : allowed)
        {
            if (KeyUtils.compareKeys(k, key))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * @return the port the server listens on.
     */
    public int port()
    {
        return sshd.getPort();
    }

    /**
     * @return the server's file system root on the local disk.
     */
    public Path root()
    {
        return root;
    }

    /**
     * @return the client's private key file (OpenSSH format).
     */
    public Path clientKeyFile()
    {
        return clientKeyFile;
    }

    /**
     * @return the known_hosts file pinning the server's host key for {@code [127.0.0.1]:port}.
     */
    public Path knownHosts()
    {
        return knownHosts;
    }

    /**
     * @return the server's host key.
     */
    public KeyPair hostKey()
    {
        return hostKey;
    }

    /**
     * Rewrites the known_hosts file to record another key for this server (to test refusals).
     *
     * @param key the key to record.
     * @throws IOException if it cannot be written.
     */
    public void writeKnownHosts(final PublicKey key) throws IOException
    {
        Files.writeString(knownHosts, "# written by SftpServerExtension\n[127.0.0.1]:" + port() + " " +
            PublicKeyEntry.toString(key) + "\n");
    }

    /**
     * A counterparty for this server with short timeouts, collecting from {@code inbox} (created if missing).
     *
     * @param id    its id.
     * @param inbox the remote directory (relative to the root).
     * @return the counterparty.
     */
    public Counterparty counterparty(final String id, final String inbox)
    {
        try
        {
            Files.createDirectories(root.resolve(inbox));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return Counterparty.of(id, "127.0.0.1", port(), USER, clientKeyFile, knownHosts, inbox)
            .withOpTimeout(java.time.Duration.ofSeconds(10));
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
        try
        {
            final Path d = Files.createDirectories(root.resolve(dir));
            return Files.write(d.resolve(name), bytes);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @param dir remote directory relative to the root.
     * @return the names in it, sorted (empty if it does not exist).
     */
    public List<String> list(final String dir)
    {
        final Path d = root.resolve(dir);
        if (!Files.isDirectory(d))
        {
            return List.of();
        }
        try (Stream<Path> files = Files.list(d))
        {
            final List<String> names = new ArrayList<>();
            files.forEach(p -> names.add(p.getFileName().toString()));
            names.sort(null);
            return names;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Generates a key pair.
     *
     * @param algorithm {@code RSA}, {@code EC} or {@code Ed25519}.
     * @param bits      key size (ignored for Ed25519).
     * @return the pair.
     * @throws GeneralSecurityException if the JVM cannot.
     */
    public static KeyPair generate(final String algorithm, final int bits) throws GeneralSecurityException
    {
        if ("Ed25519".equals(algorithm))
        {
            // MINA SSHD's ed25519 goes through Bouncy Castle: its key classes, not the JDK's.
            final KeyPairGenerator generator = SecurityUtils.getKeyPairGenerator(SecurityUtils.EDDSA);
            generator.initialize(256);
            return generator.generateKeyPair();
        }
        final KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    /**
     * Writes a private key in the OpenSSH format ({@code -----BEGIN OPENSSH PRIVATE KEY-----}), unencrypted.
     *
     * @param pair the key pair.
     * @param file where.
     * @throws IOException              if it cannot be written.
     * @throws GeneralSecurityException if it cannot be encoded.
     */
    public static void writePrivateKey(final KeyPair pair, final Path file) throws IOException,
        GeneralSecurityException
    {
        try (OutputStream out = Files.newOutputStream(file))
        {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "gbsettle-test", null, out);
        }
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
