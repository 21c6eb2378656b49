package io.gbsettle.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Entry point of {@code benchmarks.jar}: JMH's own command line, plus the project's JVM flags appended to every fork.
 *
 * <p>A JMH fork does not inherit {@code Add-Opens} manifest attributes, and Chronicle and Agrona fail without
 * their {@code --add-exports}/{@code --add-opens}; so the flags are read from the {@code jvm.options} resource
 * that the build writes from the parent pom's single list, and passed as {@code -jvmArgsAppend}. Any JMH option
 * works as usual, for example:
 *
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar -prof gc CalendarBenchmark
 * </pre>
 */
public final class BenchmarkMain
{
    private static final String OPTIONS_RESOURCE = "/io/gbsettle/core/jvm.options";
    /** Whole-run harnesses (not JMH): {@code java -jar benchmarks.jar NAME [ARGS]}. */
    private static final Map<String, String> HARNESSES = Map.of(
        "latency", "io.gbsettle.benchmarks.EngineLatency",
        "replay", "io.gbsettle.benchmarks.EngineReplay",
        "iris", "io.gbsettle.benchmarks.IrisTransportBenchmark",
        "flatfile", "io.gbsettle.benchmarks.FlatFileParseRate",
        "sftp", "io.gbsettle.benchmarks.SftpCollect");

    private BenchmarkMain()
    {
    }

    /**
     * @param args JMH command-line options.
     * @throws RunnerException            when a benchmark fails.
     * @throws CommandLineOptionException when the options are invalid.
     * @throws IOException                when JMH cannot list its benchmarks.
     */
    public static void main(final String[] args) throws RunnerException, CommandLineOptionException, IOException
    {
        if (args.length > 0 && HARNESSES.containsKey(args[0]))
        {
            System.exit(harness(HARNESSES.get(args[0]), Arrays.copyOfRange(args, 1, args.length)));
        }
        final CommandLineOptions cli = new CommandLineOptions(args);
        if (cli.shouldHelp() || cli.shouldList() || cli.shouldListWithParams() || cli.shouldListProfilers() ||
            cli.shouldListResultFormats())
        {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        final List<String> append = new ArrayList<>(jvmFlags());
        final Collection<String> userAppend = cli.getJvmArgsAppend().orElse(List.of());
        append.addAll(userAppend);
        new Runner(new OptionsBuilder().parent(cli).jvmArgsAppend(append.toArray(new String[0])).build()).run();
    }

    /**
     * Runs a harness in a JVM of its own, with the project's JVM flags and a fixed heap, its output on this console.
     */
    private static int harness(final String mainClass, final String[] args) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags());
        command.addAll(List.of("-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "-cp",
            System.getProperty("java.class.path"), mainClass));
        command.addAll(Arrays.asList(args));
        try
        {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /**
     * The project's JVM flags for the running JDK (the JDK 24+ extras only on 24 and later).
     *
     * @return the flags, one per element.
     */
    public static List<String> jvmFlags()
    {
        final Properties properties = new Properties();
        try (InputStream in = BenchmarkMain.class.getResourceAsStream(OPTIONS_RESOURCE))
        {
            if (in == null)
            {
                throw new IllegalStateException(OPTIONS_RESOURCE + " is missing from the class path; rebuild");
            }
            properties.load(in);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        final List<String> flags = new ArrayList<>(split(properties.getProperty("jvm.args", "")));
        if (Runtime.version().feature() >= 24)
        {
            flags.addAll(split(properties.getProperty("jvm.args.jdk24plus", "")));
        }
        return flags;
    }

    private static List<String> split(final String value)
    {
        final String trimmed = value.trim();
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
    }
}
