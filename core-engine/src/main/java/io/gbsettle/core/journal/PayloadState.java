package io.gbsettle.core.journal;

/**
 * The states a raw payload (a collected file, a received message, an outbound file) passes through, as recorded in
 * a {@link PayloadJournal}. A payload is first {@link #RECEIVED} (or {@link #RESERVED} when outbound) with its bytes;
 * later entries refer to that one ({@link PayloadEntry#ref()}) and record what became of it, so replaying the journal
 * from the start rebuilds every payload's state after a crash.
 *
 * <pre>
 *   inbound:   RECEIVED ──► VERIFIED ──► JOURNALED (events from..to) ──► ACKNOWLEDGED (remote deleted / completed)
 *                  │                                                         ▲
 *                  ├──► REJECTED (reason) ──► DEAD_LETTERED / error folder ──┘
 *                  ├──► DUPLICATE (an earlier payload had the same key and hash)
 *                  └──► ABANDONED (transient failure: the source delivers it again)
 *   outbound:  RESERVED (bytes fixed once) ──► SENT
 * </pre>
 */
public final class PayloadState
{
    /** The payload's raw bytes were received and kept (the entry carries the body). */
    public static final int RECEIVED = 1;
    /** Envelope, counts and checksums verified. */
    public static final int VERIFIED = 2;
    /** Its canonical events are in the engine's input journal ({@link PayloadEntry#eventFrom()}..to). */
    public static final int JOURNALED = 3;
    /** The source was told: the remote file deleted or moved, the message completed. */
    public static final int ACKNOWLEDGED = 4;
    /** Refused; {@link PayloadEntry#detail()} says why, naming flow, record, field, date and period. */
    public static final int REJECTED = 5;
    /** Already processed: an earlier payload had the same business key and content. */
    public static final int DUPLICATE = 6;
    /** A refused message was handed to the source's dead-letter queue. */
    public static final int DEAD_LETTERED = 7;
    /** An outbound payload's bytes, fixed once so that every retry sends the same bytes. */
    public static final int RESERVED = 8;
    /** An outbound payload was delivered to the counterparty. */
    public static final int SENT = 9;
    /** A transient failure: the payload was handed back to its source for redelivery. */
    public static final int ABANDONED = 10;

    private PayloadState()
    {
    }

    /**
     * @param state a state code.
     * @return its name for people, or {@code state-N} for an unknown code.
     */
    public static String name(final int state)
    {
        return switch (state)
        {
            case RECEIVED -> "RECEIVED";
            case VERIFIED -> "VERIFIED";
            case JOURNALED -> "JOURNALED";
            case ACKNOWLEDGED -> "ACKNOWLEDGED";
            case REJECTED -> "REJECTED";
            case DUPLICATE -> "DUPLICATE";
            case DEAD_LETTERED -> "DEAD_LETTERED";
            case RESERVED -> "RESERVED";
            case SENT -> "SENT";
            case ABANDONED -> "ABANDONED";
            default -> "state-" + state;
        };
    }
}
