package io.gbsettle.core.kernel.settle;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random small markets for the property tests, built from a seed: a few parties and trading units, BM Units of
 * every kind (inactive, interconnector, missing metered volume, zonal TLFs), accepted rows with tied prices, ECVN
 * and MVRN lines; and random settlement options.
 */
final class RandomMarkets
{
    private static final double[] PRICES = {-20, 0, 35, 60, 60, 100, 150};

    private RandomMarkets()
    {
    }

    static ReferenceSettlement.Market market(final long seed)
    {
        final Random random = new Random(seed);
        final int parties = 1 + random.nextInt(8);
        final int unitCount = 1 + random.nextInt(30);
        final int tradingUnits = 1 + random.nextInt(unitCount);
        final List<ReferenceSettlement.Unit> units = new ArrayList<>();
        for (int i = 0; i < unitCount; i++)
        {
            final boolean active = random.nextInt(10) != 0;
            final boolean interconnector = random.nextInt(8) == 0;
            final boolean production = random.nextBoolean();
            final int account = random.nextInt(parties) * 2 + (production ? 0 : 1);
            final double qm = production ? random.nextDouble() * 400 : -random.nextDouble() * 380;
            final double fpn = random.nextInt(3) == 0 ? qm + (random.nextDouble() - 0.5) * 20 : qm;
            units.add(new ReferenceSettlement.Unit(active, account, random.nextInt(tradingUnits), interconnector,
                interconnector ? 0 : (random.nextDouble() - 0.5) * 0.06, random.nextInt(20) != 0, qm, fpn,
                random.nextInt(10) == 0 ? (random.nextDouble() - 0.5) * 4 : 0));
        }
        final List<ReferenceSettlement.Accepted> rows = new ArrayList<>();
        final int rowCount = random.nextInt(40);
        for (int r = 0; r < rowCount; r++)
        {
            final double po = PRICES[random.nextInt(PRICES.length)] + (random.nextBoolean() ? 0 : 40);
            final double pb = PRICES[random.nextInt(PRICES.length)];
            final int kind = random.nextInt(3);
            final double qao = kind == 1 ? 0 : random.nextDouble() * 20;
            final double qab = kind == 0 ? 0 : -random.nextDouble() * 20;
            rows.add(new ReferenceSettlement.Accepted(random.nextInt(unitCount), random.nextInt(6),
                random.nextInt(7) - 3, qao, qab, po, pb));
        }
        final List<ReferenceSettlement.Ecvn> ecvns = new ArrayList<>();
        final int ecvnCount = random.nextInt(50);
        for (int z = 0; z < ecvnCount; z++)
        {
            ecvns.add(new ReferenceSettlement.Ecvn(random.nextInt(parties * 2), random.nextInt(parties * 2),
                random.nextDouble() * 100));
        }
        final List<ReferenceSettlement.Mvrn> mvrns = new ArrayList<>();
        final int mvrnCount = random.nextInt(10);
        for (int m = 0; m < mvrnCount; m++)
        {
            final double fixed = random.nextBoolean() ? random.nextDouble() * 10 : 0;
            final double percent = random.nextBoolean() ? random.nextDouble() * 40 : 0;
            mvrns.add(new ReferenceSettlement.Mvrn(random.nextInt(unitCount), random.nextInt(parties * 2), fixed,
                percent));
        }
        return new ReferenceSettlement.Market(parties, tradingUnits, units, rows, ecvns, mvrns);
    }

    static SettlementOptions options(final long seed)
    {
        final Random random = new Random(~seed);
        return SettlementOptions.defaults()
            .alpha(random.nextInt(4) == 0 ? random.nextDouble() : 0.45)
            .iipOver(random.nextBoolean() ? 0 : random.nextDouble() * 10)
            .iipUnder(random.nextBoolean() ? 0 : random.nextDouble() * 10)
            .tlmoFormula(pick(random, SettlementOptions.TlmoFormula.values()))
            .lossDivisionGuard(pick(random, SettlementOptions.LossDivisionGuard.values()))
            .interconnectorsInTlmoSums(random.nextInt(4) == 0)
            .tlmOnCbm(random.nextBoolean())
            .tlmOnQabs(random.nextBoolean())
            .tlmOnCnd(random.nextBoolean())
            .clampNonDeliveryToAccepted(random.nextBoolean())
            .mvrnFormula(pick(random, SettlementOptions.MvrnFormula.values()))
            .nonDeliveryRanking(pick(random, SettlementOptions.NonDeliveryRanking.values()))
            .trcComposition(pick(random, SettlementOptions.TrcComposition.values()))
            .soCashflowSign(pick(random, SettlementOptions.SoCashflowSign.values()));
    }

    private static <T> T pick(final Random random, final T[] values)
    {
        return values[random.nextInt(values.length)];
    }
}
