package io.gbsettle.tools;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands: run without one, it prints its usage and exits with
 * {@link ExitCode#USAGE}.
 */
abstract class CommandGroup implements Runnable
{
    @Spec
    CommandSpec spec;

    @Override
    public void run()
    {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: say which one, or see '" +
            spec.qualifiedName() + " --help'");
    }
}
