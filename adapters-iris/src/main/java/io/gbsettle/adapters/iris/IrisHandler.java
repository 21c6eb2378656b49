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
     * Handles several messages already received (a transport with prefetch hands over every message it holds), so
     * the handler can journal them as one group: one wait for durability for the whole batch instead of one per
     * message. Same contract per message as {@link #onMessage}; never throws. Default: {@link #onMessage} one by
     * one.
     *
     * @param messages     the messages, {@code [0, count)}; valid only during the call.
     * @param count        how many.
     * @param dispositions filled with each message's answer.
     * @param reasons      filled with each message's dead-letter / abandon reason (empty for COMPLETE).
     */
    default void onBatch(final IrisMessage[] messages, final int count, final Disposition[] dispositions,
        final String[] reasons)
    {
        for (int i = 0; i < count; i++)
        {
            Disposition d;
            try
            {
                d = onMessage(messages[i]);
            }
            catch (final RuntimeException ex)
            {
                d = null;
            }
            dispositions[i] = d == null ? Disposition.ABANDON : d;
            reasons[i] = dispositions[i] == Disposition.COMPLETE ? "" : deadLetterReason();
        }
    }

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
