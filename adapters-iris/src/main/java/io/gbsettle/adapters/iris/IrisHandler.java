package io.gbsettle.adapters.iris;

/**
 * The port between a transport and the adapter's core: the transport delivers one message at a time, the handler
 * journals and maps it, the transport settles the message with the answer. All parsing, deduplication, ordering and
 * engine updates sit behind this port, so they are tested without any broker.
 *
 * <p>Single-threaded: a transport calls it from one thread (or serialises its calls).
 */
public interface IrisHandler
{
    /**
     * Handles one message. Never throws: every failure becomes a disposition.
     *
     * @param message the message; valid only during the call (the transport reuses it).
     * @return {@link Disposition#COMPLETE} only once the raw body and the message's events are durably journaled
     * (or it is a duplicate of a message that was); {@link Disposition#DEAD_LETTER} for a malformed message (its
     * reason in {@link #deadLetterReason()}); {@link Disposition#ABANDON} for a transient failure.
     */
    Disposition onMessage(IrisMessage message);

    /**
     * @return after {@link Disposition#DEAD_LETTER} (or ABANDON): why, in business terms (dataset, message id, row,
     * field, what is wrong), short enough for an AMQP error description; empty otherwise.
     */
    String deadLetterReason();

    /**
     * Told after the transport settled a message with the broker (the outcome was sent without error), so the
     * handler can record what became of it: an auditor then sees every message's end (completed, released for
     * redelivery, dead-lettered) next to its raw body. Not called when the settlement itself failed (the message
     * comes again). Default: nothing.
     *
     * @param message     the message as handed to {@link #onMessage} (its {@link IrisMessage#payloadRef()} as the
     *                    handler left it), or a message the transport refused before the handler (not an IRIS
     *                    message: ref -1).
     * @param disposition the outcome sent.
     * @param reason      the dead-letter or abandon reason sent; empty for a completion.
     */
    default void onSettled(final IrisMessage message, final Disposition disposition, final String reason)
    {
    }
}
