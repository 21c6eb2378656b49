package io.gbsettle.adapters.sftp.collect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import io.gbsettle.adapters.sftp.config.Counterparty;
import io.gbsettle.adapters.sftp.config.SftpContext;
import io.gbsettle.adapters.sftp.flow.Destination;
import io.gbsettle.adapters.sftp.flow.EventSink;
import io.gbsettle.adapters.sftp.flow.InboundFile;
import io.gbsettle.adapters.sftp.flow.InboundFlows;
import io.gbsettle.adapters.sftp.transport.RemoteFile;
import io.gbsettle.adapters.sftp.transport.SftpSession;
import io.gbsettle.core.engine.Engine;
import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.event.Hashing64;
import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.journal.Journal;
import io.gbsettle.core.journal.JournalConfig;
import io.gbsettle.core.journal.JournalReader;
import io.gbsettle.core.journal.PayloadEntry;
import io.gbsettle.core.journal.PayloadJournal;
import io.gbsettle.core.journal.PayloadReader;
import io.gbsettle.core.journal.PayloadState;
import io.gbsettle.core.journal.RecordJournal;

/**
 * Collects inbound files from counterparties, one poll cycle at a time, without losing or double-processing one.
 * Per file:
 *
 * <pre>
 *   list ─► download to staging/ID/NAME.part ─► fsync ─► verify (InboundFlows: size, envelope, count, checksum...)
 *        ─► PayloadJournal RECEIVED (the raw bytes) ─┬─► REJECTED (reason; error/ID/NAME + NAME.reason)
 *                                                    └─► VERIFIED (first engine position) ─► engine.submit each
 *                                                        event, awaitJournaled ─► JOURNALED
 *                                                        (or the validated meter-data / S0142 file written)
 *        ─► only then delete (or move to the done folder) the remote file ─► ACKNOWLEDGED
 * </pre>
 *
 * <p>Idempotency: a file already received with the same counterparty, name and content is a duplicate (the remote
 * copy is acknowledged, nothing is processed); a file with the same business key ({@link InboundFile#businessKey()})
 * and content as an accepted one is a duplicate; the same business key with other content is rejected as a
 * conflict. Recovery ({@link #recover()}): the state of every file is rebuilt from the PayloadJournal; a file whose
 * bytes were journaled but whose processing did not finish is processed again from the journaled bytes, submitting
 * only the events the engine's input journal does not hold yet (from the VERIFIED position on; the events are
 * byte-identical on every mapping, so they are recognised by their idempotency keys); journaled files still on the
 * server are
 * acknowledged on the next cycle. A rejection never stops the other files; a transport failure ends the cycle (the
 * caller backs off and retries).
 *
 * <p>Transfer and processing overlap: while a file is verified, journaled and acknowledged, the next candidate is
 * downloaded (to its {@code .part} file and the other of two buffers) by a helper thread on the same SFTP session
 * (MINA's client multiplexes requests), so that a cycle takes about as long as its transfers when processing is the
 * shorter stage. Only downloads run on the helper; every state change, journal write and acknowledgement stays on
 * the calling thread, in file order, so the state machine and its recovery are unchanged (a crash leaves at most
 * one more stale {@code .part}, deleted on restart).
 *
 * <p>One calling thread; the caller owns the engine, the PayloadJournal and the transports.
 */
public final class Collector implements EventSink
{
    private final SftpContext context;
    private final PayloadJournal payloads;
    private final Engine engine;
    private final InboundFlows flows;
    private final Consumer<String> progress;
    private final FileLedger ledger = new FileLedger();
    /** Two download buffers: the next file is downloaded into one while the current one is processed from the other. */
    private final ExpandableArrayBuffer[] buffers =
        {new ExpandableArrayBuffer(1 << 20), new ExpandableArrayBuffer(1 << 20)};
    private ExpandableArrayBuffer buffer = buffers[0];
    private final PayloadEntry entry = new PayloadEntry();
    private final MessageDigest sha256;
    private final InputEvent scratchEvent = new InputEvent();
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[InputEvent.LENGTH]);
    private Set<Long> alreadyJournaled;
    private long firstEvent;
    private long lastEvent;
    private long eventCount;
    private long eventsSkipped;
    private boolean recovered;

    /**
     * @param context  the adapter's configuration.
     * @param payloads the PayloadJournal (open for appending).
     * @param engine   the engine events are submitted to (journal on).
     * @param flows    the verifier and mapper.
     * @param progress receives one line per file and per notable step (never a credential).
     */
    public Collector(final SftpContext context, final PayloadJournal payloads, final Engine engine,
        final InboundFlows flows, final Consumer<String> progress)
    {
        this.context = context;
        this.payloads = payloads;
        this.engine = engine;
        this.flows = flows;
        this.progress = progress;
        try
        {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }

    /**
     * Rebuilds the state of every file from the PayloadJournal, deletes stale downloads, and finishes the files whose
     * bytes were journaled but whose processing a crash interrupted. Call once, before the first {@link #poll}.
     *
     * @return how many interrupted files were finished.
     * @throws TimeoutException if the engine does not journal resubmitted events in time.
     */
    public int recover() throws TimeoutException
    {
        try (PayloadReader reader = payloads.reader())
        {
            final PayloadEntry e = new PayloadEntry();
            while (reader.next(e))
            {
                ledger.apply(e);
            }
        }
        for (final Counterparty c : context.counterparties())
        {
            deleteStaleParts(context.staging(c.id()));
        }
        int finished = 0;
        for (final FileLedger.FileRecord r : ledger.unfinished())
        {
            try (PayloadReader reader = payloads.reader())
            {
                reader.seek(r.received);
                if (!reader.next(entry) || entry.position() != r.received)
                {
                    throw new IllegalStateException("payload journal entry " + r.received + " cannot be read back");
                }
            }
            final int length = entry.bodyLength();
            buffer.putBytes(0, entry.body(), 0, length);
            progress.accept(r.channel + " " + r.name + ": resuming after a restart (journal entry " + r.received +
                ")");
            final InboundFile file = flows.verify(r.name, buffer, 0, length);
            process(r, file, length);
            finished++;
        }
        recovered = true;
        return finished;
    }

    /**
     * One poll cycle for one counterparty on an open session: list the inbox, acknowledge what a crash left
     * unacknowledged, collect every candidate file.
     *
     * @param counterparty the counterparty.
     * @param session      a session to it.
     * @return what the cycle did.
     * @throws IOException      if the transport fails (the cycle stops; files done so far stay done).
     * @throws TimeoutException if the engine does not journal events in time.
     */
    public CycleSummary poll(final Counterparty counterparty, final SftpSession session)
        throws IOException, TimeoutException
    {
        if (!recovered)
        {
            throw new IllegalStateException("call recover() before the first poll");
        }
        final String id = counterparty.id();
        final List<String> refused = new ArrayList<>();
        final List<RemoteFile> files = session.list(counterparty.inbox(), counterparty.pattern(), refused);
        for (final String r : refused)
        {
            progress.accept(id + " refused remote name " + r);
        }
        final Set<String> listed = new HashSet<>();
        for (final RemoteFile f : files)
        {
            listed.add(f.name());
        }
        int acknowledged = 0;
        for (final FileLedger.FileRecord r : ledger.unacknowledged(id))
        {
            if (!listed.contains(r.name))
            {
                // Deleted (or moved) before the crash, but the ACKNOWLEDGED entry was not written.
                append(PayloadState.ACKNOWLEDGED, r, "remote file already gone");
                acknowledged++;
            }
        }

        int journaled = 0;
        int duplicates = 0;
        int rejected = 0;
        int skipped = 0;
        long bytes = 0;
        long records = 0;
        long events = 0;
        final Path staging = context.staging(id);
        Files.createDirectories(staging);
        final List<RemoteFile> candidates = new ArrayList<>();
        for (final RemoteFile f : files)
        {
            if (ledger.rejectedAndUnchanged(id, f.name(), f.size(), f.modifiedMillis()))
            {
                skipped++;
            }
            else
            {
                candidates.add(f);
            }
        }
        final Prefetcher prefetcher = new Prefetcher(counterparty, session, staging);
        try
        {
            if (!candidates.isEmpty())
            {
                prefetcher.start(candidates.get(0), buffers[0]);
            }
            for (int c = 0; c < candidates.size(); c++)
            {
                final RemoteFile f = candidates.get(c);
                final Path part = staging.resolve(f.name() + ".part");
                final int length = prefetcher.await();
                buffer = buffers[c & 1];
                if (c + 1 < candidates.size())
                {
                    prefetcher.start(candidates.get(c + 1), buffers[(c + 1) & 1]);
                }
                bytes += length;
                if (f.size() >= 0 && length != f.size())
                {
                    progress.accept(id + " " + f.name() + ": listed " + f.size() + " bytes, read " + length +
                        " (still being written?): left for the next cycle");
                    Files.deleteIfExists(part);
                    skipped++;
                    continue;
                }
                final long hash = Hashing64.hash(buffer, 0, length);
                final FileLedger.FileRecord known = ledger.byContent(id, f.name(), hash);
                if (known != null && known.finished())
                {
                    if (known.state == PayloadState.REJECTED)
                    {
                        if (context.rejectedRemote() == SftpContext.RejectedRemote.ACKNOWLEDGE)
                        {
                            acknowledge(counterparty, session, f.name());
                            append(PayloadState.ACKNOWLEDGED, known, "rejected file removed from the server");
                            acknowledged++;
                        }
                        skipped++;
                    }
                    else if (!known.acknowledged)
                    {
                        acknowledge(counterparty, session, f.name());
                        append(PayloadState.ACKNOWLEDGED, known, "");
                        acknowledged++;
                    }
                    else
                    {
                        duplicate(known, f.name(), "redelivered: same counterparty, name and content as journal " +
                            "entry " + known.received);
                        acknowledge(counterparty, session, f.name());
                        duplicates++;
                    }
                    Files.deleteIfExists(part);
                    continue;
                }

                final InboundFile file = flows.verify(f.name(), buffer, 0, length);
                final String key = file.businessKey();
                final FileLedger.FileRecord sameKey = ledger.byBusinessKey(key);
                if (sameKey != null && sameKey.hash == hash)
                {
                    duplicate(sameKey, f.name(), "same business key " + key + " and content as " + sameKey.name +
                        " (journal entry " + sameKey.received + ")");
                    acknowledge(counterparty, session, f.name());
                    duplicates++;
                    Files.deleteIfExists(part);
                    continue;
                }

                final String sha = sha256(length);
                entry.clear().timeMicros(nowMicros()).source(EventSource.SFTP).state(PayloadState.RECEIVED).channel(id)
                    .name(f.name()).kind(file.flowId() == null ? "" : file.flowId()).contentHash(hash)
                    .detail(ReceivedDetail.of(sha, length, f.modifiedMillis(), file.records(),
                        file.handedOverCount(), key))
                    .body(buffer, 0, length);
                final long received = payloads.append(entry);
                payloads.commit();
                ledger.apply(entry);
                progress.accept(id + " " + f.name() + ": received " + length + " bytes (payload journal entry " +
                    received + ")");
                final FileLedger.FileRecord record = ledger.byReceived(received);

                final String conflict = sameKey == null ? null : "duplicate business key " + key + " with other " +
                    "content: already received as " + sameKey.name + " (journal entry " + sameKey.received +
                    ", sha256 " + sameKey.field(ReceivedDetail.SHA256) + "), this file has sha256 " + sha +
                    "; quarantined, not processed";
                final long before = eventCount;
                process(record, conflict == null ? file : null, conflict, length);
                Files.deleteIfExists(part);
                if (record.state == PayloadState.REJECTED)
                {
                    rejected++;
                    if (context.rejectedRemote() == SftpContext.RejectedRemote.ACKNOWLEDGE)
                    {
                        acknowledge(counterparty, session, f.name());
                        append(PayloadState.ACKNOWLEDGED, record, "rejected file removed from the server");
                        acknowledged++;
                    }
                    continue;
                }
                journaled++;
                records += file.records();
                events += eventCount - before;
                acknowledge(counterparty, session, f.name());
                append(PayloadState.ACKNOWLEDGED, record, "");
                acknowledged++;
            }
        }
        finally
        {
            prefetcher.close();
            buffer = buffers[0];
        }
        return new CycleSummary(id, files.size(), journaled, acknowledged, duplicates, rejected, skipped, bytes,
            records, events, refused);
    }

    /**
     * Downloads one file at a time on a helper thread (to {@code NAME.part}, fsynced, and into a buffer) while the
     * calling thread processes the previous one. Progress lines are written by the calling thread only.
     */
    private final class Prefetcher implements AutoCloseable
    {
        private final Counterparty counterparty;
        private final SftpSession session;
        private final Path staging;
        private final ExecutorService executor;
        private Future<Integer> pending;
        private Path pendingPart;

        Prefetcher(final Counterparty counterparty, final SftpSession session, final Path staging)
        {
            this.counterparty = counterparty;
            this.session = session;
            this.staging = staging;
            this.executor = Executors.newSingleThreadExecutor(r ->
            {
                final Thread t = new Thread(r, "sftp-download-" + counterparty.id());
                t.setDaemon(true);
                return t;
            });
        }

        void start(final RemoteFile f, final ExpandableArrayBuffer into)
        {
            final Path part = staging.resolve(f.name() + ".part");
            progress.accept(counterparty.id() + " " + f.name() + ": downloading " + f.size() + " bytes");
            pendingPart = part;
            pending = executor.submit(() ->
            {
                try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING))
                {
                    return session.download(counterparty.inbox(), f.name(), channel, into, context.maxFileBytes());
                }
            });
        }

        /** The length of the file started last, once downloaded; its transport failure as thrown. */
        int await() throws IOException
        {
            final Future<Integer> f = pending;
            pending = null;
            pendingPart = null;
            try
            {
                return f.get();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while downloading", ex);
            }
            catch (final ExecutionException ex)
            {
                final Throwable cause = ex.getCause();
                if (cause instanceof IOException io)
                {
                    throw io;
                }
                if (cause instanceof RuntimeException re)
                {
                    throw re;
                }
                throw new IOException(cause);
            }
        }

        /** Waits for a download still running (the cycle ended early) and drops its part file. */
        @Override
        public void close() throws IOException
        {
            if (pending != null)
            {
                try
                {
                    pending.get();
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                }
                catch (final ExecutionException ex)
                {
                    // the cycle is ending anyway; the file is collected on the next one
                }
                Files.deleteIfExists(pendingPart);
                pending = null;
            }
            executor.shutdown();
        }
    }

    /**
     * The engine sink: submits one record and remembers the position range of the file being mapped.
     *
     * @param record the record.
     * @param offset its offset.
     * @return its engine input position.
     */
    @Override
    public long onEvent(final DirectBuffer record, final int offset)
    {
        if (alreadyJournaled != null)
        {
            scratch.putBytes(0, record, offset, InputEvent.LENGTH);
            if (alreadyJournaled.remove(scratchEvent.wrap(scratch, 0).idempotencyKey()))
            {
                eventsSkipped++;
                return -1;
            }
        }
        final long position = engine.submit(record, offset);
        if (firstEvent < 0)
        {
            firstEvent = position;
        }
        lastEvent = position;
        eventCount++;
        return position;
    }

    /**
     * @return engine input records submitted since this collector started.
     */
    public long eventsSubmitted()
    {
        return eventCount;
    }

    /**
     * @return events of interrupted files found already in the engine's journal on recovery, and not submitted
     * again.
     */
    public long eventsFoundJournaled()
    {
        return eventsSkipped;
    }

    /**
     * The state the newest file of a name from a counterparty reached: what tests and operators check.
     *
     * @param channel a counterparty id.
     * @param name    a file name.
     * @return a {@link PayloadState} code ({@code ACKNOWLEDGED} once a journaled file is removed from the server),
     * or 0 if no file of that name was received.
     */
    public int state(final String channel, final String name)
    {
        int state = 0;
        for (final FileLedger.FileRecord r : ledger.files())
        {
            if (r.channel.equals(channel) && r.name.equals(name))
            {
                state = r.acknowledged && r.state == PayloadState.JOURNALED ? PayloadState.ACKNOWLEDGED : r.state;
            }
        }
        return state;
    }

    private void process(final FileLedger.FileRecord record, final InboundFile file, final int length)
        throws TimeoutException
    {
        final FileLedger.FileRecord sameKey = ledger.byBusinessKey(file.businessKey());
        final String conflict = sameKey == null || sameKey == record || sameKey.hash == record.hash ? null :
            "duplicate business key " + file.businessKey() + " with other content: already received as " +
            sameKey.name + " (journal entry " + sameKey.received + "); quarantined, not processed";
        process(record, conflict == null ? file : null, conflict, length);
    }

    /**
     * Takes a file whose RECEIVED entry is journaled to JOURNALED or REJECTED.
     */
    private void process(final FileLedger.FileRecord record, final InboundFile file, final String conflict,
        final int length) throws TimeoutException
    {
        final String prefix = record.channel + " " + record.name;
        if (conflict != null || !file.accepted() || file.destination() == Destination.NONE)
        {
            final String reason = conflict != null ? conflict : !file.accepted() ? file.reason() :
                record.name + " rejected: not a flow this adapter takes";
            reject(record, reason, length);
            progress.accept(prefix + ": REJECTED " + firstLine(reason));
            return;
        }
        switch (file.destination())
        {
            case ENGINE:
            {
                // VERIFIED records where this file's events start in the engine journal (this collector is the
                // engine's producer), so that after a crash exactly the events the engine did not journal are
                // submitted again: the input journal holds each event once.
                long from = record.verifiedFrom;
                if (from < 0)
                {
                    from = engine.nextPosition();
                    entry.clear().timeMicros(nowMicros()).source(EventSource.SFTP).state(PayloadState.VERIFIED)
                        .channel(record.channel).name(record.name).kind(record.kind).contentHash(record.hash)
                        .ref(record.received).events(from, PayloadEntry.NONE).detail(file.businessKey());
                    payloads.append(entry);
                    payloads.commit();
                    ledger.apply(entry);
                    alreadyJournaled = null;
                }
                else
                {
                    alreadyJournaled = journaledKeys(from);
                }
                firstEvent = -1;
                lastEvent = -1;
                final long before = eventCount;
                final long skippedBefore = eventsSkipped;
                try
                {
                    flows.toEvents(file, buffer, 0, length, EventSource.SFTP, this);
                }
                finally
                {
                    alreadyJournaled = null;
                }
                if (lastEvent >= 0)
                {
                    engine.awaitJournaled(lastEvent, context.engineTimeout().toMillis(), TimeUnit.MILLISECONDS);
                }
                final long skipped = eventsSkipped - skippedBefore;
                final long to = lastEvent >= 0 ? lastEvent :
                    skipped > 0 ? engine.nextPosition() - 1 : PayloadEntry.NONE;
                entry.clear().timeMicros(nowMicros()).source(EventSource.SFTP).state(PayloadState.JOURNALED)
                    .channel(record.channel).name(record.name).kind(record.kind).contentHash(record.hash)
                    .ref(record.received).events(to < 0 ? PayloadEntry.NONE : from, to).detail(file.businessKey());
                payloads.append(entry);
                payloads.commit();
                ledger.apply(entry);
                progress.accept(prefix + ": " + file.flowId() + " " + file.records() + " records -> " +
                    (eventCount - before) + " events journaled [" + firstEvent + ".." + lastEvent + "]" +
                    (skipped > 0 ? ", " + skipped + " found journaled before the restart" : ""));
                break;
            }
            case METER_DATA:
            {
                final Path written = flows.toMeterData(file, buffer, 0, length, context.meterData());
                journaledFile(record, file, written);
                progress.accept(prefix + ": " + file.flowId() + " " + file.records() + " records -> " + written +
                    (file.handedOverCount() > 0 ? " (" + file.handedOverCount() + " value problems left to the " +
                    "meter-data ingest)" : ""));
                break;
            }
            case RECONCILIATION:
            {
                final Path written = writeAtomically(context.reconciliation(record.channel), record.name, length);
                journaledFile(record, file, written);
                progress.accept(prefix + ": " + file.flowId() + " " + file.records() + " records -> " + written);
                break;
            }
            default:
                throw new IllegalStateException("destination " + file.destination());
        }
    }

    /**
     * The idempotency keys of the engine input records journaled from {@code from} on (recovery only).
     */
    private Set<Long> journaledKeys(final long from)
    {
        final Set<Long> keys = new HashSet<>();
        final long end = engine.nextPosition();
        if (from >= end)
        {
            return keys;
        }
        try (RecordJournal inputs = RecordJournal.openReadOnly(context.journal().resolve(Journal.INPUTS),
            InputEvent.LENGTH, new JournalConfig());
            JournalReader reader = inputs.reader())
        {
            reader.seek(from);
            final UnsafeBuffer copy = new UnsafeBuffer(new byte[InputEvent.LENGTH]);
            final InputEvent event = new InputEvent();
            final long[] at = {from};
            while (at[0] < end && reader.poll((buffer, offset, position) ->
            {
                if (position < end)
                {
                    copy.putBytes(0, buffer, offset, InputEvent.LENGTH);
                    keys.add(event.wrap(copy, 0).idempotencyKey());
                }
                at[0] = position + 1;
            }, 4096) > 0)
            {
                // until the engine's end at start-up
            }
        }
        return keys;
    }

    private void journaledFile(final FileLedger.FileRecord record, final InboundFile file, final Path written)
    {
        entry.clear().timeMicros(nowMicros()).source(EventSource.SFTP).state(PayloadState.JOURNALED)
            .channel(record.channel).name(record.name).kind(record.kind).contentHash(record.hash)
            .ref(record.received).events(PayloadEntry.NONE, PayloadEntry.NONE)
            .detail(file.businessKey() + " -> " + written + file.handedOverSummary());
        payloads.append(entry);
        payloads.commit();
        ledger.apply(entry);
    }

    private void reject(final FileLedger.FileRecord record, final String reason, final int length)
    {
        final Path dir = context.errors(record.channel);
        try
        {
            Files.createDirectories(dir);
            Path target = dir.resolve(record.name);
            if (Files.exists(target))
            {
                target = dir.resolve(record.name + "." + record.received);
            }
            writeAtomically(dir, target.getFileName().toString(), length);
            Files.writeString(dir.resolve(target.getFileName() + ".reason"), reason + "\n", StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot keep rejected file " + record.name + " in " + dir, ex);
        }
        entry.clear().timeMicros(nowMicros()).source(EventSource.SFTP).state(PayloadState.REJECTED)
            .channel(record.channel).name(record.name).kind(record.kind).contentHash(record.hash)
            .ref(record.received).detail(reason);
        payloads.append(entry);
        payloads.commit();
        ledger.apply(entry);
    }

    private void duplicate(final FileLedger.FileRecord original, final String name, final String detail)
    {
        entry.clear().timeMicros(nowMicros()).source(EventSource.SFTP).state(PayloadState.DUPLICATE)
            .channel(original.channel).name(name).kind(original.kind).contentHash(original.hash)
            .ref(original.received).detail(detail);
        payloads.append(entry);
        payloads.commit();
        ledger.apply(entry);
        progress.accept(original.channel + " " + name + ": DUPLICATE " + detail);
    }

    private void append(final int state, final FileLedger.FileRecord record, final String detail)
    {
        entry.clear().timeMicros(nowMicros()).source(EventSource.SFTP).state(state).channel(record.channel)
            .name(record.name).kind(record.kind).contentHash(record.hash).ref(record.received).detail(detail);
        payloads.append(entry);
        payloads.commit();
        ledger.apply(entry);
    }

    private static void acknowledge(final Counterparty counterparty, final SftpSession session, final String name)
        throws IOException
    {
        if (counterparty.done() == null)
        {
            session.remove(counterparty.inbox(), name);
        }
        else
        {
            session.move(counterparty.inbox(), name, counterparty.done());
        }
    }

    private Path writeAtomically(final Path dir, final String name, final int length)
    {
        try
        {
            Files.createDirectories(dir);
            final Path temp = dir.resolve(name + ".tmp");
            final Path target = dir.resolve(name);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING))
            {
                final java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(buffer.byteArray(), 0, length);
                while (bytes.hasRemaining())
                {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + name + " into " + dir, ex);
        }
    }

    private String sha256(final int length)
    {
        sha256.reset();
        sha256.update(buffer.byteArray(), 0, length);
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static void deleteStaleParts(final Path staging)
    {
        if (!Files.isDirectory(staging))
        {
            return;
        }
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(staging, "*.part"))
        {
            for (final Path part : parts)
            {
                Files.deleteIfExists(part);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot clean " + staging, ex);
        }
    }

    private static String firstLine(final String text)
    {
        final int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl) + " ...";
    }

    private static long nowMicros()
    {
        return System.currentTimeMillis() * 1000L;
    }
}
