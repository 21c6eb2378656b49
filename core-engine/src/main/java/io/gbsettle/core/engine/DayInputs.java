package io.gbsettle.core.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.collections.LongHashSet;

import io.gbsettle.core.event.EventType;
import io.gbsettle.core.event.Hashing64;
import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.event.ResultType;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.DayBundleBuilder;
import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.registry.BmUnitDay;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.time.SettlementRun;

/**
 * One Settlement Day's inputs as received: the input records themselves, one row per business key (a later record
 * with the same business key replaces the earlier one in place, keeping its row), in an off-heap buffer that grows to
 * the day's size once and is then reused.
 *
 * <p>It answers three questions: was this record seen before ({@link #accept}, by idempotency key); what are the
 * day's inputs as of now ({@link #toBundle}, which a run settles); and what is missing ({@link #missing}). The digest
 * of the inputs ({@link #digest()}) is the sum of the mixed idempotency keys of the current rows: independent of
 * arrival order, changed by any replacement.
 *
 * <p>Single-threaded: owned by the engine's calculation thread.
 */
final class DayInputs
{
    /** The column of the problems a run lists for records it left out: the value is the input position. */
    static final String POSITION = "position";

    private long epochDay;
    private final ExpandableDirectByteBuffer rows;
    private final InputEvent row = new InputEvent();
    private final RowIndex index;
    private final LongHashSet superseded;
    private int rowCount;
    private final int[] rowsByType = new int[EventType.LIMIT];
    private long digest;
    private long firstPosition = Long.MAX_VALUE;
    private int runCount;
    private PartyPeriodSums lastRunSums;
    private int lastRun = -1;
    private int lastRunSequence;

    /**
     * @param epochDay     the Settlement Day.
     * @param expectedRows how many rows to size for (it grows beyond, once).
     */
    DayInputs(final long epochDay, final int expectedRows)
    {
        this.epochDay = epochDay;
        this.rows = new ExpandableDirectByteBuffer(Math.max(1, expectedRows) * InputEvent.LENGTH);
        this.index = new RowIndex(expectedRows);
        this.superseded = new LongHashSet(Math.max(16, expectedRows), 0.65f);
    }

    long epochDay()
    {
        return epochDay;
    }

    /**
     * Empties the store for another day, keeping every buffer and table at the size it grew to.
     *
     * @param epochDay the new Settlement Day.
     * @return this.
     */
    DayInputs reset(final long epochDay)
    {
        this.epochDay = epochDay;
        index.clear();
        superseded.clear();
        rowCount = 0;
        Arrays.fill(rowsByType, 0);
        digest = 0;
        firstPosition = Long.MAX_VALUE;
        runCount = 0;
        lastRunSums = null;
        lastRun = -1;
        lastRunSequence = 0;
        return this;
    }

    /**
     * Takes a record in: stores it as a new row, or replaces the row of its business key, or recognises it as a
     * duplicate (the same record again, or an older version of a row that was since replaced). Run triggers and
     * end-of-input markers are only remembered (no row).
     *
     * @param event the record.
     * @param key   its idempotency key (already computed by the caller).
     * @return false for a duplicate (nothing changed), true otherwise.
     */
    boolean accept(final InputEvent event, final long key)
    {
        final int type = event.type();
        final long businessKey = EventType.businessKey(event);
        final int slot = index.find(businessKey);
        final int r;
        if (slot >= 0)
        {
            final long current = index.idempotencyKey(slot);
            if (current == key || superseded.contains(key))
            {
                return false;
            }
            superseded.add(current);
            index.update(slot, key);
            r = index.row(slot);
            if (r < 0)
            {
                return true;
            }
            digest -= Hashing64.mix(current);
        }
        else
        {
            final boolean stored = type != EventType.RUN_TRIGGER && type != EventType.END_OF_INPUT;
            r = stored ? rowCount++ : -1;
            if (stored)
            {
                rowsByType[type]++;
            }
            index.insert(slot, businessKey, key, r);
            if (!stored)
            {
                return true;
            }
        }
        final int offset = r * InputEvent.LENGTH;
        rows.checkLimit(offset + InputEvent.LENGTH);
        rows.putBytes(offset, event.buffer(), event.offset(), InputEvent.LENGTH);
        digest += Hashing64.mix(key);
        firstPosition = Math.min(firstPosition, event.position());
        return true;
    }

    int rowCount()
    {
        return rowCount;
    }

    long digest()
    {
        return digest;
    }

    long firstPosition()
    {
        return firstPosition == Long.MAX_VALUE ? -1 : firstPosition;
    }
    /**
     * @return the next run's sequence number within the day (1 for the first run).
     */
    int nextRunSequence()
    {
        return ++runCount;
    }

    /**
     * Swaps in this run's party and period figures and hands back the previous run's, for the run-to-run difference.
     */
    void rememberRun(final int run, final int runSequence, final PartyPeriodSums sums)
    {
        lastRun = run;
        lastRunSequence = runSequence;
        lastRunSums = sums;
    }

    int lastRun()
    {
        return lastRun;
    }

    int lastRunSequence()
    {
        return lastRunSequence;
    }

    PartyPeriodSums lastRunSums()
    {
        return lastRunSums;
    }

    /**
     * Builds the day bundle a run settles from the current rows, in row order (the order of first arrival).
     *
     * @param registry the market registry.
     * @param run      the run.
     * @return the bundle.
     */
    DayBundle toBundle(final MarketRegistry registry, final SettlementRun run)
    {
        final DayBundleBuilder builder = new DayBundleBuilder(registry, epochDay, run);
        final List<InputProblem> problems = new ArrayList<>();
        final int[] n = rowsByType;
        builder.reserve(n[EventType.PN_POINT], n[EventType.BOD_BAND], n[EventType.ACCEPTANCE_SEGMENT],
            n[EventType.BSAD_ACTION], n[EventType.MARKET_INDEX], n[EventType.METERED_VOLUME], n[EventType.ECVN_LINE],
            n[EventType.MVRN_LINE], n[EventType.ABSVD]);
        final int periods = builder.periodCount();
        final BmUnitDay day = builder.day();
        registrations(day);
        for (int r = 0; r < rowCount; r++)
        {
            final InputEvent e = row.wrap(rows, r * InputEvent.LENGTH);
            final int period = e.period();
            final int type = e.type();
            if (period < 0 || period > periods || (period == 0 && perPeriod(type)))
            {
                problems.add(outOfDay(e, periods));
                continue;
            }
            if (type != EventType.REGISTRATION && EventType.bmUnitSubject(type) && !day.active(e.subject()))
            {
                problems.add(notRegistered(e, registry));
                continue;
            }
            switch (type)
            {
                case EventType.PN_POINT -> builder.pn(e.subject(), e.time0(), e.value(0), e.time1(), e.value(1));
                case EventType.BOD_BAND -> builder.bod(e.subject(), e.subject2(), e.time0(), e.value(0), e.time1(),
                    e.value(1), e.value(2), e.value(3));
                case EventType.ACCEPTANCE_SEGMENT -> builder.acceptance(e.subject(), e.key(), e.time2(), e.time0(),
                    e.value(0), e.time1(), e.value(1), e.flags() & 15);
                case EventType.BSAD_ACTION -> builder.bsad(period, (int)e.key(), e.value(0), e.value(1),
                    e.hasFlag(InputEvent.FLAG_SO), e.hasFlag(InputEvent.FLAG_STOR));
                case EventType.NETBSAD -> builder.netbsad(period, e.value(0), e.value(1));
                case EventType.MARKET_INDEX -> builder.marketIndex(period, e.value(0), e.value(1));
                case EventType.LOLP -> builder.lolp(period, e.value(0), e.hasFlag(InputEvent.FLAG_STOR_WINDOW));
                case EventType.METERED_VOLUME -> builder.metered(period, e.subject(), e.value(0));
                case EventType.ECVN_LINE -> builder.ecvn(period, e.subject(), e.subject2(), e.value(0));
                case EventType.MVRN_LINE -> builder.mvrn(period, e.subject(), e.subject2(), e.value(0), e.value(1));
                case EventType.ABSVD -> builder.absvd(period, e.subject(), e.value(0));
                case EventType.SYSTEM_PRICE -> builder.systemPrice(period, e.value(0));
                case EventType.DAY_PARAMETER -> builder.parameter(EventType.parameterName((int)e.key()), e.value(0));
                default ->
                {
                }
            }
        }
        return builder.build(problems);
    }

    /**
     * Applies the day's {@link EventType#REGISTRATION} rows, in row order, to the registry's view of the day: the
     * view a run settles with (and {@link RunSummary} rebuilds to find each BM Unit's lead party).
     *
     * @param day the registry's view of the day, filled for the day.
     */
    void registrations(final BmUnitDay day)
    {
        for (int r = 0; r < rowCount; r++)
        {
            final InputEvent e = row.wrap(rows, r * InputEvent.LENGTH);
            if (e.type() == EventType.REGISTRATION)
            {
                register(day, e);
            }
        }
    }

    /**
     * Applies a {@link EventType#REGISTRATION} record to a day's registry view.
     *
     * @param day the view.
     * @param e   the record.
     */
    static void register(final BmUnitDay day, final InputEvent e)
    {
        final long key = e.key();
        day.register(e.subject(), e.subject2(), e.hasFlag(EventType.FLAG_PRODUCTION), (int)key, (int)(key >> 32),
            e.value(0));
    }

    /**
     * What failed to arrive for the day: per period, the quality bits of {@link ResultType} for market-wide gaps
     * (no PN at all, no MID, no NETBSAD, no LoLP), and every (BM Unit, period) registered on the day without a
     * metered volume.
     *
     * @param day         the registry's view of the day.
     * @param periods     the day's period count.
     * @param dayStart    the day's first epoch second.
     * @param periodGaps  filled with the quality bits per period (index 1..periods).
     * @param meteredSeen scratch, at least {@code day.bmUnitCount() * (periods + 1)}: true where a metered volume is.
     */
    void missing(final BmUnitDay day, final int periods, final long dayStart, final int[] periodGaps,
        final boolean[] meteredSeen)
    {
        final int units = day.bmUnitCount();
        final int[] pnCover = new int[periods + 2];
        final boolean[] mid = new boolean[periods + 1];
        final boolean[] netbsad = new boolean[periods + 1];
        final boolean[] lolp = new boolean[periods + 1];
        Arrays.fill(meteredSeen, 0, units * (periods + 1), false);
        for (int r = 0; r < rowCount; r++)
        {
            final InputEvent e = row.wrap(rows, r * InputEvent.LENGTH);
            final int period = e.period();
            switch (e.type())
            {
                case EventType.PN_POINT ->
                {
                    // Coverage as a difference array: +1 where a segment starts, -1 after it ends.
                    final long from = Math.max(1, Math.floorDiv(e.time0() - dayStart, 1800) + 1);
                    final long to = Math.min(periods, Math.floorDiv(e.time1() - 1 - dayStart, 1800) + 1);
                    if (from <= to)
                    {
                        pnCover[(int)from]++;
                        pnCover[(int)to + 1]--;
                    }
                }
                case EventType.MARKET_INDEX -> mark(mid, period, periods);
                case EventType.NETBSAD -> mark(netbsad, period, periods);
                case EventType.LOLP -> mark(lolp, period, periods);
                case EventType.METERED_VOLUME ->
                {
                    if (period >= 1 && period <= periods && e.subject() >= 0 && e.subject() < units)
                    {
                        meteredSeen[e.subject() * (periods + 1) + period] = true;
                    }
                }
                default ->
                {
                }
            }
        }
        int covering = 0;
        for (int p = 1; p <= periods; p++)
        {
            covering += pnCover[p];
            int gaps = 0;
            gaps |= covering > 0 ? 0 : ResultType.MISSING_BALANCING;
            gaps |= mid[p] ? 0 : ResultType.MISSING_MARKET_INDEX;
            gaps |= netbsad[p] ? 0 : ResultType.MISSING_NETBSAD;
            gaps |= lolp[p] ? 0 : ResultType.MISSING_LOLP;
            periodGaps[p] = gaps;
        }
    }

    private static void mark(final boolean[] seen, final int period, final int periods)
    {
        if (period >= 1 && period <= periods)
        {
            seen[period] = true;
        }
    }

    private static boolean perPeriod(final int type)
    {
        return switch (type)
        {
            case EventType.BSAD_ACTION, EventType.NETBSAD, EventType.MARKET_INDEX, EventType.LOLP,
                EventType.METERED_VOLUME, EventType.ECVN_LINE, EventType.MVRN_LINE, EventType.ABSVD,
                EventType.SYSTEM_PRICE -> true;
            default -> false;
        };
    }

    private static InputProblem notRegistered(final InputEvent e, final MarketRegistry registry)
    {
        final String unit = registry.bmUnitId(e.subject());
        return new InputProblem(EventType.name(e.type()), 0, e.period(), unit, POSITION, Long.toString(e.position()),
            String.format(Locale.ROOT, "BM Unit %s is not registered on %s: record at input position %d left out",
                unit, java.time.LocalDate.ofEpochDay(e.epochDay()), e.position()));
    }

    private static InputProblem outOfDay(final InputEvent e, final int periods)
    {
        return new InputProblem(EventType.name(e.type()), 0, e.period(), "", POSITION, Long.toString(e.position()),
            String.format(Locale.ROOT, "period %d is not a Settlement Period of %s (1..%d): record at input " +
                "position %d left out", e.period(), java.time.LocalDate.ofEpochDay(e.epochDay()), periods,
                e.position()));
    }
}
