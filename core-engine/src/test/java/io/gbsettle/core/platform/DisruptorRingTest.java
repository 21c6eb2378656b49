package io.gbsettle.core.platform;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pinned LMAX Disruptor 4.0.0 runs the shape the engine will use: pre-allocated primitive events, the
 * two-phase {@code next/get/publish} (no boxing translators), a {@code SleepingWaitStrategy} suited to two cores,
 * and a consumer that sees every event in order.
 */
final class DisruptorRingTest
{
    private static final int EVENTS = 1_000;

    /**
     * A pre-allocated ring slot holding primitives only.
     */
    static final class PeriodEvent
    {
        long settlementDay;
        int period;
        double volumeMwh;
    }

    @Test
    void everyPublishedEventReachesTheHandlerInOrder() throws InterruptedException
    {
        final Disruptor<PeriodEvent> disruptor = new Disruptor<>(
            PeriodEvent::new, 64, DaemonThreadFactory.INSTANCE, ProducerType.SINGLE, new SleepingWaitStrategy());
        final CountDownLatch done = new CountDownLatch(EVENTS);
        final long[] seen = new long[2];
        final boolean[] inOrder = {true};
        disruptor.handleEventsWith((final PeriodEvent event, final long sequence, final boolean endOfBatch) ->
        {
            inOrder[0] &= event.period == 1 + (int)(sequence % 48);
            seen[0]++;
            seen[1] += (long)event.volumeMwh;
            done.countDown();
        });
        final RingBuffer<PeriodEvent> ring = disruptor.start();
        try
        {
            for (int i = 0; i < EVENTS; i++)
            {
                final long sequence = ring.next();
                try
                {
                    final PeriodEvent event = ring.get(sequence);
                    event.settlementDay = 20_387;
                    event.period = 1 + i % 48;
                    event.volumeMwh = i;
                }
                finally
                {
                    ring.publish(sequence);
                }
            }
            assertTrue(done.await(30, TimeUnit.SECONDS), "handler saw " + seen[0] + " of " + EVENTS);
        }
        finally
        {
            disruptor.shutdown();
        }
        assertEquals(EVENTS, seen[0]);
        assertEquals((long)EVENTS * (EVENTS - 1) / 2, seen[1]);
        assertTrue(inOrder[0], "events arrived out of order");
    }
}
