package io.gbsettle.core.engine;

import java.time.LocalDate;
import java.util.ArrayDeque;

import org.agrona.collections.Long2ObjectHashMap;

import io.gbsettle.core.event.EventType;
import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.event.ResultRecord;
import io.gbsettle.core.event.ResultType;
import io.gbsettle.core.kernel.indicative.IndicativeBook;
import io.gbsettle.core.kernel.indicative.IndicativeOptions;
import io.gbsettle.core.kernel.price.PriceParameters;
import io.gbsettle.core.registry.BmUnitDay;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.settle.SettlementContext;
import io.gbsettle.core.time.SettlementCalendar;

/**
 * The real-time indicative prices of every open day: balancing records go into the day's {@link IndicativeBook} as
 * they arrive, and at the end of each batch the periods they moved are repriced and published, each period as its
 * BM Units' indicative cashflows then its {@code INDICATIVE_PRICE} (the last record of a flush carries
 * {@link ResultType#GROUP_END}). TLMs are estimated ({@link IndicativeOptions}: ETLMO), so every record is labelled
 * {@link ResultType#ESTIMATED_TLM}, plus the period's gaps (no MID, no NETBSAD, no LoLP) as far as they are known.
 *
 * <p>Book capacities scale with the registry: per BM Unit and day {@value #PN_PER_UNIT} PN rows,
 * {@value #BOD_PER_UNIT} BOD rows and {@value #ACCEPTANCE_SEGMENTS_PER_UNIT} acceptance segments (a generated
 * national day has about 30, 80 and 1; at least {@value #MIN_ACCEPTANCE_SEGMENTS} acceptance segments a day); a
 * record the book refuses is left out of the indicative price only (settlement runs still use it) and counted
 * ({@link #skipped()}); once a capacity is exhausted the day gets no more indicative prices (a partial book would
 * publish wrong ones) and every later balancing record of the day is counted as skipped.
 */
final class IndicativeDays
{
    static final int PN_PER_UNIT = 64;
    static final int BOD_PER_UNIT = 160;
    static final int ACCEPTANCE_SEGMENTS_PER_UNIT = 16;
    static final int MIN_ACCEPTANCE_SEGMENTS = 16_384;
    private static final int UNIT_ROWS = 1024;
    private static final int BSAD_PER_PERIOD = 256;

    private final MarketRegistry registry;
    private final IndicativeOptions options;
    private final Long2ObjectHashMap<Day> days = new Long2ObjectHashMap<>();
    private final ArrayDeque<Day> pool = new ArrayDeque<>();
    private Day[] dirty = new Day[16];
    private int dirtyCount;
    private long skipped;

    IndicativeDays(final MarketRegistry registry, final SettlementContext settlement, final IndicativeOptions options)
    {
        this.registry = registry;
        this.options = options.withVolumeOptions(settlement.volumeOptions())
            .withPriceOptions(settlement.priceOptions());
    }

    /**
     * @return balancing records left out of the indicative prices (refused by the book or beyond its capacity).
     */
    long skipped()
    {
        return skipped;
    }

    /**
     * Applies one balancing record to its day's book.
     */
    void apply(final InputEvent e)
    {
        final Day day = day(e.epochDay());
        if (day == null)
        {
            return;
        }
        if (day.full)
        {
            skipped++;
            return;
        }
        final IndicativeBook book = day.book;
        try
        {
            switch (e.type())
            {
                case EventType.PN_POINT -> book.pn(e.subject(), e.time0(), e.value(0), e.time1(), e.value(1));
                case EventType.BOD_BAND -> book.bod(e.subject(), e.subject2(), e.time0(), e.value(0), e.time1(),
                    e.value(1), e.value(2), e.value(3));
                case EventType.ACCEPTANCE_SEGMENT -> book.acceptance(e.subject(), e.key(), e.time2(), e.time0(),
                    e.value(0), e.time1(), e.value(1), e.hasFlag(InputEvent.FLAG_SO), e.hasFlag(InputEvent.FLAG_STOR),
                    e.hasFlag(InputEvent.FLAG_RR), e.hasFlag(InputEvent.FLAG_DEEMED));
                case EventType.BSAD_ACTION -> book.bsad(e.period(), e.key(), e.value(0), e.value(1),
                    e.hasFlag(InputEvent.FLAG_SO), e.hasFlag(InputEvent.FLAG_STOR));
                case EventType.NETBSAD ->
                {
                    book.netbsad(e.period(), e.value(0), e.value(1));
                    day.netbsad |= 1L << (e.period() - 1);
                }
                case EventType.MARKET_INDEX ->
                {
                    book.marketIndex(e.period(), e.key(), e.value(0), e.value(1));
                    day.mid |= 1L << (e.period() - 1);
                }
                case EventType.REGISTRATION ->
                {
                    DayInputs.register(day.view, e);
                    return;
                }
                case EventType.LOLP ->
                {
                    book.lolp(e.period(), e.value(0), e.hasFlag(InputEvent.FLAG_STOR_WINDOW));
                    day.lolp |= 1L << (e.period() - 1);
                }
                default ->
                {
                    return;
                }
            }
        }
        catch (final IllegalArgumentException ex)
        {
            skipped++;
            return;
        }
        catch (final IllegalStateException ex)
        {
            // A capacity is exhausted: the book cannot be trusted for the rest of the day (settlement runs are
            // unaffected); stop feeding it rather than publish prices from a partial book.
            day.full = true;
            skipped++;
            return;
        }
        if (day.firstPosition < 0)
        {
            day.firstPosition = e.position();
        }
        if (book.dirtyPeriods() != 0 && !day.dirty)
        {
            if (dirtyCount == dirty.length)
            {
                dirty = java.util.Arrays.copyOf(dirty, dirtyCount * 2);
            }
            day.dirty = true;
            dirty[dirtyCount++] = day;
        }
    }

    /**
     * Reprices every period moved since the last flush and publishes the results.
     *
     * @param sink     where the records go.
     * @param position the input position the flush happens at (the records' gate).
     */
    void flush(final ResultSink sink, final long position)
    {
        for (int d = 0; d < dirtyCount; d++)
        {
            final Day day = dirty[d];
            final boolean lastDay = d == dirtyCount - 1;
            final IndicativeBook book = day.book;
            long periods = book.dirtyPeriods();
            while (periods != 0)
            {
                final int j = Long.numberOfTrailingZeros(periods);
                periods &= periods - 1;
                final int period = j + 1;
                book.recompute(period);
                final int quality = ResultType.ESTIMATED_TLM |
                    ((day.mid & 1L << j) == 0 ? ResultType.MISSING_MARKET_INDEX : 0) |
                    ((day.netbsad & 1L << j) == 0 ? ResultType.MISSING_NETBSAD : 0) |
                    ((day.lolp & 1L << j) == 0 ? ResultType.MISSING_LOLP : 0);
                for (int r = 0, n = book.cashflowCount(); r < n; r++)
                {
                    final ResultRecord cashflow = sink.claim().reset(ResultType.INDICATIVE_CASHFLOW, day.epochDay,
                        period, ResultRecord.INDICATIVE, 0, book.cashflowUnit(r))
                        .inputs(0, day.firstPosition, position).quality(ResultType.ESTIMATED_TLM);
                    cashflow.value(0, book.cashflowQao(r)).value(1, book.cashflowQab(r)).value(2, book.cashflowCbm(r))
                        .value(3, book.cashflowTlm(r));
                    sink.commit(position);
                }
                final boolean last = lastDay && periods == 0;
                final ResultRecord price = sink.claim().reset(ResultType.INDICATIVE_PRICE, day.epochDay, period,
                    ResultRecord.INDICATIVE, 0, -1).inputs(0, day.firstPosition, position)
                    .quality(last ? quality | ResultType.GROUP_END : quality);
                price.value(0, book.systemPrice(period)).value(1, book.niv(period)).value(2, book.actionCount(period))
                    .value(3, book.totalCbm(period));
                sink.commit(position);
            }
            day.dirty = false;
            day.firstPosition = -1;
            dirty[d] = null;
        }
        dirtyCount = 0;
    }

    /**
     * Compares a published system price (DISEBSP) with the engine's indicative price of its period: pending
     * periods are repriced first (so the comparison is with the price as of this record), then one
     * {@link ResultType#PRICE_CHECK} record is published (indicative NaN when the day or period has no indicative
     * price yet). The published price changes nothing.
     *
     * @param e    the {@link EventType#PUBLISHED_PRICE} record.
     * @param sink where the record goes.
     */
    void priceCheck(final InputEvent e, final ResultSink sink)
    {
        final long position = e.position();
        flush(sink, position);
        final Day day = days.get(e.epochDay());
        final int period = e.period();
        final boolean known = day != null && day.book != null && period >= 1 && period <= day.book.periodCount();
        final double indicativePrice = known ? day.book.systemPrice(period) : Double.NaN;
        final double indicativeNiv = known ? day.book.niv(period) : Double.NaN;
        final double published = e.value(0);
        final ResultRecord check = sink.claim().reset(ResultType.PRICE_CHECK, e.epochDay(), period,
            ResultRecord.INDICATIVE, 0, -1).inputs(0, position, position)
            .quality(ResultType.ESTIMATED_TLM | ResultType.GROUP_END);
        check.value(0, published).value(1, indicativePrice).value(2, published - indicativePrice)
            .value(3, e.value(2)).value(4, indicativeNiv);
        sink.commit(position);
    }

    /**
     * Forgets a day (its book goes back to the pool).
     */
    void retire(final long epochDay)
    {
        final Day day = days.remove(epochDay);
        if (day != null && day.book != null && !day.dirty)
        {
            pool.addLast(day);
        }
    }

    private Day day(final long epochDay)
    {
        Day day = days.get(epochDay);
        if (day == null)
        {
            day = open(epochDay);
            days.put(epochDay, day);
        }
        return day.book == null ? null : day;
    }

    /**
     * A new day: its registry view, calendar and price parameters; a book from the pool or a new one. Days before
     * the single imbalance price (5 November 2015) have no indicative price.
     */
    private Day open(final long epochDay)
    {
        if (epochDay < PriceParameters.SINGLE_PRICE_START)
        {
            final Day none = new Day(null);
            none.epochDay = epochDay;
            return none;
        }
        final Day day = pool.isEmpty() ? new Day(registry) : pool.pollFirst();
        day.epochDay = epochDay;
        day.dirty = false;
        day.full = false;
        day.firstPosition = -1;
        day.mid = 0;
        day.netbsad = 0;
        day.lolp = 0;
        registry.fillDay(epochDay, day.view);
        final LocalDate date = LocalDate.ofEpochDay(epochDay);
        final SettlementCalendar calendar = new SettlementCalendar(date, date);
        if (day.book == null)
        {
            final int units = registry.bmUnitCount();
            day.book = new IndicativeBook(options, units, units * PN_PER_UNIT, units * BOD_PER_UNIT,
                Math.max(MIN_ACCEPTANCE_SEGMENTS, units * ACCEPTANCE_SEGMENTS_PER_UNIT), UNIT_ROWS,
                Math.min(8192, Math.max(256, units)), BSAD_PER_PERIOD);
        }
        day.book.reset(day.view, calendar.periodStartEpochSecond(epochDay, 1), calendar.periodsIn(epochDay),
            PriceParameters.on(epochDay));
        return day;
    }

    /**
     * One open day.
     */
    private static final class Day
    {
        final BmUnitDay view;
        IndicativeBook book;
        long epochDay;
        boolean dirty;
        boolean full;
        long firstPosition = -1;
        long mid;
        long netbsad;
        long lolp;

        Day(final MarketRegistry registry)
        {
            this.view = registry == null ? null : registry.newDayView();
        }
    }
}
