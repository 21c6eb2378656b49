package io.gbsettle.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's first command, as a person types it: {@code ./bsc demo} through the launcher script, against the jar
 * this build just packaged, on the JDK running the build (so that the JDK 24+ flags are exercised on 25).
 */
final class LauncherIT
{
    private static final Path ROOT = Path.of(System.getProperty("bsc.root", "..")).toAbsolutePath().normalize();
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path tmp;

    @Test
    void launcherRunsTheDemo() throws IOException, InterruptedException
    {
        final Path out = tmp.resolve("demo");
        final Result result = bsc("demo", "--size", "SMALL", "--out", out.toString(), "--date", "2026-03-29");
        assertEquals(0, result.exit, result.output);
        assertTrue(result.output.contains("46 periods"), result.output);
        assertTrue(result.output.contains("[" + DemoRun.STEPS + "/" + DemoRun.STEPS + "]"), result.output);
        assertTrue(result.output.contains("every result recomputed identically"), result.output);
        assertTrue(!result.output.contains("building the tools jar"), "the jar was fresh: " + result.output);
        assertTrue(!result.output.contains("WARNING"), "JVM flags missing? " + result.output);
        for (final String file : List.of("day/sf/day.json", "day/r1/day.json", "sf/period.csv", "sf/party_day.csv",
            "r1/period.csv", "runs_diff.csv", "indicative.csv", "exceptions.csv", "report.html",
            "journal/registry/bm_units.csv", "journal/engine.properties"))
        {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
    }

    @Test
    void launcherReportsExitCodes() throws IOException, InterruptedException
    {
        assertEquals(0, bsc("--version").exit);
        assertEquals(2, bsc("calendar", "day").exit);
        assertEquals(1, bsc("registry", "check", "--dir", tmp.toString()).exit);
    }

    private Result bsc(final String... args) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("bsc").toString()));
        command.addAll(List.of(args));
        final Path log = tmp.resolve("bsc-" + System.nanoTime() + ".log");
        final ProcessBuilder builder = new ProcessBuilder(command)
            .directory(tmp.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        final Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            throw new AssertionError("./bsc " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS +
                " s: " + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private record Result(int exit, String output)
    {
    }
}
