package org.bmsworkbench.cli.internal;

import java.util.concurrent.Callable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.ProtocolChoice;
import org.bmsworkbench.bms.ProtocolDetector.Detection;
import org.bmsworkbench.bms.ProtocolRegistry;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.can.log.CanLogReader;
import org.bmsworkbench.can.log.CanLogs;
import org.bmsworkbench.can.log.LogParseException;
import org.bmsworkbench.cli.Command;
import org.bmsworkbench.cli.CommandContext;
import org.bmsworkbench.cli.CommandFailure;
import org.bmsworkbench.cli.CommandName;
import org.bmsworkbench.cli.CommandOffline;
import org.bmsworkbench.cli.CommandSummary;
import org.bmsworkbench.cli.DeviceOption;
import org.bmsworkbench.cli.UsageException;
import org.bmsworkbench.cli.internal.decode.DecodePipeline;
import org.bmsworkbench.cli.internal.decode.OutputFormat;
import org.bmsworkbench.cli.internal.decode.ProtocolAutoDetection;
import org.bmsworkbench.cli.internal.vreg.RegisterNumbers;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Mixin;

/** {@code bmswb decode}: a CAN log file (or standard input) decoded into BMS model values. */
@Component(name = "org.bmsworkbench.cli.decode", service = Command.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@CommandName("decode")
@CommandOffline
@CommandSummary("decode a CAN log (candump, Vector ASC or BLF, PEAK TRC, NMEA 2000 gateway logs) or a serial trace into BMS values")
public final class DecodeCommand implements Command {
    static final String STDIN = "<stdin>";

    private final ProtocolRegistry registry;

    @Activate
    public DecodeCommand(@Reference ProtocolRegistry registry) {
        this.registry = registry;
    }

    @Override
    public CommandLine commandLine(CommandContext context) {
        return new CommandLine(new Run(context));
    }

    enum Format {
        table, jsonl, csv
    }

    @CommandLine.Command(name = "decode", description = {
        "decode a CAN log (candump, Vector ASC or BLF, PEAK TRC, NMEA 2000 gateway logs) or a serial trace into BMS values",
        "Decodes a CAN log into the BMS model's values, one message a line, in log order. The log format is recognised from its content: candump -L, plain candump, Vector ASC, Vector BLF, PEAK TRC (1.0 to 2.1), and the NMEA 2000 gateway logs Yacht Devices RAW and canboat/Actisense CSV; and the serial trace of a serial BMS line (JBD, Daly) that bmswb record writes, '(1600000000.052311) ttyUSB0 rx DD03001D77', whose bytes are decoded as the protocol finds its messages in them (skipped bytes are reported, and printed as unknown with --all). CAN FD frames are kept.",
        "FILE '-' reads standard input, e.g. candump -L can0 | bmswb decode -",
        "--device ADDR names the source address (80 or 0x50) of the MG Master LV on a bus of many devices, when neither its address claim nor its VREG traffic is in the log: its 127508 cell instances are read as cell values (another maker's claim still wins). Without it, and for every other source, each instance is a battery of its own."},
            footer = {"", "Exit status: 0 decoded (even with lines skipped, or a log without frames, which is said on stderr), 1 unreadable log, bad line in strict mode, or no protocol recognised (without --all), 2 usage error (e.g. unknown protocol).", "", "Examples:", "  bmswb decode capture.log", "  bmswb decode --protocol sma --format jsonl capture.log > values.jsonl", "  bmswb decode --format csv --all trace.asc", "  bmswb decode --protocol nmea2000 --device 0x50 --format jsonl boat.log"})
    final class Run implements Callable<Integer> {
        private final CommandContext context;

        @Option(names = {"-p", "--protocol"}, paramLabel = "ID|auto", description = {"the protocol to decode with"
                + " (default auto: chosen from the first frames; the choice is reported on stderr). 'bmswb protocols'"
                + " lists the installed ones."})
        private String protocol = "auto";
        @Option(names = "--format", paramLabel = "table|jsonl|csv",
                description = "table (default) for reading, jsonl one JSON object a message, csv one row a signal")
        private Format format = Format.table;
        @Mixin
        private DeviceOption.Address device;
        @Option(names = "--all", description = "also print frames no protocol decodes, as \"unknown\" (all of them when"
                + " no protocol is recognised)")
        private boolean all;
        @Option(names = "--strict", description = "stop at the first bad line or malformed frame; by default each is"
                + " reported on stderr and skipped")
        private boolean strict;
        @Parameters(paramLabel = "FILE|-", description = "the log, or - for standard input")
        private String file;

        Run(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws UsageException, CommandFailure {
            return run(context, this);
        }
    }

    private int run(CommandContext context, Run o) throws UsageException, CommandFailure {
        String file = o.file;
        String protocol = o.protocol;
        String formatName = o.format.name();
        DeviceOption option = o.device.value();
        Integer device = option == null ? null : option.address();
        boolean auto = protocol.equals("auto");
        ProtocolChoice explicit = auto ? null : ProtocolSelection.withCompanions(registry, protocol);
        List<BmsProtocol> chosen = auto ? List.of() : explicit.protocols();
        List<BmsProtocol> installed = registry.protocols();
        if (auto && installed.isEmpty()) {
            throw new CommandFailure("no known protocol recognised in " + file + " (installed: none)");
        }
        OutputFormat format = OutputFormat.named(formatName, formatName.equals("jsonl") ? Map.of() : units());

        PrintStream err = context.err();
        if (explicit != null && !explicit.missingCompanions().isEmpty()) {
            err.println("bmswb decode: " + protocol + " is decoded without its companion "
                    + String.join(", ", explicit.missingCompanions()) + ", which is not installed");
        }
        CanLogReader.ProblemListener problems = o.strict ? null
                : problem -> err.println("bmswb decode: " + problem.getMessage() + " (skipped)");
        boolean stdin = file.equals("-");
        String sourceName = stdin ? STDIN : file;
        FlushOnWaitInputStream live = stdin ? new FlushOnWaitInputStream(context.in()) : null;
        try (InputStream in = stdin ? live : openFile(context, file);
                CanLogReader reader = CanLogs.open(in, sourceName, null, problems)) {
            CanLogReader source = reader;
            if (auto) {
                ProtocolAutoDetection.Outcome outcome =
                        new ProtocolAutoDetection(ProtocolAutoDetection.standard(installed)).detect(reader);
                chosen = outcome.detection().map(d -> ProtocolSelection.byIds(d.protocolIds(), installed))
                        .orElse(List.of());
                if (outcome.framesRead() == 0) {
                    // nothing to recognise a protocol from, nor to decode: as with an explicit protocol
                    noFrames(err, sourceName, reader.skippedLines());
                    return 0;
                }
                if (chosen.isEmpty() && !o.all) {
                    throw new CommandFailure("no known protocol recognised in " + sourceName + " (installed: "
                            + ProtocolSelection.ids(installed) + ")");
                }
                if (chosen.isEmpty()) {
                    err.println("bmswb decode: no known protocol recognised in " + sourceName + " (installed: "
                            + ProtocolSelection.ids(installed) + "); printing the raw frames (--all)");
                } else {
                    Detection detection = outcome.detection().get();
                    err.println("bmswb decode: protocol auto-detected: " + ProtocolSelection.ids(chosen)
                            + " (" + detection.evidence() + ")");
                }
                source = outcome.reader();
            }
            DecodePipeline pipeline = new DecodePipeline(chosen, format, context.out(), o.all, device);
            if (live != null) {
                live.flushBeforeWaiting(pipeline);
            }
            DecodePipeline.Summary summary = pipeline.run(source, sourceName, problems);
            if (summary.frames() == 0) {
                noFrames(err, sourceName, reader.skippedLines());
            } else {
                reportSkipped(err, reader.skippedLines() + summary.malformedFrames());
            }
            return 0;
        } catch (LogParseException e) {
            throw new CommandFailure(e.getMessage());
        } catch (DecodePipeline.OutputException e) {
            String reason = e.getCause() != null ? e.getMessage() : StandardOutput.reason(context.out());
            throw new CommandFailure("cannot write the output: " + reason, e);
        } catch (IOException e) {
            throw new CommandFailure("cannot read " + sourceName + ": " + reason(e), e);
        }
    }

    private static void noFrames(PrintStream err, String sourceName, long skipped) {
        err.println("bmswb decode: no CAN frames in " + sourceName);
        reportSkipped(err, skipped);
    }

    private static void reportSkipped(PrintStream err, long skipped) {
        if (skipped > 0) {
            err.println("bmswb decode: " + skipped + (skipped == 1 ? " bad line skipped" : " bad lines skipped"));
        }
    }

    private static InputStream openFile(CommandContext context, String file) throws CommandFailure {
        Path path = context.resolve(file);
        if (Files.isDirectory(path)) {
            throw new CommandFailure("cannot read " + file + ": is a directory");
        }
        try {
            return Files.newInputStream(path);
        } catch (IOException e) {
            throw new CommandFailure("cannot read " + file + ": " + reason(e), e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private Map<String, String> units() {
        return SignalUnits.of(registry);
    }
}
