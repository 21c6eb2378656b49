package io.gbsettle.adapters.sftp.transport;

import java.io.IOException;

/**
 * The server's host key is not in the counterparty's known_hosts file, or differs from the one recorded there: the
 * connection is refused before any credential is sent. The message names the host, the file and the fingerprints.
 */
public final class HostKeyRejectedException extends IOException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was refused and why.
     * @param cause   the SSH layer's failure, if any.
     */
    public HostKeyRejectedException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
