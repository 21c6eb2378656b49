package io.gbsettle.adapters.iris.amqp;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;

/**
 * An embedded Apache Artemis 2.55.0 broker speaking AMQP 1.0 on {@code 127.0.0.1}, for the transport's tests, the
 * benchmarks and the demo: a real broker with real peek-lock semantics (unsettled deliveries, {@code modified}
 * redelivery with a delivery count, {@code rejected} to the dead-letter queue, {@code maxDeliveryAttempts}).
 *
 * <p>The port is chosen by the operating system and read back ({@link #port()}); {@link #restart()} brings the broker
 * back on the same port, so a consumer's reconnect finds it. Queues are anycast (point-to-point, as a Service Bus
 * queue), auto-created on first use; the dead-letter queue of queue {@code Q} is {@link #deadLetterQueue
 * DLQ.Q}, created when the first message is dead-lettered. With a data directory the broker persists (NIO journal)
 * and durable messages survive a restart; without one it is in memory.
 *
 * <p>What it does not model of Azure Service Bus: no {@code $cbs} or {@code $management} nodes, no timed lock expiry
 * (a delivery stays locked while its link lives), no {@code x-opt-*} annotations, and a {@code rejected} outcome's
 * error condition is not copied into the dead-lettered message.
 */
public final class EmbeddedBroker implements AutoCloseable
{
    /** Delivery attempts before a message is dead-lettered: 5, as Elexon documented for IRIS queues (§1.5). */
    public static final int DEFAULT_MAX_DELIVERY_ATTEMPTS = 5;
    /** The prefix of a dead-letter queue's name. */
    public static final String DEAD_LETTER_PREFIX = "DLQ.";

    private static final String ACCEPTOR = "amqp";

    private final Path dataDir;
    private final int maxDeliveryAttempts;
    private final String user;
    private final String password;
    private EmbeddedActiveMQ broker;
    private int port;

    private EmbeddedBroker(final Path dataDir, final int maxDeliveryAttempts, final String user, final String password)
    {
        this.dataDir = dataDir;
        this.maxDeliveryAttempts = maxDeliveryAttempts;
        this.user = user;
        this.password = password;
    }

    /**
     * Starts an in-memory broker with anonymous access and {@link #DEFAULT_MAX_DELIVERY_ATTEMPTS}.
     *
     * @return the running broker.
     */
    public static EmbeddedBroker start()
    {
        return start(null, DEFAULT_MAX_DELIVERY_ATTEMPTS, null, null);
    }

    /**
     * Starts a broker.
     *
     * @param dataDir             where the broker persists its journal, or {@code null} for an in-memory broker.
     * @param maxDeliveryAttempts deliveries before a message is moved to the dead-letter queue.
     * @param user                the one user accepted (SASL PLAIN), or {@code null} for anonymous access.
     * @param password            that user's password (ignored without a user).
     * @return the running broker.
     */
    public static EmbeddedBroker start(
        final Path dataDir, final int maxDeliveryAttempts, final String user, final String password)
    {
        final EmbeddedBroker broker = new EmbeddedBroker(dataDir, maxDeliveryAttempts, user, password);
        broker.startOn(0);
        return broker;
    }

    /**
     * @return the AMQP port the broker listens on.
     */
    public int port()
    {
        return port;
    }

    /**
     * @return {@code amqp://127.0.0.1:PORT}.
     */
    public String url()
    {
        return "amqp://127.0.0.1:" + port;
    }

    /**
     * @param queue a queue name.
     * @return the name of its dead-letter queue.
     */
    public static String deadLetterQueue(final String queue)
    {
        return DEAD_LETTER_PREFIX + queue;
    }

    /**
     * Creates an anycast queue (and its address) unless it exists, so messages published before any consumer attaches
     * are kept.
     *
     * @param queue the queue name, used as its address.
     */
    public void createQueue(final String queue)
    {
        final ActiveMQServer server = broker.getActiveMQServer();
        try
        {
            if (server.locateQueue(SimpleString.of(queue)) == null)
            {
                server.createQueue(QueueConfiguration.of(queue).setAddress(queue).setRoutingType(RoutingType.ANYCAST)
                    .setDurable(dataDir != null).setAutoCreateAddress(true));
            }
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException("cannot create queue " + queue, ex);
        }
    }

    /**
     * @param queue a queue name.
     * @return the messages in the queue (delivered but unsettled ones included), 0 if it does not exist.
     */
    public long messageCount(final String queue)
    {
        final Queue found = broker.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return found == null ? 0 : found.getMessageCount();
    }

    /**
     * Stops the broker (connections drop, unsettled deliveries return to their queues) and starts it again on the
     * same port. Without a data directory every message is lost; with one, durable messages are kept.
     */
    public void restart()
    {
        stop();
        startOn(port);
    }

    /**
     * Stops the broker.
     */
    public void close()
    {
        stop();
    }

    private void stop()
    {
        if (broker != null)
        {
            try
            {
                broker.stop();
            }
            catch (final Exception ex)
            {
                throw new IllegalStateException("cannot stop the embedded broker", ex);
            }
            broker = null;
        }
    }

    private void startOn(final int requestedPort)
    {
        final Configuration config = new ConfigurationImpl()
            .setName("gbsettle-embedded")
            .setPersistenceEnabled(dataDir != null)
            .setSecurityEnabled(user != null)
            .setJMXManagementEnabled(false)
            .setGracefulShutdownEnabled(false);
        if (dataDir != null)
        {
            config.setJournalType(JournalType.NIO)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .setJournalSyncNonTransactional(true);
        }
        try
        {
            config.addAcceptorConfiguration(ACCEPTOR, "tcp://127.0.0.1:" + requestedPort +
                "?protocols=AMQP;amqpCredits=1000;amqpLowCredits=300");
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException("bad acceptor", ex);
        }
        config.addAddressSetting("#", new AddressSettings()
            .setMaxDeliveryAttempts(maxDeliveryAttempts)
            .setRedeliveryDelay(0)
            .setDeadLetterAddress(SimpleString.of("DLA"))
            .setAutoCreateDeadLetterResources(true)
            .setDeadLetterQueuePrefix(SimpleString.of(DEAD_LETTER_PREFIX))
            .setAutoCreateQueues(true)
            .setAutoCreateAddresses(true)
            .setDefaultAddressRoutingType(RoutingType.ANYCAST)
            .setDefaultQueueRoutingType(RoutingType.ANYCAST));
        final EmbeddedActiveMQ embedded = new EmbeddedActiveMQ().setConfiguration(config);
        if (user != null)
        {
            embedded.setSecurityManager(new SingleUser(user, password));
        }
        try
        {
            embedded.start();
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException("cannot start the embedded broker on port " + requestedPort, ex);
        }
        broker = embedded;
        port = ((NettyAcceptor)embedded.getActiveMQServer().getRemotingService().getAcceptor(ACCEPTOR))
            .getActualPort();
    }

    /** One user, every permission: enough to exercise SASL PLAIN. */
    private static final class SingleUser implements ActiveMQSecurityManager
    {
        private final String user;
        private final String password;

        SingleUser(final String user, final String password)
        {
            this.user = user;
            this.password = password;
        }

        @Override
        public boolean validateUser(final String user, final String password)
        {
            return this.user.equals(user) && Objects.equals(this.password, password);
        }

        @Override
        public boolean validateUserAndRole(
            final String user, final String password, final Set<Role> roles, final CheckType checkType)
        {
            return validateUser(user, password);
        }
    }
}
