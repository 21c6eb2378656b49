package io.gbsettle.tools;

import io.gbsettle.core.settle.SettlementReport;

/**
 * A {@link SettlementReport} that passes every row on to another report and keeps the few figures a person reads
 * first about a settled day: the range of the system price and of NIV, the day's BM and imbalance cashflows.
 */
final class DayDigest implements SettlementReport
{
    private final SettlementReport next;
    private int periods;
    private double minPrice = Double.POSITIVE_INFINITY;
    private double maxPrice = Double.NEGATIVE_INFINITY;
    private double sumPrice;
    private int minPricePeriod;
    private int maxPricePeriod;
    private double minNiv = Double.POSITIVE_INFINITY;
    private double maxNiv = Double.NEGATIVE_INFINITY;
    private double totalCbm;
    private double totalCaei;

    DayDigest(final SettlementReport next)
    {
        this.next = next;
    }

    @Override
    public void bmUnitPeriod(
        final int period, final int bmUnit, final double fpn, final double qao, final double qab, final double qbs,
        final double qm, final double tlm, final double qme, final double qii, final double qndo, final double qndb,
        final double cbm, final double cnd, final double cii)
    {
        next.bmUnitPeriod(period, bmUnit, fpn, qao, qab, qbs, qm, tlm, qme, qii, qndo, qndb, cbm, cnd, cii);
    }

    @Override
    public void accountPeriod(
        final int period, final int account, final double qace, final double qabc, final double qabs,
        final double qaei, final double caei, final double rcrp, final double rcrc)
    {
        next.accountPeriod(period, account, qace, qabc, qabs, qaei, caei, rcrp, rcrc);
    }

    @Override
    public void period(
        final int period, final double systemPrice, final double niv, final double tloss, final double tlmoPlus,
        final double tlmoMinus, final double totalCbm, final double totalCaei, final double trc,
        final double soCashflow)
    {
        periods++;
        sumPrice += systemPrice;
        if (systemPrice < minPrice)
        {
            minPrice = systemPrice;
            minPricePeriod = period;
        }
        if (systemPrice > maxPrice)
        {
            maxPrice = systemPrice;
            maxPricePeriod = period;
        }
        minNiv = Math.min(minNiv, niv);
        maxNiv = Math.max(maxNiv, niv);
        this.totalCbm += totalCbm;
        this.totalCaei += totalCaei;
        next.period(period, systemPrice, niv, tloss, tlmoPlus, tlmoMinus, totalCbm, totalCaei, trc, soCashflow);
    }

    @Override
    public void partyDay(
        final int party, final double cbm, final double cnd, final double caei, final double cii, final double rcrc,
        final double net)
    {
        next.partyDay(party, cbm, cnd, caei, cii, rcrc, net);
    }

    @Override
    public void end()
    {
        next.end();
    }

    int periods()
    {
        return periods;
    }

    double minPrice()
    {
        return minPrice;
    }

    int minPricePeriod()
    {
        return minPricePeriod;
    }

    double maxPrice()
    {
        return maxPrice;
    }

    int maxPricePeriod()
    {
        return maxPricePeriod;
    }

    double meanPrice()
    {
        return periods == 0 ? Double.NaN : sumPrice / periods;
    }

    double minNiv()
    {
        return minNiv;
    }

    double maxNiv()
    {
        return maxNiv;
    }

    double totalCbm()
    {
        return totalCbm;
    }

    double totalCaei()
    {
        return totalCaei;
    }
}
