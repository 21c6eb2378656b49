package io.gbsettle.adapters.sftp.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import io.gbsettle.adapters.sftp.format.BytesIndex;
import io.gbsettle.adapters.sftp.format.Envelope;
import io.gbsettle.adapters.sftp.format.FlatFileParser;
import io.gbsettle.adapters.sftp.format.FlowCatalogue;
import io.gbsettle.adapters.sftp.format.FlowDefinition;
import io.gbsettle.adapters.sftp.format.ProblemListener;
import io.gbsettle.adapters.sftp.format.RecordCursor;
import io.gbsettle.adapters.sftp.format.RecordHandler;
import io.gbsettle.adapters.sftp.format.RecordIds;
import io.gbsettle.core.event.EventType;
import io.gbsettle.core.event.Hashing64;
import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.mhhs.MeterFlows;
import io.gbsettle.core.registry.BmUnitDay;
import io.gbsettle.core.registry.EnergyAccount;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.time.EpochDays;
import io.gbsettle.core.time.SettlementCalendar;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Verifies and maps whole inbound files: the one entry point the collector calls. {@link #verify} checks the
 * envelope, record count, checksum, structure and every field against the flow catalogue (and the registry for
 * BM Units and parties); then, by {@link InboundFile#destination()}, an accepted file is mapped to input records
 * ({@link #toEvents}), written for the meter-data stage ({@link #toMeterData}) or read as Elexon's figures
 * ({@link S0142Report#read}). Never throws on bad bytes: a bad file is a rejected {@link InboundFile}.
 *
 * <p>Thread-confined (one instance per collector thread) and reusable: parse state and the event buffer are
 * allocated once; mapping a file allocates nothing per record.
 */
public final class InboundFlows
{
    private static final int ABV = RecordIds.code("ABV");
    private static final int ABP = RecordIds.code("ABP");
    private static final int EDN = RecordIds.code("EDN");
    private static final int ECP = RecordIds.code("ECP");
    private static final int CD9 = RecordIds.code("CD9");
    private static final int MDN = RecordIds.code("MDN");
    private static final int MRP = RecordIds.code("MRP");
    private static final int MV9 = RecordIds.code("MV9");
    private static final int READ = RecordIds.code("103");
    private static final int SPL = RecordIds.code("SPL");
    /** Field positions, from the definitions (so a moved field is a data change). */
    private final int abvBmUnit;
    private final int abvDate;
    private final int abpPeriod;
    private final int abpEstimated;
    private final int abpVolume;
    private final int abpDirection;
    private final int ednAaId;
    private final int ednId;
    private final int ednReference;
    private final int ednFrom;
    private final int ednTo;
    private final int ecpFromParty;
    private final int ecpFromType;
    private final int ecpToParty;
    private final int ecpToType;
    private final int cd9Period;
    private final int cd9Volume;
    private final int mdnAaId;
    private final int mdnId;
    private final int mdnReference;
    private final int mdnFrom;
    private final int mdnTo;
    private final int mrpBmUnit;
    private final int mrpParty;
    private final int mv9Period;
    private final int mv9Fixed;
    private final int mv9Percentage;

    private final MarketRegistry registry;
    private final FlowOptions options;
    private final FlowCatalogue catalogue;
    private final SettlementCalendar calendar = new SettlementCalendar();
    private final FlatFileParser parser;
    private final BytesIndex bmUnits;
    private final BytesIndex parties;
    private final BmUnitDay dayView;
    private final UnsafeBuffer eventBuffer = new UnsafeBuffer(new byte[InputEvent.LENGTH]);
    private final InputEvent event = new InputEvent().wrap(eventBuffer, 0);
    private final List<FileProblem> problems = new ArrayList<>();
    private final List<FileProblem> handedOver = new ArrayList<>();
    private final Collector collector = new Collector();
    private final Checker checker = new Checker();
    private final Mapper mapper = new Mapper();

    /**
     * With the built-in flow catalogue and {@link FlowOptions#DEFAULTS}.
     *
     * @param registry BM Units and parties, to check subjects and map them to indices.
     */
    public InboundFlows(final MarketRegistry registry)
    {
        this(registry, FlowOptions.DEFAULTS);
    }

    /**
     * @param registry BM Units and parties.
     * @param options  the choices.
     */
    public InboundFlows(final MarketRegistry registry, final FlowOptions options)
    {
        this(registry, options, FlowCatalogue.builtIn());
    }

    /**
     * @param registry  BM Units and parties.
     * @param options   the choices.
     * @param catalogue the flow definitions (the built-in ones, or a corrected file).
     */
    public InboundFlows(final MarketRegistry registry, final FlowOptions options, final FlowCatalogue catalogue)
    {
        this.registry = registry;
        this.options = options;
        this.catalogue = catalogue;
        this.parser = new FlatFileParser(catalogue, options.periodsMatchCalendar() ? calendar : null)
            .ignoreDtcChecksum(options.dtcChecksum() == FlowOptions.DtcChecksum.IGNORE);
        final String[] units = new String[registry.bmUnitCount()];
        for (int i = 0; i < units.length; i++)
        {
            units[i] = registry.bmUnitId(i);
        }
        bmUnits = new BytesIndex(units);
        final String[] partyIds = new String[registry.partyCount()];
        for (int i = 0; i < partyIds.length; i++)
        {
            partyIds[i] = registry.partyId(i);
        }
        parties = new BytesIndex(partyIds);
        dayView = registry.newDayView();
        for (final FlowDefinition flow : catalogue.flows())
        {
            try
            {
                Destination.valueOf(flow.destination());
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException("flow " + flow.id() + ": unknown destination " +
                    flow.destination() + " (ENGINE, METER_DATA or RECONCILIATION)", ex);
            }
        }

        final FlowDefinition c0421 = catalogue.flow("C0421");
        abvBmUnit = c0421.record("ABV").requireField("bmUnitId");
        abvDate = c0421.record("ABV").requireField("settlementDate");
        abpPeriod = c0421.record("ABP").requireField("settlementPeriod");
        abpEstimated = c0421.record("ABP").requireField("estimated");
        abpVolume = c0421.record("ABP").requireField("meteredVolume");
        abpDirection = c0421.record("ABP").requireField("importExport");
        final FlowDefinition ecvn = catalogue.flow("ECVN");
        ednAaId = ecvn.record("EDN").requireField("ecvnaaId");
        ednId = ecvn.record("EDN").requireField("ecvnId");
        ednReference = ecvn.record("EDN").requireField("referenceCode");
        ednFrom = ecvn.record("EDN").requireField("effectiveFrom");
        ednTo = ecvn.record("EDN").requireField("effectiveTo");
        ecpFromParty = ecvn.record("ECP").requireField("fromPartyId");
        ecpFromType = ecvn.record("ECP").requireField("fromAccountType");
        ecpToParty = ecvn.record("ECP").requireField("toPartyId");
        ecpToType = ecvn.record("ECP").requireField("toAccountType");
        cd9Period = ecvn.record("CD9").requireField("settlementPeriod");
        cd9Volume = ecvn.record("CD9").requireField("contractVolume");
        final FlowDefinition mvrn = catalogue.flow("MVRN");
        mdnAaId = mvrn.record("MDN").requireField("mvrnaaId");
        mdnId = mvrn.record("MDN").requireField("mvrnId");
        mdnReference = mvrn.record("MDN").requireField("referenceCode");
        mdnFrom = mvrn.record("MDN").requireField("effectiveFrom");
        mdnTo = mvrn.record("MDN").requireField("effectiveTo");
        mrpBmUnit = mvrn.record("MRP").requireField("bmUnitId");
        mrpParty = mvrn.record("MRP").requireField("subsidiaryPartyId");
        mv9Period = mvrn.record("MV9").requireField("settlementPeriod");
        mv9Fixed = mvrn.record("MV9").requireField("fixedVolume");
        mv9Percentage = mvrn.record("MV9").requireField("percentage");
    }

    /**
     * Verifies a whole file: envelope (BOM stripped, ASCII only, CRLF or LF), header, trailer record count and
     * checksum, record structure and cardinality, every field's type, and registry subjects. Never throws on bad
     * bytes.
     *
     * @param fileName the file's name (for problems and the result).
     * @param bytes    the file's bytes.
     * @param offset   of the first byte.
     * @param length   of the file.
     * @return what was found.
     */
    public InboundFile verify(final String fileName, final DirectBuffer bytes, final int offset, final int length)
    {
        problems.clear();
        handedOver.clear();
        long count;
        try
        {
            checker.reset();
            count = parser.parse(bytes, offset, length, checker, collector, options.maxProblems());
        }
        catch (final RuntimeException ex)
        {
            // A defect, not bad bytes: still a rejection, never an escape.
            count = problems.size() + 1;
            collector.onProblem(FileProblem.BODY, "", "", 0, "", 0, 0, "", "internal error verifying the file: " +
                ex);
        }
        final FlowDefinition flow = parser.flow();
        long handed = 0;
        if (handsOver(flow))
        {
            handed = parser.valueProblems();
            count -= handed;
        }
        final Envelope envelope = parser.envelope();
        final String fileType = flow == null ? "" : parser.headerField(parser.fileTypeField());
        final boolean testData = testData(envelope, flow);
        if (flow != null && testData && options.rejectTestData())
        {
            count++;
            collector.onProblem(FileProblem.HEADER, flow.id(), "", 1, "", 0, 0, "",
                "test data (test flag not OPER) on an operational channel");
        }
        return new InboundFile(fileName, flow == null ? null : flow.id(), envelope, fileType,
            flow == null ? "" : businessKey(envelope), parser.records(), parser.firstSettlementDate(), testData,
            problems, count, flow == null ? Destination.NONE : Destination.valueOf(flow.destination()), handedOver,
            handed);
    }

    /** Whether a value problem of this flow is handed over to the meter-data ingest (FlowOptions.meterDataProblems). */
    private boolean handsOver(final FlowDefinition flow)
    {
        return flow != null && options.meterDataProblems() == FlowOptions.MeterDataProblems.HAND_OVER &&
            Destination.METER_DATA.name().equals(flow.destination());
    }

    private boolean testData(final Envelope envelope, final FlowDefinition flow)
    {
        if (flow == null)
        {
            return false;
        }
        final String flag = switch (envelope)
        {
            case DTC -> parser.headerField(10);
            case IDD -> parser.headerField(8);
            default -> parser.headerField(parser.fileTypeField() + 9);
        };
        return !flag.isEmpty() && !flag.equals("OPER");
    }

    private String businessKey(final Envelope envelope)
    {
        return switch (envelope)
        {
            case DTC -> "DTC|" + parser.headerField(2) + '|' + parser.headerField(3) + '|' + parser.headerField(0) +
                '|' + parser.headerField(1);
            case IDD -> "IDD|" + parser.headerField(3) + '|' + parser.headerField(4) + '|' + parser.headerField(0) +
                '|' + parser.headerField(7);
            default ->
            {
                final int t = parser.fileTypeField();
                yield "POOL|" + parser.headerField(t + 1) + '|' + parser.headerField(t + 2) + '|' +
                    parser.headerField(t) + '|' + parser.headerField(t + 5);
            }
        };
    }

    /**
     * Maps a verified file whose destination is {@link Destination#ENGINE} (C0421 → METERED_VOLUME, ECVN →
     * ECVN_LINE, MVRN → MVRN_LINE) to input records handed to {@code sink}. The records of a file are the same bytes
     * every time it is mapped (the source key is a hash of the file's business key combined with the record's line
     * and day; receipt time is left 0 for the engine to set), so a resubmission after a crash is a no-op in the
     * engine.
     *
     * @param file   the result of {@link #verify} on these bytes; must be accepted and for the engine.
     * @param bytes  the same bytes.
     * @param offset of the first byte.
     * @param length of the file.
     * @param source the {@link io.gbsettle.core.event.EventSource} to stamp ({@code EventSource.SFTP}).
     * @param sink   takes each record.
     * @return the number of records handed over.
     * @throws IllegalArgumentException if the file is not accepted or not for the engine.
     */
    public long toEvents(
        final InboundFile file, final DirectBuffer bytes, final int offset, final int length, final int source,
        final EventSink sink)
    {
        if (!file.accepted() || file.destination() != Destination.ENGINE)
        {
            throw new IllegalArgumentException("not an accepted engine-bound file: " + file);
        }
        mapper.reset(file.businessKey(), source, sink);
        final long found = parser.parse(bytes, offset, length, mapper, null, 0);
        if (found != 0)
        {
            throw new IllegalArgumentException("the bytes are not the verified file's: " + file);
        }
        return mapper.events;
    }

    /**
     * Writes a verified meter-data file (D0036, D0275 → {@code *.usr}; D0265 → {@code *.ptf}; REG →
     * {@code *.reg}, the names {@link MeterFlows} and {@code bsc meter-data ingest} read) into {@code dir},
     * atomically (temporary name, then rename), byte for byte but for a UTF-8 byte-order mark, which is dropped (#8's
     * parser expects {@code ZHV} first).
     * The name is the received name with unsafe characters replaced, so the same file lands on the same name.
     *
     * @param file   the result of {@link #verify}; must be accepted and for {@link Destination#METER_DATA}.
     * @param bytes  the same bytes.
     * @param offset of the first byte.
     * @param length of the file.
     * @param dir    the meter-data folder the collector names (created if missing).
     * @return the file written.
     * @throws UncheckedIOException if it cannot be written.
     */
    public Path toMeterData(
        final InboundFile file, final DirectBuffer bytes, final int offset, final int length, final Path dir)
    {
        if (!file.accepted() || file.destination() != Destination.METER_DATA)
        {
            throw new IllegalArgumentException("not an accepted meter-data file: " + file);
        }
        final String suffix = "D0265".equals(file.flowId()) ? MeterFlows.D0265_SUFFIX :
            "REG".equals(file.flowId()) ? MeterFlows.REGISTRATION_SUFFIX : MeterFlows.D0036_SUFFIX;
        final StringBuilder name = new StringBuilder();
        for (int i = 0; i < file.fileName().length() && name.length() < 100; i++)
        {
            final char c = file.fileName().charAt(i);
            name.append(Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' ? c : '_');
        }
        name.insert(0, file.flowId().toLowerCase(java.util.Locale.ROOT) + "_").append(suffix);
        int from = offset;
        if (length >= 3 && (bytes.getByte(offset) & 0xFF) == 0xEF && (bytes.getByte(offset + 1) & 0xFF) == 0xBB &&
            (bytes.getByte(offset + 2) & 0xFF) == 0xBF)
        {
            from += 3;
        }
        final byte[] content = new byte[offset + length - from];
        bytes.getBytes(from, content);
        try
        {
            Files.createDirectories(dir);
            final Path target = dir.resolve(name.toString());
            final Path tmp = dir.resolve(name + ".part");
            Files.write(tmp, content);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + name + " into " + dir, ex);
        }
    }

    /**
     * @return the registry subjects are checked against.
     */
    public MarketRegistry registry()
    {
        return registry;
    }

    /**
     * @return the choices in force.
     */
    public FlowOptions options()
    {
        return options;
    }

    /**
     * @return the flow definitions in force.
     */
    public FlowCatalogue catalogue()
    {
        return catalogue;
    }

    /**
     * @return the settlement calendar used for period counts.
     */
    public SettlementCalendar calendar()
    {
        return calendar;
    }

    /**
     * @param cursor a record.
     * @param field  a field holding a BM Unit id.
     * @return the BM Unit's registry index, or -1.
     */
    int bmUnitIndex(final RecordCursor cursor, final int field)
    {
        return bmUnits.indexOf(cursor, field);
    }

    /**
     * @param cursor a record.
     * @param field  a field holding a party id.
     * @return the party's registry index, or -1.
     */
    int partyIndex(final RecordCursor cursor, final int field)
    {
        return parties.indexOf(cursor, field);
    }

    private BmUnitDay day(final long epochDay)
    {
        if (dayView.epochDay() != epochDay)
        {
            registry.fillDay(epochDay, dayView);
        }
        return dayView;
    }

    private static long epochDay(final int yyyymmdd)
    {
        return EpochDays.of(yyyymmdd / 10_000, yyyymmdd / 100 % 100, yyyymmdd % 100);
    }

    private int periodsIn(final long epochDay)
    {
        return calendar.isSupported(epochDay) ? calendar.periodsIn(epochDay) : 0;
    }

    /**
     * Turns parser problems into {@link FileProblem}s, keeping the first {@link FlowOptions#maxProblems()}.
     */
    private final class Collector implements ProblemListener
    {
        @Override
        public void onProblem(final int code, final String flowId, final String recordId, final int line,
            final String field, final int settlementDate, final int period, final String subject,
            final String message)
        {
            if (problems.size() < options.maxProblems())
            {
                problems.add(new FileProblem(flowId, recordId, line, field, settlementDate, period, subject, code,
                    message));
            }
        }

        @Override
        public void onValueProblem(final int code, final String flowId, final String recordId, final int line,
            final String field, final int settlementDate, final int period, final String subject,
            final String message)
        {
            if (!handsOver(parser.flow()))
            {
                onProblem(code, flowId, recordId, line, field, settlementDate, period, subject, message);
            }
            else if (handedOver.size() < options.maxProblems())
            {
                handedOver.add(new FileProblem(flowId, recordId, line, field, settlementDate, period, subject, code,
                    message));
            }
        }
    }

    /**
     * The business checks of engine-bound flows on top of the generic ones: subjects in the registry, registered
     * on the day, notification ranges bounded, periods in the day.
     */
    private final class Checker implements RecordHandler
    {
        private static final int OTHER = 0;
        private static final int C0421 = 1;
        private static final int ECVN = 2;
        private static final int MVRN = 3;
        private static final int METER_READS = 4;
        private static final int LOSS_FACTORS = 5;
        private FlowDefinition flowSeen;
        private int kind;
        private long fromDay;
        private long toDay;
        private int minPeriods;
        private int bmUnit;

        void reset()
        {
            fromDay = 0;
            toDay = -1;
            minPeriods = 0;
            bmUnit = -1;
        }

        @Override
        public void onRecord(final RecordCursor r)
        {
            final FlowDefinition current = parser.flow();
            if (current != flowSeen)
            {
                flowSeen = current;
                kind = current.id().equals("C0421") ? C0421 : current.id().equals("ECVN") ? ECVN :
                    current.id().equals("MVRN") ? MVRN :
                    current.id().equals("D0036") || current.id().equals("D0275") ? METER_READS :
                    current.id().equals("D0265") ? LOSS_FACTORS : OTHER;
            }
            if (kind == OTHER)
            {
                return;
            }
            if (kind == METER_READS || kind == LOSS_FACTORS)
            {
                meterPeriod(r);
                return;
            }
            final int code = r.definition().code();
            if (kind == C0421)
            {
                if (code == ABV)
                {
                    bmUnit = bmUnit(r, abvBmUnit, epochDay(r.date(abvDate)), 1);
                    minPeriods = periodsIn(epochDay(r.date(abvDate)));
                }
                else if (code == ABP)
                {
                    period(r, abpPeriod, minPeriods);
                }
            }
            else if (kind == ECVN)
            {
                if (code == EDN)
                {
                    range(r, ednFrom, ednTo);
                }
                else if (code == ECP)
                {
                    final int from = party(r, ecpFromParty);
                    final int to = party(r, ecpToParty);
                    if (from >= 0 && from == to && r.charAt(ecpFromType) == r.charAt(ecpToType))
                    {
                        r.problem(ecpToParty, "from and to are the same Energy Account");
                    }
                }
                else if (code == CD9)
                {
                    period(r, cd9Period, minPeriods);
                }
            }
            else if (kind == MVRN)
            {
                if (code == MDN)
                {
                    range(r, mdnFrom, mdnTo);
                }
                else if (code == MRP)
                {
                    bmUnit = bmUnit(r, mrpBmUnit, fromDay, (int)(toDay - fromDay + 1));
                    final int party = party(r, mrpParty);
                    if (bmUnit >= 0 && party >= 0 && party == day(fromDay).leadParty(bmUnit))
                    {
                        r.problem(mrpParty, "the subsidiary party is the BM Unit's lead party");
                    }
                }
                else if (code == MV9)
                {
                    period(r, mv9Period, minPeriods);
                    final double p = r.decimal(mv9Percentage);
                    if (p < 0.0 || p > 100.0)
                    {
                        r.problem(mv9Percentage, "a percentage is between 0 and 100");
                    }
                }
            }
        }

        /** A D0036/D0275 read or D0265 LLF whose period is outside its Settlement Day: a value problem. */
        private void meterPeriod(final RecordCursor r)
        {
            final int code = r.definition().code();
            if (code != READ && code != SPL)
            {
                return;
            }
            final int date = r.settlementDate();
            final int periods = date == 0 ? 0 : periodsIn(epochDay(date));
            final int period = r.period();
            if (periods > 0 && (period < 1 || period > periods))
            {
                r.valueProblem(-1, r.wantsDetail() ? "period " + period + " is not in the Settlement Day (1.." +
                    periods + ")" : "");
            }
        }

        private void range(final RecordCursor r, final int fromField, final int toField)
        {
            fromDay = epochDay(r.date(fromField));
            toDay = r.isEmpty(toField) ? fromDay : epochDay(r.date(toField));
            minPeriods = Integer.MAX_VALUE;
            if (toDay < fromDay)
            {
                r.problem(toField, "the notification ends before it starts");
                toDay = fromDay;
            }
            else if (toDay - fromDay + 1 > options.maxNotificationDays())
            {
                r.problem(toField, "the notification spans " + (toDay - fromDay + 1) + " days, more than " +
                    options.maxNotificationDays() + " (FlowOptions.maxNotificationDays)");
                toDay = fromDay;
            }
            for (long d = fromDay; d <= toDay; d++)
            {
                minPeriods = Math.min(minPeriods, periodsIn(d));
            }
        }

        private void period(final RecordCursor r, final int field, final int periods)
        {
            final long p = r.integer(field);
            if (p < 1 || p > periods)
            {
                r.problem(field, "period " + p + " is not in the Settlement Day (1.." + periods + ")");
            }
        }

        private int bmUnit(final RecordCursor r, final int field, final long firstDay, final int days)
        {
            final int index = bmUnitIndex(r, field);
            if (!options.registeredSubjects())
            {
                return index;
            }
            if (index < 0)
            {
                if (r.wantsDetail())
                {
                    r.problem(field, "BM Unit " + r.text(field) + " is not in the registry");
                }
                else
                {
                    r.problem(field, "");
                }
                return -1;
            }
            for (int k = 0; k < days; k++)
            {
                if (!day(firstDay + k).active(index))
                {
                    r.problem(field, "BM Unit " + r.text(field) + " is not registered on " +
                        EpochDays.yyyymmdd(firstDay + k));
                    return -1;
                }
            }
            return index;
        }

        private int party(final RecordCursor r, final int field)
        {
            final int index = partyIndex(r, field);
            if (index < 0 && options.registeredSubjects())
            {
                r.problem(field, r.wantsDetail() ? "party " + r.text(field) + " is not in the registry" : "");
            }
            return index;
        }
    }

    /**
     * Maps the records of a verified engine-bound file to input records, allocation-free.
     */
    private final class Mapper implements RecordHandler
    {
        private long fileKey;
        private int source;
        private EventSink sink;
        private long events;
        private int bmUnit;
        private long day;
        private boolean negative;
        private long fromDay;
        private long toDay;
        private long notification;
        private int fromAccount;
        private int toAccount;
        private int mvrnParty;

        void reset(final String businessKey, final int source, final EventSink sink)
        {
            long h = 0xCBF29CE484222325L;
            for (int i = 0; i < businessKey.length(); i++)
            {
                h = (h ^ businessKey.charAt(i)) * 0x100000001B3L;
            }
            this.fileKey = Hashing64.mix(h);
            this.source = source;
            this.sink = sink;
            this.events = 0;
        }

        @Override
        public void onRecord(final RecordCursor r)
        {
            final int code = r.definition().code();
            if (code == ABP)
            {
                final double volume = r.decimal(abpVolume);
                negative = r.charAt(abpDirection) == 'I';
                event.reset(EventType.METERED_VOLUME, day, (int)r.integer(abpPeriod), source,
                    Hashing64.combine(fileKey, r.line()));
                event.subject(bmUnit).value(0, negative ? -volume : volume)
                    .flags(r.bool(abpEstimated) ? InputEvent.FLAG_ESTIMATED : 0);
                emit();
            }
            else if (code == ABV)
            {
                bmUnit = bmUnitIndex(r, abvBmUnit);
                day = epochDay(r.date(abvDate));
            }
            else if (code == CD9)
            {
                final int period = (int)r.integer(cd9Period);
                final double volume = r.decimal(cd9Volume);
                for (long d = fromDay; d <= toDay; d++)
                {
                    event.reset(EventType.ECVN_LINE, d, period, source,
                        Hashing64.combine(Hashing64.combine(fileKey, r.line()), d));
                    event.subject(fromAccount).subject2(toAccount).key(notification).value(0, volume);
                    emit();
                }
            }
            else if (code == EDN)
            {
                notification = notificationKey(r, ednAaId, ednId, ednReference);
                range(r, ednFrom, ednTo);
            }
            else if (code == ECP)
            {
                fromAccount = EnergyAccount.index(partyIndex(r, ecpFromParty), r.charAt(ecpFromType) == 'P');
                toAccount = EnergyAccount.index(partyIndex(r, ecpToParty), r.charAt(ecpToType) == 'P');
            }
            else if (code == MV9)
            {
                final int period = (int)r.integer(mv9Period);
                final double fixed = r.decimal(mv9Fixed);
                final double percentage = r.decimal(mv9Percentage);
                for (long d = fromDay; d <= toDay; d++)
                {
                    final int account = EnergyAccount.index(mvrnParty, day(d).production(bmUnit));
                    event.reset(EventType.MVRN_LINE, d, period, source,
                        Hashing64.combine(Hashing64.combine(fileKey, r.line()), d));
                    event.subject(bmUnit).subject2(account).values(fixed, percentage, 0, 0);
                    emit();
                }
            }
            else if (code == MDN)
            {
                notification = notificationKey(r, mdnAaId, mdnId, mdnReference);
                range(r, mdnFrom, mdnTo);
            }
            else if (code == MRP)
            {
                bmUnit = bmUnitIndex(r, mrpBmUnit);
                mvrnParty = partyIndex(r, mrpParty);
            }
        }

        private void range(final RecordCursor r, final int fromField, final int toField)
        {
            fromDay = epochDay(r.date(fromField));
            toDay = r.isEmpty(toField) ? fromDay : epochDay(r.date(toField));
        }

        private long notificationKey(final RecordCursor r, final int aa, final int id, final int reference)
        {
            return Hashing64.combine(Hashing64.combine(r.hash(aa), r.hash(id)), r.hash(reference)) & Long.MAX_VALUE;
        }

        private void emit()
        {
            sink.onEvent(eventBuffer, 0);
            events++;
        }
    }
}
