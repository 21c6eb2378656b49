package io.gbsettle.core.files;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.registry.BmUnitDay;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.time.SettlementRun;

/**
 * Builds a {@link DayBundle} from rows given one by one rather than from files: the engine turns the inputs of a
 * day as of a settlement run into a bundle this way, so that a run settles through exactly the same
 * {@code DaySettlement} as {@code bsc settle} does. Rows are taken as given (already resolved to registry indices and
 * validated by whoever produced them); within a period they keep the order they were added in.
 *
 * <p>Single use: add rows, then {@link #build()} once.
 */
public final class DayBundleBuilder
{
    private static final int LONG_DAY_PERIODS = 50;

    private final DayBundle bundle;
    private final Map<String, Double> parameters = new LinkedHashMap<>();
    private boolean built;

    /**
     * @param registry the market registry the indices refer to.
     * @param epochDay the Settlement Day.
     * @param run      the run the inputs are for.
     */
    public DayBundleBuilder(final MarketRegistry registry, final long epochDay, final SettlementRun run)
    {
        final double[] override = new double[LONG_DAY_PERIODS + 1];
        Arrays.fill(override, Double.NaN);
        this.bundle = new DayBundle(registry, epochDay, run, override, Map.of());
    }

    /**
     * @return the day's number of Settlement Periods.
     */
    public int periodCount()
    {
        return bundle.periodCount;
    }

    /**
     * @return the registry's view of the day (who is registered, lead parties, TLFs).
     */
    public BmUnitDay day()
    {
        return bundle.day();
    }

    /**
     * @return the UTC epoch second the day starts at.
     */
    public long dayStartEpochSecond()
    {
        return bundle.dayStartEpochSecond();
    }

    /**
     * Sizes the tables for the rows that are coming, so that filling them does not grow them step by step.
     *
     * @param pn          PN segments.
     * @param bod         BOD rows.
     * @param acceptances acceptance segments.
     * @param bsad        DISBSAD actions.
     * @param marketIndex MID rows.
     * @param metered     metered volumes.
     * @param ecvn        ECVN lines.
     * @param mvrn        MVRN lines.
     * @param absvd       ABSVD rows.
     */
    public void reserve(final int pn, final int bod, final int acceptances, final int bsad, final int marketIndex,
        final int metered, final int ecvn, final int mvrn, final int absvd)
    {
        bundle.pn.reserve(pn);
        bundle.bod.reserve(bod);
        bundle.acceptances.reserve(acceptances);
        bundle.bsad.reserve(bsad);
        bundle.marketIndex.reserve(marketIndex);
        bundle.metered.reserve(metered);
        bundle.ecvn.reserve(ecvn);
        bundle.mvrn.reserve(mvrn);
        bundle.absvd.reserve(absvd);
    }

    /**
     * A Physical Notification segment.
     *
     * @param bmUnit    BM Unit index.
     * @param timeFrom  epoch second.
     * @param levelFrom MW.
     * @param timeTo    epoch second.
     * @param levelTo   MW.
     */
    public void pn(final int bmUnit, final long timeFrom, final double levelFrom, final long timeTo,
        final double levelTo)
    {
        bundle.pn.add(bmUnit, timeFrom, levelFrom, timeTo, levelTo);
    }

    /**
     * A Bid-Offer Data band segment.
     *
     * @param bmUnit    BM Unit index.
     * @param pairId    bid-offer pair number.
     * @param timeFrom  epoch second.
     * @param levelFrom MW.
     * @param timeTo    epoch second.
     * @param levelTo   MW.
     * @param offer     offer price, £/MWh.
     * @param bid       bid price, £/MWh.
     */
    public void bod(final int bmUnit, final int pairId, final long timeFrom, final double levelFrom,
        final long timeTo, final double levelTo, final double offer, final double bid)
    {
        bundle.bod.add(bmUnit, pairId, timeFrom, levelFrom, timeTo, levelTo, offer, bid);
    }

    /**
     * A Bid-Offer Acceptance segment.
     *
     * @param bmUnit           BM Unit index.
     * @param acceptanceNumber the acceptance number.
     * @param acceptanceTime   epoch second.
     * @param timeFrom         epoch second.
     * @param levelFrom        MW.
     * @param timeTo           epoch second.
     * @param levelTo          MW.
     * @param flags            {@link AcceptanceSegments#SO} | {@link AcceptanceSegments#STOR} | ...
     */
    public void acceptance(final int bmUnit, final long acceptanceNumber, final long acceptanceTime,
        final long timeFrom, final double levelFrom, final long timeTo, final double levelTo, final int flags)
    {
        bundle.acceptances.add(bmUnit, acceptanceNumber, acceptanceTime, timeFrom, levelFrom, timeTo, levelTo, flags);
    }

    /**
     * A Balancing Services Adjustment action.
     *
     * @param period the period.
     * @param id     the action id.
     * @param cost   £.
     * @param volume MWh.
     * @param so     SO-Flag.
     * @param stor   STOR flag.
     */
    public void bsad(final int period, final int id, final double cost, final double volume, final boolean so,
        final boolean stor)
    {
        bundle.bsad.add(period, id, cost, volume, so, stor);
    }

    /**
     * @param period the period.
     * @param bpa    Buy Price Adjustment.
     * @param spa    Sell Price Adjustment.
     */
    public void netbsad(final int period, final double bpa, final double spa)
    {
        bundle.bpa[period] = Double.isNaN(bpa) ? 0.0 : bpa;
        bundle.spa[period] = Double.isNaN(spa) ? 0.0 : spa;
    }

    /**
     * @param period the period.
     * @param price  £/MWh.
     * @param volume MWh.
     */
    public void marketIndex(final int period, final double price, final double volume)
    {
        bundle.marketIndex.add(period, price, volume);
    }

    /**
     * @param period     the period.
     * @param lolp       Loss of Load Probability.
     * @param storWindow whether the period is in a STOR availability window.
     */
    public void lolp(final int period, final double lolp, final boolean storWindow)
    {
        bundle.lolp[period] = lolp;
        bundle.storWindow[period] = storWindow;
    }

    /**
     * @param period the period.
     * @param bmUnit BM Unit index.
     * @param qm     metered volume, MWh.
     */
    public void metered(final int period, final int bmUnit, final double qm)
    {
        bundle.metered.add(period, bmUnit, qm);
    }

    /**
     * @param period      the period.
     * @param fromAccount Energy Account index.
     * @param toAccount   Energy Account index.
     * @param volume      MWh.
     */
    public void ecvn(final int period, final int fromAccount, final int toAccount, final double volume)
    {
        bundle.ecvn.add(period, fromAccount, toAccount, volume);
    }

    /**
     * @param period            the period.
     * @param bmUnit            BM Unit index.
     * @param subsidiaryAccount Energy Account index.
     * @param fixed             MWh.
     * @param percentage        0..100.
     */
    public void mvrn(final int period, final int bmUnit, final int subsidiaryAccount, final double fixed,
        final double percentage)
    {
        bundle.mvrn.add(period, bmUnit, subsidiaryAccount, fixed, percentage);
    }

    /**
     * @param period the period.
     * @param bmUnit BM Unit index.
     * @param qas    MWh.
     */
    public void absvd(final int period, final int bmUnit, final double qas)
    {
        bundle.absvd.add(period, bmUnit, qas);
    }

    /**
     * @param period the period.
     * @param price  the system price to use instead of the calculated one.
     */
    public void systemPrice(final int period, final double price)
    {
        bundle.systemPriceOverride[period] = price;
    }

    /**
     * @param name  one of {@link DayBundle#PARAMETER_NAMES}.
     * @param value its value.
     */
    public void parameter(final String name, final double value)
    {
        if (!DayBundle.PARAMETER_NAMES.contains(name))
        {
            throw new IllegalArgumentException("unknown parameter " + name + ": expected one of " +
                DayBundle.PARAMETER_NAMES);
        }
        parameters.put(name, value);
    }

    /**
     * Seals the tables (sorted by period, file order kept within a period) and returns the bundle.
     *
     * @param problems problems the builder's caller found, carried by the bundle's {@link DayBundle#problems()}.
     * @return the bundle.
     */
    public DayBundle build(final List<InputProblem> problems)
    {
        if (built)
        {
            throw new IllegalStateException("already built");
        }
        built = true;
        bundle.seal();
        bundle.parameters = Map.copyOf(parameters);
        bundle.problems = List.copyOf(problems);
        return bundle;
    }
}
