package org.bmsworkbench.ui.internal;

import java.util.concurrent.Callable;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.bmsworkbench.bms.BmsSessions;
import org.bmsworkbench.bms.ProtocolRegistry;
import org.bmsworkbench.can.Connections;
import org.bmsworkbench.cli.Command;
import org.bmsworkbench.cli.CommandContext;
import org.bmsworkbench.cli.CommandFailure;
import org.bmsworkbench.cli.CommandName;
import org.bmsworkbench.cli.CommandSummary;
import org.bmsworkbench.cli.DeviceOption;
import org.bmsworkbench.cli.UsageException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Mixin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * {@code bmswb gui} (and {@code bmswb} with no arguments): the workbench window. Runs on the
 * launcher's main thread, which becomes the one SWT Display thread (macOS needs that), until the
 * window is closed.
 */
@Component(name = "org.bmsworkbench.ui.gui", service = Command.class, configurationPolicy = ConfigurationPolicy.IGNORE)
@CommandName("gui")
@CommandSummary("open the workbench window (what bmswb with no arguments does)")
public final class GuiCommand implements Command {
    private final Connections connections;
    private final BmsSessions sessions;
    private final ProtocolRegistry protocols;
    /** Taken when the window opens: {@code bmswb --help} builds this command without activating any view. */
    private final ComponentServiceObjects<ViewCatalog> catalog;
    private final BundleContext bundleContext;
    private final Logger logger;

    @Activate
    public GuiCommand(@Reference Connections connections, @Reference BmsSessions sessions,
            @Reference ProtocolRegistry protocols, @Reference ComponentServiceObjects<ViewCatalog> catalog,
            @Reference(service = LoggerFactory.class) Logger logger, BundleContext bundleContext) {
        this.connections = connections;
        this.sessions = sessions;
        this.protocols = protocols;
        this.catalog = catalog;
        this.logger = logger;
        this.bundleContext = bundleContext;
    }

    @Override
    public CommandLine commandLine(CommandContext context) {
        return new CommandLine(new Run(context));
    }

    @CommandLine.Command(name = "gui", description = {
        "open the workbench window (what bmswb with no arguments does)",
        "Opens the workbench window, connected to URI (default sim:, the built-in simulated MG Master LV). Closing the window ends bmswb with status 0. The window remembers its size, the split and the tab order, and the recent connections, in ~/.bmsworkbench/ui/workbench.properties.",
        "--device: on a bus of many devices, the BMS the views follow; default: chosen as the Network view shows.",
        "--show, --open-tool, --open-after and --print-dialogs are for support scripts and tests."},
            footer = {"", "Exit status: 0 when the window was closed; 1 when no window can be opened (no graphical display); 2 usage error, or a URI that cannot be used.", "", "Examples:", "  bmswb", "  bmswb gui --connect 'sim:?scenario=safety-lock'", "  bmswb gui --connect replay:capture.log"})
    final class Run implements Callable<Integer> {
        private final CommandContext context;

        @Option(names = {"-c", "--connect"}, paramLabel = "URI", description = "what to show first: sim:,"
                + " slcan:/dev/ttyACM0?bitrate=500000, socketcand://host:29536/can0, replay:capture.log, ...")
        private String connect = "sim:";
        @Option(names = "--protocol", paramLabel = "ID|auto",
                description = "the protocol to decode with (default auto: detected from the frames)")
        private String protocol = "auto";
        @Mixin
        private DeviceOption.AddressAndInstance device;
        @Option(names = "--duration", paramLabel = "S",
                description = "close the window after S seconds (demonstrations, tests)")
        private double duration;
        @Option(names = "--screenshot", paramLabel = "FILE", description = "save a PNG of the window, and of the"
                + " dialogs open over it, just before it closes")
        private String screenshot;
        @Option(names = "--responsiveness", description = "when the window closes, print the longest stall of the UI"
                + " event loop, the frames per second, the CPU used, the garbage collections and the slowest view"
                + " refreshes")
        private boolean responsiveness;
        @Option(names = "--report", description = "when the window closes, print the connection state, URI, protocol,"
                + " decoded messages, frames and signals with a value, and the start-up notice if it still shows")
        private boolean report;
        @Option(names = "--show", paramLabel = "VIEW", description = "bring the tab of a view to the front, e.g."
                + " network, frames (its id; View menu), S seconds after connecting")
        private String show;
        @Option(names = "--open-tool", paramLabel = "ID", description = "open a tool as its Tools menu item would,"
                + " e.g. unlock (the Safety lock wizard), S seconds after connecting")
        private String openTool;
        @Option(names = "--open-after", paramLabel = "S", description = "(default 0)")
        private double openAfter;
        @Option(names = "--print-dialogs", description = "when --duration closes the window, print the title and the"
                + " texts of each dialog still open, one per line")
        private boolean printDialogs;

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
        String protocol = o.protocol;
        DeviceOption device = o.device.value();
        double duration = o.duration;
        if (duration < 0) {
            throw new UsageException("--duration: must not be negative, got " + duration);
        }
        Path screenshot = o.screenshot == null ? null : context.resolve(o.screenshot);
        String tool = o.openTool;
        String show = o.show;
        double openAfter = o.openAfter;
        if (openAfter < 0) {
            throw new UsageException("--open-after: must not be negative, got " + openAfter);
        }
        Display display = DisplayStart.open();
        ViewCatalog views = catalog.getService();
        StartupWatch startupWatch = null;
        try {
            WorkbenchWindow window = new WorkbenchWindow(display, services(views));
            window.open();
            String problem = window.connect(uri, protocol);
            if (problem != null) {
                window.close();
                throw new UsageException(problem);
            }
            if (device != null) {
                window.session().bms().follow(device.address(), device.instance());
            }
            startupWatch = StartupWatch.start(bundleContext, display, window);
            if (show != null) {
                display.timerExec((int) Math.round(openAfter * 1000), () -> {
                    if (!window.views().show(show)) {
                        context.err().println("bmswb gui: --show: no view '" + show + "' is open (views: "
                                + String.join(", ", window.catalog().views().stream().map(ViewCatalog.ViewEntry::id).toList())
                                + ")");
                    }
                });
            }
            if (tool != null) {
                display.timerExec((int) Math.round(openAfter * 1000), () -> {
                    if (!window.context().openTool(tool)) {
                        context.err().println("bmswb gui: --open-tool: no tool '" + tool + "' is installed (installed: "
                                + String.join(", ", window.catalog().tools().stream().map(ViewCatalog.ToolEntry::id).toList()) + ")");
                    }
                });
            }
            ResponsivenessMeter meter = o.responsiveness ? new ResponsivenessMeter(display, window) : null;
            if (meter != null) {
                // measured from one second after opening: the first layout and font loading are start-up, not stalls
                display.timerExec(1000, meter::start);
            }
            boolean report = o.report;
            // printed as the window closes, however it is closed: by --duration or by the user
            window.shell().addListener(SWT.Close, e -> {
                if (meter != null) {
                    meter.report().forEach(context.out()::println);
                }
                if (report) {
                    SessionReport.lines(window.session(), window.notice().message()).forEach(context.out()::println);
                }
            });
            if (duration > 0) {
                display.timerExec((int) Math.min(Integer.MAX_VALUE, Math.round(duration * 1000)), () -> {
                    if (meter != null) {
                        meter.stop();
                    }
                    if (screenshot != null) {
                        saveScreenshot(window, screenshot, context);
                    }
                    if (o.printDialogs) {
                        DialogTexts.print(window.shell(), context.out());
                    }
                    window.close();
                });
            }
            window.runUntilClosed();
            return 0;
        } finally {
            if (startupWatch != null) {
                startupWatch.stop();
            }
            display.dispose();
            catalog.ungetService(views);
        }
    }

    private static void saveScreenshot(WorkbenchWindow window, Path file, CommandContext context) {
        try {
            Screenshots.saveWithDialogs(window.shell(), file);
        } catch (IOException | RuntimeException e) {
            context.err().println("bmswb gui: cannot save the screenshot " + file + ": " + e.getMessage());
        }
    }

    private WorkbenchServices services(ViewCatalog views) {
        String user = bundleContext.getProperty("bmswb.user.dir");
        Path userDir = user != null && !user.isBlank() ? Paths.get(user)
                : Paths.get(System.getProperty("user.home"), ".bmsworkbench");
        String version = System.getProperty("bmswb.version", bundleContext.getBundle().getVersion().toString());
        return new WorkbenchServices(connections, sessions, protocols, views, userDir, version, this::bundles,
                (message, cause) -> logger.error("{}: {}", message, String.valueOf(cause), cause));
    }

    private List<String[]> bundles() {
        List<String[]> list = new ArrayList<>();
        for (Bundle b : bundleContext.getBundles()) {
            list.add(new String[] {String.valueOf(b.getSymbolicName()), b.getVersion().toString(), state(b.getState())});
        }
        list.sort((a, b) -> a[0].compareTo(b[0]));
        return list;
    }

    private static String state(int s) {
        return switch (s) {
            case Bundle.ACTIVE -> "active";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.INSTALLED -> "installed (not resolved)";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            default -> "uninstalled";
        };
    }
}
