package io.gbsettle.core.engine;

import java.util.ArrayDeque;
import java.util.List;

import org.agrona.collections.Long2ObjectHashMap;

import io.gbsettle.core.event.EventType;
import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.event.ResultRecord;
import io.gbsettle.core.event.ResultType;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.kernel.indicative.IndicativeOptions;
import io.gbsettle.core.registry.BmUnitDay;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.settle.DaySettlement;
import io.gbsettle.core.settle.SettlementContext;
import io.gbsettle.core.time.SettlementRun;

/**
 * The engine's state and calculation, on one thread: apply each input record to its day, recompute what it moved,
 * write the results to a {@link ResultSink}. The ring's calculation handler drives it in real time; replay and
 * recovery drive it straight from the journal. Because everything here is a function of the records and of where
 * batches end, the same records with the same batch ends give the same results, bit for bit.
 *
 * <pre>
 *   record ─► validate ─► day(epochDay) ─► first seen? ─► DayInputs.put (replace by business key)
 *                                               │               └─► balancing? IndicativeDays.apply (period dirty)
 *                                               │ duplicate: counted, no effect
 *   RUN_TRIGGER ─► DayInputs.toBundle ─► DaySettlement ─► RunReport ─► RUN_START .. RUN_END records
 *   end of batch ─► IndicativeDays.flush ─► INDICATIVE_CASHFLOW, INDICATIVE_PRICE records
 *   PUBLISHED_PRICE ─► IndicativeDays.flush, then PRICE_CHECK (published vs indicative, never an override)
 * </pre>
 */
final class EngineCore
{
    private final MarketRegistry registry;
    private final SettlementContext settlement;
    private final int rowsPerDay;
    private final IndicativeDays indicative;
    private final Long2ObjectHashMap<DayInputs> days = new Long2ObjectHashMap<>();
    private final ArrayDeque<DayInputs> retired = new ArrayDeque<>();
    private final SettlementRun[] runs = SettlementRun.values();
    private long applied;
    private long duplicates;
    private long rejected;
    private long runsDone;
    private boolean runOpen;

    /**
     * @param indicative the indicative prices' choices, or null for no indicative prices.
     */
    EngineCore(final MarketRegistry registry, final SettlementContext settlement, final int rowsPerDay,
        final IndicativeOptions indicative)
    {
        this.registry = registry;
        this.settlement = settlement;
        this.rowsPerDay = rowsPerDay;
        this.indicative = indicative != null ? new IndicativeDays(registry, settlement, indicative) : null;
    }

    /**
     * Applies one input record and, at the end of a batch, recomputes what the batch moved.
     *
     * @param event      the record.
     * @param endOfBatch whether it ends a batch (indicative results are computed then).
     * @param sink       where results go.
     */
    void onInput(final InputEvent event, final boolean endOfBatch, final ResultSink sink)
    {
        final int reason = InputValidation.check(event, registry);
        if (reason != InputValidation.OK)
        {
            rejected++;
            reject(event, reason, sink);
        }
        else if (event.type() == EventType.RETIRE_DAY)
        {
            retire(event.epochDay());
        }
        else
        {
            final long epochDay = event.epochDay();
            DayInputs day = days.get(epochDay);
            if (day == null)
            {
                final DayInputs reused = retired.pollFirst();
                day = reused != null ? reused.reset(epochDay) : new DayInputs(epochDay, rowsPerDay);
                days.put(epochDay, day);
            }
            if (!day.accept(event, event.idempotencyKey()))
            {
                duplicates++;
            }
            else
            {
                applied++;
                apply(day, event, sink);
            }
        }
        if (endOfBatch && indicative != null)
        {
            indicative.flush(sink, event.position());
        }
    }

    private void apply(final DayInputs day, final InputEvent event, final ResultSink sink)
    {
        final int type = event.type();
        switch (type)
        {
            case EventType.RUN_TRIGGER ->
            {
                if (indicative != null)
                {
                    indicative.flush(sink, event.position());
                }
                try
                {
                    run(day, runs[event.subject2()], event.position(), sink);
                }
                catch (final RuntimeException ex)
                {
                    runFailed(event, ex, sink);
                }
            }
            case EventType.END_OF_INPUT ->
            {
                if (indicative != null)
                {
                    indicative.flush(sink, event.position());
                }
            }
            case EventType.PUBLISHED_PRICE ->
            {
                if (indicative != null)
                {
                    indicative.priceCheck(event, sink);
                }
            }
            default ->
            {
                if (indicative != null && (EventType.balancing(type) || type == EventType.REGISTRATION))
                {
                    indicative.apply(event);
                }
            }
        }
    }

    /**
     * Settles a day as of now: every result record carries the run, its sequence number within the day, the digest
     * of the inputs and the input range [first input of the day, trigger].
     */
    private void run(final DayInputs day, final SettlementRun run, final long trigger, final ResultSink sink)
    {
        runsDone++;
        final DayBundle bundle = day.toBundle(registry, run);
        final BmUnitDay bmUnitDay = bundle.day();
        final int periods = bundle.periodCount();
        final int[] periodQuality = new int[periods + 1];
        final boolean[] meteredSeen = new boolean[registry.bmUnitCount() * (periods + 1)];
        day.missing(bmUnitDay, periods, bundle.dayStartEpochSecond(), periodQuality, meteredSeen);
        for (int p = 1; p <= periods; p++)
        {
            if (!Double.isNaN(bundle.systemPriceOverride(p)))
            {
                periodQuality[p] |= ResultType.PRICE_OVERRIDDEN;
            }
        }
        final int sequence = day.nextRunSequence();
        final RunReport report = new RunReport(sink, day.epochDay(), run.ordinal(), sequence, day.digest(),
            day.firstPosition(), trigger, bmUnitDay, periods, registry.partyCount(), periodQuality, meteredSeen);

        // Built before the first record, so that a day that cannot be settled writes nothing but its failure.
        final DaySettlement settlementRun = new DaySettlement(bundle, settlement);
        report.record(ResultType.RUN_START, 0, -1).value(0, periods).value(1, day.rowCount());
        report.commit();
        runOpen = true;
        missing(report, bmUnitDay, periods, periodQuality, meteredSeen);
        settlementRun.settle(report);
        problems(report, bundle.problems());
        problems(report, settlementRun.problems());
        if (day.lastRunSums() != null)
        {
            report.differences(day.lastRun(), day.lastRunSequence(), day.lastRunSums());
        }
        day.rememberRun(run.ordinal(), sequence, report.sums());
        final long records = report.records();
        report.record(ResultType.RUN_END, 0, -1).quality(ResultType.GROUP_END).value(0, records);
        report.commit();
        runOpen = false;
    }

    private static void missing(final RunReport report, final BmUnitDay day, final int periods,
        final int[] periodQuality, final boolean[] meteredSeen)
    {
        for (int p = 1; p <= periods; p++)
        {
            final int gaps = periodQuality[p];
            for (int bit = 1; bit <= ResultType.MISSING_LOLP; bit <<= 1)
            {
                if ((gaps & bit) != 0)
                {
                    report.record(ResultType.MISSING_INPUT, p, -1).quality(bit).value(0, bit);
                    report.commit();
                }
            }
        }
        for (int unit = 0; unit < day.bmUnitCount(); unit++)
        {
            if (day.active(unit))
            {
                for (int p = 1; p <= periods; p++)
                {
                    if (!meteredSeen[unit * (periods + 1) + p])
                    {
                        report.record(ResultType.MISSING_INPUT, p, unit).quality(ResultType.MISSING_METERED)
                            .value(0, ResultType.MISSING_METERED);
                        report.commit();
                    }
                }
            }
        }
    }

    private void problems(final RunReport report, final List<InputProblem> problems)
    {
        for (int i = 0; i < problems.size(); i++)
        {
            final InputProblem problem = problems.get(i);
            final int unit = problem.subject().isEmpty() ? -1 : registry.bmUnitIndex(problem.subject());
            final int code = "acceptanceNumber".equals(problem.column()) ? ResultType.PROBLEM_UNPRICED_VOLUME :
                DayInputs.POSITION.equals(problem.column()) ? ResultType.PROBLEM_LEFT_OUT :
                ResultType.PROBLEM_RESIDUAL_NOT_REALLOCATED;
            final ResultRecord r = report.record(ResultType.PROBLEM, Math.max(0, problem.period()), unit);
            r.value(0, code).value(1, code == ResultType.PROBLEM_RESIDUAL_NOT_REALLOCATED ? 0.0 :
                Double.parseDouble(problem.value()));
            report.commit();
        }
    }

    /**
     * A run that cannot complete (a day before the single price without a price override, say) closes its records
     * off with {@link ResultType#ABORTED} and reports the failure; the engine goes on with the next input.
     */
    private void runFailed(final InputEvent event, final RuntimeException ex, final ResultSink sink)
    {
        System.getLogger("io.gbsettle.engine").log(System.Logger.Level.ERROR, "settlement run " +
            ResultType.runName(event.subject2()) + " of " + java.time.LocalDate.ofEpochDay(event.epochDay()) +
            " (input " + event.position() + ") failed: " + ex.getMessage(), ex);
        final long position = event.position();
        if (runOpen)
        {
            sink.claim().reset(ResultType.ABORTED, event.epochDay(), 0, event.subject2(), 0, -1)
                .inputs(0, position, position);
            sink.commit(position);
            runOpen = false;
        }
        final ResultRecord r = sink.claim().reset(ResultType.PROBLEM, event.epochDay(), 0, event.subject2(), 0, -1)
            .inputs(0, position, position).quality(ResultType.GROUP_END);
        r.value(0, ResultType.PROBLEM_RUN_FAILED).value(1, position);
        sink.commit(position);
    }

    private void reject(final InputEvent event, final int reason, final ResultSink sink)
    {
        final long position = event.position();
        final ResultRecord r = sink.claim().reset(ResultType.PROBLEM, event.epochDay(), Math.max(0, event.period()),
            ResultRecord.INDICATIVE, 0, EventType.bmUnitSubject(event.type()) ? event.subject() : -1)
            .inputs(0, position, position)
            .quality(ResultType.GROUP_END);
        r.value(0, ResultType.PROBLEM_REJECTED_INPUT).value(1, position).value(2, reason).value(3, event.type());
        sink.commit(position);
    }

    long applied()
    {
        return applied;
    }

    long duplicates()
    {
        return duplicates;
    }

    long rejected()
    {
        return rejected;
    }

    long runs()
    {
        return runsDone;
    }

    long indicativeSkipped()
    {
        return indicative == null ? 0 : indicative.skipped();
    }

    private void retire(final long epochDay)
    {
        final DayInputs day = days.remove(epochDay);
        if (day != null)
        {
            retired.addLast(day);
        }
        if (indicative != null)
        {
            indicative.retire(epochDay);
        }
    }
}
