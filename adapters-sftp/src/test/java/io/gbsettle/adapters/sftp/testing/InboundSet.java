package io.gbsettle.adapters.sftp.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.gbsettle.adapters.sftp.flow.FlowFiles;
import io.gbsettle.adapters.sftp.reconcile.SettlementFigures;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.SyntheticBundle;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.time.SettlementRun;

/**
 * A set of inbound files of every flow for one synthetic day, written by the partner's {@link FlowFiles} generator,
 * plus bad ones: malformed, truncated, wrong checksum, a duplicate of a good file under another name, and a
 * business-key conflict (the same IDD sequence number with other content). Names sort in processing order.
 */
public final class InboundSet
{
    /** The Settlement Day. */
    public static final LocalDate DATE = LocalDate.of(2024, 3, 5);

    /** Good files by name: every inbound flow. */
    public final Map<String, byte[]> good = new LinkedHashMap<>();
    /** Bad files by name. */
    public final Map<String, byte[]> bad = new LinkedHashMap<>();
    /** Duplicates of good files by name (same business key and content). */
    public final Map<String, byte[]> duplicates = new LinkedHashMap<>();

    private final MarketRegistry registry;
    private final DayBundle bundle;

    /**
     * @param dir  where the day bundle is written.
     * @param seed the synthetic data's seed.
     */
    public InboundSet(final Path dir, final long seed)
    {
        registry = SyntheticRegistry.generate(seed, SyntheticRegistry.Size.SMALL);
        SyntheticBundle.write(registry, seed, DATE, SettlementRun.SF, false, dir);
        bundle = DayBundle.load(dir);
        final FlowFiles files = FlowFiles.builtIn();
        final long day = bundle.epochDay();
        final int periods = bundle.periodCount();

        final byte[] c0421 = files.c0421(bundle, 1);
        good.put("CD01C0421A", c0421);
        good.put("EC02E0041A", files.ecvn(bundle, 1));
        good.put("EC03E0051A", files.mvrn(bundle, 2));
        final byte[] d0036 = files.d0036(new long[] {1_000_000_000_001L, 1_000_000_000_002L}, day, periods, "F00036");
        good.put("HH04D0036.usr", d0036);
        good.put("HH05D0275.usr", replace(files.d0036(new long[] {1_000_000_000_003L}, day, periods, "F00275"),
            "D0036001", "D0275001"));
        good.put("LLF06D0265.ptf", files.d0265("IPNL", "500", day, periods));
        final SettlementFigures figures = SettlementFigures.forRegistry(registry);
        figures.epochDay(day);
        for (int p = 1; p <= periods; p++)
        {
            figures.set(SettlementFigures.Quantity.SYSTEM_PRICE, 0, p, 50 + p);
            figures.set(SettlementFigures.Quantity.METERED_VOLUME, 0, p, 10.5 + p);
        }
        good.put("SA07S0142A", files.s0142(registry, figures, day, SettlementRun.SF, 1));

        duplicates.put("CD08C0421COPY", c0421);
        bad.put("XX09GARBAGE", "this is not a settlement flow file\n".getBytes(StandardCharsets.US_ASCII));
        final byte[] other = files.c0421(bundle, 7);
        bad.put("CD10TRUNCATED", Arrays.copyOf(other, other.length / 2));
        bad.put("CD11CHECKSUM", wrongChecksum(files.c0421(bundle, 8)));
        // Same header (sequence 1) as CD01C0421A, other content: flip one metered volume digit, fix the checksum.
        bad.put("CD12CONFLICT", files.c0421(withOtherVolume(dir), 1));
    }

    /**
     * @return the registry of the day.
     */
    public MarketRegistry registry()
    {
        return registry;
    }

    /**
     * @return the day bundle.
     */
    public DayBundle bundle()
    {
        return bundle;
    }

    /**
     * Puts every file on the server's remote directory.
     *
     * @param server the server.
     * @param dir    the remote directory.
     */
    public void putAll(final SftpServerExtension server, final String dir)
    {
        good.forEach((name, bytes) -> server.put(dir, name, bytes));
        duplicates.forEach((name, bytes) -> server.put(dir, name, bytes));
        bad.forEach((name, bytes) -> server.put(dir, name, bytes));
    }

    private DayBundle withOtherVolume(final Path dir)
    {
        final Path other = dir.resolveSibling(dir.getFileName() + "-other");
        SyntheticBundle.write(registry, 99, DATE, SettlementRun.SF, false, other);
        return DayBundle.load(other);
    }

    private static byte[] wrongChecksum(final byte[] file)
    {
        final String text = new String(file, StandardCharsets.US_ASCII);
        final int zzz = text.lastIndexOf("ZZZ|");
        final String[] parts = text.substring(zzz).split("\\|");
        final long checksum = Long.parseLong(parts[2].trim());
        return (text.substring(0, zzz) + "ZZZ|" + parts[1] + "|" + (checksum ^ 1) + "|\n")
            .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] replace(final byte[] file, final String from, final String to)
    {
        return new String(file, StandardCharsets.US_ASCII).replace(from, to).getBytes(StandardCharsets.US_ASCII);
    }
}
