package org.bmsworkbench.cli.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bmsworkbench.bms.registers.RegisterAccess;
import org.bmsworkbench.bms.registers.RegisterField;
import org.bmsworkbench.bms.registers.RegisterInfo;
import org.bmsworkbench.bms.registers.RegisterResult;
import org.bmsworkbench.bms.network.BusNetworks;
import org.bmsworkbench.bms.network.BusPresence;
import org.bmsworkbench.bms.registers.RequestOptions;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.Connections;
import org.bmsworkbench.cli.Command;
import org.bmsworkbench.cli.CommandContext;
import org.bmsworkbench.cli.CommandFailure;
import org.bmsworkbench.cli.CommandName;
import org.bmsworkbench.cli.CommandSummary;
import org.bmsworkbench.cli.DeviceOption;
import org.bmsworkbench.cli.UsageException;
import org.bmsworkbench.cli.internal.live.BmsLocator;
import org.bmsworkbench.cli.internal.live.LiveConnection;
import org.bmsworkbench.cli.internal.live.StopSignal;
import org.bmsworkbench.cli.internal.live.ValueText;
import org.bmsworkbench.cli.internal.vreg.RegisterNumbers;
import org.bmsworkbench.cli.internal.vreg.RegisterText;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bmswb vreg list|read|write}: the VREG catalogue, and registers read and written over a connection. */
@Component(name = "org.bmsworkbench.cli.vreg", service = Command.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@CommandName("vreg")
@CommandSummary("the VREG register catalogue; read and write registers of a BMS")
public final class VregCommand implements Command {
    /** How long a BMS without --device is looked for on the bus. */
    static final Duration LOCATE_WAIT = Duration.ofSeconds(4);

    private final Connections connections;
    private final RegisterAccess access;
    private final BusNetworks networks;
    private final BusPresence presence;
    private final Duration connectTimeout;
    private final Duration locateWait;

    @Activate
    public VregCommand(@Reference Connections connections, @Reference RegisterAccess access,
            @Reference BusNetworks networks, @Reference BusPresence presence) {
        this(connections, access, networks, presence, LiveConnection.CONNECT_TIMEOUT, LOCATE_WAIT);
    }

    VregCommand(Connections connections, RegisterAccess access, BusNetworks networks, BusPresence presence,
            Duration connectTimeout, Duration locateWait) {
        this.locateWait = locateWait;
        this.connections = connections;
        this.access = access;
        this.networks = networks;
        this.presence = presence;
        this.connectTimeout = connectTimeout;
    }

    @Override
    public CommandLine commandLine(CommandContext context) {
        return new CommandLine(new Vreg()).addSubcommand(new CommandLine(new ListRun(context)))
                .addSubcommand(new CommandLine(new ReadRun(context))).addSubcommand(new CommandLine(new WriteRun(context)));
    }

    private static final String EXIT = "Exit status: 0 done; 1 a register could not be read, a write was refused (by"
            + " the catalogue, by the BMS with its ACK code, or not confirmed at the prompt) or not confirmed by the BMS,"
            + " cannot connect; 2 usage error, and a URI that cannot be used, said in one line.";
    private static final String REG = "REG is a register id in hex (0x0FFF) or decimal (4095)";

    @CommandLine.Command(name = "vreg", description = {"the VREG register catalogue; read and write registers of a BMS",
        "bmswb vreg list · vreg read [--connect URI] [--device ADDR] REG... · vreg write [--connect URI]"
                + " [--device ADDR] [--yes] REG VALUE; 'bmswb vreg COMMAND --help' says more."},
            footer = {"", EXIT, "", "Examples:", "  bmswb vreg list",
                "  bmswb vreg read --connect 'sim:?protocol=nmea2000' 0x0102 0x0FFF 0x0371",
                "  bmswb vreg write --connect 'sim:?protocol=nmea2000' 0x0374 2"})
    static final class Vreg {
    }

    /** Where the BMS is: the options read and write share. */
    static final class Target {
        @Option(names = {"-c", "--connect"}, paramLabel = "URI", description = "where the BMS is (default sim:); VREG"
                + " travels on an NMEA 2000 bus, e.g. 'sim:?protocol=nmea2000', slcan:/dev/ttyACM0")
        private String connect;
        @Mixin
        private DeviceOption.Address device;
        @Option(names = "--node", paramLabel = "ADDR", description = "the same as --device")
        private String node;
        @Option(names = "--listen-only", description = "refused: read and write send requests")
        private boolean listenOnly;
    }

    private static final String DEVICE = "--device: the BMS's address, 0x50 or 80. Default: the MG Master LV found on"
            + " the bus: the workbench claims an address of its own, asks every device for its address claim and takes"
            + " the one with manufacturer code 1160 (or identified by its traffic) within 4 s; several or none is an"
            + " error that says so.";

    @CommandLine.Command(name = "list", description = {"list the registers of the catalogue",
        "The registers of the catalogue (MG Master LV guide 1.5.4.2): id, name, model keys, type, unit, access (R or RW),"
                + " when the BMS broadcasts it (periodic, on change), and the range a write may carry."},
            footer = {"", EXIT})
    final class ListRun implements Callable<Integer> {
        private final CommandContext context;

        ListRun(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            return list(context);
        }
    }

    @CommandLine.Command(name = "read", description = {"read registers from the BMS",
        "Reads each register from the BMS and prints id, name, value with unit and label, and the raw bytes in hex;"
                + " a register that fails shows why (no answer, the ACK code in words). " + REG + ".", DEVICE},
            footer = {"", EXIT})
    final class ReadRun implements Callable<Integer> {
        private final CommandContext context;
        @Mixin
        private Target target;
        @Parameters(paramLabel = "REG", arity = "1..*", description = "the registers to read")
        private List<String> registers;

        ReadRun(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws UsageException, CommandFailure {
            try {
                return read(context, target, registers);
            } catch (LiveConnection.UnusableUri e) {
                context.err().println("bmswb vreg: " + e.getMessage());
                return 2;
            }
        }
    }

    @CommandLine.Command(name = "write", description = {"write a setting to the BMS",
        "Checks VALUE against the catalogue (read-only, range) before anything is sent, reads the current value, asks"
                + " 'write 0x0374 sync_group: 0 → 2? [y/N]' on stderr (answered on stdin) unless --yes, writes, and"
                + " prints the value the BMS confirmed or read back. " + REG + "; VALUE is in the register's unit"
                + " (settings are whole numbers, e.g. 2).", DEVICE},
            footer = {"", EXIT})
    final class WriteRun implements Callable<Integer> {
        private final CommandContext context;
        @Mixin
        private Target target;
        @Option(names = {"-y", "--yes"}, description = "write without asking")
        private boolean yes;
        @Parameters(index = "0", paramLabel = "REG", description = "the register")
        private String register;
        @Parameters(index = "1", paramLabel = "VALUE", description = "the value, in the register's unit")
        private String value;

        WriteRun(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws UsageException, CommandFailure {
            try {
                return write(context, target, yes, register, value);
            } catch (LiveConnection.UnusableUri e) {
                context.err().println("bmswb vreg: " + e.getMessage());
                return 2;
            }
        }
    }

    private int list(CommandContext context) {
        TextTable table = new TextTable(RegisterText.listHeader());
        for (RegisterInfo r : access.catalogue().registers()) {
            table.row(RegisterText.listRow(r));
        }
        table.print(context.out());
        return 0;
    }

    private int read(CommandContext context, Target args, List<String> regs)
            throws UsageException, CommandFailure, LiveConnection.UnusableUri {
        List<Integer> registers = new ArrayList<>();
        for (String reg : regs) {
            registers.add(RegisterNumbers.register(reg));
        }
        checkSending(args);
        List<RegisterResult> results;
        RequestOptions options;
        try (LiveConnection live = connect(args)) {
            options = options(args, live.connection());
            results = await(access.readAll(live.connection(), registers, options), options, registers.size());
        }
        TextTable table = new TextTable("REGISTER", "NAME", "VALUE", "RAW");
        List<RegisterResult> failed = new ArrayList<>();
        for (RegisterResult r : results) {
            RegisterInfo info = access.catalogue().find(r.register()).orElse(null);
            String name = info == null ? "(not in the catalogue)" : info.name();
            if (r.ok()) {
                table.row(r.registerHex(), name, RegisterText.values(info, r.values()), r.data());
            } else {
                failed.add(r);
                table.row(r.registerHex(), name, "error: " + describe(r), "");
            }
        }
        table.print(context.out());
        if (failed.size() == 1) {
            throw new CommandFailure(failed.get(0).registerHex() + ": " + describe(failed.get(0)));
        }
        if (!failed.isEmpty()) {
            throw new CommandFailure(failed.size() + " of " + results.size() + " registers could not be read");
        }
        return 0;
    }

    private int write(CommandContext context, Target args, boolean yes, String reg, String text)
            throws UsageException, CommandFailure, LiveConnection.UnusableUri {
        int register = RegisterNumbers.register(reg);
        BigDecimal value = RegisterNumbers.value(text);
        checkSending(args);
        RegisterInfo info = access.catalogue().find(register).orElseThrow(() -> new CommandFailure(String.format(
                "register 0x%04X is not in the catalogue (see bmswb vreg list); nothing was sent", register)));
        String refusal = RegisterNumbers.refusal(info, value);
        if (refusal != null) {
            throw new CommandFailure(refusal);
        }
        RegisterField field = info.fields().get(0);
        Number number = RegisterNumbers.asNumber(value);
        String name = info.idHex() + " " + RegisterText.shortKey(field.key());
        PrintStream err = context.err();
        try (LiveConnection live = connect(args)) {
            Connection connection = live.connection();
            RequestOptions options = options(args, connection);
            RegisterResult old = await(access.read(connection, register, options), options, 1);
            String oldText = "?";
            if (old.ok() && old.values().containsKey(field.key())) {
                oldText = ValueText.of(old.values().get(field.key()), field.unit());
            } else {
                err.println("bmswb vreg write: cannot read the current value of " + info.idHex() + ": " + describe(old));
            }
            if (!yes && !confirmed(context, "write " + name + ": " + oldText + " → "
                    + ValueText.of(number, field.unit()) + "? [y/N] ")) {
                throw new CommandFailure("not written: not confirmed");
            }
            RegisterResult r = await(access.write(connection, register, number, options), options, 2);
            if (!r.ok()) {
                throw new CommandFailure(describe(r));
            }
            Object now = r.values().get(field.key());
            context.out().println(name + " = " + (now == null && !r.values().containsKey(field.key())
                    ? ValueText.of(number, field.unit()) : RegisterText.value(info, field, now)) + ": " + r.message());
            return 0;
        }
    }

    private static boolean confirmed(CommandContext context, String question) {
        context.err().print(question);
        context.err().flush();
        if (context.in() == null) {
            context.err().println();
            return false;
        }
        try {
            String answer = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8)).readLine();
            if (answer == null) {
                context.err().println();
                return false;
            }
            String a = answer.strip().toLowerCase(Locale.ROOT);
            return a.equals("y") || a.equals("yes");
        } catch (IOException e) {
            return false;
        }
    }

    /** The result's message, with the ACK code in words when the message does not name it. */
    private static String describe(RegisterResult r) {
        String message = r.message();
        if (r.code() != null) {
            String code = String.format("0x%04X", r.code());
            if (!message.contains(code)) {
                message += " (ACK " + code + ": " + r.outcome().description() + ")";
            }
        }
        return message;
    }

    private static void checkSending(Target args) throws UsageException {
        if (args.listenOnly) {
            throw new UsageException("--listen-only: vreg read and write send requests to the BMS;"
                    + " a listen-only connection cannot (bmswb monitor shows what the BMS broadcasts)");
        }
    }

    /** The request options on {@code connection}: the node given, or the BMS found on the bus. */
    private RequestOptions options(Target args, Connection connection) throws UsageException, CommandFailure {
        RequestOptions defaults = access.defaults(connection);
        DeviceOption device = args.device.value();
        String option = device != null ? "device" : args.node != null ? "node" : null;
        int node;
        if (device != null) {
            node = device.address();
        } else if (option != null) {
            node = RegisterNumbers.node(args.node);
        } else {
            try {
                node = BmsLocator.locate(connection, networks, presence, locateWait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CommandFailure("interrupted");
            }
        }
        try {
            return defaults.towards(node);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + (option == null ? "device" : option) + ": " + e.getMessage());
        }
    }

    private LiveConnection connect(Target args)
            throws UsageException, CommandFailure, LiveConnection.UnusableUri {
        LiveConnection live = LiveConnection.open(connections, LiveOptions.uri(args.connect, false));
        try (StopSignal never = StopSignal.after(Double.POSITIVE_INFINITY)) {
            live.awaitConnected(connectTimeout, never);
            return live;
        } catch (CommandFailure | RuntimeException e) {
            live.close();
            throw e;
        }
    }

    /** Waits for a future that always completes; the limit only guards against a broken implementation. */
    private static <T> T await(CompletableFuture<T> future, RequestOptions options, int requests)
            throws CommandFailure {
        long limit = options.timeout().toMillis() * options.tries() * Math.max(1, requests) * 2 + 5_000;
        try {
            return future.get(limit, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new CommandFailure("the register access gave no result within " + limit / 1000 + " s");
        } catch (ExecutionException e) {
            throw new CommandFailure("the register access failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("interrupted");
        }
    }
}
