package io.gbsettle.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import io.gbsettle.core.kernel.price.PriceParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bsc demo}: the README's first command. The whole product doing its real job on embedded defaults, with
 * nothing else running: a national settlement day generated, carried by a real SFTP server and a real AMQP 1.0
 * broker into the engine through the two adapters, settled SF and then R1, reported, and replayed (see
 * {@link DemoRun} for the pipeline).
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Run the whole system on embedded defaults: generate a national settlement day (~2,700 BM Units, 350",
        "parties, with some deliberately bad inputs), start an embedded SFTP server holding its flat files and an",
        "embedded AMQP 1.0 broker holding its IRIS messages, consume the feed (indicative prices period by period),",
        "collect the files, settle the SF run, then an R1 run with revised metered volumes, write the reports,",
        "the run-to-run differences and report.html, and replay the journal with --verify.",
        "Only the demo's own folders and files under --out are replaced; a second run needs no cleaning up."},
    footer = {"",
        "Exit codes: 0 done and verified, 2 usage error, 3 failure (the message says which step).",
        "Example: ./bsc demo",
        "Example: ./bsc demo --out out/demo --date 2025-06-10 --size MEDIUM"})
final class DemoCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "out/demo", paramLabel = "DIR",
        description = "Output directory, reused on every run (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    SyntheticOptions synthetic;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", defaultValue = "2025-06-10",
        description = "Settlement date of the generated day (default: ${DEFAULT-VALUE}).")
    LocalDate date;

    @Override
    public Integer call()
    {
        final PrintWriter err = spec.commandLine().getErr();
        if (date.toEpochDay() < PriceParameters.SINGLE_PRICE_START)
        {
            err.println("demo: --date " + date + " is outside what the demo settles (from " +
                LocalDate.ofEpochDay(PriceParameters.SINGLE_PRICE_START) + "); pick a later date");
            return ExitCode.USAGE;
        }
        // The demo prints what the adapters did itself; their own warnings (a dead-lettered message...) are its
        // planted inputs. Takes effect when nothing has logged yet in this JVM (the command line).
        System.setProperty("org.slf4j.simpleLogger.log.io.gbsettle.adapters", "error");
        final DemoRun demo = new DemoRun(spec.commandLine().getOut(), out, synthetic.size, synthetic.seed, date);
        try
        {
            return demo.run();
        }
        catch (final Exception ex)
        {
            if (demo.interrupted())
            {
                return ExitCode.FAILURE;
            }
            err.println("demo: failed: " + ex.getMessage());
            err.println("      the outputs so far are in " + out.toAbsolutePath() + "; run ./bsc demo again to " +
                "start over, or report the message above");
            return ExitCode.FAILURE;
        }
    }
}
