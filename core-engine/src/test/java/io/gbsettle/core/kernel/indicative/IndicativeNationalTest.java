package io.gbsettle.core.kernel.indicative;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.kernel.indicative.BatchIndicative.Event;
import io.gbsettle.core.kernel.price.PriceParameters;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A generated national day (about 2,700 BM Units, every PN, BOD and BOALF row, DISBSAD, NETBSAD, MID, LoLP) arrives
 * event by event in a shuffled order with exact duplicates, the dirty periods repriced every few thousand events; at
 * the end every period equals the batch computation on the whole day.
 */
final class IndicativeNationalTest
{
    @Test
    void nationalDayArrivingEventByEventEqualsTheBatchComputation()
    {
        final DayBundle bundle = NationalEvents.bundle();
        final IndicativeOptions options = IndicativeOptions.DEFAULTS;
        final PriceParameters parameters = PriceParameters.on(bundle.epochDay());
        final List<Event> events = new ArrayList<>(NationalEvents.events(bundle));
        final Random rnd = new Random(20_250_610);
        for (int i = 0, n = events.size() / 50; i < n; i++)
        {
            events.add(events.get(rnd.nextInt(events.size())));
        }
        Collections.shuffle(events, rnd);

        final IndicativeBook book = NationalEvents.newBook(options, bundle);
        book.reset(bundle.day(), bundle.dayStartEpochSecond(), bundle.periodCount(), parameters);
        final Map<String, double[]> reported = new HashMap<>();
        for (int j = 1; j <= bundle.periodCount(); j++)
        {
            book.recompute(j);
        }
        int fed = 0;
        for (final Event e : events)
        {
            e.apply(book);
            if (++fed % 5_000 == 0)
            {
                BatchIndicative.drain(book, reported);
            }
        }
        BatchIndicative.drain(book, reported);

        final BatchIndicative.PeriodResult[] batch = BatchIndicative.compute(
            options, bundle.day(), bundle.dayStartEpochSecond(), bundle.periodCount(), parameters, events);
        BatchIndicative.assertSame(batch, book, reported, bundle.periodCount(), "national day");
        int actions = 0;
        for (int j = 1; j <= bundle.periodCount(); j++)
        {
            actions += book.actionCount(j);
        }
        assertTrue(actions > bundle.periodCount(), "the day has balancing actions to price: " + actions);
    }
}
