package io.gbsettle.core.kernel.settle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The naive reference of the settlement kernels: plain objects and obvious loops, written straight from the
 * calculation spec (§3.2-§3.10, §4.1-§4.6) with no attention to speed, so that the property tests can hold the fast
 * kernels to it. Shares nothing with the kernels but {@link SettlementOptions}.
 */
final class ReferenceSettlement
{
    /** One BM Unit's registration and period inputs. */
    record Unit(
        boolean active, int account, int tradingUnit, boolean interconnector, double tlf,
        boolean hasQm, double qm, double fpn, double qas)
    {
    }

    /** One accepted (k, n) row. */
    record Accepted(int unit, long acceptance, int pair, double qao, double qab, double offerPrice, double bidPrice)
    {
    }

    /** One ECVN line. */
    record Ecvn(int from, int to, double volume)
    {
    }

    /** One MVRN line. */
    record Mvrn(int unit, int account, double fixed, double percent)
    {
    }

    /** A market period: registration and inputs. */
    record Market(
        int parties, int tradingUnits, List<Unit> units, List<Accepted> rows, List<Ecvn> ecvns, List<Mvrn> mvrns)
    {
        int accounts()
        {
            return parties * 2;
        }

        /** Loads the market into a fresh book. */
        PeriodBook toBook()
        {
            final PeriodBook book = new PeriodBook(units.size(), parties, rows.size(), ecvns.size(), mvrns.size());
            for (int i = 0; i < units.size(); i++)
            {
                final Unit u = units.get(i);
                if (u.active())
                {
                    book.bmUnit(i, u.account(), u.tradingUnit(), u.interconnector(), u.tlf());
                }
                else
                {
                    book.inactive(i);
                }
            }
            book.tradingUnits(tradingUnits);
            book.reset();
            for (int i = 0; i < units.size(); i++)
            {
                final Unit u = units.get(i);
                if (u.hasQm())
                {
                    book.meteredVolume(i, u.qm());
                }
                book.fpn(i, u.fpn());
                book.absvd(i, u.qas());
            }
            for (final Accepted r : rows)
            {
                book.addAccepted(r.unit(), r.acceptance(), r.pair(), r.qao(), r.qab(), r.offerPrice(), r.bidPrice());
            }
            for (final Ecvn e : ecvns)
            {
                book.addEcvn(e.from(), e.to(), e.volume());
            }
            for (final Mvrn m : mvrns)
            {
                book.addMvrn(m.unit(), m.account(), m.fixed(), m.percent());
            }
            return book;
        }
    }

    /** Every output. */
    static final class Result
    {
        double tloss;
        double tlmoPlus;
        double tlmoMinus;
        double plusQm;
        double minusQm;
        double[] tlm;
        boolean[] delivering;
        double[] qaoTotal;
        double[] qabTotal;
        double[] qbs;
        double[] qme;
        double[] qii;
        double[] qndo;
        double[] qndb;
        double[] cbm;
        double[] cnd;
        double[] cii;
        double[] rowCo;
        double[] rowCb;
        double[] rowQndo;
        double[] rowQndb;
        double[] qace;
        double[] qabc;
        double[] qabs;
        double[] qaei;
        double[] caei;
        double[] basis;
        double[] rcrp;
        double[] rcrc;
        double totalCbm;
        double totalCaei;
        double totalCii;
        double totalCnd;
        double trc;
        double so;
        double basisTotal;
    }

    private ReferenceSettlement()
    {
    }

    static Result settle(final SettlementOptions options, final Market market, final double sbp, final double ssp)
    {
        final List<Unit> units = market.units();
        final int n = units.size();
        final Result out = new Result();

        // Trading units: delivering iff the sum of their units' metered volumes > 0.
        final double[] tuSum = new double[market.tradingUnits()];
        for (final Unit u : units)
        {
            if (u.active())
            {
                tuSum[u.tradingUnit()] += qm(u);
                out.tloss += qm(u);
            }
        }
        out.delivering = new boolean[n];
        double plusTlf = 0;
        double minusTlf = 0;
        for (int i = 0; i < n; i++)
        {
            final Unit u = units.get(i);
            if (!u.active())
            {
                continue;
            }
            out.delivering[i] = tuSum[u.tradingUnit()] > 0;
            if (u.interconnector() && !options.interconnectorsInTlmoSums())
            {
                continue;
            }
            if (out.delivering[i])
            {
                out.plusQm += qm(u);
                plusTlf += u.tlf() * qm(u);
            }
            else
            {
                out.minusQm += qm(u);
                minusTlf += u.tlf() * qm(u);
            }
        }
        final boolean netted = options.tlmoFormula() == SettlementOptions.TlmoFormula.TLF_NETTED;
        if (!netted)
        {
            plusTlf = 0;
            minusTlf = 0;
        }
        final double alpha = options.alpha();
        out.tlmoPlus = out.plusQm == 0 ? 0 : (-alpha * out.tloss - plusTlf) / out.plusQm;
        out.tlmoMinus = out.minusQm == 0 ? 0 : (-(1 - alpha) * out.tloss - minusTlf) / out.minusQm;
        if (options.lossDivisionGuard() == SettlementOptions.LossDivisionGuard.OTHER_SIDE_TAKES_ALL)
        {
            if (out.plusQm == 0 && out.minusQm != 0)
            {
                out.tlmoMinus = (-out.tloss - plusTlf - minusTlf) / out.minusQm;
            }
            if (out.minusQm == 0 && out.plusQm != 0)
            {
                out.tlmoPlus = (-out.tloss - plusTlf - minusTlf) / out.plusQm;
            }
        }
        out.tlm = new double[n];
        for (int i = 0; i < n; i++)
        {
            final Unit u = units.get(i);
            if (!u.active() || u.interconnector())
            {
                out.tlm[i] = 1;
            }
            else if (out.delivering[i])
            {
                out.tlm[i] = 1 + u.tlf() + out.tlmoPlus;
            }
            else
            {
                out.tlm[i] = 1 + u.tlf() + out.tlmoMinus;
            }
        }

        // BM Unit volumes.
        out.qaoTotal = new double[n];
        out.qabTotal = new double[n];
        out.qbs = new double[n];
        out.qme = new double[n];
        out.qii = new double[n];
        for (int i = 0; i < n; i++)
        {
            final Unit u = units.get(i);
            if (!u.active())
            {
                continue;
            }
            for (final Accepted r : market.rows())
            {
                if (r.unit() == i)
                {
                    out.qaoTotal[i] += r.qao();
                    out.qabTotal[i] += r.qab();
                }
            }
            out.qbs[i] = out.qaoTotal[i] + out.qabTotal[i] + u.qas();
            out.qme[i] = u.fpn() + out.qaoTotal[i] + out.qabTotal[i];
            out.qii[i] = qm(u) - out.qme[i];
        }

        // Credited energy with MVRN, QACE and the RCRP basis.
        final int accounts = market.accounts();
        out.qace = new double[accounts];
        out.basis = new double[accounts];
        for (int i = 0; i < n; i++)
        {
            final Unit u = units.get(i);
            if (!u.active())
            {
                continue;
            }
            final List<Mvrn> mine = new ArrayList<>();
            double fixedSum = 0;
            for (final Mvrn m : market.mvrns())
            {
                if (m.unit() == i)
                {
                    mine.add(m);
                    fixedSum += m.fixed();
                }
            }
            double reallocated = 0;
            for (final Mvrn m : mine)
            {
                final double base =
                    options.mvrnFormula() == SettlementOptions.MvrnFormula.FIXED_THEN_PERCENT_OF_REMAINDER ?
                    qm(u) - fixedSum : qm(u);
                final double qmr = m.fixed() + m.percent() / 100 * base;
                reallocated += qmr;
                credit(out, u, i, m.account(), qmr * out.tlm[i]);
            }
            credit(out, u, i, u.account(), (qm(u) - reallocated) * out.tlm[i]);
        }

        out.qabc = new double[accounts];
        for (final Ecvn e : market.ecvns())
        {
            out.qabc[e.from()] += e.volume();
            out.qabc[e.to()] -= e.volume();
        }
        out.qabs = new double[accounts];
        for (int i = 0; i < n; i++)
        {
            final Unit u = units.get(i);
            if (u.active())
            {
                out.qabs[u.account()] += options.tlmOnQabs() ? out.qbs[i] * out.tlm[i] : out.qbs[i];
            }
        }
        out.qaei = new double[accounts];
        out.rcrp = new double[accounts];
        double magnitude = 0;
        for (int a = 0; a < accounts; a++)
        {
            out.qaei[a] = out.qace[a] - out.qabs[a] - out.qabc[a];
            out.basisTotal += out.basis[a];
            magnitude += Math.abs(out.basis[a]);
        }
        if (Math.abs(out.basisTotal) <= 1e-12 * magnitude)
        {
            out.basisTotal = 0;
        }
        for (int a = 0; a < accounts; a++)
        {
            out.rcrp[a] = out.basisTotal == 0 ? 0 : out.basis[a] / out.basisTotal;
        }

        // Cashflows.
        final List<Accepted> rows = market.rows();
        out.rowCo = new double[rows.size()];
        out.rowCb = new double[rows.size()];
        out.cbm = new double[n];
        for (int r = 0; r < rows.size(); r++)
        {
            final Accepted row = rows.get(r);
            if (!units.get(row.unit()).active())
            {
                continue;
            }
            final double factor = options.tlmOnCbm() ? out.tlm[row.unit()] : 1;
            out.rowCo[r] = row.qao() * row.offerPrice() * factor;
            out.rowCb[r] = row.qab() * row.bidPrice() * factor;
            out.cbm[row.unit()] += out.rowCo[r] + out.rowCb[r];
        }
        for (int i = 0; i < n; i++)
        {
            out.totalCbm += out.cbm[i];
        }
        out.caei = new double[accounts];
        for (int a = 0; a < accounts; a++)
        {
            out.caei[a] = out.qaei[a] > 0 ? -out.qaei[a] * ssp : -out.qaei[a] * sbp;
            out.totalCaei += out.caei[a];
        }
        out.cii = new double[n];
        for (int i = 0; i < n; i++)
        {
            if (units.get(i).active())
            {
                out.cii[i] = (out.qii[i] > 0 ? options.iipOver() : options.iipUnder()) * Math.abs(out.qii[i]);
                out.totalCii += out.cii[i];
            }
        }

        out.qndo = new double[n];
        out.qndb = new double[n];
        out.cnd = new double[n];
        out.rowQndo = new double[rows.size()];
        out.rowQndb = new double[rows.size()];
        for (int i = 0; i < n; i++)
        {
            final Unit u = units.get(i);
            if (!u.active())
            {
                continue;
            }
            final double shortfall = out.qme[i] - qm(u);
            out.qndo[i] = Math.max(shortfall, 0);
            out.qndb[i] = Math.min(shortfall, 0);
            if (options.clampNonDeliveryToAccepted())
            {
                out.qndo[i] = Math.min(out.qndo[i], out.qaoTotal[i]);
                out.qndb[i] = Math.max(out.qndb[i], out.qabTotal[i]);
            }
            final List<Integer> offers = new ArrayList<>();
            final List<Integer> bids = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++)
            {
                if (rows.get(r).unit() == i && rows.get(r).qao() > 0)
                {
                    offers.add(r);
                }
                if (rows.get(r).unit() == i && rows.get(r).qab() < 0)
                {
                    bids.add(r);
                }
            }
            final boolean byPrice =
                options.nonDeliveryRanking() == SettlementOptions.NonDeliveryRanking.MOST_EXPENSIVE_FIRST;
            final Comparator<Integer> order = Comparator.<Integer>comparingLong(r -> rows.get(r).acceptance())
                .thenComparingInt(r -> rows.get(r).pair()).thenComparingInt(r -> r);
            offers.sort(byPrice ?
                Comparator.<Integer>comparingDouble(r -> -rows.get(r).offerPrice()).thenComparing(order) : order);
            bids.sort(byPrice ?
                Comparator.<Integer>comparingDouble(r -> rows.get(r).bidPrice()).thenComparing(order) : order);
            double charge = 0;
            double remaining = out.qndo[i];
            for (final int r : offers)
            {
                final double take = Math.min(rows.get(r).qao(), remaining);
                if (take <= 0)
                {
                    break;
                }
                out.rowQndo[r] = take;
                remaining -= take;
                charge += take * Math.max(rows.get(r).offerPrice() - sbp, 0);
            }
            remaining = out.qndb[i];
            for (final int r : bids)
            {
                final double take = Math.max(rows.get(r).qab(), remaining);
                if (take >= 0)
                {
                    break;
                }
                out.rowQndb[r] = take;
                remaining -= take;
                charge += take * Math.min(rows.get(r).bidPrice() - ssp, 0);
            }
            out.cnd[i] = options.tlmOnCnd() ? charge * out.tlm[i] : charge;
            out.totalCnd += out.cnd[i];
        }

        out.trc = out.totalCaei;
        if (options.trcComposition() == SettlementOptions.TrcComposition.CAEI_CII_CND)
        {
            out.trc += out.totalCii + out.totalCnd;
        }
        out.rcrc = new double[accounts];
        for (int a = 0; a < accounts; a++)
        {
            out.rcrc[a] = out.rcrp[a] * out.trc;
        }
        out.so = options.soCashflowSign() == SettlementOptions.SoCashflowSign.PAYABLE_BY_SO ?
            out.totalCbm : -out.totalCbm;
        return out;
    }

    private static double qm(final Unit u)
    {
        return u.hasQm() ? u.qm() : 0;
    }

    private static void credit(final Result out, final Unit u, final int i, final int account, final double qce)
    {
        out.qace[account] += qce;
        if (!u.interconnector())
        {
            out.basis[account] += out.delivering[i] ? qce : -qce;
        }
    }
}
