package io.gbsettle.core.kernel.settle;

import io.gbsettle.core.registry.BmUnitDay;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.testing.AllocationAssert;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The settlement kernels of a realistic national period (about 2,700 BM Units, 700 accounts, 300 to 600 accepted
 * rows, 3,000+ ECVN lines, MVRNs) allocate nothing once warm, and the filled period is well-formed.
 */
final class SettlementHotPathAllocationTest
{
    private static final MarketRegistry NATIONAL = SyntheticRegistry.generate(42, SyntheticRegistry.Size.NATIONAL);
    private static final long DAY = java.time.LocalDate.of(2026, 1, 15).toEpochDay();

    private double sink;

    private static PeriodBook nationalPeriod(final long seed)
    {
        final BmUnitDay day = NATIONAL.newDayView();
        NATIONAL.fillDay(DAY, day);
        final PeriodBook book = SyntheticPeriod.newBook(NATIONAL.bmUnitCount(), NATIONAL.partyCount());
        SyntheticPeriod.fill(seed, day, book);
        return book;
    }

    @Test
    void syntheticNationalPeriodIsRealistic()
    {
        final PeriodBook book = nationalPeriod(7);
        assertTrue(book.bmUnitCount() > 2_000, "BM Units " + book.bmUnitCount());
        assertTrue(book.accountCount() >= 700, "accounts " + book.accountCount());
        assertTrue(book.acceptedRowCount() >= 300 && book.acceptedRowCount() <= 600, "rows");
        assertTrue(book.ecvnCount() >= 3_000, "ECVN lines " + book.ecvnCount());
        assertTrue(book.mvrnCount() >= 40, "MVRN lines " + book.mvrnCount());
        final SettlementOptions options = SettlementOptions.defaults();
        SettlementKernels.volumes(options, book);
        SettlementKernels.cashflows(options, book, 85, 85);
        assertEquals(0, book.missingMeteredVolumeCount());
        assertTrue(book.tloss() > 0, "losses " + book.tloss());
        assertTrue(book.tlmoPlus() < 0 && book.tlmoMinus() > 0, "TLMO+ < 0 < TLMO-");
        double sumQace = 0;
        double sumRcrp = 0;
        for (int a = 0; a < book.accountCount(); a++)
        {
            sumQace += book.qace(a);
            sumRcrp += book.rcrp(a);
        }
        assertEquals(0, sumQace, 1e-6);
        assertEquals(1, sumRcrp, 1e-9);
        assertTrue(book.totalCnd() > 0, "some non-delivery is charged");
    }

    @Test
    void volumesAndCashflowsAllocateNothing()
    {
        final PeriodBook book = nationalPeriod(11);
        final SettlementOptions options = SettlementOptions.defaults();
        final PartyDayTotals totals = new PartyDayTotals(book.partyCount());
        AllocationAssert.assertZeroAllocation("SettlementKernels.volumes + cashflows + PartyDayTotals.add (national)",
            () ->
            {
                SettlementKernels.volumes(options, book);
                sink += book.tlm(0);
                SettlementKernels.cashflows(options, book, 85, 85);
                totals.add(book);
                sink += book.trc();
            }, 2_000, 500);
    }

    @Test
    void aWholePeriodCycleAllocatesNothing()
    {
        // The inputs of one national period, copied out once; each run reloads them as a driver would.
        final PeriodBook source = nationalPeriod(13);
        final int n = source.bmUnitCount();
        final int rows = source.acceptedRowCount();
        final int ecvns = source.ecvnCount();
        final int mvrns = source.mvrnCount();
        final double[] qm = new double[n];
        final double[] fpn = new double[n];
        final double[] qas = new double[n];
        for (int i = 0; i < n; i++)
        {
            qm[i] = source.qm(i);
            fpn[i] = source.fpn(i);
            qas[i] = source.qas(i);
        }
        final PeriodBook book = nationalPeriod(13);
        final SettlementOptions options = SettlementOptions.defaults();
        final PartyDayTotals totals = new PartyDayTotals(book.partyCount());
        AllocationAssert.assertZeroAllocation("reset + inputs + volumes + cashflows + day totals (national)", () ->
        {
            book.reset();
            for (int i = 0; i < n; i++)
            {
                if (book.active(i))
                {
                    book.meteredVolume(i, qm[i]);
                    book.fpn(i, fpn[i]);
                    book.absvd(i, qas[i]);
                }
            }
            for (int r = 0; r < rows; r++)
            {
                book.addAccepted(source.rowBmUnit(r), source.rowAcceptance(r), source.rowPair(r), source.rowQao(r),
                    source.rowQab(r), source.rowOfferPrice(r), source.rowBidPrice(r));
            }
            for (int z = 0; z < ecvns; z++)
            {
                book.addEcvn(source.ecvnFrom(z), source.ecvnTo(z), source.ecvnVolume(z));
            }
            for (int m = 0; m < mvrns; m++)
            {
                book.addMvrn(source.mvrnBmUnit(m), source.mvrnAccount(m), source.mvrnFixed(m), source.mvrnPercent(m));
            }
            SettlementKernels.volumes(options, book);
            SettlementKernels.cashflows(options, book, 85, 85);
            totals.add(book);
            sink += book.trc();
        }, 1_000, 300);
        assertEquals(source.acceptedRowCount(), book.acceptedRowCount());
    }
}
