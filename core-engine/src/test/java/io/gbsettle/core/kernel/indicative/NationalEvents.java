package io.gbsettle.core.kernel.indicative;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.gbsettle.core.files.AcceptanceSegments;
import io.gbsettle.core.files.BidOfferRows;
import io.gbsettle.core.files.BsadActions;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.MarketIndexRows;
import io.gbsettle.core.files.NationalBundle;
import io.gbsettle.core.files.PnSegments;
import io.gbsettle.core.kernel.indicative.BatchIndicative.Acc;
import io.gbsettle.core.kernel.indicative.BatchIndicative.Bod;
import io.gbsettle.core.kernel.indicative.BatchIndicative.Bsad;
import io.gbsettle.core.kernel.indicative.BatchIndicative.Event;
import io.gbsettle.core.kernel.indicative.BatchIndicative.Lolp;
import io.gbsettle.core.kernel.indicative.BatchIndicative.Mid;
import io.gbsettle.core.kernel.indicative.BatchIndicative.Netbsad;
import io.gbsettle.core.kernel.indicative.BatchIndicative.Pn;

/**
 * The generated national day ({@link NationalBundle}: about 2,700 BM Units) as balancing events, in file order, and
 * an {@link IndicativeBook} sized for it.
 */
final class NationalEvents
{
    static final int PERIOD_ROW_CAPACITY = 4_096;

    private NationalEvents()
    {
    }

    static DayBundle bundle()
    {
        return NationalBundle.load();
    }

    static List<Event> events(final DayBundle bundle)
    {
        final List<Event> events = new ArrayList<>();
        final PnSegments pn = bundle.pn();
        for (int r = 0; r < pn.count(); r++)
        {
            events.add(new Pn(pn.bmUnit(r), pn.timeFrom(r), pn.levelFrom(r), pn.timeTo(r), pn.levelTo(r)));
        }
        final BidOfferRows bod = bundle.bod();
        for (int r = 0; r < bod.count(); r++)
        {
            events.add(new Bod(bod.bmUnit(r), bod.pairId(r), bod.timeFrom(r), bod.levelFrom(r), bod.timeTo(r),
                bod.levelTo(r), bod.offer(r), bod.bid(r)));
        }
        final AcceptanceSegments acc = bundle.acceptances();
        for (int r = 0; r < acc.count(); r++)
        {
            events.add(new Acc(acc.bmUnit(r), acc.acceptanceNumber(r), acc.acceptanceTime(r), acc.timeFrom(r),
                acc.levelFrom(r), acc.timeTo(r), acc.levelTo(r), acc.so(r), acc.stor(r), acc.rr(r), acc.deemed(r)));
        }
        final BsadActions bsad = bundle.bsad();
        final MarketIndexRows mid = bundle.marketIndex();
        for (int j = 1; j <= bundle.periodCount(); j++)
        {
            for (int r = bsad.first(j); r < bsad.limit(j); r++)
            {
                events.add(new Bsad(j, bsad.id(r), bsad.cost(r), bsad.volume(r), bsad.so(r), bsad.stor(r)));
            }
            for (int r = mid.first(j); r < mid.limit(j); r++)
            {
                events.add(new Mid(j, r - mid.first(j), mid.price(r), mid.volume(r)));
            }
            events.add(new Netbsad(j, bundle.bpa(j), bundle.spa(j)));
            events.add(new Lolp(j, bundle.lolp(j), bundle.storAvailabilityWindow(j)));
        }
        return events;
    }

    static IndicativeBook newBook(final IndicativeOptions options, final DayBundle bundle)
    {
        final Map<Integer, Integer> pnPerUnit = new HashMap<>();
        final Map<Integer, Integer> bodPerUnit = new HashMap<>();
        final Map<Integer, Integer> accPerUnit = new HashMap<>();
        for (int r = 0; r < bundle.pn().count(); r++)
        {
            pnPerUnit.merge(bundle.pn().bmUnit(r), 1, Integer::sum);
        }
        for (int r = 0; r < bundle.bod().count(); r++)
        {
            bodPerUnit.merge(bundle.bod().bmUnit(r), 1, Integer::sum);
        }
        for (int r = 0; r < bundle.acceptances().count(); r++)
        {
            accPerUnit.merge(bundle.acceptances().bmUnit(r), 1, Integer::sum);
        }
        int unitRows = 16;
        for (final Map<Integer, Integer> m : List.of(pnPerUnit, bodPerUnit, accPerUnit))
        {
            for (final int n : m.values())
            {
                unitRows = Math.max(unitRows, n);
            }
        }
        int bsad = 1;
        for (int j = 1; j <= bundle.periodCount(); j++)
        {
            bsad = Math.max(bsad, bundle.bsad().limit(j) - bundle.bsad().first(j));
        }
        return new IndicativeBook(options, bundle.day().bmUnitCount(), bundle.pn().count(), bundle.bod().count(),
            bundle.acceptances().count(), unitRows, PERIOD_ROW_CAPACITY, bsad);
    }
}
