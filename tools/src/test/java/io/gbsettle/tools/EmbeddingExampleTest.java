package io.gbsettle.tools;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedding example of the README runs and shows a settlement run.
 */
final class EmbeddingExampleTest
{
    @Test
    void embedsTheEngineAndSettlesADay() throws Exception
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EmbeddingExample.run(null, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        final String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("RUN_START day=2025-06-10 run=SF#1"), out);
        assertTrue(out.contains("PERIOD day=2025-06-10 sp=1 run=SF#1"), out);
        assertTrue(out.contains("RUN_END day=2025-06-10 run=SF#1"), out);
    }
}
