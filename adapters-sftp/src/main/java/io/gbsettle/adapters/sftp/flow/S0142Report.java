package io.gbsettle.adapters.sftp.flow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.gbsettle.adapters.sftp.format.FlatFileParser;
import io.gbsettle.adapters.sftp.format.FlowCatalogue;
import io.gbsettle.adapters.sftp.format.FlowDefinition;
import io.gbsettle.adapters.sftp.format.RecordCursor;
import io.gbsettle.adapters.sftp.format.RecordDefinition;
import io.gbsettle.adapters.sftp.format.RecordHandler;
import io.gbsettle.adapters.sftp.format.RecordIds;
import io.gbsettle.adapters.sftp.reconcile.SettlementFigures;
import io.gbsettle.adapters.sftp.reconcile.SettlementFigures.Quantity;
import io.gbsettle.core.registry.EnergyAccount;
import io.gbsettle.core.time.EpochDays;
import org.agrona.DirectBuffer;

/**
 * Elexon's figures from an SAA-I014 settlement report (S0142): per period (system price, {@code SPI}), per BM Unit
 * and period (metered volume, TLM, BM Unit cashflow, {@code BP7} under the lead party's {@code BPH}/{@code SP7}) and
 * per Energy Account and period (credited energy, imbalance volume, CAEI, RCRC, {@code APD}), by registry index,
 * for reconciliation against the engine's results. Which field carries which figure is the flow definition's
 * ({@link Quantity#fieldName()}), so a corrected layout is a data change. BM Units and parties the registry does not
 * know are listed in {@link #unknownSubjects()} (they cannot be compared), not dropped silently.
 */
public final class S0142Report
{
    private final SettlementFigures figures;
    private final String runType;
    private final int settlementDate;
    private final List<String> unknownSubjects;

    private S0142Report(final SettlementFigures figures, final String runType, final int settlementDate,
        final List<String> unknownSubjects)
    {
        this.figures = figures;
        this.runType = runType;
        this.settlementDate = settlementDate;
        this.unknownSubjects = List.copyOf(unknownSubjects);
    }

    /**
     * Reads a verified S0142 file.
     *
     * @param file   the result of {@link InboundFlows#verify}; must be accepted and an S0142.
     * @param bytes  the same bytes.
     * @param offset of the first byte.
     * @param length of the file.
     * @param flows  the verifier (its registry maps ids to indices, its catalogue gives the layout).
     * @return the figures.
     * @throws IllegalArgumentException if the file is not an accepted S0142.
     */
    public static S0142Report read(
        final InboundFile file, final DirectBuffer bytes, final int offset, final int length,
        final InboundFlows flows)
    {
        if (!file.accepted() || !"S0142".equals(file.flowId()))
        {
            throw new IllegalArgumentException("not an accepted S0142: " + file);
        }
        final Reader reader = new Reader(flows);
        final long problems = new FlatFileParser(flows.catalogue(), null).parse(bytes, offset, length, reader, null,
            0);
        if (problems != 0)
        {
            throw new IllegalArgumentException("the bytes are not the verified file's: " + file);
        }
        reader.figures.epochDay(EpochDays.of(reader.date / 10_000, reader.date / 100 % 100, reader.date % 100));
        return new S0142Report(reader.figures, reader.runType, reader.date, new ArrayList<>(reader.unknown));
    }

    /**
     * @return the figures by registry index.
     */
    public SettlementFigures figures()
    {
        return figures;
    }

    /**
     * @return the Settlement Run Type of the report ({@code SF}, {@code R1}...).
     */
    public String runType()
    {
        return runType;
    }

    /**
     * @return the Settlement Date, {@code YYYYMMDD}.
     */
    public int settlementDate()
    {
        return settlementDate;
    }

    /**
     * @return BM Units and parties in the report the registry does not know ({@code "BM Unit X"},
     * {@code "party Y"}).
     */
    public List<String> unknownSubjects()
    {
        return unknownSubjects;
    }

    /**
     * Files each figure of the report.
     */
    private static final class Reader implements RecordHandler
    {
        private static final int SRH = RecordIds.code("SRH");
        private static final int SPI = RecordIds.code("SPI");
        private static final int BPH = RecordIds.code("BPH");
        private static final int SP7 = RecordIds.code("SP7");
        private static final int APD = RecordIds.code("APD");
        private static final int BP7 = RecordIds.code("BP7");

        private final InboundFlows flows;
        private final SettlementFigures figures;
        private final Set<String> unknown = new LinkedHashSet<>();
        private final int[] fieldOf = new int[Quantity.values().length];
        private final int srhDate;
        private final int srhRun;
        private final int spiPeriod;
        private final int bphParty;
        private final int sp7Period;
        private final int apdType;
        private final int bp7Unit;
        private String runType = "";
        private int date;
        private int party = -1;
        private int period;

        Reader(final InboundFlows flows)
        {
            this.flows = flows;
            this.figures = SettlementFigures.forRegistry(flows.registry());
            final FlowCatalogue catalogue = flows.catalogue();
            final FlowDefinition flow = catalogue.flow("S0142");
            for (final Quantity q : Quantity.values())
            {
                fieldOf[q.ordinal()] = flow.record(q.recordId()).requireField(q.fieldName());
            }
            srhDate = flow.record("SRH").requireField("settlementDate");
            srhRun = flow.record("SRH").requireField("settlementRunType");
            spiPeriod = flow.record("SPI").requireField("settlementPeriod");
            bphParty = flow.record("BPH").requireField("bscPartyId");
            sp7Period = flow.record("SP7").requireField("settlementPeriod");
            apdType = flow.record("APD").requireField("accountType");
            bp7Unit = flow.record("BP7").requireField("bmUnitId");
        }

        @Override
        public void onRecord(final RecordCursor r)
        {
            final RecordDefinition def = r.definition();
            final int code = def.code();
            if (code == BP7)
            {
                final int unit = flows.bmUnitIndex(r, bp7Unit);
                if (unit < 0)
                {
                    unknown.add("BM Unit " + r.text(bp7Unit));
                    return;
                }
                file(r, unit, Quantity.METERED_VOLUME);
                file(r, unit, Quantity.TLM);
                file(r, unit, Quantity.CBM);
            }
            else if (code == APD)
            {
                if (party >= 0)
                {
                    final int account = EnergyAccount.index(party, r.charAt(apdType) == 'P');
                    file(r, account, Quantity.CREDITED_ENERGY);
                    file(r, account, Quantity.IMBALANCE_VOLUME);
                    file(r, account, Quantity.CAEI);
                    file(r, account, Quantity.RCRC);
                }
            }
            else if (code == SP7)
            {
                period = (int)r.integer(sp7Period);
            }
            else if (code == BPH)
            {
                party = flows.partyIndex(r, bphParty);
                if (party < 0)
                {
                    unknown.add("party " + r.text(bphParty));
                }
            }
            else if (code == SPI)
            {
                period = (int)r.integer(spiPeriod);
                file(r, 0, Quantity.SYSTEM_PRICE);
            }
            else if (code == SRH)
            {
                date = r.date(srhDate);
                runType = r.text(srhRun);
            }
        }

        private void file(final RecordCursor r, final int subject, final Quantity q)
        {
            final int field = fieldOf[q.ordinal()];
            if (!r.isEmpty(field) && period >= 1 && period < SettlementFigures.PERIOD_SLOTS)
            {
                figures.set(q, subject, period, r.decimal(field));
            }
        }
    }
}
