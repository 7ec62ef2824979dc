package org.bmsworkbench.cli;

import org.osgi.annotation.versioning.ConsumerType;
import picocli.CommandLine;

/**
 * One {@code bmswb} sub-command, registered as a service with the {@link CommandName} property and,
 * so that {@code bmswb --help} lists it without activating it, the {@link CommandSummary} property.
 *
 * <p>The service is a singleton; each run gets its own option state from {@link #commandLine}:
 * a new {@link CommandLine} over a new object of a class annotated with
 * {@link CommandLine.Command @Command} (its description's first line is the summary in
 * {@code bmswb --help}) whose {@link CommandLine.Option @Option} and
 * {@link CommandLine.Parameters @Parameters} fields receive the arguments. The object that runs
 * (the command's, or a subcommand's) implements {@code Callable<Integer>}: it returns the exit
 * status (0 success, 1 failure after printing a one-line reason to stderr) and may throw
 * {@link UsageException} (status 2; the message is printed with a hint to --help) or
 * {@link CommandFailure} (status 1; the message is printed as is). It runs on the launcher's
 * main thread. {@code -h}/{@code --help} is added to every command and subcommand that lacks it;
 * the launcher sets the command name, the streams and the error handlers ({@link CommandRunner}).
 */
@ConsumerType
public interface Command {

    /**
     * A new command line for one run, for {@code bmswb --help} or for shell completion. It must
     * be cheap: no I/O, no waiting; the work belongs in {@code call()}.
     */
    CommandLine commandLine(CommandContext context);
}
