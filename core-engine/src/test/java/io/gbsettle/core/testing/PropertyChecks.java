package io.gbsettle.core.testing;

import org.quicktheories.QuickTheory;

/**
 * Entry point of every property test: QuickTheories with a fixed seed, so that the suite is deterministic and a
 * failure reproduces. Run with {@code -Dgbsettle.seed=N} to explore other seeds locally; a failing example is
 * shrunk and printed with the seed that found it.
 *
 * <pre>{@code
 * PropertyChecks.check(2_000).forAll(integers().between(1, 50)).checkAssert(period -> ...);
 * }</pre>
 */
public final class PropertyChecks
{
    /** The suite's seed unless {@code gbsettle.seed} says otherwise. */
    public static final long DEFAULT_SEED = 0x5E77_1E5EL;

    private PropertyChecks()
    {
    }

    /**
     * @param examples how many generated examples to check.
     * @return a theory with the suite's seed.
     */
    public static QuickTheory check(final int examples)
    {
        return QuickTheory.qt().withFixedSeed(Long.getLong("gbsettle.seed", DEFAULT_SEED)).withExamples(examples);
    }
}
