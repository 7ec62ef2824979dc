package org.bmsworkbench.cli.internal;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bmsworkbench.can.Subscription;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.ProtocolRegistry;
import org.bmsworkbench.cli.Arguments;
import org.bmsworkbench.cli.Command;
import org.bmsworkbench.cli.CommandContext;
import org.bmsworkbench.cli.CommandName;
import org.bmsworkbench.cli.UsageException;
import org.bmsworkbench.cli.internal.decode.TextBuffer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code bmswb protocols}: the installed protocols. */
@Component(name = "org.bmsworkbench.cli.protocols", service = Command.class)
@CommandName("protocols")
public final class ProtocolsCommand implements Command {
    private static final Arguments.Parser OPTIONS = Arguments.parser().choice("format", "table", "jsonl")
            .flag("watch").option("duration", "SECONDS");

    private final ProtocolRegistry registry;

    @Activate
    public ProtocolsCommand(@Reference ProtocolRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String summary() {
        return "list the installed protocols";
    }

    @Override
    public String help() {
        return """
                Usage: bmswb protocols [--format table|jsonl] [--watch [--duration S]]

                Lists the installed BMS protocols: id (what --protocol takes), name, and how many
                messages and model keys each decodes. A protocol bundle dropped into plugins/
                appears here once it is started.

                Options:
                  --format table|jsonl  table (default), or one JSON object a protocol:
                                        {"id":"ID","label":"NAME","messages":N,"signals":N}
                  --watch               after the list, keep running and print a line each time a
                                        protocol arrives (+) or leaves (-), e.g. when a bundle is
                                        dropped into or removed from plugins/; stop with Ctrl-C
                  --duration S          with --watch, stop after S seconds

                Exit status: 0, or 2 for a usage error.
                """;
    }

    @Override
    public int run(CommandContext context) throws UsageException {
        Arguments args = OPTIONS.parse(context.args());
        args.requirePositionals();
        if (args.has("duration") && !args.has("watch")) {
            throw new UsageException("--duration needs --watch");
        }
        double duration = args.doubleValue("duration", Double.POSITIVE_INFINITY);
        if (!(duration > 0)) {
            throw new UsageException("--duration: expected a positive number of seconds");
        }
        if (!args.has("watch")) {
            list(context, args);
            return 0;
        }
        BlockingQueue<List<BmsProtocol>> changes = new LinkedBlockingQueue<>();
        try (Subscription s = registry.onChange(changes::add)) {
            list(context, args);
            context.out().flush();
            watch(context.out(), changes, duration);
        }
        return 0;
    }

    /** Prints "+ id (label)" and "- id" lines as the installed set changes, until the duration ends. */
    private void watch(PrintStream out, BlockingQueue<List<BmsProtocol>> changes, double seconds) {
        Map<String, String> known = labels(registry.protocols());
        long deadline = Double.isInfinite(seconds) ? Long.MAX_VALUE : System.nanoTime() + (long) (seconds * 1e9);
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                List<BmsProtocol> now = changes.poll(Math.min(left, 1_000_000_000L), TimeUnit.NANOSECONDS);
                if (now == null) {
                    continue;
                }
                Map<String, String> current = labels(now);
                String time = LocalTime.now().truncatedTo(ChronoUnit.MILLIS).toString();
                current.forEach((id, label) -> {
                    if (!known.containsKey(id)) {
                        out.println(time + " + " + id + " (" + label + ")");
                    }
                });
                known.keySet().forEach(id -> {
                    if (!current.containsKey(id)) {
                        out.println(time + " - " + id);
                    }
                });
                out.flush();
                known.clear();
                known.putAll(current);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> labels(List<BmsProtocol> protocols) {
        Map<String, String> m = new TreeMap<>();
        protocols.forEach(p -> m.put(p.id(), p.label()));
        return m;
    }

    private void list(CommandContext context, Arguments args) {
        List<BmsProtocol> protocols = registry.protocols();
        PrintStream out = context.out();
        if (args.value("format", "table").equals("jsonl")) {
            TextBuffer line = new TextBuffer(256);
            for (BmsProtocol p : protocols) {
                line.clear();
                line.append("{\"id\":").appendJsonString(p.id())
                        .append(",\"label\":").appendJsonString(p.label())
                        .append(",\"messages\":").append(p.messages().size())
                        .append(",\"signals\":").append(p.signals().size()).append("}");
                out.println(line);
            }
            return;
        }
        if (protocols.isEmpty()) {
            context.err().println("bmswb protocols: no protocol is installed");
            return;
        }
        TextTable table = new TextTable("ID", "NAME", "MESSAGES", "SIGNALS");
        for (BmsProtocol p : protocols) {
            table.row(p.id(), p.label(), Integer.toString(p.messages().size()), Integer.toString(p.signals().size()));
        }
        table.print(out);
    }
}
