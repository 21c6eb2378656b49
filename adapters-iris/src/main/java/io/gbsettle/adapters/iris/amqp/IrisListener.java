package io.gbsettle.adapters.iris.amqp;

import java.io.IOException;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.apache.qpid.protonj2.client.AdvancedMessage;
import org.apache.qpid.protonj2.client.Client;
import org.apache.qpid.protonj2.client.ClientOptions;
import org.apache.qpid.protonj2.client.Connection;
import org.apache.qpid.protonj2.client.Delivery;
import org.apache.qpid.protonj2.client.DeliveryState;
import org.apache.qpid.protonj2.client.Message;
import org.apache.qpid.protonj2.client.Receiver;
import org.apache.qpid.protonj2.client.ReceiverOptions;
import org.apache.qpid.protonj2.client.exceptions.ClientException;
import org.apache.qpid.protonj2.types.Binary;
import org.apache.qpid.protonj2.types.messaging.Data;
import org.apache.qpid.protonj2.types.messaging.Section;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gbsettle.adapters.iris.BodyEncoding;
import io.gbsettle.adapters.iris.Disposition;
import io.gbsettle.adapters.iris.IrisHandler;
import io.gbsettle.adapters.iris.IrisMessage;

/**
 * The IRIS consumer: one AMQP 1.0 receiver on one queue, in peek-lock, running {@code receive -> handler ->
 * settle} on its own thread (or the caller's, {@link #run()}), for Azure Service Bus and any AMQP 1.0 broker alike.
 *
 * <p>Peek-lock: the receiver never settles on its own. Credit is granted one message at a time (prefetch 0, the
 * default: at most one message is locked to this consumer), or kept topped up to N with
 * {@link ListenerOptions#withPrefetch} (N messages locked ahead of the one being handled, to drain a backlog fast);
 * with N > 1 every message already received (up to N) is handed to the handler as one batch
 * ({@link IrisHandler#onBatch}: group commit, one durability wait for the batch), then each is settled. The
 * handler's answer becomes the AMQP outcome Service Bus understands (the ones its SDKs send):
 * <ul>
 *   <li>{@link Disposition#COMPLETE}: {@code accepted} (the message is removed);</li>
 *   <li>{@link Disposition#ABANDON}: {@code modified(delivery-failed=true, undeliverable-here=false)} (the lock is
 *       released, the delivery count goes up, the message comes again until the queue's max delivery count);</li>
 *   <li>{@link Disposition#DEAD_LETTER}: {@code rejected} with condition {@value #DEAD_LETTER_CONDITION}, the reason
 *       as description and the info map {@code DeadLetterReason} / {@code DeadLetterErrorDescription}.</li>
 * </ul>
 * A body that is neither an AMQP value string nor data sections (a map, a list, no body) is dead-lettered here,
 * before the handler, as not an IRIS message.
 *
 * <p>The handler is called on the listener's thread only; another thread that must reach the same single-threaded
 * handler (gap filling) hands its work to {@link #callOnHandlerThread}, run between two messages.
 *
 * <p>Failures: a lost connection, a refused link or a failed settlement closes the connection and reconnects after
 * a jittered exponential backoff (bounded by {@link ListenerOptions#backoffMaxMillis()}); the broker redelivers
 * whatever was not settled, and the handler's idempotency makes the redelivery a no-op. Every blocking call has a
 * timeout ({@link AmqpEndpoint#timeoutMillis()}, the receive poll). With Entra ID tokens (SASL PLAIN {@code $jwt})
 * the token is bound to the connection, so the listener reconnects with a fresh token before the old one expires,
 * between two messages (after draining its credit).
 *
 * <p>Lock renewal is NOT implemented: on Service Bus it is a request to the entity's {@code $management} node
 * ({@code com.microsoft:renew-lock} with the lock token), which needs a request/response link pair whose receiver
 * has its own target address, and the ProtonJ2 client API opens receivers whose target equals their source. Instead a
 * message whose handling outlasts {@link ListenerOptions#lockMillis()} is counted as slow and logged; its settlement
 * may then fail (lock lost), the message is redelivered and the handler's dedupe (message id + content hash) makes
 * it a no-op. Journaling a message takes milliseconds, far below IRIS's one-minute lock, even for multi-MB bodies.
 */
public final class IrisListener implements AutoCloseable
{
    /** The rejected outcome's error condition that Service Bus turns into a dead-letter. */
    public static final String DEAD_LETTER_CONDITION = "com.microsoft:dead-letter";
    /** Info-map key of the dead-letter reason (Service Bus sets it as the DLQ message's property). */
    public static final String DEAD_LETTER_REASON = "DeadLetterReason";
    /** Info-map key of the dead-letter description. */
    public static final String DEAD_LETTER_DESCRIPTION = "DeadLetterErrorDescription";

    private static final Logger LOG = LoggerFactory.getLogger(IrisListener.class);
    private static final String ENQUEUED_TIME = "x-opt-enqueued-time";
    private static final String SEQUENCE_NUMBER = "x-opt-sequence-number";

    private final AmqpEndpoint endpoint;
    private final String queue;
    private final IrisHandler handler;
    private final ListenerOptions options;
    private final Consumer<Counters> progress;
    private final Counters counters = new Counters();
    private IrisMessage[] decoded = {new IrisMessage()};
    private Delivery[] batch = new Delivery[1];
    private long[] receipts = new long[1];
    private Disposition[] dispositions = new Disposition[1];
    private String[] reasons = new String[1];
    private Disposition[] handlerDispositions = new Disposition[1];
    private String[] handlerReasons = new String[1];
    private int[] handlerIndex = new int[1];
    private IrisMessage[] toHandler = new IrisMessage[1];
    private final CountDownLatch closing = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final ConcurrentLinkedQueue<FutureTask<?>> tasks = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;
    private Client client;
    private Connection connection;
    private Receiver receiver;
    private int credit;
    private long lastActivityNanos;
    private long receiptNanos;
    private long lastProgressNanos;
    private Thread thread;
    private volatile Thread runner;
    private volatile ConnectionObserver observer;
    private long lostAtMillis = -1;

    /**
     * Told on the listener's thread each time it has connected and opened its receiver.
     */
    @FunctionalInterface
    public interface ConnectionObserver
    {
        /**
         * @param lostAtMillis epoch ms when the previous connection was lost (or found unusable), -1 for the first
         *                     connection (start-up) and after a planned reconnect (token renewal).
         * @param nowMillis    epoch ms now.
         */
        void connected(long lostAtMillis, long nowMillis);
    }

    /**
     * @param endpoint the broker and how to authenticate.
     * @param queue    the queue's address, used verbatim as the receiver's source (IRIS: {@code iris.<uuid>}).
     * @param handler  what journals and maps each message (called on the listener's thread only).
     * @param options  the listener's choices.
     * @param progress called on the listener's thread every {@link ListenerOptions#progressMillis()} (may be null).
     */
    public IrisListener(final AmqpEndpoint endpoint, final String queue, final IrisHandler handler,
        final ListenerOptions options, final Consumer<Counters> progress)
    {
        this.endpoint = Objects.requireNonNull(endpoint);
        this.queue = Objects.requireNonNull(queue);
        this.handler = Objects.requireNonNull(handler);
        this.options = Objects.requireNonNull(options);
        this.progress = progress;
    }

    /**
     * Sets who is told of each connection (the consumer's gap filling); call before {@link #start()}.
     *
     * @param observer the observer, or null.
     * @return this.
     */
    public IrisListener connectionObserver(final ConnectionObserver observer)
    {
        this.observer = observer;
        return this;
    }

    /**
     * Runs {@code work} on the listener's thread, between two messages (at the latest after one receive poll while
     * connected), and waits for it: how another thread reaches the single-threaded handler.
     *
     * @param work the work.
     * @param <T>  its result's type.
     * @return its result.
     * @throws InterruptedException if interrupted while waiting (the work may still run).
     */
    public <T> T callOnHandlerThread(final Callable<T> work) throws InterruptedException
    {
        final FutureTask<T> task = new FutureTask<>(work);
        tasks.add(task);
        try
        {
            return task.get();
        }
        catch (final ExecutionException ex)
        {
            final Throwable cause = ex.getCause();
            if (cause instanceof RuntimeException)
            {
                throw (RuntimeException)cause;
            }
            throw new IllegalStateException(cause);
        }
        catch (final java.util.concurrent.CancellationException ex)
        {
            throw new InterruptedException("the listener stopped");
        }
    }

    private void runTasks()
    {
        FutureTask<?> task;
        while ((task = tasks.poll()) != null)
        {
            task.run();
        }
    }

    /**
     * Runs the loop on a new thread named {@code iris-listener}.
     *
     * @return this.
     */
    public synchronized IrisListener start()
    {
        if (thread != null)
        {
            throw new IllegalStateException("already started");
        }
        thread = new Thread(this::run, "iris-listener");
        runner = thread;
        thread.start();
        return this;
    }

    /**
     * Runs the loop on the calling thread until {@link #close()} or, with {@link ListenerOptions#exitWhenIdleMillis},
     * until no message arrived for that long.
     */
    public void run()
    {
        runner = Thread.currentThread();
        lastActivityNanos = System.nanoTime();
        lastProgressNanos = lastActivityNanos;
        client = Client.create(new ClientOptions().id("gbsettle-iris-" + ProcessHandle.current().pid()));
        long backoff = options.backoffMinMillis();
        try
        {
            while (!closed)
            {
                try
                {
                    connect();
                    backoff = options.backoffMinMillis();
                    if (consume())
                    {
                        break;
                    }
                    continue;
                }
                catch (final ClientException | IOException | ExecutionException | TimeoutException ex)
                {
                    if (lostAtMillis < 0)
                    {
                        lostAtMillis = System.currentTimeMillis();
                    }
                    counters.connectionFailure();
                    if (!closed)
                    {
                        LOG.warn("IRIS {} on {}: {}; reconnecting in <= {} ms", queue, endpoint, ex.toString(),
                            backoff);
                    }
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                    break;
                }
                finally
                {
                    disconnect();
                }
                if (awaitClose(backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1)))
                {
                    break;
                }
                backoff = Math.min(options.backoffMaxMillis(), backoff * 2);
            }
        }
        finally
        {
            disconnect();
            client.close();
            FutureTask<?> task;
            while ((task = tasks.poll()) != null)
            {
                task.cancel(false);
            }
            reportProgress(true);
            stopped.countDown();
        }
    }

    /**
     * @return {@code System.nanoTime()} when the message being handled was received from the link, before it was
     * decoded: for the handler (on the listener's thread) to measure latency from receipt.
     */
    public long receiptNanos()
    {
        return receiptNanos;
    }

    /**
     * @return the listener's counters (thread-safe snapshot reads).
     */
    public Counters counters()
    {
        return counters;
    }

    /**
     * Waits until the loop has ended (after {@link #close()} or an idle exit).
     *
     * @param timeout how long at most.
     * @param unit    its unit.
     * @return whether it ended.
     * @throws InterruptedException if interrupted.
     */
    public boolean awaitStopped(final long timeout, final TimeUnit unit) throws InterruptedException
    {
        return stopped.await(timeout, unit);
    }

    /**
     * Stops the loop (at the latest after the current message and one receive poll), waits for it to end, bounded,
     * and closes the connection. Unsettled deliveries go back to the queue. Safe from any thread (a shutdown hook
     * included) and more than once; from the loop's own thread (a handler) it only asks the loop to stop.
     */
    public void close()
    {
        closed = true;
        closing.countDown();
        final Thread running = runner;
        if (running != null && running != Thread.currentThread())
        {
            try
            {
                if (!stopped.await(endpoint.timeoutMillis() * 2 + options.pollMillis(), TimeUnit.MILLISECONDS))
                {
                    LOG.warn("IRIS listener did not stop in time; interrupting it");
                    running.interrupt();
                }
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void connect() throws ClientException, IOException, ExecutionException, InterruptedException,
        TimeoutException
    {
        final EntraTokenSource tokens = endpoint.tokens();
        final String token = tokens == null ? null : tokens.token();
        connection = client.connect(endpoint.host(), endpoint.port(), endpoint.connectionOptions(token));
        connection.openFuture().get(endpoint.timeoutMillis(), TimeUnit.MILLISECONDS);
        final ReceiverOptions receiverOptions = new ReceiverOptions()
            .autoAccept(false)
            .autoSettle(false)
            .creditWindow(0)
            .openTimeout(endpoint.timeoutMillis(), TimeUnit.MILLISECONDS)
            .drainTimeout(endpoint.timeoutMillis(), TimeUnit.MILLISECONDS);
        receiver = connection.openReceiver(queue, receiverOptions);
        receiver.openFuture().get(endpoint.timeoutMillis(), TimeUnit.MILLISECONDS);
        credit = 0;
        counters.connected();
        final ConnectionObserver told = observer;
        final long lost = lostAtMillis;
        lostAtMillis = -1;
        if (told != null)
        {
            try
            {
                told.connected(lost, System.currentTimeMillis());
            }
            catch (final RuntimeException ex)
            {
                LOG.error("IRIS connection observer failed", ex);
            }
        }
        LOG.info("IRIS listening on {} queue {} (prefetch {})", endpoint, queue, options.prefetch());
    }

    /**
     * @return {@code true} to stop (closed or idle), {@code false} to reconnect (token renewal).
     */
    private boolean consume() throws ClientException, ExecutionException, InterruptedException, TimeoutException
    {
        final EntraTokenSource tokens = endpoint.tokens();
        while (!closed)
        {
            if (tokens != null && tokens.dueForRefresh())
            {
                drainAndHandle();
                counters.tokenRenewal();
                LOG.info("IRIS reconnecting with a fresh Entra ID token before the current one expires");
                return false;
            }
            final int target = Math.max(1, options.prefetch());
            if (credit == 0)
            {
                receiver.addCredit(target);
                credit = target;
            }
            runTasks();
            final Delivery delivery = receiver.receive(tasks.isEmpty() ? options.pollMillis() : 0,
                TimeUnit.MILLISECONDS);
            final long now = System.nanoTime();
            receiptNanos = now;
            if (delivery == null)
            {
                reportProgress(false);
                if (options.exitWhenIdleMillis() > 0 &&
                    now - lastActivityNanos >= TimeUnit.MILLISECONDS.toNanos(options.exitWhenIdleMillis()))
                {
                    LOG.info("IRIS no message for {} ms: stopping", options.exitWhenIdleMillis());
                    drainAndHandle();
                    return true;
                }
                continue;
            }
            ensureBatch(target);
            batch[0] = delivery;
            receipts[0] = now;
            int n = 1;
            Delivery more;
            while (n < target && (more = receiver.tryReceive()) != null)
            {
                batch[n] = more;
                receipts[n++] = System.nanoTime();
            }
            credit -= n;
            if (options.prefetch() > 0 && credit <= target / 2)
            {
                receiver.addCredit(target - credit);
                credit = target;
            }
            handleBatch(n);
            lastActivityNanos = System.nanoTime();
            reportProgress(false);
        }
        return true;
    }

    /**
     * Takes back outstanding credit and handles what arrived meanwhile, so that closing the link strands no locked
     * message.
     */
    private void drainAndHandle() throws ClientException, ExecutionException, InterruptedException, TimeoutException
    {
        if (credit > 0)
        {
            receiver.drain().get(endpoint.timeoutMillis(), TimeUnit.MILLISECONDS);
            credit = 0;
        }
        Delivery delivery;
        while ((delivery = receiver.tryReceive()) != null)
        {
            ensureBatch(1);
            batch[0] = delivery;
            receipts[0] = System.nanoTime();
            handleBatch(1);
        }
    }

    private void ensureBatch(final int size)
    {
        if (batch.length < size)
        {
            batch = new Delivery[size];
            receipts = new long[size];
            dispositions = new Disposition[size];
            reasons = new String[size];
            handlerDispositions = new Disposition[size];
            handlerReasons = new String[size];
            handlerIndex = new int[size];
            toHandler = new IrisMessage[size];
            final IrisMessage[] grown = java.util.Arrays.copyOf(decoded, size);
            for (int i = decoded.length; i < size; i++)
            {
                grown[i] = new IrisMessage();
            }
            decoded = grown;
        }
    }

    /**
     * Decodes the deliveries {@code [0, n)}, hands the IRIS ones to the handler as one batch (one durability wait for
     * all with {@link IrisHandler#onBatch}), then settles each with its answer, in order.
     */
    private void handleBatch(final int n) throws ClientException
    {
        final long started = System.nanoTime();
        int k = 0;
        for (int i = 0; i < n; i++)
        {
            counters.received();
            final IrisMessage m = decoded[i];
            final String notIris = decode(batch[i], m);
            m.receiptNanos(receipts[i]);
            if (notIris != null)
            {
                dispositions[i] = Disposition.DEAD_LETTER;
                reasons[i] = notIris;
            }
            else
            {
                counters.bytes(m.bodyLength());
                toHandler[k] = m;
                handlerIndex[k++] = i;
            }
        }
        if (k > 0)
        {
            receiptNanos = receipts[0];
            try
            {
                handler.onBatch(toHandler, k, handlerDispositions, handlerReasons);
            }
            catch (final RuntimeException ex)
            {
                LOG.error("IRIS handler failed on a batch of {} (abandoned for redelivery)", k, ex);
                for (int j = 0; j < k; j++)
                {
                    handlerDispositions[j] = Disposition.ABANDON;
                    handlerReasons[j] = ex.toString();
                }
            }
            for (int j = 0; j < k; j++)
            {
                final Disposition d = handlerDispositions[j];
                final int i = handlerIndex[j];
                dispositions[i] = d == null ? Disposition.ABANDON : d;
                reasons[i] = dispositions[i] == Disposition.COMPLETE ? "" :
                    handlerReasons[j] == null ? "" : handlerReasons[j];
                toHandler[j] = null;
            }
        }
        final long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        if (tookMillis >= options.lockMillis())
        {
            counters.slow();
            LOG.warn("IRIS {} message(s) from {} took {} ms, longer than the {} ms lock: their settlement may fail " +
                "and they may come again (duplicates, no second effect)", n, decoded[0].messageId(), tookMillis,
                options.lockMillis());
        }
        try
        {
            for (int i = 0; i < n; i++)
            {
                settle(batch[i], decoded[i], dispositions[i], reasons[i]);
            }
        }
        finally
        {
            java.util.Arrays.fill(batch, 0, n, null);
        }
    }

    private void settle(final Delivery delivery, final IrisMessage message, final Disposition disposition,
        final String reason) throws ClientException
    {
        try
        {
            switch (disposition)
            {
                case COMPLETE:
                    delivery.accept();
                    counters.completed();
                    break;
                case DEAD_LETTER:
                    delivery.disposition(deadLetter(message, reason), true);
                    counters.deadLettered();
                    LOG.warn("IRIS dead-lettered {}: {}", message, reason);
                    break;
                case ABANDON:
                default:
                    delivery.modified(true, false);
                    counters.abandoned();
                    LOG.warn("IRIS abandoned {} for redelivery: {}", message, reason);
                    break;
            }
        }
        catch (final ClientException ex)
        {
            counters.settleFailure();
            throw ex;
        }
        try
        {
            handler.onSettled(message, disposition, reason == null ? "" : reason);
        }
        catch (final RuntimeException ex)
        {
            LOG.error("IRIS handler failed to record the settlement of {}", message, ex);
        }
    }

    private DeliveryState deadLetter(final IrisMessage message, final String reason)
    {
        final String text = reason == null || reason.isEmpty() ? "malformed IRIS message " + message.messageId() :
            reason;
        final String description = text.length() <= options.maxReasonChars() ? text :
            text.substring(0, options.maxReasonChars() - 3) + "...";
        final int colon = description.indexOf(':');
        final String shortReason = colon > 0 && colon < 120 ? description.substring(0, colon) : "MalformedMessage";
        final Map<String, Object> info = new HashMap<>();
        info.put(DEAD_LETTER_REASON, shortReason);
        info.put(DEAD_LETTER_DESCRIPTION, description);
        return DeliveryState.rejected(DEAD_LETTER_CONDITION, description, info);
    }

    /**
     * Fills {@code message} from the delivery.
     *
     * @return {@code null}, or why the delivery is not an IRIS message.
     */
    private String decode(final Delivery delivery, final IrisMessage message) throws ClientException
    {
        final Message<Object> amqp = delivery.message();
        message.clear();
        final Object id = amqp.messageId();
        message.messageId(id == null ? "" : id.toString())
            .dataset(amqp.subject())
            .deliveryCount((int)Math.min(Integer.MAX_VALUE, amqp.deliveryCount()))
            .enqueuedTimeMillis(epochMillis(amqp.annotation(ENQUEUED_TIME)))
            .sequenceNumber(amqp.annotation(SEQUENCE_NUMBER) instanceof Number ?
                ((Number)amqp.annotation(SEQUENCE_NUMBER)).longValue() : -1);
        if (amqp instanceof AdvancedMessage)
        {
            final Collection<Section<?>> sections = ((AdvancedMessage<Object>)amqp).bodySections();
            if (sections.size() > 1)
            {
                return concatenateData(sections, message);
            }
        }
        final Object body = amqp.body();
        if (body instanceof String)
        {
            message.encoding(BodyEncoding.AMQP_VALUE_STRING).body((String)body);
            return null;
        }
        if (body instanceof byte[])
        {
            final byte[] bytes = (byte[])body;
            message.encoding(BodyEncoding.DATA_BYTES).body(bytes, 0, bytes.length);
            return null;
        }
        if (body instanceof Binary)
        {
            final byte[] bytes = ((Binary)body).asByteArray();
            message.encoding(BodyEncoding.DATA_BYTES).body(bytes, 0, bytes.length);
            return null;
        }
        return "NotIrisMessage: " + message.dataset() + " message " + message.messageId() + ": the body is " +
            (body == null ? "missing" : "an AMQP " + body.getClass().getSimpleName()) +
            ", not a JSON string (amqp-value) or data section";
    }

    private static String concatenateData(final Collection<Section<?>> sections, final IrisMessage message)
    {
        int length = 0;
        for (final Section<?> section : sections)
        {
            if (!(section instanceof Data))
            {
                return "NotIrisMessage: " + message.dataset() + " message " + message.messageId() +
                    ": several body sections that are not all data sections";
            }
            length += ((Data)section).getDataLength();
        }
        final byte[] into = message.ensureBodyCapacity(length);
        int at = 0;
        for (final Section<?> section : sections)
        {
            final byte[] bytes = ((Data)section).getValue();
            System.arraycopy(bytes, 0, into, at, bytes.length);
            at += bytes.length;
        }
        message.encoding(BodyEncoding.DATA_BYTES).bodyLength(length);
        return null;
    }

    private static long epochMillis(final Object value)
    {
        if (value instanceof Date)
        {
            return ((Date)value).getTime();
        }
        if (value instanceof Number)
        {
            return ((Number)value).longValue();
        }
        return -1;
    }

    private void reportProgress(final boolean last)
    {
        if (progress == null || options.progressMillis() <= 0)
        {
            return;
        }
        final long now = System.nanoTime();
        if (last || now - lastProgressNanos >= TimeUnit.MILLISECONDS.toNanos(options.progressMillis()))
        {
            lastProgressNanos = now;
            progress.accept(counters);
        }
    }

    private boolean awaitClose(final long millis)
    {
        try
        {
            return closing.await(millis, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private void disconnect()
    {
        final Connection open = connection;
        connection = null;
        receiver = null;
        credit = 0;
        if (open != null)
        {
            try
            {
                open.closeAsync().get(endpoint.timeoutMillis(), TimeUnit.MILLISECONDS);
            }
            catch (final ExecutionException | TimeoutException ex)
            {
                LOG.debug("IRIS connection close: {}", ex.toString());
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * What the listener has done, updated by its thread, read from any thread; {@link #awaitSettled} lets a test or
     * a benchmark wait for a number of settlements without sleeping.
     */
    public static final class Counters
    {
        private long received;
        private long completed;
        private long abandoned;
        private long deadLettered;
        private long bytes;
        private long connects;
        private long connectionFailures;
        private long settleFailures;
        private long tokenRenewals;
        private long slow;

        synchronized void received()
        {
            received++;
        }

        synchronized void bytes(final long n)
        {
            bytes += n;
        }

        synchronized void completed()
        {
            completed++;
            notifyAll();
        }

        synchronized void abandoned()
        {
            abandoned++;
            notifyAll();
        }

        synchronized void deadLettered()
        {
            deadLettered++;
            notifyAll();
        }

        synchronized void connected()
        {
            connects++;
            notifyAll();
        }

        synchronized void connectionFailure()
        {
            connectionFailures++;
            notifyAll();
        }

        synchronized void settleFailure()
        {
            settleFailures++;
        }

        synchronized void tokenRenewal()
        {
            tokenRenewals++;
        }

        synchronized void slow()
        {
            slow++;
        }

        /**
         * Waits until at least {@code count} messages were completed or dead-lettered in all.
         *
         * @param count   settlements (complete + dead-letter) to wait for.
         * @param timeout how long at most, ms.
         * @return whether they were reached.
         * @throws InterruptedException if interrupted.
         */
        public synchronized boolean awaitSettled(final long count, final long timeout) throws InterruptedException
        {
            final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
            while (completed + deadLettered < count)
            {
                final long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0)
                {
                    return false;
                }
                wait(left);
            }
            return true;
        }

        /**
         * Waits until the listener has connected at least {@code count} times.
         *
         * @param count   connections to wait for.
         * @param timeout how long at most, ms.
         * @return whether they were reached.
         * @throws InterruptedException if interrupted.
         */
        public synchronized boolean awaitConnects(final long count, final long timeout) throws InterruptedException
        {
            final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
            while (connects < count)
            {
                final long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0)
                {
                    return false;
                }
                wait(left);
            }
            return true;
        }

        /**
         * @return messages received.
         */
        public synchronized long receivedCount()
        {
            return received;
        }

        /**
         * @return messages completed (accepted).
         */
        public synchronized long completedCount()
        {
            return completed;
        }

        /**
         * @return messages abandoned (modified, delivery failed) for redelivery.
         */
        public synchronized long abandonedCount()
        {
            return abandoned;
        }

        /**
         * @return messages dead-lettered (rejected).
         */
        public synchronized long deadLetteredCount()
        {
            return deadLettered;
        }

        /**
         * @return body bytes received.
         */
        public synchronized long bytesCount()
        {
            return bytes;
        }

        /**
         * @return successful connections (the first included).
         */
        public synchronized long connectsCount()
        {
            return connects;
        }

        /**
         * @return failed connection attempts and lost connections.
         */
        public synchronized long connectionFailuresCount()
        {
            return connectionFailures;
        }

        /**
         * @return settlements the broker did not take (the message comes again).
         */
        public synchronized long settleFailuresCount()
        {
            return settleFailures;
        }

        /**
         * @return reconnections for a fresh token.
         */
        public synchronized long tokenRenewalsCount()
        {
            return tokenRenewals;
        }

        /**
         * @return messages whose handling outlasted the lock duration.
         */
        public synchronized long slowCount()
        {
            return slow;
        }

        @Override
        public synchronized String toString()
        {
            return "received " + received + ", completed " + completed + ", abandoned " + abandoned +
                ", dead-lettered " + deadLettered + ", " + bytes + " bytes, connects " + connects +
                ", connection failures " + connectionFailures + ", settle failures " + settleFailures;
        }
    }
}
