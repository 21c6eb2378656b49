package io.gbsettle.adapters.sftp.collect;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.gbsettle.adapters.sftp.config.Counterparty;
import io.gbsettle.adapters.sftp.config.SftpContext;
import io.gbsettle.adapters.sftp.flow.InboundFlows;
import io.gbsettle.adapters.sftp.transport.SftpSession;
import io.gbsettle.adapters.sftp.transport.SftpTransport;
import io.gbsettle.core.engine.Engine;
import io.gbsettle.core.journal.PayloadJournal;

/**
 * Polls every counterparty of an {@link SftpContext}: one SFTP session per counterparty per cycle, opened, used by
 * the {@link Collector} and closed; the next cycle after the counterparty's poll interval (jittered by up to 10%),
 * or after a jittered exponential backoff when the cycle failed (connect, authentication, host key, a timeout).
 * One thread; {@link #stop()} may be called from any thread.
 */
public final class Poller implements AutoCloseable
{
    /** What one pass over the counterparties did. */
    public record Pass(List<CycleSummary> cycles, List<String> failures)
    {
        /**
         * @return files rejected in the pass.
         */
        public int rejected()
        {
            int n = 0;
            for (final CycleSummary c : cycles)
            {
                n += c.rejected();
            }
            return n;
        }
    }

    private final SftpContext context;
    private final Collector collector;
    private final Consumer<String> progress;
    private final List<SftpTransport> transports = new ArrayList<>();
    private final List<Backoff> backoffs = new ArrayList<>();
    private final long[] due;
    private final SplittableRandom jitter = new SplittableRandom();
    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * Starts one SSH client per counterparty (reading each private key).
     *
     * @param context  the configuration.
     * @param payloads the PayloadJournal.
     * @param engine   the engine.
     * @param flows    the verifier and mapper.
     * @param progress receives progress lines.
     * @throws IOException if a private key cannot be read.
     */
    public Poller(final SftpContext context, final PayloadJournal payloads, final Engine engine,
        final InboundFlows flows, final Consumer<String> progress) throws IOException
    {
        this.context = context;
        this.progress = progress;
        this.collector = new Collector(context, payloads, engine, flows, progress);
        this.due = new long[context.counterparties().size()];
        try
        {
            for (final Counterparty c : context.counterparties())
            {
                transports.add(new SftpTransport(c, context.bufferSize()));
                backoffs.add(new Backoff(context.backoffInitial(), context.backoffMax(), c.id().hashCode()));
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            close();
            throw ex;
        }
    }

    /**
     * @return the collector (its state per file).
     */
    public Collector collector()
    {
        return collector;
    }

    /**
     * Recovers the collector's state from the PayloadJournal and finishes interrupted files.
     *
     * @return how many interrupted files were finished.
     * @throws TimeoutException if the engine does not journal in time.
     */
    public int recover() throws TimeoutException
    {
        final int finished = collector.recover();
        if (finished > 0)
        {
            progress.accept("recovered: " + finished + " interrupted file(s) finished from the payload journal");
        }
        return finished;
    }

    /**
     * One cycle for every counterparty, now. A failing counterparty does not stop the others.
     *
     * @return what was done and what failed.
     */
    public Pass pollOnce()
    {
        final List<CycleSummary> cycles = new ArrayList<>();
        final List<String> failures = new ArrayList<>();
        for (int i = 0; i < transports.size(); i++)
        {
            final String failure = cycle(i, cycles);
            if (failure != null)
            {
                failures.add(failure);
            }
        }
        return new Pass(cycles, failures);
    }

    /**
     * Polls until {@link #stop()}: each counterparty when it is due.
     *
     * @throws InterruptedException if the thread is interrupted.
     */
    public void run() throws InterruptedException
    {
        final List<CycleSummary> sink = new ArrayList<>();
        while (stopped.getCount() > 0)
        {
            final long now = System.nanoTime();
            long next = Long.MAX_VALUE;
            for (int i = 0; i < transports.size(); i++)
            {
                if (due[i] - now <= 0)
                {
                    sink.clear();
                    final String failure = cycle(i, sink);
                    final Duration wait;
                    if (failure == null)
                    {
                        backoffs.get(i).success();
                        final long interval = context.counterparties().get(i).pollInterval().toNanos();
                        wait = Duration.ofNanos(interval - (long)(jitter.nextDouble() * interval * 0.1));
                    }
                    else
                    {
                        wait = backoffs.get(i).failure();
                        progress.accept(failure + "; retrying in " + wait.toMillis() + " ms (failure " +
                            backoffs.get(i).failures() + ")");
                    }
                    due[i] = System.nanoTime() + wait.toNanos();
                }
                next = Math.min(next, due[i]);
            }
            stopped.await(Math.max(0, next - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Makes {@link #run()} return after the cycle in progress.
     */
    public void stop()
    {
        stopped.countDown();
    }

    /**
     * Stops the SSH clients.
     */
    @Override
    public void close()
    {
        for (final SftpTransport t : transports)
        {
            t.close();
        }
    }

    private String cycle(final int i, final List<CycleSummary> cycles)
    {
        final SftpTransport transport = transports.get(i);
        final String id = transport.counterparty().id();
        try (SftpSession session = transport.open())
        {
            final CycleSummary s = collector.poll(transport.counterparty(), session);
            cycles.add(s);
            progress.accept(id + ": " + s.listed() + " listed, " + s.journaled() + " journaled, " + s.acknowledged() +
                " acknowledged, " + s.duplicates() + " duplicates, " + s.rejected() + " rejected, " + s.skipped() +
                " left; " + s.records() + " records, " + s.events() + " events, " + s.bytes() + " bytes");
            return null;
        }
        catch (final IOException | TimeoutException | RuntimeException ex)
        {
            return id + ": cycle failed: " + ex.getMessage();
        }
    }
}
