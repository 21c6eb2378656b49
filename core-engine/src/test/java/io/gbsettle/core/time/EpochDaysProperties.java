package io.gbsettle.core.time;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static io.gbsettle.core.testing.PropertyChecks.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.generators.SourceDSL.integers;

class EpochDaysProperties
{
    @Test
    void plusMonthsAgreesWithLocalDate()
    {
        check(2000).forAll(integers().between(-25_000, 60_000), integers().between(-120, 120))
            .checkAssert((final Integer epochDay, final Integer months) -> assertEquals(
                LocalDate.ofEpochDay(epochDay).plusMonths(months).toEpochDay(),
                EpochDays.plusMonthsClamped(epochDay, months)));
    }
}
