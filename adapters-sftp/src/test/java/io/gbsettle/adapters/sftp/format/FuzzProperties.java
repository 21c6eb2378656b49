package io.gbsettle.adapters.sftp.format;

import static io.gbsettle.core.testing.PropertyChecks.check;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import io.gbsettle.adapters.sftp.flow.Destination;
import io.gbsettle.adapters.sftp.flow.InboundFile;
import io.gbsettle.adapters.sftp.flow.InboundFlows;
import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * Fuzzed inputs never throw anything but a rejection: random bytes, truncations, flipped bytes, dropped and
 * duplicated lines and swapped fields of valid files of every flow go through {@link InboundFlows#verify} (and, when
 * still accepted, through the mapping) without an exception; a changed byte in a checksummed (pool, IDD) file is
 * always rejected.
 */
final class FuzzProperties
{
    private static final MarketRegistry REGISTRY = SyntheticRegistry.generate(5, SyntheticRegistry.Size.SMALL);
    private static final List<FlowDefinition> FLOWS = FlowCatalogue.builtIn().flows();

    private final InboundFlows flows = new InboundFlows(REGISTRY);

    @Test
    void randomBytesAreRejectedNeverThrown()
    {
        check(500).forAll(longs().all()).checkAssert(seed ->
        {
            final SplittableRandom random = new SplittableRandom(seed);
            final byte[] bytes = new byte[random.nextInt(400)];
            for (int i = 0; i < bytes.length; i++)
            {
                bytes[i] = (byte)random.nextInt(256);
            }
            if (random.nextBoolean() && bytes.length > 4)
            {
                System.arraycopy("AAA|".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, bytes, 0, 4);
            }
            assertFalse(verify(bytes).accepted());
        });
    }

    @Test
    void mutatedFilesOfEveryFlowAreRejectedOrMappedNeverThrown()
    {
        check(1_500).forAll(longs().all()).checkAssert(seed ->
        {
            final SplittableRandom random = new SplittableRandom(seed);
            final FlowDefinition flow = FLOWS.get(random.nextInt(FLOWS.size()));
            final byte[] valid = new RandomFlowFile(flow, seed).write();
            final int kind = random.nextInt(6);
            final byte[] bytes = mutate(valid, kind, random);
            final InboundFile file = verify(bytes);
            assertNotNull(file);
            if (kind == 0 && flow.envelope() != Envelope.DTC && !Arrays.equals(valid, bytes))
            {
                assertFalse(file.accepted(), () -> "a flipped byte passed the checksum: " + file);
            }
            if (file.accepted() && file.destination() == Destination.ENGINE)
            {
                flows.toEvents(file, new UnsafeBuffer(bytes), 0, bytes.length, EventSource.SFTP, (b, o) -> 0);
            }
        });
    }

    private InboundFile verify(final byte[] bytes)
    {
        final InboundFile file = flows.verify("fuzz", new UnsafeBuffer(bytes), 0, bytes.length);
        // verify turns a defect into a rejection as a last resort; the fuzz must never reach it.
        for (final io.gbsettle.adapters.sftp.flow.FileProblem p : file.problems())
        {
            assertFalse(p.message().startsWith("internal error"), p::describe);
        }
        return file;
    }

    private static byte[] mutate(final byte[] valid, final int kind, final SplittableRandom random)
    {
        final String text = new String(valid, java.nio.charset.StandardCharsets.ISO_8859_1);
        final String[] lines = text.split("\n", -1);
        switch (kind)
        {
            case 0 ->
            {
                final byte[] b = valid.clone();
                final int at = random.nextInt(b.length);
                b[at] = (byte)(b[at] ^ (1 << random.nextInt(7)));
                return b;
            }
            case 1 ->
            {
                return Arrays.copyOf(valid, random.nextInt(valid.length));
            }
            case 2 ->
            {
                final int drop = random.nextInt(lines.length);
                final StringBuilder b = new StringBuilder();
                for (int i = 0; i < lines.length; i++)
                {
                    if (i != drop)
                    {
                        b.append(lines[i]).append(i < lines.length - 1 ? "\n" : "");
                    }
                }
                return b.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            case 3 ->
            {
                final int dup = random.nextInt(lines.length);
                final StringBuilder b = new StringBuilder();
                for (int i = 0; i < lines.length; i++)
                {
                    b.append(lines[i]).append('\n');
                    if (i == dup)
                    {
                        b.append(lines[i]).append('\n');
                    }
                }
                return b.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            case 4 ->
            {
                final int at = random.nextInt(lines.length);
                final String[] fields = lines[at].split("\\|", -1);
                if (fields.length > 2)
                {
                    final int f = 1 + random.nextInt(fields.length - 1);
                    fields[f] = random.nextBoolean() ? "" : random.nextBoolean() ? "-9.99999999" : "x|y";
                    lines[at] = String.join("|", fields);
                }
                return String.join("\n", lines).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            default ->
            {
                final byte[] b = new byte[valid.length + 3];
                b[0] = (byte)0xEF;
                b[1] = (byte)0xBB;
                b[2] = (byte)0xBF;
                System.arraycopy(valid, 0, b, 3, valid.length);
                return random.nextBoolean() ? b : text.replace("\n", "\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            }
        }
    }
}
