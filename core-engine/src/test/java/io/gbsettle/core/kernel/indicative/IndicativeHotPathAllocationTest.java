package io.gbsettle.core.kernel.indicative;

import java.util.ArrayList;
import java.util.List;

import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.kernel.indicative.BatchIndicative.Acc;
import io.gbsettle.core.kernel.indicative.BatchIndicative.Bod;
import io.gbsettle.core.kernel.indicative.BatchIndicative.Bsad;
import io.gbsettle.core.kernel.indicative.BatchIndicative.Event;
import io.gbsettle.core.kernel.indicative.BatchIndicative.Pn;
import io.gbsettle.core.kernel.price.PriceParameters;
import io.gbsettle.core.testing.AllocationAssert;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The steady state of the real-time path allocates nothing: on a loaded national day, a PN, BOD, BOALF or DISBSAD
 * event (each alternating between two versions, so that every one changes accepted volumes or the stack) followed by
 * the repricing of every period it made dirty.
 */
final class IndicativeHotPathAllocationTest
{
    private IndicativeBook book;
    private Event[] original;
    private Event[] nudged;
    private int next;
    private boolean flip;
    private double sink;

    @Test
    void eventThenRepricingAllocatesNothing()
    {
        final DayBundle bundle = NationalEvents.bundle();
        book = NationalEvents.newBook(IndicativeOptions.DEFAULTS, bundle);
        book.reset(bundle.day(), bundle.dayStartEpochSecond(), bundle.periodCount(),
            PriceParameters.on(bundle.epochDay()));
        final List<Event> events = NationalEvents.events(bundle);
        for (final Event e : events)
        {
            e.apply(book);
        }
        drain();

        // events that reach the volume kernel and the price: rows of units that have acceptances
        final List<Event> from = new ArrayList<>();
        final List<Event> to = new ArrayList<>();
        for (final Event e : events)
        {
            if (e instanceof Acc a && from.size() < 64)
            {
                from.add(a);
                to.add(new Acc(a.unit, a.number, a.time, a.t0, a.l0 + 1, a.t1, a.l1 + 1, a.so, a.stor, a.rr,
                    a.deemed));
                for (final Event other : events)
                {
                    if (other instanceof Bod b && b.unit == a.unit && b.t0 < a.t1 && b.t1 > a.t0)
                    {
                        from.add(b);
                        to.add(new Bod(b.unit, b.pair, b.t0, b.l0, b.t1, b.l1, b.offer + 1, b.bid - 1));
                        break;
                    }
                }
                for (final Event other : events)
                {
                    if (other instanceof Pn p && p.unit == a.unit && p.t0 < a.t1 && p.t1 > a.t0)
                    {
                        from.add(p);
                        to.add(new Pn(p.unit, p.t0, p.l0 + 2, p.t1, p.l1 + 2));
                        break;
                    }
                }
            }
            else if (e instanceof Bsad s && from.size() < 256)
            {
                from.add(s);
                to.add(new Bsad(s.period, s.id, Double.isNaN(s.cost) ? 10 : s.cost + 10, s.volume, s.so, s.stor));
            }
        }
        original = from.toArray(new Event[0]);
        nudged = to.toArray(new Event[0]);
        assertTrue(original.length > 100, "enough events: " + original.length);
        final long before = book.unitRecomputes();

        AllocationAssert.assertZeroAllocation("IndicativeBook event -> recompute (national day)", () ->
        {
            final int i = next;
            (flip ? original[i] : nudged[i]).apply(book);
            if (++next == original.length)
            {
                next = 0;
                flip = !flip;
            }
            drain();
        }, 20_000, 5_000);
        assertTrue(book.unitRecomputes() > before, "the cycle recomputed units");
        assertTrue(sink == sink, "prices are numbers");
    }

    private void drain()
    {
        long dirty = book.dirtyPeriods();
        while (dirty != 0)
        {
            final int j = Long.numberOfTrailingZeros(dirty) + 1;
            dirty &= dirty - 1;
            book.recompute(j);
            sink += book.systemPrice(j) + book.cashflowCount();
        }
    }
}
