package io.gbsettle.core.registry;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnergyAccountTest
{
    @Test
    void twoAccountsPerPartyProductionFirst()
    {
        assertEquals(0, EnergyAccount.index(0, true));
        assertEquals(1, EnergyAccount.index(0, false));
        assertEquals(14, EnergyAccount.index(7, true));
        assertEquals(15, EnergyAccount.index(7, false));
        assertEquals(7, EnergyAccount.party(15));
        assertTrue(EnergyAccount.isProduction(14));
        assertFalse(EnergyAccount.isProduction(15));
        assertEquals(700, EnergyAccount.count(350));
    }
}
