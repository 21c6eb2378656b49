package io.gbsettle.core.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.agrona.concurrent.EpochMicroClock;
import org.agrona.concurrent.OffsetEpochNanoClock;

import io.gbsettle.core.kernel.indicative.IndicativeOptions;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.settle.SettlementContext;

/**
 * Everything an {@link Engine} is made of, in one place (the Aeron context pattern): set what differs from the
 * defaults, then {@link Engine#launch(EngineContext)}.
 *
 * <pre>{@code
 * try (Engine engine = Engine.launch(new EngineContext()
 *     .registry(registry)
 *     .journalDir(Path.of("journal"))
 *     .listener(record -> System.out.println(record))))
 * {
 *     engine.submitMetered(EventSource.FIRST_HOST, 1, epochDay, 17, bmUnit, -12.5);
 *     ...
 * }
 * }</pre>
 */
public final class EngineContext
{
    /** Default input ring size (a power of two). */
    public static final int DEFAULT_RING_SIZE = 1 << 16;
    /** Default result ring size (a power of two). */
    public static final int DEFAULT_RESULT_RING_SIZE = 1 << 16;
    /** Default number of input rows a new day is sized for (it grows beyond, once). */
    public static final int DEFAULT_ROWS_PER_DAY = 1 << 16;

    private MarketRegistry registry;
    private Path journalDir;
    private WaitStrategyKind waitStrategy = WaitStrategyKind.SLEEPING;
    private int ringSize = DEFAULT_RING_SIZE;
    private int resultRingSize = DEFAULT_RESULT_RING_SIZE;
    private int rowsPerDay = DEFAULT_ROWS_PER_DAY;
    private SettlementContext settlement = SettlementContext.defaults();
    private EpochMicroClock clock = new OffsetMicroClock();
    private final List<ResultListener> listeners = new ArrayList<>();
    private boolean indicative = true;
    private IndicativeOptions indicativeOptions = IndicativeOptions.DEFAULTS;
    private boolean singleProducer;
    private EnginePipeline pipeline = EnginePipeline.STAGED;

    /**
     * @param registry the market registry every index in the input records refers to (required).
     * @return this.
     */
    public EngineContext registry(final MarketRegistry registry)
    {
        this.registry = registry;
        return this;
    }

    /**
     * @return the market registry.
     */
    public MarketRegistry registry()
    {
        return registry;
    }

    /**
     * @param journalDir where inputs and results are journaled; {@code null} (the default) runs without a journal,
     *                   for tests, benchmarks and replays.
     * @return this.
     */
    public EngineContext journalDir(final Path journalDir)
    {
        this.journalDir = journalDir;
        return this;
    }

    /**
     * @return the journal directory, or {@code null}.
     */
    public Path journalDir()
    {
        return journalDir;
    }

    /**
     * @param waitStrategy how the ring's consumers wait for work (default {@link WaitStrategyKind#SLEEPING}, which
     *                     suits a 2-core machine; see {@link WaitStrategyKind}).
     * @return this.
     */
    public EngineContext waitStrategy(final WaitStrategyKind waitStrategy)
    {
        this.waitStrategy = Objects.requireNonNull(waitStrategy);
        return this;
    }

    /**
     * @return the wait strategy.
     */
    public WaitStrategyKind waitStrategy()
    {
        return waitStrategy;
    }

    /**
     * @param ringSize input ring slots, a power of two.
     * @return this.
     */
    public EngineContext ringSize(final int ringSize)
    {
        this.ringSize = requirePowerOfTwo(ringSize, "ringSize");
        return this;
    }

    /**
     * @return input ring slots.
     */
    public int ringSize()
    {
        return ringSize;
    }

    /**
     * @param resultRingSize result ring slots, a power of two.
     * @return this.
     */
    public EngineContext resultRingSize(final int resultRingSize)
    {
        this.resultRingSize = requirePowerOfTwo(resultRingSize, "resultRingSize");
        return this;
    }

    /**
     * @return result ring slots.
     */
    public int resultRingSize()
    {
        return resultRingSize;
    }

    /**
     * @param rowsPerDay input rows a new Settlement Day is sized for (a national day has about a million).
     * @return this.
     */
    public EngineContext rowsPerDay(final int rowsPerDay)
    {
        this.rowsPerDay = rowsPerDay;
        return this;
    }

    /**
     * @return input rows a new day is sized for.
     */
    public int rowsPerDay()
    {
        return rowsPerDay;
    }

    /**
     * @param settlement the kernels' choices for settlement runs (default {@link SettlementContext#defaults()}).
     * @return this.
     */
    public EngineContext settlement(final SettlementContext settlement)
    {
        this.settlement = Objects.requireNonNull(settlement);
        return this;
    }

    /**
     * @return the kernels' choices.
     */
    public SettlementContext settlement()
    {
        return settlement;
    }

    /**
     * @param clock stamps each input's receipt time (default: the wall clock sampled once, then advanced by
     *              {@code System.nanoTime()}, which allocates nothing; {@code Instant.now()} allocates an
     *              {@code Instant} whenever escape analysis does not remove it).
     * @return this.
     */
    public EngineContext clock(final EpochMicroClock clock)
    {
        this.clock = Objects.requireNonNull(clock);
        return this;
    }

    /**
     * @return the receipt clock.
     */
    public EpochMicroClock clock()
    {
        return clock;
    }

    /**
     * @param listener called, on the engine's publisher thread, with every result once its inputs are journaled.
     * @return this.
     */
    public EngineContext listener(final ResultListener listener)
    {
        listeners.add(Objects.requireNonNull(listener));
        return this;
    }

    /**
     * @return the listeners, in the order added.
     */
    public List<ResultListener> listeners()
    {
        return List.copyOf(listeners);
    }

    /**
     * @param indicative whether balancing data triggers real-time indicative prices (default true).
     * @return this.
     */
    public EngineContext indicative(final boolean indicative)
    {
        this.indicative = indicative;
        return this;
    }

    /**
     * @return whether real-time indicative prices are computed.
     */
    public boolean indicative()
    {
        return indicative;
    }

    /**
     * @param options the indicative prices' choices: ETLMO+ and ETLMO− (set them to the values approved for the BSC
     *                year) and the TLM side rule (default {@link IndicativeOptions#DEFAULTS}); the volume and price
     *                options always come from {@link #settlement()}.
     * @return this.
     */
    public EngineContext indicativeOptions(final IndicativeOptions options)
    {
        this.indicativeOptions = Objects.requireNonNull(options);
        return this;
    }

    /**
     * @return the indicative prices' choices.
     */
    public IndicativeOptions indicativeOptions()
    {
        return indicativeOptions;
    }

    /**
     * @param singleProducer true when only one thread ever submits (a single adapter, a replay, a benchmark): the
     *                       ring then skips the multi-producer claim protocol. Default false (adapters and hosts may
     *                       submit from several threads).
     * @return this.
     */
    public EngineContext singleProducer(final boolean singleProducer)
    {
        this.singleProducer = singleProducer;
        return this;
    }

    /**
     * @return whether only one thread submits.
     */
    public boolean singleProducer()
    {
        return singleProducer;
    }

    /**
     * @param pipeline how the work is spread over threads (default {@link EnginePipeline#STAGED}); see
     *                 {@link EnginePipeline} for which suits which machine.
     * @return this.
     */
    public EngineContext pipeline(final EnginePipeline pipeline)
    {
        this.pipeline = Objects.requireNonNull(pipeline);
        return this;
    }

    /**
     * @return how the work is spread over threads.
     */
    public EnginePipeline pipeline()
    {
        return pipeline;
    }

    /**
     * @throws IllegalStateException if something required is missing.
     */
    void conclude()
    {
        if (registry == null)
        {
            throw new IllegalStateException("EngineContext.registry(...) is required: the market registry every " +
                "BM Unit, party and account index refers to");
        }
    }

    private static int requirePowerOfTwo(final int value, final String name)
    {
        if (value < 2 || Integer.bitCount(value) != 1)
        {
            throw new IllegalArgumentException(name + " must be a power of two >= 2, got " + value);
        }
        return value;
    }

    /**
     * Epoch microseconds from Agrona's {@link OffsetEpochNanoClock}: allocation-free on the submit path.
     */
    private static final class OffsetMicroClock implements EpochMicroClock
    {
        private final OffsetEpochNanoClock nanos = new OffsetEpochNanoClock();

        @Override
        public long microTime()
        {
            return nanos.nanoTime() / 1000;
        }
    }
}
