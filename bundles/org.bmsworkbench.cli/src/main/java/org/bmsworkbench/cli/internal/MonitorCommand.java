package org.bmsworkbench.cli.internal;

import java.util.concurrent.Callable;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.bmsworkbench.bms.BmsSession;
import org.bmsworkbench.bms.BmsSessions;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.bms.ProtocolRegistry;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.Connections;
import org.bmsworkbench.can.Subscription;
import org.bmsworkbench.cli.Command;
import org.bmsworkbench.cli.CommandContext;
import org.bmsworkbench.cli.CommandFailure;
import org.bmsworkbench.cli.CommandName;
import org.bmsworkbench.cli.CommandSummary;
import org.bmsworkbench.cli.DeviceOption;
import org.bmsworkbench.cli.UsageException;
import org.bmsworkbench.cli.internal.decode.JsonlFormat;
import org.bmsworkbench.cli.internal.decode.OutputFormat;
import org.bmsworkbench.cli.internal.decode.Records;
import org.bmsworkbench.cli.internal.decode.TableFormat;
import org.bmsworkbench.cli.internal.decode.TextBuffer;
import org.bmsworkbench.cli.internal.live.ChangedSignals;
import org.bmsworkbench.cli.internal.live.LiveConnection;
import org.bmsworkbench.cli.internal.live.MonitorScreen;
import org.bmsworkbench.cli.internal.live.StopSignal;
import org.bmsworkbench.cli.internal.live.Terminal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Mixin;

/**
 * {@code bmswb monitor}: a live connection decoded into the BMS model. In a terminal a table of
 * every key redrawn in place; piped, lines: JSONL exactly as {@code decode --format jsonl}, or
 * the table format with only the keys that changed.
 */
@Component(name = "org.bmsworkbench.cli.monitor", service = Command.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@CommandName("monitor")
@CommandSummary("live decoded values from a connection (default sim:)")
public final class MonitorCommand implements Command {
    /** 4 redraws a second: under the 5 Hz a terminal user can follow. */
    static final long REDRAW_MILLIS = 250;
    /** Output is written and flushed at least this often in line mode. */
    static final long FLUSH_MILLIS = 100;
    private static final int QUEUE_CAPACITY = 1 << 16;

    private final Connections connections;
    private final BmsSessions sessions;
    private final ProtocolRegistry registry;
    private final BooleanSupplier interactive;
    private final Duration connectTimeout;

    @Activate
    public MonitorCommand(@Reference Connections connections, @Reference BmsSessions sessions,
            @Reference ProtocolRegistry registry) {
        this(connections, sessions, registry, () -> Terminal.isInteractive(System.getenv()),
                LiveConnection.CONNECT_TIMEOUT);
    }

    MonitorCommand(Connections connections, BmsSessions sessions, ProtocolRegistry registry,
            BooleanSupplier interactive, Duration connectTimeout) {
        this.connections = connections;
        this.sessions = sessions;
        this.registry = registry;
        this.interactive = interactive;
        this.connectTimeout = connectTimeout;
    }

    @Override
    public CommandLine commandLine(CommandContext context) {
        return new CommandLine(new Run(context));
    }

    enum Format {
        table, jsonl
    }

    @CommandLine.Command(name = "monitor", description = {
        "live decoded values from a connection (default sim:)",
        "Connects, decodes what the BMS sends and shows it live until --duration ends or Ctrl-C. In a terminal, --format table redraws a table of every key (group, key, value with unit, age) under a status line (URI, protocol, connection state, frames/s, bus load, errors) about four times a second. When the output is not a terminal it prints lines instead: the table format with only the keys whose value changed, or with --format jsonl one JSON object a decoded message, exactly as 'bmswb decode --format jsonl'. Connection state changes (RECONNECTING …) and the auto-detected protocol are reported on stderr. BMSWB_TERMINAL=1 or 0 forces the redrawn table or lines.",
        "--device: on a bus of many devices (NMEA 2000), the BMS whose values the table shows. Default: the MG Master LV when one is identified, else the only battery sender; when several could be the one, none, and stderr says so."},
            footer = {"", "Exit status: 0 stopped by --duration, Ctrl-C or the end of a finite source; 1 cannot connect (within 10 s) or the connection failed; 2 usage error, and a URI that cannot be used (malformed, rejected by its transport, a scheme with no transport installed), said in one line.", "", "Examples:", "  bmswb monitor", "  bmswb monitor --connect 'sim:?scenario=high-temperature&speed=10'", "  bmswb monitor --connect slcan:/dev/ttyACM0 --format jsonl --duration 60 > values.jsonl"})
    final class Run implements Callable<Integer> {
        private final CommandContext context;

        @Option(names = {"-c", "--connect"}, paramLabel = "URI", description = "where to connect (default sim:, the"
                + " simulated MG Master LV), e.g. slcan:/dev/ttyACM0, socketcand://host:29536/can0, sim:?protocol=sma")
        private String connect;
        @Option(names = {"-p", "--protocol"}, paramLabel = "ID|auto", description = "the protocol to decode with"
                + " (default auto: detected from the frames; 'bmswb protocols' lists them)")
        private String protocol;
        @Option(names = "--format", paramLabel = "table|jsonl", description = "table (default) or jsonl")
        private Format format = Format.table;
        @Option(names = "--duration", paramLabel = "S", description = "stop after S seconds (default: until Ctrl-C)")
        private String duration;
        @Mixin
        private DeviceOption.AddressAndInstance device;
        @Option(names = "--listen-only", description = "accepted for symmetry: monitor never transmits")
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
        String protocol = LiveOptions.protocol(o.protocol, registry);
        double duration = LiveOptions.duration(o.duration);
        DeviceOption device = o.device.value();
        boolean jsonl = o.format == Format.jsonl;
        boolean screen = !jsonl && interactive.getAsBoolean();

        BlockingQueue<DecodedMessage> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        AtomicLong dropped = new AtomicLong();
        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        try (StopSignal stop = StopSignal.afterOrOnShutdown(duration);
                LiveConnection live = LiveConnection.open(connections, uri);
                BmsSession session = sessions.attach(live.connection(), protocol);
                Subscription s = session.onMessage(m -> {
                    if (screen) {
                        long now = System.nanoTime();
                        for (String key : m.signals().keySet()) {
                            arrivals.put(key, now);
                        }
                    } else if (!queue.offer(m)) {
                        dropped.incrementAndGet();
                    }
                })) {
            if (device != null) {
                session.follow(device.address(), device.instance());
            }
            if (!live.awaitConnected(connectTimeout, stop)) {
                return 0;
            }
            if (screen) {
                redraw(context.out(), live, session, arrivals, stop);
            } else {
                lines(context, live, session, queue, jsonl, stop);
            }
            live.replaySummary().ifPresent(summary -> context.err().println("bmswb monitor: " + summary));
            if (dropped.get() > 0) {
                context.err().println("bmswb monitor: " + dropped.get()
                        + " messages dropped: the output could not keep up");
            }
            if (!screen && session.decodedMessages() == 0) {
                context.err().println("bmswb monitor: no message decoded from " + uri + " ("
                        + live.connection().statistics().rxFrames() + " frames received)");
            }
            Connection c = live.connection();
            if (c.state() == ConnectionState.FAILED) {
                throw new CommandFailure("connection to " + uri + " failed: " + c.stateDetail());
            }
            return 0;
        } catch (LiveConnection.UnusableUri e) {
            context.err().println("bmswb monitor: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Line mode: JSONL, or table lines with the changed keys; flushed every {@value #FLUSH_MILLIS} ms. */
    private void lines(CommandContext context, LiveConnection live, BmsSession session,
            BlockingQueue<DecodedMessage> queue, boolean jsonl, StopSignal stop)
            throws InterruptedException, CommandFailure {
        OutputFormat format = jsonl ? new JsonlFormat() : new TableFormat(units());
        ChangedSignals changes = jsonl ? null : new ChangedSignals();
        TextBuffer buffer = new TextBuffer(1 << 16);
        Records record = new Records(1);
        format.begin(buffer);
        List<String> reported = List.of();
        String device = "";
        boolean last = false;
        while (!last) {
            last = stop.stopped() || live.ended();
            long wait = last ? 0 : Math.min(TimeUnit.MILLISECONDS.toNanos(FLUSH_MILLIS), stop.remainingNanos());
            DecodedMessage m = queue.poll(wait, TimeUnit.NANOSECONDS);
            while (m != null) {
                DecodedMessage shown = changes == null ? m : changes.changes(m);
                if (shown != null) {
                    record.clear();
                    MessageSink.replay(shown, record);
                    format.write(record, 0, buffer);
                }
                m = queue.poll();
            }
            write(buffer, context.out());
            reported = reportProtocols(context.err(), session, reported);
            device = LiveOptions.reportDevice(context.err(), "monitor", session, device);
            for (LiveConnection.StateChange c : live.takeChanges()) {
                context.err().println("bmswb monitor: connection: " + c);
            }
        }
    }

    private static void write(TextBuffer buffer, PrintStream out) throws CommandFailure {
        try {
            buffer.writeTo(out);
        } catch (IOException e) {
            throw new CommandFailure("cannot write the output: " + e.getMessage(), e);
        }
        out.flush();
        if (out.checkError()) {
            throw new CommandFailure("cannot write the output: the output is closed or full");
        }
    }

    /** Says on stderr which protocols auto-detection chose, once per choice. */
    private static List<String> reportProtocols(PrintStream err, BmsSession session, List<String> reported) {
        List<String> active = session.activeProtocols();
        if (active.isEmpty() || active.equals(reported)) {
            return reported;
        }
        if (session.requestedProtocol().equals("auto")) {
            String evidence = session.detectionEvidence();
            err.println("bmswb monitor: protocol auto-detected: " + String.join(", ", active)
                    + (evidence == null || evidence.isEmpty() ? "" : " (" + evidence + ")"));
        }
        return active;
    }

    /** Terminal mode: the whole table redrawn in place every {@value #REDRAW_MILLIS} ms. */
    private void redraw(PrintStream out, LiveConnection live, BmsSession session, Map<String, Long> arrivals,
            StopSignal stop) throws InterruptedException, CommandFailure {
        Map<String, SignalDescriptor> catalogue = new HashMap<>();
        registry.signals().forEach(d -> catalogue.put(d.key(), d));
        boolean first = true;
        boolean last = false;
        while (!last) {
            last = stop.stopped() || live.ended();
            Connection c = live.connection();
            MonitorScreen.Status status = new MonitorScreen.Status(live.uri(), session.requestedProtocol(),
                    session.activeProtocols(), c.state(), c.stateDetail(), c.statistics(), session.decodedMessages(),
                    session.malformedFrames(), session.deviceChoice().reason());
            List<MonitorScreen.Row> rows = MonitorScreen.rows(session.model().values(), catalogue, arrivals,
                    System.nanoTime());
            out.print(MonitorScreen.render(status, rows, first));
            first = false;
            out.flush();
            if (out.checkError()) {
                throw new CommandFailure("cannot write the output: the output is closed or full");
            }
            live.takeChanges(); // the status line shows the state
            if (!last) {
                stop.pause(REDRAW_MILLIS);
            }
        }
    }

    private Map<String, String> units() {
        return SignalUnits.of(registry);
    }
}
