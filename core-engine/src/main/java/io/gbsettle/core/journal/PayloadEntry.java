package io.gbsettle.core.journal;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * One entry of a {@link PayloadJournal}: a payload's raw bytes and/or a state it reached, with the names a person
 * needs to find it (channel, name, kind) and the links a replay needs (the entry it is about, the engine input
 * positions of its events). A reusable mutable holder: fill it and {@link PayloadJournal#append append} it, or let a
 * {@link PayloadReader} fill it. Not thread-safe.
 */
public final class PayloadEntry
{
    /** Value of {@link #ref()}, {@link #eventFrom()} and {@link #eventTo()} when there is none. */
    public static final long NONE = -1;

    private final ExpandableArrayBuffer body = new ExpandableArrayBuffer(1024);
    private long position = NONE;
    private long timeMicros;
    private int source;
    private int state;
    private String channel = "";
    private String name = "";
    private String kind = "";
    private long contentHash;
    private long ref = NONE;
    private long eventFrom = NONE;
    private long eventTo = NONE;
    private String detail = "";
    private int bodyLength;

    /**
     * Resets every field to its empty value (keeping the body's capacity).
     *
     * @return this.
     */
    public PayloadEntry clear()
    {
        position = NONE;
        timeMicros = 0;
        source = 0;
        state = 0;
        channel = "";
        name = "";
        kind = "";
        contentHash = 0;
        ref = NONE;
        eventFrom = NONE;
        eventTo = NONE;
        detail = "";
        bodyLength = 0;
        return this;
    }

    /**
     * @return the entry's position in its journal (0, 1, 2...), set by append and by the reader.
     */
    public long position()
    {
        return position;
    }

    PayloadEntry position(final long position)
    {
        this.position = position;
        return this;
    }

    /**
     * @return when it happened, epoch microseconds.
     */
    public long timeMicros()
    {
        return timeMicros;
    }

    /**
     * @param timeMicros when it happened, epoch microseconds.
     * @return this.
     */
    public PayloadEntry timeMicros(final long timeMicros)
    {
        this.timeMicros = timeMicros;
        return this;
    }

    /**
     * @return the adapter ({@code io.gbsettle.core.event.EventSource} code).
     */
    public int source()
    {
        return source;
    }

    /**
     * @param source the adapter ({@code io.gbsettle.core.event.EventSource} code).
     * @return this.
     */
    public PayloadEntry source(final int source)
    {
        this.source = source;
        return this;
    }

    /**
     * @return the {@link PayloadState} code.
     */
    public int state()
    {
        return state;
    }

    /**
     * @param state a {@link PayloadState} code.
     * @return this.
     */
    public PayloadEntry state(final int state)
    {
        this.state = state;
        return this;
    }

    /**
     * @return where it came from or goes to: a counterparty id, a queue name.
     */
    public String channel()
    {
        return channel;
    }

    /**
     * @param channel where it came from or goes to: a counterparty id, a queue name.
     * @return this.
     */
    public PayloadEntry channel(final String channel)
    {
        this.channel = channel == null ? "" : channel;
        return this;
    }

    /**
     * @return the payload's own name: a file name, a message id.
     */
    public String name()
    {
        return name;
    }

    /**
     * @param name the payload's own name: a file name, a message id.
     * @return this.
     */
    public PayloadEntry name(final String name)
    {
        this.name = name == null ? "" : name;
        return this;
    }

    /**
     * @return what it is: a flow id ({@code D0036}, {@code S0142}), a dataset ({@code BOALF}); may be empty.
     */
    public String kind()
    {
        return kind;
    }

    /**
     * @param kind what it is: a flow id, a dataset.
     * @return this.
     */
    public PayloadEntry kind(final String kind)
    {
        this.kind = kind == null ? "" : kind;
        return this;
    }

    /**
     * @return the 64-bit hash of the payload's bytes ({@code Hashing64.hash}).
     */
    public long contentHash()
    {
        return contentHash;
    }

    /**
     * @param contentHash the 64-bit hash of the payload's bytes ({@code Hashing64.hash}).
     * @return this.
     */
    public PayloadEntry contentHash(final long contentHash)
    {
        this.contentHash = contentHash;
        return this;
    }

    /**
     * @return the position of the entry this one is about (its {@link PayloadState#RECEIVED} entry), or
     * {@link #NONE}.
     */
    public long ref()
    {
        return ref;
    }

    /**
     * @param ref the position of the entry this one is about, or {@link #NONE}.
     * @return this.
     */
    public PayloadEntry ref(final long ref)
    {
        this.ref = ref;
        return this;
    }

    /**
     * @return the engine input position of the payload's first event, or {@link #NONE}.
     */
    public long eventFrom()
    {
        return eventFrom;
    }

    /**
     * @return the engine input position of the payload's last event, or {@link #NONE}.
     */
    public long eventTo()
    {
        return eventTo;
    }

    /**
     * @param from the engine input position of the payload's first event, or {@link #NONE}.
     * @param to   the engine input position of its last event, or {@link #NONE}.
     * @return this.
     */
    public PayloadEntry events(final long from, final long to)
    {
        this.eventFrom = from;
        this.eventTo = to;
        return this;
    }

    /**
     * @return free text: a rejection's reason, a business key, a SHA-256, metadata; may be empty.
     */
    public String detail()
    {
        return detail;
    }

    /**
     * @param detail free text: a rejection's reason, a business key, a SHA-256, metadata.
     * @return this.
     */
    public PayloadEntry detail(final String detail)
    {
        this.detail = detail == null ? "" : detail;
        return this;
    }

    /**
     * @return the raw bytes, valid for {@link #bodyLength()} bytes from 0 (until the entry is next filled).
     */
    public DirectBuffer body()
    {
        return body;
    }

    /**
     * @return how many raw bytes the entry carries; 0 for a state-only entry.
     */
    public int bodyLength()
    {
        return bodyLength;
    }

    /**
     * @return a copy of the raw bytes.
     */
    public byte[] bodyBytes()
    {
        final byte[] copy = new byte[bodyLength];
        body.getBytes(0, copy);
        return copy;
    }

    /**
     * Copies raw bytes into the entry.
     *
     * @param bytes  the bytes.
     * @param offset of the first.
     * @param length how many.
     * @return this.
     */
    public PayloadEntry body(final DirectBuffer bytes, final int offset, final int length)
    {
        body.putBytes(0, bytes, offset, length);
        bodyLength = length;
        return this;
    }

    /**
     * Copies raw bytes into the entry.
     *
     * @param bytes  the bytes.
     * @param offset of the first.
     * @param length how many.
     * @return this.
     */
    public PayloadEntry body(final byte[] bytes, final int offset, final int length)
    {
        body.putBytes(0, bytes, offset, length);
        bodyLength = length;
        return this;
    }

    MutableDirectBuffer bodyForRead(final int length)
    {
        body.checkLimit(length);
        bodyLength = length;
        return body;
    }

    @Override
    public String toString()
    {
        return "#" + position + ' ' + PayloadState.name(state) + " source=" + source + " channel=" + channel +
            " name=" + name + " kind=" + kind + " hash=" + Long.toHexString(contentHash) + " ref=" + ref +
            " events=" + eventFrom + ".." + eventTo + " bytes=" + bodyLength + (detail.isEmpty() ? "" : " " + detail);
    }
}
