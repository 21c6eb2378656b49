package io.gbsettle.core.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.event.ResultRecord;
import io.gbsettle.core.event.ResultType;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.MeteredVolumes;
import io.gbsettle.core.registry.BmUnitDay;
import io.gbsettle.core.time.SettlementRun;

/**
 * Test fixture: a journal holding a day settled by the engine (the bundle's run), then further runs of the day, each
 * after revisions (new metered volumes, a BM Unit moved to another lead party) submitted with new source keys, as
 * late data arrives between settlement runs. Captures the engine's own {@code PARTY_PERIOD_DIFF} records.
 */
public final class RevisedRuns
{
    private static final long TIMEOUT_SECONDS = 60;

    private RevisedRuns()
    {
    }

    /**
     * One revision before a run.
     *
     * @param meteredRow a row of the bundle's metered volumes (taken modulo their count): its QM is revised, or -1.
     * @param delta      added to that row's QM (MWh).
     * @param moveUnit   a BM Unit index whose lead party changes (modulo the unit count), or -1.
     * @param toParty    the new lead party (modulo the party count).
     */
    public record Revision(int meteredRow, double delta, int moveUnit, int toParty)
    {
        /**
         * @param meteredRow the metered row.
         * @param delta      MWh added.
         * @return a metered volume revision.
         */
        public static Revision metered(final int meteredRow, final double delta)
        {
            return new Revision(meteredRow, delta, -1, 0);
        }

        /**
         * @param unit    the BM Unit.
         * @param toParty its new lead party.
         * @return a change of lead party.
         */
        public static Revision move(final int unit, final int toParty)
        {
            return new Revision(-1, 0, unit, toParty);
        }
    }

    /**
     * One of the engine's {@code PARTY_PERIOD_DIFF} records, copied.
     *
     * @param run         the later run.
     * @param runSequence its sequence.
     * @param period      the period.
     * @param party       the party.
     * @param values      its eight values.
     */
    public record EngineDiff(SettlementRun run, int runSequence, int period, int party, double[] values)
    {
    }

    /**
     * Settles the bundle into the journal, then, for each further run, submits its revisions and triggers it.
     *
     * @param bundle    the day (its run is the first).
     * @param journal   the journal directory.
     * @param runs      the further runs, in order.
     * @param revisions per further run, the revisions submitted before it.
     * @return the engine's {@code PARTY_PERIOD_DIFF} records, in publication order.
     * @throws TimeoutException if the engine does not finish in a minute.
     */
    public static List<EngineDiff> settle(final DayBundle bundle, final Path journal, final List<SettlementRun> runs,
        final List<List<Revision>> revisions) throws TimeoutException
    {
        final Session session = new Session(bundle, journal);
        try (session)
        {
            for (int i = 0; i < runs.size(); i++)
            {
                session.run(runs.get(i), revisions.get(i));
            }
        }
        return session.diffs();
    }

    /**
     * An engine on a journal that settled the bundle, taking revisions and further runs one at a time.
     */
    public static final class Session implements AutoCloseable
    {
        private final List<EngineDiff> diffs = Collections.synchronizedList(new ArrayList<>());
        private final DayBundle bundle;
        private final BmUnitDay day;
        private final Engine engine;
        private long key = 1_000_000;

        /**
         * Launches the engine on the journal and settles the bundle's run.
         *
         * @param bundle  the day.
         * @param journal the journal directory.
         * @throws TimeoutException if the engine does not finish in a minute.
         */
        public Session(final DayBundle bundle, final Path journal) throws TimeoutException
        {
            this.bundle = bundle;
            this.day = bundle.registry().newDayView();
            bundle.registry().fillDay(bundle.epochDay(), day);
            this.engine = Engine.launch(new EngineContext().registry(bundle.registry()).journalDir(journal)
                .listener(r -> capture(r, diffs)));
            BundleEvents.settle(bundle, engine, TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }

        /**
         * Submits the revisions, triggers the run and waits for it.
         *
         * @param run       the run.
         * @param revisions what changed since the previous run.
         * @throws TimeoutException if the engine does not finish in a minute.
         */
        public void run(final SettlementRun run, final List<Revision> revisions) throws TimeoutException
        {
            final MeteredVolumes metered = bundle.meteredVolumes();
            final int units = bundle.registry().bmUnitCount();
            final int parties = bundle.registry().partyCount();
            for (final Revision revision : revisions)
            {
                key++;
                if (revision.meteredRow() >= 0)
                {
                    final int row = revision.meteredRow() % metered.count();
                    engine.submitMetered(EventSource.OPERATOR, key, bundle.epochDay(), metered.period(row),
                        metered.bmUnit(row), metered.qm(row) + revision.delta());
                }
                if (revision.moveUnit() >= 0)
                {
                    final int unit = revision.moveUnit() % units;
                    engine.submitRegistration(EventSource.OPERATOR, key, bundle.epochDay(), unit,
                        revision.toParty() % parties, day.production(unit), day.tradingUnit(unit),
                        day.gspGroup(unit), day.tlf(unit));
                }
            }
            key++;
            final long trigger = engine.triggerRun(EventSource.OPERATOR, key, bundle.epochDay(), run);
            engine.awaitProcessed(trigger, TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }

        /**
         * @return the engine's {@code PARTY_PERIOD_DIFF} records published so far (all of them once closed), in
         * publication order.
         */
        public List<EngineDiff> diffs()
        {
            synchronized (diffs)
            {
                return new ArrayList<>(diffs);
            }
        }

        @Override
        public void close()
        {
            engine.close();
        }
    }

    private static void capture(final ResultRecord r, final List<EngineDiff> diffs)
    {
        if (r.type() == ResultType.PARTY_PERIOD_DIFF)
        {
            final double[] values = new double[8];
            for (int v = 0; v < values.length; v++)
            {
                values[v] = r.value(v);
            }
            diffs.add(new EngineDiff(SettlementRun.values()[r.run()], r.runSequence(), r.period(), r.subject(),
                values));
        }
    }
}
