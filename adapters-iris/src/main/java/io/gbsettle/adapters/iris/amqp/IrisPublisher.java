package io.gbsettle.adapters.iris.amqp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.qpid.protonj2.client.Client;
import org.apache.qpid.protonj2.client.ClientOptions;
import org.apache.qpid.protonj2.client.Connection;
import org.apache.qpid.protonj2.client.Message;
import org.apache.qpid.protonj2.client.Sender;
import org.apache.qpid.protonj2.client.Tracker;
import org.apache.qpid.protonj2.client.exceptions.ClientException;

/**
 * Sends IRIS-shaped messages to an AMQP 1.0 queue, as IRIS does: subject = dataset name, message-id = the published
 * file's name, body = the JSON rows, either as an AMQP value holding a string or as a data section of UTF-8 bytes,
 * durable. Used by the tests, the benchmarks and the demo to feed an {@link EmbeddedBroker} (or any broker).
 *
 * <p>{@link #send} waits for the broker to accept each message (reliable, slow); {@link #sendAsync} does not, and
 * {@link #awaitAccepted()} then waits for all of them (fast, for benchmarks).
 */
public final class IrisPublisher implements AutoCloseable
{
    /** How long one send or settlement may take before it fails. */
    public static final long TIMEOUT_SECONDS = 30;

    private final Client client;
    private final Connection connection;
    private final Sender sender;
    private final List<Tracker> pending = new ArrayList<>();

    private IrisPublisher(final AmqpEndpoint endpoint, final String queue) throws ClientException
    {
        this.client = Client.create(new ClientOptions().id("gbsettle-iris-publisher"));
        try
        {
            this.connection = client.connect(endpoint.host(), endpoint.port(), endpoint.connectionOptions(null));
            this.sender = connection.openSender(queue);
            sender.openFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        catch (final Exception ex)
        {
            client.close();
            throw ex instanceof ClientException ? (ClientException)ex :
                new ClientException("cannot open a sender to " + queue + " at " + endpoint, ex);
        }
    }

    /**
     * Connects a sender to a queue.
     *
     * @param endpoint the broker.
     * @param queue    the queue's address.
     * @return the publisher.
     * @throws ClientException if the broker cannot be reached or refuses the link.
     */
    public static IrisPublisher connect(final AmqpEndpoint endpoint, final String queue) throws ClientException
    {
        return new IrisPublisher(endpoint, queue);
    }

    /**
     * Sends one message and waits until the broker has accepted it.
     *
     * @param dataset   the subject (IRIS dataset name, e.g. {@code BOALF}).
     * @param messageId the message id (IRIS: the file name).
     * @param json      the body text.
     * @param data      {@code true} for a data section of UTF-8 bytes, {@code false} for an AMQP value string.
     * @throws ClientException if the broker does not accept it in {@link #TIMEOUT_SECONDS}.
     */
    public void send(final String dataset, final String messageId, final String json, final boolean data)
        throws ClientException
    {
        sender.send(message(dataset, messageId, json, data)).awaitAccepted(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Sends one message without waiting for the broker's answer (see {@link #awaitAccepted()}).
     *
     * @param dataset   the subject.
     * @param messageId the message id.
     * @param json      the body text.
     * @param data      {@code true} for a data section, {@code false} for an AMQP value string.
     * @throws ClientException if the link fails.
     */
    public void sendAsync(final String dataset, final String messageId, final String json, final boolean data)
        throws ClientException
    {
        pending.add(sender.send(message(dataset, messageId, json, data)));
    }

    /**
     * Waits until the broker has accepted every message sent by {@link #sendAsync}.
     *
     * @throws ClientException if one is refused or not settled in time.
     */
    public void awaitAccepted() throws ClientException
    {
        for (int i = 0; i < pending.size(); i++)
        {
            pending.get(i).awaitAccepted(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        pending.clear();
    }

    /**
     * Closes the sender, the connection and the client.
     */
    public void close()
    {
        try
        {
            connection.close();
        }
        finally
        {
            client.close();
        }
    }

    private static Message<?> message(final String dataset, final String messageId, final String json,
        final boolean data) throws ClientException
    {
        final Message<?> message = data ? Message.create(json.getBytes(StandardCharsets.UTF_8)) : Message.create(json);
        return message.subject(dataset).messageId(messageId).durable(true);
    }
}
