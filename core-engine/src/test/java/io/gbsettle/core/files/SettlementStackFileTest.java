package io.gbsettle.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import io.gbsettle.core.input.InvalidInputException;
import io.gbsettle.core.kernel.price.ImbalancePriceKernel;
import io.gbsettle.core.kernel.price.PriceOptions;
import io.gbsettle.core.kernel.price.PriceParameters;
import io.gbsettle.core.kernel.price.PriceResult;
import io.gbsettle.core.kernel.price.PriceStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loading a period's price inputs from Insights stack, NETBSAD and MID files.
 */
final class SettlementStackFileTest
{
    private static final long DAY = LocalDate.of(2024, 5, 1).toEpochDay();

    @TempDir
    Path tmp;

    private Path write(final String name, final String json) throws IOException
    {
        final Path file = tmp.resolve(name);
        Files.writeString(file, json);
        return file;
    }

    @Test
    void readsBoaAndBsadRowsAdjustersAndMarketIndex() throws IOException
    {
        final Path offers = write("offers.json", "{\"data\":[" +
            "{\"settlementDate\":\"2024-05-01\",\"settlementPeriod\":40,\"id\":\"T_A-1\",\"acceptanceId\":12," +
            "\"bidOfferPairId\":1,\"soFlag\":false,\"cadlFlag\":true,\"storProviderFlag\":false," +
            "\"originalPrice\":90.5,\"volume\":3.5,\"transmissionLossMultiplier\":0.99}," +
            "{\"id\":\"7\",\"acceptanceId\":null,\"bidOfferPairId\":null,\"soFlag\":true,\"originalPrice\":null," +
            "\"volume\":2.0,\"transmissionLossMultiplier\":null}]}");
        final Path bids = write("bids.json", "[]");
        final Path netbsad = write("netbsad.json", "[{\"settlementDate\":\"2024-05-01\",\"settlementPeriod\":39," +
            "\"buyPricePriceAdjustment\":9}, {\"settlementDate\":\"2024-05-01\",\"settlementPeriod\":40," +
            "\"buyPricePriceAdjustment\":1.25,\"sellPricePriceAdjustment\":null}]");
        final Path mid = write("mid.json", "[{\"settlementPeriod\":40,\"dataProvider\":\"APXMIDP\",\"price\":80," +
            "\"volume\":100},{\"settlementPeriod\":40,\"dataProvider\":\"N2EXMIDP\",\"price\":0,\"volume\":0}," +
            "{\"settlementPeriod\":41,\"dataProvider\":\"APXMIDP\",\"price\":999,\"volume\":999}]");
        final SettlementStackFile loaded = SettlementStackFile.load(DAY, 40, offers, bids, netbsad, mid);
        final PriceStack stack = loaded.stack();
        assertEquals(2, stack.size());
        assertEquals(PriceStack.KIND_BOA, stack.kind(0));
        assertEquals(12, stack.id(0));
        assertEquals(PriceStack.KIND_BSAD, stack.kind(1));
        assertTrue(Double.isNaN(stack.price(1)), "null cost BSAD has a null price");
        assertEquals("T_A-1", loaded.rowId(0));
        assertEquals("offers.json:1", loaded.rowSource(0));
        assertTrue(loaded.rowCadlFlag(0));
        assertEquals(1.25, stack.bpa());
        assertEquals(0, stack.spa());

        final PriceResult result = new PriceResult(stack.capacity());
        ImbalancePriceKernel.price(PriceParameters.on(DAY), PriceOptions.defaults(), stack, result);
        assertEquals(80, result.marketPrice(), 1e-12, "period 40's APX row only");
        assertTrue(result.firstStageFlagged(0), "published cadlFlag");
        assertEquals(80, result.systemPrice(), 1e-9,
            "everything flagged: RP = Market Price, no adjuster on it by default (PriceOptions)");
    }

    @Test
    void inconsistentRowsAreAllReported() throws IOException
    {
        final Path offers = write("offers.json", "[\n" +
            "{\"id\":\"T_A-1\",\"acceptanceId\":12,\"originalPrice\":90,\"volume\":1," +
            "\"transmissionLossMultiplier\":1},\n" +
            "{\"id\":\"T_A-1\",\"acceptanceId\":13,\"bidOfferPairId\":1,\"volume\":1," +
            "\"transmissionLossMultiplier\":1},\n" +
            "{\"id\":\"T_A-1\",\"acceptanceId\":14,\"bidOfferPairId\":1,\"originalPrice\":5,\"volume\":1," +
            "\"transmissionLossMultiplier\":0},\n" +
            "{\"id\":\"T_B-1\",\"acceptanceId\":15,\"bidOfferPairId\":1,\"originalPrice\":5,\"volume\":1," +
            "\"transmissionLossMultiplier\":1},\n" +
            "{\"id\":\"T_B-1\",\"acceptanceId\":15,\"bidOfferPairId\":1,\"originalPrice\":5,\"volume\":1," +
            "\"transmissionLossMultiplier\":1},\n" +
            "{\"settlementDate\":\"2024-05-02\",\"id\":\"X\",\"volume\":1}\n]");
        final Path bids = write("bids.json", "[{\"id\":\"9\",\"volume\":4}]");
        final InvalidInputException ex = assertThrows(InvalidInputException.class,
            () -> SettlementStackFile.load(DAY, 40, offers, bids, null, null));
        final String message = ex.getMessage();
        assertTrue(message.contains("offers.json:2 column 'bidOfferPairId': a BOA row needs both"), message);
        assertTrue(message.contains("offers.json:3 column 'originalPrice': missing field"), message);
        assertTrue(message.contains("offers.json:4 column 'transmissionLossMultiplier' value '0': must be > 0"),
            message);
        assertTrue(message.contains("offers.json:6 column 'acceptanceId' value '15': duplicate row"), message);
        assertTrue(message.contains("offers.json:7 column 'settlementDate' value '2024-05-02': row is not for " +
            "2024-05-01"), message);
        assertTrue(message.contains("bids.json:1 column 'volume' value '4': a bid stack row must have a volume <= 0"),
            message);
        assertEquals(6, ex.problems().size(), message);
    }
}
