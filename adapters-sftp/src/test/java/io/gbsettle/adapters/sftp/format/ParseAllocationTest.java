package io.gbsettle.adapters.sftp.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.gbsettle.adapters.sftp.flow.FlowFiles;
import io.gbsettle.adapters.sftp.flow.InboundFile;
import io.gbsettle.adapters.sftp.flow.InboundFlows;
import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.registry.BmUnitDay;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.testing.AllocationAssert;
import io.gbsettle.core.time.EpochDays;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * The parse loop allocates nothing: parsing (and fully checking) a D0036 into meter reads, and mapping a C0421
 * into engine records, once warm.
 */
final class ParseAllocationTest
{
    private static final long DAY = EpochDays.of(2025, 6, 10);

    /** Sums the reads (a stand-in for filing them in a store). */
    static final class ReadSum implements RecordHandler
    {
        long reads;
        double kwh;

        @Override
        public void onRecord(final RecordCursor record)
        {
            if (record.definition().periodByOrder())
            {
                reads++;
                kwh += record.decimal(1);
            }
        }
    }

    @Test
    void parsingAD0036AllocatesNothing()
    {
        final long[] mpans = new long[200];
        for (int i = 0; i < mpans.length; i++)
        {
            mpans[i] = 1_200_000_000_000L + i;
        }
        final byte[] bytes = FlowFiles.builtIn().d0036(mpans, DAY, 48, "F1");
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        final FlatFileParser parser = new FlatFileParser(FlowCatalogue.builtIn(),
            new io.gbsettle.core.time.SettlementCalendar());
        final ReadSum sum = new ReadSum();
        assertEquals(0, parser.parse(buffer, 0, bytes.length, sum, null, 10));
        assertEquals(200 * 48, sum.reads);
        AllocationAssert.assertZeroAllocation("FlatFileParser.parse (D0036, 200 MPANs x 48 reads)",
            () -> parser.parse(buffer, 0, bytes.length, sum, null, 10), 200, 200);
    }

    @Test
    void mappingAC0421ToEventsAllocatesNothing()
    {
        final MarketRegistry registry = SyntheticRegistry.generate(3, SyntheticRegistry.Size.SMALL);
        final BmUnitDay day = registry.newDayView();
        registry.fillDay(DAY, day);
        final StringBuilder text = new StringBuilder();
        int units = 0;
        final List<String> lines = new java.util.ArrayList<>();
        lines.add("AAA|C0421002|D|20250612010203|CD|UKDC|BP|GBSETTLE|42|OPER|");
        for (int u = 0; u < registry.bmUnitCount() && units < 50; u++)
        {
            if (day.active(u))
            {
                units++;
                lines.add("ABV|" + registry.bmUnitId(u) + "|20250610|SF|1|20250611|");
                for (int p = 1; p <= 48; p++)
                {
                    lines.add("ABP|" + p + "|F|" + (u + p * 0.25) + "|E|");
                }
            }
        }
        text.append(String.join("\n", lines)).append("\nZZZ|").append(lines.size() + 1).append('|')
            .append(Xor32.of(lines.toArray(new String[0]))).append("|\n");
        final byte[] bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        final InboundFlows flows = new InboundFlows(registry);
        final InboundFile file = flows.verify("c0421", buffer, 0, bytes.length);
        assertTrue(file.accepted(), file::reason);
        final long[] total = new long[1];
        final io.gbsettle.adapters.sftp.flow.EventSink sink = new CountingSink(total);
        assertEquals(units * 48L, flows.toEvents(file, buffer, 0, bytes.length, EventSource.SFTP, sink));
        AllocationAssert.assertZeroAllocation("InboundFlows.toEvents (C0421, 50 BM Units x 48)",
            () -> flows.toEvents(file, buffer, 0, bytes.length, EventSource.SFTP, sink), 200, 200);
    }

    /** Counts records. */
    static final class CountingSink implements io.gbsettle.adapters.sftp.flow.EventSink
    {
        private final long[] total;

        CountingSink(final long[] total)
        {
            this.total = total;
        }

        @Override
        public long onEvent(final DirectBuffer record, final int offset)
        {
            return ++total[0];
        }
    }
}
