package org.bmsworkbench.cli.internal;

import java.util.concurrent.Callable;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.bmsworkbench.bms.network.BatteryReading;
import org.bmsworkbench.bms.network.BusDevice;
import org.bmsworkbench.bms.network.BusNetworks;
import org.bmsworkbench.bms.network.BusPresence;
import org.bmsworkbench.bms.network.DeviceTable;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.Connections;
import org.bmsworkbench.cli.Command;
import org.bmsworkbench.cli.CommandContext;
import org.bmsworkbench.cli.CommandFailure;
import org.bmsworkbench.cli.CommandName;
import org.bmsworkbench.cli.CommandSummary;
import org.bmsworkbench.cli.UsageException;
import org.bmsworkbench.cli.internal.decode.TextBuffer;
import org.bmsworkbench.cli.internal.live.LiveConnection;
import org.bmsworkbench.cli.internal.live.StopSignal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Mixin;

/**
 * {@code bmswb devices}: what is on the bus. On a 29-bit bus it claims an address and asks every
 * device for its address claim and product information (ISO Requests for PGN 60928 and 126996)
 * unless {@code --listen-only}, then lists what it heard for {@code --duration} seconds.
 */
@Component(name = "org.bmsworkbench.cli.devices", service = Command.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@CommandName("devices")
@CommandSummary("list the devices on the bus: address, maker, model, what they send")
public final class DevicesCommand implements Command {
    static final double DEFAULT_DURATION = 3;
    /** How long the address claim may take before the requests are given up. */
    static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(3);

    private final Connections connections;
    private final BusNetworks networks;
    private final BusPresence presence;
    private final Duration connectTimeout;

    @Activate
    public DevicesCommand(@Reference Connections connections, @Reference BusNetworks networks,
            @Reference BusPresence presence) {
        this(connections, networks, presence, LiveConnection.CONNECT_TIMEOUT);
    }

    DevicesCommand(Connections connections, BusNetworks networks, BusPresence presence, Duration connectTimeout) {
        this.connections = connections;
        this.networks = networks;
        this.presence = presence;
        this.connectTimeout = connectTimeout;
    }

    @Override
    public CommandLine commandLine(CommandContext context) {
        return new CommandLine(new Run(context));
    }

    enum Format {
        table, jsonl
    }

    @CommandLine.Command(name = "devices", description = {
        "list the devices on the bus: address, maker, model, what they send",
        "Lists the devices on the bus. On NMEA 2000 (29-bit) the workbench first claims an address of its own (ISO address claim, PGN 60928; it yields to any device with a higher-priority NAME) and asks every device for its address claim and Product Information (ISO Requests for PGN 60928 and 126996), then listens for --duration seconds: address, NAME, manufacturer, device class and function, model, software, serial, the PGNs each sent, when it was last seen; the workbench's own entry is marked self. With --listen-only nothing is sent: only what the devices send by themselves is listed. On an 11-bit bus (SMA, General BMS) devices have no address: the BMS (0x351-0x35F, 0x370-0x381) and an inverter (0x305-0x30F, as a Sunny Island or a Victron GX sends them) are listed by role with their CAN ids."},
            footer = {"", "Exit status: 0; 1 cannot connect; 2 usage error or a URI that cannot be used.", "", "Examples:", "  bmswb devices --connect 'sim:?protocol=nmea2000&scenario=network'", "  bmswb devices --connect slcan:/dev/ttyACM0?bitrate=250000 --format jsonl"})
    final class Run implements Callable<Integer> {
        private final CommandContext context;

        @Option(names = {"-c", "--connect"}, paramLabel = "URI", description = "where to connect (default sim:)")
        private String connect;
        @Option(names = "--duration", paramLabel = "S", description = "how long to listen (default 3 s)")
        private String duration;
        @Option(names = "--format", paramLabel = "table|jsonl", description = {"table (default), or one JSON object per"
                + " device: {\"address\":80,\"name\":\"0x...\",\"manufacturer_code\":1160,\"manufacturer\":\"MG Energy"
                + " Systems\",\"device_class\":35,\"device_function\":170,\"model\":\"...\",\"software\":\"...\","
                + "\"serial\":\"...\",\"pgns\":[60928,127506,127508],\"last_seen\":1600000000.5,\"self\":false,"
                + "\"role\":\"bms\"}"})
        private Format format = Format.table;
        @Option(names = "--listen-only", description = "send nothing (no address claim, no requests)")
        private boolean listenOnly;

        Run(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws UsageException, CommandFailure {
            return run(context, this);
        }
    }

    private int run(CommandContext context, Run o) throws UsageException, CommandFailure {
        String uri = LiveOptions.uri(o.connect, false);
        double duration = o.duration != null ? LiveOptions.duration(o.duration) : DEFAULT_DURATION;
        boolean jsonl = o.format == Format.jsonl;
        boolean listenOnly = o.listenOnly;
        try (StopSignal stop = StopSignal.afterOrOnShutdown(duration);
                LiveConnection live = LiveConnection.open(connections, uri);
                DeviceTable table = networks.follow(live.connection())) {
            if (!live.awaitConnected(connectTimeout, stop)) {
                return 0;
            }
            Connection c = live.connection();
            if (!listenOnly && !c.listenOnly()) {
                ask(context.err(), c, table, stop);
            }
            while (!stop.stopped() && !live.ended()) {
                stop.pause(100);
            }
            if (c.state() == ConnectionState.FAILED) {
                throw new CommandFailure("connection to " + uri + " failed: " + c.stateDetail());
            }
            List<BusDevice> devices = table.devices();
            if (jsonl) {
                jsonl(context.out(), devices);
            } else {
                table(context.out(), devices, table.batteries());
            }
            if (devices.isEmpty()) {
                context.err().println("bmswb devices: no device heard on " + uri + " in " + duration + " s");
            }
            return 0;
        } catch (LiveConnection.UnusableUri e) {
            context.err().println("bmswb devices: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Claims an address and asks everyone for their claim and product information, on a 29-bit bus only. */
    private void ask(PrintStream err, Connection c, DeviceTable table, StopSignal stop) throws InterruptedException {
        // An 11-bit bus (SMA, General BMS) has no addresses: wait for the first frames to know which it is.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (c.statistics().rxFrames() == 0 && System.nanoTime() < until && !stop.stopped()) {
            stop.pause(20);
        }
        boolean has29 = c.recentFrames().stream().anyMatch(f -> f.extended() && !f.error());
        boolean has11 = c.recentFrames().stream().anyMatch(f -> !f.extended() && !f.error());
        if (has11 && !has29) {
            return;
        }
        try {
            presence.request(c, 60928, 0xFF).get(CLAIM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            presence.request(c, 126996, 0xFF).get(CLAIM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            err.println("bmswb devices: not asking the devices, listening only: "
                    + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
        } catch (TimeoutException e) {
            err.println("bmswb devices: could not claim an address within " + CLAIM_TIMEOUT.toSeconds()
                    + " s; listening only");
        }
    }

    static void jsonl(PrintStream out, List<BusDevice> devices) {
        JsonLines lines = new JsonLines(out);
        for (BusDevice d : devices) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("address", d.address());
            line.put("name", d.nameHex());
            line.put("manufacturer_code", d.manufacturerCode());
            line.put("manufacturer", d.manufacturer());
            line.put("device_class", d.deviceClass());
            line.put("device_function", d.deviceFunction());
            line.put("model", d.model());
            line.put("software", d.software());
            line.put("serial", d.serial());
            line.put("pgns", d.pgns());
            if (d.address() == null) {
                line.put("can_ids", d.canIds().stream().map(id -> String.format("0x%03X", id)).toList());
            }
            line.put("last_seen", d.lastSeenMicros() == org.bmsworkbench.can.CanFrame.NO_TIMESTAMP ? null
                    : JsonLines.seconds(d.lastSeenMicros()));
            line.put("self", d.self());
            line.put("role", d.role());
            lines.write(line);
        }
    }

    private static void table(PrintStream out, List<BusDevice> devices, List<BatteryReading> batteries) {
        if (devices.isEmpty()) {
            out.println("No device heard.");
            return;
        }
        TextTable t = new TextTable("ADDRESS", "ROLE", "MANUFACTURER", "CLASS/FUNCTION", "MODEL", "SOFTWARE",
                "SERIAL", "SENDS", "LAST SEEN");
        for (BusDevice d : devices) {
            t.row(d.address() == null ? "-" : d.address() + String.format(" (0x%02X)", d.address())
                    + (d.self() ? " self" : ""),
                    d.role() == null ? "-" : d.role(),
                    d.manufacturer() != null ? d.manufacturer() + (d.manufacturerCode() == null ? ""
                            : " (" + d.manufacturerCode() + ")")
                            : d.manufacturerCode() == null ? "-" : "code " + d.manufacturerCode(),
                    d.deviceClass() == null ? "-" : d.deviceClass() + "/" + d.deviceFunction(),
                    dash(d.model()), dash(d.software()), dash(d.serial()),
                    d.address() == null ? d.canIds().stream().map(i -> String.format("0x%03X", i))
                            .collect(Collectors.joining(" ")) : pgns(d.pgns()),
                    d.lastSeenMicros() == org.bmsworkbench.can.CanFrame.NO_TIMESTAMP ? "-"
                            : new TextBuffer(24).appendSeconds(d.lastSeenMicros()).toString());
        }
        t.print(out);
        if (!batteries.isEmpty()) {
            out.println();
            out.println("Batteries:");
            TextTable b = new TextTable("SOURCE", "INSTANCE", "VOLTAGE", "CURRENT", "TEMPERATURE", "SOC");
            for (BatteryReading r : batteries) {
                b.row(r.source() + (r.mgMasterLv() ? " MG Master LV" : ""), String.valueOf(r.instance()),
                        value(r.voltage(), "V"), value(r.current(), "A"), value(r.temperature(), "°C"),
                        value(r.soc(), "%"));
            }
            b.print(out);
        }
    }

    private static String value(Double v, String unit) {
        if (v == null) {
            return "-";
        }
        return new TextBuffer(24).append(v.doubleValue()) + " " + unit;
    }

    private static String pgns(List<Integer> pgns) {
        return pgns.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }
}
