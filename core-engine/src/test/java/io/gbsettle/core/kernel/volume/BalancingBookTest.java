package io.gbsettle.core.kernel.volume;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The book's rules: validation, overlap resolution, reuse across days, acceptances spanning periods and days, CADL
 * chains across periods.
 */
final class BalancingBookTest
{
    private static final long DAY = Instant.parse("2026-10-08T00:00:00Z").getEpochSecond();
    private static final double EPS = 1e-9;

    private final BalancingBook book = new BalancingBook(2, 8, 8, 8);
    private final AcceptedVolumes out = new AcceptedVolumes(2, 16);

    private static long at(final String hhmm)
    {
        return Instant.parse("2026-10-08T" + hhmm + ":00Z").getEpochSecond();
    }

    private void period(final int period)
    {
        AcceptanceVolumeKernel.period(VolumeOptions.DEFAULTS, book, period, out);
    }

    private void accept(final long number, final String from, final double levelFrom, final String to,
        final double levelTo)
    {
        book.addAcceptance(0, number, at(from) - 600, at(from), levelFrom, at(to), levelTo, false, false, false, false);
    }

    @Test
    void rejectsBadRows()
    {
        book.reset(DAY, 48);
        assertThrows(IllegalArgumentException.class, () -> book.addPn(2, 0, 1, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> book.addPn(-1, 0, 1, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> book.addPn(0, 10, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> book.addPn(0, 0, Double.NaN, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> book.addBod(0, 0, 0, 1, 10, 1, 50, 40));
        assertThrows(IllegalArgumentException.class, () -> book.addBod(0, 11, 0, 1, 10, 1, 50, 40));
        assertThrows(IllegalArgumentException.class, () -> book.addBod(0, 1, 0, 1, 10, 1, Double.NaN, 40));
        assertThrows(IllegalArgumentException.class, () -> book.reset(DAY, 51));
        for (int i = 0; i < 8; i++)
        {
            book.addPn(0, i, 1, i + 1, 1);
        }
        assertThrows(IllegalStateException.class, () -> book.addPn(0, 9, 1, 10, 1));
        assertThrows(IllegalStateException.class, () -> period(1), "not sealed");
        book.seal();
        assertThrows(IllegalStateException.class, () -> book.addPn(0, 0, 1, 10, 1), "sealed");
        assertThrows(IllegalArgumentException.class, () -> period(49));
        assertThrows(IllegalArgumentException.class, () -> period(0));
        assertThrows(IllegalArgumentException.class,
            () -> AcceptanceVolumeKernel.period(VolumeOptions.DEFAULTS, book, 1, new AcceptedVolumes(1, 4)));
    }

    @Test
    void laterStartingPnRowWinsWhereRowsOverlapWhateverTheArrivalOrder()
    {
        for (int order = 0; order < 2; order++)
        {
            book.reset(DAY, 48);
            if (order == 0)
            {
                book.addPn(0, at("10:00"), 10, at("10:30"), 10);
                book.addPn(0, at("10:10"), 40, at("10:20"), 40);
            }
            else
            {
                book.addPn(0, at("10:10"), 40, at("10:20"), 40);
                book.addPn(0, at("10:00"), 10, at("10:30"), 10);
                book.addPn(0, at("10:00"), 10, at("10:30"), 10); // duplicate
            }
            book.seal();
            period(21);
            assertEquals((20 * 10 + 10 * 40) / 60.0, out.fpn(0), EPS, "the earlier row resumes after the later one");
            assertEquals(0.0, out.fpn(1));
        }
    }

    @Test
    void rampedPnIsIntegratedAsATrapezoidClippedToThePeriod()
    {
        book.reset(DAY, 48);
        book.addPn(1, at("10:15"), 0, at("10:45"), 60); // 2 MW per minute, across two periods
        book.seal();
        period(21);
        assertEquals(15 * 15 / 60.0, out.fpn(1), EPS, "10:15-10:30 averages 15 MW");
        period(22);
        assertEquals(15 * 45 / 60.0, out.fpn(1), EPS, "10:30-10:45 averages 45 MW");
    }

    @Test
    void acceptanceSpanningPeriodsContributesToEach()
    {
        book.reset(DAY, 48);
        book.addPn(0, at("10:00"), 10, at("11:00"), 10);
        accept(1, "10:20", -40, "10:40", -40);
        book.seal();
        period(21);
        assertEquals(-50 * 10 / 60.0, out.totalBid(0), EPS);
        assertEquals(1200, out.continuousDurationSeconds(0));
        period(22);
        assertEquals(-50 * 10 / 60.0, out.totalBid(0), EPS);
        period(23);
        assertEquals(0, out.count());
    }

    @Test
    void acceptanceFromTheDayBeforeSetsTheBaselineAfterMidnight()
    {
        book.reset(DAY, 48);
        book.addPn(0, DAY - 1800, 0, DAY + 1800, 0);
        book.addAcceptance(0, 1, DAY - 3600, DAY - 1200, 20, DAY + 600, 20, false, false, false, false);
        book.addAcceptance(0, 2, DAY - 60, DAY, 30, DAY + 300, 30, true, false, false, false);
        book.seal();
        period(1);
        assertEquals(2, out.count());
        assertEquals(1, out.acceptanceNumber(0));
        assertEquals(20 * 10 / 60.0, out.offerVolume(0), EPS, "acc 1 counts only inside the period");
        assertEquals(2, out.acceptanceNumber(1));
        assertEquals(10 * 5 / 60.0, out.offerVolume(1), EPS, "acc 2 against acc 1's 20 MW");
        assertEquals(true, out.so(1));
        assertEquals(1800, out.continuousDurationSeconds(1), "the chain began the day before");
    }

    @Test
    void abuttingAcceptancesFormOneCadlChainAcrossPeriods()
    {
        book.reset(DAY, 48);
        accept(1, "10:20", 10, "10:25", 10);
        accept(2, "10:25", 20, "10:40", 20);
        accept(3, "10:41", 20, "10:45", 20);
        book.seal();
        period(22);
        assertEquals(1200, out.continuousDurationSeconds(0));
        assertEquals(2, out.acceptanceNumber(0));
        assertEquals(240, out.continuousDurationSeconds(1), "a one-minute gap breaks the chain");
        assertEquals(1200, book.continuousDurationSeconds(0, VolumeOptions.CadlChainRule.OVERLAPPING_OR_ABUTTING));
        assertEquals(300, book.continuousDurationSeconds(0, VolumeOptions.CadlChainRule.SINGLE_ACCEPTANCE));
    }

    @Test
    void resetForgetsTheDayBefore()
    {
        book.reset(DAY, 48);
        book.addPn(0, at("10:00"), 10, at("10:30"), 10);
        accept(1, "10:00", 0, "10:30", 0);
        book.seal();
        period(21);
        assertEquals(1, out.count());
        book.reset(DAY + 86_400, 46);
        book.addPn(1, DAY + 86_400, 4, DAY + 86_400 + 1800, 4);
        book.seal();
        period(1);
        assertEquals(0, out.count());
        assertEquals(0.0, out.fpn(0));
        assertEquals(2.0, out.fpn(1), EPS);
        assertEquals(0, book.acceptanceCount());
    }

    @Test
    void rowCapacityIsEnforced()
    {
        book.reset(DAY, 48);
        for (int k = 0; k < 3; k++)
        {
            book.addAcceptance(0, k, at("09:00") + k, at("10:00"), 10 * (k + 1), at("10:10"), 10 * (k + 1),
                false, false, false, false);
        }
        book.seal();
        assertThrows(IllegalStateException.class,
            () -> AcceptanceVolumeKernel.period(VolumeOptions.DEFAULTS, book, 21, new AcceptedVolumes(2, 2)));
    }
}
