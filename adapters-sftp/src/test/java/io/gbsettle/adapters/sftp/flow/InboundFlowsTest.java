package io.gbsettle.adapters.sftp.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.gbsettle.adapters.sftp.format.Envelope;
import io.gbsettle.adapters.sftp.format.Xor32;
import io.gbsettle.core.registry.BmUnitDay;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.time.EpochDays;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link InboundFlows#verify} accepts and rejects, and how it names the problem: envelopes, counts, checksums,
 * truncation, encoding, structure, fields and registry subjects.
 */
final class InboundFlowsTest
{
    private static final MarketRegistry REGISTRY = SyntheticRegistry.generate(3, SyntheticRegistry.Size.SMALL);
    private static final long DAY = EpochDays.of(2025, 6, 10);
    private static final String BMU = activeUnit();

    @TempDir
    Path tmp;

    private final InboundFlows flows = new InboundFlows(REGISTRY);

    private static String activeUnit()
    {
        final BmUnitDay day = REGISTRY.newDayView();
        REGISTRY.fillDay(DAY, day);
        for (int u = 0; u < REGISTRY.bmUnitCount(); u++)
        {
            if (day.active(u))
            {
                return REGISTRY.bmUnitId(u);
            }
        }
        throw new IllegalStateException();
    }

    /** A C0421 with one BM Unit and {@code periods} ABP lines, sealed with a correct count and checksum. */
    static List<String> c0421(final String bmUnit, final int periods)
    {
        final List<String> lines = new ArrayList<>();
        lines.add("AAA|C0421002|D|20250612010203|CD|UKDC|BP|GBSETTLE|42|OPER|");
        lines.add("ABV|" + bmUnit + "|20250610|SF|1|20250611|");
        for (int p = 1; p <= periods; p++)
        {
            lines.add("ABP|" + p + "|F|" + (p * 1.5) + "|" + (p % 2 == 0 ? 'I' : 'E') + "|");
        }
        return lines;
    }

    static byte[] seal(final List<String> lines)
    {
        final String body = String.join("\n", lines);
        return (body + "\nZZZ|" + (lines.size() + 1) + "|" + Xor32.of(lines.toArray(new String[0])) + "|\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    }

    private InboundFile verify(final byte[] bytes)
    {
        return flows.verify("test-file", new UnsafeBuffer(bytes), 0, bytes.length);
    }

    private static FileProblem only(final InboundFile file)
    {
        assertFalse(file.accepted());
        assertEquals(1, file.problemCount(), file::reason);
        return file.problems().get(0);
    }

    @Test
    void aGoodC0421IsAcceptedWithItsBusinessKey()
    {
        final InboundFile file = verify(seal(c0421(BMU, 48)));
        assertTrue(file.accepted(), file::reason);
        assertEquals("C0421", file.flowId());
        assertEquals(Envelope.IDD, file.envelope());
        assertEquals("C0421002", file.fileType());
        assertEquals("IDD|CD|UKDC|C0421002|42", file.businessKey());
        assertEquals(49, file.records());
        assertEquals(20250610, file.settlementDate());
        assertEquals(Destination.ENGINE, file.destination());
        assertFalse(file.testData());
    }

    @Test
    void byteOrderMarkAndCrlfAreAccepted()
    {
        final byte[] lf = seal(c0421(BMU, 48));
        final String crlf = new String(lf, StandardCharsets.ISO_8859_1).replace("\n", "\r\n");
        final byte[] bom = ("\u00EF\u00BB\u00BF" + crlf).getBytes(StandardCharsets.ISO_8859_1);
        final InboundFile file = verify(bom);
        assertTrue(file.accepted(), file::reason);
    }

    @Test
    void wrongChecksumIsCode7()
    {
        final String text = new String(seal(c0421(BMU, 48)), StandardCharsets.ISO_8859_1);
        final FileProblem p = only(verify(text.replace("ABP|3|F|4.5|E|", "ABP|3|F|4.6|E|")
            .getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(FileProblem.CHECKSUM, p.code());
        assertEquals("ZZZ", p.recordId());
        assertTrue(p.message().contains("checksum"), p.message());
    }

    @Test
    void wrongRecordCountIsCode6()
    {
        final List<String> lines = c0421(BMU, 48);
        final byte[] sealed = seal(lines);
        final String text = new String(sealed, StandardCharsets.ISO_8859_1).replace("ZZZ|51|", "ZZZ|52|");
        final FileProblem p = only(verify(text.getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(FileProblem.RECORD_COUNT, p.code());
        assertTrue(p.message().contains("counts 52 records, the file has 51"), p.message());
    }

    @Test
    void aTruncatedFileHasNoTrailer()
    {
        final byte[] whole = seal(c0421(BMU, 48));
        final byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        final InboundFile file = verify(cut);
        assertFalse(file.accepted());
        assertTrue(file.problems().stream().anyMatch(p -> p.code() == FileProblem.FOOTER &&
            p.message().contains("truncated")), file::reason);
    }

    @Test
    void anUnknownBmUnitIsNamedWithDateLineAndField()
    {
        final FileProblem p = only(verify(seal(c0421("T_NOSUCH-1", 48))));
        assertEquals("C0421", p.flowId());
        assertEquals("ABV", p.recordId());
        assertEquals(2, p.line());
        assertEquals("bmUnitId", p.field());
        assertEquals(20250610, p.settlementDate());
        assertEquals("T_NOSUCH-1", p.subject());
        assertTrue(p.message().contains("not in the registry"), p.message());
        assertTrue(p.describe().startsWith("C0421 line 2 ABV.bmUnitId date 20250610 [T_NOSUCH-1]: "), p.describe());
    }

    @Test
    void fortySixPeriodsOnAFortyEightPeriodDayAreRejected()
    {
        final FileProblem p = only(verify(seal(c0421(BMU, 46))));
        assertEquals(FileProblem.BODY, p.code());
        assertEquals("ABV", p.recordId());
        assertTrue(p.message().contains("ABP: 46 records, expected 48"), p.message());
        assertEquals(BMU, p.subject());
    }

    @Test
    void aBadFieldIsNamedWithItsPeriod()
    {
        final List<String> lines = c0421(BMU, 48);
        lines.set(8, "ABP|7|F|1.2345|E|");
        final FileProblem p = only(verify(seal(lines)));
        assertEquals("ABP", p.recordId());
        assertEquals(9, p.line());
        assertEquals("meteredVolume", p.field());
        assertEquals(7, p.period());
        assertEquals(20250610, p.settlementDate());
        assertTrue(p.message().contains("more than 3 decimal places"), p.message());
    }

    @Test
    void nonAsciiIsRejected()
    {
        final List<String> lines = c0421(BMU, 48);
        lines.set(1, "ABV|" + BMU + "|20250610|SF|1|20250611|\u00E9");
        final InboundFile file = verify(seal(lines));
        assertFalse(file.accepted());
        assertTrue(file.problems().get(0).message().contains("ASCII"), file::reason);
    }

    @Test
    void anUnknownFlowIsCode2AndNotAFlatFileIsCode1()
    {
        final List<String> lines = new ArrayList<>();
        lines.add("AAA|X9999001|D|20071225045823|BP|PARTY|XX|UKDC|1|TR01|");
        final InboundFile unknown = verify(seal(lines));
        assertNull(unknown.flowId());
        assertEquals(Destination.NONE, unknown.destination());
        assertEquals(FileProblem.FILE_TYPE, only(unknown).code());
        assertEquals(FileProblem.HEADER, only(verify("hello world\n".getBytes(StandardCharsets.US_ASCII))).code());
        assertEquals(FileProblem.HEADER, only(verify(new byte[0])).code());
    }

    @Test
    void theReferenceEcvnExampleHasTheRightCountAndChecksumButNoAccountsRecord()
    {
        final byte[] bytes = ("AAA|E0041001|D|20260810093000|EN|CONSUSEN|EC|ECVAA|1|TEST1|\n" +
            "EDN|ECVNAA0001|KEY0000001|ECVNAA0001|REF0000001|20260811||\n" +
            "CD9|1|12.5|\n" +
            "ZZZ|4|829768304|\n").getBytes(StandardCharsets.US_ASCII);
        final InboundFile file = verify(bytes);
        assertTrue(file.testData());
        final FileProblem p = only(file);
        assertEquals(FileProblem.BODY, p.code());
        assertTrue(p.message().contains("ECP"), p.message());
    }

    @Test
    void aStructureErrorNamesTheParent()
    {
        final List<String> lines = c0421(BMU, 48);
        lines.add(1, "ABP|1|F|1|E|");
        final InboundFile file = verify(seal(lines));
        assertFalse(file.accepted());
        assertTrue(file.problems().get(0).message().contains("must follow its parent ABV"), file::reason);
    }

    @Test
    void meterDataFilesAreWrittenForIngestUnderMeterFlowsNames() throws Exception
    {
        final byte[] d0036 = FlowFiles.builtIn().d0036(new long[] {1_000_000_000_001L, 1_000_000_000_002L}, DAY,
            48, "F123");
        final UnsafeBuffer b = new UnsafeBuffer(d0036);
        final InboundFile file = flows.verify("d0036 in.usr", b, 0, d0036.length);
        assertTrue(file.accepted(), file::reason);
        assertEquals("DTC|C|HHDC|F123|D0036001", file.businessKey());
        assertEquals(Destination.METER_DATA, file.destination());
        assertEquals(2 + 2 + 96, file.records());
        final Path written = flows.toMeterData(file, b, 0, d0036.length, tmp.resolve("meter"));
        assertEquals("d0036_d0036_in_usr.usr", written.getFileName().toString());
        assertArrayEquals(d0036, Files.readAllBytes(written));

        final byte[] d0265 = FlowFiles.builtIn().d0265("IPNL", "500", DAY, 48);
        final InboundFile llf = flows.verify("llf", new UnsafeBuffer(d0265), 0, d0265.length);
        assertTrue(llf.accepted(), llf::reason);
        assertEquals(Envelope.POOL, llf.envelope());
        assertTrue(flows.toMeterData(llf, new UnsafeBuffer(d0265), 0, d0265.length, tmp.resolve("meter"))
            .toString().endsWith(".ptf"));
    }

    @Test
    void aDtcTrailerWithAnotherFileIdentifierIsAFooterProblem()
    {
        final byte[] d0036 = FlowFiles.builtIn().d0036(new long[] {1_000_000_000_001L}, DAY, 48, "F123");
        final String text = new String(d0036, StandardCharsets.US_ASCII).replace("ZPT|F123|", "ZPT|F124|");
        final FileProblem p = only(verify(text.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(FileProblem.FOOTER, p.code());
        assertTrue(p.message().contains("F124"), p.message());
    }

    @Test
    void problemsAreCappedButCounted()
    {
        final List<String> lines = c0421(BMU, 48);
        for (int i = 2; i < lines.size(); i++)
        {
            lines.set(i, "ABP|" + (i - 1) + "|X|1|E|");
        }
        final InboundFile file = new InboundFlows(REGISTRY, FlowOptions.DEFAULTS.withMaxProblems(5))
            .verify("x", new UnsafeBuffer(seal(lines)), 0, seal(lines).length);
        assertEquals(48, file.problemCount());
        assertEquals(5, file.problems().size());
        assertTrue(file.reason().contains("and 43 more"), file.reason());
    }

    @Test
    void aMalformedReadInAD0036IsHandedOverToTheIngestByDefaultAndRejectsTheFileOtherwise()
    {
        final byte[] good = FlowFiles.builtIn().d0036(new long[] {1_000_000_000_001L, 1_000_000_000_002L}, DAY, 48,
            "F123");
        final byte[] bad = new String(good, StandardCharsets.US_ASCII).replaceFirst("103\\|A\\|[^|]*\\|",
            "103|A|12.3x|").getBytes(StandardCharsets.US_ASCII);
        final InboundFile file = verify(bad);
        assertTrue(file.accepted(), file::reason);
        assertEquals(1, file.handedOverCount());
        final FileProblem p = file.handedOver().get(0);
        assertEquals("consumption", p.field());
        assertEquals("1000000000001", p.subject());
        assertEquals(20250610, p.settlementDate());
        assertEquals(1, p.period());
        assertTrue(file.handedOverSummary().startsWith("; 1 value problem left to the meter-data ingest: D0036 " +
            "line 4 103.consumption"), file.handedOverSummary());

        final InboundFile strict = new InboundFlows(REGISTRY, FlowOptions.DEFAULTS.withMeterDataProblems(
            FlowOptions.MeterDataProblems.REJECT_FILE)).verify("x", new UnsafeBuffer(bad), 0, bad.length);
        assertFalse(strict.accepted());
        assertEquals(1, strict.problemCount(), strict::reason);
        assertEquals(0, strict.handedOverCount());
        assertEquals("consumption", strict.problems().get(0).field());
    }

    @Test
    void aReadPastTheDaysPeriodsIsAValueProblemHandedOver()
    {
        final byte[] good = FlowFiles.builtIn().d0036(new long[] {1_000_000_000_001L}, DAY, 48, "F123");
        final String text = new String(good, StandardCharsets.US_ASCII);
        final int zpt = text.indexOf("ZPT|");
        final byte[] bad = (text.substring(0, zpt) + "103|A|1.5|\n" + text.substring(zpt).replace("ZPT|F123|50|",
            "ZPT|F123|51|")).getBytes(StandardCharsets.US_ASCII);
        final InboundFile file = verify(bad);
        assertTrue(file.accepted(), file::reason);
        assertEquals(1, file.handedOverCount());
        assertEquals(49, file.handedOver().get(0).period());
        assertTrue(file.handedOver().get(0).message().contains("period 49 is not in the Settlement Day (1..48)"));
    }

    @Test
    void countChecksumAndStructureProblemsStillRejectAMeterDataFile()
    {
        final byte[] good = FlowFiles.builtIn().d0036(new long[] {1_000_000_000_001L}, DAY, 48, "F123");
        final String text = new String(good, StandardCharsets.US_ASCII);
        final InboundFile dropped = verify(text.replaceFirst("103\\|[AE]\\|[^|]*\\|\n", "")
            .replaceFirst("103\\|A\\|[^|]*\\|", "103|A|bad|").getBytes(StandardCharsets.US_ASCII));
        assertFalse(dropped.accepted());
        assertEquals(FileProblem.RECORD_COUNT, dropped.problems().get(0).code(), dropped::reason);
        final InboundFile orphan = verify(text.replaceFirst("102\\|[0-9]*\\|\n", "").replace("ZPT|F123|50|",
            "ZPT|F123|49|").getBytes(StandardCharsets.US_ASCII));
        assertFalse(orphan.accepted());
        assertTrue(orphan.reason().contains("must follow its parent 102"), orphan::reason);

        final byte[] llf = FlowFiles.builtIn().d0265("IPNL", "500", DAY, 48);
        final String pool = new String(llf, StandardCharsets.US_ASCII);
        final int trailer = pool.lastIndexOf("ZPT|");
        final String[] parts = pool.substring(trailer).trim().split("\\|");
        final InboundFile checksum = verify((pool.substring(0, trailer) + "ZPT|" + parts[1] + "|" +
            (Long.parseLong(parts[2]) ^ 1) + "\n").getBytes(StandardCharsets.US_ASCII));
        assertFalse(checksum.accepted());
        assertEquals(FileProblem.CHECKSUM, checksum.problems().get(0).code(), checksum::reason);
    }
}
