package io.gbsettle.adapters.sftp.server;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

import io.gbsettle.adapters.sftp.config.Counterparty;

/**
 * A real SFTP server (Apache MINA SSHD) on {@code 127.0.0.1} with an OS-chosen port, for the demo, tests and
 * benchmarks: key authentication only (one user, one client key it generates and writes in OpenSSH format), an RSA
 * host key it pins in a {@code known_hosts} file it writes, and a file system rooted in a local folder. The
 * collector talks to it exactly as to a counterparty's server: host key checked, key auth, the same SFTP calls.
 *
 * <pre>
 *   DIR/root/        the server's file system (what a counterparty would publish: root/inbox/...)
 *   DIR/keys/id_rsa  the client's private key        DIR/keys/known_hosts  [127.0.0.1]:port ssh-rsa ...
 * </pre>
 *
 * Keys are new on every start; {@link #close()} stops the server and leaves the folder (the caller owns it).
 */
public final class EmbeddedSftpServer implements AutoCloseable
{
    /** The one account on the server. */
    public static final String USER = "gbsettle";

    private final Path root;
    private final KeyPair hostKey;
    private final Path clientKeyFile;
    private final Path knownHosts;
    private final SshServer sshd;
    private final List<PublicKey> allowed = new CopyOnWriteArrayList<>();

    private EmbeddedSftpServer(final Path dir, final String clientKeyAlgorithm)
        throws IOException, GeneralSecurityException
    {
        root = Files.createDirectories(dir.resolve("root"));
        final Path keys = Files.createDirectories(dir.resolve("keys"));
        hostKey = generate("RSA", 2048);
        final KeyPair clientKey = generate(clientKeyAlgorithm, "RSA".equals(clientKeyAlgorithm) ? 2048 : 256);
        clientKeyFile = keys.resolve("id_" + clientKeyAlgorithm.toLowerCase(Locale.ROOT));
        Files.deleteIfExists(clientKeyFile);
        writePrivateKey(clientKey, clientKeyFile);
        allowed.add(clientKey.getPublic());

        sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
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
     * Starts a server whose client key is RSA 2048.
     *
     * @param dir the folder for its file system and keys (created if missing; files already in root/ are served).
     * @return the running server.
     * @throws IOException              if it cannot start or write its keys.
     * @throws GeneralSecurityException if keys cannot be made.
     */
    public static EmbeddedSftpServer start(final Path dir) throws IOException, GeneralSecurityException
    {
        return start(dir, "RSA");
    }

    /**
     * Starts a server.
     *
     * @param dir                the folder for its file system and keys.
     * @param clientKeyAlgorithm {@code "RSA"}, {@code "EC"} or {@code "Ed25519"}.
     * @return the running server.
     * @throws IOException              if it cannot start or write its keys.
     * @throws GeneralSecurityException if keys cannot be made.
     */
    public static EmbeddedSftpServer start(final Path dir, final String clientKeyAlgorithm)
        throws IOException, GeneralSecurityException
    {
        return new EmbeddedSftpServer(dir, clientKeyAlgorithm);
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
     * Rewrites the known_hosts file to record a key for this server (another one, to test refusals).
     *
     * @param key the key to record.
     * @throws IOException if it cannot be written.
     */
    public void writeKnownHosts(final PublicKey key) throws IOException
    {
        Files.writeString(knownHosts, "# written by gbsettle's EmbeddedSftpServer\n[127.0.0.1]:" + port() + " " +
            PublicKeyEntry.toString(key) + "\n");
    }

    /**
     * A counterparty for this server collecting from {@code inbox} (created if missing).
     *
     * @param id        its id.
     * @param inbox     the remote directory (relative to the root).
     * @param opTimeout the timeout of each SFTP call.
     * @return the counterparty.
     */
    public Counterparty counterparty(final String id, final String inbox, final Duration opTimeout)
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
            .withOpTimeout(opTimeout);
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
     * Stops the server (its folder stays).
     */
    @Override
    public void close()
    {
        try
        {
            sshd.stop(true);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot stop the embedded SFTP server", ex);
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
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "gbsettle", null, out);
        }
    }
}
