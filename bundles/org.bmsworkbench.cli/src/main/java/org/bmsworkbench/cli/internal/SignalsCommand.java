package org.bmsworkbench.cli.internal;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.bmsworkbench.bms.ProtocolRegistry;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.StandardSignals;
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

/** {@code bmswb signals}: the model keys, all or those one protocol fills. */
@Component(name = "org.bmsworkbench.cli.signals", service = Command.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@CommandName("signals")
@CommandOffline
@CommandSummary("list the BMS model's keys (signal catalogue)")
public final class SignalsCommand implements Command {
    private final ProtocolRegistry registry;

    @Activate
    public SignalsCommand(@Reference ProtocolRegistry registry) {
        this.registry = registry;
    }

    @Override
    public CommandLine commandLine(CommandContext context) {
        return new CommandLine(new Run(context));
    }

    enum Format {
        table, jsonl
    }

    @CommandLine.Command(name = "signals", description = {"list the BMS model's keys (signal catalogue)",
        "Lists the keys of the BMS model with unit, kind, group and label: the standard catalogue plus the keys"
                + " installed protocols add, sorted by key. With --protocol, only the keys that protocol fills, as the"
                + " catalogue describes them. The per-cell keys of cell-level makes (JBD, Daly) close the list as"
                + " patterns: cell.<n>.voltage, cell.<n>.balancing, temperature.<n>, n from 1."},
            footer = {"", "Exit status: 0, or 2 for a usage error (e.g. unknown protocol)."})
    final class Run implements Callable<Integer> {
        private final CommandContext context;

        @Option(names = {"-p", "--protocol"}, paramLabel = "ID", description = "only the keys of this installed protocol")
        private String protocol;
        @Option(names = "--format", paramLabel = "table|jsonl", description = "table (default), or one JSON object a"
                + " key: {\"key\":\"pack.voltage\",\"unit\":\"V\",\"kind\":\"number\",...}")
        private Format format = Format.table;

        Run(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws UsageException {
            return run(context, Optional.ofNullable(protocol), format);
        }
    }

    private int run(CommandContext context, Optional<String> protocol, Format format) throws UsageException {
        List<SignalDescriptor> signals = registry.signals();
        if (protocol.isPresent()) {
            // the catalogue's descriptors (units checked, standard labels) of the keys the protocol fills
            Set<String> keys = new HashSet<>();
            ProtocolSelection.require(registry, protocol.get()).signals().forEach(d -> keys.add(d.key()));
            signals = signals.stream().filter(d -> keys.contains(d.key())).toList();
            if (keys.contains("cell.count")) { // a cell-level make: it fills the per-cell keys too
                signals = withPerCellPatterns(signals);
            }
        } else {
            signals = withPerCellPatterns(signals);
        }
        PrintStream out = context.out();
        if (format == Format.jsonl) {
            JsonLines lines = new JsonLines(out);
            for (SignalDescriptor d : signals) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("key", d.key());
                line.put("unit", d.unit());
                line.put("kind", kind(d));
                line.put("group", d.group());
                line.put("label", d.label());
                line.put("description", d.description());
                lines.write(line);
            }
            return 0;
        }
        TextTable table = new TextTable("KEY", "UNIT", "KIND", "GROUP", "LABEL");
        for (SignalDescriptor d : signals) {
            table.row(d.key(), d.unit(), kind(d), d.group(), d.label());
        }
        table.print(out);
        return 0;
    }

    /** The per-cell keys as patterns ({@code cell.<n>.voltage}, ...), after the fixed keys. */
    private static List<SignalDescriptor> withPerCellPatterns(List<SignalDescriptor> signals) {
        List<SignalDescriptor> all = new java.util.ArrayList<>(signals);
        all.addAll(StandardSignals.patterns());
        return all;
    }

    private static String kind(SignalDescriptor d) {
        return d.kind().name().toLowerCase(Locale.ROOT);
    }
}
