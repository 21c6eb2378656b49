package io.gbsettle.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.gbsettle.core.kernel.price.ImbalancePriceKernel;
import io.gbsettle.core.kernel.price.PriceOptions;
import io.gbsettle.core.kernel.price.PriceParameters;
import io.gbsettle.core.kernel.price.PriceResult;
import io.gbsettle.core.kernel.price.PriceStack;
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
     * Builds the stacks: about 85% BOA rows over a few hundred acceptances and 150 BM Units, the rest BSAD (a few
     * unpriced), prices on a 5 GBP grid so that ties occur, 10% tiny volumes, 1 in 8 SO-flagged, some CADL and STOR.
     */
    @Setup
    public void setUp()
    {
        final SplittableRandom random = new SplittableRandom(42);
        for (int s = 0; s < STACKS; s++)
        {
            final PriceStack stack = new PriceStack(actions);
            final boolean systemShort = (s & 1) == 0;
            for (int i = 0; i < actions; i++)
            {
                final boolean buy = random.nextDouble() < (systemShort ? 0.65 : 0.35);
                final double magnitude = random.nextInt(10) == 0 ? random.nextDouble() * 0.3 :
                    0.5 + random.nextInt(60) * 0.5;
                final double volume = buy ? magnitude : -magnitude;
                final double price = buy ? 40 + random.nextInt(40) * 5 : -20 + random.nextInt(30) * 5;
                final boolean so = random.nextInt(8) == 0;
                final boolean stor = random.nextInt(25) == 0;
                if (random.nextInt(7) == 0)
                {
                    stack.addBsad(i, volume, random.nextInt(12) == 0 ? Double.NaN : price, so, stor);
                }
                else
                {
                    final double tlm = buy ? 0.97 + random.nextInt(30) * 0.001 : 1.0 + random.nextInt(30) * 0.001;
                    stack.addBoa(random.nextInt(150), random.nextInt(actions / 2), buy ? 1 : -1, volume, price, tlm,
                        so, random.nextInt(10) == 0 ? PriceStack.CADL_DERIVE : PriceStack.CADL_NO,
                        random.nextInt(1200), stor);
                }
            }
            stack.setAdjusters(2.5, -1);
            stack.setLolp(0.01);
            stack.setStorAvailabilityWindow(true);
            stack.addMarketIndex(80, 1500);
            stacks[s] = stack;
        }
        result = new PriceResult(actions);
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
