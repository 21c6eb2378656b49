package io.gbsettle.tools;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.event.EventType;
import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.event.ResultRecord;
import io.gbsettle.core.event.ResultType;
import io.gbsettle.core.journal.Journal;
import io.gbsettle.core.journal.JournalConfig;
import io.gbsettle.core.journal.PayloadEntry;
import io.gbsettle.core.journal.PayloadJournal;
import io.gbsettle.core.journal.PayloadState;
import io.gbsettle.core.registry.EnergyAccount;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bsc journal inspect} on a small journal written here: what it prints and how each filter selects.
 */
final class JournalCommandTest extends InProcessBsc
{
    private static final long DAY = LocalDate.parse("2025-06-10").toEpochDay();
    private static final long RECEIVED = 1_749_513_600_123_456L;

    private final MarketRegistry registry = SyntheticRegistry.generate(3, SyntheticRegistry.Size.SMALL);
    private Path dir;
    private int lead;
    private int otherBmu;

    @BeforeEach
    void writeJournal()
    {
        dir = tmp.resolve("journal");
        lead = registry.versionLeadParty(registry.versionAt(0, DAY));
        otherBmu = 1;
        while (registry.versionLeadParty(registry.versionAt(otherBmu, DAY)) == lead)
        {
            otherBmu++;
        }
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[ResultRecord.LENGTH]);
        final InputEvent event = new InputEvent().wrap(buffer, 0);
        final ResultRecord result = new ResultRecord().wrap(buffer, 0);
        try (Journal journal = Journal.open(dir, new JournalConfig()))
        {
            journal.writeRegistry(registry);
            // 0: a PN of BM Unit 0 in period 3
            event.reset(EventType.PN_POINT, DAY, 3, EventSource.IRIS, 11).subject(0)
                .times(1_749_520_800L, 1_749_522_600L, 0).values(10, 20, 0, 0);
            append(journal, event);
            // 1: a metered volume of another party's BM Unit in period 3
            event.reset(EventType.METERED_VOLUME, DAY, 3, EventSource.SFTP, 12).subject(otherBmu).value(0, -5.5);
            append(journal, event);
            // 2: an ECVN from the lead party's production account
            event.reset(EventType.ECVN_LINE, DAY, 4, EventSource.SFTP, 13).key(77)
                .subject(EnergyAccount.index(lead, true)).subject2(EnergyAccount.index(lead == 0 ? 1 : 0, false))
                .value(0, 100);
            append(journal, event);
            // 3: NETBSAD of period 4
            event.reset(EventType.NETBSAD, DAY, 4, EventSource.IRIS, 14).values(1.5, 2.5, 0, 0);
            append(journal, event);
            // 4: a PN of BM Unit 0 the next day
            event.reset(EventType.PN_POINT, DAY + 1, 1, EventSource.IRIS, 15).subject(0)
                .times(1_749_600_000L, 1_749_601_800L, 0).values(1, 2, 0, 0);
            append(journal, event);

            result.reset(ResultType.BM_UNIT_PERIOD, DAY, 3, 1, 1, 0).value(0, 10).inputs(99, 0, 4);
            journal.results().append(buffer, 0);
            result.reset(ResultType.PARTY_DAY, DAY, 0, 1, 1, lead).value(5, 123.45).inputs(99, 0, 4);
            journal.results().append(buffer, 0);
            result.reset(ResultType.RUN_END, DAY, 0, 1, 1, -1).value(0, 2).inputs(99, 0, 4);
            journal.results().append(buffer, 0);
        }
    }

    @Test
    void printsEveryInputWithReceiptTimeTypeAndKeyFieldsByRegistryIds()
    {
        assertEquals(ExitCode.OK, bsc("journal", "inspect", "--journal", dir.toString()), err::toString);
        final List<String> lines = lines();
        assertEquals(5, lines.size(), out::toString);
        assertEquals("0 2025-06-10T00:00:00.123456Z PN day=2025-06-10 sp=3 bmu=" + registry.bmUnitId(0) +
            " from=2025-06-10T02:00:00Z/10.0 to=2025-06-10T02:30:00Z/20.0 source=iris:11", lines.get(0));
        assertTrue(lines.get(2).contains("ECVN day=2025-06-10 sp=4 id=77 from=" + registry.partyId(lead) + "/P"),
            lines.get(2));
    }

    @Test
    void filtersSelectByTypeDatePeriodBmUnitAndParty()
    {
        assertEquals(List.of("1"), positions("--type", "metered"));
        assertEquals(List.of("0", "4"), positions("--bmu", registry.bmUnitId(0)));
        assertEquals(List.of("0"), positions("--bmu", registry.bmUnitId(0), "--date", "2025-06-10"));
        assertEquals(List.of("2", "3"), positions("--period", "4"));
        assertEquals(List.of("0", "2", "4"), positions("--party", registry.partyId(lead)));
        assertEquals(List.of("3", "4"), positions("--from", "3"));
        assertEquals(List.of("1", "2"), positions("--from", "1", "--limit", "2"));
    }

    @Test
    void resultsAreShownAndFilteredToo()
    {
        assertEquals(List.of("0", "1", "2"), positions("--results"));
        assertEquals(List.of("0", "1"), positions("--results", "--party", registry.partyId(lead)));
        assertEquals(List.of("2"), positions("--results", "--type", "RUN_END"));
        assertTrue(out.toString().contains("RUN_END day=2025-06-10 run=SF#1 records=2.0 inputs=0..4"), out::toString);
    }

    @Test
    void csvAndJsonHaveOneRowPerRecord()
    {
        assertEquals(ExitCode.OK, bsc("journal", "inspect", "--journal", dir.toString(), "--format", "csv",
            "--type", "PN"), err::toString);
        final List<String> csv = lines();
        assertEquals("position,received,type,date,period,bmu,lead_party,description", csv.get(0));
        assertTrue(csv.get(1).startsWith("0,2025-06-10T00:00:00.123456Z,PN,2025-06-10,3," + registry.bmUnitId(0) +
            "," + registry.partyId(lead) + ","), csv.get(1));
        assertEquals(3, csv.size());
        out.getBuffer().setLength(0);
        assertEquals(ExitCode.OK, bsc("journal", "inspect", "--journal", dir.toString(), "--format", "json",
            "--results"), err::toString);
        assertTrue(out.toString().trim().startsWith("["), out::toString);
        assertEquals(3, out.toString().split("\"position\"").length - 1, out::toString);
    }

    @Test
    void usageProblemsExitWithTwo()
    {
        assertEquals(ExitCode.USAGE, bsc("journal", "inspect", "--journal", dir.toString(), "--type", "NOPE"));
        assertTrue(err.toString().contains("unknown input type 'NOPE'"), err::toString);
        assertEquals(ExitCode.USAGE, bsc("journal", "inspect", "--journal", tmp.resolve("none").toString()));
        assertEquals(ExitCode.USAGE, bsc("journal", "inspect", "--journal", dir.toString(), "--bmu", "NOPE"));
        assertEquals(ExitCode.USAGE, bsc("journal"));
        assertEquals(ExitCode.OK, bsc("journal", "inspect", "--help"));
        assertTrue(out.toString().contains("Example"), out::toString);
    }

    @Test
    void payloadsAreListedFilteredAndTheirBytesWrittenBack() throws Exception
    {
        assertEquals(ExitCode.USAGE, bsc("journal", "payloads", "--journal", dir.toString()));
        final byte[] file = "AAA|C0421|...|\nZZZ|2|123|\n".getBytes(StandardCharsets.US_ASCII);
        try (PayloadJournal payloads = PayloadJournal.open(dir.resolve(PayloadJournal.DIRECTORY),
            new JournalConfig()))
        {
            final PayloadEntry entry = new PayloadEntry();
            payloads.append(entry.clear().timeMicros(RECEIVED).source(EventSource.SFTP).state(PayloadState.RECEIVED)
                .channel("cdca").name("C0421_0001.txt").kind("C0421").body(file, 0, file.length));
            payloads.append(entry.clear().timeMicros(RECEIVED).source(EventSource.SFTP).state(PayloadState.JOURNALED)
                .channel("cdca").name("C0421_0001.txt").kind("C0421").ref(0).events(0, 1));
            payloads.append(entry.clear().timeMicros(RECEIVED).source(EventSource.SFTP).state(PayloadState.REJECTED)
                .channel("cdca").name("C0421_0002.txt").kind("C0421").detail("checksum 7 != 9"));
        }
        assertEquals(ExitCode.OK, bsc("journal", "payloads", "--journal", dir.toString()), err::toString);
        final List<String> lines = out.toString().lines().collect(Collectors.toList());
        assertEquals(3, lines.size(), out::toString);
        assertEquals("0 2025-06-10T00:00:00.123456Z sftp RECEIVED cdca C0421_0001.txt C0421 bytes=" + file.length,
            lines.get(0));
        assertEquals("1 2025-06-10T00:00:00.123456Z sftp JOURNALED cdca C0421_0001.txt C0421 ref=0 events=0..1",
            lines.get(1));

        out.getBuffer().setLength(0);
        assertEquals(ExitCode.OK, bsc("journal", "payloads", "--journal", dir.toString(), "--state", "rejected",
            "--format", "csv"), err::toString);
        assertEquals(2, out.toString().lines().count(), out::toString);
        assertTrue(out.toString().contains("checksum 7 != 9"), out::toString);

        final Path copy = tmp.resolve("copy.txt");
        assertEquals(ExitCode.OK, bsc("journal", "payloads", "--journal", dir.toString(), "--body", "0",
            "--out", copy.toString()), err::toString);
        assertArrayEquals(file, Files.readAllBytes(copy));
        assertEquals(ExitCode.USAGE, bsc("journal", "payloads", "--journal", dir.toString(), "--body", "1"));
        assertEquals(ExitCode.USAGE, bsc("journal", "payloads", "--journal", dir.toString(), "--body", "9"));
        assertEquals(ExitCode.USAGE, bsc("journal", "payloads", "--journal", dir.toString(), "--state", "NOPE"));
        assertEquals(ExitCode.USAGE, bsc("journal", "payloads", "--journal", tmp.resolve("none").toString()));
    }

    private void append(final Journal journal, final InputEvent event)
    {
        event.position(journal.inputs().nextPosition()).receivedMicros(RECEIVED + journal.inputs().nextPosition());
        journal.inputs().append(event.buffer(), event.offset());
    }

    private List<String> positions(final String... filters)
    {
        out.getBuffer().setLength(0);
        final String[] args = new String[filters.length + 4];
        args[0] = "journal";
        args[1] = "inspect";
        args[2] = "--journal";
        args[3] = dir.toString();
        System.arraycopy(filters, 0, args, 4, filters.length);
        assertEquals(ExitCode.OK, bsc(args), err::toString);
        return lines().stream().map(line -> line.substring(0, line.indexOf(' '))).collect(Collectors.toList());
    }

    private List<String> lines()
    {
        return Arrays.stream(out.toString().split("\n")).filter(line -> !line.isBlank()).collect(Collectors.toList());
    }
}
