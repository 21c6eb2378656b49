package io.gbsettle.core.engine;

import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.EpochMicroClock;

import io.gbsettle.core.event.EventType;
import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.event.ResultRecord;
import io.gbsettle.core.time.SettlementRun;

/**
 * The settlement engine: canonical input records flow through an LMAX Disruptor ring, are journaled, applied to
 * their Settlement Day and recalculated; results flow through a second ring to the listeners and the result journal.
 *
 * <pre>
 *   producers ──next/get/publish──► input ring ──┬──► JournalHandler ──► inputs journal ─────────┐ journaled
 *   (adapters, host, replay)                      │                                             │ position
 *                                                 └──► CalculationHandler (EngineCore: apply,   │
 *                                                      indicative price, settlement runs)       │
 *                                                           │ next/get/publish                  ▼
 *                                                           └──► result ring ──► Publisher: wait until the result's
 *                                                                inputs are journaled, then results journal,
 *                                                                then listeners
 * </pre>
 *
 * <p>Applying a record and calculating from it happen on one thread because they share the day's state; the journal
 * runs beside them, and the publisher holds each result back until the inputs it rests on are journaled, so nothing
 * is published that a crash could forget. Every submit is allocation-free: a slot is claimed, filled through a
 * flyweight and published.
 *
 * <p>Positions: every input gets a position, its ordinal in the input journal (0, 1, 2 ... across restarts);
 * submit methods return it, {@link #awaitJournaled} lets a source acknowledge only once its record is durable, and
 * results name the positions they rest on. On launch with an existing journal the engine first replays it (see
 * {@link Replay}) and numbering continues where it stopped.
 */
public final class Engine implements AutoCloseable
{
    private static final long AWAIT_PARK_NANOS = 20_000;

    private final EngineContext context;
    private final EngineCore core;
    private final EngineJournal journal;
    private final Disruptor<InputSlot> inputs;
    private final Disruptor<ResultSlot> results;
    private final RingBuffer<InputSlot> inputRing;
    private final RingBuffer<ResultSlot> resultRing;
    private final CalculationHandler calculation;
    private final Publisher publisher;
    private final boolean oneThread;
    private final EpochMicroClock clock;
    private final long base;
    private final AtomicLong journaled = new AtomicLong(-1);
    private volatile Throwable failure;
    private boolean closed;

    private Engine(final EngineContext context)
    {
        context.conclude();
        this.context = context;
        this.clock = context.clock();
        this.core = new EngineCore(context.registry(), context.settlement(), context.rowsPerDay(),
            context.indicative() ? context.indicativeOptions() : null);
        this.journal = context.journalDir() == null ? null : EngineJournal.open(context.journalDir(),
            context.registry(), context.indicative() ? context.indicativeOptions() : null);
        final List<ResultListener> listeners = context.listeners();
        if (journal != null)
        {
            base = Replay.recover(journal, core, listeners.toArray(new ResultListener[0]));
            journaled.set(base - 1);
            // Recovery may have appended (ABORTED, results the journal lacked) on this thread; the engine's own
            // threads append from now on.
            journal.inputs().handOver();
            journal.results().handOver();
        }
        else
        {
            base = 0;
        }

        final ThreadFactory threads = new EngineThreads();
        publisher = new Publisher(listeners);
        oneThread = context.pipeline() == EnginePipeline.ONE_THREAD;
        if (oneThread)
        {
            results = null;
            resultRing = null;
        }
        else
        {
            results = new Disruptor<>(ResultSlot::new, context.resultRingSize(), threads, ProducerType.SINGLE,
                context.waitStrategy().newStrategy());
            results.handleEventsWith(publisher);
            results.setDefaultExceptionHandler(new FailureHandler<>());
            resultRing = results.start();
        }

        inputs = new Disruptor<>(InputSlot::new, context.ringSize(), threads,
            context.singleProducer() ? ProducerType.SINGLE : ProducerType.MULTI,
            context.waitStrategy().newStrategy());
        calculation = new CalculationHandler();
        if (journal != null && !oneThread)
        {
            inputs.handleEventsWith(new JournalHandler(), calculation);
        }
        else
        {
            inputs.handleEventsWith(calculation);
        }
        inputs.setDefaultExceptionHandler(new FailureHandler<>());
        inputRing = inputs.start();
    }

    /**
     * Starts an engine: opens (and, if it has records, recovers from) the journal, then starts the rings.
     *
     * @param context what the engine is made of.
     * @return the running engine; close it to stop.
     */
    public static Engine launch(final EngineContext context)
    {
        return new Engine(context);
    }

    /**
     * @return the context the engine was launched with.
     */
    public EngineContext context()
    {
        return context;
    }

    /**
     * @return the position the next input will get (inputs recovered from the journal come before it).
     */
    public long nextPosition()
    {
        return base + inputRing.getCursor() + 1;
    }

    // -----------------------------------------------------------------------------------------------------------
    // Submitting: one method per record kind, each claim / fill / publish, allocation-free
    // -----------------------------------------------------------------------------------------------------------

    /**
     * Submits a record prepared elsewhere (an adapter's decoded record, a replayed one): its bytes are copied into
     * the ring; the position and receipt time are set by the engine.
     *
     * @param buffer holding the record.
     * @param offset of its first byte.
     * @return the record's input position.
     */
    public long submit(final DirectBuffer buffer, final int offset)
    {
        final long sequence = inputRing.next();
        try
        {
            inputRing.get(sequence).event.copyFrom(buffer, offset).position(base + sequence)
                .receivedMicros(clock.microTime());
        }
        finally
        {
            inputRing.publish(sequence);
        }
        return base + sequence;
    }

    /**
     * A Physical Notification segment.
     *
     * @param source    who sends it ({@link io.gbsettle.core.event.EventSource}).
     * @param sourceKey the source's own id of the record.
     * @param epochDay  the Settlement Day.
     * @param bmUnit    BM Unit index.
     * @param timeFrom  epoch second.
     * @param levelFrom MW.
     * @param timeTo    epoch second.
     * @param levelTo   MW.
     * @return the input position.
     */
    public long submitPn(final int source, final long sourceKey, final long epochDay, final int bmUnit,
        final long timeFrom, final double levelFrom, final long timeTo, final double levelTo)
    {
        return publish(EventType.PN_POINT, source, sourceKey, epochDay, 0, bmUnit, 0, 0, timeFrom, timeTo, 0,
            levelFrom, levelTo, 0, 0, 0);
    }

    /**
     * A Bid-Offer Data band segment.
     *
     * @param source    who sends it.
     * @param sourceKey the source's own id of the record.
     * @param epochDay  the Settlement Day.
     * @param bmUnit    BM Unit index.
     * @param pairId    pair number.
     * @param timeFrom  epoch second.
     * @param levelFrom MW.
     * @param timeTo    epoch second.
     * @param levelTo   MW.
     * @param offer     offer price £/MWh.
     * @param bid       bid price £/MWh.
     * @return the input position.
     */
    public long submitBod(final int source, final long sourceKey, final long epochDay, final int bmUnit,
        final int pairId, final long timeFrom, final double levelFrom, final long timeTo, final double levelTo,
        final double offer, final double bid)
    {
        return publish(EventType.BOD_BAND, source, sourceKey, epochDay, 0, bmUnit, pairId, 0, timeFrom, timeTo, 0,
            levelFrom, levelTo, offer, bid, 0);
    }

    /**
     * A Bid-Offer Acceptance segment.
     *
     * @param source           who sends it.
     * @param sourceKey        the source's own id of the record.
     * @param epochDay         the Settlement Day.
     * @param bmUnit           BM Unit index.
     * @param acceptanceNumber the acceptance number.
     * @param acceptanceTime   epoch second.
     * @param timeFrom         epoch second.
     * @param levelFrom        MW.
     * @param timeTo           epoch second.
     * @param levelTo          MW.
     * @param flags            {@link InputEvent#FLAG_SO} | {@link InputEvent#FLAG_STOR} | ...
     * @return the input position.
     */
    public long submitAcceptance(final int source, final long sourceKey, final long epochDay, final int bmUnit,
        final long acceptanceNumber, final long acceptanceTime, final long timeFrom, final double levelFrom,
        final long timeTo, final double levelTo, final int flags)
    {
        return publish(EventType.ACCEPTANCE_SEGMENT, source, sourceKey, epochDay, 0, bmUnit, 0, acceptanceNumber,
            timeFrom, timeTo, acceptanceTime, levelFrom, levelTo, 0, 0, flags);
    }

    /**
     * A period-level record without a BM Unit: DISBSAD (key = id, values cost, volume), NETBSAD (BPA, SPA), MID
     * (key = provider, values price, volume), LoLP (value LoLP, flag STOR window), system price (value price), day
     * parameter (key = parameter, value).
     *
     * @param type      the {@link EventType}.
     * @param source    who sends it.
     * @param sourceKey the source's own id of the record.
     * @param epochDay  the Settlement Day.
     * @param period    the period (0 for a day parameter).
     * @param key       the kind's key (see {@link EventType}).
     * @param value0    first value.
     * @param value1    second value.
     * @param flags     flag bits.
     * @return the input position.
     */
    public long submitPeriodValue(final int type, final int source, final long sourceKey, final long epochDay,
        final int period, final long key, final double value0, final double value1, final int flags)
    {
        return publish(type, source, sourceKey, epochDay, period, 0, 0, key, 0, 0, 0, value0, value1, 0, 0, flags);
    }

    /**
     * A per-BM Unit or per-account period record: metered volume (subject = BM Unit, value QM), ABSVD (BM Unit,
     * QAS), ECVN line (subject = from account, subject2 = to account, key = notification id, value volume), MVRN line
     * (BM Unit, subsidiary account, values fixed MWh and percentage).
     *
     * @param type      the {@link EventType}.
     * @param source    who sends it.
     * @param sourceKey the source's own id of the record.
     * @param epochDay  the Settlement Day.
     * @param period    the period.
     * @param subject   BM Unit or account index.
     * @param subject2  second index, or 0.
     * @param key       the kind's key, or 0.
     * @param value0    first value.
     * @param value1    second value.
     * @param flags     flag bits.
     * @return the input position.
     */
    public long submitUnitValue(final int type, final int source, final long sourceKey, final long epochDay,
        final int period, final int subject, final int subject2, final long key, final double value0,
        final double value1, final int flags)
    {
        return publish(type, source, sourceKey, epochDay, period, subject, subject2, key, 0, 0, 0, value0, value1, 0,
            0, flags);
    }

    /**
     * A metered volume (the commonest settlement input).
     *
     * @param source    who sends it.
     * @param sourceKey the source's own id of the record.
     * @param epochDay  the Settlement Day.
     * @param period    the period.
     * @param bmUnit    BM Unit index.
     * @param qm        MWh.
     * @return the input position.
     */
    public long submitMetered(final int source, final long sourceKey, final long epochDay, final int period,
        final int bmUnit, final double qm)
    {
        return submitUnitValue(EventType.METERED_VOLUME, source, sourceKey, epochDay, period, bmUnit, 0, 0, qm, 0, 0);
    }

    /**
     * Changes a BM Unit's registration on one Settlement Day (on top of the registry's standing data): who leads it,
     * whether it is a Production BM Unit, its trading unit, GSP Group and TLF.
     *
     * @param source      who sends it.
     * @param sourceKey   the source's own id of the record.
     * @param epochDay    the Settlement Day.
     * @param bmUnit      BM Unit index.
     * @param leadParty   lead party index, or -1: not registered on the day.
     * @param production  Production (true) or Consumption BM Unit.
     * @param tradingUnit trading unit index, or -1.
     * @param gspGroup    GSP Group index, or -1.
     * @param tlf         TLF on the day, or NaN for the zone's.
     * @return the input position.
     */
    public long submitRegistration(final int source, final long sourceKey, final long epochDay, final int bmUnit,
        final int leadParty, final boolean production, final int tradingUnit, final int gspGroup, final double tlf)
    {
        return publish(EventType.REGISTRATION, source, sourceKey, epochDay, 0, bmUnit, leadParty,
            (long)gspGroup << 32 | (tradingUnit & 0xFFFFFFFFL), 0, 0, 0, tlf, 0, 0, 0,
            production ? EventType.FLAG_PRODUCTION : 0);
    }

    /**
     * Asks for a settlement run of a day on the inputs received so far. A run trigger is itself an input: journaled,
     * idempotent by its source key (send the same trigger twice and the day runs once).
     *
     * @param source    who asks.
     * @param sourceKey the request's id.
     * @param epochDay  the Settlement Day.
     * @param run       the run.
     * @return the input position (results of the run carry it as their last input).
     */
    public long triggerRun(final int source, final long sourceKey, final long epochDay, final SettlementRun run)
    {
        return publish(EventType.RUN_TRIGGER, source, sourceKey, epochDay, 0, 0, run.ordinal(), 0, 0, 0, 0, 0, 0, 0, 0,
            0);
    }

    /**
     * Says no more input is expected for a period (or the whole day, period 0): pending indicative results are
     * computed and published.
     *
     * @param source    who says so.
     * @param sourceKey the marker's id.
     * @param epochDay  the Settlement Day.
     * @param period    the period, or 0.
     * @return the input position.
     */
    public long endOfInput(final int source, final long sourceKey, final long epochDay, final int period)
    {
        return submitPeriodValue(EventType.END_OF_INPUT, source, sourceKey, epochDay, period, 0, 0, 0, 0);
    }

    /**
     * Forgets a day's inputs once its last run is done, to bound memory. Journaled like any input, so a replay
     * forgets at the same point.
     *
     * @param source    who asks.
     * @param sourceKey the request's id.
     * @param epochDay  the Settlement Day.
     * @return the input position.
     */
    public long retireDay(final int source, final long sourceKey, final long epochDay)
    {
        return submitPeriodValue(EventType.RETIRE_DAY, source, sourceKey, epochDay, 0, 0, 0, 0, 0);
    }

    /**
     * The one two-phase publish every submit goes through: claim a slot, fill every field through the slot's
     * flyweight, stamp position and receipt time, publish (always, even if filling failed, or the ring would stall).
     */
    private long publish(final int type, final int source, final long sourceKey, final long epochDay,
        final int period, final int subject, final int subject2, final long key, final long time0, final long time1,
        final long time2, final double value0, final double value1, final double value2, final double value3,
        final int flags)
    {
        final long sequence = inputRing.next();
        try
        {
            inputRing.get(sequence).event.reset(type, epochDay, period, source, sourceKey).subject(subject)
                .subject2(subject2).key(key).times(time0, time1, time2).values(value0, value1, value2, value3)
                .flags(flags).position(base + sequence).receivedMicros(clock.microTime());
        }
        finally
        {
            inputRing.publish(sequence);
        }
        return base + sequence;
    }

    // -----------------------------------------------------------------------------------------------------------
    // Waiting
    // -----------------------------------------------------------------------------------------------------------

    /**
     * Waits until an input is in the journal: a source acknowledges its record only then (without a journal, until
     * it is applied).
     *
     * @param position an input position.
     * @param timeout  how long to wait at most.
     * @param unit     its unit.
     * @throws TimeoutException if it is not journaled in time.
     */
    public void awaitJournaled(final long position, final long timeout, final TimeUnit unit) throws TimeoutException
    {
        final long deadline = System.nanoTime() + unit.toNanos(timeout);
        while ((journal != null ? journaled.get() : base + calculation.sequence.get()) < position)
        {
            idle(deadline, position, "journaled");
        }
    }

    /**
     * Waits until an input has been applied and every result it caused has been published to the listeners (and
     * journaled).
     *
     * @param position an input position.
     * @param timeout  how long to wait at most.
     * @param unit     its unit.
     * @throws TimeoutException if that does not happen in time.
     */
    public void awaitProcessed(final long position, final long timeout, final TimeUnit unit) throws TimeoutException
    {
        final long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (base + calculation.sequence.get() < position)
        {
            idle(deadline, position, "applied");
        }
        if (!oneThread)
        {
            final long cursor = resultRing.getCursor();
            while (publisher.sequence.get() < cursor)
            {
                idle(deadline, position, "published");
            }
        }
    }

    private void idle(final long deadline, final long position, final String what) throws TimeoutException
    {
        final Throwable failed = failure;
        if (failed != null)
        {
            throw new IllegalStateException("the engine failed: " + failed, failed);
        }
        if (System.nanoTime() > deadline)
        {
            throw new TimeoutException("input " + position + " was not " + what + " in time");
        }
        java.util.concurrent.locks.LockSupport.parkNanos(AWAIT_PARK_NANOS);
    }

    /**
     * @return inputs applied (first seen), duplicates ignored, records rejected, runs done and balancing records
     *         left out of the indicative prices, in that order (read without synchronisation: exact once the engine
     *         is quiet).
     */
    public long[] counters()
    {
        return new long[] {core.applied(), core.duplicates(), core.rejected(), core.runs(), core.indicativeSkipped()};
    }

    /**
     * Stops taking work, drains both rings, closes the journal. Idempotent.
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            inputs.shutdown(30, TimeUnit.SECONDS);
            if (results != null)
            {
                results.shutdown(30, TimeUnit.SECONDS);
            }
        }
        catch (final com.lmax.disruptor.TimeoutException ex)
        {
            inputs.halt();
            if (results != null)
            {
                results.halt();
            }
        }
        finally
        {
            if (journal != null)
            {
                journal.close();
            }
        }
    }

    // -----------------------------------------------------------------------------------------------------------
    // Handlers
    // -----------------------------------------------------------------------------------------------------------

    /**
     * Appends every input record to the journal, beside the calculation.
     */
    private final class JournalHandler implements EventHandler<InputSlot>
    {
        @Override
        public void onEvent(final InputSlot slot, final long sequence, final boolean endOfBatch)
        {
            if (journal.appendInput(slot.buffer, 0))
            {
                journaled.lazySet(base + sequence);
            }
            else if (endOfBatch)
            {
                journal.flushInputs();
                journaled.lazySet(base + sequence);
            }
        }
    }

    /**
     * Applies and calculates, writing results into the result ring.
     */
    private final class CalculationHandler implements EventHandler<InputSlot>, ResultSink
    {
        private final InputEvent event = new InputEvent();
        private final ResultRecord record = new ResultRecord();
        private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[ResultRecord.LENGTH]);
        private final boolean journalHere = journal != null && oneThread;
        private volatile Sequence sequence = new Sequence();
        private long claimed;
        private long current;

        @Override
        public void setSequenceCallback(final Sequence sequenceCallback)
        {
            sequence = sequenceCallback;
        }

        @Override
        public void onEvent(final InputSlot slot, final long sequence, final boolean endOfBatch)
        {
            current = base + sequence;
            if (journalHere && journal.appendInput(slot.buffer, 0))
            {
                journaled.lazySet(current);
            }
            core.onInput(event.wrap(slot.buffer, 0), endOfBatch, this);
            if (journalHere && endOfBatch)
            {
                journal.flushInputs();
                journaled.lazySet(current);
            }
        }

        @Override
        public ResultRecord claim()
        {
            if (oneThread)
            {
                return record.wrap(scratch, 0);
            }
            claimed = resultRing.next();
            return record.wrap(resultRing.get(claimed).buffer, 0);
        }

        @Override
        public void commit(final long gatePosition)
        {
            if (oneThread)
            {
                if (journalHere && journaled.get() < gatePosition)
                {
                    journal.flushInputs();
                    journaled.lazySet(current);
                }
                publisher.publish(scratch);
                return;
            }
            resultRing.get(claimed).gate = gatePosition;
            resultRing.publish(claimed);
        }
    }

    /**
     * Publishes each result once its inputs are journaled: result journal first, then listeners.
     */
    private final class Publisher implements EventHandler<ResultSlot>
    {
        private final ResultListener[] listeners;
        private final ResultRecord record = new ResultRecord();
        private final BackoffIdleStrategy idle = new BackoffIdleStrategy(64, 16, 1_000, 50_000);
        private volatile Sequence sequence = new Sequence();

        @Override
        public void setSequenceCallback(final Sequence sequenceCallback)
        {
            sequence = sequenceCallback;
        }

        Publisher(final List<ResultListener> listeners)
        {
            this.listeners = listeners.toArray(new ResultListener[0]);
        }

        @Override
        public void onEvent(final ResultSlot slot, final long sequence, final boolean endOfBatch)
        {
            if (journal != null)
            {
                if (journaled.get() < slot.gate)
                {
                    // Spinning here would starve the journal thread on a small machine: back off to a park.
                    idle.reset();
                    while (journaled.get() < slot.gate)
                    {
                        if (failure != null)
                        {
                            return;
                        }
                        idle.idle();
                    }
                }
                journal.appendResult(slot.buffer, 0);
            }
            publish(slot.buffer);
        }

        /**
         * Journals a result (when there is a journal) and hands it to the listeners.
         */
        void publish(final UnsafeBuffer buffer)
        {
            if (journal != null && oneThread)
            {
                journal.appendResult(buffer, 0);
            }
            record.wrap(buffer, 0);
            for (final ResultListener listener : listeners)
            {
                listener.onResult(record);
            }
        }
    }

    /**
     * Records the first failure of a handler so that waiting callers see it, then stops that handler.
     */
    private final class FailureHandler<T> implements ExceptionHandler<T>
    {
        @Override
        public void handleEventException(final Throwable ex, final long sequence, final T event)
        {
            failure = ex;
            System.getLogger("io.gbsettle.engine").log(System.Logger.Level.ERROR,
                "engine handler failed at sequence " + sequence, ex);
        }

        @Override
        public void handleOnStartException(final Throwable ex)
        {
            failure = ex;
        }

        @Override
        public void handleOnShutdownException(final Throwable ex)
        {
            failure = ex;
        }
    }

    /**
     * Names the engine's threads.
     */
    private static final class EngineThreads implements ThreadFactory
    {
        private static final AtomicInteger ENGINES = new AtomicInteger();
        private final int engine = ENGINES.incrementAndGet();
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(final Runnable runnable)
        {
            final Thread thread = new Thread(runnable, "gbsettle-" + engine + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
