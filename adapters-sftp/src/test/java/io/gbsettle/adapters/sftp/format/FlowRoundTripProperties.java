package io.gbsettle.adapters.sftp.format;

import static io.gbsettle.core.testing.PropertyChecks.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Write → parse round trip for every flow definition: a random valid file written from the definition parses back
 * with no problem, the same records in the same order and every field's value (decimals to the field's places).
 */
final class FlowRoundTripProperties
{
    @TestFactory
    List<DynamicTest> everyFlowRoundTrips()
    {
        final List<DynamicTest> tests = new ArrayList<>();
        for (final FlowDefinition flow : FlowCatalogue.builtIn().flows())
        {
            tests.add(DynamicTest.dynamicTest(flow.id(), () -> check(150).forAll(longs().all())
                .checkAssert(seed -> roundTrip(flow, seed))));
        }
        return tests;
    }

    private static void roundTrip(final FlowDefinition flow, final long seed)
    {
        final RandomFlowFile file = new RandomFlowFile(flow, seed);
        final byte[] bytes = file.write();
        final List<String> problems = new ArrayList<>();
        final List<RandomFlowFile.Written> parsed = new ArrayList<>();
        final FlatFileParser parser = new FlatFileParser(FlowCatalogue.builtIn(), null);
        final long found = parser.parse(new UnsafeBuffer(bytes), 0, bytes.length, r ->
        {
            final List<Object> values = new ArrayList<>();
            for (int f = 0; f < r.definition().fieldCount(); f++)
            {
                if (r.definition().field(f).type() == FieldType.DECIMAL && !r.isEmpty(f))
                {
                    values.add(r.decimal(f));
                }
                else
                {
                    values.add(r.text(f));
                }
            }
            parsed.add(new RandomFlowFile.Written(r.definition().id(), values));
        }, (code, flowId, recordId, line, field, date, period, subject, message) ->
            problems.add(line + " " + recordId + "." + field + ": " + message), 10);
        assertEquals(0, found, () -> problems + "\n" + new String(bytes, java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(parser.trailerFound());
        assertEquals(flow, parser.flow());
        assertEquals(file.written.size(), parser.records());
        assertEquals(file.written, parsed);
    }
}
