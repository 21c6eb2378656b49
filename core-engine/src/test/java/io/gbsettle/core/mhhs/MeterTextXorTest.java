package io.gbsettle.core.mhhs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link MeterText#xor32} (the pool checksum the meter files carry) against the reference note's vectors
 * ({@code dflows-sftp.md} §3.3), the same ones the adapter's {@code Xor32Test} uses.
 */
final class MeterTextXorTest
{
    @Test
    void iddExampleFromConsus()
    {
        assertEquals(829768304L, xor("AAA|E0041001|D|20260810093000|EN|CONSUSEN|EC|ECVAA|1|TEST1|",
            "EDN|ECVNAA0001|KEY0000001|ECVNAA0001|REF0000001|20260811||", "CD9|1|12.5|"));
    }

    @Test
    void poolVectorEbesJuly2011()
    {
        assertEquals(995520093L, xor("ZHD|P0142001|X|EBES|Z|POOL|20110804141806", "SUB|H|X|EBES|20110731|M",
            "SP4|_A||||", "SP4|_B||||", "SP4|_C||||", "SP4|_D||||", "SP4|_E||||", "SP4|_F||||", "SP4|_G||||",
            "SP4|_H||||", "SP4|_J||||", "SP4|_K||||", "SP4|_L||||", "SP4|_M||||", "SP4|_N||||", "SP4|_P||||"));
    }

    private static long xor(final String... lines)
    {
        int x = 0;
        for (final String line : lines)
        {
            x = MeterText.xor32(x, line);
        }
        return x & 0xFFFF_FFFFL;
    }
}
