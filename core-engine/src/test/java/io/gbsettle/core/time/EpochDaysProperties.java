package io.gbsettle.core.time;

import java.time.LocalDate;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EpochDaysProperties
{
    @Property(tries = 2000)
    void plusMonthsAgreesWithLocalDate(
        @ForAll @IntRange(min = -25_000, max = 60_000) final int epochDay,
        @ForAll @IntRange(min = -120, max = 120) final int months)
    {
        assertEquals(
            LocalDate.ofEpochDay(epochDay).plusMonths(months).toEpochDay(),
            EpochDays.plusMonthsClamped(epochDay, months));
    }
}
