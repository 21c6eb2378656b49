package io.gbsettle.adapters.iris;

/**
 * The handler's answer for one message, which the transport turns into the broker's settlement outcome.
 */
public enum Disposition
{
    /** The raw body and every event are durably journaled (or the message was a duplicate): accept / complete. */
    COMPLETE,
    /** A transient failure (engine or journal): release for redelivery ({@code modified(deliveryFailed=true)}). */
    ABANDON,
    /**
     * The message is malformed and never will be valid: dead-letter it with {@link IrisHandler#deadLetterReason()}
     * (the raw body is kept in the payload journal, REJECTED).
     */
    DEAD_LETTER
}
