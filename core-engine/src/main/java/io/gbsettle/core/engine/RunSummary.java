package io.gbsettle.core.engine;

import java.nio.file.Path;
import java.util.Arrays;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import io.gbsettle.core.event.EventType;
import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.event.ResultRecord;
import io.gbsettle.core.event.ResultType;
import io.gbsettle.core.journal.Journal;
import io.gbsettle.core.journal.JournalConfig;
import io.gbsettle.core.journal.JournalReader;
import io.gbsettle.core.journal.RecordHandler;
import io.gbsettle.core.registry.BmUnitDay;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.time.SettlementRun;

/**
 * One complete settlement run read back from a journal and summed for comparison with another run of the day:
 * every party's net cashflow and QAEI per period ({@link PartyPeriodSums}, added up from the run's own records in
 * their journal order, exactly as the engine added them while writing them), each period's system price and NIV, and
 * each party's day totals as the run reported them. What {@code bsc runs diff} compares; any two runs of a day can be
 * compared, not only consecutive ones.
 *
 * <p>A BM Unit's cashflows count for its lead party on the day: the journal's registry, with the day's
 * {@code REGISTRATION} inputs up to the run's trigger applied as the run applied them.
 */
public final class RunSummary
{
    private final MarketRegistry registry;
    private final long epochDay;
    private final SettlementRun run;
    private final int sequence;
    private final int periods;
    private final long records;
    private final long inputDigest;
    private final long inputFrom;
    private final long inputTo;
    private final PartyPeriodSums sums;
    private final double[] systemPrice;
    private final double[] niv;
    private final double[] partyDayNet;

    private RunSummary(final MarketRegistry registry, final Collector c, final PartyPeriodSums sums)
    {
        this.registry = registry;
        this.epochDay = c.epochDay;
        this.run = c.run;
        this.sequence = c.sequence;
        this.periods = c.periods;
        this.records = c.records;
        this.inputDigest = c.inputDigest;
        this.inputFrom = c.inputFrom;
        this.inputTo = c.inputTo;
        this.sums = sums;
        this.systemPrice = c.systemPrice;
        this.niv = c.niv;
        this.partyDayNet = c.partyDayNet;
    }

    /**
     * Reads the latest complete run of a day and run type from a journal.
     *
     * @param dir      the journal directory.
     * @param epochDay the Settlement Day.
     * @param run      the run type.
     * @return the run's summary, or null when the journal holds no complete such run.
     * @throws IllegalArgumentException if there is no journal in {@code dir}.
     * @throws IllegalStateException    if the journal has no registry (the engine writes it at launch).
     */
    public static RunSummary read(final Path dir, final long epochDay, final SettlementRun run)
    {
        final MarketRegistry registry;
        try (Journal journal = Journal.openReadOnly(dir, new JournalConfig()))
        {
            if (!journal.hasRegistry())
            {
                throw new IllegalStateException("the journal at " + dir + " has no registry (" +
                    dir.resolve(Journal.REGISTRY) + ")");
            }
            registry = journal.registry();
        }
        final Collector collector = new Collector(epochDay, run, registry.partyCount());
        if (RunRecords.latest(dir, epochDay, run, collector) == 0)
        {
            return null;
        }
        final BmUnitDay day = registry.newDayView();
        registry.fillDay(epochDay, day);
        registrations(dir, registry, epochDay, collector.inputFrom, collector.inputTo).registrations(day);
        final PartyPeriodSums sums = new PartyPeriodSums(registry.partyCount(), collector.periods);
        collector.addTo(sums, day);
        return new RunSummary(registry, collector, sums);
    }

    /**
     * The day's registrations as the run held them: its inputs from the day's first to the trigger, as the engine
     * took them in (validated, deduplicated, replaced by business key).
     */
    private static DayInputs registrations(final Path dir, final MarketRegistry registry, final long epochDay,
        final long from, final long to)
    {
        final DayInputs inputs = new DayInputs(epochDay, 16);
        if (from < 0)
        {
            return inputs;
        }
        try (Journal journal = Journal.openReadOnly(dir, new JournalConfig());
            JournalReader reader = journal.inputs().reader())
        {
            final InputEvent event = new InputEvent();
            final RecordHandler handler = (buffer, offset, position) ->
            {
                if (position > to)
                {
                    return;
                }
                event.wrap((UnsafeBuffer)buffer, offset);
                if (event.type() == EventType.REGISTRATION && event.epochDay() == epochDay &&
                    InputValidation.check(event, registry) == InputValidation.OK)
                {
                    inputs.accept(event, event.idempotencyKey());
                }
            };
            if (reader.seek(from))
            {
                while (reader.position() <= to && reader.poll(handler, 4096) > 0)
                {
                    // the handler does the work
                }
            }
        }
        return inputs;
    }

    /**
     * @return the registry of the journal (names of parties and BM Units).
     */
    public MarketRegistry registry()
    {
        return registry;
    }

    /**
     * @return the Settlement Day.
     */
    public long epochDay()
    {
        return epochDay;
    }

    /**
     * @return the run type.
     */
    public SettlementRun run()
    {
        return run;
    }

    /**
     * @return the run's sequence number within the day.
     */
    public int sequence()
    {
        return sequence;
    }

    /**
     * @return the run as people name it: "SF#1".
     */
    public String label()
    {
        return run.name() + "#" + sequence;
    }

    /**
     * @return the day's period count.
     */
    public int periods()
    {
        return periods;
    }

    /**
     * @return the run's records, RUN_START to RUN_END inclusive.
     */
    public long records()
    {
        return records;
    }

    /**
     * @return the digest of the inputs the run settled.
     */
    public long inputDigest()
    {
        return inputDigest;
    }

    /**
     * @return the first input position of the day the run rests on.
     */
    public long inputFrom()
    {
        return inputFrom;
    }

    /**
     * @return the input position of the run's trigger.
     */
    public long inputTo()
    {
        return inputTo;
    }

    /**
     * @return every party's net cashflow and QAEI per period.
     */
    public PartyPeriodSums sums()
    {
        return sums;
    }

    /**
     * @param period a period, 1..{@link #periods()}.
     * @return its System Price (GBP/MWh), NaN when the run reported none.
     */
    public double systemPrice(final int period)
    {
        return systemPrice[period];
    }

    /**
     * @param period a period, 1..{@link #periods()}.
     * @return its Net Imbalance Volume (MWh), NaN when the run reported none.
     */
    public double niv(final int period)
    {
        return niv[period];
    }

    /**
     * @param party a party.
     * @return its day net cashflow as the run's {@code PARTY_DAY} record gives it, NaN when the run has none.
     */
    public double partyDayNet(final int party)
    {
        return partyDayNet[party];
    }

    @Override
    public String toString()
    {
        return "RunSummary(" + java.time.LocalDate.ofEpochDay(epochDay) + " " + label() + ", " + records +
            " records, inputs " + inputFrom + ".." + inputTo + ")";
    }

    /**
     * Keeps what the sums need of a run's records, in record order, until the day's lead parties are known.
     */
    private static final class Collector implements ResultListener
    {
        private final long epochDay;
        private final SettlementRun run;
        private final int parties;
        private int sequence;
        private int periods;
        private long records;
        private long inputDigest;
        private long inputFrom = -1;
        private long inputTo = -1;
        private double[] systemPrice = new double[0];
        private double[] niv = new double[0];
        private final double[] partyDayNet;
        private int rows;
        private int[] kind = new int[1024];
        private int[] period = new int[1024];
        private int[] subject = new int[1024];
        private double[] values = new double[3 * 1024];

        Collector(final long epochDay, final SettlementRun run, final int parties)
        {
            this.epochDay = epochDay;
            this.run = run;
            this.parties = parties;
            this.partyDayNet = new double[parties];
            Arrays.fill(partyDayNet, Double.NaN);
        }

        @Override
        public void onResult(final ResultRecord r)
        {
            records++;
            switch (r.type())
            {
                case ResultType.RUN_START ->
                {
                    sequence = r.runSequence();
                    periods = (int)r.value(0);
                    inputDigest = r.inputDigest();
                    inputFrom = r.inputFrom();
                    inputTo = r.inputTo();
                    systemPrice = new double[periods + 1];
                    niv = new double[periods + 1];
                    Arrays.fill(systemPrice, Double.NaN);
                    Arrays.fill(niv, Double.NaN);
                }
                case ResultType.BM_UNIT_PERIOD -> keep(ResultType.BM_UNIT_PERIOD, r, 10, 11, 12);
                case ResultType.ACCOUNT_PERIOD -> keep(ResultType.ACCOUNT_PERIOD, r, 3, 4, 6);
                case ResultType.PERIOD ->
                {
                    systemPrice[r.period()] = r.value(0);
                    niv[r.period()] = r.value(1);
                }
                case ResultType.PARTY_DAY ->
                {
                    if (r.subject() >= 0 && r.subject() < parties)
                    {
                        partyDayNet[r.subject()] = r.value(5);
                    }
                }
                default ->
                {
                }
            }
        }

        private void keep(final int type, final ResultRecord r, final int v0, final int v1, final int v2)
        {
            if (rows == kind.length)
            {
                kind = Arrays.copyOf(kind, rows * 2);
                period = Arrays.copyOf(period, rows * 2);
                subject = Arrays.copyOf(subject, rows * 2);
                values = Arrays.copyOf(values, rows * 6);
            }
            kind[rows] = type;
            period[rows] = r.period();
            subject[rows] = r.subject();
            values[3 * rows] = r.value(v0);
            values[3 * rows + 1] = r.value(v1);
            values[3 * rows + 2] = r.value(v2);
            rows++;
        }

        /**
         * Adds the kept rows in their record order, as {@code RunReport} did while writing them.
         */
        void addTo(final PartyPeriodSums sums, final BmUnitDay day)
        {
            for (int i = 0; i < rows; i++)
            {
                if (kind[i] == ResultType.BM_UNIT_PERIOD)
                {
                    sums.bmUnitPeriod(day.leadParty(subject[i]), period[i], values[3 * i], values[3 * i + 1],
                        values[3 * i + 2]);
                }
                else
                {
                    sums.accountPeriod(subject[i], period[i], values[3 * i], values[3 * i + 1], values[3 * i + 2]);
                }
            }
        }
    }
}
