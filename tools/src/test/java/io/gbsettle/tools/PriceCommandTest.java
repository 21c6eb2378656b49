package io.gbsettle.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bsc price} on the bundled TV-1 example (examples/price/tv1) reproduces the guide's £125.00 and its stage
 * volumes, and bad files are reported with file, line and field.
 */
final class PriceCommandTest extends InProcessBsc
{
    private static final Path TV1 = root().resolve("examples/price/tv1");

    private static Path root()
    {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("examples/price")))
        {
            dir = dir.getParent();
        }
        if (dir == null)
        {
            throw new IllegalStateException("examples/price not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private int priceTv1(final String... extra)
    {
        final String[] base = {"price", "--date", "2020-06-25", "--period", "20",
            "--offers", TV1.resolve("offers.json").toString(), "--bids", TV1.resolve("bids.json").toString(),
            "--netbsad", TV1.resolve("netbsad.json").toString()};
        final String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return bsc(args);
    }

    @Test
    void reproducesTv1ToThePenny()
    {
        assertEquals(ExitCode.OK, priceTv1(), err::toString);
        final String text = out.toString();
        assertTrue(text.contains("system price (SBP = SSP):      125.00 GBP/MWh"), text);
        assertTrue(text.contains("net imbalance volume:          225.000 MWh"), text);
        assertTrue(text.contains("replacement price:             120.00 (reference volume 1.000 MWh)"), text);
        assertTrue(text.contains("T_OONE-1,101,1,30.000,120.00,30.000,30.000,30.000,0.667,120.00,0.99051"), text);
        assertTrue(text.contains("BSAA-1,,,35.000,150.00,35.000,35.000,15.000,0.333,120.00,"), text);
    }

    @Test
    void jsonMatchesThePublishedStackFieldByField() throws IOException
    {
        assertEquals(ExitCode.OK, priceTv1("--json"), err::toString);
        final String json = out.toString();
        final double price = number(json, "\"systemPrice\": ");
        assertEquals(125.00, price, 0.005, json);
        assertEquals(225, number(json, "\"netImbalanceVolume\": "), 1e-9);
        assertEquals(120, number(json, "\"replacementPrice\": "), 1e-9);
        assertTrue(json.contains("\"priceDerivationCode\": \"P\""), json);
        assertTrue(json.contains("\"marketPrice\": 0.0"), json);
        assertTrue(json.contains("\"actions\": ["), json);

        // Every published stage column of the bundled files equals what was recomputed from the raw columns.
        for (final String file : new String[] {"offers.json", "bids.json"})
        {
            final String published = Files.readString(TV1.resolve(file), StandardCharsets.UTF_8);
            for (final String field : new String[] {"dmatAdjustedVolume", "arbitrageAdjustedVolume",
                "nivAdjustedVolume", "parAdjustedVolume", "finalPrice"})
            {
                final double[] expected = numbers(published, "\"" + field + "\": ");
                final double[] all = numbers(json, "\"" + field + "\": ");
                final int offset = file.equals("offers.json") ? 0 : 10;
                for (int i = 0; i < expected.length; i++)
                {
                    assertEquals(expected[i], all[offset + i], 1e-9, file + " row " + i + " " + field);
                }
            }
        }
    }

    @Test
    void malformedFilesNameFileRowAndField() throws IOException
    {
        final String offers = Files.readString(TV1.resolve("offers.json"), StandardCharsets.UTF_8)
            .replaceFirst("\"volume\": 30.0", "\"volume\": \"thirty\"")
            .replaceFirst("\"volume\": 5.0", "\"volume\": -5.0");
        final Path bad = tmp.resolve("offers.json");
        Files.writeString(bad, offers, StandardCharsets.UTF_8);
        final Path badNetbsad = tmp.resolve("netbsad.json");
        Files.writeString(badNetbsad, "{\"data\":[{\"settlementDate\":\"2020-06-25\",\"settlementPeriod\":21}]}");
        assertEquals(ExitCode.DATA_PROBLEMS, bsc("price", "--date", "2020-06-25", "--period", "20",
            "--offers", bad.toString(), "--bids", TV1.resolve("bids.json").toString(),
            "--netbsad", badNetbsad.toString()));
        final String message = err.toString();
        assertTrue(message.contains("offers.json:3 column 'volume' value 'thirty': not a number"), message);
        assertTrue(message.contains(
            "offers.json:28 column 'volume' value '-5.0': an offer stack row must have a volume >= 0"), message);
        assertTrue(message.contains("netbsad.json column 'settlementPeriod': no NETBSAD row for 2020-06-25 period 20"),
            message);
    }

    @Test
    void rowsOfAnotherPeriodAndNotJsonAreReported() throws IOException
    {
        final Path notJson = tmp.resolve("bids.json");
        Files.writeString(notJson, "[{\"id\": \"T_X-1\", ");
        assertEquals(ExitCode.DATA_PROBLEMS, bsc("price", "--date", "2020-06-25", "--period", "21",
            "--offers", TV1.resolve("offers.json").toString(), "--bids", notJson.toString()));
        final String message = err.toString();
        assertTrue(message.contains("column 'settlementPeriod' value '20': row is not for period 21"), message);
        assertTrue(message.contains("bids.json"), message);
    }

    @Test
    void usageErrorsForDatesBeforeTheSinglePriceAndBadPeriods()
    {
        assertEquals(ExitCode.USAGE, bsc("price", "--date", "2015-11-04", "--period", "1", "--offers", "a",
            "--bids", "b"));
        assertTrue(err.toString().contains("before the single imbalance price"), err::toString);
        assertEquals(ExitCode.USAGE, bsc("price", "--date", "2020-03-29", "--period", "47", "--offers", "a",
            "--bids", "b"));
        assertTrue(err.toString().contains("--period 47 is not a settlement period of 2020-03-29 (1..46)"),
            err::toString);
        assertEquals(ExitCode.USAGE, bsc("price", "--date", "2020-06-25", "--period", "1", "--offers",
            tmp.resolve("missing.json").toString(), "--bids", "b"));
        assertTrue(err.toString().contains("missing.json is not a file"), err::toString);
    }

    private static double number(final String json, final String key)
    {
        return numbers(json, key)[0];
    }

    private static double[] numbers(final String json, final String key)
    {
        final java.util.List<Double> found = new java.util.ArrayList<>();
        int at = json.indexOf(key);
        while (at >= 0)
        {
            int end = at + key.length();
            while (end < json.length() && ",\n}".indexOf(json.charAt(end)) < 0)
            {
                end++;
            }
            found.add(Double.parseDouble(json.substring(at + key.length(), end).trim()));
            at = json.indexOf(key, end);
        }
        final double[] values = new double[found.size()];
        for (int i = 0; i < values.length; i++)
        {
            values[i] = found.get(i);
        }
        return values;
    }
}
