package io.gbsettle.adapters.sftp.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Reads the adapter's configuration file: Java properties, one {@code counterparty.ID.*} block per counterparty.
 * Relative paths are resolved against the file's directory. Durations are {@code 500ms}, {@code 30s}, {@code 5m},
 * {@code 1h} or ISO-8601 ({@code PT30S}).
 *
 * <pre>
 * # gbsettle SFTP adapter
 * journal = /var/lib/gbsettle/journal        # engine journal; payloads in journal/payloads
 * work = /var/lib/gbsettle/sftp              # staging/, error/, meter-data/, reconciliation/
 * registry = /etc/gbsettle/registry          # optional when the journal already holds a registry
 * rejectedRemote = LEAVE                     # LEAVE | ACKNOWLEDGE
 * renameMode = POSIX_IF_ADVERTISED           # POSIX_IF_ADVERTISED | PLAIN
 * backoff.initial = 5s
 * backoff.max = 10m
 * counterparties = hhdc1, cdca
 *
 * counterparty.hhdc1.host = sftp.hhdc.example.com
 * counterparty.hhdc1.port = 22
 * counterparty.hhdc1.user = gbsettle
 * counterparty.hhdc1.key = keys/id_ed25519                 # OpenSSH private key, unencrypted, mode 600
 * counterparty.hhdc1.knownHosts = keys/known_hosts         # ssh-keyscan output, checked by hand
 * counterparty.hhdc1.inbox = /outgoing                     # where the counterparty leaves our files
 * counterparty.hhdc1.outbox = /incoming                    # where we upload
 * counterparty.hhdc1.done =                                # empty: delete after collection
 * counterparty.hhdc1.pattern = *.usr
 * counterparty.hhdc1.pollInterval = 60s
 * counterparty.hhdc1.connectTimeout = 15s
 * counterparty.hhdc1.authTimeout = 15s
 * counterparty.hhdc1.opTimeout = 30s
 * </pre>
 */
public final class SftpConfigFile
{
    private SftpConfigFile()
    {
    }

    /**
     * Loads a configuration file.
     *
     * @param file the properties file.
     * @return the context.
     * @throws IOException              if it cannot be read.
     * @throws IllegalArgumentException naming the setting, if a setting is missing or wrong.
     */
    public static SftpContext load(final Path file) throws IOException
    {
        final Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            p.load(in);
        }
        final Path base = file.toAbsolutePath().getParent();
        final List<Counterparty> counterparties = new ArrayList<>();
        for (final String raw : required(p, "counterparties", file).split(","))
        {
            final String id = raw.trim();
            if (id.isEmpty())
            {
                continue;
            }
            final String k = "counterparty." + id + ".";
            counterparties.add(new Counterparty(id, required(p, k + "host", file),
                Integer.parseInt(p.getProperty(k + "port", Integer.toString(Counterparty.DEFAULT_PORT)).trim()),
                required(p, k + "user", file), path(base, required(p, k + "key", file)),
                path(base, required(p, k + "knownHosts", file)), required(p, k + "inbox", file),
                text(p, k + "outbox"), text(p, k + "done"), text(p, k + "pattern"),
                duration(p, k + "pollInterval"), duration(p, k + "connectTimeout"), duration(p, k + "authTimeout"),
                duration(p, k + "opTimeout")));
        }
        if (counterparties.isEmpty())
        {
            throw new IllegalArgumentException(file + ": 'counterparties' lists none");
        }
        final String registry = text(p, "registry");
        final String rejected = text(p, "rejectedRemote");
        final String rename = text(p, "renameMode");
        final String durability = text(p, "durability");
        return new SftpContext(counterparties, path(base, required(p, "journal", file)),
            path(base, required(p, "work", file)), registry == null ? null : path(base, registry),
            rejected == null ? null : SftpContext.RejectedRemote.valueOf(rejected.toUpperCase(Locale.ROOT)),
            rename == null ? null : SftpContext.RenameMode.valueOf(rename.toUpperCase(Locale.ROOT)),
            duration(p, "backoff.initial"), duration(p, "backoff.max"),
            Integer.parseInt(p.getProperty("maxFileBytes", "0").trim()),
            Integer.parseInt(p.getProperty("bufferSize", "0").trim()), duration(p, "engineTimeout"),
            durability == null ? null :
                io.gbsettle.core.journal.JournalConfig.Durability.valueOf(durability.toUpperCase(Locale.ROOT)));
    }

    /**
     * Parses a duration: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, a bare number of seconds, or ISO-8601.
     *
     * @param text the text.
     * @return the duration.
     * @throws IllegalArgumentException if it is not one.
     */
    public static Duration parseDuration(final String text)
    {
        final String t = text.trim().toLowerCase(Locale.ROOT);
        try
        {
            if (t.startsWith("p"))
            {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms"))
            {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
            }
            if (t.endsWith("s"))
            {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1).trim()));
            }
            if (t.endsWith("m"))
            {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1).trim()));
            }
            if (t.endsWith("h"))
            {
                return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1).trim()));
            }
            return Duration.ofSeconds(Long.parseLong(t));
        }
        catch (final RuntimeException ex)
        {
            throw new IllegalArgumentException("not a duration: '" + text + "' (use 500ms, 30s, 5m, 1h or PT30S)", ex);
        }
    }

    private static String required(final Properties p, final String key, final Path file)
    {
        final String value = text(p, key);
        if (value == null)
        {
            throw new IllegalArgumentException(file + ": setting '" + key + "' is missing");
        }
        return value;
    }

    private static String text(final Properties p, final String key)
    {
        final String value = p.getProperty(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Duration duration(final Properties p, final String key)
    {
        final String value = text(p, key);
        return value == null ? null : parseDuration(value);
    }

    private static Path path(final Path base, final String value)
    {
        final Path path = Path.of(value);
        return path.isAbsolute() || base == null ? path : base.resolve(path);
    }
}
