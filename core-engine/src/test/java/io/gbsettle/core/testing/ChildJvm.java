package io.gbsettle.core.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running a main class of the test class path, for tests that must kill a real process: crash safety of
 * the journal and of the engine ({@code SIGKILL} at a random point, then restart and check).
 *
 * <p>The child runs with this JVM's class path, the project's JVM flags (the {@code jvm.options} generated from the
 * parent pom's {@code bsc.jvm.args}, plus the JDK 24+ ones on 24+), and a small, quick-starting heap. The test
 * synchronises on lines the child prints, never on sleeps: {@link #awaitLine} blocks until the child prints a line
 * starting with a prefix (or fails, showing the child's standard error, if it exits or times out first).
 * {@link #kill()} is {@code Process.destroyForcibly()}, which is {@code SIGKILL} on Linux and macOS: the child gets no
 * chance to run shutdown hooks, close files or finish a write.
 *
 * <pre>{@code
 * try (ChildJvm child = ChildJvm.start(AppendingMain.class, dir.toString(), "5000"))
 * {
 *     child.awaitLine("appended ");   // it appended 5000 records and goes on appending
 *     child.kill();                   // SIGKILL somewhere in the next append
 * }
 * }</pre>
 */
public final class ChildJvm implements AutoCloseable
{
    /** How long {@link #awaitLine(String)} waits by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** JVM options added to the project's flags by {@link #start(Class, String...)}: small heap, quick start. */
    public static final List<String> QUICK_START_OPTIONS = List.of(
        "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
        "-Dchronicle.analytics.disable=true");

    private static final String EOF = new String("<end of output>");

    private final Process process;
    private final String name;
    private final Path stderrFile;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final OutputStream stdin;

    private ChildJvm(final Process process, final String name, final Path stderrFile)
    {
        this.process = process;
        this.name = name;
        this.stderrFile = stderrFile;
        this.stdin = process.getOutputStream();
        final Thread reader = new Thread(() -> pump(process.getInputStream()), "child-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code mainClass} in a child JVM with the project's flags and {@link #QUICK_START_OPTIONS}.
     *
     * @param mainClass a class with a {@code main(String[])} on this JVM's class path.
     * @param args      its arguments.
     * @return the running child.
     */
    public static ChildJvm start(final Class<?> mainClass, final String... args)
    {
        final List<String> options = new ArrayList<>(projectJvmFlags());
        options.addAll(QUICK_START_OPTIONS);
        return start(options, mainClass.getName(), Arrays.asList(args));
    }

    /**
     * Starts a main class in a child JVM with exactly the JVM options given (add {@link #projectJvmFlags()} for
     * anything that uses Chronicle Queue or Agrona).
     *
     * @param jvmOptions options before the class name.
     * @param mainClass  the fully qualified name of a class on this JVM's class path.
     * @param args       its arguments.
     * @return the running child.
     */
    public static ChildJvm start(final List<String> jvmOptions, final String mainClass, final List<String> args)
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        try
        {
            final Path stderrFile = Files.createTempFile("child-jvm-", ".stderr");
            final Process process = new ProcessBuilder(command)
                .redirectError(stderrFile.toFile())
                .start();
            final String simpleName = mainClass.substring(mainClass.lastIndexOf('.') + 1);
            return new ChildJvm(process, simpleName + "[pid " + process.pid() + "]", stderrFile);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot start " + command, ex);
        }
    }

    /**
     * The project's JVM flags, as the build wrote them into {@code io/gbsettle/core/jvm.options}: Chronicle's
     * {@code --add-exports/--add-opens} list, plus the JDK 24+ options when this JVM is 24 or newer.
     *
     * @return the flags.
     */
    public static List<String> projectJvmFlags()
    {
        final Properties properties = new Properties();
        try (InputStream in = ChildJvm.class.getResourceAsStream("/io/gbsettle/core/jvm.options"))
        {
            if (in == null)
            {
                throw new IllegalStateException("io/gbsettle/core/jvm.options is not on the class path");
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

    /**
     * @return the child's process id.
     */
    public long pid()
    {
        return process.pid();
    }

    /**
     * @return whether the child is still running.
     */
    public boolean isAlive()
    {
        return process.isAlive();
    }

    /**
     * Waits up to {@link #DEFAULT_TIMEOUT} for the child to print a line starting with {@code prefix}, skipping
     * other lines.
     *
     * @param prefix what the line starts with.
     * @return the whole line.
     * @throws AssertionError if the child ends its output or the time runs out first (with its standard error).
     */
    public String awaitLine(final String prefix)
    {
        return awaitLine(prefix, DEFAULT_TIMEOUT);
    }

    /**
     * Waits for the child to print a line starting with {@code prefix}, skipping other lines.
     *
     * @param prefix  what the line starts with.
     * @param timeout how long to wait in all.
     * @return the whole line.
     * @throws AssertionError if the child ends its output or the time runs out first (with its standard error).
     */
    public String awaitLine(final String prefix, final Duration timeout)
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (true)
        {
            final String line;
            try
            {
                line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + name, ex);
            }
            if (line == null)
            {
                throw new AssertionError(name + " printed no line starting with '" + prefix + "' in " + timeout +
                    "; stderr:\n" + stderr());
            }
            if (line == EOF)
            {
                lines.add(EOF);
                throw new AssertionError(name + " ended its output (exit " + exitCodeIfDone() + ") before a line " +
                    "starting with '" + prefix + "'; stderr:\n" + stderr());
            }
            if (line.startsWith(prefix))
            {
                return line;
            }
        }
    }

    /**
     * Writes a line to the child's standard input (for children that wait for a command).
     *
     * @param line the line, without the line break.
     */
    public void send(final String line)
    {
        try
        {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write to " + name, ex);
        }
    }

    /**
     * Kills the child with {@code SIGKILL} ({@code Process.destroyForcibly()}) and waits until it is gone.
     *
     * @return the exit code the OS reports (137 for SIGKILL on Linux).
     */
    public int kill()
    {
        process.destroyForcibly();
        return waitFor(DEFAULT_TIMEOUT);
    }

    /**
     * Sends the child {@code SIGINT}, as Ctrl-C in a terminal does (its shutdown hooks run).
     */
    public void interrupt()
    {
        try
        {
            final Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0)
            {
                throw new AssertionError("kill -INT " + process.pid() + " failed");
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot run kill -INT", ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted sending SIGINT to " + name, ex);
        }
    }

    /**
     * Waits for the child to exit on its own.
     *
     * @param timeout how long to wait.
     * @return its exit code.
     * @throws AssertionError if it is still running after the timeout (it is then killed).
     */
    public int waitFor(final Duration timeout)
    {
        try
        {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS))
            {
                process.destroyForcibly();
                throw new AssertionError(name + " still running after " + timeout + "; stderr:\n" + stderr());
            }
            return process.exitValue();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + name, ex);
        }
    }

    /**
     * @return what the child wrote to its standard error so far.
     */
    public String stderr()
    {
        try
        {
            return Files.readString(stderrFile, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            return "(cannot read " + stderrFile + ": " + ex + ")";
        }
    }

    /**
     * Kills the child if it still runs and deletes its captured standard error.
     */
    @Override
    public void close()
    {
        if (process.isAlive())
        {
            kill();
        }
        try
        {
            stdin.close();
        }
        catch (final IOException ignore)
        {
            // the child is gone; nothing to flush
        }
        try
        {
            Files.deleteIfExists(stderrFile);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public String toString()
    {
        return name;
    }

    private String exitCodeIfDone()
    {
        return process.isAlive() ? "still running" : Integer.toString(process.exitValue());
    }

    private void pump(final InputStream in)
    {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                lines.add(line);
            }
        }
        catch (final IOException ignore)
        {
            // the stream closes when the child is killed
        }
        finally
        {
            lines.add(EOF);
        }
    }

    private static List<String> split(final String value)
    {
        final String trimmed = value.trim();
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
    }
}
