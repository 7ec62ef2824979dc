package org.bmsworkbench.cli;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One {@code bmswb} sub-command, registered as a service with the {@link CommandName} property.
 * {@code run} executes on the launcher's main thread.
 */
@ConsumerType
public interface Command {

    /** One line for {@code bmswb --help}. */
    String summary();

    /** The full help text shown by {@code bmswb NAME --help}: synopsis, options, examples. */
    String help();

    /**
     * Runs the command.
     *
     * @return the exit status: 0 success, 1 failure (after printing a one-line reason to stderr)
     * @throws UsageException for a usage error (exit status 2; the message is printed with a hint to --help)
     * @throws CommandFailure for any other failure (exit status 1; the message is printed as is)
     */
    int run(CommandContext context) throws UsageException, CommandFailure;
}
