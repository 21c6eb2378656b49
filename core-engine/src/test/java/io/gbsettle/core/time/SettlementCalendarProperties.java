package io.gbsettle.core.time;

import java.time.Instant;
import java.time.LocalDate;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettlementCalendarProperties
{
    /** 1990-01-01T00:00:00Z, the first supported instant. */
    static final long FIRST_SECOND = 631_152_000L;
    /** 2101-01-01T00:00:00Z less one second, the last supported instant. */
    static final long LAST_SECOND = 4_133_980_799L;
    /** 1990-01-01 as an epoch day. */
    static final int FIRST_DAY = 7305;
    /** 2100-12-31 as an epoch day. */
    static final int LAST_DAY = 47_846;

    private static final SettlementCalendar CALENDAR = SettlementCalendarTest.CALENDAR;

    @Property(tries = 5000)
    void everyInstantFallsInsideItsPeriod(@ForAll @LongRange(min = FIRST_SECOND, max = LAST_SECOND) final long t)
    {
        final long day = CALENDAR.settlementDayOf(t);
        final int period = CALENDAR.periodOf(t);
        final long start = CALENDAR.periodStartEpochSecond(day, period);
        final long end = CALENDAR.periodEndEpochSecond(day, period);
        assertTrue(start <= t && t < end, () -> Instant.ofEpochSecond(t) + " not in " +
            LocalDate.ofEpochDay(day) + "/" + period);
        assertEquals(LocalDate.ofInstant(Instant.ofEpochSecond(t), SettlementCalendar.ZONE).toEpochDay(), day);
        final long packed = CALENDAR.packedPeriodOf(t);
        assertEquals(day, SettlementCalendar.unpackEpochDay(packed));
        assertEquals(period, SettlementCalendar.unpackPeriod(packed));
    }

    @Property(tries = 2000)
    void everyPeriodRoundTrips(
        @ForAll @IntRange(min = FIRST_DAY, max = LAST_DAY) final int day,
        @ForAll @IntRange(min = 1, max = 50) final int anyPeriod)
    {
        final int period = 1 + (anyPeriod - 1) % CALENDAR.periodsIn(day);
        final long start = CALENDAR.periodStartEpochSecond(day, period);
        assertEquals(day, CALENDAR.settlementDayOf(start));
        assertEquals(period, CALENDAR.periodOf(start));
        assertEquals(day, CALENDAR.settlementDayOf(start + SettlementCalendar.PERIOD_SECONDS - 1));
        assertEquals(period, CALENDAR.periodOf(start + SettlementCalendar.PERIOD_SECONDS - 1));
    }
}
