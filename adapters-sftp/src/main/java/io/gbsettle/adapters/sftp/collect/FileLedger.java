package io.gbsettle.adapters.sftp.collect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.journal.PayloadEntry;
import io.gbsettle.core.journal.PayloadState;

/**
 * The collector's memory of every inbound file, rebuilt from the PayloadJournal on start-up and kept up to date as
 * entries are appended: per file (counterparty + name + content hash) the state it reached, per business key the
 * file that was accepted under it, and the rejected files left on the server (by name, size and modification time,
 * so they are not downloaded again).
 *
 * <pre>
 *   RECEIVED ──► VERIFIED (engine position of the first event) ──► JOURNALED ──► ACKNOWLEDGED
 *           (events in the engine, or the meter-data / S0142 file written: no VERIFIED; then the remote deleted)
 *      │
 *      └─────► REJECTED ──► (ACKNOWLEDGED if rejected files are removed from the server)
 *   DUPLICATE (no body; ref = the original RECEIVED entry)
 * </pre>
 */
final class FileLedger
{
    /** One inbound file, identified by its RECEIVED entry. */
    static final class FileRecord
    {
        final long received;
        final String channel;
        final String name;
        final String kind;
        final long hash;
        final String detail;
        int state = PayloadState.RECEIVED;
        boolean acknowledged;
        long eventFrom = -1;
        long eventTo = -1;
        long verifiedFrom = -1;

        FileRecord(final long received, final String channel, final String name, final String kind, final long hash,
            final String detail)
        {
            this.received = received;
            this.channel = channel;
            this.name = name;
            this.kind = kind;
            this.hash = hash;
            this.detail = detail;
        }

        String field(final String key)
        {
            return ReceivedDetail.field(detail, key);
        }

        boolean finished()
        {
            return state != PayloadState.RECEIVED;
        }
    }

    private final Map<Long, FileRecord> byReceived = new LinkedHashMap<>();
    private final Map<String, FileRecord> byContent = new HashMap<>();
    private final Map<String, FileRecord> byBusinessKey = new HashMap<>();
    private final Map<String, FileRecord> rejectedLeft = new HashMap<>();
    private long entries;

    /**
     * Applies one journal entry (in journal order).
     *
     * @param e the entry.
     */
    void apply(final PayloadEntry e)
    {
        entries++;
        if (e.source() != EventSource.SFTP)
        {
            return;
        }
        switch (e.state())
        {
            case PayloadState.RECEIVED:
            {
                final FileRecord r = new FileRecord(e.position(), e.channel(), e.name(), e.kind(), e.contentHash(),
                    e.detail());
                byReceived.put(r.received, r);
                byContent.put(contentKey(r.channel, r.name, r.hash), r);
                break;
            }
            case PayloadState.VERIFIED:
            {
                final FileRecord r = byReceived.get(e.ref());
                if (r != null)
                {
                    r.verifiedFrom = e.eventFrom();
                }
                break;
            }
            case PayloadState.JOURNALED:
            {
                final FileRecord r = byReceived.get(e.ref());
                if (r != null)
                {
                    r.state = PayloadState.JOURNALED;
                    r.eventFrom = e.eventFrom();
                    r.eventTo = e.eventTo();
                    final String key = r.field(ReceivedDetail.KEY);
                    if (!key.isEmpty())
                    {
                        byBusinessKey.putIfAbsent(key, r);
                    }
                }
                break;
            }
            case PayloadState.REJECTED:
            {
                final FileRecord r = byReceived.get(e.ref());
                if (r != null)
                {
                    r.state = PayloadState.REJECTED;
                    rejectedLeft.put(transportKey(r.channel, r.name, r.field(ReceivedDetail.SIZE),
                        r.field(ReceivedDetail.MTIME)), r);
                }
                break;
            }
            case PayloadState.ACKNOWLEDGED:
            {
                final FileRecord r = byReceived.get(e.ref());
                if (r != null)
                {
                    r.acknowledged = true;
                    if (r.state == PayloadState.REJECTED)
                    {
                        rejectedLeft.remove(transportKey(r.channel, r.name, r.field(ReceivedDetail.SIZE),
                            r.field(ReceivedDetail.MTIME)));
                    }
                }
                break;
            }
            default:
                break;
        }
    }

    /**
     * @return how many entries were applied (all sources).
     */
    long entries()
    {
        return entries;
    }

    FileRecord byContent(final String channel, final String name, final long hash)
    {
        return byContent.get(contentKey(channel, name, hash));
    }

    FileRecord byBusinessKey(final String key)
    {
        return key.isEmpty() ? null : byBusinessKey.get(key);
    }

    FileRecord byReceived(final long position)
    {
        return byReceived.get(position);
    }

    boolean rejectedAndUnchanged(final String channel, final String name, final long size, final long mtime)
    {
        return rejectedLeft.containsKey(transportKey(channel, name, Long.toString(size), Long.toString(mtime)));
    }

    /**
     * @return files whose bytes are journaled but whose processing did not finish (a crash came between).
     */
    List<FileRecord> unfinished()
    {
        final List<FileRecord> list = new ArrayList<>();
        for (final FileRecord r : byReceived.values())
        {
            if (!r.finished())
            {
                list.add(r);
            }
        }
        return list;
    }

    /**
     * @param channel a counterparty.
     * @return its journaled files not yet acknowledged on the server.
     */
    List<FileRecord> unacknowledged(final String channel)
    {
        final List<FileRecord> list = new ArrayList<>();
        for (final FileRecord r : byReceived.values())
        {
            if (r.state == PayloadState.JOURNALED && !r.acknowledged && r.channel.equals(channel))
            {
                list.add(r);
            }
        }
        return list;
    }

    /**
     * @return every file, in arrival order.
     */
    Iterable<FileRecord> files()
    {
        return byReceived.values();
    }

    private static String contentKey(final String channel, final String name, final long hash)
    {
        return channel + '\u0000' + name + '\u0000' + hash;
    }

    private static String transportKey(final String channel, final String name, final String size,
        final String mtime)
    {
        return channel + '\u0000' + name + '\u0000' + size + '\u0000' + mtime;
    }
}
