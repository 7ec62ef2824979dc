package org.bmsworkbench.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Which bundles a command starts, decided from what each bundle declares. Four start levels:
 * <ul>
 * <li>{@link #WINDOW}: a bundle that needs the SWT toolkit (imports or requires
 * {@code org.eclipse.swt}, or provides it) and registers no command: a view, a tool, their chart
 * library, SWT itself. The window's own bundle registers the {@code gui} command and so stays
 * lower, and {@code bmswb --help} lists it. Also the Metatype service (it provides the
 * {@code osgi.metatype} extender): it describes configurations to an editor, no command reads
 * the descriptions, and its start and stop took a command about 40 ms of CPU. Also every
 * library, a bundle with nothing to start (no activator, no components, no extender requirement,
 * not a fragment): it is resolved, and its classes load, as soon as a started bundle that imports
 * it is resolved.</li>
 * <li>{@link #CONNECTIONS}: a bundle that registers a {@code CanTransportProvider} and no command:
 * the transports, which only a command that opens a connection needs.</li>
 * <li>{@link #PLUGINS}: every other bundle of plugins/: an OEM's protocols and commands. They start
 * after the product's own command line, so that one whose activator does not return (waiting for
 * its device, say) holds only itself and what starts after it: the launcher stops waiting for the
 * framework's start ({@link FrameworkStart}) and the command line is there.</li>
 * <li>{@link #COMMAND_LINE}: every other bundle of the product: the framework's services, the model,
 * the protocols, the command line and every bundle that registers a command.</li>
 * </ul>
 * {@code gui} (and no command) runs the framework at {@code WINDOW}, everything started as before.
 * A headless command starts at {@code PLUGINS}; the launcher then raises the framework to
 * {@code CONNECTIONS} unless the command declares {@code command.offline} (cli API 2.2) or the
 * first word is one the entry answers itself ({@code bmswb.offline} of the entry: help, version,
 * completion). Bundles above the running level stay installed, unresolved and persistently
 * started, for the next command that needs them. The levels are assigned at every start, so a
 * plugin installed by FileInstall during an earlier run is placed too; FileInstall puts a new
 * plugin at {@code PLUGINS} ({@code felix.fileinstall.start.level}) and respects the levels it finds.
 */
final class StartLevels {
    static final int COMMAND_LINE = 1;
    static final int PLUGINS = 2;
    static final int CONNECTIONS = 3;
    static final int WINDOW = 4;
    static final String GUI = "gui";
    static final String COMMAND = "org.bmsworkbench.cli.Command";
    private static final String TRANSPORT = "org.bmsworkbench.can.CanTransportProvider";
    private static final String SWT = "org.eclipse.swt";
    private static final String METATYPE = "osgi.metatype";
    static final long RAISE_TIMEOUT_MS = 15_000;

    private StartLevels() {
    }

    /** The framework's beginning start level for this command line: all of it for {@code gui}. */
    static int forCommandLine(String[] args) {
        return args.length == 0 || GUI.equals(args[0]) ? WINDOW : PLUGINS;
    }

    /**
     * Gives every bundle but the system bundle its level, writing only those that change; a bundle
     * whose jar lies in {@code plugins} (FileInstall's folder) starts after the product's.
     */
    static void assign(BundleContext context, Path plugins) {
        for (Bundle b : context.getBundles()) {
            BundleRevision revision = b.adapt(BundleRevision.class);
            if (b.getBundleId() == 0 || revision == null) {
                continue;
            }
            int level = nothingToStart(b) ? WINDOW : levelOf(revision);
            Path file = PluginFolder.fileOf(b.getLocation());
            if (level == COMMAND_LINE && file != null && plugins.equals(file.getParent())) {
                level = PLUGINS;
            }
            BundleStartLevel startLevel = b.adapt(BundleStartLevel.class);
            if (startLevel != null && startLevel.getStartLevel() != level) {
                startLevel.setStartLevel(level);
            }
        }
    }

    /**
     * A library: no activator, no components, no other extender to act on it, not a fragment.
     * Starting it only resolves it early; a bundle that imports it resolves it when it resolves
     * itself. So it starts with everything else, for {@code gui}.
     */
    static boolean nothingToStart(Bundle b) {
        Dictionary<String, String> headers = b.getHeaders("");
        if (headers.get(Constants.BUNDLE_ACTIVATOR) != null || headers.get("Service-Component") != null
                || headers.get(Constants.FRAGMENT_HOST) != null || headers.get(Constants.BUNDLE_ACTIVATIONPOLICY) != null) {
            return false;
        }
        BundleRevision revision = b.adapt(BundleRevision.class);
        return revision != null && revision.getDeclaredRequirements("osgi.extender").isEmpty();
    }

    static int levelOf(BundleRevision revision) {
        if (registersService(revision, COMMAND)) {
            return COMMAND_LINE;
        }
        if (needsSwt(revision) || providesExtender(revision, METATYPE)) {
            return WINDOW;
        }
        return registersService(revision, TRANSPORT) ? CONNECTIONS : COMMAND_LINE;
    }

    /**
     * True when the command line needs the transports: its first word names a command that does
     * not declare {@code command.offline}, or names nothing the entry answers itself. An unknown
     * word raises too, in case its command needs a service only a transport bundle provides.
     */
    static boolean needsConnections(BundleContext context, ServiceReference<?> entry, String[] args) {
        if (args.length == 0) {
            return true;
        }
        String first = args[0];
        ServiceReference<?> command = chosenCommand(context, first);
        if (command != null) {
            return !Boolean.TRUE.equals(command.getProperty("command.offline"));
        }
        return !contains(entry.getProperty("bmswb.offline"), first);
    }

    /**
     * Raises the running framework to {@code level} and waits until its bundles are started (or
     * failed to), at most {@value #RAISE_TIMEOUT_MS} ms: see {@link #raise(BundleContext, int, long)}.
     */
    static Raised raise(BundleContext context, int level) throws InterruptedException {
        return raise(context, level, RAISE_TIMEOUT_MS);
    }

    /**
     * Raises the running framework to {@code level} and waits, at most {@code timeoutMs}, until its
     * bundles are started or failed to. A bundle whose activator does not return (a plugin waiting for
     * a device, say) keeps the framework's start-level thread: then the wait ends unfinished, and the
     * command goes on without the bundles still starting.
     */
    static Raised raise(BundleContext context, int level, long timeoutMs) throws InterruptedException {
        FrameworkStartLevel framework = context.getBundle(0).adapt(FrameworkStartLevel.class);
        int before = framework.getStartLevel();
        if (before >= level) {
            return new Raised(before, true);
        }
        CountDownLatch done = new CountDownLatch(1);
        framework.setStartLevel(level, new FrameworkListener() {
            @Override
            public void frameworkEvent(FrameworkEvent event) {
                done.countDown();
            }
        });
        return new Raised(before, done.await(timeoutMs, TimeUnit.MILLISECONDS));
    }

    /** What {@link #raise} did: the level the framework ran at before, and whether the raise finished in time. */
    record Raised(int before, boolean finished) {
    }

    /**
     * The symbolic names of the bundles whose activation has begun and not ended (lazy ones waiting for
     * a class aside, and the framework itself, which is starting until its beginning level is reached).
     */
    static List<String> stillStarting(BundleContext context) {
        List<String> names = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getBundleId() != 0 && b.getState() == Bundle.STARTING
                    && b.getHeaders("").get(Constants.BUNDLE_ACTIVATIONPOLICY) == null) {
                names.add(b.getSymbolicName());
            }
        }
        return names;
    }

    /**
     * The bundles of a start level above {@code above} and up to {@code upTo} that should run and do
     * not (they could not be resolved or started when the framework reached their level), each as
     * {@code "NAME did not start: REASON"}. The reason comes from starting the bundle once more,
     * which only happens when something is already wrong.
     */
    static List<String> notStarted(BundleContext context, int above, int upTo) {
        List<String> problems = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            BundleStartLevel startLevel = b.adapt(BundleStartLevel.class);
            BundleRevision revision = b.adapt(BundleRevision.class);
            if (b.getBundleId() == 0 || startLevel == null || revision == null
                    || (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0
                    || startLevel.getStartLevel() <= above || startLevel.getStartLevel() > upTo
                    || !startLevel.isPersistentlyStarted() || (b.getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0) {
                continue;
            }
            try {
                b.start(Bundle.START_TRANSIENT);
            } catch (BundleException | IllegalStateException e) {
                problems.add(b.getSymbolicName() + " did not start: " + e.getMessage());
            }
        }
        return problems;
    }

    /** The {@code Command} service named {@code name} that runs: highest ranking, then lowest id. */
    private static ServiceReference<?> chosenCommand(BundleContext context, String name) {
        ServiceReference<?>[] all;
        try {
            all = context.getAllServiceReferences(COMMAND, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        ServiceReference<?> chosen = null;
        for (ServiceReference<?> r : all == null ? new ServiceReference<?>[0] : all) {
            if (contains(r.getProperty("command.name"), name) && (chosen == null || r.compareTo(chosen) > 0)) {
                chosen = r;
            }
        }
        return chosen;
    }

    /** A string property (or the first of an array, as the command line reads command.name) equal to, or listing, {@code word}. */
    private static boolean contains(Object property, String word) {
        if (property instanceof String[] values) {
            for (String v : values) {
                if (word.equals(v)) {
                    return true;
                }
            }
            return false;
        }
        return property != null && word.equals(property.toString());
    }

    private static boolean needsSwt(BundleRevision revision) {
        for (BundleRequirement r : revision.getDeclaredRequirements(null)) {
            String namespace = r.getNamespace();
            if (BundleRevision.PACKAGE_NAMESPACE.equals(namespace) || BundleRevision.BUNDLE_NAMESPACE.equals(namespace)) {
                String filter = r.getDirectives().get("filter");
                if (filter != null && (filter.contains("(" + namespace + "=" + SWT + ")")
                        || filter.contains("(" + namespace + "=" + SWT + "."))) {
                    return true;
                }
            }
        }
        for (BundleCapability c : revision.getDeclaredCapabilities(BundleRevision.PACKAGE_NAMESPACE)) {
            Object name = c.getAttributes().get(BundleRevision.PACKAGE_NAMESPACE);
            if (name instanceof String s && (s.equals(SWT) || s.startsWith(SWT + "."))) {
                return true;
            }
        }
        return false;
    }

    /** An extender the bundle provides ({@code osgi.extender} capability). */
    private static boolean providesExtender(BundleRevision revision, String extender) {
        for (BundleCapability c : revision.getDeclaredCapabilities("osgi.extender")) {
            if (extender.equals(c.getAttributes().get("osgi.extender"))) {
                return true;
            }
        }
        return false;
    }

    /** A service the bundle declares ({@code osgi.service} capability, as bnd writes for DS components). */
    private static boolean registersService(BundleRevision revision, String objectClass) {
        for (BundleCapability c : revision.getDeclaredCapabilities("osgi.service")) {
            Object classes = c.getAttributes().get("objectClass");
            if (classes instanceof List<?> list ? list.contains(objectClass) : objectClass.equals(classes)) {
                return true;
            }
        }
        return false;
    }
}
