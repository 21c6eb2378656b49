package io.gbsettle.adapters.sftp.transport;

/**
 * A regular file in a remote directory listing, with a name {@link RemoteNames#problem} accepted.
 *
 * @param name           the plain file name.
 * @param size           its size in bytes as listed.
 * @param modifiedMillis its modification time as listed (epoch milliseconds, 0 if the server gave none).
 */
public record RemoteFile(String name, long size, long modifiedMillis)
{
}
