package io.gbsettle.adapters.iris;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import io.gbsettle.core.engine.Engine;
import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.event.Hashing64;
import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.files.InsightsEvents;
import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.journal.PayloadEntry;
import io.gbsettle.core.journal.PayloadJournal;
import io.gbsettle.core.journal.PayloadReader;
import io.gbsettle.core.journal.PayloadState;
import io.gbsettle.core.registry.MarketRegistry;

/**
 * The handler behind the transport port. For each message:
 *
 * <pre>
 *   hash the body ─► (message id, hash) seen? ─► DUPLICATE entry, the earlier answer (no second effect)
 *        │ new
 *        ▼
 *   RECEIVED entry (raw body) ─► IrisBodyMapper: unwrap a double-encoded JSON string, scan rows (InsightsJson,
 *        offsets, no tree) ─► InsightsEvents: one record per row, source key from the row's business identity
 *        ─► malformed row / bad JSON: REJECTED entry (reason), DEAD_LETTER, nothing submitted
 *        ─► submit every record to the engine ─► awaitJournaled(last) ─► JOURNALED entry (events from..to) ─► COMPLETE
 *   a batch ({@link #onBatch}, group commit): every message up to its submission, ONE awaitJournaled for the last
 *        event of the batch, then every JOURNALED entry and one payload journal commit
 *   dataset the engine does not use: RECEIVED + JOURNALED (no events) ─► COMPLETE, counted raw-only
 *   engine / journal failure or timeout: ABANDONED entry if possible ─► ABANDON (redelivered later)
 * </pre>
 *
 * <p>Idempotency, two levels: the payload journal knows (message id, content hash) pairs already JOURNALED or
 * REJECTED (rebuilt from the journal on start-up), so a redelivery or the same file twice is answered at once with a
 * DUPLICATE entry; and every record is byte-identical whoever delivers the row (IRIS, gap filling, a replay), so the
 * engine drops repeats by idempotency key even when the payload level does not catch them (a message redelivered
 * after a crash between the engine journal and the JOURNALED entry, a gap-fill response overlapping IRIS).
 *
 * <p>Unknown BM Units: {@link IrisOptions#unknownBmUnit()} (default: skip the row, report it in the JOURNALED
 * entry's detail and count it; the message completes).
 *
 * <p>Recovery: the constructor reads the payload journal from its start; a message RECEIVED without a terminal
 * entry (a crash between the two) is mapped again from its journaled body and resubmitted ({@link #recovered()}),
 * a no-op in the engine where its events were already journaled.
 *
 * <p>Single-threaded (the transport's delivery thread). The mapping path ({@link IrisBodyMapper}) allocates nothing
 * once warm, per row or per message; what allocates per message is bounded and small: the payload journal entries'
 * strings (metadata, detail) and the dedupe key.
 */
public final class IrisIngest implements IrisHandler, AutoCloseable
{
    /** The payload journal channel of messages from the IRIS queue. */
    public static final String CHANNEL = "iris";

    private final Engine engine;
    private final PayloadJournal payloads;
    private final IrisOptions options;
    private final IrisBodyMapper mapper;
    private final Counters counters = new Counters();
    private final PayloadEntry entry = new PayloadEntry();
    private final UnsafeBuffer bodyView = new UnsafeBuffer(new byte[0]);
    private final Map<String, Outcome> seen = new HashMap<>();
    private final IrisMessage synthetic = new IrisMessage();
    private final IrisMessage[] single = new IrisMessage[1];
    private final Disposition[] singleDisposition = new Disposition[1];
    private final String[] singleReason = new String[1];
    private Pending[] pending = {new Pending()};
    private String channel = CHANNEL;
    private String deadLetterReason = "";
    private int recovered;
    private long lastJournaledMicros = -1;

    /**
     * @param engine   the engine the events go to (launched, with its journal for durability).
     * @param payloads the payload journal raw bodies and states go to (conventionally the engine journal's
     *                 {@value PayloadJournal#DIRECTORY} subdirectory).
     * @param registry the registry BM Unit ids are mapped through (the engine's).
     * @param options  the adapter's choices.
     */
    public IrisIngest(final Engine engine, final PayloadJournal payloads, final MarketRegistry registry,
        final IrisOptions options)
    {
        this.engine = engine;
        this.payloads = payloads;
        this.options = options;
        this.mapper = new IrisBodyMapper(registry, options.lolpForecastHorizonHours());
        recover();
    }

    /**
     * Names the payload journal channel of the messages handled from now on (default {@value #CHANNEL}; gap filling
     * uses {@code gapfill}).
     *
     * @param channel the channel.
     * @return this.
     */
    public IrisIngest channel(final String channel)
    {
        this.channel = channel;
        return this;
    }

    /**
     * @return epoch micros of the last message from the IRIS queue (channel {@value #CHANNEL}) journaled, read from
     * the payload journal on start-up and kept up to date; -1 when none: where gap filling starts after a restart.
     */
    public long lastJournaledMicros()
    {
        return lastJournaledMicros;
    }

    /**
     * @return messages found RECEIVED without a terminal entry on start-up and handled again.
     */
    public int recovered()
    {
        return recovered;
    }

    /**
     * Handles a body that did not come from a queue (a gap-fill response, a saved file): the same path as
     * {@link #onMessage}.
     *
     * @param dataset   the dataset.
     * @param messageId a stable id (a file name, a request's canonical form): with the body's hash it deduplicates.
     * @param body      the body.
     * @param offset    first byte.
     * @param length    how many.
     * @return the disposition.
     */
    public Disposition ingest(final String dataset, final String messageId, final byte[] body, final int offset,
        final int length)
    {
        synthetic.clear().messageId(messageId).dataset(dataset).body(body, offset, length);
        return onMessage(synthetic);
    }

    @Override
    public Disposition onMessage(final IrisMessage message)
    {
        single[0] = message;
        onBatch(single, 1, singleDisposition, singleReason);
        single[0] = null;
        return singleDisposition[0];
    }

    /**
     * Group commit: journals each message's raw body and submits its events, waits for the engine journal ONCE (for
     * the last event of the batch), then writes the JOURNALED entries and commits the payload journal once. Each
     * message still completes only after its raw body and events are journaled; a timeout abandons every message
     * of the batch that was waiting.
     */
    @Override
    public void onBatch(final IrisMessage[] messages, final int count, final Disposition[] dispositions,
        final String[] reasons)
    {
        ensurePending(count);
        long lastEvent = PayloadEntry.NONE;
        int waiting = 0;
        for (int i = 0; i < count; i++)
        {
            final IrisMessage message = messages[i];
            final Pending p = pending[i];
            p.active = false;
            deadLetterReason = "";
            Disposition d;
            try
            {
                d = begin(message, p);
            }
            catch (final RuntimeException ex)
            {
                d = abandon(message.dataset(), message.messageId(), 0, PayloadEntry.NONE,
                    ex.getClass().getSimpleName() + ": " + ex.getMessage());
            }
            dispositions[i] = d;
            reasons[i] = d == null || d == Disposition.COMPLETE ? "" : deadLetterReason;
            if (d == null)
            {
                waiting++;
                if (p.last != PayloadEntry.NONE)
                {
                    lastEvent = Math.max(lastEvent, p.last);
                }
            }
        }
        if (waiting > 0)
        {
            String timedOut = null;
            if (lastEvent != PayloadEntry.NONE)
            {
                try
                {
                    engine.awaitJournaled(lastEvent, options.journalTimeoutNanos(), TimeUnit.NANOSECONDS);
                }
                catch (final TimeoutException ex)
                {
                    timedOut = "events not journaled within " +
                        TimeUnit.NANOSECONDS.toMillis(options.journalTimeoutNanos()) + " ms (input " + lastEvent + ")";
                }
                catch (final RuntimeException ex)
                {
                    timedOut = ex.getClass().getSimpleName() + ": " + ex.getMessage();
                }
            }
            for (int i = 0; i < count; i++)
            {
                final Pending p = pending[i];
                if (!p.active)
                {
                    continue;
                }
                p.active = false;
                deadLetterReason = "";
                if (timedOut != null)
                {
                    dispositions[i] = abandon(p.kind, p.messageId, p.hash, p.received, timedOut);
                    reasons[i] = deadLetterReason;
                }
                else
                {
                    dispositions[i] = finish(p);
                    reasons[i] = "";
                }
            }
        }
        try
        {
            payloads.commit();
        }
        catch (final RuntimeException ex)
        {
            for (int i = 0; i < count; i++)
            {
                if (dispositions[i] == Disposition.COMPLETE)
                {
                    dispositions[i] = Disposition.ABANDON;
                    reasons[i] = "payload journal commit failed: " + ex.getMessage();
                }
            }
        }
        deadLetterReason = count > 0 ? reasons[count - 1] : "";
    }

    /**
     * First half of a message: dedupe, RECEIVED entry, mapping, submission.
     *
     * @return the final disposition, or null when the message waits for its events to be journaled ({@code p}).
     */
    private Disposition begin(final IrisMessage message, final Pending p)
    {
        counters.messages++;
        final int length = message.bodyLength();
        bodyView.wrap(message.body(), 0, length);
        final long hash = Hashing64.hash(bodyView, 0, length);
        final String key = message.messageId() + '|' + hash;
        final Outcome prior = seen.get(key);
        if (prior != null)
        {
            message.payloadRef(prior.received);
            return duplicate(message, hash, prior);
        }
        final long received = payloads.append(start(PayloadState.RECEIVED, message.dataset(),
            message.messageId(), hash).ref(PayloadEntry.NONE)
            .detail(metadata(message)).body(message.body(), 0, length));
        message.payloadRef(received);
        return begin(message.dataset(), message.messageId(), message.body(), length, hash, received, key, p);
    }

    private void ensurePending(final int count)
    {
        if (pending.length < count)
        {
            final Pending[] grown = java.util.Arrays.copyOf(pending, Math.max(count, pending.length * 2));
            for (int i = pending.length; i < grown.length; i++)
            {
                grown[i] = new Pending();
            }
            pending = grown;
        }
    }

    @Override
    public String deadLetterReason()
    {
        return deadLetterReason;
    }

    /**
     * Records the settlement: ACKNOWLEDGED (completed), ABANDONED (released for redelivery) or DEAD_LETTERED (with
     * the reason), referring to the message's RECEIVED entry, so {@code bsc journal payloads} shows what became of
     * every message. Not committed on its own (the settlement already happened; the next message's commit, or
     * closing the journal, makes it durable). A journal failure here is swallowed: the message is settled whatever
     * the record says.
     */
    @Override
    public void onSettled(final IrisMessage message, final Disposition disposition, final String reason)
    {
        try
        {
            appendSettled(message, disposition, reason);
        }
        catch (final RuntimeException ignore)
        {
            // The settlement stands; only its record is missing.
        }
    }

    private void appendSettled(final IrisMessage message, final Disposition disposition, final String reason)
    {
        final int state = switch (disposition)
        {
            case COMPLETE -> PayloadState.ACKNOWLEDGED;
            case DEAD_LETTER -> PayloadState.DEAD_LETTERED;
            case ABANDON -> PayloadState.ABANDONED;
        };
        final String detail = switch (disposition)
        {
            case COMPLETE -> "completed (accepted)";
            case DEAD_LETTER -> "dead-lettered (rejected): " + reason;
            case ABANDON -> "released for redelivery (modified, delivery failed): " + reason;
        };
        final String dataset = message.dataset() == null ? "" : message.dataset();
        payloads.append(entry.clear().timeMicros(nowMicros()).source(EventSource.IRIS).state(state)
            .channel(channel).name(message.messageId()).kind(dataset).ref(message.payloadRef()).detail(detail));
    }

    /**
     * @return the handler's counters (read from the handler's thread, or as a monitoring snapshot).
     */
    public Counters counters()
    {
        return counters;
    }

    @Override
    public void close()
    {
        // The engine and the payload journal belong to the caller.
    }

    /**
     * Handles a message already RECEIVED (recovery): begin, wait, finish.
     */
    private Disposition handle(final String dataset, final String messageId, final byte[] rawBody, final int length,
        final long hash, final long received, final String key)
    {
        ensurePending(1);
        final Pending p = pending[0];
        p.active = false;
        final Disposition d = begin(dataset, messageId, rawBody, length, hash, received, key, p);
        if (d != null)
        {
            payloads.commit();
            return d;
        }
        p.active = false;
        if (p.last != PayloadEntry.NONE)
        {
            try
            {
                engine.awaitJournaled(p.last, options.journalTimeoutNanos(), TimeUnit.NANOSECONDS);
            }
            catch (final TimeoutException ex)
            {
                return abandon(p.kind, messageId, hash, received, "events not journaled within " +
                    TimeUnit.NANOSECONDS.toMillis(options.journalTimeoutNanos()) + " ms (input " + p.last + ")");
            }
        }
        final Disposition done = finish(p);
        payloads.commit();
        return done;
    }

    /**
     * @return the final disposition (raw only, rejected), or null with {@code p} active: events submitted, the
     * JOURNALED entry waits for them to be journaled ({@link #finish}).
     */
    private Disposition begin(final String dataset, final String messageId, final byte[] rawBody, final int length,
        final long hash, final long received, final String key, final Pending p)
    {
        if (InsightsEvents.eventType(dataset) == 0 && !dataset.isEmpty())
        {
            counters.rawOnly++;
            payloads.append(start(PayloadState.JOURNALED, dataset, messageId, hash).ref(received)
                .detail("raw only: dataset not used by the engine"));
            seen.put(key, new Outcome(received, false, ""));
            return Disposition.COMPLETE;
        }
        final int type = mapper.map(dataset, messageId, rawBody, 0, length);
        final List<InputProblem> problems = mapper.problems();
        final List<InputProblem> skipped = mapper.skipped();
        final int pendingCount = mapper.recordCount();
        counters.rows += mapper.rows();
        if (type == 0)
        {
            counters.rawOnly++;
            payloads.append(start(PayloadState.JOURNALED, dataset, messageId, hash).ref(received)
                .detail("raw only: no dataset in the subject or the rows"));
            seen.put(key, new Outcome(received, false, ""));
            return Disposition.COMPLETE;
        }
        final String name = InsightsEvents.dataset(type);
        final String kind = dataset.isEmpty() ? name : dataset;
        if (!problems.isEmpty() ||
            (!skipped.isEmpty() && options.unknownBmUnit() == IrisOptions.UnknownBmUnit.DEAD_LETTER))
        {
            final List<InputProblem> reported = problems.isEmpty() ? skipped : problems;
            final String reason = reason(kind, messageId, reported);
            payloads.append(start(PayloadState.REJECTED, kind, messageId, hash).ref(received).detail(reason));
            seen.put(key, new Outcome(received, true, reason));
            counters.deadLettered++;
            deadLetterReason = reason;
            return Disposition.DEAD_LETTER;
        }
        final DirectBuffer records = mapper.records();
        long first = PayloadEntry.NONE;
        long last = PayloadEntry.NONE;
        for (int i = 0; i < pendingCount; i++)
        {
            last = engine.submit(records, i * InputEvent.LENGTH);
            if (i == 0)
            {
                first = last;
            }
        }
        final StringBuilder detail = new StringBuilder(64).append("rows=").append(mapper.rows()).append(" events=")
            .append(pendingCount);
        if (mapper.notKept() > 0)
        {
            detail.append(" notKept=").append(mapper.notKept());
        }
        if (!skipped.isEmpty())
        {
            detail.append(" skipped=").append(skipped.size()).append(": ");
            appendProblems(kind, messageId, skipped, detail);
        }
        p.active = true;
        p.kind = kind;
        p.messageId = messageId;
        p.hash = hash;
        p.received = received;
        p.key = key;
        p.first = first;
        p.last = last;
        p.events = pendingCount;
        p.skipped = skipped.size() + mapper.notKept();
        p.detail = detail.toString();
        return null;
    }

    /**
     * Second half, once the engine journal holds the message's events: the JOURNALED entry (not yet committed).
     */
    private Disposition finish(final Pending p)
    {
        counters.events += p.events;
        counters.skippedRows += p.skipped;
        payloads.append(start(PayloadState.JOURNALED, p.kind, p.messageId, p.hash).ref(p.received)
            .events(p.first, p.last).detail(p.detail));
        seen.put(p.key, new Outcome(p.received, false, ""));
        return Disposition.COMPLETE;
    }

    private Disposition duplicate(final IrisMessage message, final long hash, final Outcome prior)
    {
        counters.duplicates++;
        payloads.append(start(PayloadState.DUPLICATE, message.dataset(), message.messageId(), hash)
            .ref(prior.received).detail("same message id and content as entry " + prior.received +
                (message.deliveryCount() > 0 ? "; delivery count " + message.deliveryCount() : "")));
        if (prior.rejected)
        {
            counters.deadLettered++;
            deadLetterReason = prior.reason;
            return Disposition.DEAD_LETTER;
        }
        return Disposition.COMPLETE;
    }

    private Disposition abandon(final String dataset, final String messageId, final long hash, final long received,
        final String why)
    {
        counters.abandoned++;
        deadLetterReason = dataset + " " + messageId + ": " + why;
        try
        {
            payloads.append(start(PayloadState.ABANDONED, dataset, messageId, hash).ref(received).detail(why));
            payloads.commit();
        }
        catch (final RuntimeException ignore)
        {
            // The journal itself failed: the message is redelivered and handled again.
        }
        return Disposition.ABANDON;
    }

    private PayloadEntry start(final int state, final String dataset, final String messageId, final long hash)
    {
        final long now = nowMicros();
        if (state == PayloadState.JOURNALED && CHANNEL.equals(channel))
        {
            lastJournaledMicros = Math.max(lastJournaledMicros, now);
        }
        return entry.clear().timeMicros(now).source(EventSource.IRIS).state(state).channel(channel)
            .name(messageId).kind(dataset).contentHash(hash);
    }

    private static String metadata(final IrisMessage message)
    {
        return "encoding=" + message.encoding() + " enqueued=" + message.enqueuedTimeMillis() + " sequence=" +
            message.sequenceNumber() + " deliveryCount=" + message.deliveryCount();
    }

    private String reason(final String dataset, final String messageId, final List<InputProblem> list)
    {
        final StringBuilder out = new StringBuilder(128);
        out.append(list.size()).append(list.size() == 1 ? " problem: " : " problems: ");
        appendProblems(dataset, messageId, list, out);
        return out.toString();
    }

    private void appendProblems(final String dataset, final String messageId, final List<InputProblem> list,
        final StringBuilder out)
    {
        final int shown = Math.min(list.size(), options.maxReportedRows());
        for (int i = 0; i < shown; i++)
        {
            out.append(i == 0 ? "" : "; ").append(dataset).append(' ').append(list.get(i).describe());
        }
        if (shown < list.size())
        {
            out.append("; and ").append(list.size() - shown).append(" more in ").append(messageId);
        }
    }

    /**
     * Rebuilds what the journal knows: (message id, hash) pairs with their outcome, and handles again every message
     * RECEIVED without a terminal entry.
     */
    private void recover()
    {
        final Map<Long, String> open = new HashMap<>();
        try (PayloadReader reader = payloads.reader())
        {
            while (reader.next(entry))
            {
                if (entry.source() != EventSource.IRIS)
                {
                    continue;
                }
                final String key = entry.name() + '|' + entry.contentHash();
                switch (entry.state())
                {
                    case PayloadState.RECEIVED -> open.put(entry.position(), key);
                    case PayloadState.JOURNALED ->
                    {
                        if (CHANNEL.equals(entry.channel()))
                        {
                            lastJournaledMicros = Math.max(lastJournaledMicros, entry.timeMicros());
                        }
                        open.remove(entry.ref());
                        seen.put(key, new Outcome(entry.ref(), false, ""));
                    }
                    case PayloadState.REJECTED ->
                    {
                        open.remove(entry.ref());
                        seen.put(key, new Outcome(entry.ref(), true, entry.detail()));
                    }
                    case PayloadState.ABANDONED -> open.remove(entry.ref());
                    default ->
                    {
                    }
                }
            }
            final long[] positions = new long[open.size()];
            int n = 0;
            for (final Long position : open.keySet())
            {
                positions[n++] = position;
            }
            java.util.Arrays.sort(positions);
            for (final long position : positions)
            {
                reader.seek(position);
                if (reader.next(entry) && entry.position() == position)
                {
                    final byte[] body = entry.bodyBytes();
                    final String key = open.get(position);
                    final String saved = channel;
                    channel = entry.channel();
                    handle(entry.kind(), entry.name(), body, body.length, entry.contentHash(), position, key);
                    channel = saved;
                    recovered++;
                }
            }
        }
    }

    private static long nowMicros()
    {
        final java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    /**
     * A message of the batch whose events are submitted and whose JOURNALED entry waits for the engine journal.
     */
    private static final class Pending
    {
        boolean active;
        String kind;
        String messageId;
        String key;
        String detail;
        long hash;
        long received;
        long first;
        long last;
        int events;
        int skipped;
    }

    /**
     * What became of a message already handled.
     */
    private record Outcome(long received, boolean rejected, String reason)
    {
    }

    /**
     * What the handler has done since it started: plain counters, written by the handler's thread.
     */
    public static final class Counters
    {
        long messages;
        long rows;
        long events;
        long duplicates;
        long deadLettered;
        long abandoned;
        long rawOnly;
        long skippedRows;

        /**
         * @return messages handled (duplicates included).
         */
        public long messages()
        {
            return messages;
        }

        /**
         * @return rows read from message bodies.
         */
        public long rows()
        {
            return rows;
        }

        /**
         * @return events submitted to the engine.
         */
        public long events()
        {
            return events;
        }

        /**
         * @return messages seen before (same message id and content hash): no second effect.
         */
        public long duplicates()
        {
            return duplicates;
        }

        /**
         * @return messages dead-lettered (malformed).
         */
        public long deadLettered()
        {
            return deadLettered;
        }

        /**
         * @return messages abandoned (transient failures).
         */
        public long abandoned()
        {
            return abandoned;
        }

        /**
         * @return messages of datasets the engine does not use: journaled raw and completed.
         */
        public long rawOnly()
        {
            return rawOnly;
        }

        /**
         * @return rows skipped and reported (unknown BM Unit, a LoLP forecast not kept).
         */
        public long skippedRows()
        {
            return skippedRows;
        }

        @Override
        public String toString()
        {
            return "messages=" + messages + " rows=" + rows + " events=" + events + " duplicates=" + duplicates +
                " deadLettered=" + deadLettered + " abandoned=" + abandoned + " rawOnly=" + rawOnly +
                " skippedRows=" + skippedRows;
        }
    }
}
