package io.gbsettle.adapters.sftp.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.agrona.concurrent.UnsafeBuffer;

import io.gbsettle.adapters.sftp.config.Counterparty;
import io.gbsettle.adapters.sftp.config.SftpContext;
import io.gbsettle.adapters.sftp.transport.RemoteNames;
import io.gbsettle.adapters.sftp.transport.SftpSession;
import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.event.Hashing64;
import io.gbsettle.core.journal.PayloadEntry;
import io.gbsettle.core.journal.PayloadJournal;
import io.gbsettle.core.journal.PayloadReader;
import io.gbsettle.core.journal.PayloadState;

/**
 * Uploads outbound files to a counterparty's outbox: build once, send many. The bytes of a file are kept in the
 * PayloadJournal as RESERVED before the first attempt, and every retry sends those journaled bytes (never the file
 * regenerated); SENT is journaled once the rename into place succeeded. A name already SENT with the same bytes is
 * not sent again; with other bytes it is refused (a new file needs a new name).
 */
public final class Sender
{
    /** The outcome for one file. */
    public enum Outcome
    {
        /** Uploaded and renamed into place by this call. */
        SENT,
        /** Found already delivered (a previous attempt renamed it into place before a crash); journaled SENT. */
        ALREADY_DELIVERED,
        /** Journaled SENT before: nothing done. */
        ALREADY_SENT
    }

    private final SftpContext context;
    private final PayloadJournal payloads;
    private final Consumer<String> progress;
    private final Map<String, long[]> outbound = new HashMap<>();
    private final PayloadEntry entry = new PayloadEntry();

    /**
     * Reads the outbound states from the PayloadJournal.
     *
     * @param context  the configuration.
     * @param payloads the PayloadJournal.
     * @param progress receives progress lines.
     */
    public Sender(final SftpContext context, final PayloadJournal payloads, final Consumer<String> progress)
    {
        this.context = context;
        this.payloads = payloads;
        this.progress = progress;
        try (PayloadReader reader = payloads.reader())
        {
            final PayloadEntry e = new PayloadEntry();
            while (reader.next(e))
            {
                if (e.source() != EventSource.SFTP)
                {
                    continue;
                }
                if (e.state() == PayloadState.RESERVED)
                {
                    outbound.put(key(e.channel(), e.name()), new long[] {e.position(), e.contentHash(), 0});
                }
                else if (e.state() == PayloadState.SENT)
                {
                    final long[] s = outbound.get(key(e.channel(), e.name()));
                    if (s != null && s[0] == e.ref())
                    {
                        s[2] = 1;
                    }
                }
            }
        }
    }

    /**
     * Sends one local file under its own name.
     *
     * @param counterparty the counterparty.
     * @param session      an open session to it.
     * @param file         the local file.
     * @return what happened.
     * @throws IOException if the upload fails (retry: the same bytes go), or the name was sent with other bytes.
     */
    public Outcome send(final Counterparty counterparty, final SftpSession session, final Path file)
        throws IOException
    {
        final String name = file.getFileName().toString();
        final String problem = RemoteNames.problem(name);
        if (problem != null || RemoteNames.ignored(name))
        {
            throw new IOException("cannot send " + file + ": " + (problem != null ? problem :
                "its name would be ignored by a collector (dot-file, .part, .tmp)"));
        }
        final byte[] local = Files.readAllBytes(file);
        final long localHash = Hashing64.hash(new UnsafeBuffer(local), 0, local.length);
        final String k = key(counterparty.id(), name);
        long[] state = outbound.get(k);
        final byte[] bytes;
        if (state == null)
        {
            entry.clear().timeMicros(System.currentTimeMillis() * 1000L).source(EventSource.SFTP)
                .state(PayloadState.RESERVED).channel(counterparty.id()).name(name).kind("outbound")
                .contentHash(localHash).detail("to " + counterparty.outbox()).body(local, 0, local.length);
            final long position = payloads.append(entry);
            payloads.commit();
            state = new long[] {position, localHash, 0};
            outbound.put(k, state);
            bytes = local;
        }
        else
        {
            if (state[1] != localHash)
            {
                throw new IOException("cannot send " + name + " to " + counterparty.id() + ": a file of that name " +
                    "with other content was already " + (state[2] == 1 ? "sent" : "reserved") + " (payload " +
                    "journal entry " + state[0] + "); give the new file a new name");
            }
            if (state[2] == 1)
            {
                progress.accept(counterparty.id() + " " + name + ": already sent (payload journal entry " + state[0] +
                    ")");
                return Outcome.ALREADY_SENT;
            }
            bytes = journaledBytes(state[0]);
            if (!Arrays.equals(bytes, local))
            {
                throw new IOException("journaled bytes of " + name + " differ from the file: not sent");
            }
        }
        final boolean delivered = session.upload(counterparty.outbox(), name, bytes, bytes.length,
            context.renameMode() == SftpContext.RenameMode.POSIX_IF_ADVERTISED);
        entry.clear().timeMicros(System.currentTimeMillis() * 1000L).source(EventSource.SFTP)
            .state(PayloadState.SENT).channel(counterparty.id()).name(name).kind("outbound").contentHash(state[1])
            .ref(state[0]).detail(delivered ? "to " + counterparty.outbox() : "found already delivered");
        payloads.append(entry);
        payloads.commit();
        state[2] = 1;
        progress.accept(counterparty.id() + " " + name + ": " + (delivered ? "sent" : "already delivered") + " (" +
            bytes.length + " bytes) to " + counterparty.outbox());
        return delivered ? Outcome.SENT : Outcome.ALREADY_DELIVERED;
    }

    private byte[] journaledBytes(final long position)
    {
        try (PayloadReader reader = payloads.reader())
        {
            reader.seek(position);
            if (!reader.next(entry) || entry.position() != position)
            {
                throw new IllegalStateException("payload journal entry " + position + " cannot be read back");
            }
            return entry.bodyBytes();
        }
    }

    private static String key(final String channel, final String name)
    {
        return channel + '\u0000' + name;
    }
}
