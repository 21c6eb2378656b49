package io.gbsettle.adapters.sftp.transport;

/**
 * Rules for remote file names: which names are safe to use at all (no path traversal), which are work in progress
 * (ignored) and which match a counterparty's pattern. A remote name is only ever a plain file name; it is joined to
 * the configured directories by {@link #join}, never interpreted as a path.
 */
public final class RemoteNames
{
    /** Longest name accepted (IDD names are 14 characters, DTC names rarely over 40). */
    public static final int MAX_LENGTH = 128;

    private RemoteNames()
    {
    }

    /**
     * Why a remote name must not be used, or {@code null} when it is a safe plain file name: not empty, at most
     * {@link #MAX_LENGTH} characters, no {@code /} or {@code \}, not {@code .} or {@code ..} or containing
     * {@code ..}, no control characters, no {@code :} (drive letters, alternate streams), printable ASCII only.
     *
     * @param name the name as the server listed it.
     * @return the reason it is refused, or {@code null}.
     */
    public static String problem(final String name)
    {
        if (name == null || name.isEmpty())
        {
            return "empty name";
        }
        if (name.length() > MAX_LENGTH)
        {
            return "name longer than " + MAX_LENGTH + " characters";
        }
        if (name.contains(".."))
        {
            return "name contains '..' (path traversal)";
        }
        for (int i = 0; i < name.length(); i++)
        {
            final char c = name.charAt(i);
            if (c == '/' || c == '\\')
            {
                return "name contains a path separator (path traversal)";
            }
            if (c < 0x20 || c == 0x7F)
            {
                return "name contains control character 0x" + Integer.toHexString(c);
            }
            if (c > 0x7E)
            {
                return "name contains a non-ASCII character";
            }
            if (c == ':')
            {
                return "name contains ':'";
            }
        }
        return null;
    }

    /**
     * Whether a name is work in progress or hidden and is never collected: dot-files, {@code *.part},
     * {@code *.partial}, {@code *.tmp} (any case).
     *
     * @param name a remote name.
     * @return {@code true} to leave it alone.
     */
    public static boolean ignored(final String name)
    {
        final String lower = name.toLowerCase(java.util.Locale.ROOT);
        return name.startsWith(".") || lower.endsWith(".part") || lower.endsWith(".partial") || lower.endsWith(".tmp");
    }

    /**
     * Glob match without regular expressions: {@code *} any run of characters, {@code ?} one character, anything
     * else literally (case-sensitive, as SFTP servers are).
     *
     * @param glob the pattern.
     * @param name the name.
     * @return whether it matches.
     */
    public static boolean matches(final String glob, final String name)
    {
        int g = 0;
        int n = 0;
        int star = -1;
        int mark = 0;
        while (n < name.length())
        {
            if (g < glob.length() && (glob.charAt(g) == '?' || glob.charAt(g) == name.charAt(n)))
            {
                g++;
                n++;
            }
            else if (g < glob.length() && glob.charAt(g) == '*')
            {
                star = g++;
                mark = n;
            }
            else if (star >= 0)
            {
                g = star + 1;
                n = ++mark;
            }
            else
            {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*')
        {
            g++;
        }
        return g == glob.length();
    }

    /**
     * Joins a configured remote directory and a checked file name.
     *
     * @param dir  the remote directory (absolute or relative to the login directory).
     * @param name a name {@link #problem} accepted.
     * @return {@code dir/name}.
     * @throws IllegalArgumentException if the name is not safe.
     */
    public static String join(final String dir, final String name)
    {
        final String problem = problem(name);
        if (problem != null)
        {
            throw new IllegalArgumentException("refused remote name '" + printable(name) + "': " + problem);
        }
        if (dir.isEmpty() || ".".equals(dir))
        {
            return name;
        }
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    /**
     * A name made safe to print (control characters escaped), for messages about refused names.
     *
     * @param name any string.
     * @return the printable form.
     */
    public static String printable(final String name)
    {
        final StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++)
        {
            final char c = name.charAt(i);
            if (c < 0x20 || c >= 0x7F)
            {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int)c));
            }
            else
            {
                b.append(c);
            }
        }
        return b.toString();
    }
}
