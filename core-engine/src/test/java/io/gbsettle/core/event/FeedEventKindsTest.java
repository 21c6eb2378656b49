package io.gbsettle.core.event;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kinds the IRIS feed added (QPN, MELS, MILS, DISEBSP, FREQ): names, business keys, descriptions.
 */
final class FeedEventKindsTest
{
    private final InputEvent a = new InputEvent().wrap(new UnsafeBuffer(new byte[InputEvent.LENGTH]), 0);
    private final InputEvent b = new InputEvent().wrap(new UnsafeBuffer(new byte[InputEvent.LENGTH]), 0);

    @Test
    void namesRoundTrip()
    {
        for (int type = EventType.QPN_POINT; type < EventType.LIMIT; type++)
        {
            assertEquals(type, EventType.code(EventType.name(type)));
            assertTrue(!EventType.balancing(type) && !EventType.bmUnitSubject(type), "ignored by settlement");
        }
        assertEquals(EventType.PUBLISHED_PRICE, EventType.code("disebsp"));
    }

    @Test
    void everyReDeclarationOfALimitIsKeptAndPublishedPricesDoNotReplaceEachOther()
    {
        a.reset(EventType.MEL_POINT, 20_000, 0, EventSource.IRIS, 0).subject(3).key(100).times(10, 20, 5);
        b.reset(EventType.MEL_POINT, 20_000, 0, EventSource.IRIS, 0).subject(3).key(101).times(10, 20, 6);
        assertNotEquals(EventType.businessKey(a), EventType.businessKey(b), "another sequence: another row");
        b.reset(EventType.MIL_POINT, 20_000, 0, EventSource.IRIS, 0).subject(3).key(100).times(10, 20, 5);
        assertNotEquals(EventType.businessKey(a), EventType.businessKey(b), "MEL and MIL apart");
        a.reset(EventType.QPN_POINT, 20_000, 0, EventSource.IRIS, 0).subject(3).times(10, 20, 0).values(1, 2, 0, 0);
        b.reset(EventType.QPN_POINT, 20_000, 0, EventSource.IRIS, 0).subject(3).times(10, 20, 0).values(5, 6, 0, 0);
        assertEquals(EventType.businessKey(a), EventType.businessKey(b), "a resubmitted QPN replaces");
        a.reset(EventType.PUBLISHED_PRICE, 20_000, 7, EventSource.IRIS, 0).times(0, 0, 100).values(50, 50, 1, 0);
        b.reset(EventType.PUBLISHED_PRICE, 20_000, 7, EventSource.IRIS, 0).times(0, 0, 200).values(51, 51, 1, 0);
        assertNotEquals(EventType.businessKey(a), EventType.businessKey(b), "each calculation kept");
    }

    @Test
    void describesForJournalInspection()
    {
        a.reset(EventType.MIL_POINT, 19_844, 0, EventSource.IRIS, 9).subject(2).key(123183593)
            .times(1_714_561_200L, 1_714_563_000L, 1_714_557_842L).values(-37, -37, 0, 0);
        assertEquals("MILS day=2024-05-01 bmu=#2 sequence=123183593 notified=2024-05-01T10:04:02Z " +
            "from=2024-05-01T11:00:00Z/-37.0 to=2024-05-01T11:30:00Z/-37.0 source=iris:9", a.toString());
        a.reset(EventType.PUBLISHED_PRICE, 19_844, 25, EventSource.IRIS, 1).times(0, 0, 1_714_561_200L)
            .values(96.79, 96.79, -37.99, 0);
        assertEquals("DISEBSP day=2024-05-01 sp=25 ssp=96.79 sbp=96.79 niv=-37.99 created=2024-05-01T11:00:00Z " +
            "source=iris:1", a.toString());
        a.reset(EventType.FREQUENCY, 19_844, 1, EventSource.IRIS, 1).times(1_714_518_000L, 1_714_518_000L, 0)
            .values(49.97, 0, 0, 0);
        assertEquals("FREQ day=2024-05-01 sp=1 at=2024-04-30T23:00:00Z hz=49.97 source=iris:1", a.toString());
        assertEquals("PRICE_CHECK", ResultType.name(ResultType.PRICE_CHECK));
        assertEquals("difference", ResultType.valueName(ResultType.PRICE_CHECK, 2));
    }
}
