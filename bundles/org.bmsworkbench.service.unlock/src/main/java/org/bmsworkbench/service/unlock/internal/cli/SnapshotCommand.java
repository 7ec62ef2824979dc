package org.bmsworkbench.service.unlock.internal.cli;

import java.util.concurrent.Callable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bmsworkbench.bms.BmsSessions;
import org.bmsworkbench.can.Connections;
import org.bmsworkbench.cli.Command;
import org.bmsworkbench.cli.CommandContext;
import org.bmsworkbench.cli.CommandFailure;
import org.bmsworkbench.cli.CommandName;
import org.bmsworkbench.cli.CommandSummary;
import org.bmsworkbench.cli.DeviceOption;
import org.bmsworkbench.cli.UsageException;
import org.bmsworkbench.service.unlock.GuideText;
import org.bmsworkbench.service.unlock.SnapshotFile;
import org.bmsworkbench.service.unlock.SnapshotOptions;
import org.bmsworkbench.service.unlock.SystemSnapshots;
import org.bmsworkbench.service.unlock.internal.DiagnosisDocument;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Mixin;

/**
 * {@code bmswb snapshot --connect URI -o FILE.zip}: a system snapshot for the dealer;
 * {@code bmswb snapshot show FILE.zip}: verify one and print its summary ({@link SnapshotShow}).
 */
@Component(name = "org.bmsworkbench.service.unlock.cli.snapshot", service = Command.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@CommandName("snapshot")
@CommandSummary("save a system snapshot (ZIP) of a BMS for the dealer")
public final class SnapshotCommand implements Command {
    private final Connections connections;
    private final BmsSessions sessions;
    private final SystemSnapshots snapshots;

    @Activate
    public SnapshotCommand(@Reference Connections connections, @Reference BmsSessions sessions,
            @Reference SystemSnapshots snapshots) {
        this.connections = connections;
        this.sessions = sessions;
        this.snapshots = snapshots;
    }

    @Override
    public CommandLine commandLine(CommandContext context) {
        return new CommandLine(new Run(context)).addSubcommand(new CommandLine(new Show(context)));
    }

    @CommandLine.Command(name = "show", description = {
        "verify a snapshot and print its summary",
        "Checks a snapshot as the unlock procedure does (every entry's SHA-256 against manifest.sha256, no entry missing or extra, every entry within its size bound, snapshot.json well formed and not too deep) and prints its summary: device, time, diagnosis, alarms, registers, frames, whether the audit lines verify, whether it carries report.html."},
            footer = {"", "Exit status: 0 verified; 1 refused, with the reason in one line; 2 usage error.", "",
                "Example:", "  bmswb snapshot show lock.zip"})
    static final class Show implements Callable<Integer> {
        private final CommandContext context;

        @Parameters(index = "0", paramLabel = "FILE.zip", description = "the snapshot to check")
        private String file;

        Show(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws CommandFailure {
            SnapshotShow.show(context.resolve(file), file, context.out());
            return 0;
        }
    }

    @CommandLine.Command(name = "snapshot", description = {
        "save a system snapshot (ZIP) of a BMS for the dealer",
        "Connects, collects frames until they span one VREG broadcast cycle (5.5 s of bus time; at most --wait seconds, default 12), reads every register of the VREG catalogue, diagnoses a Safety lock, and writes one ZIP with exactly: snapshot.json (tool and bundle versions, time, connection and protocols, device identity, every register (value, raw, unit), the signals, the alarms and warnings with their history, the diagnosis), frames.log (the last ten minutes of raw frames, candump -L), audit.log (this device's entries of the unlock audit log), report.html (one page for any browser: the device, the diagnosis, the error and alarm history, plots of the last ten minutes, every register) and manifest.sha256 (sha256sum lines for the four entries above). The file is written beside FILE.zip first and moved into place. Standard output gets the file's SHA-256, the device, the diagnosis and how long each part took.",
        "--device: on a bus of many devices, the BMS to read; default: the one identified on the bus, asked from an address the workbench claims."},
            footer = {"", "Exit status: 0 written; 1 cannot connect or write; 2 usage error.", "", "Example:", "  bmswb snapshot --connect 'sim:?protocol=nmea2000&scenario=safety-lock' -o lock.zip"})
    final class Run implements Callable<Integer> {
        private final CommandContext context;

        @Option(names = {"-c", "--connect"}, paramLabel = "URI", description = "where the BMS is (required), e.g."
                + " slcan:/dev/ttyACM0, 'sim:?protocol=nmea2000&scenario=safety-lock'")
        private String connect;
        @Option(names = {"-o", "--output"}, paramLabel = "FILE.zip", description = "the ZIP to write (required)")
        private String output;
        @Option(names = "--observe", paramLabel = "S", description = "watch the bus for S seconds first (default 0),"
                + " for a longer record of frames and alarms")
        private double observe;
        @Option(names = "--wait", paramLabel = "S",
                description = "the longest wait for a full VREG cycle of frames (default 12)")
        private double wait = 12;
        @Option(names = "--no-registers", description = "do not read the registers (a bus without VREG)")
        private boolean noRegisters;
        @Mixin
        private DeviceOption.Address device;

        Run(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws UsageException, CommandFailure {
            return run(context, this);
        }
    }

    private int run(CommandContext context, Run o) throws UsageException, CommandFailure {
        String uri = o.connect;
        if (uri == null) {
            throw new UsageException("missing --connect URI");
        }
        String output = o.output;
        if (output == null) {
            throw new UsageException("missing -o FILE.zip");
        }
        double wait = o.wait;
        if (!(wait >= 0 && wait <= 600)) {
            throw new UsageException("--wait " + LiveDevice.number(wait) + " is outside 0..600 seconds");
        }
        Path target = context.resolve(output);
        if (target.getParent() != null && !Files.isDirectory(target.getParent())) {
            throw new CommandFailure("cannot write " + output + ": the folder " + target.getParent() + " does not exist");
        }
        double observe = o.observe;
        if (!(observe >= 0 && observe <= 600)) {
            throw new UsageException("--observe " + LiveDevice.number(observe) + " is outside 0..600 seconds");
        }
        Integer node = LiveDevice.device(o.device);
        SnapshotOptions options = SnapshotOptions.defaults().withMaximumWait(Duration.ofMillis((long) (wait * 1000)))
                .withReadRegisters(!o.noRegisters).withNode(node);
        try (LiveDevice device = LiveDevice.open(connections, sessions, uri, node)) {
            Thread.sleep((long) (observe * 1000));
            SnapshotFile file = snapshots.capture(device.connection, device.session.model(), target, options,
                    line -> context.err().println("bmswb snapshot: " + line)).get(10, TimeUnit.MINUTES);
            print(context, file, output);
            return 0;
        } catch (ExecutionException e) {
            throw new CommandFailure(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new CommandFailure("the snapshot did not finish within 10 minutes");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("interrupted");
        }
    }

    static void print(CommandContext context, SnapshotFile f, String name) {
        var out = context.out();
        out.println("snapshot " + name);
        out.println("  sha256 " + f.sha256());
        out.println("  device serial " + f.deviceSerial() + ", taken " + f.createdAt());
        out.println("  " + f.registersRead() + " registers read, " + f.registersFailed() + " not, " + f.frames()
                + " frames");
        out.printf(java.util.Locale.ROOT, "  took %.1f s: frames %.1f s, registers %.1f s%n", f.totalMillis() / 1000.0,
                f.collectMillis() / 1000.0, f.registersMillis() / 1000.0);
        DiagnosisDocument.lines(f.diagnosis()).forEach(out::println);
        if (f.diagnosis().locked()) {
            out.println(GuideText.CONTACT_DEALER);
            out.println(GuideText.SNAPSHOT_MANDATORY);
        }
    }
}
