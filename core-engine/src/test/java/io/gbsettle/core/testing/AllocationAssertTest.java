package io.gbsettle.core.testing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The zero-allocation gate must pass allocation-free code and catch code that allocates, boxing included.
 */
final class AllocationAssertTest
{
    private static final long[] VALUES = new long[1024];
    private static volatile Object sink;
    private static volatile long longSink;

    @Test
    void passesPrimitiveLoop()
    {
        AllocationAssert.assertZeroAllocation("sum of a long[]", AllocationAssertTest::sumValues);
    }

    @Test
    void catchesArrayAllocationAndReportsBytes()
    {
        final AssertionError error = assertThrows(AssertionError.class, () ->
            AllocationAssert.assertZeroAllocation("new long[16]", () -> sink = new long[16], 1_000, 1_000));
        assertTrue(error.getMessage().startsWith("new long[16] allocated "), error.getMessage());
        assertTrue(error.getMessage().contains("expected 0"), error.getMessage());
    }

    @Test
    void countsBytesExactlyEnoughToSeeOneArrayPerRun()
    {
        // A long[16] is 16 * 8 bytes of payload plus a header: at least 128 bytes per run.
        final long bytes = AllocationAssert.allocatedBytes(() -> sink = new long[16], 1_000, 1_000);
        assertTrue(bytes >= 128L * 1_000, "measured " + bytes);
    }

    @Test
    void catchesBoxingThatEscapes()
    {
        assertThrows(AssertionError.class, () ->
            AllocationAssert.assertZeroAllocation(
                "boxing", () -> sink = Long.valueOf(longSink++ | 1024), 1_000, 1_000));
    }

    @Test
    void rejectsNonsenseArguments()
    {
        assertThrows(IllegalArgumentException.class, () -> AllocationAssert.allocatedBytes(() -> { }, 0, 0));
        assertEquals(0, AllocationAssert.allocatedBytes(() -> { }, 10, 10));
    }

    private static void sumValues()
    {
        long sum = 0;
        for (final long v : VALUES)
        {
            sum += v;
        }
        longSink = sum;
    }
}
