package io.gbsettle.core.mhhs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

import io.gbsettle.core.kernel.aggregate.MeterColumns;
import io.gbsettle.core.kernel.aggregate.ReadRejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.gbsettle.core.testing.PropertyChecks.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Random D0036 files (values of either sign, up to 2 GWh, written with 0 to 3 decimals and trailing
 * zeros or not, LF or CRLF, with or without the trailing pipe, actual or estimated, short groups, MPANs repeated
 * across files) parsed into a store: every value, present and estimated bit as the naive model says, the later
 * read winning, and every read counted.
 */
final class MeterIngestProperties
{
    private static final LocalDate DATE = LocalDate.of(2025, 3, 30);
    private static final int PERIODS = 46;
    private static final int SLOTS = 20;

    @TempDir
    Path tmp;

    @Test
    void parsedReadsMatchTheModel()
    {
        check(60).forAll(longs().all()).checkAssert(seed ->
        {
            final Random rnd = new Random(seed);
            final Path dir = tmp.resolve(Long.toHexString(seed));
            try (MeterStore store = MeterStore.create(dir.resolve("store"), DATE, PERIODS, SLOTS))
            {
                for (int s = 0; s < SLOTS; s++)
                {
                    store.putMpan(s, 1_200_000_000_000L + s);
                }
                store.buildIndex();
                final int[][] value = new int[SLOTS][PERIODS + 1];
                final boolean[][] estimated = new boolean[SLOTS][PERIODS + 1];
                final boolean[][] present = new boolean[SLOTS][PERIODS + 1];
                long reads = 0;
                long superseded = 0;
                final Path files = dir.resolve("files");
                Files.createDirectories(files);
                for (int f = 0; f < 3; f++)
                {
                    final String eol = rnd.nextBoolean() ? "\n" : "\r\n";
                    final StringBuilder text = new StringBuilder("ZHV|F|D0036001|C|HHDC|X|SUPA|20250331000000||||OPER|")
                        .append(eol);
                    final int groups = rnd.nextInt(8);
                    for (int g = 0; g < groups; g++)
                    {
                        final int slot = rnd.nextInt(SLOTS);
                        text.append("101|").append(1_200_000_000_000L + slot).append("|AI|SUPA|").append(eol)
                            .append("102|20250330|").append(eol);
                        final int n = rnd.nextInt(PERIODS + 1);
                        for (int p = 1; p <= n; p++)
                        {
                            final int wh = rnd.nextInt(5) == 0 ? -rnd.nextInt(100_000) : rnd.nextInt(3) == 0 ?
                                rnd.nextInt(Integer.MAX_VALUE / 1000) * 1000 : rnd.nextInt(1 << 20);
                            final boolean est = rnd.nextInt(4) == 0;
                            text.append("103|").append(est ? 'E' : 'A').append('|').append(kwh(wh, rnd))
                                .append(rnd.nextBoolean() ? "|" : "").append(eol);
                            reads++;
                            superseded += present[slot][p] ? 1 : 0;
                            present[slot][p] = true;
                            value[slot][p] = wh;
                            estimated[slot][p] = est;
                        }
                    }
                    Files.writeString(files.resolve("f" + f + MeterFlows.D0036_SUFFIX), text,
                        StandardCharsets.US_ASCII);
                }
                final MeterIngest.Summary summary = MeterIngest.appendD0036(files, store, 0);
                assertEquals(reads, summary.readsRead());
                assertEquals(superseded, summary.rejectedTotal());
                assertEquals(superseded, summary.rejected()[ReadRejection.SUPERSEDED]);
                final MeterColumns columns = store.columns();
                for (int s = 0; s < SLOTS; s++)
                {
                    for (int p = 1; p <= PERIODS; p++)
                    {
                        final long bit = 1L << (p - 1);
                        assertEquals(present[s][p], (columns.presentMask(s) & bit) != 0, "present " + s + "/" + p);
                        if (present[s][p])
                        {
                            assertEquals(value[s][p], columns.value(s, p), "value " + s + "/" + p);
                            assertEquals(estimated[s][p], (columns.estimatedMask(s) & bit) != 0);
                        }
                    }
                }
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        });
    }

    /** Wh as kWh text with 0 to 3 decimals (as many as needed, or padded with zeros). */
    private static String kwh(final int wh, final Random rnd)
    {
        String text = MeterText.scaled(wh, 3);
        final int dot = text.indexOf('.');
        final int decimals = dot < 0 ? 0 : text.length() - dot - 1;
        final int pad = rnd.nextInt(4 - decimals);
        if (pad > 0)
        {
            text += (dot < 0 ? "." : "") + "000".substring(0, pad);
        }
        return text;
    }
}
