package io.gbsettle.adapters.iris;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One received IRIS message, filled by a transport and reused for the next one (no allocation per message once the
 * body buffer has grown to the largest body).
 *
 * <p>The body is the UTF-8 bytes as received (the string of an AMQP value section, or the bytes of the data
 * sections); a double-encoded JSON string ({@code "[{\"dataset\":...}]"}) is unwrapped by the handler, not by the
 * transport.
 */
public final class IrisMessage
{
    private String messageId = "";
    private String dataset = "";
    private long enqueuedTimeMillis = -1;
    private long sequenceNumber = -1;
    private int deliveryCount = -1;
    private BodyEncoding encoding = BodyEncoding.DATA_BYTES;
    private byte[] body = new byte[4096];
    private int bodyLength;
    private long payloadRef = -1;
    private long receiptNanos;

    /**
     * @return the AMQP message-id: the source file name, e.g. {@code BOALF_202405012323_6182.json}.
     */
    public String messageId()
    {
        return messageId;
    }

    /**
     * @return the dataset: the AMQP subject, e.g. {@code BOALF}.
     */
    public String dataset()
    {
        return dataset;
    }

    /**
     * @return the broker's enqueue time (Service Bus {@code x-opt-enqueued-time}), epoch ms, or -1.
     */
    public long enqueuedTimeMillis()
    {
        return enqueuedTimeMillis;
    }

    /**
     * @return the broker's sequence number ({@code x-opt-sequence-number}), or -1.
     */
    public long sequenceNumber()
    {
        return sequenceNumber;
    }

    /**
     * @return how often the message was delivered before (AMQP header delivery-count), or -1.
     */
    public int deliveryCount()
    {
        return deliveryCount;
    }

    /**
     * @return how the body arrived.
     */
    public BodyEncoding encoding()
    {
        return encoding;
    }

    /**
     * @return the body buffer (valid bytes [0, {@link #bodyLength()})); owned by this message, reused.
     */
    public byte[] body()
    {
        return body;
    }

    /**
     * @return the number of valid body bytes.
     */
    public int bodyLength()
    {
        return bodyLength;
    }

    /**
     * @param messageId the AMQP message-id (the file name).
     * @return this.
     */
    public IrisMessage messageId(final String messageId)
    {
        this.messageId = messageId == null ? "" : messageId;
        return this;
    }

    /**
     * @param dataset the AMQP subject.
     * @return this.
     */
    public IrisMessage dataset(final String dataset)
    {
        this.dataset = dataset == null ? "" : dataset;
        return this;
    }

    /**
     * @param enqueuedTimeMillis epoch ms, or -1.
     * @return this.
     */
    public IrisMessage enqueuedTimeMillis(final long enqueuedTimeMillis)
    {
        this.enqueuedTimeMillis = enqueuedTimeMillis;
        return this;
    }

    /**
     * @param sequenceNumber the broker's sequence number, or -1.
     * @return this.
     */
    public IrisMessage sequenceNumber(final long sequenceNumber)
    {
        this.sequenceNumber = sequenceNumber;
        return this;
    }

    /**
     * @param deliveryCount prior deliveries, or -1.
     * @return this.
     */
    public IrisMessage deliveryCount(final int deliveryCount)
    {
        this.deliveryCount = deliveryCount;
        return this;
    }

    /**
     * @param encoding how the body arrived.
     * @return this.
     */
    public IrisMessage encoding(final BodyEncoding encoding)
    {
        this.encoding = encoding;
        return this;
    }

    /**
     * Copies body bytes into the message's own buffer (grown when needed, never shrunk).
     *
     * @param bytes  the bytes.
     * @param offset first byte.
     * @param length how many.
     * @return this.
     */
    public IrisMessage body(final byte[] bytes, final int offset, final int length)
    {
        ensureBodyCapacity(length);
        System.arraycopy(bytes, offset, body, 0, length);
        bodyLength = length;
        return this;
    }

    /**
     * Sets the body from a string (an AMQP value section), as UTF-8.
     *
     * @param text the string.
     * @return this.
     */
    public IrisMessage body(final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return body(bytes, 0, bytes.length);
    }

    /**
     * Makes room for a body of {@code length} bytes, for transports that write into {@link #body()} directly and
     * then call {@link #bodyLength(int)}.
     *
     * @param length bytes needed.
     * @return the body buffer.
     */
    public byte[] ensureBodyCapacity(final int length)
    {
        if (body.length < length)
        {
            body = Arrays.copyOf(body, Math.max(length, body.length * 2));
        }
        return body;
    }

    /**
     * @param length the number of valid bytes written into {@link #body()}.
     * @return this.
     */
    public IrisMessage bodyLength(final int length)
    {
        if (length < 0 || length > body.length)
        {
            throw new IllegalArgumentException("body length " + length + " outside the buffer");
        }
        bodyLength = length;
        return this;
    }

    /**
     * Sets every field at once.
     *
     * @param messageId          the message-id.
     * @param dataset            the subject.
     * @param enqueuedTimeMillis epoch ms, or -1.
     * @param sequenceNumber     the broker's sequence number, or -1.
     * @param deliveryCount      prior deliveries, or -1.
     * @param encoding           how the body arrived.
     * @param bytes              the body bytes.
     * @param offset             first byte.
     * @param length             how many.
     * @return this.
     */
    public IrisMessage set(
        final String messageId, final String dataset, final long enqueuedTimeMillis, final long sequenceNumber,
        final int deliveryCount, final BodyEncoding encoding, final byte[] bytes, final int offset, final int length)
    {
        return messageId(messageId).dataset(dataset).enqueuedTimeMillis(enqueuedTimeMillis)
            .sequenceNumber(sequenceNumber).deliveryCount(deliveryCount).encoding(encoding)
            .body(bytes, offset, length);
    }

    /**
     * @return the payload journal position of this message's RECEIVED entry (or, for a duplicate, of the earlier
     * one), set by the handler; -1 when the handler has not journaled it.
     */
    public long payloadRef()
    {
        return payloadRef;
    }

    /**
     * @param payloadRef the payload journal position the handler gave the message (see {@link #payloadRef()}).
     * @return this.
     */
    public IrisMessage payloadRef(final long payloadRef)
    {
        this.payloadRef = payloadRef;
        return this;
    }

    /**
     * @return {@code System.nanoTime()} when the transport received the message (0 when unknown): for latency.
     */
    public long receiptNanos()
    {
        return receiptNanos;
    }

    /**
     * @param receiptNanos when the transport received the message ({@code System.nanoTime()}).
     * @return this.
     */
    public IrisMessage receiptNanos(final long receiptNanos)
    {
        this.receiptNanos = receiptNanos;
        return this;
    }

    /**
     * Empties the message for reuse (the body buffer is kept).
     *
     * @return this.
     */
    public IrisMessage clear()
    {
        messageId = "";
        dataset = "";
        enqueuedTimeMillis = -1;
        sequenceNumber = -1;
        deliveryCount = -1;
        encoding = BodyEncoding.DATA_BYTES;
        bodyLength = 0;
        payloadRef = -1;
        receiptNanos = 0;
        return this;
    }

    /**
     * @return the body decoded as UTF-8 (for tests and diagnostics; allocates).
     */
    public String bodyText()
    {
        return new String(body, 0, bodyLength, StandardCharsets.UTF_8);
    }

    @Override
    public String toString()
    {
        return "IrisMessage(" + dataset + " " + messageId + ", " + bodyLength + " bytes, " + encoding + ")";
    }
}
