package org.bmsworkbench.cli.internal;

import java.io.PrintStream;
import java.util.List;
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
    private static final Arguments.Parser OPTIONS = Arguments.parser().choice("format", "table", "jsonl");

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
                Usage: bmswb protocols [--format table|jsonl]

                Lists the installed BMS protocols: id (what --protocol takes), name, and how many
                messages and model keys each decodes. A protocol bundle dropped into plugins/
                appears here once it is started.

                Options:
                  --format table|jsonl  table (default), or one JSON object a protocol:
                                        {"id":"sma","label":"...","messages":9,"signals":40}

                Exit status: 0, or 2 for a usage error.
                """;
    }

    @Override
    public int run(CommandContext context) throws UsageException {
        Arguments args = OPTIONS.parse(context.args());
        args.requirePositionals();
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
            return 0;
        }
        if (protocols.isEmpty()) {
            context.err().println("bmswb protocols: no protocol is installed");
            return 0;
        }
        TextTable table = new TextTable("ID", "NAME", "MESSAGES", "SIGNALS");
        for (BmsProtocol p : protocols) {
            table.row(p.id(), p.label(), Integer.toString(p.messages().size()), Integer.toString(p.signals().size()));
        }
        table.print(out);
        return 0;
    }
}
