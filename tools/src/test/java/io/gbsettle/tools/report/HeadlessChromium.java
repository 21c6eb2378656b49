package io.gbsettle.tools.report;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium, for tests that check what a page shows a person: {@link #dumpDom} returns the DOM after
 * the page's scripts ran, {@link #screenshot} writes a PNG.
 *
 * <p>{@link #require()} finds {@code /usr/bin/chromium}; when it is missing it installs Debian's {@code chromium}
 * package ({@code apt-get install -y chromium}, after {@code apt-get update} when the package is not known yet; CI runs
 * as root), and when that cannot be done it aborts the test (JUnit: skipped) saying why and how to install it.
 *
 * <p>Every run is bounded by a process timeout (destroyed when it expires), uses a fresh profile directory (deleted
 * after) and the flags that keep Chromium off the network (without {@code --disable-background-networking} and its
 * companions it hangs on a machine without a network).
 */
public final class HeadlessChromium
{
    /** Where Debian's package puts it. */
    public static final Path DEFAULT_BINARY = Path.of("/usr/bin/chromium");

    private static final long RUN_TIMEOUT_SECONDS = 60;
    private static final long APT_TIMEOUT_SECONDS = 600;
    private static final ProcessBuilder.Redirect NO_INPUT = ProcessBuilder.Redirect.from(new File("/dev/null"));

    private final Path binary;

    private HeadlessChromium(final Path binary)
    {
        this.binary = binary;
    }

    /**
     * Finds Chromium, installing it when missing, or aborts the calling test with a message saying how to install it.
     *
     * @return a handle to run it.
     */
    public static HeadlessChromium require()
    {
        final String why = findOrInstall();
        if (why != null)
        {
            Assumptions.abort("headless Chromium is not available, so the page was not rendered: " + why +
                ". Install Debian's package as root (apt-get update && apt-get install -y chromium) and run the " +
                "test again.");
        }
        return new HeadlessChromium(DEFAULT_BINARY);
    }

    /**
     * @return the executable run.
     */
    public Path binary()
    {
        return binary;
    }

    /**
     * Loads a local page, lets its scripts run (virtual time budget 5 s) and returns the serialised DOM.
     *
     * @param page the HTML file.
     * @return the DOM as HTML text.
     */
    public String dumpDom(final Path page)
    {
        return dumpDom(page, "");
    }

    /**
     * Loads a local page with a fragment (such as {@code #filter=x}), lets its scripts run and returns the DOM.
     *
     * @param page     the HTML file.
     * @param fragment appended to the page's URI, e.g. {@code "#filter=ecvn"}; empty for none.
     * @return the DOM as HTML text.
     */
    public String dumpDom(final Path page, final String fragment)
    {
        final Path profile = tempDir("chromium-profile");
        final Path output = profile.resolve("dom.html");
        try
        {
            final List<String> command = command(profile);
            command.add("--virtual-time-budget=5000");
            command.add("--dump-dom");
            command.add(page.toAbsolutePath().toUri() + fragment);
            run(command, output);
            return Files.readString(output, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        finally
        {
            deleteTree(profile);
        }
    }

    /**
     * Renders a local page into a PNG of the given window size.
     *
     * @param page   the HTML file.
     * @param png    the PNG to write (replaced if present).
     * @param width  window width in CSS pixels.
     * @param height window height in CSS pixels (the part of the page below is not in the picture).
     */
    public void screenshot(final Path page, final Path png, final int width, final int height)
    {
        final Path profile = tempDir("chromium-profile");
        try
        {
            final List<String> command = command(profile);
            command.add("--virtual-time-budget=5000");
            command.add("--hide-scrollbars");
            command.add("--window-size=" + width + "," + height);
            command.add("--screenshot=" + png.toAbsolutePath());
            command.add(page.toAbsolutePath().toUri().toString());
            Files.deleteIfExists(png);
            run(command, profile.resolve("stdout.txt"));
            if (!Files.isRegularFile(png))
            {
                throw new IllegalStateException("chromium wrote no screenshot to " + png);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        finally
        {
            deleteTree(profile);
        }
    }

    private List<String> command(final Path profile)
    {
        final List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.add("--headless");
        command.add("--no-sandbox");
        command.add("--disable-gpu");
        command.add("--disable-quic");
        command.add("--no-first-run");
        command.add("--disable-background-networking");
        command.add("--disable-component-update");
        command.add("--disable-sync");
        command.add("--disable-dev-shm-usage");
        command.add("--user-data-dir=" + profile.toAbsolutePath());
        return command;
    }

    private static void run(final List<String> command, final Path stdout)
    {
        final Path stderr = stdout.resolveSibling("stderr.txt");
        final Process process;
        try
        {
            final ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile()).redirectInput(NO_INPUT);
            // Whatever Chromium leaves in its temp folder goes with the profile folder.
            builder.environment().put("TMPDIR", stdout.getParent().toAbsolutePath().toString());
            process = builder.start();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot start " + command.get(0), ex);
        }
        try
        {
            if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS))
            {
                destroy(process);
                throw new IllegalStateException("chromium did not finish within " + RUN_TIMEOUT_SECONDS +
                    " s and was stopped: " + String.join(" ", command) + "\n" + tail(stderr));
            }
            if (process.exitValue() != 0)
            {
                throw new IllegalStateException("chromium exited with " + process.exitValue() + ": " +
                    String.join(" ", command) + "\n" + tail(stderr));
            }
        }
        catch (final InterruptedException ex)
        {
            destroy(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while chromium ran", ex);
        }
    }

    private static void destroy(final Process process)
    {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try
        {
            process.waitFor(10, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * @return null when Chromium is there (found or installed), else why not.
     */
    private static synchronized String findOrInstall()
    {
        if (Files.isExecutable(DEFAULT_BINARY))
        {
            return null;
        }
        if (!Files.isExecutable(Path.of("/usr/bin/apt-get")))
        {
            return DEFAULT_BINARY + " is missing and this is not a Debian-like system (no apt-get)";
        }
        if (!"root".equals(System.getProperty("user.name")))
        {
            return DEFAULT_BINARY + " is missing and the tests do not run as root, so they cannot install it";
        }
        String failure = apt("apt-get", "install", "-y", "chromium");
        if (failure != null)
        {
            final String update = apt("apt-get", "update");
            if (update != null)
            {
                return "apt-get update failed: " + update;
            }
            failure = apt("apt-get", "install", "-y", "chromium");
        }
        if (failure != null)
        {
            return "apt-get install -y chromium failed: " + failure;
        }
        return Files.isExecutable(DEFAULT_BINARY) ? null :
            "apt-get installed chromium but " + DEFAULT_BINARY + " is not there";
    }

    /**
     * @return null on success, else the end of its output.
     */
    private static String apt(final String... command)
    {
        final Path log = tempDir("apt").resolve("apt.log");
        try
        {
            final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(NO_INPUT);
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            final Process process = builder.start();
            if (!process.waitFor(APT_TIMEOUT_SECONDS, TimeUnit.SECONDS))
            {
                destroy(process);
                return "did not finish within " + APT_TIMEOUT_SECONDS + " s";
            }
            return process.exitValue() == 0 ? null : "exit " + process.exitValue() + ": " + tail(log);
        }
        catch (final IOException ex)
        {
            return ex.getMessage();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        finally
        {
            deleteTree(log.getParent());
        }
    }

    private static String tail(final Path file)
    {
        try
        {
            final String text = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
        }
        catch (final IOException | UncheckedIOException ex)
        {
            return "(no output: " + ex.getMessage() + ")";
        }
    }

    private static Path tempDir(final String prefix)
    {
        try
        {
            return Files.createTempDirectory(prefix);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Deletes a folder and everything in it; tries twice, as a Chromium helper process may still be closing a file
     * when the browser has exited, and leaves (saying so) what it could not delete rather than failing a test.
     */
    private static void deleteTree(final Path dir)
    {
        for (int attempt = 1; attempt <= 2 && Files.exists(dir); attempt++)
        {
            try (Stream<Path> paths = Files.walk(dir))
            {
                final List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
                for (final Path p : all)
                {
                    Files.deleteIfExists(p);
                }
            }
            catch (final IOException | UncheckedIOException ex)
            {
                if (attempt == 2)
                {
                    System.err.println("HeadlessChromium: could not delete " + dir + ": " + ex);
                }
            }
        }
    }
}
