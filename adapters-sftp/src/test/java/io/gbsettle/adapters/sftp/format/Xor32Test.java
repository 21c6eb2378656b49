package io.gbsettle.adapters.sftp.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The XOR-32 checksum against the reference note's test vectors (§3.3): the IDD example of consus-elexon-settlement
 * ({@code ZZZ|4|829768304|}) and the four pool vectors of the PARMS {@code PoolChecksumTest} (records without a
 * trailing pipe).
 */
class Xor32Test
{
    private static final String[] SP4 = {"SP4|_A||||", "SP4|_B||||", "SP4|_C||||", "SP4|_D||||", "SP4|_E||||",
        "SP4|_F||||", "SP4|_G||||", "SP4|_H||||", "SP4|_J||||", "SP4|_K||||", "SP4|_L||||", "SP4|_M||||",
        "SP4|_N||||", "SP4|_P||||"};

    @Test
    void iddExampleFromConsus()
    {
        assertEquals(829768304L, Xor32.of(
            "AAA|E0041001|D|20260810093000|EN|CONSUSEN|EC|ECVAA|1|TEST1|",
            "EDN|ECVNAA0001|KEY0000001|ECVNAA0001|REF0000001|20260811||",
            "CD9|1|12.5|"));
    }

    @Test
    void poolVectorEbesJuly2011Test2()
    {
        assertEquals(995520093L, pool("ZHD|P0142001|X|EBES|Z|POOL|20110804141806", "SUB|H|X|EBES|20110731|M"));
    }

    @Test
    void poolVectorEbesJuly2011()
    {
        assertEquals(810708569L, pool("ZHD|P0142001|X|EBES|Z|POOL|20110804095850", "SUB|H|X|EBES|20110731|M"));
    }

    @Test
    void poolVectorOvoJuly2011()
    {
        assertEquals(575762248L, pool("ZHD|P0142001|X|VOLT|Z|POOL|20110803162013", "SUB|H|X|VOLT|20110731|M"));
    }

    @Test
    void poolVectorManual()
    {
        assertEquals(878011997L, pool("ZHD|P0142001|X|EBES|Z|POOL|20110721130400", "SUB|H|X|EBES|20110630|M"));
    }

    private static long pool(final String header, final String sub)
    {
        final String[] lines = new String[SP4.length + 2];
        lines[0] = header;
        lines[1] = sub;
        System.arraycopy(SP4, 0, lines, 2, SP4.length);
        return Xor32.of(lines);
    }
}
