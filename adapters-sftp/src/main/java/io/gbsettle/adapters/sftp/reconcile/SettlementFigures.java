package io.gbsettle.adapters.sftp.reconcile;

import java.nio.file.Path;
import java.util.Arrays;

import io.gbsettle.core.engine.ResultListener;
import io.gbsettle.core.engine.RunRecords;
import io.gbsettle.core.event.ResultRecord;
import io.gbsettle.core.event.ResultType;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.settle.SettlementReport;
import io.gbsettle.core.time.SettlementRun;

/**
 * One settled day's figures that reconciliation compares, by registry index: per BM Unit and period (metered
 * volume, TLM, BM Unit cashflow), per Energy Account and period (credited energy, imbalance volume, CAEI, RCRC) and
 * per period (system price). Filled from the engine's results (a {@link ResultListener}, e.g. from
 * {@link RunRecords#latest}), from a batch settlement (a {@link SettlementReport}) or from an S0142 file. Absent
 * figures are NaN.
 */
public final class SettlementFigures implements SettlementReport
{
    /** Period slots per subject (periods 1..50). */
    public static final int PERIOD_SLOTS = 51;

    /**
     * A compared quantity: what it is about, where it sits in the engine's result records, and where in the S0142
     * (record and field of the flow definitions).
     */
    public enum Quantity
    {
        /** BM Unit metered volume QM (MWh). */
        METERED_VOLUME(Subject.BM_UNIT, ResultType.BM_UNIT_PERIOD, "qm", "BP7", "bmUnitMeteredVolume"),
        /** Transmission Loss Multiplier. */
        TLM(Subject.BM_UNIT, ResultType.BM_UNIT_PERIOD, "tlm", "BP7", "transmissionLossMultiplier"),
        /** BM Unit cashflow CBM (£). */
        CBM(Subject.BM_UNIT, ResultType.BM_UNIT_PERIOD, "cbm", "BP7", "bmUnitCashflow"),
        /** Account credited energy QACE (MWh). */
        CREDITED_ENERGY(Subject.ACCOUNT, ResultType.ACCOUNT_PERIOD, "qace", "APD", "creditedEnergyVolume"),
        /** Account energy imbalance volume QAEI (MWh). */
        IMBALANCE_VOLUME(Subject.ACCOUNT, ResultType.ACCOUNT_PERIOD, "qaei", "APD", "energyImbalanceVolume"),
        /** Account energy imbalance cashflow CAEI (£). */
        CAEI(Subject.ACCOUNT, ResultType.ACCOUNT_PERIOD, "caei", "APD", "energyImbalanceCashflow"),
        /** Residual cashflow reallocation cashflow RCRC (£). */
        RCRC(Subject.ACCOUNT, ResultType.ACCOUNT_PERIOD, "rcrc", "APD", "residualCashflowReallocationCashflow"),
        /** System (imbalance) price (£/MWh); the S0142 SSP. */
        SYSTEM_PRICE(Subject.PERIOD, ResultType.PERIOD, "systemPrice", "SPI", "systemSellPrice");

        private final Subject subject;
        private final int resultType;
        private final int valueIndex;
        private final String recordId;
        private final String fieldName;

        Quantity(final Subject subject, final int resultType, final String valueName, final String recordId,
            final String fieldName)
        {
            this.subject = subject;
            this.resultType = resultType;
            int index = -1;
            for (int i = 0; i < ResultType.valueCount(resultType); i++)
            {
                if (ResultType.valueName(resultType, i).equals(valueName))
                {
                    index = i;
                }
            }
            if (index < 0)
            {
                throw new IllegalStateException("no result value " + valueName);
            }
            this.valueIndex = index;
            this.recordId = recordId;
            this.fieldName = fieldName;
        }

        /**
         * @return what the quantity is about.
         */
        public Subject subject()
        {
            return subject;
        }

        /**
         * @return the S0142 record id carrying it.
         */
        public String recordId()
        {
            return recordId;
        }

        /**
         * @return the S0142 field name carrying it.
         */
        public String fieldName()
        {
            return fieldName;
        }

        /**
         * @return the engine result value's index in its record.
         */
        public int valueIndex()
        {
            return valueIndex;
        }

        /**
         * @return the engine result record type.
         */
        public int resultType()
        {
            return resultType;
        }
    }

    /** What a quantity is about. */
    public enum Subject
    {
        /** A BM Unit (registry index). */
        BM_UNIT,
        /** An Energy Account (index 2p production, 2p+1 consumption). */
        ACCOUNT,
        /** The period as a whole. */
        PERIOD
    }

    private static final Quantity[] QUANTITIES = Quantity.values();

    private final int bmUnitCount;
    private final int accountCount;
    private final double[][] values = new double[QUANTITIES.length][];
    private long epochDay = Long.MIN_VALUE;
    private int periods;
    private final ResultListener listener = this::onResult;

    /**
     * @param bmUnitCount  the registry's BM Units.
     * @param accountCount the registry's Energy Accounts (2 per party).
     */
    public SettlementFigures(final int bmUnitCount, final int accountCount)
    {
        this.bmUnitCount = bmUnitCount;
        this.accountCount = accountCount;
        for (final Quantity q : QUANTITIES)
        {
            values[q.ordinal()] = new double[subjects(q.subject()) * PERIOD_SLOTS];
        }
        clear();
    }

    /**
     * @param registry the registry.
     * @return empty figures sized for it.
     */
    public static SettlementFigures forRegistry(final MarketRegistry registry)
    {
        return new SettlementFigures(registry.bmUnitCount(), registry.energyAccountCount());
    }

    /**
     * Reads the engine's latest complete run of a day from its journal.
     *
     * @param journalDir the engine's journal directory.
     * @param registry   the registry the engine settled with.
     * @param epochDay   the Settlement Day.
     * @param run        the run type.
     * @return the figures, or null when the journal has no complete such run.
     */
    public static SettlementFigures fromJournal(
        final Path journalDir, final MarketRegistry registry, final long epochDay, final SettlementRun run)
    {
        final SettlementFigures figures = forRegistry(registry);
        figures.epochDay(epochDay);
        return RunRecords.latest(journalDir, epochDay, run, figures.listener()) == 0 ? null : figures;
    }

    /**
     * Empties every figure.
     */
    public void clear()
    {
        for (final double[] v : values)
        {
            Arrays.fill(v, Double.NaN);
        }
        periods = 0;
    }

    private int subjects(final Subject subject)
    {
        return switch (subject)
        {
            case BM_UNIT -> bmUnitCount;
            case ACCOUNT -> accountCount;
            default -> 1;
        };
    }

    /**
     * @param subject a kind.
     * @return how many subjects of that kind there are.
     */
    public int subjectCount(final Subject subject)
    {
        return subjects(subject);
    }

    /**
     * @param q       the quantity.
     * @param subject BM Unit, account, or 0 for a period quantity.
     * @param period  1..50.
     * @return the figure, or NaN when absent.
     */
    public double get(final Quantity q, final int subject, final int period)
    {
        return values[q.ordinal()][subject * PERIOD_SLOTS + period];
    }

    /**
     * @param q       the quantity.
     * @param subject BM Unit, account, or 0 for a period quantity.
     * @param period  1..50.
     * @param value   the figure.
     */
    public void set(final Quantity q, final int subject, final int period, final double value)
    {
        values[q.ordinal()][subject * PERIOD_SLOTS + period] = value;
        periods = Math.max(periods, period);
    }

    /**
     * @return the Settlement Day, or {@code Long.MIN_VALUE} when not set.
     */
    public long epochDay()
    {
        return epochDay;
    }

    /**
     * @param epochDay the Settlement Day.
     */
    public void epochDay(final long epochDay)
    {
        this.epochDay = epochDay;
    }

    /**
     * @return the highest period with a figure.
     */
    public int periods()
    {
        return periods;
    }

    /**
     * @return a listener that files engine result records (BM Unit, account and period records) into these figures.
     */
    public ResultListener listener()
    {
        return listener;
    }

    private void onResult(final ResultRecord r)
    {
        final int type = r.type();
        if (type != ResultType.BM_UNIT_PERIOD && type != ResultType.ACCOUNT_PERIOD && type != ResultType.PERIOD)
        {
            return;
        }
        if (epochDay == Long.MIN_VALUE)
        {
            epochDay = r.epochDay();
        }
        for (final Quantity q : QUANTITIES)
        {
            if (q.resultType() == type)
            {
                set(q, type == ResultType.PERIOD ? 0 : r.subject(), r.period(), r.value(q.valueIndex()));
            }
        }
    }

    @Override
    public void bmUnitPeriod(final int period, final int bmUnit, final double fpn, final double qao,
        final double qab, final double qbs, final double qm, final double tlm, final double qme, final double qii,
        final double qndo, final double qndb, final double cbm, final double cnd, final double cii)
    {
        set(Quantity.METERED_VOLUME, bmUnit, period, qm);
        set(Quantity.TLM, bmUnit, period, tlm);
        set(Quantity.CBM, bmUnit, period, cbm);
    }

    @Override
    public void accountPeriod(final int period, final int account, final double qace, final double qabc,
        final double qabs, final double qaei, final double caei, final double rcrp, final double rcrc)
    {
        set(Quantity.CREDITED_ENERGY, account, period, qace);
        set(Quantity.IMBALANCE_VOLUME, account, period, qaei);
        set(Quantity.CAEI, account, period, caei);
        set(Quantity.RCRC, account, period, rcrc);
    }

    @Override
    public void period(final int period, final double systemPrice, final double niv, final double tloss,
        final double tlmoPlus, final double tlmoMinus, final double totalCbm, final double totalCaei, final double trc,
        final double soCashflow)
    {
        set(Quantity.SYSTEM_PRICE, 0, period, systemPrice);
    }

    @Override
    public void partyDay(final int party, final double cbm, final double cnd, final double caei, final double cii,
        final double rcrc, final double net)
    {
        // not compared: S0142 day totals are sums of the period figures compared
    }

    @Override
    public void end()
    {
        // nothing to flush
    }
}
