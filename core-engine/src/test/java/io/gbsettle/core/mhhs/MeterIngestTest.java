package io.gbsettle.core.mhhs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.gbsettle.core.kernel.aggregate.AggregationOptions;
import io.gbsettle.core.kernel.aggregate.AggregationResult;
import io.gbsettle.core.kernel.aggregate.MeterColumns;
import io.gbsettle.core.kernel.aggregate.ReadRejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ingest of hand-written flat files: every kind of bad read rejected with its reason, CRLF and a missing trailing
 * pipe accepted, a later file superseding an earlier read, registrations effective on another day, an LLF class
 * missing a period, and the exact volumes that follow.
 */
final class MeterIngestTest
{
    private static final LocalDate DATE = LocalDate.of(2025, 6, 10);
    private static final long M1 = 1_000_000_000_011L;
    private static final long M2 = 1_100_000_000_021L;
    private static final long M3 = 1_000_000_000_031L;

    @TempDir
    Path tmp;

    @Test
    void everyReadIsStoredOrRejectedWithItsReason() throws IOException
    {
        final Path files = tmp.resolve("files");
        Files.createDirectories(files);
        write(files.resolve("r.reg"), "ZHV|1|G0001001|R|REGS|X|BSCS|20250610000000||||OPER|",
            "REG|" + M1 + "|SUPA|_A|101|I|T|20240101||",
            "REG|" + M2 + "|SUPB|_B|101|E|F|20240101||",
            "REG|" + M3 + "|SUPA|_A|101|I|T|20240101|20250101|",
            "REG|123|SUPA|_Z|101|I|T|20240101||",
            "REG|" + M2 + "|SUPB|_B|101|E|F|20250601||",
            "ZPT|1|4||1|20250610000000|");
        final StringBuilder emeb = new StringBuilder();
        for (int p = 1; p <= 47; p++)
        {
            emeb.append("SPL|").append(p).append("|1.01\n");
        }
        final StringBuilder eelc = new StringBuilder();
        for (int p = 1; p <= 48; p++)
        {
            eelc.append("SPL|").append(p).append("|1.05\n");
        }
        writePool(files.resolve("a.ptf"), "ZHD||D0265001|R|EELC|G|CAPG|20250601000000||||OPER", "DIS|EELC",
            "LLF|101", "SDT|20250609", "SPL|1|9.99", "SDT|20250610", eelc.toString().trim());
        writePool(files.resolve("b.ptf"), "ZHD||D0265001|R|EMEB|G|CAPG|20250601000000||||OPER", "DIS|EMEB",
            "LLF|101", "SDT|20250610", emeb.toString().trim());
        write(files.resolve("gsp_take.csv"), "gsp_group,settlement_period,take_mwh", "_A,1,0.004");
        final StringBuilder m2 = new StringBuilder();
        for (int p = 1; p <= 49; p++)
        {
            m2.append("103|A|0.1|\r\n");
        }
        Files.writeString(files.resolve("d1.usr"), String.join("\r\n",
            "ZHV|X|D0036001|C|HHDC|X|SUPA|20250611000000||||OPER|",
            "103|A|1.0|",
            "101|" + M1 + "|AI|SUPA|", "102|20250610|",
            "103|A|1.5|", "103|E|2|", "103|A|0.25", "103|X|1.0|", "103|A|1.2345|", "103|A|-0.5|",
            "101|" + M2 + "|AE|SUPB|", "102|20250610|", m2.toString().trim(),
            "101|" + M3 + "|AI|SUPA|", "102|20250610|", "103|A|1|",
            "ZPT|X|999||1|20250611000000|") + "\r\n", StandardCharsets.US_ASCII);
        write(files.resolve("d2.usr"), "ZHV|Y|D0036001|C|HHDC|X|SUPA|20250612000000||||OPER|",
            "101|" + M1 + "|AI|SUPA|", "102|20250610|", "103|A|3|", "ZPT|Y|3||1|20250612000000|");

        final MeterIngest.Summary summary = MeterIngest.ingest(files, tmp.resolve("store"), DATE, 100);
        assertEquals(3, summary.slots());
        assertEquals(3, summary.rejected()[ReadRejection.MALFORMED]);
        assertEquals(1, summary.rejected()[ReadRejection.PERIOD_OUT_OF_RANGE]);
        assertEquals(1, summary.rejected()[ReadRejection.SUPERSEDED]);
        assertEquals(1 + 6 + 49 + 1 + 1, summary.readsRead());
        assertEquals(3, summary.problems().size(), summary.problems()::toString);
        assertTrue(summary.problems().get(0).contains("registration not valid"), summary.problems()::toString);
        assertTrue(summary.problems().get(1).contains("r.reg:6: MPAN " + M2 + " has two registrations effective"),
            summary.problems()::toString);
        assertTrue(summary.problems().get(2).contains("trailer counts 999 records, the file has 63"),
            summary.problems()::toString);

        try (MeterStore store = MeterStore.open(tmp.resolve("store"), false))
        {
            final MeterColumns columns = store.columns();
            final int s1 = store.slotOf(M1);
            assertEquals(3000, columns.value(s1, 1));
            assertEquals(2000, columns.value(s1, 2));
            assertEquals(250, columns.value(s1, 3));
            assertEquals(-500, columns.value(s1, 6));
            assertEquals(0b100111L, columns.presentMask(s1));
            assertEquals(0b000010L, columns.estimatedMask(s1));
            assertEquals(MeterColumns.NO_KEY, columns.key(store.slotOf(M3)));
            assertEquals(2, store.slotOf(M3), "no registration on the day: last");

            final MeterAggregation run = new MeterAggregation(store, 2, AggregationOptions.DEFAULTS);
            final AggregationResult result = run.run();
            assertEquals(1, run.rejected(ReadRejection.NO_REGISTRATION));
            assertEquals(1, run.rejected(ReadRejection.NO_LLF));
            assertEquals(1, run.rejected(ReadRejection.NEGATIVE));
            long rejected = 0;
            for (int r = 0; r < ReadRejection.COUNT; r++)
            {
                rejected += run.rejected(r);
            }
            assertEquals(run.readsRead(), run.sums().acceptedTotal() + rejected);
            assertEquals(2, result.pairs());
            // SUPA in _A, period 1: 3000 Wh x 1.05 = 3150 Wh correctable; take 4000 Wh: GGCF 4000/3150.
            assertEquals(3000, result.consumptionWh(0, 1));
            assertEquals(4000.0 / 3150.0, result.ggcf(0, 1), 1e-15);
            assertEquals(-0.004, result.correctedMwh(0, 1), 1e-15);
            // SUPB in _B exports 100 Wh a period at 1.01, not corrected (no take): +0.000101 MWh, period 48 not.
            assertEquals(-100, result.consumptionWh(1, 7));
            assertEquals(0.000101, result.correctedMwh(1, 7), 1e-15);
            assertEquals(0.0, result.correctedMwh(1, 48));
            assertEquals(AggregationResult.NO_TAKE, result.status(1, 7));
            assertEquals(1.0, result.estimatedShare(0, 2));
            assertEquals(0.0, result.estimatedShare(0, 1));
            assertFalse(Double.isNaN(result.estimatedShare(0, 40)));
        }
    }

    private static void write(final Path file, final String... lines) throws IOException
    {
        Files.write(file, List.of(lines), StandardCharsets.US_ASCII);
    }

    /** A pool file with its trailer: count with ZHD and ZPT, XOR-32 of the records (as the adapter verifies). */
    private static void writePool(final Path file, final String... blocks) throws IOException
    {
        final List<String> lines = new ArrayList<>();
        for (final String block : blocks)
        {
            lines.addAll(List.of(block.split("\n")));
        }
        int checksum = 0;
        for (final String line : lines)
        {
            checksum = MeterText.xor32(checksum, line);
        }
        lines.add("ZPT|" + (lines.size() + 1) + '|' + (checksum & 0xFFFF_FFFFL));
        Files.write(file, lines, StandardCharsets.US_ASCII);
    }
}
