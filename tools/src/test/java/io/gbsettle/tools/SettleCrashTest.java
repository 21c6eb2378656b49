package io.gbsettle.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.gbsettle.core.engine.RunCsv;
import io.gbsettle.core.settle.SettlementReportCsv;
import io.gbsettle.core.testing.ChildJvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crash safety of the engine end to end: {@code bsc settle --journal} runs in a child JVM that is killed with SIGKILL
 * at a random moment, again and again on the same journal (during recovery, submission, the run or the reports);
 * then one run is let finish. Its reports must equal those of an uninterrupted run on a fresh journal, and a replay
 * must verify every journaled result: no input lost, none applied twice, no result published twice or torn.
 */
final class SettleCrashTest extends InProcessBsc
{
    private static final int KILLS = 8;
    private static final List<String> FILES = List.of(SettlementReportCsv.BMU_PERIOD_FILE,
        SettlementReportCsv.ACCOUNT_PERIOD_FILE, SettlementReportCsv.PERIOD_FILE, SettlementReportCsv.PARTY_DAY_FILE,
        SettlementReportCsv.EXCEPTIONS_FILE, RunCsv.MISSING_FILE, RunCsv.DIFF_FILE);

    @Test
    void killedAtRandomPointsThenResumedGivesTheUninterruptedResults() throws Exception
    {
        final Path bundle = tmp.resolve("bundle");
        assertEquals(ExitCode.OK, bsc("generate", "bundle", "--size", "MEDIUM", "--out", bundle.toString()),
            err::toString);

        final long started = System.nanoTime();
        assertEquals(ExitCode.OK, settleInChild(bundle, tmp.resolve("reference-journal"), tmp.resolve("reference"),
            -1));
        final long uninterruptedMillis = Math.max(200, (System.nanoTime() - started) / 1_000_000);

        final Random random = new Random(20261123);
        final Path journal = tmp.resolve("journal");
        int killed = 0;
        for (int round = 0; round < KILLS; round++)
        {
            final long delay = (long)(random.nextDouble() * uninterruptedMillis);
            if (settleInChild(bundle, journal, tmp.resolve("out"), delay) == Integer.MIN_VALUE)
            {
                killed++;
            }
        }
        assertTrue(killed >= KILLS / 2, "most rounds were killed before finishing: " + killed);
        assertEquals(ExitCode.OK, settleInChild(bundle, journal, tmp.resolve("out"), -1));

        for (final String file : FILES)
        {
            assertEquals(Files.readString(tmp.resolve("reference").resolve(file)),
                Files.readString(tmp.resolve("out").resolve(file)), file + " after " + killed + " kills");
        }
        assertEquals(ExitCode.OK, bsc("replay", "--journal", journal.toString(), "--verify"), err::toString);
        assertTrue(out.toString().contains("verified: all"), out::toString);
    }

    /**
     * Runs {@code bsc settle --journal} in a child JVM; kills it {@code killAfterMillis} after it started loading
     * (-1: let it finish).
     *
     * @return the exit code, or {@link Integer#MIN_VALUE} if it was killed before it finished.
     */
    private static int settleInChild(final Path bundle, final Path journal, final Path out, final long killAfterMillis)
        throws IOException, InterruptedException
    {
        try (ChildJvm child = ChildJvm.start(Bsc.class, "settle", "--bundle", bundle.toString(), "--out",
            out.toString(), "--journal", journal.toString()))
        {
            child.awaitLine("[1/4]");
            if (killAfterMillis < 0)
            {
                final int exit = child.waitFor(Duration.ofSeconds(120));
                if (exit != ExitCode.OK)
                {
                    System.err.println("bsc settle --journal exited " + exit + ":\n" + child.stderr());
                }
                return exit;
            }
            // The crash is injected at a random moment: this wait is the fault schedule, not synchronisation.
            Thread.sleep(killAfterMillis);
            if (!child.isAlive())
            {
                return child.waitFor(Duration.ofSeconds(1));
            }
            child.kill();
            return Integer.MIN_VALUE;
        }
    }
}
