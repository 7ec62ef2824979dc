package org.bmsworkbench.cli.internal;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.bmsworkbench.cli.Command;
import org.bmsworkbench.cli.CommandContext;
import org.bmsworkbench.cli.CommandRunner;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code bmswb} entry point. The launcher finds this service with {@code (bmswb.entry=main)}
 * and calls {@link #applyAsInt(String[])} on the JVM main thread with the command line; the
 * result is the process exit status. Sub-commands are {@link Command} services, bound as they
 * come and go; when two share a {@code command.name}, the one with the higher service ranking
 * (then the lower service id) runs.
 */
@Component(name = "org.bmsworkbench.cli.main", service = ToIntFunction.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@BmswbEntry("main")
@BmswbOffline({"--help", "-h", "help", "--version", "-V", CompletionCommand.NAME})
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

    /**
     * A registered command. Its component is activated only when the command is run, shown
     * ({@code bmswb CMD --help}) or completed: running {@code protocols} does not start the
     * window's or the unlock service's components, and {@code bmswb --help} lists a command with a
     * {@code summary} ({@code command.summary}) without activating it.
     */
    private record Registered(String name, String summary, int ranking, long serviceId, Object key,
            Supplier<Command> service) {
        /** Runs before {@code other} for the same name: higher ranking, then lower service id. */
        boolean precedes(Registered other) {
            return ranking != other.ranking ? ranking > other.ranking : serviceId < other.serviceId;
        }
    }

    /*
     * What every command's start runs (binding, choosing, listing) is written without lambdas and
     * streams: class-data sharing holds this bundle's classes, but each lambda is spun anew by
     * every process (about a millisecond apiece at start-up).
     */

    /** A command's component, activated when {@link #get()} is first called. */
    private static final class ComponentCommand implements Supplier<Command> {
        private final ComponentServiceObjects<Command> objects;

        ComponentCommand(ComponentServiceObjects<Command> objects) {
            this.objects = objects;
        }

        @Override
        public Command get() {
            return objects.getService();
        }
    }

    @Reference(service = Command.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "unbindCommand")
    void bindCommand(ComponentServiceObjects<Command> command, Map<String, Object> properties) {
        register(properties, command, new ComponentCommand(command));
    }

    void unbindCommand(ComponentServiceObjects<Command> command, Map<String, Object> properties) {
        Object id = properties.get(Constants.SERVICE_ID);
        for (Iterator<Registered> i = commands.values().iterator(); i.hasNext(); ) {
            Registered r = i.next();
            if (r.key == command || id instanceof Long l && r.serviceId == l) {
                i.remove();
            }
        }
    }

    /** A command object, as tests add them. */
    void addCommand(Command command, Map<String, Object> properties) {
        register(properties, command, () -> command);
    }

    /** A command made when it is first asked for, as a component is activated; for tests. */
    void addCommand(Map<String, Object> properties, Supplier<Command> service) {
        register(properties, service, service);
    }

    void removeCommand(Command command, Map<String, Object> properties) {
        commands.values().removeIf(r -> r.key == command);
    }

    private void register(Map<String, Object> properties, Object key, Supplier<Command> service) {
        String name = property(properties, "command.name");
        if (name == null || name.isBlank()) {
            return; // not reachable by any command line
        }
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        Object id = properties.get(Constants.SERVICE_ID);
        long serviceId = id instanceof Long l ? l : System.identityHashCode(key);
        commands.put(serviceId, new Registered(name, property(properties, "command.summary"),
                ranking instanceof Integer r ? r : 0, serviceId, key, service));
    }

    /** A string service property (the first of an array), or null. */
    private static String property(Map<String, Object> properties, String key) {
        Object value = properties.get(key);
        if (value instanceof String[] values) {
            value = values.length > 0 ? values[0] : null;
        }
        return value == null ? null : value.toString();
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
        CommandContext context = new CommandContext(in, out, err, cwd);
        if (args.isEmpty()) {
            Optional<Command> gui = find(GUI);
            if (gui.isPresent()) {
                return execute(GUI, gui.get(), List.of(), context, debug);
            }
            out.print(usage(context));
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
                    return execute(name, command.get(), List.of("--help"), context, debug);
                }
                out.print(usage(context));
                return 0;
            }
            case "--version", "-V" -> {
                out.println("bmswb " + version);
                out.println("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor")
                        + ") on " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                        + " " + System.getProperty("os.arch"));
                return 0;
            }
            case CompletionCommand.NAME -> {
                if (find(first).isEmpty()) {
                    return CommandRunner.run(first, new CompletionCommand(() -> root(context)).commandLine(context),
                            args.subList(1, args.size()), context, debug);
                }
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
        return execute(first, command.get(), args.subList(1, args.size()), context, debug);
    }

    private static int execute(String name, Command command, List<String> args, CommandContext context, boolean debug) {
        CommandLine commandLine;
        try {
            commandLine = command.commandLine(context);
        } catch (RuntimeException | LinkageError e) {
            context.err().println("bmswb " + name + ": internal error: " + e);
            if (debug) {
                e.printStackTrace(context.err());
            }
            return 1;
        }
        int status = CommandRunner.run(name, commandLine, args, context, debug);
        if (status == 0 && context.out().checkError()) {
            context.err().println("bmswb " + name + ": cannot write the output: " + StandardOutput.reason(context.out()));
            return 1;
        }
        return status;
    }

    private static int unknownCommand(String name, PrintStream err) {
        err.println("bmswb: unknown command '" + name + "' (see bmswb --help)");
        return 2;
    }

    /** The command that runs for {@code name}, its component activated; empty when none is (or it cannot start). */
    private Optional<Command> find(String name) {
        Registered chosen = chosen(name);
        return chosen == null ? Optional.empty() : Optional.ofNullable(chosen.service().get());
    }

    /** The registration that runs for {@code name}, not activated; null when there is none. */
    private Registered chosen(String name) {
        Registered chosen = null;
        for (Registered r : commands.values()) {
            if (r.name.equals(name) && (chosen == null || r.precedes(chosen))) {
                chosen = r;
            }
        }
        return chosen;
    }

    /**
     * The usage: every installed command with the first line of its description, sorted by name.
     * A command that has its {@code command.summary} is listed from it, not activated; one without
     * is activated and its command line built, to read its description.
     */
    String usage(CommandContext context) {
        return root(context, false).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    /**
     * {@code bmswb} as one picocli command with every installed command (and {@code completion})
     * under it, built on demand: for the completion script, never for running one command.
     */
    CommandLine root(CommandContext context) {
        return root(context, true);
    }

    /**
     * {@code bmswb} as one picocli command with every installed command under it: with {@code whole},
     * each command's own command line (its component activated); else, where the command has a
     * {@code command.summary}, a command line that only holds that summary, which is all the usage shows.
     */
    private CommandLine root(CommandContext context, boolean whole) {
        CommandSpec spec = CommandSpec.create().name("bmswb");
        spec.usageMessage()
                .description("BMS Workbench: diagnostics for lithium battery management systems on CAN bus.",
                        "Without a command, opens the workbench window.")
                .commandListHeading("%nCommands:%n")
                .footer("", "'bmswb COMMAND --help' shows a command's help.",
                        "Exit status: 0 success, 1 failure, 2 usage error.");
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("show this help; 'bmswb COMMAND --help' shows a command's help").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("show the version, the Java version and the operating system").build());
        CommandLine root = new CommandLine(spec);
        root.setUsageHelpWidth(CommandRunner.USAGE_WIDTH);
        Map<String, CommandLine> byName = new TreeMap<>();
        for (Registered r : commands.values()) {
            if (byName.containsKey(r.name)) {
                continue;
            }
            Registered chosen = chosen(r.name);
            if (chosen == null) {
                continue; // left in the meantime
            }
            if (!whole && chosen.summary() != null) {
                byName.put(r.name, listed(r.name, chosen.summary(), context));
            } else {
                Command command = chosen.service().get();
                if (command != null) {
                    byName.put(r.name, shown(r.name, command, context));
                }
            }
        }
        if (!byName.containsKey(CompletionCommand.NAME)) {
            byName.put(CompletionCommand.NAME, whole ? CommandRunner.prepare(CompletionCommand.NAME,
                    new CompletionCommand(() -> root(context)).commandLine(context), context)
                    : listed(CompletionCommand.NAME, CompletionCommand.SUMMARY, context));
        }
        for (Map.Entry<String, CommandLine> e : byName.entrySet()) {
            root.addSubcommand(e.getKey(), e.getValue());
        }
        return root;
    }

    /** A command as the usage lists it: its name and {@code summary}, nothing else declared or activated. */
    private static CommandLine listed(String name, String summary, CommandContext context) {
        CommandSpec spec = CommandSpec.create();
        spec.usageMessage().description(summary);
        return CommandRunner.prepare(name, new CommandLine(spec), context);
    }

    /** A command's command line as shown in the usage; a broken command is listed with what is wrong. */
    private static CommandLine shown(String name, Command command, CommandContext context) {
        try {
            return CommandRunner.prepare(name, command.commandLine(context), context);
        } catch (RuntimeException | LinkageError e) {
            CommandSpec broken = CommandSpec.create();
            broken.usageMessage().description("(cannot be shown: " + e + ")");
            return new CommandLine(broken);
        }
    }
}
