package io.gbsettle.core.settle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.gbsettle.core.files.AcceptanceSegments;
import io.gbsettle.core.files.BidOfferRows;
import io.gbsettle.core.files.BsadActions;
import io.gbsettle.core.files.ColumnTable;
import io.gbsettle.core.files.ContractVolumes;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.MarketIndexRows;
import io.gbsettle.core.files.MeteredVolumes;
import io.gbsettle.core.files.PnSegments;
import io.gbsettle.core.files.Reallocations;
import io.gbsettle.core.files.ServicesVolumes;
import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.kernel.price.ImbalancePriceKernel;
import io.gbsettle.core.kernel.price.PriceOptions;
import io.gbsettle.core.kernel.price.PriceParameters;
import io.gbsettle.core.kernel.price.PriceResult;
import io.gbsettle.core.kernel.price.PriceStack;
import io.gbsettle.core.kernel.settle.PartyDayTotals;
import io.gbsettle.core.kernel.settle.PeriodBook;
import io.gbsettle.core.kernel.settle.SettlementKernels;
import io.gbsettle.core.kernel.settle.SettlementOptions;
import io.gbsettle.core.kernel.volume.AcceptanceVolumeKernel;
import io.gbsettle.core.kernel.volume.AcceptedVolumes;
import io.gbsettle.core.kernel.volume.BalancingBook;
import io.gbsettle.core.kernel.volume.VolumeOptions;
import io.gbsettle.core.registry.BmUnitDay;

/**
 * Settles one day bundle: feeds the kernels period by period and hands every result row to a
 * {@link SettlementReport}. No I/O.
 *
 * <pre>
 *   DayBundle ──PN, BOD, BOALF (whole day)──► BalancingBook ──seal──┐
 *   for each period j:                                               ▼
 *     AcceptanceVolumeKernel.period ──► AcceptedVolumes (FPN, QAO/QAB per (i, k, n))
 *     metered, FPN, ABSVD, accepted rows, ECVN, MVRN ──► PeriodBook ──► SettlementKernels.volumes (TLM, QAEI, ...)
 *     accepted rows × TLM, DISBSAD, NETBSAD, LoLP, MID ──► PriceStack ──► ImbalancePriceKernel ──► SBP = SSP
 *       (or the day.json override)
 *     SettlementKernels.cashflows(SBP, SSP) ──► report rows; PartyDayTotals.add
 *   party totals ──► report.partyDay; report.end()
 * </pre>
 *
 * <p>Every book is sized once, from the bundle, when the driver is built; settling a period allocates nothing in
 * the driver itself. One instance per thread.
 *
 * <p>{@code day.json} {@code parameters} applied here: {@code alpha} (share of losses to delivering Trading Units),
 * {@code iipOver} and {@code iipUnder} (Information Imbalance Prices), see {@link DayBundle#PARAMETER_NAMES}.
 */
public final class DaySettlement
{
    private static final int PAIR_SLOTS = 2 * BalancingBook.MAX_PAIR + 1;

    private final DayBundle bundle;
    private final VolumeOptions volumeOptions;
    private final SettlementOptions settlementOptions;
    private final PriceOptions priceOptions;
    private final PriceParameters priceParameters;
    private final BalancingBook balancing;
    private final AcceptedVolumes accepted;
    private final PeriodBook book;
    private final PriceStack stack;
    private final PriceResult price;
    private final PartyDayTotals totals;
    private final List<InputProblem> problems = new ArrayList<>();

    /**
     * A driver with every kernel's default choices (and the bundle's parameter overrides).
     *
     * @param bundle the loaded day.
     */
    public DaySettlement(final DayBundle bundle)
    {
        this(bundle, SettlementContext.defaults());
    }

    /**
     * A driver with chosen kernel options; the bundle's {@code parameters} are applied on top of a copy of the
     * context's settlement options (the context itself is not changed).
     *
     * @param bundle  the loaded day.
     * @param context every kernel's choices.
     * @throws IllegalArgumentException if the day is before the single imbalance price (5 November 2015) and a
     *                                  period has no system price override in {@code day.json}.
     */
    public DaySettlement(final DayBundle bundle, final SettlementContext context)
    {
        this.bundle = bundle;
        this.volumeOptions = context.volumeOptions();
        this.settlementOptions = applyParameters(context.settlementOptions().copy(), bundle.parameters());
        this.priceOptions = context.priceOptions();
        this.priceParameters = priceParameters(bundle);

        final int units = bundle.registry().bmUnitCount();
        final int parties = bundle.registry().partyCount();
        final PnSegments pn = bundle.pn();
        final BidOfferRows bod = bundle.bod();
        final AcceptanceSegments acceptances = bundle.acceptances();
        balancing = new BalancingBook(units, pn.count(), bod.count(), acceptances.count());
        balancing.reset(bundle.dayStartEpochSecond(), bundle.periodCount());
        for (int r = 0; r < pn.count(); r++)
        {
            balancing.addPn(pn.bmUnit(r), pn.timeFrom(r), pn.levelFrom(r), pn.timeTo(r), pn.levelTo(r));
        }
        for (int r = 0; r < bod.count(); r++)
        {
            balancing.addBod(bod.bmUnit(r), bod.pairId(r), bod.timeFrom(r), bod.levelFrom(r), bod.timeTo(r),
                bod.levelTo(r), bod.offer(r), bod.bid(r));
        }
        for (int r = 0; r < acceptances.count(); r++)
        {
            balancing.addAcceptance(acceptances.bmUnit(r), acceptances.acceptanceNumber(r),
                acceptances.acceptanceTime(r), acceptances.timeFrom(r), acceptances.levelFrom(r),
                acceptances.timeTo(r), acceptances.levelTo(r), acceptances.so(r), acceptances.stor(r),
                acceptances.rr(r), acceptances.deemed(r));
        }
        balancing.seal();

        final int rowCapacity = Math.max(16, acceptances.count() * PAIR_SLOTS);
        accepted = new AcceptedVolumes(units, rowCapacity);
        final int periods = bundle.periodCount();
        book = new PeriodBook(units, parties, rowCapacity, Math.max(1, mostInAPeriod(bundle.ecvn(), periods)),
            Math.max(1, mostInAPeriod(bundle.mvrn(), periods)));
        book.registry(bundle.day());
        final int stackCapacity = 2 * rowCapacity + mostInAPeriod(bundle.bsad(), periods) + 1;
        stack = new PriceStack(stackCapacity);
        price = new PriceResult(stackCapacity);
        totals = new PartyDayTotals(parties);
    }

    /**
     * Settles every period of the day into a report, then the party totals.
     *
     * @param report where the rows go.
     */
    public void settle(final SettlementReport report)
    {
        problems.clear();
        totals.reset();
        for (int period = 1; period <= bundle.periodCount(); period++)
        {
            settlePeriod(period, report);
        }
        for (int party = 0; party < totals.partyCount(); party++)
        {
            report.partyDay(party, totals.cbm(party), totals.cnd(party), totals.caei(party), totals.cii(party),
                totals.rcrc(party), totals.net(party));
        }
        report.end();
    }

    private void settlePeriod(final int period, final SettlementReport report)
    {
        AcceptanceVolumeKernel.period(volumeOptions, balancing, period, accepted);
        final BmUnitDay day = bundle.day();
        final int units = day.bmUnitCount();

        book.reset();
        final MeteredVolumes metered = bundle.meteredVolumes();
        for (int r = metered.first(period), limit = metered.limit(period); r < limit; r++)
        {
            book.meteredVolume(metered.bmUnit(r), metered.qm(r));
        }
        for (int i = 0; i < units; i++)
        {
            if (day.active(i))
            {
                book.fpn(i, accepted.fpn(i));
            }
        }
        final ServicesVolumes absvd = bundle.absvd();
        for (int r = absvd.first(period), limit = absvd.limit(period); r < limit; r++)
        {
            book.absvd(absvd.bmUnit(r), absvd.qas(r));
        }
        for (int r = 0, rows = accepted.count(); r < rows; r++)
        {
            final boolean priced = Double.isFinite(accepted.offerPrice(r)) && Double.isFinite(accepted.bidPrice(r));
            if (!priced)
            {
                unpriced(period, r);
            }
            book.addAccepted(accepted.bmUnit(r), accepted.acceptanceNumber(r), accepted.pairId(r),
                accepted.offerVolume(r), accepted.bidVolume(r), priced ? accepted.offerPrice(r) : 0.0,
                priced ? accepted.bidPrice(r) : 0.0);
        }
        final ContractVolumes ecvn = bundle.ecvn();
        for (int r = ecvn.first(period), limit = ecvn.limit(period); r < limit; r++)
        {
            book.addEcvn(ecvn.fromAccount(r), ecvn.toAccount(r), ecvn.volume(r));
        }
        final Reallocations mvrn = bundle.mvrn();
        for (int r = mvrn.first(period), limit = mvrn.limit(period); r < limit; r++)
        {
            book.addMvrn(mvrn.bmUnit(r), mvrn.subsidiaryAccount(r), mvrn.fixed(r), mvrn.percentage(r));
        }
        SettlementKernels.volumes(settlementOptions, book);

        final double override = bundle.systemPriceOverride(period);
        double niv = Double.NaN;
        double systemPrice = override;
        if (priceParameters != null)
        {
            fillStack(period);
            ImbalancePriceKernel.price(priceParameters, priceOptions, stack, price);
            niv = price.netImbalanceVolume();
            if (Double.isNaN(override))
            {
                systemPrice = price.systemPrice();
            }
        }
        SettlementKernels.cashflows(settlementOptions, book, systemPrice, systemPrice);
        totals.add(book);
        if (book.rcrpBasisTotal() == 0 && book.trc() != 0)
        {
            residualNotReallocated(period);
        }

        for (int i = 0; i < units; i++)
        {
            if (day.active(i))
            {
                report.bmUnitPeriod(period, i, book.fpn(i), book.qaoTotal(i), book.qabTotal(i), book.qbs(i),
                    book.qm(i), book.tlm(i), book.qme(i), book.qii(i), book.qndo(i), book.qndb(i), book.cbm(i),
                    book.cnd(i), book.cii(i));
            }
        }
        for (int a = 0, accounts = book.accountCount(); a < accounts; a++)
        {
            report.accountPeriod(period, a, book.qace(a), book.qabc(a), book.qabs(a), book.qaei(a), book.caei(a),
                book.rcrp(a), book.rcrc(a));
        }
        report.period(period, systemPrice, niv, book.tloss(), book.tlmoPlus(), book.tlmoMinus(), book.totalCbm(),
            book.totalCaei(), book.trc(), book.soCashflow());
    }

    /**
     * Problems found while settling (not while loading): accepted volume that no submitted bid-offer band prices.
     * Cleared by each {@link #settle}; empty for good data, so settling allocates nothing then.
     *
     * @return the problems of the last {@link #settle}, in period order.
     */
    public List<InputProblem> problems()
    {
        return List.copyOf(problems);
    }

    /**
     * Accepted volume outside every submitted band (the volume kernel's pair 0) has no price: deemed bid-offer
     * pricing (Section T 3.4B) is not implemented. It still counts in QBS and QME (so information imbalance stays
     * right), is priced at 0 for CBM and for the non-delivery charge, and stays out of the price stack; the problem
     * says so.
     */
    private void unpriced(final int period, final int r)
    {
        final double volume = accepted.offerVolume(r) + accepted.bidVolume(r);
        problems.add(new InputProblem(DayBundle.BOALF_FILE, 0, period,
            bundle.registry().bmUnitId(accepted.bmUnit(r)), "acceptanceNumber",
            Long.toString(accepted.acceptanceNumber(r)),
            String.format(Locale.ROOT, "accepted volume of %.6f MWh lies outside every submitted bid-offer band " +
                "(no BOD pair prices it): counted in QBS and QME, priced at 0 for CBM and non-delivery, left out of " +
                "the imbalance price; deemed bid-offer prices are not implemented", volume)));
    }

    /**
     * When the credited energy that RCRP shares by nets to zero, the proportions are undefined and the residual is
     * not reallocated (see {@link SettlementKernels#RCRP_ZERO_TOLERANCE}): the period is then not cash neutral, so
     * it is listed rather than left to be found.
     */
    private void residualNotReallocated(final int period)
    {
        problems.add(new InputProblem(DayBundle.METERED_FILE, 0, period, "", "", "",
            String.format(Locale.ROOT, "the Trading Unit-signed credited energy of all accounts nets to zero, so " +
                "RCRP is undefined and the residual TRC of %.2f GBP is not reallocated", book.trc())));
    }

    private void fillStack(final int period)
    {
        stack.reset();
        for (int r = 0, rows = accepted.count(); r < rows; r++)
        {
            final int unit = accepted.bmUnit(r);
            final double tlm = book.tlm(unit);
            final double offer = accepted.offerVolume(r);
            final double bid = accepted.bidVolume(r);
            // Pair 0 (volume outside every band) has no price: it cannot enter the stack.
            if (offer != 0.0 && Double.isFinite(accepted.offerPrice(r)))
            {
                stack.addBoa(unit, accepted.acceptanceNumber(r), accepted.pairId(r), offer, accepted.offerPrice(r),
                    tlm, accepted.so(r), PriceStack.CADL_DERIVE, accepted.continuousDurationSeconds(r),
                    accepted.stor(r));
            }
            if (bid != 0.0 && Double.isFinite(accepted.bidPrice(r)))
            {
                stack.addBoa(unit, accepted.acceptanceNumber(r), accepted.pairId(r), bid, accepted.bidPrice(r),
                    tlm, accepted.so(r), PriceStack.CADL_DERIVE, accepted.continuousDurationSeconds(r),
                    accepted.stor(r));
            }
        }
        final BsadActions bsad = bundle.bsad();
        for (int r = bsad.first(period), limit = bsad.limit(period); r < limit; r++)
        {
            final double volume = bsad.volume(r);
            final double bsap = volume == 0.0 ? Double.NaN : bsad.cost(r) / volume;
            stack.addBsad(bsad.id(r), volume, bsap, bsad.so(r), bsad.stor(r));
        }
        stack.setAdjusters(bundle.bpa(period), bundle.spa(period));
        stack.setLolp(bundle.lolp(period));
        stack.setStorAvailabilityWindow(bundle.storAvailabilityWindow(period));
        final MarketIndexRows mid = bundle.marketIndex();
        for (int r = mid.first(period), limit = mid.limit(period); r < limit; r++)
        {
            stack.addMarketIndex(mid.price(r), mid.volume(r));
        }
    }

    private static SettlementOptions applyParameters(
        final SettlementOptions options, final Map<String, Double> parameters)
    {
        for (final Map.Entry<String, Double> parameter : parameters.entrySet())
        {
            final double value = parameter.getValue();
            switch (parameter.getKey())
            {
                case "alpha" -> options.alpha(value);
                case "iipOver" -> options.iipOver(value);
                case "iipUnder" -> options.iipUnder(value);
                default -> throw new IllegalArgumentException("unknown parameter " + parameter.getKey());
            }
        }
        return options;
    }

    private static PriceParameters priceParameters(final DayBundle bundle)
    {
        if (bundle.epochDay() >= PriceParameters.SINGLE_PRICE_START)
        {
            return PriceParameters.on(bundle.epochDay());
        }
        for (int period = 1; period <= bundle.periodCount(); period++)
        {
            if (Double.isNaN(bundle.systemPriceOverride(period)))
            {
                throw new IllegalArgumentException(bundle.settlementDate() + " is before the single imbalance " +
                    "price (5 November 2015): give every period's price in day.json (systemPrice)");
            }
        }
        return null;
    }

    private static int mostInAPeriod(final ColumnTable table, final int periods)
    {
        int most = 0;
        for (int period = 1; period <= periods; period++)
        {
            most = Math.max(most, table.limit(period) - table.first(period));
        }
        return most;
    }
}
