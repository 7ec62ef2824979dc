package org.bmsworkbench.cli.internal;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import org.bmsworkbench.cli.Command;
import org.bmsworkbench.cli.CommandContext;
import org.bmsworkbench.cli.CommandFailure;
import org.bmsworkbench.cli.UsageException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The {@code bmswb} entry point. The launcher finds this service with {@code (bmswb.entry=main)}
 * and calls {@link #applyAsInt(String[])} on the JVM main thread with the command line; the
 * result is the process exit status. Sub-commands are {@link Command} services, bound as they
 * come and go; when two share a {@code command.name}, the one with the higher service ranking
 * (then the lower service id) runs.
 */
@Component(name = "org.bmsworkbench.cli.main", service = ToIntFunction.class)
@BmswbEntry("main")
public final class BmswbMain implements ToIntFunction<String[]> {
    static final String GUI = "gui";

    private final Map<Long, Registered> commands = new ConcurrentHashMap<>();
    private final String version;

    @Activate
    public BmswbMain(BundleContext context) {
        this(System.getProperty("bmswb.version", context.getBundle().getVersion().toString()));
    }

    BmswbMain(String version) {
        this.version = version;
    }

    private record Registered(String name, int ranking, long serviceId, Command command) {
    }

    private static final Comparator<Registered> PRECEDENCE =
            Comparator.comparingInt(Registered::ranking).reversed().thenComparingLong(Registered::serviceId);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeCommand")
    void addCommand(Command command, Map<String, Object> properties) {
        Object name = properties.get("command.name");
        if (name instanceof String[] names && names.length > 0) {
            name = names[0];
        }
        if (name == null || name.toString().isBlank()) {
            return; // not reachable by any command line
        }
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        Object id = properties.get(Constants.SERVICE_ID);
        long serviceId = id instanceof Long l ? l : System.identityHashCode(command);
        commands.put(serviceId, new Registered(name.toString(), ranking instanceof Integer r ? r : 0, serviceId, command));
    }

    void removeCommand(Command command, Map<String, Object> properties) {
        commands.values().removeIf(r -> r.command == command);
    }

    /** The command line, from the launcher. */
    @Override
    public int applyAsInt(String[] args) {
        PrintStream out = StandardOutput.open();
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        String cwd = System.getProperty("bmswb.cwd", System.getProperty("user.dir"));
        boolean debug = System.getenv("BMSWB_DEBUG") != null;
        return run(List.of(args), System.in, out, err, Path.of(cwd).toAbsolutePath(), debug);
    }

    /**
     * Dispatches one command line; flushes {@code out} and {@code err} before returning. Output
     * that could not be written (a full disk, a closed pipe) is a failure: status 1 with one
     * line saying so, unless the command already failed.
     */
    int run(List<String> args, InputStream in, PrintStream out, PrintStream err, Path cwd, boolean debug) {
        try {
            int status = dispatch(args, in, out, err, cwd, debug);
            if (status == 0 && out.checkError()) {
                err.println("bmswb: cannot write the output: " + StandardOutput.reason(out));
                return 1;
            }
            return status;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int dispatch(List<String> args, InputStream in, PrintStream out, PrintStream err, Path cwd, boolean debug) {
        if (args.isEmpty()) {
            Optional<Command> gui = find(GUI);
            if (gui.isPresent()) {
                return execute(GUI, gui.get(), List.of(), in, out, err, cwd, debug);
            }
            out.print(usage());
            err.println("bmswb: the workbench window is not installed; run one of the commands above");
            return 0;
        }
        String first = args.get(0);
        switch (first) {
            case "--help", "-h", "help" -> {
                if (first.equals("help") && args.size() > 1) {
                    String name = args.get(1);
                    Optional<Command> command = find(name);
                    if (command.isEmpty()) {
                        return unknownCommand(name, err);
                    }
                    printHelp(command.get(), out);
                    return 0;
                }
                out.print(usage());
                return 0;
            }
            case "--version", "-V" -> {
                out.println("bmswb " + version);
                return 0;
            }
            default -> {
                // a command
            }
        }
        Optional<Command> command = find(first);
        if (command.isEmpty()) {
            if (first.startsWith("-")) {
                err.println("bmswb: unknown option " + first + " (see bmswb --help)");
                return 2;
            }
            return unknownCommand(first, err);
        }
        List<String> rest = args.subList(1, args.size());
        if (asksForHelp(rest)) {
            printHelp(command.get(), out);
            return 0;
        }
        return execute(first, command.get(), rest, in, out, err, cwd, debug);
    }

    private static int execute(String name, Command command, List<String> args, InputStream in, PrintStream out,
            PrintStream err, Path cwd, boolean debug) {
        try {
            int status = command.run(new CommandContext(args, in, out, err, cwd));
            if (status == 0 && out.checkError()) {
                err.println("bmswb " + name + ": cannot write the output: " + StandardOutput.reason(out));
                return 1;
            }
            return status;
        } catch (UsageException e) {
            out.flush();
            err.println("bmswb " + name + ": " + e.getMessage());
            err.println("Try 'bmswb " + name + " --help'.");
            return 2;
        } catch (CommandFailure e) {
            out.flush();
            err.println("bmswb " + name + ": " + e.getMessage());
            if (debug && e.getCause() != null) {
                e.printStackTrace(err);
            }
            return 1;
        } catch (Exception | LinkageError e) {
            out.flush();
            err.println("bmswb " + name + ": internal error: " + e);
            if (debug) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }

    private static boolean asksForHelp(List<String> args) {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (a.equals("--help") || a.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    private static int unknownCommand(String name, PrintStream err) {
        err.println("bmswb: unknown command '" + name + "' (see bmswb --help)");
        return 2;
    }

    private static void printHelp(Command command, PrintStream out) {
        String help = command.help();
        out.print(help);
        if (!help.endsWith("\n")) {
            out.println();
        }
    }

    private Optional<Command> find(String name) {
        return commands.values().stream().filter(r -> r.name.equals(name)).min(PRECEDENCE).map(Registered::command);
    }

    /** The usage: every installed command with its summary, sorted by name. */
    String usage() {
        Map<String, String> summaries = new TreeMap<>();
        for (Registered r : commands.values()) {
            summaries.computeIfAbsent(r.name, n -> find(n).map(BmswbMain::summaryOf).orElse(""));
        }
        int width = summaries.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder s = new StringBuilder()
                .append("Usage: bmswb [COMMAND] [OPTIONS] [ARGUMENTS]\n")
                .append("BMS Workbench: diagnostics for lithium battery management systems on CAN bus.\n")
                .append("Without a command, opens the workbench window.\n\n")
                .append("Commands:\n");
        if (summaries.isEmpty()) {
            s.append("  (none installed)\n");
        }
        summaries.forEach((name, summary) -> s.append("  ").append(name)
                .append(" ".repeat(width - name.length() + 3)).append(summary).append('\n'));
        return s.append("\nOptions:\n")
                .append("  -h, --help     show this help; 'bmswb COMMAND --help' shows a command's help\n")
                .append("  --version      show the version\n\n")
                .append("Exit status: 0 success, 1 failure, 2 usage error.\n")
                .toString();
    }

    private static String summaryOf(Command command) {
        try {
            return command.summary();
        } catch (RuntimeException e) {
            return "(no summary: " + e + ")";
        }
    }
}
