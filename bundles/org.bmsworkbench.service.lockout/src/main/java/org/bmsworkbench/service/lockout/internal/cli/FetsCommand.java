package org.bmsworkbench.service.lockout.internal.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bmsworkbench.bms.BmsSessions;
import org.bmsworkbench.bms.fets.FetCommand;
import org.bmsworkbench.bms.fets.FetControl;
import org.bmsworkbench.bms.fets.FetResult;
import org.bmsworkbench.can.Connections;
import org.bmsworkbench.can.PlaybackControl;
import org.bmsworkbench.cli.Command;
import org.bmsworkbench.cli.CommandContext;
import org.bmsworkbench.cli.CommandFailure;
import org.bmsworkbench.cli.CommandName;
import org.bmsworkbench.cli.CommandSummary;
import org.bmsworkbench.cli.UsageException;
import org.bmsworkbench.service.lockout.FetSwitching;
import org.bmsworkbench.service.lockout.LockoutDiagnosis;
import org.bmsworkbench.service.lockout.Protection;
import org.bmsworkbench.service.lockout.internal.FetSwitcher;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code bmswb fets --connect URI [--charge on|off] [--discharge on|off] [--yes]}: a cell-level
 * BMS's MOSFETs and the diagnosis of its lockout; with a switch, the guarded and audited switching
 * of {@link FetSwitching}.
 */
@Component(name = "org.bmsworkbench.service.lockout.cli.fets", service = Command.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@CommandName("fets")
@CommandSummary("show a cell-level BMS's MOSFETs and why it locked out; switch them (guarded, audited)")
public final class FetsCommand implements Command {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final long TICK_MILLIS = 100;

    private final Connections connections;
    private final BmsSessions sessions;
    private final FetSwitching switching;
    private final Duration connectTimeout;

    @Activate
    public FetsCommand(@Reference Connections connections, @Reference BmsSessions sessions,
            @Reference FetSwitching switching) {
        this(connections, sessions, switching, CONNECT_TIMEOUT);
    }

    FetsCommand(Connections connections, BmsSessions sessions, FetSwitching switching, Duration connectTimeout) {
        this.connections = connections;
        this.sessions = sessions;
        this.switching = switching;
        this.connectTimeout = connectTimeout;
    }

    @Override
    public CommandLine commandLine(CommandContext context) {
        return new CommandLine(new Run(context));
    }

    @CommandLine.Command(name = "fets", sortOptions = false, description = {
        "show a cell-level BMS's MOSFETs and why it locked out; switch them (guarded, audited)",
        "Waits for the BMS's values (--wait, default 10 s), then prints the charge and discharge MOSFETs, every"
                + " protection the BMS reports active (the BMS still sees the cause) or cleared this session, and the"
                + " warnings: what each means, what causes it, what to check.",
        "With --charge or --discharge it switches them through the BMS's protocol (JBD, Daly, ...): refused while a"
                + " protection that opens the MOSFET to be switched on is still active (named, with what to check),"
                + " on a listen-only connection (mode=listen-only), on a recording (replay:, snapshot:), and when the"
                + " BMS's protocol offers no switching; otherwise it asks 'Send charge on to the jbd BMS on URI? [y/N]'"
                + " on stderr (answered on stdin) unless --yes, sends, and prints what the BMS reported back. Nothing"
                + " is ever sent without a switch option. Every attempt (refused, not confirmed, sent, and how the"
                + " BMS answered: confirmed, rejected, no answer) is a line of the audit log"
                + " (~/.bmsworkbench/audit.log, steps switch-fets and switch-fets-result)."},
            footer = {"", "Exit status: 0 shown, or switched and confirmed by the BMS; 1 refused (the reason in one"
                + " line), not confirmed at the prompt, rejected by the BMS, no answer, no values from the BMS in"
                + " time, cannot connect; 2 usage error, and a URI that cannot be used.", "", "Examples:",
                "  bmswb fets --connect 'sim:?device=jbd&scenario=cell-over-voltage'",
                "  bmswb fets --connect 'serial:/dev/ttyUSB0?protocol=jbd' --charge on --wait-clear 120",
                "  bmswb fets --connect 'sim:?device=jbd' --discharge off --yes --format jsonl"})
    final class Run implements Callable<Integer> {
        private final CommandContext context;

        @Option(names = {"-c", "--connect"}, paramLabel = "URI", order = 0, description = "where the BMS is (required)")
        private String connect;
        @Option(names = "--protocol", paramLabel = "ID", order = 0,
                description = "the BMS's protocol (jbd, daly, ...); default auto")
        private String protocol = "auto";
        @Option(names = "--charge", paramLabel = "on|off", order = 1, description = "switch the charge MOSFET")
        private String charge;
        @Option(names = "--discharge", paramLabel = "on|off", order = 1, description = "switch the discharge MOSFET")
        private String discharge;
        @Option(names = {"-y", "--yes"}, order = 1, description = "switch without asking")
        private boolean yes;
        @Option(names = "--wait", paramLabel = "S", order = 2,
                description = "how long to wait for the BMS's values (1..600, default 10)")
        private double wait = 10;
        @Option(names = "--wait-clear", paramLabel = "S", order = 2, description = "with a switch: wait up to S seconds"
                + " for a protection that holds the MOSFET off to clear before refusing (0..3600, default 0)")
        private double waitClear;
        @Option(names = "--format", paramLabel = "table|jsonl", order = 2,
                description = "table (default) or jsonl: one object for the state, one for the result")
        private String format = "table";

        Run(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws UsageException, CommandFailure {
            return run(context, this);
        }
    }

    private int run(CommandContext context, Run args) throws UsageException, CommandFailure {
        if (args.connect == null) {
            throw new UsageException("missing --connect URI");
        }
        Boolean charge = onOff("charge", args.charge);
        Boolean discharge = onOff("discharge", args.discharge);
        FetCommand command = charge == null && discharge == null ? null : new FetCommand(charge, discharge);
        double wait = seconds("wait", args.wait, 1, 600);
        double waitClear = seconds("wait-clear", args.waitClear, 0, 3600);
        boolean jsonl = switch (args.format) {
            case "table" -> false;
            case "jsonl" -> true;
            default -> throw new UsageException("--format: expected one of table, jsonl, got '" + args.format + "'");
        };
        if (args.protocol == null || args.protocol.isBlank()) {
            throw new UsageException("--protocol needs a value");
        }
        FetsOutput output = new FetsOutput(context.out(), jsonl);
        try (LiveBms bms = LiveBms.open(connections, sessions, args.connect, args.protocol.strip(), connectTimeout)) {
            boolean neverSends = bms.connection.listenOnly() || bms.connection.control(PlaybackControl.class).isPresent();
            boolean values = command != null && neverSends || awaitValues(bms, command != null, wait);
            LockoutDiagnosis diagnosis = LockoutDiagnosis.of(bms.session.model());
            output.state(args.connect, bms.session.activeProtocols(), diagnosis, switching.control(bms.session));
            if (!values && command == null) {
                throw new CommandFailure(noValues(bms, wait));
            }
            if (command == null) {
                return 0;
            }
            if (waitClear > 0) {
                awaitClear(context, bms, command, waitClear);
            }
            Optional<String> refusal = switching.refusal(bms.session, command);
            if (refusal.isEmpty() && !args.yes) {
                String control = switching.control(bms.session).map(FetControl::protocol).orElse("?");
                if (!confirmed(context, "Send " + command + " to the " + control + " BMS on " + args.connect
                        + "? [y/N] ")) {
                    await(switching.declined(bms.session, command, "not confirmed at the prompt"));
                    output.result(command, "cancelled", "not confirmed at the prompt; nothing was sent", null, null,
                            List.of());
                    throw new CommandFailure("not switched: not confirmed");
                }
            }
            FetResult result = await(switching.apply(bms.session, command));
            output.result(command, result.outcome().name().toLowerCase(Locale.ROOT), result.detail(), result.charge(),
                    result.discharge(), result.sent().stream().map(f -> f.dataHex()).toList());
            if (result.outcome() != FetResult.Outcome.CONFIRMED) {
                throw new CommandFailure((result.outcome() == FetResult.Outcome.REFUSED ? "refused: "
                        : result.outcome() == FetResult.Outcome.REJECTED ? "rejected by the BMS: "
                        : "no confirmation: ") + result.detail());
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("interrupted");
        } finally {
            context.out().flush();
        }
    }

    private static String noValues(LiveBms bms, double wait) {
        List<String> protocols = bms.session.activeProtocols();
        return "no MOSFET or protection state from the BMS within " + number(wait) + " s ("
                + (protocols.isEmpty() ? "no protocol recognised" : "protocol " + String.join(", ", protocols))
                + "; is a cell-level BMS such as a JBD or Daly at " + bms.connection.uri() + "?)";
    }

    /**
     * Waits until the model has the MOSFET or protection state; with a switch asked, until it has
     * both a MOSFET's and a protection's state (a make may send them in separate answers).
     */
    private static boolean awaitValues(LiveBms bms, boolean switching, double seconds) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (true) {
            LockoutDiagnosis d = LockoutDiagnosis.of(bms.session.model());
            boolean fets = d.fetCharge() != null || d.fetDischarge() != null;
            if (switching ? fets && FetSwitcher.protectionsKnown(bms.session) : d.cellLevel()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(TICK_MILLIS);
        }
    }

    /** Waits while a protection holds a MOSFET to be switched on off, saying so once. */
    private static void awaitClear(CommandContext context, LiveBms bms, FetCommand command, double seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        boolean said = false;
        while (true) {
            List<Protection> blocking = blocking(LockoutDiagnosis.of(bms.session.model()), command);
            if (blocking.isEmpty()) {
                if (said) {
                    context.err().println("bmswb fets: cleared");
                }
                return;
            }
            if (System.nanoTime() > deadline) {
                return;
            }
            if (!said) {
                context.err().println("bmswb fets: waiting up to " + number(seconds) + " s for "
                        + String.join(", ", blocking.stream().map(p -> p.label().toLowerCase(Locale.ROOT)).toList())
                        + " to clear …");
                said = true;
            }
            Thread.sleep(TICK_MILLIS);
        }
    }

    private static List<Protection> blocking(LockoutDiagnosis d, FetCommand command) {
        List<Protection> list = new java.util.ArrayList<>();
        if (Boolean.TRUE.equals(command.charge())) {
            list.addAll(d.blocking(true));
        }
        if (Boolean.TRUE.equals(command.discharge())) {
            d.blocking(false).stream().filter(p -> !list.contains(p)).forEach(list::add);
        }
        return list;
    }

    private static Boolean onOff(String option, String value) throws UsageException {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "on" -> Boolean.TRUE;
            case "off" -> Boolean.FALSE;
            default -> throw new UsageException("--" + option + ": expected on or off, got '" + value + "'");
        };
    }

    private static double seconds(String option, double value, double min, double max) throws UsageException {
        if (!(value >= min && value <= max)) {
            throw new UsageException("--" + option + ": expected seconds in " + number(min) + ".." + number(max)
                    + ", got " + number(value));
        }
        return value;
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static boolean confirmed(CommandContext context, String question) {
        PrintStream err = context.err();
        err.print(question);
        err.flush();
        if (context.in() == null) {
            err.println();
            return false;
        }
        try {
            String answer = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8)).readLine();
            if (answer == null) {
                err.println();
                return false;
            }
            String a = answer.strip().toLowerCase(Locale.ROOT);
            return a.equals("y") || a.equals("yes");
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits for a future of the switching service, which always completes; the limit guards against a broken one. */
    private static <T> T await(java.util.concurrent.CompletableFuture<T> future) throws CommandFailure,
            InterruptedException {
        long limit = FetSwitcher.RESULT_TIMEOUT.toMillis() + 15_000;
        try {
            return future.get(limit, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new CommandFailure("the MOSFET switching gave no result within " + limit / 1000 + " s");
        } catch (ExecutionException e) {
            throw new CommandFailure("the MOSFET switching failed: " + e.getCause(), e.getCause());
        }
    }
}
