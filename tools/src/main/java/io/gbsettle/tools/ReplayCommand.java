package io.gbsettle.tools;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.gbsettle.core.engine.Replay;
import io.gbsettle.core.settle.SettlementContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bsc replay}: re-runs a journal through a fresh engine; with {@code --verify}, compares every recomputed
 * result with the journaled one, byte for byte.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
        "Re-run a journal's inputs through a fresh engine (no ring, straight from the journal). With --verify,",
        "compare every recomputed result (settlement runs and indicative prices) with the journaled one and",
        "name the first difference."},
    footer = {
        "",
        "Exit codes: 0 replayed (and verified), 1 a recomputed result differs from the journal, 2 usage error,",
        "3 the journal cannot be read.",
        "Example: ./bsc replay --journal out/tv5-journal --verify"})
final class ReplayCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--journal", required = true, paramLabel = "DIR", description = "The journal directory.")
    Path journal;

    @Option(names = "--from", paramLabel = "POSITION", defaultValue = "0", description = {
        "Report and compare results from this input position on (earlier inputs are still applied, so the",
        "state is the same as the live engine's). Default: ${DEFAULT-VALUE}."})
    long from;

    @Option(names = "--verify", description = "Compare every recomputed result with the journaled one.")
    boolean verify;

    @Override
    public Integer call()
    {
        if (!Files.isDirectory(journal))
        {
            throw new ParameterException(spec.commandLine(), "--journal " + journal + " is not a directory");
        }
        if (from < 0)
        {
            throw new ParameterException(spec.commandLine(), "--from must be >= 0");
        }
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        out.printf(Locale.ROOT, "replaying %s%s%s%n", journal, from > 0 ? " from input " + from : "",
            verify ? " and verifying every result" : "");
        out.flush();
        final Replay.Summary summary;
        try
        {
            summary = Replay.run(journal, SettlementContext.defaults(), from, verify, null);
        }
        catch (final RuntimeException ex)
        {
            err.println("replay: the journal " + journal + " cannot be replayed: " + ex.getMessage());
            return ExitCode.FAILURE;
        }
        final double seconds = summary.nanos() / 1e9;
        out.printf(Locale.ROOT, "%,d inputs replayed, %,d results recomputed in %.2f s (%,.0f inputs/s)%n",
            summary.inputs(), summary.results(), seconds, summary.inputs() / Math.max(seconds, 1e-9));
        if (!verify)
        {
            return ExitCode.OK;
        }
        if (summary.verified())
        {
            out.printf(Locale.ROOT, "verified: all %,d journaled results recomputed identically%n",
                summary.compared());
            return ExitCode.OK;
        }
        err.printf(Locale.ROOT, "DIFFERENT: %s%n  (%,d results compared, %,d journaled, %,d recomputed)%n",
            summary.firstDifference() != null ? summary.firstDifference() : "the counts differ",
            summary.compared(), summary.journaled(), summary.results());
        return ExitCode.DATA_PROBLEMS;
    }
}
