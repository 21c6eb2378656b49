package io.gbsettle.core.engine;

import java.util.ArrayList;
import java.util.List;

import io.gbsettle.core.settle.SettlementReport;

/**
 * A report that keeps every row as text holding the exact bits of each value, so two settlements compare bit for bit.
 */
final class CapturingReport implements SettlementReport
{
    final List<String> rows = new ArrayList<>();
    int ends;

    private void row(final String kind, final int period, final int subject, final double... values)
    {
        final StringBuilder b = new StringBuilder(kind).append(' ').append(period).append(' ').append(subject);
        for (final double v : values)
        {
            b.append(' ').append(Long.toHexString(Double.doubleToRawLongBits(v)));
        }
        rows.add(b.toString());
    }

    @Override
    public void bmUnitPeriod(final int period, final int bmUnit, final double fpn, final double qao, final double qab,
        final double qbs, final double qm, final double tlm, final double qme, final double qii, final double qndo,
        final double qndb, final double cbm, final double cnd, final double cii)
    {
        row("bmu", period, bmUnit, fpn, qao, qab, qbs, qm, tlm, qme, qii, qndo, qndb, cbm, cnd, cii);
    }

    @Override
    public void accountPeriod(final int period, final int account, final double qace, final double qabc,
        final double qabs, final double qaei, final double caei, final double rcrp, final double rcrc)
    {
        row("account", period, account, qace, qabc, qabs, qaei, caei, rcrp, rcrc);
    }

    @Override
    public void period(final int period, final double systemPrice, final double niv, final double tloss,
        final double tlmoPlus, final double tlmoMinus, final double totalCbm, final double totalCaei, final double trc,
        final double soCashflow)
    {
        row("period", period, -1, systemPrice, niv, tloss, tlmoPlus, tlmoMinus, totalCbm, totalCaei, trc, soCashflow);
    }

    @Override
    public void partyDay(final int party, final double cbm, final double cnd, final double caei, final double cii,
        final double rcrc, final double net)
    {
        row("party", 0, party, cbm, cnd, caei, cii, rcrc, net);
    }

    @Override
    public void end()
    {
        ends++;
    }
}
