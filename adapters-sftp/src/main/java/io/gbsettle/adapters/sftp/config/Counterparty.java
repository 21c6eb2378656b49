package io.gbsettle.adapters.sftp.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * One SFTP counterparty: where to connect, who we are there, how its host is recognised, where its files are and how
 * long each step may take. Immutable. The private key is named by its path only and never read into this object, so
 * printing a counterparty (logs, progress lines) never shows a credential.
 *
 * @param id             our name for the counterparty (used as the PayloadJournal channel and in folder names).
 * @param host           the server's host name or address.
 * @param port           the server's port (22 for a standard OpenSSH server).
 * @param user           the account on the server.
 * @param privateKey     the client's private key file (OpenSSH format or PEM, RSA, ECDSA or ed25519, unencrypted).
 * @param knownHosts     the known_hosts file the server's host key must be in: always verified, never learned.
 * @param inbox          remote directory the counterparty drops files for us into (what we collect).
 * @param outbox         remote directory we upload files for the counterparty into.
 * @param done           remote directory a collected file is moved to, or {@code null} to delete it (the usual
 *                       receipt in pull mode).
 * @param pattern        which remote names to collect (a glob of
 *                       {@link io.gbsettle.adapters.sftp.transport.RemoteNames#matches}, e.g. {@code *.usr}).
 * @param pollInterval   time between poll cycles of {@code bsc sftp poll} (jittered).
 * @param connectTimeout bound on the TCP connect and SSH key exchange.
 * @param authTimeout    bound on authentication.
 * @param opTimeout      bound on every single SFTP call (open, read, write, list, rename, remove); the session's
 *                       idle timeout too.
 */
public record Counterparty(
    String id,
    String host,
    int port,
    String user,
    Path privateKey,
    Path knownHosts,
    String inbox,
    String outbox,
    String done,
    String pattern,
    Duration pollInterval,
    Duration connectTimeout,
    Duration authTimeout,
    Duration opTimeout)
{
    /** Default SSH port. */
    public static final int DEFAULT_PORT = 22;
    /** Default poll interval. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(60);
    /** Default connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);
    /** Default authentication timeout. */
    public static final Duration DEFAULT_AUTH_TIMEOUT = Duration.ofSeconds(15);
    /** Default timeout of one SFTP call. */
    public static final Duration DEFAULT_OP_TIMEOUT = Duration.ofSeconds(30);
    /** Default pattern: every name (dot-files, {@code *.part} and {@code *.tmp} are always ignored). */
    public static final String DEFAULT_PATTERN = "*";

    /**
     * Checks the settings that have no default.
     */
    public Counterparty
    {
        requireText(id, "id");
        requireText(host, "host");
        requireText(user, "user");
        Objects.requireNonNull(privateKey, "key (private key file) of counterparty " + id);
        Objects.requireNonNull(knownHosts, "knownHosts file of counterparty " + id);
        requireText(inbox, "inbox");
        if (port <= 0 || port > 65535)
        {
            throw new IllegalArgumentException("counterparty " + id + ": port " + port + " is not in 1..65535");
        }
        if (!id.matches("[A-Za-z0-9_-]{1,32}"))
        {
            throw new IllegalArgumentException("counterparty id '" + id + "' must be 1-32 of A-Z a-z 0-9 _ -");
        }
        outbox = outbox == null || outbox.isBlank() ? inbox : outbox;
        pattern = pattern == null || pattern.isBlank() ? DEFAULT_PATTERN : pattern;
        done = done == null || done.isBlank() ? null : done;
        pollInterval = positive(pollInterval, DEFAULT_POLL_INTERVAL);
        connectTimeout = positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT);
        authTimeout = positive(authTimeout, DEFAULT_AUTH_TIMEOUT);
        opTimeout = positive(opTimeout, DEFAULT_OP_TIMEOUT);
    }

    /**
     * A counterparty with the default port, pattern, poll interval and timeouts, and no outbox or done folder.
     *
     * @param id         our name for it.
     * @param host       host.
     * @param port       port.
     * @param user       account.
     * @param privateKey private key file.
     * @param knownHosts known_hosts file.
     * @param inbox      remote directory to collect from (also the outbox).
     * @return the counterparty.
     */
    public static Counterparty of(final String id, final String host, final int port, final String user,
        final Path privateKey, final Path knownHosts, final String inbox)
    {
        return new Counterparty(id, host, port, user, privateKey, knownHosts, inbox, null, null, null, null, null,
            null, null);
    }

    /**
     * @param opTimeout the bound on every SFTP call.
     * @return a copy with that timeout.
     */
    public Counterparty withOpTimeout(final Duration opTimeout)
    {
        return new Counterparty(id, host, port, user, privateKey, knownHosts, inbox, outbox, done, pattern,
            pollInterval, connectTimeout, authTimeout, opTimeout);
    }

    /**
     * @param pattern the glob of names to collect.
     * @return a copy with that pattern.
     */
    public Counterparty withPattern(final String pattern)
    {
        return new Counterparty(id, host, port, user, privateKey, knownHosts, inbox, outbox, done, pattern,
            pollInterval, connectTimeout, authTimeout, opTimeout);
    }

    /**
     * @param done remote folder collected files are moved to ({@code null}: delete them).
     * @return a copy with that folder.
     */
    public Counterparty withDone(final String done)
    {
        return new Counterparty(id, host, port, user, privateKey, knownHosts, inbox, outbox, done, pattern,
            pollInterval, connectTimeout, authTimeout, opTimeout);
    }

    /**
     * @param outbox remote folder uploads go to.
     * @return a copy with that folder.
     */
    public Counterparty withOutbox(final String outbox)
    {
        return new Counterparty(id, host, port, user, privateKey, knownHosts, inbox, outbox, done, pattern,
            pollInterval, connectTimeout, authTimeout, opTimeout);
    }

    /**
     * @return {@code user@host:port} for messages (no credential).
     */
    public String address()
    {
        return user + "@" + host + ":" + port;
    }

    private static void requireText(final String value, final String name)
    {
        if (value == null || value.isBlank())
        {
            throw new IllegalArgumentException("counterparty setting '" + name + "' is missing");
        }
    }

    private static Duration positive(final Duration value, final Duration otherwise)
    {
        if (value == null)
        {
            return otherwise;
        }
        if (value.isNegative() || value.isZero())
        {
            throw new IllegalArgumentException("durations must be positive: " + value);
        }
        return value;
    }
}
