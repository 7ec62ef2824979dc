package org.bmsworkbench.cli.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.FrameLayout;
import org.bmsworkbench.bms.ProtocolRegistry;
import org.bmsworkbench.cli.Command;
import org.bmsworkbench.cli.CommandContext;
import org.bmsworkbench.cli.CommandFailure;
import org.bmsworkbench.cli.CommandName;
import org.bmsworkbench.cli.CommandOffline;
import org.bmsworkbench.cli.CommandSummary;
import org.bmsworkbench.cli.UsageException;
import org.bmsworkbench.cli.internal.dbc.DbcWriter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code bmswb dbc export}: a protocol's frame layouts as a DBC file. */
@Component(name = "org.bmsworkbench.cli.dbc", service = Command.class, configurationPolicy = ConfigurationPolicy.IGNORE)
@CommandName("dbc")
@CommandOffline
@CommandSummary("export a protocol's frames as a DBC file")
public final class DbcCommand implements Command {
    private final ProtocolRegistry registry;

    @Activate
    public DbcCommand(@Reference ProtocolRegistry registry) {
        this.registry = registry;
    }

    @Override
    public CommandLine commandLine(CommandContext context) {
        return new CommandLine(new Dbc()).addSubcommand(new CommandLine(new Export(context)));
    }

    @CommandLine.Command(name = "dbc", description = {"export a protocol's frames as a DBC file",
        "bmswb dbc export --protocol ID -o FILE.dbc writes the frames of an installed protocol as a Vector DBC file."})
    static final class Dbc {
    }

    @CommandLine.Command(name = "export", description = {"write a protocol's frames as a DBC file",
        "Writes the frames of an installed protocol (sma, general-bms) as a Vector DBC file for other CAN tools"
                + " (CANdb++, SavvyCAN, cantools, canmatrix): each frame with its 11-bit id, DLC and name, each signal"
                + " little endian with start bit, length, sign, factor, offset, range and unit. Comments (CM_) name the"
                + " model key of every signal. Alarms and warnings are 2-bit signals with the value table 0 none,"
                + " 1 raised, 2 cleared, 3 invalid; a text (manufacturer, serial number) is one 8-bit signal per ASCII"
                + " character; the firmware version is two 8-bit signals, major and minor; temperatures sent in K have"
                + " offset -273.15, so the DBC gives degrees Celsius. Not-available markers (0xFFFF, 0x8000, 0xFFFFFFFF)"
                + " lie outside each signal's range. The file is written in ISO-8859-1."},
            footer = {"", "Example:", "  bmswb dbc export --protocol general-bms -o mg-master-lv.dbc", "",
                "Exit status: 0; 2 for a usage error (unknown protocol, missing option); 1 when the protocol has no"
                        + " frame layouts or the file cannot be written."})
    final class Export implements Callable<Integer> {
        private final CommandContext context;

        @Option(names = {"-p", "--protocol"}, paramLabel = "ID", required = true,
                description = "the installed protocol to export (see bmswb protocols)")
        private String protocol;
        @Option(names = {"-o", "--output"}, paramLabel = "FILE.dbc", required = true,
                description = "the DBC file to write (replaced if it exists)")
        private String output;

        Export(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws UsageException, CommandFailure {
            return export(context, protocol, output);
        }
    }

    private int export(CommandContext context, String id, String output) throws UsageException, CommandFailure {
        BmsProtocol protocol = ProtocolSelection.require(registry, id);
        List<FrameLayout> layouts = protocol.frameLayouts();
        if (layouts.isEmpty()) {
            throw new CommandFailure("protocol " + id + " does not describe its frames as layouts; "
                    + "no DBC can be written for it");
        }
        String dbc;
        try {
            dbc = DbcWriter.write(protocol.label() + " (protocol " + id + "), written by bmswb dbc export. "
                    + "Signal comments name the BMS Workbench model key; not-available markers lie outside each range.",
                    layouts);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("protocol " + id + " has an inconsistent layout: " + e.getMessage(), e);
        }
        Path file = context.resolve(output);
        try {
            Files.write(file, dbc.getBytes(DbcWriter.CHARSET));
        } catch (NoSuchFileException e) {
            throw new CommandFailure("cannot write " + output + ": no such directory", e);
        } catch (AccessDeniedException e) {
            throw new CommandFailure("cannot write " + output + ": permission denied", e);
        } catch (IOException e) {
            throw new CommandFailure("cannot write " + output + ": " + e.getMessage(), e);
        }
        return 0;
    }
}
