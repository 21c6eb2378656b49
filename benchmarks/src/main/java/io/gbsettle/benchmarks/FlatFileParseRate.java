package io.gbsettle.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The flat-file parse rate per core on a shared machine: runs {@link FlatFileParseBenchmark}'s D0036 parse, verify
 * and C0421 mapping back to back for a few seconds each and divides the work by this thread's CPU time (not the
 * wall clock), so that other processes on the box do not lower the figure. {@code java -jar benchmarks.jar
 * flatfile [seconds]}.
 */
public final class FlatFileParseRate
{
    private FlatFileParseRate()
    {
    }

    /**
     * @param args optional seconds per measurement (default 5).
     */
    public static void main(final String[] args)
    {
        final int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        final FlatFileParseBenchmark b = new FlatFileParseBenchmark();
        b.setUp();
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 2; round++)
        {
            final boolean warm = round == 1;
            measure(threads, "parseD0036", seconds, warm, FlatFileParseBenchmark.D0036_RECORDS, b.d0036Bytes(),
                b::parseD0036);
            measure(threads, "verifyD0036", seconds, warm, FlatFileParseBenchmark.D0036_RECORDS, b.d0036Bytes(),
                () -> b.verifyD0036().records());
            measure(threads, "mapC0421", seconds, warm, FlatFileParseBenchmark.C0421_RECORDS, b.c0421Bytes(),
                () -> (double)b.mapC0421());
        }
    }

    private static void measure(final ThreadMXBean threads, final String name, final int seconds,
        final boolean print, final long records, final long bytes, final java.util.function.DoubleSupplier run)
    {
        final long wallStart = System.nanoTime();
        final long cpuStart = threads.getCurrentThreadCpuTime();
        long runs = 0;
        double sink = 0;
        while (System.nanoTime() - wallStart < seconds * 1_000_000_000L)
        {
            sink += run.getAsDouble();
            runs++;
        }
        final double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        final double wall = (System.nanoTime() - wallStart) / 1e9;
        if (print)
        {
            System.out.printf("%-12s %,7.1f MB/s per CPU second, %,6.2f M records/s per CPU second " +
                "(wall: %,7.1f MB/s; %d runs, CPU %.1f s of %.1f s)%s%n", name, runs * bytes / cpu / 1e6,
                runs * records / cpu / 1e6, runs * bytes / wall / 1e6, runs, cpu, wall, sink == 42 ? " " : "");
        }
    }
}
