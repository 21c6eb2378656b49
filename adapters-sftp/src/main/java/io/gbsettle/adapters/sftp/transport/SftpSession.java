package io.gbsettle.adapters.sftp.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.agrona.ExpandableArrayBuffer;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHFsyncExtension;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHPosixRenameExtension;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

import io.gbsettle.adapters.sftp.config.Counterparty;

/**
 * One SFTP session (one poll cycle or one upload batch) with a counterparty: list, download, remove or move, upload
 * by temporary name and rename. Every call is bounded by the counterparty's operation timeout (the session's idle
 * timeout, which MINA applies to each request it waits on). Remote names are checked by {@link RemoteNames} before
 * they are joined to a directory. Not thread-safe.
 */
public final class SftpSession implements AutoCloseable
{
    /** Suffix of the temporary name an upload is written under before its rename. */
    public static final String UPLOAD_SUFFIX = ".part";

    private final Counterparty counterparty;
    private final ClientSession session;
    private final SftpClient sftp;
    private final byte[] copy;

    SftpSession(final Counterparty counterparty, final ClientSession session, final SftpClient sftp,
        final int bufferSize)
    {
        this.counterparty = counterparty;
        this.session = session;
        this.sftp = sftp;
        this.copy = new byte[bufferSize];
    }

    /**
     * @return the SFTP protocol version negotiated (OpenSSH: 3; MINA: 6).
     */
    public int version()
    {
        return sftp.getVersion();
    }

    /**
     * @return whether the server advertises {@code posix-rename@openssh.com}.
     */
    public boolean posixRenameSupported()
    {
        final OpenSSHPosixRenameExtension ext = sftp.getExtension(OpenSSHPosixRenameExtension.class);
        return ext != null && ext.isSupported();
    }

    /**
     * Lists the regular files of a remote directory. Names that are unsafe go to {@code refused} with the reason
     * ({@code "name: reason"}), hidden and work-in-progress names are skipped, the rest are returned if they match
     * the glob.
     *
     * @param dir     the remote directory.
     * @param glob    which names to return ({@link RemoteNames#matches}).
     * @param refused receives one line per refused name.
     * @return the candidates, in name order.
     * @throws IOException if listing fails or times out.
     */
    public List<RemoteFile> list(final String dir, final String glob, final List<String> refused) throws IOException
    {
        final List<RemoteFile> files = new ArrayList<>();
        for (final SftpClient.DirEntry entry : sftp.readDir(dir))
        {
            final String name = entry.getFilename();
            if (".".equals(name) || "..".equals(name))
            {
                continue;
            }
            final SftpClient.Attributes attributes = entry.getAttributes();
            if (attributes != null && !attributes.isRegularFile())
            {
                continue;
            }
            final String problem = RemoteNames.problem(name);
            if (problem != null)
            {
                refused.add(RemoteNames.printable(name) + ": " + problem);
                continue;
            }
            if (RemoteNames.ignored(name) || !RemoteNames.matches(glob, name))
            {
                continue;
            }
            final long modified = attributes == null || attributes.getModifyTime() == null ? 0 :
                attributes.getModifyTime().toMillis();
            files.add(new RemoteFile(name, attributes == null ? -1 : attributes.getSize(), modified));
        }
        files.sort((a, b) -> a.name().compareTo(b.name()));
        return files;
    }

    /**
     * Downloads a remote file into {@code into} (from offset 0) and, as it arrives, into {@code local}, which is then
     * forced to disk.
     *
     * @param dir   the remote directory.
     * @param name  the file name.
     * @param local where the bytes go on disk (a {@code staging/NAME.part} file, empty and positioned at 0).
     * @param into  where the bytes go in memory.
     * @param limit the largest size accepted.
     * @return the number of bytes downloaded.
     * @throws IOException if reading fails, times out or exceeds the limit.
     */
    public int download(final String dir, final String name, final FileChannel local,
        final ExpandableArrayBuffer into, final int limit) throws IOException
    {
        int length = 0;
        try (InputStream in = sftp.read(RemoteNames.join(dir, name), copy.length))
        {
            int n;
            while ((n = in.read(copy, 0, copy.length)) >= 0)
            {
                if ((long)length + n > limit)
                {
                    throw new IOException(name + " is larger than the limit of " + limit + " bytes");
                }
                into.putBytes(length, copy, 0, n);
                final ByteBuffer chunk = ByteBuffer.wrap(copy, 0, n);
                while (chunk.hasRemaining())
                {
                    local.write(chunk);
                }
                length += n;
            }
        }
        local.force(true);
        return length;
    }

    /**
     * Reads a (small) remote file whole, e.g. to compare an existing upload target with our bytes.
     *
     * @param dir  the remote directory.
     * @param name the file name.
     * @return its bytes.
     * @throws IOException if reading fails.
     */
    public byte[] readAll(final String dir, final String name) throws IOException
    {
        try (InputStream in = sftp.read(RemoteNames.join(dir, name), copy.length))
        {
            return in.readAllBytes();
        }
    }

    /**
     * Deletes a remote file (the receipt of a collected file in pull mode).
     *
     * @param dir  the remote directory.
     * @param name the file name.
     * @throws IOException if the server refuses or times out.
     */
    public void remove(final String dir, final String name) throws IOException
    {
        sftp.remove(RemoteNames.join(dir, name));
    }

    /**
     * Moves a remote file into another remote directory under the same name, replacing a file of that name there
     * (posix-rename when advertised; otherwise the old one is removed first).
     *
     * @param dir   the directory it is in.
     * @param name  the file name.
     * @param toDir the directory it goes to.
     * @throws IOException if the server refuses or times out.
     */
    public void move(final String dir, final String name, final String toDir) throws IOException
    {
        final String from = RemoteNames.join(dir, name);
        final String to = RemoteNames.join(toDir, name);
        if (posixRenameSupported())
        {
            sftp.getExtension(OpenSSHPosixRenameExtension.class).posixRename(from, to);
            return;
        }
        if (exists(toDir, name))
        {
            sftp.remove(to);
        }
        sftp.rename(from, to);
    }

    /**
     * Whether a remote file exists.
     *
     * @param dir  the remote directory.
     * @param name the file name.
     * @return {@code true} if {@code stat} finds it.
     * @throws IOException on failures other than "no such file".
     */
    public boolean exists(final String dir, final String name) throws IOException
    {
        try
        {
            sftp.stat(RemoteNames.join(dir, name));
            return true;
        }
        catch (final SftpException ex)
        {
            if (ex.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE ||
                ex.getStatus() == SftpConstants.SSH_FX_NO_SUCH_PATH)
            {
                return false;
            }
            throw ex;
        }
    }

    /**
     * Uploads bytes under {@code name + }{@link #UPLOAD_SUFFIX}, syncs them when the server offers
     * {@code fsync@openssh.com}, then renames to {@code name}: with {@code posix-rename@openssh.com} when advertised
     * and allowed (atomic replace), otherwise with a plain rename to a name that must not exist. If the plain rename
     * finds the name taken, the existing file is read: the same bytes mean an earlier attempt already delivered it
     * ({@code false} is returned and the temporary file removed); other bytes are an error, never an overwrite.
     *
     * @param dir         the remote directory.
     * @param name        the final name.
     * @param bytes       the content.
     * @param length      how many bytes of {@code bytes}.
     * @param posixRename whether posix-rename may be used when advertised.
     * @return {@code true} if this call delivered the file, {@code false} if it was already there with these bytes.
     * @throws IOException if the upload fails, or the name holds other content.
     */
    public boolean upload(final String dir, final String name, final byte[] bytes, final int length,
        final boolean posixRename) throws IOException
    {
        final String temp = RemoteNames.join(dir, name + UPLOAD_SUFFIX);
        final String target = RemoteNames.join(dir, name);
        try (SftpClient.CloseableHandle handle = sftp.open(temp,
            EnumSet.of(SftpClient.OpenMode.Write, SftpClient.OpenMode.Create, SftpClient.OpenMode.Truncate)))
        {
            final int chunk = Math.min(copy.length, 32 * 1024);
            for (int offset = 0; offset < length; offset += chunk)
            {
                sftp.write(handle, offset, bytes, offset, Math.min(chunk, length - offset));
            }
            final OpenSSHFsyncExtension fsync = sftp.getExtension(OpenSSHFsyncExtension.class);
            if (fsync != null && fsync.isSupported())
            {
                fsync.fsync(handle);
            }
        }
        if (posixRename && posixRenameSupported())
        {
            sftp.getExtension(OpenSSHPosixRenameExtension.class).posixRename(temp, target);
            return true;
        }
        try
        {
            sftp.rename(temp, target);
            return true;
        }
        catch (final SftpException ex)
        {
            if (!exists(dir, name))
            {
                throw ex;
            }
            final byte[] there = readAll(dir, name);
            if (java.util.Arrays.equals(there, 0, there.length, bytes, 0, length))
            {
                sftp.remove(temp);
                return false;
            }
            throw new IOException(counterparty.id() + ": cannot deliver " + name + " to " + dir + ": a file of that " +
                "name with other content (" + there.length + " bytes) is already there; not overwritten", ex);
        }
    }

    /**
     * Closes the SFTP channel and the SSH session.
     */
    @Override
    public void close()
    {
        try
        {
            sftp.close();
        }
        catch (final IOException ignore)
        {
            // closing the session below ends the channel anyway
        }
        try
        {
            session.close();
        }
        catch (final IOException ignore)
        {
            // best effort
        }
    }
}
