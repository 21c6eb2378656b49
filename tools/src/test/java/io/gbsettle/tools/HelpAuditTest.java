package io.gbsettle.tools;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit of issue #9: every {@code bsc} command and subcommand (the whole picocli tree) has a description, a
 * {@code --help} that exits 0 and an "Example: ./bsc ..." footer whose command exists; the top-level help documents
 * the exit codes; errors exit with the documented codes and say what to do.
 */
final class HelpAuditTest extends InProcessBsc
{
    @Test
    void everyCommandHasADescriptionAHelpOptionAndAWorkingExample()
    {
        final List<String> problems = new ArrayList<>();
        final List<String> audited = new ArrayList<>();
        final CommandLine root = new CommandLine(new Bsc());
        walk(root, root, problems, audited, new IdentityHashMap<>());
        assertEquals(List.of(), problems);
        assertTrue(audited.contains("bsc runs diff") && audited.contains("bsc runs list") &&
            audited.contains("bsc generate day") && audited.size() > 30, audited::toString);
    }

    @Test
    void theTopLevelHelpDocumentsTheExitCodes()
    {
        assertEquals(ExitCode.OK, bsc("--help"));
        final String help = out.toString();
        assertTrue(help.contains("Exit codes: 0 ok, 1 data problems reported, 2 usage error, 3 failure."), help);
        assertTrue(help.contains("runs") && help.contains("Example: ./bsc demo"), help);
        assertEquals(0, ExitCode.OK);
        assertEquals(1, ExitCode.DATA_PROBLEMS);
        assertEquals(2, ExitCode.USAGE);
        assertEquals(3, ExitCode.FAILURE);
    }

    @Test
    void aMissingJournalIsAUsageErrorThatSaysWhatIsExpected()
    {
        final String none = tmp.resolve("none").toString();
        assertEquals(ExitCode.USAGE, bsc("journal", "inspect", "--journal", none));
        assertTrue(err.toString().contains("no journal at " + none), err::toString);
        assertEquals(ExitCode.USAGE, bsc("replay", "--journal", none));
        assertTrue(err.toString().contains("--journal " + none + " is not a directory"), err::toString);
        assertEquals(ExitCode.USAGE, bsc("runs", "list", "--journal", none));
        assertEquals(ExitCode.USAGE, bsc("runs", "diff", "--journal", none, "--date", "2025-06-10", "--from", "SF",
            "--to", "R1"));
        assertTrue(err.toString().contains("--journal " + none + ": no engine journal there"), err::toString);
    }

    @Test
    void aBadDateSaysWhatToGive()
    {
        assertEquals(ExitCode.USAGE, bsc("calendar", "day", "--date", "2025-02-30"));
        assertTrue(err.toString().contains("Invalid value for option '--date': '2025-02-30' is not a date: give " +
            "YYYY-MM-DD, e.g. 2025-06-10"), err::toString);
        assertEquals(ExitCode.USAGE, bsc("generate", "day", "--out", tmp.toString(), "--date", "10/06/2025"));
        assertTrue(err.toString().contains("'10/06/2025' is not a date"), err::toString);
        assertEquals(ExitCode.USAGE, bsc("generate", "day", "--out", tmp.toString(), "--date", "1800-01-01"));
        assertTrue(err.toString().contains("--date 1800-01-01 is outside the supported range"), err::toString);
    }

    @Test
    void missingInputDirectoriesAndFilesAreUsageErrors()
    {
        final String none = tmp.resolve("none").toString();
        assertEquals(ExitCode.USAGE, bsc("settle", "--bundle", none, "--out", tmp.resolve("o").toString()));
        assertTrue(err.toString().contains("--bundle " + none + " is not a directory"), err::toString);
        assertEquals(ExitCode.USAGE, bsc("iris", "export", "--bundle", none, "--dir", tmp.resolve("o").toString()));
        assertTrue(err.toString().contains("make one with ./bsc generate day --out " + none), err::toString);
        assertEquals(ExitCode.USAGE, bsc("sftp", "poll", "--config", none, "--once"));
        assertTrue(err.toString().contains("cannot read " + none + ": no such file"), err::toString);
    }

    @Test
    void generateBundleStillWorksAsAnAliasOfGenerateDay()
    {
        assertEquals(ExitCode.OK, bsc("generate", "bundle", "--out", tmp.resolve("a").toString(), "--size", "SMALL"));
        assertEquals(ExitCode.OK, bsc("generate", "day", "--out", tmp.resolve("b").toString(), "--size", "SMALL"));
        final String[] lines = out.toString().split("\n");
        assertEquals(2, lines.length, out::toString);
        assertEquals(lines[0].replace(tmp.resolve("a").toAbsolutePath().toString(), "DIR"),
            lines[1].replace(tmp.resolve("b").toAbsolutePath().toString(), "DIR"));
        assertEquals(ExitCode.OK, bsc("generate", "bundle", "--help"));
        assertTrue(out.toString().contains("Usage: bsc generate day"), out::toString);
    }

    private void walk(final CommandLine root, final CommandLine command, final List<String> problems,
        final List<String> audited, final Map<CommandSpec, Boolean> seen)
    {
        final CommandSpec spec = command.getCommandSpec();
        if (seen.put(spec, Boolean.TRUE) != null)
        {
            return;
        }
        final String name = spec.qualifiedName();
        if (command.getCommand() instanceof CommandLine.HelpCommand)
        {
            return;
        }
        audited.add(name);
        if (spec.usageMessage().description().length == 0 || String.join("", spec.usageMessage().description())
            .isBlank())
        {
            problems.add(name + ": no description");
        }
        if (!spec.mixinStandardHelpOptions())
        {
            problems.add(name + ": no --help");
        }
        final StringWriter help = new StringWriter();
        command.usage(new PrintWriter(help));
        final String text = help.toString();
        final int example = text.indexOf("Example: ./bsc ");
        if (example < 0)
        {
            problems.add(name + ": no 'Example: ./bsc' footer");
        }
        else
        {
            final String line = text.substring(example + "Example: ./bsc ".length()).split("\n")[0];
            if (!resolves(root, line.trim().split(" +")))
            {
                problems.add(name + ": the example '" + line + "' names no command");
            }
        }
        final String[] args = (name.replaceFirst("^bsc ?", "") + " --help").trim().split(" ");
        out.getBuffer().setLength(0);
        final int exit = bsc(args);
        if (exit != ExitCode.OK || !out.toString().startsWith("Usage: " + name))
        {
            problems.add(name + ": --help exited " + exit);
        }
        for (final CommandLine sub : command.getSubcommands().values())
        {
            walk(root, sub, problems, audited, seen);
        }
    }

    /**
     * Whether the words before the first option of an example name a runnable command (not a group).
     */
    private static boolean resolves(final CommandLine root, final String[] words)
    {
        CommandLine at = root;
        for (final String word : words)
        {
            if (word.startsWith("-"))
            {
                break;
            }
            final CommandLine sub = at.getSubcommands().get(word);
            if (sub == null)
            {
                break;
            }
            at = sub;
        }
        // A group alone would only print its usage: not a working example.
        return at != root && !(at.getCommand() instanceof CommandGroup);
    }
}
