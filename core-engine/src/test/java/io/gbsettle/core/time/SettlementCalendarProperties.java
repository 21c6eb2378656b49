package io.gbsettle.core.time;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static io.gbsettle.core.testing.PropertyChecks.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

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

    @Test
    void everyInstantFallsInsideItsPeriod()
    {
        check(5000).forAll(longs().between(FIRST_SECOND, LAST_SECOND))
            .checkAssert(SettlementCalendarProperties::instantFallsInsideItsPeriod);
    }

    @Test
    void everyPeriodRoundTrips()
    {
        check(2000).forAll(integers().between(FIRST_DAY, LAST_DAY), integers().between(1, 50))
            .checkAssert(SettlementCalendarProperties::periodRoundTrips);
    }

    private static void instantFallsInsideItsPeriod(final long t)
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

    private static void periodRoundTrips(final int day, final int anyPeriod)
    {
        final int period = 1 + (anyPeriod - 1) % CALENDAR.periodsIn(day);
        final long start = CALENDAR.periodStartEpochSecond(day, period);
        assertEquals(day, CALENDAR.settlementDayOf(start));
        assertEquals(period, CALENDAR.periodOf(start));
        assertEquals(day, CALENDAR.settlementDayOf(start + SettlementCalendar.PERIOD_SECONDS - 1));
        assertEquals(period, CALENDAR.periodOf(start + SettlementCalendar.PERIOD_SECONDS - 1));
    }
}
