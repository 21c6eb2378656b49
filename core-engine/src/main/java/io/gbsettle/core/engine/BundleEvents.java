package io.gbsettle.core.engine;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.event.EventType;
import io.gbsettle.core.event.Hashing64;
import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.files.AcceptanceSegments;
import io.gbsettle.core.files.BidOfferRows;
import io.gbsettle.core.files.BsadActions;
import io.gbsettle.core.files.ContractVolumes;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.MarketIndexRows;
import io.gbsettle.core.files.MeteredVolumes;
import io.gbsettle.core.files.PnSegments;
import io.gbsettle.core.files.Reallocations;
import io.gbsettle.core.files.ServicesVolumes;

/**
 * Submits a loaded day bundle to an engine as input records, row by row, in the bundle's order, each from
 * {@link EventSource#BUNDLE} with the source key {@code file << 40 | row}: {@code bsc settle --journal} uses it, and
 * so do the tests that hold the engine to the batch settlement. Submitting the same bundle twice has no effect
 * twice (the records are the same, so their idempotency keys are).
 */
public final class BundleEvents
{
    private static final long PN = 1L << 40;
    private static final long BOD = 2L << 40;
    private static final long BOALF = 3L << 40;
    private static final long DISBSAD = 4L << 40;
    private static final long NETBSAD = 5L << 40;
    private static final long MID = 6L << 40;
    private static final long LOLP = 7L << 40;
    private static final long METERED = 8L << 40;
    private static final long ECVN = 9L << 40;
    private static final long MVRN = 10L << 40;
    private static final long ABSVD = 11L << 40;
    private static final long DAY = 12L << 40;

    private BundleEvents()
    {
    }

    /**
     * Settles a bundle through the engine: submits every row, triggers the bundle's run keyed by the bundle's
     * content and run (so the same bundle runs once, however often it is submitted) and waits until the run's results
     * are published.
     *
     * @param bundle  the day.
     * @param engine  the engine.
     * @param timeout how long to wait for the run at most.
     * @param unit    its unit.
     * @return the run trigger's input position.
     * @throws TimeoutException if the run is not published in time.
     */
    public static long settle(final DayBundle bundle, final Engine engine, final long timeout, final TimeUnit unit)
        throws TimeoutException
    {
        final long digest = submit(bundle, engine);
        final long trigger = engine.triggerRun(EventSource.OPERATOR, Hashing64.combine(digest, bundle.run().ordinal()),
            bundle.epochDay(), bundle.run());
        engine.awaitProcessed(trigger, timeout, unit);
        return trigger;
    }

    /**
     * Submits every row of the bundle (registry indices as loaded).
     *
     * @param bundle the day.
     * @param engine the engine.
     * @return a digest of what was submitted (the same bundle gives the same digest): a run trigger keyed by it is
     *         idempotent for the bundle.
     */
    public static long submit(final DayBundle bundle, final Engine engine)
    {
        final int source = EventSource.BUNDLE;
        final long day = bundle.epochDay();
        long digest = day;

        final PnSegments pn = bundle.pn();
        for (int r = 0; r < pn.count(); r++)
        {
            engine.submitPn(source, PN | r, day, pn.bmUnit(r), pn.timeFrom(r), pn.levelFrom(r), pn.timeTo(r),
                pn.levelTo(r));
            digest = Hashing64.combine(digest, Double.doubleToRawLongBits(pn.levelFrom(r)) ^ pn.timeFrom(r));
        }
        final BidOfferRows bod = bundle.bod();
        for (int r = 0; r < bod.count(); r++)
        {
            engine.submitBod(source, BOD | r, day, bod.bmUnit(r), bod.pairId(r), bod.timeFrom(r), bod.levelFrom(r),
                bod.timeTo(r), bod.levelTo(r), bod.offer(r), bod.bid(r));
            digest = Hashing64.combine(digest, Double.doubleToRawLongBits(bod.offer(r)) ^ bod.timeFrom(r));
        }
        final AcceptanceSegments acceptances = bundle.acceptances();
        for (int r = 0; r < acceptances.count(); r++)
        {
            engine.submitAcceptance(source, BOALF | r, day, acceptances.bmUnit(r), acceptances.acceptanceNumber(r),
                acceptances.acceptanceTime(r), acceptances.timeFrom(r), acceptances.levelFrom(r),
                acceptances.timeTo(r), acceptances.levelTo(r), acceptances.flags(r));
            digest = Hashing64.combine(digest, acceptances.acceptanceNumber(r) ^ acceptances.timeFrom(r));
        }
        final BsadActions bsad = bundle.bsad();
        for (int r = 0; r < bsad.count(); r++)
        {
            engine.submitPeriodValue(EventType.BSAD_ACTION, source, DISBSAD | r, day, bsad.period(r), bsad.id(r),
                bsad.cost(r), bsad.volume(r), (bsad.so(r) ? InputEvent.FLAG_SO : 0) |
                (bsad.stor(r) ? InputEvent.FLAG_STOR : 0));
            digest = Hashing64.combine(digest, Double.doubleToRawLongBits(bsad.cost(r)));
        }
        for (int p = 1; p <= bundle.periodCount(); p++)
        {
            engine.submitPeriodValue(EventType.NETBSAD, source, NETBSAD | p, day, p, 0, bundle.bpa(p), bundle.spa(p),
                0);
            digest = Hashing64.combine(digest, Double.doubleToRawLongBits(bundle.bpa(p) + bundle.spa(p)));
            if (!Double.isNaN(bundle.lolp(p)))
            {
                engine.submitPeriodValue(EventType.LOLP, source, LOLP | p, day, p, 0, bundle.lolp(p), 0,
                    bundle.storAvailabilityWindow(p) ? InputEvent.FLAG_STOR_WINDOW : 0);
                digest = Hashing64.combine(digest, Double.doubleToRawLongBits(bundle.lolp(p)));
            }
            if (!Double.isNaN(bundle.systemPriceOverride(p)))
            {
                engine.submitPeriodValue(EventType.SYSTEM_PRICE, source, DAY | p, day, p, 0,
                    bundle.systemPriceOverride(p), 0, 0);
                digest = Hashing64.combine(digest, Double.doubleToRawLongBits(bundle.systemPriceOverride(p)));
            }
        }
        final MarketIndexRows mid = bundle.marketIndex();
        for (int r = 0; r < mid.count(); r++)
        {
            engine.submitPeriodValue(EventType.MARKET_INDEX, source, MID | r, day, mid.period(r), r, mid.price(r),
                mid.volume(r), 0);
            digest = Hashing64.combine(digest, Double.doubleToRawLongBits(mid.price(r)));
        }
        final MeteredVolumes metered = bundle.meteredVolumes();
        for (int r = 0; r < metered.count(); r++)
        {
            engine.submitMetered(source, METERED | r, day, metered.period(r), metered.bmUnit(r), metered.qm(r));
            digest = Hashing64.combine(digest, Double.doubleToRawLongBits(metered.qm(r)) ^ metered.bmUnit(r));
        }
        final ContractVolumes ecvn = bundle.ecvn();
        for (int r = 0; r < ecvn.count(); r++)
        {
            engine.submitUnitValue(EventType.ECVN_LINE, source, ECVN | r, day, ecvn.period(r), ecvn.fromAccount(r),
                ecvn.toAccount(r), r, ecvn.volume(r), 0, 0);
            digest = Hashing64.combine(digest, Double.doubleToRawLongBits(ecvn.volume(r)) ^ ecvn.fromAccount(r));
        }
        final Reallocations mvrn = bundle.mvrn();
        for (int r = 0; r < mvrn.count(); r++)
        {
            engine.submitUnitValue(EventType.MVRN_LINE, source, MVRN | r, day, mvrn.period(r), mvrn.bmUnit(r),
                mvrn.subsidiaryAccount(r), 0, mvrn.fixed(r), mvrn.percentage(r), 0);
            digest = Hashing64.combine(digest, Double.doubleToRawLongBits(mvrn.fixed(r) + mvrn.percentage(r)));
        }
        final ServicesVolumes absvd = bundle.absvd();
        for (int r = 0; r < absvd.count(); r++)
        {
            engine.submitUnitValue(EventType.ABSVD, source, ABSVD | r, day, absvd.period(r), absvd.bmUnit(r), 0, 0,
                absvd.qas(r), 0, 0);
            digest = Hashing64.combine(digest, Double.doubleToRawLongBits(absvd.qas(r)));
        }
        long parameterKey = DAY | 1L << 20;
        final Map<String, Double> parameters = bundle.parameters();
        for (final String name : DayBundle.PARAMETER_NAMES)
        {
            final Double value = parameters.get(name);
            if (value != null)
            {
                final int code = EventType.parameterCode(name);
                engine.submitPeriodValue(EventType.DAY_PARAMETER, source, parameterKey++, day, 0, code, value, 0, 0);
                digest = Hashing64.combine(digest, Double.doubleToRawLongBits(value) ^ code);
            }
        }
        return digest;
    }
}
