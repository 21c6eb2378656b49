package io.gbsettle.core.engine;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.event.EventType;
import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.event.ResultRecord;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.settle.SettlementContext;
import io.gbsettle.core.testing.AllocationAssert;
import io.gbsettle.core.time.EpochDays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The steady-state path from submit to result allocates nothing: on the calculation itself (one thread, exact), and
 * across every engine thread plus the producer while a stream of records goes through the running engine.
 */
final class EngineAllocationTest
{
    private static final MarketRegistry REGISTRY = SyntheticRegistry.generate(7, SyntheticRegistry.Size.SMALL);
    private static final long DAY = EpochDays.of(2025, 6, 10);

    @Test
    void applyingAndCalculatingAllocatesNothing()
    {
        final EngineCore core = new EngineCore(REGISTRY, SettlementContext.defaults(), 1 << 20, true);
        final UnsafeBuffer recordBuffer = new UnsafeBuffer(new byte[InputEvent.LENGTH]);
        final InputEvent event = new InputEvent().wrap(recordBuffer, 0);
        final ResultRecord record = new ResultRecord();
        final UnsafeBuffer resultBuffer = new UnsafeBuffer(new byte[ResultRecord.LENGTH]);
        final ResultSink sink = new ResultSink()
        {
            public ResultRecord claim()
            {
                return record.wrap(resultBuffer, 0);
            }

            public void commit(final long gatePosition)
            {
            }
        };
        final long[] n = {0};
        AllocationAssert.assertZeroAllocation("EngineCore.onInput", () ->
        {
            final long i = n[0]++;
            next(event, i);
            core.onInput(event, (i & 7) == 7, sink);
        }, 20_000, 10_000);
    }

    @Test
    void submitToResultThroughTheRunningEngineAllocatesNothing() throws Exception
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long[] results = {0};
        try (Engine engine = Engine.launch(new EngineContext().registry(REGISTRY).rowsPerDay(1 << 20)
            .listener(record -> results[0]++)))
        {
            long last = 0;
            for (int i = 0; i < 50_000; i++)
            {
                last = submit(engine, i);
            }
            engine.awaitProcessed(last, 30, TimeUnit.SECONDS);

            final long[] ids = engineThreadIds();
            final long before = total(threads, ids);
            for (int i = 50_000; i < 60_000; i++)
            {
                last = submit(engine, i);
            }
            engine.awaitProcessed(last, 30, TimeUnit.SECONDS);
            final long after = total(threads, ids);
            assertEquals(0, after - before, "bytes allocated by the producer and the engine's threads for 10,000 " +
                "records");
        }
    }

    private static long submit(final Engine engine, final long i)
    {
        final int unit = (int)(i % REGISTRY.bmUnitCount());
        final int period = (int)(i % 48) + 1;
        return (i & 3) == 0 ?
            engine.submitPeriodValue(EventType.MARKET_INDEX, EventSource.SYNTHETIC, i, DAY, period, 1, 50 + i % 7,
                100, 0) :
            engine.submitMetered(EventSource.SYNTHETIC, i, DAY, period, unit, -(i % 13));
    }

    private static void next(final InputEvent event, final long i)
    {
        final int unit = (int)(i % REGISTRY.bmUnitCount());
        final int period = (int)(i % 48) + 1;
        event.reset(EventType.METERED_VOLUME, DAY, period, EventSource.SYNTHETIC, i).subject(unit)
            .values(-(i % 13), 0, 0, 0).position(i);
    }

    private static long[] engineThreadIds()
    {
        final Thread[] all = new Thread[Thread.activeCount() + 16];
        final int count = Thread.enumerate(all);
        int engine = 0;
        final long[] ids = new long[count];
        for (int t = 0; t < count; t++)
        {
            if (all[t].getName().startsWith("gbsettle-") || all[t] == Thread.currentThread())
            {
                ids[engine++] = all[t].getId();
            }
        }
        return java.util.Arrays.copyOf(ids, engine);
    }

    private static long total(final com.sun.management.ThreadMXBean threads, final long[] ids)
    {
        long sum = 0;
        for (final long id : ids)
        {
            sum += threads.getThreadAllocatedBytes(id);
        }
        return sum;
    }
}
