package org.bmsworkbench.simulator.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.CanTransportProvider;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.InvalidUriException;
import org.bmsworkbench.cli.Command;
import org.bmsworkbench.cli.CommandContext;
import org.bmsworkbench.cli.CommandFailure;
import org.bmsworkbench.cli.CommandName;
import org.bmsworkbench.cli.CommandSummary;
import org.bmsworkbench.cli.UsageException;
import org.bmsworkbench.device.mg.simulator.SimulatorUnlockCodes;
import org.bmsworkbench.simulator.Scenario;
import org.bmsworkbench.simulator.SimulatorOptions;
import org.bmsworkbench.simulator.cellbms.CellBmsMake;
import org.bmsworkbench.simulator.cellbms.CellBmsOptions;
import org.bmsworkbench.simulator.internal.serve.ServeTarget;
import org.bmsworkbench.simulator.internal.serve.ServedEndpoint;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code bmswb simulate}: the {@code sim:} device served on a real endpoint until Ctrl-C or
 * {@code --duration}, and {@code simulate unlock-code}. The device is opened through the
 * {@code sim} transport service, so it is exactly what {@code sim:} gives; this command only
 * carries frames between it and the endpoint.
 */
@Component(name = "org.bmsworkbench.simulator.simulate", service = Command.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@CommandName("simulate")
@CommandSummary("serve a simulated MG Master LV on SLCAN (pty) or socketcand, a JBD or Daly on a pty; unlock codes")
public final class SimulateCommand implements Command {
    /**
     * Device options, passed to {@code sim:} under the same names ({@code --combined} is a flag):
     * name, value label, description.
     */
    static final List<String[]> DEVICE_OPTIONS = List.of(
            new String[] {"device", "mg|jbd|daly", "the simulated BMS: mg (MG Master LV on CAN, default), jbd or daly"
                    + " (cell-level BMSes that answer when asked, on their UART: serve them on serial:PATH)"},
            new String[] {"protocol", "sma|general-bms|nmea2000", "default general-bms"},
            new String[] {"scenario", "NAME", "normal, charging, discharging, high-temperature, low-temperature-charge,"
                    + " cell-imbalance, over-voltage, under-voltage, short-circuit, safety-lock, comms-loss, network (the"
                    + " BMS among other devices: on nmea2000 MG at 0x50, a Victron battery monitor at 0x41, a charger at"
                    + " 0x42 and a display at 0x20, all claiming their address and answering ISO Requests; on sma and"
                    + " general-bms an inverter's 0x305 and 0x307); for jbd and daly: normal, cell-over-voltage,"
                    + " deep-discharge, cold-charge, inverter-surge, cell-imbalance"},
            new String[] {"serial", "S", "the BMS serial number (default MG0000SIM0000001)"},
            new String[] {"seed", "N", "noise seed (default 1)"},
            new String[] {"speed", "N", "time scale 1-1000 (default 1)"},
            new String[] {"voltage", "V", "nominal pack voltage"},
            new String[] {"series", "N", "cells in series"},
            new String[] {"parallel", "N", "cells in parallel"},
            new String[] {"batteries", "N", "batteries in the system"},
            new String[] {"capacity", "AH", "capacity in Ah"},
            new String[] {"instance", "N", "the battery instance"},
            new String[] {"cells", "N", "jbd and daly: cells in series, 4-32 (default 16 for jbd, 8 for daly)"},
            new String[] {"link", "uart|can", "daly: its UART (default) or its CAN port (29-bit ids, 250 kbit/s; serve it"
                    + " on slcan: or socketcand:)"});
    private static final Pattern SERIAL = Pattern.compile("[\\x21-\\x7E]{1,16}");

    private final CanTransportProvider sim;
    private final Set<CountDownLatch> running = new CopyOnWriteArraySet<>();
    private volatile boolean stopped;

    @Activate
    public SimulateCommand(@Reference(target = "(transport.scheme=sim)") CanTransportProvider sim) {
        this.sim = sim;
    }

    @Deactivate
    void deactivate() {
        stopped = true;
        running.forEach(CountDownLatch::countDown);
    }

    @Override
    public CommandLine commandLine(CommandContext context) {
        Serve serve = new Serve(context);
        CommandLine commandLine = new CommandLine(serve);
        for (String[] o : DEVICE_OPTIONS) {
            OptionSpec option = OptionSpec.builder("--" + o[0]).paramLabel(o[1]).type(String.class)
                    .description(o[2]).order(1).build();
            commandLine.getCommandSpec().addOption(option);
            serve.deviceOptions.put(o[0], option);
        }
        return commandLine.addSubcommand(new CommandLine(new UnlockCode(context)));
    }

    @CommandLine.Command(name = "simulate", sortOptions = false, description = {
        "serve a simulated MG Master LV on SLCAN (pty) or socketcand, a JBD or Daly on a pty; unlock codes",
        "Serves the virtual MG Master LV of sim: on a real endpoint until Ctrl-C or --duration, so that tools nobody here"
                + " wrote can talk to it. The device options are those of a sim: URI (see the simulator's README).",
        "slcan:PATH: the adapter side of SLCAN (LAWICEL) on one end of a pseudo-terminal pair; the program under test"
                + " opens the other end as an SLCAN adapter. It answers S0-S8, s, O, L, C, V, v, N, F, Z0/Z1, M/m and"
                + " t/T/r/R; frames flow while the host has the channel open.",
        "socketcand://HOST:PORT[/BUS]: a socketcand server (the protocol Kayak uses) on HOST:PORT (port 0: any free"
                + " one, printed), offering BUS (default can0). Several clients may connect.",
        "serial:PATH: the UART of a simulated JBD or Daly (--device jbd|daly) on one end of a pseudo-terminal pair; the"
                + " program under test opens the other end as the BMS's serial port and asks; the BMS answers."},
            footer = {"", "Example:", "  socat -d -d pty,raw,echo=0,link=/tmp/bms pty,raw,echo=0,link=/tmp/host",
                "  bmswb simulate --serve slcan:/tmp/bms",
                "  (then e.g. python-can: can.Bus(interface='slcan', channel='/tmp/host', bitrate=500000))",
                "  bmswb simulate --device jbd --scenario cell-over-voltage --serve serial:/tmp/bms",
                "  (then e.g. bmswb monitor --connect serial:/tmp/host?protocol=jbd)", "",
                "Exit status: 0; 2 for a usage error; 1 when the endpoint cannot be opened or fails."})
    final class Serve implements Callable<Integer> {
        private final CommandContext context;
        private final Map<String, OptionSpec> deviceOptions = new LinkedHashMap<>();

        @Option(names = "--combined", order = 2, description = "Combined BMS: after a restart wait for a start command")
        private boolean combined;
        @Option(names = "--serve", paramLabel = "slcan:PATH|serial:PATH|socketcand://HOST:PORT[/BUS]", order = 3,
                description = "where to serve the device (required)")
        private String serve;
        @Option(names = "--duration", paramLabel = "S", order = 4,
                description = "stop after S seconds (default: run until Ctrl-C)")
        private String duration;

        Serve(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws UsageException, CommandFailure {
            if (serve == null) {
                throw new UsageException("missing --serve slcan:PATH|serial:PATH|socketcand://HOST:PORT[/BUS]");
            }
            ServeTarget target;
            try {
                target = ServeTarget.parse(serve);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--serve " + e.getMessage());
            }
            double seconds = 0;
            if (duration != null) {
                try {
                    seconds = Double.parseDouble(duration);
                } catch (NumberFormatException e) {
                    seconds = Double.NaN;
                }
                if (!(seconds > 0 && Double.isFinite(seconds))) {
                    throw new UsageException("--duration: expected a positive number of seconds, got '" + duration + "'");
                }
            }
            Map<String, String> given = new LinkedHashMap<>();
            deviceOptions.forEach((name, option) -> {
                if (option.getValue() != null) {
                    given.put(name, option.getValue());
                }
            });
            ConnectionUri uri = simUri(given, combined);
            try {
                if (!SimulatorOptions.device(uri).equals(SimulatorOptions.DEVICE_MG)) {
                    return serveCellBms(uri, CellBmsOptions.parse(uri), target, seconds);
                }
                SimulatorOptions options = SimulatorOptions.parse(uri);
                if (target.byteStream()) {
                    throw new UsageException("--serve " + serve.strip() + ": a simulated MG Master LV is on CAN; serve it"
                            + " on slcan:PATH or socketcand://HOST:PORT[/BUS] (serial:PATH is for --device jbd|daly)");
                }
                String what = "a simulated MG Master LV" + (options.scenario() == Scenario.NETWORK
                        ? " among other devices" : "") + " (" + options.protocol() + ", scenario "
                        + options.scenario().id() + ", serial " + options.serial() + ", speed ×" + options.speed() + ")";
                return SimulateCommand.this.serve(context, uri, what,
                        options.protocol().equals("nmea2000") ? 250_000 : 500_000, target, seconds);
            } catch (InvalidUriException e) {
                throw new UsageException(asOptionMessage(uri, e.getMessage()));
            }
        }

        private int serveCellBms(ConnectionUri uri, CellBmsOptions options, ServeTarget target, double seconds)
                throws UsageException, CommandFailure {
            String make = options.make().displayName();
            boolean uart = options.link() == CellBmsOptions.Link.UART;
            if (uart && !target.byteStream()) {
                throw new UsageException("--serve " + serve.strip() + ": a simulated " + make + " answers on its UART;"
                        + " serve it on serial:PATH" + (options.make() == CellBmsMake.DALY
                        ? " (or give --link can for slcan: and socketcand:)" : ""));
            }
            if (!uart && target.byteStream()) {
                throw new UsageException("--serve " + serve.strip() + ": a simulated Daly with --link can is on CAN;"
                        + " serve it on slcan:PATH or socketcand://HOST:PORT[/BUS]");
            }
            String what = "a simulated " + make + " BMS (" + options.cells() + " cells, " + (uart ? "UART" : "CAN")
                    + ", scenario " + options.scenario().id() + ", serial " + options.serial() + ", speed ×"
                    + options.speed() + ")";
            return SimulateCommand.this.serve(context, uri, what, options.bitrate(), target, seconds);
        }
    }

    @CommandLine.Command(name = "unlock-code", description = {
        "print the unlock code a dealer would issue for the SIMULATED device with that serial",
        "The key is made up and public: the code means nothing to a real BMS."},
            footer = {"", "Exit status: 0; 2 for a usage error."})
    final class UnlockCode implements Callable<Integer> {
        private final CommandContext context;

        @Option(names = "--serial", paramLabel = "S", required = true, description = "the simulated BMS's serial number")
        private String serial;

        UnlockCode(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws UsageException {
            return unlockCode(serial, context);
        }
    }

    /** {@code 'sim:?speed=0': option speed=0 is outside 1..1000} → {@code --speed=0 is outside 1..1000}. */
    private static String asOptionMessage(ConnectionUri uri, String message) {
        String prefix = "'" + uri + "': ";
        String m = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        return m.startsWith("option ") ? "--" + m.substring("option ".length()) : m;
    }

    private static int unlockCode(String serial, CommandContext context) throws UsageException {
        if (!SERIAL.matcher(serial.strip()).matches()) {
            throw new UsageException("--serial '" + serial + "' must be 1 to 16 printable ASCII characters without blanks");
        }
        context.out().println(SimulatorUnlockCodes.codeFor(serial));
        context.err().println("bmswb simulate: simulator only: this code unlocks the simulated MG Master LV with serial "
                + serial.strip() + " and means nothing to a real BMS (it comes from a made-up, public key)");
        return 0;
    }

    /** The {@code sim:} URI the device options stand for. */
    static ConnectionUri simUri(Map<String, String> given, boolean combined) {
        StringBuilder sb = new StringBuilder("sim:");
        String separator = "?";
        for (Map.Entry<String, String> e : given.entrySet()) {
            sb.append(separator).append(e.getKey()).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
            separator = "&";
        }
        if (combined) {
            sb.append(separator).append("combined=true");
        }
        return ConnectionUri.parse(sb.toString());
    }

    private int serve(CommandContext context, ConnectionUri uri, String what, int bitrate, ServeTarget target,
            double duration) throws CommandFailure {
        PrintStream err = context.err();
        CountDownLatch stop = new CountDownLatch(1);
        AtomicReference<String> failure = new AtomicReference<>();
        AtomicReference<CanChannel> device = new AtomicReference<>();
        ServedEndpoint endpoint = target.endpoint(context.workingDirectory(), bitrate, new ServedEndpoint.Bus() {
            @Override
            public void fromPeer(CanFrame frame) {
                CanChannel channel = device.get();
                if (channel != null) {
                    try {
                        channel.send(frame);
                    } catch (IOException e) {
                        err.println("bmswb simulate: the device did not take " + frame + ": " + e.getMessage());
                    }
                }
            }

            @Override
            public void event(String line) {
                err.println("bmswb simulate: " + line);
            }

            @Override
            public void failed(String reason) {
                failure.compareAndSet(null, reason);
                stop.countDown();
            }
        });
        running.add(stop);
        try {
            try {
                endpoint.start();
            } catch (IOException e) {
                throw new CommandFailure("cannot serve on " + endpoint.address() + ": " + e.getMessage(), e);
            }
            try {
                device.set(sim.open(uri, new DeviceListener(endpoint, err)));
            } catch (IOException | RuntimeException e) {
                throw new CommandFailure("cannot start the simulated device " + uri + ": " + e.getMessage(), e);
            }
            err.println("bmswb simulate: serving " + what + " on " + endpoint.address() + (duration > 0 ? " for " + seconds(duration) + " s" : "; Ctrl-C to stop"));
            if (!stopped) {
                await(stop, duration);
            }
        } finally {
            running.remove(stop);
            CanChannel channel = device.getAndSet(null);
            if (channel != null) {
                channel.close();
            }
            endpoint.close();
        }
        err.println("bmswb simulate: " + endpoint.summary());
        if (failure.get() != null) {
            throw new CommandFailure(failure.get());
        }
        return 0;
    }

    private static String seconds(double s) {
        return s == Math.rint(s) && s < 1e15 ? String.valueOf((long) s) : String.valueOf(s);
    }

    private static void await(CountDownLatch stop, double duration) {
        try {
            if (duration > 0) {
                stop.await((long) (duration * 1000), TimeUnit.MILLISECONDS);
            } else {
                stop.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The device's side: its frames go to the endpoint; its problems to standard error. */
    private record DeviceListener(ServedEndpoint endpoint, PrintStream err) implements CanChannel.Listener {
        @Override
        public void onFrame(CanFrame frame) {
            endpoint.deliver(frame);
        }

        @Override
        public void onState(ConnectionState state, String detail) {
            // the start line says what is served
        }

        @Override
        public void onTransportError(String message) {
            err.println("bmswb simulate: " + message);
        }
    }
}
