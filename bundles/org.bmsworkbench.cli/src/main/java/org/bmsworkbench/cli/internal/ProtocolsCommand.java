package org.bmsworkbench.cli.internal;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bmsworkbench.can.Subscription;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.ProtocolRegistry;
import org.bmsworkbench.cli.Command;
import org.bmsworkbench.cli.CommandContext;
import org.bmsworkbench.cli.CommandName;
import org.bmsworkbench.cli.CommandOffline;
import org.bmsworkbench.cli.CommandSummary;
import org.bmsworkbench.cli.UsageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code bmswb protocols}: the installed protocols. */
@Component(name = "org.bmsworkbench.cli.protocols", service = Command.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@CommandName("protocols")
@CommandOffline
@CommandSummary("list the installed protocols")
public final class ProtocolsCommand implements Command {
    private final ProtocolRegistry registry;

    @Activate
    public ProtocolsCommand(@Reference ProtocolRegistry registry) {
        this.registry = registry;
    }

    @Override
    public CommandLine commandLine(CommandContext context) {
        return new CommandLine(new Run(context));
    }

    enum Format {
        table, jsonl
    }

    @CommandLine.Command(name = "protocols", description = {"list the installed protocols",
        "Lists the installed BMS protocols: id (what --protocol takes), name, and how many messages and model keys"
                + " each decodes. A protocol bundle dropped into plugins/ appears here once it is started."},
            footer = {"", "Exit status: 0, or 2 for a usage error."})
    final class Run implements Callable<Integer> {
        private final CommandContext context;

        @Option(names = "--format", paramLabel = "table|jsonl", description = {"table (default), or one JSON object a"
                + " protocol: {\"id\":\"ID\",\"label\":\"NAME\",\"messages\":N,\"signals\":N}"})
        private Format format = Format.table;
        @Option(names = "--watch", description = "after the list, keep running and print a line each time a protocol"
                + " arrives (+) or leaves (-), e.g. when a bundle is dropped into or removed from plugins/; stop with Ctrl-C")
        private boolean watch;
        @Option(names = "--duration", paramLabel = "S", description = "with --watch, stop after S seconds")
        private Double duration;

        Run(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws UsageException {
            if (duration != null && !watch) {
                throw new UsageException("--duration needs --watch");
            }
            double seconds = duration == null ? Double.POSITIVE_INFINITY : duration;
            if (!(seconds > 0)) {
                throw new UsageException("--duration: expected a positive number of seconds");
            }
            if (!watch) {
                list(context, format);
                return 0;
            }
            BlockingQueue<List<BmsProtocol>> changes = new LinkedBlockingQueue<>();
            try (Subscription s = registry.onChange(changes::add)) {
                list(context, format);
                context.out().flush();
                watch(context.out(), changes, seconds);
            }
            return 0;
        }
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

    private void list(CommandContext context, Format format) {
        List<BmsProtocol> protocols = registry.protocols();
        PrintStream out = context.out();
        if (format == Format.jsonl) {
            JsonLines lines = new JsonLines(out);
            for (BmsProtocol p : protocols) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("id", p.id());
                line.put("label", p.label());
                line.put("messages", p.messages().size());
                line.put("signals", p.signals().size());
                lines.write(line);
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
