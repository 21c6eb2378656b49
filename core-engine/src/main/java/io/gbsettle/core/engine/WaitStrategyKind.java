package io.gbsettle.core.engine;

import java.util.concurrent.TimeUnit;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.LiteBlockingWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.TimeoutBlockingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/**
 * How the engine's ring consumers wait for work. The engine runs three consumer threads (journal, calculation,
 * publisher) plus the producers; spinning strategies only pay off when each of them has a core of its own.
 *
 * <p>Measured on the 2-core build machine (lowlatency-java.md §3.3: 3 handlers + producer): sleeping 25-36 M
 * events/s, lite-blocking 20-28, yielding 12-16, blocking 10, busy-spin 8 (spinners starve their peers). Hence the
 * default {@link #SLEEPING}; choose {@link #YIELDING} or {@link #BUSY_SPIN} on a host with isolated cores for the
 * lowest latency.
 */
public enum WaitStrategyKind
{
    /** Spin, then yield, then park for 100 ns at a time: best throughput on few cores; the default. */
    SLEEPING,
    /** Lock and condition, signalled only when a consumer waits: low CPU when idle. */
    LITE_BLOCKING,
    /** Lock and condition: the most conservative, lowest CPU. */
    BLOCKING,
    /** Spin, then {@code Thread.yield()}: low latency when consumers are fewer than cores. */
    YIELDING,
    /** Spin only: lowest latency, needs a physical core per consumer. */
    BUSY_SPIN;

    /**
     * @return a new Disruptor wait strategy of this kind.
     */
    public WaitStrategy newStrategy()
    {
        return switch (this)
        {
            case SLEEPING -> new SleepingWaitStrategy();
            case LITE_BLOCKING -> new LiteBlockingWaitStrategy();
            case BLOCKING -> new TimeoutBlockingWaitStrategy(1, TimeUnit.SECONDS);
            case YIELDING -> new YieldingWaitStrategy();
            case BUSY_SPIN -> new BusySpinWaitStrategy();
        };
    }
}
