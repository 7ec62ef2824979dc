package org.bmsworkbench.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.apache.felix.framework.Felix;
import org.bmsworkbench.launcher.Main.LaunchException;
import org.bmsworkbench.launcher.Main.ProductLayout;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Starts Felix on the product's {@code bundle/} folder, hands the arguments to the service
 * {@code (&(objectClass=java.util.function.ToIntFunction)(bmswb.entry=main))} registered by the
 * command-line bundle, and stops the framework again.
 */
final class ProductRuntime {
    static final String ENTRY_FILTER = "(&(objectClass=java.util.function.ToIntFunction)(bmswb.entry=main))";
    private static final long ENTRY_TIMEOUT_MS = 15_000;
    /** After this long, a missing or unresolved essential bundle is reported at once. */
    private static final long GIVE_UP_MS = 1_000;
    private static final long STOP_TIMEOUT_MS = 5_000;

    private ProductRuntime() {
    }

    static int run(ProductLayout layout, String[] args, PrintStream err) throws LaunchException {
        StartupTrace trace = StartupTrace.get();
        try (BundleCache cache = BundleCache.acquire(layout)) {
            trace.mark(cache.isFresh() ? "bundle cache chosen (fresh: install all)" : "bundle cache chosen (reused)");
            Booted booted = boot(layout, cache, StartLevels.forCommandLine(args), err);
            try {
                return callEntry(booted.framework().getBundleContext(), args, booted.started(), err);
            } finally {
                stop(booted.framework(), booted.started() ? STOP_TIMEOUT_MS : 0);
                trace.mark("framework stopped");
            }
        } catch (IOException e) {
            throw new LaunchException("cannot prepare the bundle cache: " + e.getMessage(), e);
        }
    }

    /** Starts Felix on the cache, repairing it when it no longer holds the product's bundles. */
    private static Booted boot(ProductLayout layout, BundleCache cache, int startLevel, PrintStream err)
            throws IOException, LaunchException {
        StartupTrace trace = StartupTrace.get();
        Files.createDirectories(layout.plugins()); // FileInstall watches it from its start
        Framework framework = init(layout, cache, startLevel, err);
        trace.mark("framework init (cache read)");
        if (!cache.isFresh() && !holdsProduct(framework.getBundleContext(), layout, cache.recordedLocations())) {
            // A bundle Felix could not reload (a damaged cache) is silently dropped: start afresh.
            stop(framework, STOP_TIMEOUT_MS);
            cache.invalidate();
            framework = init(layout, cache, startLevel, err);
        }
        BundleContext context = framework.getBundleContext();
        List<String> problems = new ArrayList<>();
        List<Bundle> toStart = new ArrayList<>();
        List<String> installed = new ArrayList<>();
        if (cache.isFresh()) {
            toStart.addAll(install(context, layout, problems, installed));
            trace.mark("bundles installed");
        }
        List<Bundle> plugins = PluginFolder.reconcile(context, layout.plugins(), err);
        toStart.addAll(plugins);
        StartLevels.assign(context, layout.plugins());
        trace.mark("plugins/ reconciled (" + plugins.size() + " to start), start levels assigned");
        trace.follow(context);
        FrameworkStart start = FrameworkStart.begin(framework, toStart);
        boolean started;
        try {
            started = start.await(StartLevels.RAISE_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while the OSGi framework started", e);
        }
        if (!started) {
            err.println("bmswb: the bundles have not all started after " + StartLevels.RAISE_TIMEOUT_MS / 1000
                    + " s (still starting: " + String.join(", ", StartLevels.stillStarting(context))
                    + "); the command goes on without the bundles not started yet");
            trace.mark("framework start not finished");
            report(problems, err);
            return new Booted(framework, false);
        }
        if (start.error() != null) {
            throw new LaunchException("cannot start the OSGi framework: " + start.error().getMessage(), start.error());
        }
        problems.addAll(start.problems());
        Set<String> named = new HashSet<>();
        problems.forEach(p -> named.add(nameIn(p)));
        for (String p : StartLevels.notStarted(context, 0, startLevel)) {
            if (!named.contains(nameIn(p))) {
                problems.add(p);
            }
        }
        if (cache.isFresh() && problems.isEmpty()) {
            cache.markInstalled(installed);
        }
        trace.mark("framework started, bundles resolved and active");
        trace.bundles();
        report(problems, err);
        return new Booted(framework, true);
    }

    /**
     * The framework a command runs in, and whether its start finished: while an activator has not
     * returned, the framework's start-level thread is held, so no level can be raised and stopping
     * cannot finish.
     */
    private record Booted(Framework framework, boolean started) {
    }

    /** One line naming what did not start; the resolver's full explanations with BMSWB_DEBUG. */
    private static void report(List<String> problems, PrintStream err) {
        if (problems.isEmpty()) {
            return;
        }
        if (System.getenv("BMSWB_DEBUG") != null) {
            problems.forEach(p -> err.println("bmswb: " + p));
            return;
        }
        List<String> names = new ArrayList<>();
        problems.forEach(p -> names.add(nameIn(p)));
        err.println("bmswb: " + problems.size() + (problems.size() == 1 ? " bundle" : " bundles")
                + " could not start: " + String.join(", ", names) + " (BMSWB_DEBUG=1 shows why)");
    }

    /** The bundle (or jar) a problem line names: its first word. */
    private static String nameIn(String problem) {
        int space = problem.indexOf(' ');
        return space < 0 ? problem : problem.substring(0, space);
    }

    private static Framework init(ProductLayout layout, BundleCache cache, int startLevel, PrintStream err)
            throws IOException, LaunchException {
        Framework framework = new Felix(FrameworkProperties.of(layout, cache, startLevel, err));
        try {
            framework.init();
        } catch (BundleException e) {
            throw new LaunchException("cannot start the OSGi framework: " + e.getMessage(), e);
        }
        return framework;
    }

    /**
     * True when Felix reloaded every product bundle the cache was built with. A changed bundle/
     * folder is caught earlier by the fingerprint; this catches a cached bundle Felix dropped.
     */
    private static boolean holdsProduct(BundleContext context, ProductLayout layout, Set<String> expected) {
        Set<String> installed = new HashSet<>();
        for (Bundle b : context.getBundles()) {
            Path file = PluginFolder.fileOf(b.getLocation());
            if (file != null && layout.bundles().equals(file.getParent())) {
                installed.add(b.getLocation());
            }
        }
        return expected.equals(installed);
    }

    @SuppressWarnings("unchecked")
    private static int callEntry(BundleContext context, String[] args, boolean started, PrintStream err)
            throws LaunchException {
        ServiceTracker<Object, Object> tracker;
        try {
            tracker = new ServiceTracker<>(context, context.createFilter(ENTRY_FILTER), null);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        tracker.open();
        StartupTrace trace = StartupTrace.get();
        try {
            long start = System.nanoTime();
            Object entry;
            while ((entry = tracker.getService()) == null) {
                long waited = (System.nanoTime() - start) / 1_000_000;
                String missing = waited > GIVE_UP_MS ? missingPiece(context) : null;
                if (missing != null || waited > ENTRY_TIMEOUT_MS) {
                    throw new LaunchException("the command line did not start: "
                            + (missing != null ? missing : "no answer within " + ENTRY_TIMEOUT_MS / 1000 + " s")
                            + " (is the product folder complete? reinstall it, or run with BMSWB_DEBUG=1)");
                }
                Thread.sleep(10);
            }
            trace.mark("command-line entry found");
            // An unfinished start holds the start-level thread: a raise would only wait behind it.
            if (started && StartLevels.needsConnections(context, tracker.getServiceReference(), args)) {
                StartLevels.Raised raised = StartLevels.raise(context, StartLevels.CONNECTIONS);
                trace.mark("transports started (the command is not offline)");
                if (raised.finished()) {
                    report(StartLevels.notStarted(context, raised.before(), StartLevels.CONNECTIONS), err);
                } else {
                    err.println("bmswb: the transports have not all started after " + StartLevels.RAISE_TIMEOUT_MS / 1000
                            + " s (still starting: " + String.join(", ", StartLevels.stillStarting(context))
                            + "); the command goes on without them");
                }
            }
            int status = ((ToIntFunction<String[]>) entry).applyAsInt(args);
            trace.mark("command ran");
            if (trace.on()) {
                trace.components();
                trace.mark("(trace: components listed)");
            }
            return status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            tracker.close();
        }
    }

    /** What keeps the command line from starting, when it is something that will not fix itself. */
    private static String missingPiece(BundleContext context) {
        String[][] needed = {{"org.bmsworkbench.cli", "the command-line bundle"},
            {"org.apache.felix.scr", "Declarative Services (org.apache.felix.scr)"}};
        for (String[] n : needed) {
            Bundle found = null;
            for (Bundle b : context.getBundles()) {
                if (n[0].equals(b.getSymbolicName())) {
                    found = b;
                }
            }
            if (found == null) {
                return n[1] + " is not installed";
            }
            if (found.getState() != Bundle.ACTIVE) {
                return n[1] + " is not active (it could not be resolved)";
            }
        }
        return null;
    }

    /**
     * Stops the framework and waits at most {@code waitMs} for it: 0 when its start has not finished,
     * since the stop waits behind the activator that holds the start-level thread.
     */
    private static void stop(Framework framework, long waitMs) {
        try {
            framework.stop();
            if (waitMs > 0) {
                framework.waitForStop(waitMs);
            }
        } catch (BundleException | InterruptedException e) {
            // Exiting anyway; the cache stays consistent because Felix writes bundle state at install time.
        }
    }

    /** The jars of bundle/ that are bundles and suit this platform, sorted. */
    private static List<Path> productJars(ProductLayout layout, List<String> problems) throws IOException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(layout.bundles(), "*.jar")) {
            dir.forEach(jars::add);
        }
        jars.sort(null);
        Map<String, String> platform = PlatformFilter.currentPlatform();
        List<Path> suitable = new ArrayList<>();
        for (Path jar : jars) {
            Manifest manifest;
            try (JarFile jf = new JarFile(jar.toFile())) {
                manifest = jf.getManifest();
            } catch (IOException e) {
                problems.add(jar.getFileName() + " cannot be read: " + e.getMessage());
                continue;
            }
            if (manifest == null || manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME) == null) {
                problems.add(jar.getFileName() + " is not an OSGi bundle");
                continue;
            }
            // A native fragment for another operating system or architecture is left out.
            if (PlatformFilter.matches(manifest.getMainAttributes().getValue("Eclipse-PlatformFilter"), platform)) {
                suitable.add(jar);
            }
        }
        return suitable;
    }

    /** Installs the product's bundles; returns those to start (not fragments). */
    private static List<Bundle> install(BundleContext context, ProductLayout layout, List<String> problems,
            List<String> installed) throws IOException {
        List<Bundle> toStart = new ArrayList<>();
        for (Path jar : productJars(layout, problems)) {
            try {
                Bundle b = context.installBundle(PluginFolder.location(jar));
                installed.add(b.getLocation());
                if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                    toStart.add(b);
                }
            } catch (BundleException e) {
                problems.add(jar.getFileName() + ": " + e.getMessage());
            }
        }
        return toStart;
    }
}
