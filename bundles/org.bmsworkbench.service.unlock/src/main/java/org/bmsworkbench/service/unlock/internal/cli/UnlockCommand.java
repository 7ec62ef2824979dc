package org.bmsworkbench.service.unlock.internal.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.bmsworkbench.bms.BmsSessions;
import org.bmsworkbench.can.Connections;
import org.bmsworkbench.cli.Command;
import org.bmsworkbench.cli.CommandContext;
import org.bmsworkbench.cli.CommandFailure;
import org.bmsworkbench.cli.CommandName;
import org.bmsworkbench.cli.CommandSummary;
import org.bmsworkbench.cli.DeviceOption;
import org.bmsworkbench.cli.UsageException;
import org.bmsworkbench.device.mg.DeviceProfile;
import org.bmsworkbench.service.unlock.ChecklistItem;
import org.bmsworkbench.service.unlock.GuideText;
import org.bmsworkbench.service.unlock.RestartObservation;
import org.bmsworkbench.service.unlock.StepResult;
import org.bmsworkbench.service.unlock.UnlockOptions;
import org.bmsworkbench.service.unlock.UnlockProcedure;
import org.bmsworkbench.service.unlock.UnlockProcedures;
import org.bmsworkbench.service.unlock.UnlockResult;
import org.bmsworkbench.service.unlock.internal.DiagnosisDocument;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code bmswb unlock --connect URI --snapshot FILE.zip --code CODE}: the unlock procedure of the
 * wizard, step by step, with the same checks and the same audit log.
 */
@Component(name = "org.bmsworkbench.service.unlock.cli.unlock", service = Command.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@CommandName("unlock")
@CommandSummary("unlock a BMS in Safety lock with the dealer's code (the wizard's checks, audited)")
public final class UnlockCommand implements Command {
    private final Connections connections;
    private final BmsSessions sessions;
    private final UnlockProcedures procedures;
    private final DeviceProfile profile;

    @Activate
    public UnlockCommand(@Reference Connections connections, @Reference BmsSessions sessions,
            @Reference UnlockProcedures procedures, @Reference DeviceProfile profile) {
        this.connections = connections;
        this.sessions = sessions;
        this.procedures = procedures;
        this.profile = profile;
    }

    @Override
    public CommandLine commandLine(CommandContext context) {
        Run run = new Run(context);
        CommandLine commandLine = new CommandLine(run);
        for (ChecklistItem item : ChecklistItem.values()) {
            OptionSpec flag = OptionSpec.builder("--" + item.flag()).arity("0").type(boolean.class).order(1)
                    .description("confirm the checklist item: " + item.confirmation()).build();
            commandLine.getCommandSpec().addOption(flag);
            run.items.put(item, flag);
        }
        return commandLine;
    }

    @CommandLine.Command(name = "unlock", sortOptions = false, description = {
        "unlock a BMS in Safety lock with the dealer's code (the wizard's checks, audited)",
        "The unlock procedure, as the wizard runs it; nothing is skipped:",
        "  1. the Safety lock is confirmed: the BMS state, error and last errors 1-4 are read and diagnosed (after"
                + " watching the bus for --observe seconds, default 2);",
        "  2. FILE.zip must be a snapshot of this BMS (bmswb snapshot) showing the lock, its manifest intact; without it"
                + " nothing goes further;",
        "  3. the checklist: each item is shown with the Safety lock document's text and asked as a y/N question on"
                + " stderr (answered on stdin), unless its flag is given (--confirm-checklist confirms all three);",
        "  4. CODE (8 hexadecimal digits, spaces or dashes between groups allowed) is checked; the unlock register of"
                + " the MG profile is UNVERIFIED: on a real device (any URI but sim:) the caution is shown and must be"
                + " acknowledged (y/N, or --acknowledge-unverified);",
        "  5. the code is sent; a wrong one is refused by the BMS;",
        "  6. the restart is followed state by state (30 s per phase); with Combined BMS the BMS waits in Standby for a"
                + " start command from the SmartLink MX (--start-wait seconds, default 120);",
        "  7. the result: running, error cleared, no alarm raised, or what is still wrong.",
        "On a bus of many devices the procedure is for the BMS identified on the bus (the MG Master LV by its address"
                + " claim or its traffic), or the one --device ADDR names; the code is sent from an address the"
                + " workbench claims first. Every step, accepted or refused, is appended to the audit log"
                + " (~/.bmsworkbench/audit.log) with the time, serial, URI and the snapshot's SHA-256."},
            footer = {"", "Exit status: 0 the BMS runs again with its alarms cleared; 1 a step was refused (the reason in"
                + " one line), the code was refused, the restart stalled, the BMS waits for its start command, or"
                + " something is still wrong; 2 usage error.", "", "Example:",
                "  bmswb unlock --connect slcan:/dev/ttyACM0 --snapshot lock.zip --code 1A2B-3C4D"})
    final class Run implements Callable<Integer> {
        private final CommandContext context;
        private final Map<ChecklistItem, OptionSpec> items = new EnumMap<>(ChecklistItem.class);

        @Option(names = {"-c", "--connect"}, paramLabel = "URI", order = 0, description = "where the BMS is (required)")
        private String connect;
        @Option(names = "--snapshot", paramLabel = "FILE.zip", order = 0,
                description = "a snapshot of this BMS showing the lock (required)")
        private String snapshot;
        @Option(names = "--code", paramLabel = "CODE", order = 0, description = "the dealer's unlock code (required)")
        private String code;
        @Option(names = "--confirm-checklist", order = 1, description = "confirm the three checklist items")
        private boolean confirmChecklist;
        @Option(names = "--acknowledge-unverified", order = 2,
                description = "acknowledge the unverified unlock register on a real device")
        private boolean acknowledgeUnverified;
        @Option(names = "--observe", paramLabel = "S", order = 2,
                description = "watch the bus for S seconds before the diagnosis (0..60, default 2)")
        private double observe = 2;
        @Option(names = "--start-wait", paramLabel = "S", order = 2,
                description = "how long a Combined BMS may wait for its start command (0..3600, default 120)")
        private double startWait = 120;
        @Mixin
        private DeviceOption.Address device;

        Run(CommandContext context) {
            this.context = context;
        }

        boolean confirmed(ChecklistItem item) {
            return Boolean.TRUE.equals(items.get(item).getValue());
        }

        @Override
        public Integer call() throws UsageException, CommandFailure {
            return run(context, this);
        }
    }

    private int run(CommandContext context, Run args) throws UsageException, CommandFailure {
        String uri = args.connect;
        if (uri == null) {
            throw new UsageException("missing --connect URI");
        }
        String snapshot = args.snapshot;
        if (snapshot == null) {
            throw new UsageException("missing --snapshot FILE.zip: " + GuideText.SNAPSHOT_MANDATORY);
        }
        String code = args.code;
        if (code == null) {
            throw new UsageException("missing --code CODE");
        }
        double observe = seconds("observe", args.observe, 0, 60);
        double startWait = seconds("start-wait", args.startWait, 0, 3600);
        PrintStream out = context.out();
        BufferedReader in = context.in() == null ? null
                : new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8));
        out.println(GuideText.RESTART_WARNING);
        Integer node = LiveDevice.device(args.device);
        try (LiveDevice device = LiveDevice.open(connections, sessions, uri, node)) {
            Thread.sleep((long) (observe * 1000));
            UnlockOptions options = UnlockOptions.defaults().withStartCommandWait(Duration.ofMillis((long) (startWait * 1000)))
                    .withNode(node);
            try (UnlockProcedure procedure = procedures.start(device.connection, device.session.model(), options)) {
                AtomicReference<String> lastMessage = new AtomicReference<>("");
                procedure.addListener(state -> {
                    if (state.busy() && !state.message().equals(lastMessage.getAndSet(state.message()))) {
                        out.println("  " + state.message());
                    }
                });
                step(out, procedure.confirmLock());
                if (procedure.state().diagnosis() != null) {
                    DiagnosisDocument.lines(procedure.state().diagnosis()).forEach(l -> out.println("  " + l));
                }
                step(out, procedure.useSnapshot(context.resolve(snapshot)));
                step(out, procedure.confirmChecklist(checklist(context, args, in)));
                boolean ack = false;
                if (procedure.acknowledgementNeeded()) {
                    context.err().println(profile.unlockSettings().caution());
                    ack = args.acknowledgeUnverified || ask(context, in,
                            "Send the code to the unverified register " + profile.unlockSettings().registerHex()
                                    + " anyway? [y/N] ");
                }
                step(out, procedure.enterCode(code, ack));
                out.println(GuideText.RESTART_WARNING);
                out.println(GuideText.DC_LOADS);
                step(out, procedure.sendCode());
                UnlockResult result = procedure.result().get(2, TimeUnit.HOURS);
                for (RestartObservation o : procedure.state().restart()) {
                    out.printf(Locale.ROOT, "  %6.1f s  %s%n", o.after().toMillis() / 1000.0, o.state());
                }
                out.println("Result: " + result.outcome() + ": " + result.summary());
                if (!result.success()) {
                    throw new CommandFailure(result.summary());
                }
                return 0;
            }
        } catch (ExecutionException e) {
            throw new CommandFailure("the procedure failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new CommandFailure("the procedure did not end in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("interrupted");
        }
    }

    /** Waits for a step; prints it; a refusal ends the command with its reason. */
    private static void step(PrintStream out, CompletableFuture<StepResult> future)
            throws CommandFailure, ExecutionException, TimeoutException, InterruptedException {
        StepResult r = future.get(30, TimeUnit.MINUTES);
        out.println(r.step().number() + "/7 " + r.step().title() + ": " + (r.accepted() ? "done" : "REFUSED") + " - "
                + r.reason());
        if (!r.accepted()) {
            throw new CommandFailure(r.reason());
        }
    }

    private static Set<ChecklistItem> checklist(CommandContext context, Run args, BufferedReader in) {
        Set<ChecklistItem> confirmed = EnumSet.noneOf(ChecklistItem.class);
        for (ChecklistItem item : ChecklistItem.values()) {
            if (args.confirmChecklist || args.confirmed(item)) {
                context.out().println(item.guideText());
                context.out().println("  confirmed (--" + (args.confirmed(item) ? item.flag() : "confirm-checklist")
                        + "): " + item.confirmation());
                confirmed.add(item);
            } else {
                context.err().println(item.guideText());
                if (ask(context, in, item.confirmation() + " [y/N] ")) {
                    confirmed.add(item);
                }
            }
        }
        return confirmed;
    }

    private static boolean ask(CommandContext context, BufferedReader in, String question) {
        context.err().print(question);
        context.err().flush();
        String answer = null;
        try {
            answer = in == null ? null : in.readLine();
        } catch (IOException e) {
            // no answer
        }
        if (answer == null || System.console() == null) {
            context.err().println(); // the answer was not typed on a terminal: end the prompt's line
        }
        if (answer == null) {
            return false;
        }
        String a = answer.strip().toLowerCase(Locale.ROOT);
        return a.equals("y") || a.equals("yes");
    }

    private static double seconds(String name, double v, double min, double max) throws UsageException {
        if (!(v >= min && v <= max)) {
            throw new UsageException("--" + name + " " + LiveDevice.number(v) + " is outside " + (long) min
                    + ".." + (long) max + " seconds");
        }
        return v;
    }
}
