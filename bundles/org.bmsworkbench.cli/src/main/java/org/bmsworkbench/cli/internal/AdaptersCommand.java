package org.bmsworkbench.cli.internal;

import java.util.concurrent.Callable;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bmsworkbench.can.Connections;
import org.bmsworkbench.can.DiscoveredAdapter;
import org.bmsworkbench.cli.Command;
import org.bmsworkbench.cli.CommandContext;
import org.bmsworkbench.cli.CommandName;
import org.bmsworkbench.cli.CommandSummary;
import org.bmsworkbench.cli.UsageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Mixin;

/** {@code bmswb adapters}: the installed transports and the CAN adapters they find on this machine. */
@Component(name = "org.bmsworkbench.cli.adapters", service = Command.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@CommandName("adapters")
@CommandSummary("list the installed transports and the CAN adapters found on this machine")
public final class AdaptersCommand implements Command {
    static final String PTY_NOTE = "Pseudo-terminals (e.g. socat pairs) are not listed: open them by path,"
            + " e.g. --connect slcan:/tmp/ttyV0";
    private final Connections connections;

    @Activate
    public AdaptersCommand(@Reference Connections connections) {
        this.connections = connections;
    }

    @Override
    public CommandLine commandLine(CommandContext context) {
        return new CommandLine(new Run(context));
    }

    enum Format {
        table, jsonl
    }

    @CommandLine.Command(name = "adapters", description = {
        "list the installed transports and the CAN adapters found on this machine",
        "Lists the installed transports (the URI schemes --connect takes) and every adapter they find on this machine: serial ports for slcan: and serial:, with their URI, system name, description and USB vendor:product id; PEAK (pcan:) and Kvaser (kvaser:) channels; candleLight/gs_usb devices (gsusb:) with their serial and channels. A '*' marks a known CAN adapter (CANable, CANtact, USBtin, Lawicel CANUSB and clones, recognised by USB id or description); other serial ports are listed too, unmarked, since any of them may carry SLCAN. Pseudo-terminals (socat pairs) are not listed: open them by path. A transport whose native library is missing or does not load (pcan:, kvaser:, gsusb:) is listed as installed but unavailable, with what to install."},
            footer = {"", "Exit status: 0, or 2 for a usage error."})
    final class Run implements Callable<Integer> {
        private final CommandContext context;

        @Option(names = "--format", paramLabel = "table|jsonl", description = {"table (default), or one JSON object a line:",
            "{\"type\":\"transport\",\"scheme\":\"slcan\",\"description\":\"…\"}",
            "(a transport that cannot work here adds \"available\":false,\"unavailable_reason\":\"…\")",
            "{\"type\":\"adapter\",\"scheme\":\"slcan\",\"uri\":\"slcan:/dev/ttyACM0\",\"name\":\"/dev/ttyACM0\","
                + "\"description\":\"…\",\"usb_id\":\"16d0:117e\",\"known_adapter\":\"CANable 2 (slcan firmware)\"}",
            "(usb_id and known_adapter null when unknown)"})
        private Format format = Format.table;

        Run(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws UsageException {
            return run(context, this);
        }
    }

    private int run(CommandContext context, Run o) throws UsageException {
        Map<String, String> transports = new TreeMap<>(connections.transports());
        Map<String, String> unavailable = connections.unavailableTransports();
        List<DiscoveredAdapter> adapters = connections.discoverAdapters();
        if (o.format == Format.jsonl) {
            jsonl(context.out(), transports, unavailable, adapters);
            if (adapters.isEmpty()) {
                context.err().println("bmswb adapters: no adapter found. " + PTY_NOTE);
            }
            return 0;
        }
        PrintStream out = context.out();
        if (transports.isEmpty()) {
            out.println("No transport is installed.");
        } else {
            out.println("Transports:");
            TextTable table = new TextTable("SCHEME", "DESCRIPTION");
            transports.forEach(table::row);
            table.print(out);
            if (!unavailable.isEmpty()) {
                out.println();
                out.println("Installed but unavailable on this machine:");
                TextTable why = new TextTable("SCHEME", "REASON");
                unavailable.forEach(why::row);
                why.print(out);
            }
        }
        out.println();
        if (adapters.isEmpty()) {
            out.println("No adapter found. " + PTY_NOTE + ".");
            return 0;
        }
        out.println("Adapters:");
        TextTable table = new TextTable("", "URI", "NAME", "DESCRIPTION", "USB ID", "KNOWN CAN ADAPTER");
        for (DiscoveredAdapter a : adapters) {
            table.row(a.isKnownCanAdapter() ? "*" : "", a.uri(), a.name(), a.description(),
                    a.usbIds().isEmpty() ? "-" : a.usbIds(), a.isKnownCanAdapter() ? a.knownAdapter() : "-");
        }
        table.print(out);
        long known = adapters.stream().filter(DiscoveredAdapter::isKnownCanAdapter).count();
        out.println();
        out.println(adapters.size() + (adapters.size() == 1 ? " port, " : " ports, ") + known
                + (known == 1 ? " known CAN adapter (*). " : " known CAN adapters (*). ") + PTY_NOTE + ".");
        return 0;
    }

    private static void jsonl(PrintStream out, Map<String, String> transports, Map<String, String> unavailable,
            List<DiscoveredAdapter> adapters) {
        JsonLines lines = new JsonLines(out);
        transports.forEach((scheme, description) -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("type", "transport");
            line.put("scheme", scheme);
            line.put("description", description);
            if (unavailable.containsKey(scheme)) {
                line.put("available", false);
                line.put("unavailable_reason", unavailable.get(scheme));
            }
            lines.write(line);
        });
        for (DiscoveredAdapter a : adapters) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("type", "adapter");
            line.put("scheme", a.scheme());
            line.put("uri", a.uri());
            line.put("name", a.name());
            line.put("description", a.description());
            line.put("usb_id", a.usbIds().isEmpty() ? null : a.usbIds());
            line.put("known_adapter", a.isKnownCanAdapter() ? a.knownAdapter() : null);
            lines.write(line);
        }
    }
}
