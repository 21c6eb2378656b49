package io.gbsettle.core.engine;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.event.EventType;
import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.event.ResultRecord;
import io.gbsettle.core.event.ResultType;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.settle.SettlementContext;
import io.gbsettle.core.testing.AllocationAssert;
import io.gbsettle.core.time.EpochDays;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The steady-state path from submit to result allocates nothing: on the calculation itself (one thread, exact), and
 * across every engine thread plus the producer while a stream of records goes through the running engine with its
 * journal on (inputs and results appended to Chronicle Queue).
 */
final class EngineAllocationTest
{
    private static final MarketRegistry REGISTRY = SyntheticRegistry.generate(7, SyntheticRegistry.Size.SMALL);
    private static final long DAY = EpochDays.of(2025, 6, 10);
    private static final int RECORDS_PER_ROUND = 10_000;
    private static final long DAY_START = new io.gbsettle.core.time.SettlementCalendar(
        java.time.LocalDate.ofEpochDay(DAY), java.time.LocalDate.ofEpochDay(DAY)).periodStartEpochSecond(DAY, 1);

    @Test
    void applyingAndCalculatingAllocatesNothing()
    {
        final EngineCore core = new EngineCore(REGISTRY, SettlementContext.defaults(), 1 << 20,
            io.gbsettle.core.kernel.indicative.IndicativeOptions.DEFAULTS);
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

    @ParameterizedTest
    @EnumSource(EnginePipeline.class)
    void submitToResultThroughTheRunningEngineAllocatesNothing(final EnginePipeline pipeline,
        @TempDir final Path journal) throws Exception
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long[] results = {0};
        try (Engine engine = Engine.launch(new EngineContext().registry(REGISTRY).rowsPerDay(1 << 20).pipeline(pipeline)
            .journalDir(journal)
            .listener(record -> results[0] += record.type() == ResultType.INDICATIVE_PRICE ? 1 : 0)))
        {
            long last = 0;
            for (int i = 0; i < 50_000; i++)
            {
                last = submit(engine, i);
            }
            engine.awaitProcessed(last, 30, TimeUnit.SECONDS);

            final long[] ids = engineThreadIds();
            long best = Long.MAX_VALUE;
            long published = 0;
            for (int round = 0; round < 5 && best != 0; round++)
            {
                final long before = total(threads, ids);
                final long publishedBefore = results[0];
                final int from = 50_000 + round * RECORDS_PER_ROUND;
                for (int i = from; i < from + RECORDS_PER_ROUND; i++)
                {
                    last = submit(engine, i);
                    if (i % 50 == 49)
                    {
                        engine.awaitProcessed(last, 30, TimeUnit.SECONDS);
                    }
                }
                engine.awaitProcessed(last, 30, TimeUnit.SECONDS);
                best = Math.min(best, total(threads, ids) - before);
                published = results[0] - publishedBefore;
            }
            // lowlatency-java.md §5.2: delta / N < 0.1. Any allocation made per record is at least 16 bytes (160,000
            // bytes over the round); what is left below the bound is the runtime's one-off noise across three threads
            // (a deoptimisation, a late class initialisation) on a loaded machine.
            assertTrue(best < RECORDS_PER_ROUND / 10, "bytes allocated by the " +
                "producer and the engine's threads for 10,000 records (best of up to 5 rounds): " + best);
            assertTrue(published >= 200, "indicative prices were published: " +
                published);
        }
    }

    private static long submit(final Engine engine, final long i)
    {
        final int unit = (int)(i % REGISTRY.bmUnitCount());
        final int period = (int)(i % 48) + 1;
        final long start = DAY_START + (period - 1) * 1800L;
        return switch ((int)(i & 3))
        {
            case 0 -> engine.submitPeriodValue(EventType.MARKET_INDEX, EventSource.SYNTHETIC, i, DAY, period, 1,
                50 + i % 7, 100, 0);
            case 1 -> engine.submitBod(EventSource.SYNTHETIC, i, DAY, unit, 1, start, 100, start + 1800, 100,
                60 + i % 11, 40);
            case 2 -> engine.submitAcceptance(EventSource.SYNTHETIC, i, DAY, unit, 1 + i % 5, start - 300, start,
                10 + i % 3, start + 1800, 20 + i % 7, 0);
            default -> engine.submitMetered(EventSource.SYNTHETIC, i, DAY, period, unit, -(i % 13));
        };
    }

    private static void next(final InputEvent event, final long i)
    {
        final int unit = (int)(i % REGISTRY.bmUnitCount());
        final int period = (int)(i % 48) + 1;
        final long start = DAY_START + (period - 1) * 1800L;
        if ((i & 1) == 0)
        {
            event.reset(EventType.METERED_VOLUME, DAY, period, EventSource.SYNTHETIC, i).subject(unit)
                .values(-(i % 13), 0, 0, 0).position(i);
        }
        else
        {
            event.reset(EventType.ACCEPTANCE_SEGMENT, DAY, 0, EventSource.SYNTHETIC, i).subject(unit).key(1 + i % 5)
                .times(start, start + 1800, start - 300).values(10 + i % 3, 20 + i % 7, 0, 0).position(i);
        }
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
