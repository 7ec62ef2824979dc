package org.bmsworkbench.cli;

import java.io.PrintWriter;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Runs a {@link Command}'s command line the way {@code bmswb} does, so that every command, built in
 * or from a plugin, answers alike: {@code -h}/{@code --help} on every command and subcommand, a
 * usage error as two lines on stderr ({@code bmswb NAME: MESSAGE} naming the option, then
 * {@code Try 'bmswb NAME --help'.}) and status 2, a {@link CommandFailure} as one line and status 1,
 * any other exception as one {@code internal error} line and status 1 (stack traces only in
 * debug mode). Tests of plugin commands run them through here too.
 */
public final class CommandRunner {
    private static final Pattern NEEDS_VALUE = Pattern.compile(
            "(?:Missing required parameter for option|Expected parameter for option) '([^']+)'.*");
    private static final Pattern CHOICE = Pattern.compile("Invalid value for (?:option '([^']+)'|positional parameter at"
            + " index \\d+ \\(([^)]+)\\)): expected one of \\[(.*)] \\(case-sensitive\\) but was '(.*)'");
    private static final Pattern INVALID = Pattern.compile(
            "Invalid value for (?:option '([^']+)'|positional parameter at index \\d+ \\(([^)]+)\\)): (.*)");

    /** Columns of the usage help: wide enough for a summary on one line, narrow enough for a terminal. */
    public static final int USAGE_WIDTH = 100;

    private CommandRunner() {
    }

    /**
     * Parses {@code args} into {@code commandLine}'s objects and runs the one named last.
     *
     * @param name the command's name ({@code decode}), for messages and the usage line
     * @return the exit status
     */
    public static int run(String name, CommandLine commandLine, List<String> args, CommandContext context, boolean debug) {
        prepare(name, commandLine, context);
        ErrorHandler handler = new ErrorHandler(name, context, debug);
        commandLine.setParameterExceptionHandler(handler);
        commandLine.setExecutionExceptionHandler(handler);
        try {
            return commandLine.execute(args.toArray(new String[0]));
        } catch (LinkageError | RuntimeException e) {
            context.out().flush();
            return internalError(name, e, context, debug);
        }
    }

    /**
     * Names the command {@code bmswb NAME}, adds {@code -h}/{@code --help} where it is missing, and
     * directs help to {@code context.out()}; for a command line that is shown rather than run
     * (in {@code bmswb --help}, in a completion script).
     */
    public static CommandLine prepare(String name, CommandLine commandLine, CommandContext context) {
        commandLine.setCommandName("bmswb " + name);
        addHelp(commandLine, new IdentityHashMap<>());
        commandLine.setUsageHelpWidth(USAGE_WIDTH);
        commandLine.setExpandAtFiles(false); // "@name" is an argument, not a file of arguments
        commandLine.setOut(new PrintWriter(context.out(), true));
        commandLine.setErr(new PrintWriter(context.err(), true));
        return commandLine;
    }

    private static void addHelp(CommandLine commandLine, Map<CommandLine, Boolean> seen) {
        if (seen.put(commandLine, Boolean.TRUE) != null) {
            return;
        }
        CommandSpec spec = commandLine.getCommandSpec();
        if (spec.findOption("--help") == null && spec.findOption("-h") == null) {
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("show this help").build());
        }
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            addHelp(sub, seen);
        }
    }

    /**
     * Parse errors and what {@code call()} throws, in the house's words. A named class rather than
     * two lambdas: it runs on every command's start, where class-data sharing holds a class but a
     * lambda of a bundle is spun anew by each process.
     */
    private static final class ErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {
        private final String name;
        private final CommandContext context;
        private final boolean debug;

        ErrorHandler(String name, CommandContext context, boolean debug) {
            this.name = name;
            this.context = context;
            this.debug = debug;
        }

        @Override
        public int handleParseException(ParameterException e, String[] args) {
            context.out().flush();
            usageError(name, message(e), context);
            return 2;
        }

        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parsed) {
            context.out().flush();
            if (e instanceof UsageException) {
                usageError(name, e.getMessage(), context);
                return 2;
            }
            if (e instanceof CommandFailure) {
                context.err().println("bmswb " + name + ": " + e.getMessage());
                if (debug && e.getCause() != null) {
                    e.printStackTrace(context.err());
                }
                return 1;
            }
            return internalError(name, e, context, debug);
        }
    }

    private static void usageError(String name, String message, CommandContext context) {
        context.err().println("bmswb " + name + ": " + message);
        context.err().println("Try 'bmswb " + name + " --help'.");
    }

    private static int internalError(String name, Throwable e, CommandContext context, boolean debug) {
        context.err().println("bmswb " + name + ": internal error: " + e);
        if (debug) {
            e.printStackTrace(context.err());
        }
        return 1;
    }

    /** picocli's message in the house wording, one line. */
    static String message(ParameterException e) {
        Set<String> subcommands = e.getCommandLine() == null ? Set.of()
                : new TreeSet<>(e.getCommandLine().getSubcommands().keySet());
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().get(0);
            if (arg.length() > 1 && arg.startsWith("-") && !isNumber(arg)) {
                return "unknown option " + arg;
            }
            return subcommands.isEmpty() ? "unexpected argument '" + arg + "'"
                    : "unknown subcommand '" + arg + "' (expected " + String.join(", ", subcommands) + ")";
        }
        String m = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
        if (m.startsWith("Missing required subcommand")) {
            return "missing subcommand (" + String.join(", ", subcommands) + ")";
        }
        Matcher matcher = NEEDS_VALUE.matcher(m);
        if (matcher.matches()) {
            return matcher.group(1) + " needs a value";
        }
        if (e instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
            return "missing " + String.join(", ", missing.getMissing().stream().map(CommandRunner::label).toList());
        }
        matcher = CHOICE.matcher(m);
        if (matcher.matches()) {
            return named(matcher) + ": expected one of " + matcher.group(3) + ", got '" + matcher.group(4) + "'";
        }
        matcher = INVALID.matcher(m);
        if (matcher.matches()) {
            return named(matcher) + ": " + matcher.group(3);
        }
        return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }

    /** The option's name, or the positional parameter's label. */
    private static String named(Matcher matcher) {
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    private static String label(ArgSpec arg) {
        return arg instanceof OptionSpec o ? o.longestName() + " " + o.paramLabel() : arg.paramLabel();
    }

    private static boolean isNumber(String arg) {
        return arg.matches("-[0-9.]+");
    }
}
