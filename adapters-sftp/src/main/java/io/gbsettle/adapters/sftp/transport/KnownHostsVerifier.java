package io.gbsettle.adapters.sftp.transport;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * Strict host-key checking against one known_hosts file (OpenSSH format: plain, {@code [host]:port} and hashed
 * {@code |1|} entries, {@code @revoked} markers). The key the server offers must be listed for the configured host
 * and port; an unknown host or a changed key is refused, and nothing is ever added to the file (pinning is an
 * operator's decision, made after comparing fingerprints with the counterparty). The reason of the last refusal is
 * kept for {@link #rejection()}, since the SSH layer only reports "server key did not validate".
 */
public final class KnownHostsVerifier implements ServerKeyVerifier
{
    private final Path file;
    private final String host;
    private final int port;
    private volatile String rejection;

    /**
     * @param file the known_hosts file.
     * @param host the host name as configured (what the file's entries are matched against).
     * @param port the port ({@code [host]:port} entries for ports other than 22).
     */
    public KnownHostsVerifier(final Path file, final String host, final int port)
    {
        this.file = file;
        this.host = host;
        this.port = port;
    }

    @Override
    public boolean verifyServerKey(final ClientSession session, final SocketAddress remoteAddress,
        final PublicKey serverKey)
    {
        final String offered = KeyUtils.getKeyType(serverKey) + " " + KeyUtils.getFingerPrint(serverKey);
        final String where = "[" + host + "]:" + port;
        if (!Files.isRegularFile(file))
        {
            return refuse("host key of " + where + " cannot be verified: known_hosts file " + file +
                " does not exist; the server offered " + offered);
        }
        final List<KnownHostEntry> entries;
        try
        {
            entries = KnownHostEntry.readKnownHostEntries(file);
        }
        catch (final IOException | RuntimeException ex)
        {
            return refuse("host key of " + where + " cannot be verified: known_hosts file " + file +
                " cannot be read (" + ex.getMessage() + "); the server offered " + offered);
        }
        final List<String> recorded = new ArrayList<>();
        for (final KnownHostEntry entry : entries == null ? Collections.<KnownHostEntry>emptyList() : entries)
        {
            if (!entry.isHostMatch(host, port))
            {
                continue;
            }
            final PublicKey key = resolve(entry.getKeyEntry());
            if (key == null)
            {
                continue;
            }
            final boolean same = KeyUtils.compareKeys(key, serverKey);
            if ("revoked".equalsIgnoreCase(entry.getMarker()))
            {
                if (same)
                {
                    return refuse("host key of " + where + " is marked @revoked in " + file + ": refused " + offered);
                }
                continue;
            }
            if (same)
            {
                rejection = null;
                return true;
            }
            recorded.add(KeyUtils.getKeyType(key) + " " + KeyUtils.getFingerPrint(key));
        }
        if (recorded.isEmpty())
        {
            return refuse("UNKNOWN host key: " + where + " is not in known_hosts file " + file +
                "; the server offered " + offered + ". Refused. Check this fingerprint with the counterparty, then " +
                "add the key to the file (e.g. ssh-keyscan -p " + port + " " + host + ")");
        }
        return refuse("CHANGED host key: " + where + " offered " + offered + " but known_hosts file " + file +
            " records " + String.join(", ", recorded) + ". Refused (possible man-in-the-middle); update the file " +
            "only after the counterparty confirms a key change");
    }

    /**
     * @return why the last verification refused the server, or {@code null} if it did not.
     */
    public String rejection()
    {
        return rejection;
    }

    private boolean refuse(final String message)
    {
        rejection = message;
        return false;
    }

    private static PublicKey resolve(final AuthorizedKeyEntry entry)
    {
        if (entry == null)
        {
            return null;
        }
        try
        {
            return entry.resolvePublicKey(null, null, PublicKeyEntryResolver.IGNORING);
        }
        catch (final IOException | GeneralSecurityException ex)
        {
            return null;
        }
    }
}
