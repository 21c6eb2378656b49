package io.gbsettle.core.kernel.indicative;

import io.gbsettle.core.kernel.price.PriceParameters;
import io.gbsettle.core.registry.BmUnitDay;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.time.EpochDays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Hand-worked periods: one production BM Unit notified flat at 100 MW, BOD pair 1 of 50 MW at 60/55 GBP/MWh,
 * accepted up to 130 MW for the whole of period 1, so QAO = 30 MW x 0.5 h = 15 MWh at 60 GBP/MWh; then a DISBSAD buy,
 * NETBSAD, a replacement of the acceptance, and events that must change nothing.
 */
final class IndicativeBookTest
{
    private static final long EPOCH_DAY = EpochDays.of(2025, 6, 10);
    private static final long DS = EPOCH_DAY * 86_400L - 3_600L;
    private static final MarketRegistry REGISTRY = SyntheticRegistry.generate(11, SyntheticRegistry.Size.SMALL);
    private static final double DELTA = 1e-9;

    private final BmUnitDay day = REGISTRY.newDayView();
    private IndicativeBook book;
    private int producer;
    private int other;

    @BeforeEach
    void setUp()
    {
        REGISTRY.fillDay(EPOCH_DAY, day);
        producer = -1;
        other = -1;
        for (int u = 0; u < day.bmUnitCount(); u++)
        {
            if (day.active(u) && day.production(u) && !day.interconnector(u) && producer < 0)
            {
                producer = u;
            }
            else if (day.active(u) && other < 0)
            {
                other = u;
            }
        }
        book = new IndicativeBook(IndicativeOptions.DEFAULTS, day.bmUnitCount(), 100, 100, 100, 50, 100, 8);
        book.reset(day, DS, 4, PriceParameters.on(EPOCH_DAY));
        book.pn(producer, DS, 100, DS + 1800, 100);
        book.bod(producer, 1, DS, 50, DS + 1800, 50, 60, 55);
        book.bod(producer, -1, DS, -50, DS + 1800, -50, 10, 5);
        assertEquals(0L, book.dirtyPeriods(), "no acceptance yet: PN and BOD change no volume");
        book.acceptance(producer, 7, DS - 600, DS, 130, DS + 1800, 130, false, false, false, false);
    }

    private double tlm()
    {
        return 1 + day.tlf(producer) + IndicativeOptions.DEFAULT_ETLMO_PLUS;
    }

    @Test
    void anAcceptedOfferSetsThePriceAndTheCashflow()
    {
        assertEquals(1L, book.dirtyPeriods());
        book.recompute(1);
        assertEquals(0L, book.dirtyPeriods());
        assertEquals(60.0, book.systemPrice(1), DELTA);
        assertEquals(15.0, book.niv(1), DELTA);
        assertEquals(1, book.actionCount(1));
        assertEquals(1, book.cashflowCount());
        assertEquals(1, book.cashflowPeriod());
        assertEquals(producer, book.cashflowUnit(0));
        assertEquals(15.0, book.cashflowQao(0), DELTA);
        assertEquals(0.0, book.cashflowQab(0), DELTA);
        assertEquals(tlm(), book.cashflowTlm(0), DELTA);
        assertEquals(15.0 * 60 * tlm(), book.cashflowCbm(0), DELTA);
        assertEquals(15.0 * 60 * tlm(), book.totalCbm(1), DELTA);
        assertEquals(15.0 * 60 * tlm(), book.bmUnitCbm(1, producer), DELTA);
    }

    @Test
    void adjustmentActionsAndAdjustersReprice()
    {
        book.recompute(1);
        book.bsad(1, 3, 400, 5, false, false);
        assertEquals(1L, book.dirtyPeriods());
        book.recompute(1);
        assertEquals(80.0, book.systemPrice(1), DELTA, "the 5 MWh buy at 80 is the most expensive 1 MWh");
        assertEquals(20.0, book.niv(1), DELTA);
        assertEquals(0, book.cashflowCount(), "no BM Unit's volumes changed");
        book.netbsad(1, 2, -1);
        book.recompute(1);
        assertEquals(82.0, book.systemPrice(1), DELTA, "BPA added when short");
        book.bsad(1, 3, 200, 5, false, false);
        book.recompute(1);
        assertEquals(62.0, book.systemPrice(1), DELTA, "the replaced action is priced at 40: 60 is the marginal");
    }

    @Test
    void duplicatesAndUnrelatedUnitsChangeNothing()
    {
        book.recompute(1);
        book.acceptance(producer, 7, DS - 600, DS, 130, DS + 1800, 130, false, false, false, false);
        book.bod(producer, 1, DS, 50, DS + 1800, 50, 60, 55);
        book.pn(other, DS, 10, DS + 1800, 20);
        book.pn(producer, DS + 1800, 100, DS + 3600, 100);
        book.bsad(2, 1, 0, 0, false, false);
        book.recompute(2);
        book.bsad(2, 1, 0, 0, false, false);
        book.netbsad(3, 0, 0);
        assertEquals(0L, book.dirtyPeriods());
    }

    @Test
    void aReplacedAcceptanceRowReplacesTheVolume()
    {
        book.recompute(1);
        book.acceptance(producer, 7, DS - 600, DS, 110, DS + 1800, 110, false, false, false, false);
        book.recompute(1);
        assertEquals(5.0, book.niv(1), DELTA);
        assertEquals(1, book.cashflowCount());
        assertEquals(5.0 * 60 * tlm(), book.cashflowCbm(0), DELTA);
        book.pn(producer, DS, 110, DS + 1800, 110);
        assertEquals(1L, book.dirtyPeriods(), "a PN change under the acceptance changes its volume");
        book.recompute(1);
        assertEquals(0.0, book.cashflowQao(0), DELTA);
        assertEquals(0.0, book.niv(1), DELTA);
        assertEquals(0, book.actionCount(1));
    }

    @Test
    void aShortAcceptanceIsCadlFlaggedAndLeftToTheMarketPrice()
    {
        book.acceptance(producer, 7, DS - 600, DS, 130, DS + 300, 130, false, false, false, false);
        book.marketIndex(1, 1, 45, 100);
        book.recompute(1);
        assertEquals(30.0 * 300 / 3600, book.niv(1), DELTA);
        assertEquals(45.0, book.systemPrice(1), DELTA,
            "a 5-minute acceptance is CADL-flagged (CADL 10 min): replaced by the market price");
    }

    @Test
    void rejectsRowsThatCannotBeSettled()
    {
        assertThrows(IllegalArgumentException.class, () -> book.pn(producer, DS + 10, 1, DS, 1));
        assertThrows(IllegalArgumentException.class, () -> book.bod(producer, 0, DS, 1, DS + 10, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> book.bod(producer, 1, DS, 1, DS + 10, 1, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> book.acceptance(producer, -1, DS, DS, 1, DS + 1, 1,
            false, false, false, false));
        assertThrows(IllegalArgumentException.class, () -> book.bsad(5, 1, 1, 1, false, false));
        assertThrows(IllegalArgumentException.class, () -> book.marketIndex(1, 1, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> book.pn(day.bmUnitCount(), DS, 1, DS + 1, 1));
    }
}
