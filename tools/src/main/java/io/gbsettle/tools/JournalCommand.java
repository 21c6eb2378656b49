package io.gbsettle.tools;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

import io.gbsettle.core.event.EventType;
import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.event.ResultRecord;
import io.gbsettle.core.event.ResultType;
import io.gbsettle.core.event.SubjectNames;
import io.gbsettle.core.journal.Journal;
import io.gbsettle.core.journal.JournalConfig;
import io.gbsettle.core.journal.JournalReader;
import io.gbsettle.core.journal.RecordJournal;
import io.gbsettle.core.registry.EnergyAccount;
import io.gbsettle.core.registry.MarketRegistry;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bsc journal}: look into an engine journal directory (inputs, results, registry).
 */
@Command(
    name = "journal",
    mixinStandardHelpOptions = true,
    description = "Inspect an engine journal: its input and result records and the adapters' raw payloads.",
    subcommands = {JournalCommand.Inspect.class, JournalPayloads.class},
    footer = {"", "Example: ./bsc journal inspect --journal out/journal --date 2025-06-10 --period 17 --type BOALF"})
final class JournalCommand extends CommandGroup
{
    /** How {@code inspect} prints records. */
    enum InspectFormat
    {
        /** One line per record: position, receipt time (inputs), type and key fields. */
        text,
        /** Comma-separated columns with a header line. */
        csv,
        /** A JSON array of objects. */
        json
    }

    /**
     * {@code bsc journal inspect}.
     */
    @Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = {
            "Print the records of a journal's inputs (or, with --results, its results) in position order: position,",
            "receipt time, type and key fields. BM Units and parties are shown by their ids when DIR/registry",
            "exists. Filters combine (all must match). The journal may be in use by a running engine."},
        footer = {"",
            "A party filter matches the records of the BM Units the party leads on the record's day, and records",
            "whose subject is the party or one of its Energy Accounts. --bmu and --party need DIR/registry.",
            "",
            "Example: ./bsc journal inspect --journal out/journal --date 2025-06-10 --period 17 --type BOALF",
            "More:",
            "  ./bsc journal inspect --journal out/journal --results --party DRAXX --type PARTY_DAY --format csv",
            "  ./bsc journal inspect --journal out/journal --from 1000000 --limit 20",
            "",
            "Exit codes: 0 ok, 2 usage (unknown type, id or missing journal), 3 failure."})
    static final class Inspect implements Runnable
    {
        private static final int BATCH = 4096;

        @Spec
        CommandSpec spec;

        @Option(names = "--journal", required = true, paramLabel = "DIR", description = "The journal directory.")
        Path dir;

        @Option(names = "--results", description = "Show the result records instead of the input records.")
        boolean results;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Only records of this settlement date.")
        LocalDate date;

        @Option(names = "--period", paramLabel = "N", description = "Only records of this settlement period.")
        Integer period;

        @Option(names = "--bmu", paramLabel = "ID", description = "Only records of this BM Unit.")
        String bmu;

        @Option(names = "--party", paramLabel = "ID", description = "Only records of this party (see below).")
        String party;

        @Option(names = "--type", paramLabel = "NAME",
            description = "Only records of this type: for inputs PN, BOD, BOALF, DISBSAD, NETBSAD, MID, LOLP, " +
                "METERED, ECVN, MVRN, ABSVD, SYSTEM_PRICE, PARAMETER, REGISTRATION, RUN, END_OF_INPUT; for results " +
                "RUN_START, BM_UNIT_PERIOD, ACCOUNT_PERIOD, PERIOD, PARTY_DAY, MISSING_INPUT, PROBLEM, " +
                "PARTY_PERIOD_DIFF, RUN_END, INDICATIVE_PRICE, INDICATIVE_CASHFLOW.")
        String type;

        @Option(names = "--from", paramLabel = "POSITION", defaultValue = "0",
            description = "First position to read (default: ${DEFAULT-VALUE}); a seek, not a scan.")
        long from;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
            description = "Most records to print (default: ${DEFAULT-VALUE}; 0: all).")
        long limit;

        @Option(names = "--format", defaultValue = "text",
            description = "text, csv or json (default: ${DEFAULT-VALUE}).")
        InspectFormat format;

        private MarketRegistry registry;
        private SubjectNames names = SubjectNames.INDICES;
        private int typeCode = -1;
        private int bmuIndex = -1;
        private int partyIndex = -1;
        private long epochDay = Long.MIN_VALUE;
        private final UnsafeBuffer copy = new UnsafeBuffer(ByteBuffer.allocateDirect(ResultRecord.LENGTH));
        private final InputEvent input = new InputEvent().wrap(copy, 0);
        private final ResultRecord result = new ResultRecord().wrap(copy, 0);
        private final StringBuilder line = new StringBuilder(256);
        private TableOut table;
        private PrintWriter out;
        private long printed;

        @Override
        public void run()
        {
            if (from < 0 || limit < 0)
            {
                throw usage("--from and --limit must be >= 0");
            }
            final Journal journal;
            try
            {
                journal = Journal.openReadOnly(dir, new JournalConfig());
            }
            catch (final IllegalArgumentException ex)
            {
                throw usage("no journal at " + dir + " (expected " + dir.resolve(Journal.INPUTS) + ")");
            }
            try (journal)
            {
                registry = journal.registry();
                resolveFilters();
                final RecordJournal records = results ? journal.results() : journal.inputs();
                if (records == null)
                {
                    throw usage("the journal at " + dir + " has no results");
                }
                out = spec.commandLine().getOut();
                table = format == InspectFormat.text ? null : new TableOut(OutputFormat.valueOf(format.name()),
                    results ? new String[] {"position", "type", "date", "period", "run", "run_sequence", "subject",
                        "description", "input_from", "input_to"} :
                        new String[] {"position", "received", "type", "date", "period", "bmu", "lead_party",
                            "description"});
                try (JournalReader reader = records.reader())
                {
                    if (!reader.seek(from))
                    {
                        spec.commandLine().getErr().println("journal inspect: position " + from +
                            " is past the end; the journal holds " + reader.endPosition() + " records");
                    }
                    while (!full() && reader.poll(this::onRecord, BATCH) > 0)
                    {
                        // onRecord prints what matches
                    }
                }
                if (table != null)
                {
                    table.writeTo(out, "journal");
                }
                out.flush();
            }
        }

        private void onRecord(final DirectBuffer buffer, final int offset, final long position)
        {
            if (full())
            {
                return;
            }
            copy.putBytes(0, buffer, offset, results ? ResultRecord.LENGTH : InputEvent.LENGTH);
            if (results ? matches(result) : matches(input))
            {
                printed++;
                if (results)
                {
                    printResult(position);
                }
                else
                {
                    printInput(position);
                }
            }
        }

        private boolean full()
        {
            return limit > 0 && printed >= limit;
        }

        private void printInput(final long position)
        {
            line.setLength(0);
            final String description = input.appendTo(line, names).toString();
            final String received = received(input.receivedMicros());
            if (table == null)
            {
                out.println(position + " " + received + " " + description);
                return;
            }
            final int bmUnit = EventType.bmUnitSubject(input.type()) ? input.subject() : -1;
            final int lead = bmUnit >= 0 ? leadParty(bmUnit, input.epochDay()) : -1;
            table.row(Long.toString(position), received, EventType.name(input.type()),
                LocalDate.ofEpochDay(input.epochDay()).toString(), Integer.toString(input.period()),
                bmUnit >= 0 ? name(names.bmUnit(bmUnit, input.epochDay(), new StringBuilder())) : "",
                lead >= 0 ? name(names.party(lead, new StringBuilder())) : "", description);
        }

        private void printResult(final long position)
        {
            line.setLength(0);
            final String description = result.appendTo(line, names).toString();
            if (table == null)
            {
                out.println(position + " " + description);
                return;
            }
            final StringBuilder subject = new StringBuilder();
            switch (ResultType.subjectKind(result.type()))
            {
                case ResultType.SUBJECT_BM_UNIT -> names.bmUnit(result.subject(), result.epochDay(), subject);
                case ResultType.SUBJECT_ACCOUNT -> names.account(result.subject(), subject);
                case ResultType.SUBJECT_PARTY -> names.party(result.subject(), subject);
                default ->
                {
                }
            }
            table.row(Long.toString(position), ResultType.name(result.type()),
                LocalDate.ofEpochDay(result.epochDay()).toString(), Integer.toString(result.period()),
                result.run() == ResultRecord.INDICATIVE ? "indicative" : ResultType.runName(result.run()),
                Integer.toString(result.runSequence()), subject.toString(), description,
                Long.toString(result.inputFrom()), Long.toString(result.inputTo()));
        }

        private boolean matches(final InputEvent e)
        {
            if ((typeCode >= 0 && e.type() != typeCode) || (epochDay != Long.MIN_VALUE && e.epochDay() != epochDay) ||
                (period != null && e.period() != period))
            {
                return false;
            }
            final int type = e.type();
            if (bmuIndex >= 0 && !(EventType.bmUnitSubject(type) && e.subject() == bmuIndex))
            {
                return false;
            }
            if (partyIndex >= 0)
            {
                final boolean ofParty = switch (type)
                {
                    case EventType.REGISTRATION -> e.subject2() == partyIndex;
                    case EventType.ECVN_LINE -> EnergyAccount.party(e.subject()) == partyIndex ||
                        EnergyAccount.party(e.subject2()) == partyIndex;
                    case EventType.MVRN_LINE -> leadParty(e.subject(), e.epochDay()) == partyIndex ||
                        EnergyAccount.party(e.subject2()) == partyIndex;
                    default -> EventType.bmUnitSubject(type) && leadParty(e.subject(), e.epochDay()) == partyIndex;
                };
                return ofParty;
            }
            return true;
        }

        private boolean matches(final ResultRecord r)
        {
            if ((typeCode >= 0 && r.type() != typeCode) || (epochDay != Long.MIN_VALUE && r.epochDay() != epochDay) ||
                (period != null && r.period() != period))
            {
                return false;
            }
            final int kind = ResultType.subjectKind(r.type());
            final int subject = r.subject();
            if (bmuIndex >= 0 && !(kind == ResultType.SUBJECT_BM_UNIT && subject == bmuIndex))
            {
                return false;
            }
            if (partyIndex >= 0)
            {
                return switch (kind)
                {
                    case ResultType.SUBJECT_BM_UNIT -> leadParty(subject, r.epochDay()) == partyIndex;
                    case ResultType.SUBJECT_ACCOUNT -> subject >= 0 && EnergyAccount.party(subject) == partyIndex;
                    case ResultType.SUBJECT_PARTY -> subject == partyIndex;
                    default -> false;
                };
            }
            return true;
        }

        private int leadParty(final int bmUnit, final long day)
        {
            if (registry == null || bmUnit < 0 || bmUnit >= registry.bmUnitCount())
            {
                return -1;
            }
            final int version = registry.versionAt(bmUnit, day);
            return version == MarketRegistry.NO_INDEX ? -1 : registry.versionLeadParty(version);
        }

        private void resolveFilters()
        {
            if (registry != null)
            {
                names = new RegistryNames(registry);
            }
            if (type != null)
            {
                typeCode = results ? ResultType.code(type) : EventType.code(type);
                if (typeCode < 0)
                {
                    throw usage("unknown " + (results ? "result" : "input") + " type '" + type + "'; see --help");
                }
            }
            if (date != null)
            {
                epochDay = date.toEpochDay();
            }
            if ((bmu != null || party != null) && registry == null)
            {
                throw usage("--bmu and --party need the registry the engine wrote to " + dir.resolve(Journal.REGISTRY));
            }
            if (bmu != null)
            {
                bmuIndex = registry.bmUnitIndex(bmu);
                if (bmuIndex < 0)
                {
                    throw usage("no BM Unit '" + bmu + "' in " + dir.resolve(Journal.REGISTRY));
                }
            }
            if (party != null)
            {
                partyIndex = registry.partyIndex(party);
                if (partyIndex < 0)
                {
                    throw usage("no party '" + party + "' in " + dir.resolve(Journal.REGISTRY));
                }
            }
        }

        private ParameterException usage(final String message)
        {
            return new ParameterException(spec.commandLine(), message);
        }

        private static String received(final long micros)
        {
            return micros == 0 ? "-" :
                Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L)
                    .toString();
        }

        private static String name(final StringBuilder text)
        {
            return text.toString();
        }
    }

    /**
     * Names BM Units, parties and Energy Accounts by their registry ids; indices outside the registry by index.
     */
    static final class RegistryNames implements SubjectNames
    {
        private final MarketRegistry registry;

        RegistryNames(final MarketRegistry registry)
        {
            this.registry = registry;
        }

        @Override
        public StringBuilder bmUnit(final int bmUnit, final long epochDay, final StringBuilder out)
        {
            return bmUnit >= 0 && bmUnit < registry.bmUnitCount() ? out.append(registry.bmUnitId(bmUnit)) :
                SubjectNames.super.bmUnit(bmUnit, epochDay, out);
        }

        @Override
        public StringBuilder party(final int party, final StringBuilder out)
        {
            return party >= 0 && party < registry.partyCount() ? out.append(registry.partyId(party)) :
                SubjectNames.super.party(party, out);
        }

        @Override
        public StringBuilder account(final int account, final StringBuilder out)
        {
            final int party = account < 0 ? -1 : EnergyAccount.party(account);
            return party >= 0 && party < registry.partyCount() ?
                out.append(registry.partyId(party)).append(EnergyAccount.isProduction(account) ? "/P" : "/C") :
                SubjectNames.super.account(account, out);
        }
    }
}
