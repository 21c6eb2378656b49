package io.gbsettle.benchmarks;

import java.util.concurrent.TimeUnit;

import io.gbsettle.core.kernel.price.ImbalancePriceKernel;
import io.gbsettle.core.kernel.price.PriceOptions;
import io.gbsettle.core.kernel.price.PriceParameters;
import io.gbsettle.core.kernel.price.PriceResult;
import io.gbsettle.core.kernel.price.PriceStack;
import io.gbsettle.core.kernel.price.SyntheticStack;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole imbalance price pipeline (STOR, flags, ranked sets, de minimis, arbitrage, classification, NIV,
 * replacement price, PAR, TLM-weighted average) on a realistic 500-action stack: the budget is 20 us and 0 B/op.
 * Eight different stacks are priced in turn so that the branch predictor does not learn one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PriceBenchmark
{
    private static final int STACKS = 8;

    /** Actions per period. */
    @Param({"500"})
    public int actions;

    private final PriceStack[] stacks = new PriceStack[STACKS];
    private PriceResult result;
    private PriceParameters parameters;
    private PriceOptions options;
    private int next;

    /**
     * Builds the stacks with {@link SyntheticStack} (seeds 42 to 49): realistic periods with ties, flags, tiny
     * volumes, unpriced BSAD and STOR, each short or long as its seed decides.
     */
    @Setup
    public void setUp()
    {
        for (int s = 0; s < STACKS; s++)
        {
            stacks[s] = SyntheticStack.newStack(actions);
            SyntheticStack.fill(42 + s, actions, stacks[s]);
        }
        result = new PriceResult(SyntheticStack.capacity(actions));
        parameters = PriceParameters.on(java.time.LocalDate.of(2024, 5, 1).toEpochDay());
        options = PriceOptions.defaults();
    }

    /**
     * @return the system price of the next stack.
     */
    @Benchmark
    public double price()
    {
        next = (next + 1) & (STACKS - 1);
        ImbalancePriceKernel.price(parameters, options, stacks[next], result);
        return result.systemPrice();
    }
}
