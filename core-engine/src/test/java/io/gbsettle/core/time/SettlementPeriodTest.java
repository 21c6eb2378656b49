package io.gbsettle.core.time;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettlementPeriodTest
{
    @Test
    void parsesAndFormats()
    {
        final SettlementPeriod period = SettlementPeriod.parse("2025-10-26/49");
        assertEquals(new SettlementPeriod(LocalDate.of(2025, 10, 26), 49), period);
        assertEquals("2025-10-26/49", period.format());
        assertEquals("2025-10-26/49", period.toString());
        assertEquals(period, SettlementPeriod.parse(" 2025-10-26/49 "));
        assertEquals("2025-01-01/1", SettlementPeriod.parse("2025-01-01/1").format());
    }

    @Test
    void ordersByTime()
    {
        assertTrue(SettlementPeriod.parse("2025-10-26/50").compareTo(SettlementPeriod.parse("2025-10-27/1")) < 0);
        assertTrue(SettlementPeriod.parse("2025-10-26/3").compareTo(SettlementPeriod.parse("2025-10-26/10")) < 0);
    }

    @Test
    void rejectsMalformedText()
    {
        assertEquals("'2025-10-26' is not a settlement period; expected YYYY-MM-DD/P",
            assertThrows(IllegalArgumentException.class, () -> SettlementPeriod.parse("2025-10-26")).getMessage());
        assertEquals("'2025-13-26/4' is not a settlement period: bad date; expected YYYY-MM-DD/P",
            assertThrows(IllegalArgumentException.class, () -> SettlementPeriod.parse("2025-13-26/4")).getMessage());
        assertEquals("'2025-10-26/x' is not a settlement period: bad period; expected YYYY-MM-DD/P",
            assertThrows(IllegalArgumentException.class, () -> SettlementPeriod.parse("2025-10-26/x")).getMessage());
        assertEquals("settlement period 51 of 2025-10-26 is not in 1..50",
            assertThrows(IllegalArgumentException.class, () -> SettlementPeriod.parse("2025-10-26/51")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SettlementPeriod(LocalDate.of(2025, 1, 1), 0));
    }
}
