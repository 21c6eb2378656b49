package io.gbsettle.core.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class SettlementCalendarTest
{
    static final SettlementCalendar CALENDAR = new SettlementCalendar();

    private static final LocalDate SWEEP_FIRST = LocalDate.of(2000, 1, 1);
    private static final LocalDate SWEEP_LAST = LocalDate.of(2040, 12, 31);

    @ParameterizedTest
    @CsvSource({
        "2025-03-30, 46",
        "2025-10-26, 50",
        "2026-03-29, 46",
        "2026-10-25, 50",
        "2025-06-15, 48",
        "2025-01-15, 48",
        "2025-03-29, 48",
        "2025-03-31, 48",
        "2025-10-25, 48",
        "2025-10-27, 48",
    })
    void periodsInADay(final LocalDate day, final int expected)
    {
        assertEquals(expected, CALENDAR.periodsIn(day.toEpochDay()));
        assertEquals(expected, CALENDAR.periodsIn(day));
    }

    @ParameterizedTest
    @CsvSource({
        // day, period, UTC start, local start
        "2025-10-26,  1, 2025-10-25T23:00:00Z, 2025-10-26T00:00+01:00",
        "2025-10-26,  2, 2025-10-25T23:30:00Z, 2025-10-26T00:30+01:00",
        "2025-10-26,  3, 2025-10-26T00:00:00Z, 2025-10-26T01:00+01:00",
        "2025-10-26,  4, 2025-10-26T00:30:00Z, 2025-10-26T01:30+01:00",
        "2025-10-26,  5, 2025-10-26T01:00:00Z, 2025-10-26T01:00Z",
        "2025-10-26,  6, 2025-10-26T01:30:00Z, 2025-10-26T01:30Z",
        "2025-10-26,  7, 2025-10-26T02:00:00Z, 2025-10-26T02:00Z",
        "2025-10-26, 50, 2025-10-26T23:30:00Z, 2025-10-26T23:30Z",
        "2025-03-30,  1, 2025-03-30T00:00:00Z, 2025-03-30T00:00Z",
        "2025-03-30,  2, 2025-03-30T00:30:00Z, 2025-03-30T00:30Z",
        "2025-03-30,  3, 2025-03-30T01:00:00Z, 2025-03-30T02:00+01:00",
        "2025-03-30, 46, 2025-03-30T22:30:00Z, 2025-03-30T23:30+01:00",
        "2026-03-29,  3, 2026-03-29T01:00:00Z, 2026-03-29T02:00+01:00",
        "2026-10-25,  1, 2026-10-24T23:00:00Z, 2026-10-25T00:00+01:00",
        "2026-10-25, 50, 2026-10-25T23:30:00Z, 2026-10-25T23:30Z",
        "2025-06-15,  1, 2025-06-14T23:00:00Z, 2025-06-15T00:00+01:00",
        "2025-06-15, 48, 2025-06-15T22:30:00Z, 2025-06-15T23:30+01:00",
        "2025-01-15,  1, 2025-01-15T00:00:00Z, 2025-01-15T00:00Z",
        "2025-01-15, 48, 2025-01-15T23:30:00Z, 2025-01-15T23:30Z",
    })
    void exactPeriodStarts(final LocalDate day, final int period, final Instant utcStart, final String localStart)
    {
        final long epochDay = day.toEpochDay();
        assertEquals(utcStart.getEpochSecond(), CALENDAR.periodStartEpochSecond(epochDay, period));
        assertEquals(utcStart.getEpochSecond() + 1800, CALENDAR.periodEndEpochSecond(epochDay, period));
        assertEquals(utcStart, CALENDAR.periodStart(day, period));
        assertEquals(utcStart.plusSeconds(1800), CALENDAR.periodEnd(day, period));

        final ZonedDateTime zoned = CALENDAR.zonedStart(day, period);
        assertEquals(localStart, zoned.toOffsetDateTime().toString());
        assertEquals(zoned.toLocalDateTime(), CALENDAR.localStart(day, period));
        final LocalDateTime local = zoned.toLocalDateTime();
        assertEquals(local.getHour() * 60 + local.getMinute(), CALENDAR.localStartMinuteOfDay(epochDay, period));

        assertEquals(epochDay, CALENDAR.settlementDayOf(utcStart.getEpochSecond()));
        assertEquals(period, CALENDAR.periodOf(utcStart.getEpochSecond()));
        assertEquals(new SettlementPeriod(day, period), CALENDAR.settlementPeriodOf(utcStart));
    }

    @Test
    void repeatedLocalHourOnTheLongDay()
    {
        final long day = LocalDate.of(2025, 10, 26).toEpochDay();
        final int[] expectedMinutes = { 0, 30, 60, 90, 60, 90, 120, 150 };
        for (int period = 1; period <= expectedMinutes.length; period++)
        {
            assertEquals(expectedMinutes[period - 1], CALENDAR.localStartMinuteOfDay(day, period), "period " + period);
        }
        assertEquals(23 * 60 + 30, CALENDAR.localStartMinuteOfDay(day, 50));
    }

    @Test
    void missingLocalHourOnTheShortDay()
    {
        final long day = LocalDate.of(2025, 3, 30).toEpochDay();
        final int[] expectedMinutes = { 0, 30, 120, 150, 180 };
        for (int period = 1; period <= expectedMinutes.length; period++)
        {
            assertEquals(expectedMinutes[period - 1], CALENDAR.localStartMinuteOfDay(day, period), "period " + period);
        }
        assertEquals(23 * 60 + 30, CALENDAR.localStartMinuteOfDay(day, 46));
    }

    @Test
    void instantsInsideAPeriodMapToIt()
    {
        final long start = Instant.parse("2025-10-26T01:00:00Z").getEpochSecond();
        final long day = LocalDate.of(2025, 10, 26).toEpochDay();
        assertEquals(5, CALENDAR.periodOf(start));
        assertEquals(5, CALENDAR.periodOf(start + 1799));
        assertEquals(6, CALENDAR.periodOf(start + 1800));
        assertEquals(day, CALENDAR.settlementDayOf(start + 1799));
        final long lastSecondOfDay = Instant.parse("2025-10-26T23:59:59Z").getEpochSecond();
        assertEquals(day, CALENDAR.settlementDayOf(lastSecondOfDay));
        assertEquals(50, CALENDAR.periodOf(lastSecondOfDay));
        assertEquals(day + 1, CALENDAR.settlementDayOf(lastSecondOfDay + 1));
        assertEquals(1, CALENDAR.periodOf(lastSecondOfDay + 1));
    }

    @Test
    void packedPeriods()
    {
        final long t = Instant.parse("2025-10-26T23:45:00Z").getEpochSecond();
        final long packed = CALENDAR.packedPeriodOf(t);
        assertEquals(LocalDate.of(2025, 10, 26).toEpochDay(), SettlementCalendar.unpackEpochDay(packed));
        assertEquals(50, SettlementCalendar.unpackPeriod(packed));
        assertEquals(SettlementCalendar.pack(LocalDate.of(2025, 10, 26).toEpochDay(), 50), packed);
        assertTrue(SettlementCalendar.pack(100, 50) < SettlementCalendar.pack(101, 1), "packed values sort by time");
    }

    @Test
    void supportedRange()
    {
        assertEquals(LocalDate.of(1990, 1, 1), CALENDAR.firstDay());
        assertEquals(LocalDate.of(2100, 12, 31), CALENDAR.lastDay());
        assertEquals(Instant.parse("1990-01-01T00:00:00Z").getEpochSecond(), CALENDAR.firstEpochSecond());
        assertEquals(Instant.parse("2101-01-01T00:00:00Z").getEpochSecond(), CALENDAR.endEpochSecond());
        assertEquals(SettlementCalendarProperties.FIRST_SECOND, CALENDAR.firstEpochSecond());
        assertEquals(SettlementCalendarProperties.LAST_SECOND, CALENDAR.endEpochSecond() - 1);
    }

    @Test
    void rejectsDaysOutsideTheSupportedRange()
    {
        final IllegalArgumentException before = assertThrows(
            IllegalArgumentException.class, () -> CALENDAR.periodsIn(LocalDate.of(1989, 12, 31).toEpochDay()));
        assertEquals(
            "settlement day 1989-12-31 is outside the supported range 1990-01-01..2100-12-31", before.getMessage());
        final IllegalArgumentException after = assertThrows(
            IllegalArgumentException.class,
            () -> CALENDAR.periodStartEpochSecond(LocalDate.of(2101, 1, 1).toEpochDay(), 1));
        assertEquals(
            "settlement day 2101-01-01 is outside the supported range 1990-01-01..2100-12-31", after.getMessage());
        final IllegalArgumentException huge =
            assertThrows(IllegalArgumentException.class, () -> CALENDAR.periodsIn(Long.MAX_VALUE));
        assertEquals("settlement day epoch day " + Long.MAX_VALUE +
            " is outside the supported range 1990-01-01..2100-12-31", huge.getMessage());
    }

    @Test
    void rejectsInstantsOutsideTheSupportedRange()
    {
        final IllegalArgumentException ex = assertThrows(
            IllegalArgumentException.class, () -> CALENDAR.periodOf(CALENDAR.firstEpochSecond() - 1));
        assertEquals("instant 1989-12-31T23:59:59Z is outside the supported range 1990-01-01..2100-12-31 " +
            "(1990-01-01T00:00:00Z inclusive to 2101-01-01T00:00:00Z exclusive)", ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CALENDAR.settlementDayOf(CALENDAR.endEpochSecond()));
        assertThrows(IllegalArgumentException.class, () -> CALENDAR.packedPeriodOf(Long.MIN_VALUE));
    }

    @Test
    void rejectsPeriodsNotInTheDay()
    {
        final long shortDay = LocalDate.of(2025, 3, 30).toEpochDay();
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> CALENDAR.periodStartEpochSecond(shortDay, 47));
        assertEquals("settlement day 2025-03-30 has periods 1..46; period 47 does not exist", ex.getMessage());
        final IllegalArgumentException zero =
            assertThrows(IllegalArgumentException.class, () -> CALENDAR.localStartMinuteOfDay(shortDay, 0));
        assertEquals("settlement day 2025-03-30 has periods 1..46; period 0 does not exist", zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CALENDAR.periodEndEpochSecond(shortDay + 1, 49));
        assertEquals(
            LocalDate.of(2025, 10, 26).atStartOfDay(SettlementCalendar.ZONE).toEpochSecond() + 49 * 1800L,
            CALENDAR.periodStartEpochSecond(LocalDate.of(2025, 10, 26).toEpochDay(), 50));
    }

    @Test
    void rejectsAnEmptyRange()
    {
        assertThrows(
            IllegalArgumentException.class,
            () -> new SettlementCalendar(LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 1)));
    }

    @Test
    void aNarrowCalendarAgreesWithTheDefaultOne()
    {
        final SettlementCalendar narrow =
            new SettlementCalendar(LocalDate.of(2025, 10, 26), LocalDate.of(2025, 10, 26));
        final long day = LocalDate.of(2025, 10, 26).toEpochDay();
        for (int period = 1; period <= 50; period++)
        {
            assertEquals(CALENDAR.periodStartEpochSecond(day, period), narrow.periodStartEpochSecond(day, period));
            assertEquals(CALENDAR.localStartMinuteOfDay(day, period), narrow.localStartMinuteOfDay(day, period));
        }
        assertEquals(day, narrow.settlementDayOf(narrow.endEpochSecond() - 1));
    }

    /**
     * Every day 2000-2040, checked against java.time directly: period count and lengths, both directions of the
     * mapping, and contiguity across day boundaries.
     */
    @Test
    void sweepEveryDayAndPeriod2000To2040()
    {
        long previousEnd = LocalDate.of(1999, 12, 31).atStartOfDay(SettlementCalendar.ZONE).toEpochSecond() +
            CALENDAR.periodsIn(LocalDate.of(1999, 12, 31).toEpochDay()) * 1800L;
        int shortDays = 0;
        int longDays = 0;
        for (LocalDate day = SWEEP_FIRST; !day.isAfter(SWEEP_LAST); day = day.plusDays(1))
        {
            final long epochDay = day.toEpochDay();
            final ZonedDateTime midnight = day.atStartOfDay(SettlementCalendar.ZONE);
            final ZonedDateTime nextMidnight = day.plusDays(1).atStartOfDay(SettlementCalendar.ZONE);
            final long realLength = Duration.between(midnight, nextMidnight).getSeconds();
            final int periods = CALENDAR.periodsIn(epochDay);
            if (periods * 1800L != realLength)
            {
                fail(day + ": " + periods + " periods but the day is " + realLength + " s long");
            }
            shortDays += periods == 46 ? 1 : 0;
            longDays += periods == 50 ? 1 : 0;
            if (CALENDAR.dayStartEpochSecond(epochDay) != midnight.toEpochSecond())
            {
                fail(day + ": day starts at the wrong instant");
            }

            long sumOfLengths = 0;
            for (int period = 1; period <= periods; period++)
            {
                final long start = CALENDAR.periodStartEpochSecond(epochDay, period);
                final long end = CALENDAR.periodEndEpochSecond(epochDay, period);
                if (start != previousEnd)
                {
                    fail(day + "/" + period + ": starts at " + start + ", previous period ended at " + previousEnd);
                }
                sumOfLengths += end - start;
                previousEnd = end;
                for (final long t : new long[]{ start, start + 1, start + 1799 })
                {
                    if (CALENDAR.settlementDayOf(t) != epochDay || CALENDAR.periodOf(t) != period)
                    {
                        fail(day + "/" + period + ": instant " + Instant.ofEpochSecond(t) + " maps to " +
                            LocalDate.ofEpochDay(CALENDAR.settlementDayOf(t)) + "/" + CALENDAR.periodOf(t));
                    }
                }
                final long packed = CALENDAR.packedPeriodOf(start);
                if (SettlementCalendar.unpackEpochDay(packed) != epochDay ||
                    SettlementCalendar.unpackPeriod(packed) != period)
                {
                    fail(day + "/" + period + ": packed look-up disagrees");
                }
                final int localMinute = CALENDAR.localStartMinuteOfDay(epochDay, period);
                final LocalDateTime local = LocalDateTime.ofEpochSecond(
                    start, 0, SettlementCalendar.ZONE.getRules().getOffset(Instant.ofEpochSecond(start)));
                if (localMinute != local.getHour() * 60 + local.getMinute() || !local.toLocalDate().equals(day))
                {
                    fail(day + "/" + period + ": local start " + localMinute + " min, java.time says " + local);
                }
            }
            if (sumOfLengths != realLength || previousEnd != nextMidnight.toEpochSecond())
            {
                fail(day + ": periods cover " + sumOfLengths + " s, the day is " + realLength + " s");
            }
        }
        assertEquals(41, shortDays, "one spring-forward day a year");
        assertEquals(41, longDays, "one fall-back day a year");
    }

    @Test
    void everySupportedDayHasAStandardPeriodCount()
    {
        int year = CALENDAR.firstDay().getYear();
        int shortDays = 0;
        int longDays = 0;
        for (long day = CALENDAR.firstEpochDay(); day <= CALENDAR.lastEpochDay(); day++)
        {
            final int periods = CALENDAR.periodsIn(day);
            assertTrue(periods == 46 || periods == 48 || periods == 50, "periods in " + LocalDate.ofEpochDay(day));
            shortDays += periods == 46 ? 1 : 0;
            longDays += periods == 50 ? 1 : 0;
            if (LocalDate.ofEpochDay(day + 1).getYear() != year || day == CALENDAR.lastEpochDay())
            {
                assertEquals(1, shortDays, "46-period days in " + year);
                assertEquals(1, longDays, "50-period days in " + year);
                shortDays = 0;
                longDays = 0;
                year++;
            }
        }
    }

    @Test
    void zoneOffsetsAreWhatTheTablesAssume()
    {
        assertEquals(ZoneOffset.UTC, CALENDAR.zonedStart(LocalDate.of(2025, 1, 15), 1).getOffset());
        assertEquals(ZoneOffset.ofHours(1), CALENDAR.zonedStart(LocalDate.of(2025, 7, 15), 1).getOffset());
    }
}
