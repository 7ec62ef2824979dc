package org.bmsworkbench.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.ToIntFunction;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.apache.felix.framework.Felix;
import org.apache.felix.framework.Logger;
import org.bmsworkbench.launcher.Main.LaunchException;
import org.bmsworkbench.launcher.Main.ProductLayout;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
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
    private static final long STOP_TIMEOUT_MS = 5_000;

    private ProductRuntime() {
    }

    static int run(ProductLayout layout, String[] args, PrintStream err) throws LaunchException {
        try (BundleCache cache = BundleCache.acquire(layout)) {
            Framework framework = new Felix(frameworkProperties(layout, cache, err));
            try {
                framework.init();
            } catch (BundleException e) {
                throw new LaunchException("cannot start the OSGi framework: " + e.getMessage(), e);
            }
            List<String> problems = new ArrayList<>();
            List<Bundle> toStart = cache.isFresh() ? install(framework.getBundleContext(), layout, problems) : List.of();
            try {
                framework.start();
            } catch (BundleException e) {
                throw new LaunchException("cannot start the OSGi framework: " + e.getMessage(), e);
            }
            for (Bundle b : toStart) {
                try {
                    b.start();
                } catch (BundleException e) {
                    problems.add(b.getSymbolicName() + ": " + e.getMessage());
                }
            }
            if (cache.isFresh() && problems.isEmpty()) {
                cache.markInstalled();
            }
            try {
                return callEntry(framework.getBundleContext(), args, problems);
            } finally {
                stop(framework);
            }
        } catch (IOException e) {
            throw new LaunchException("cannot prepare the bundle cache: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static int callEntry(BundleContext context, String[] args, List<String> problems) throws LaunchException {
        ServiceTracker<Object, Object> tracker;
        try {
            tracker = new ServiceTracker<>(context, context.createFilter(ENTRY_FILTER), null);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        tracker.open();
        try {
            Object entry = tracker.waitForService(ENTRY_TIMEOUT_MS);
            if (entry == null) {
                StringBuilder why = new StringBuilder("the command line did not start within "
                        + ENTRY_TIMEOUT_MS / 1000 + " s");
                for (String p : problems) {
                    why.append(System.lineSeparator()).append("  ").append(p);
                }
                for (Bundle b : context.getBundles()) {
                    if (b.getState() == Bundle.INSTALLED) {
                        why.append(System.lineSeparator()).append("  ").append(b.getSymbolicName()).append(" is not resolved");
                    }
                }
                throw new LaunchException(why.toString());
            }
            return ((ToIntFunction<String[]>) entry).applyAsInt(args);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            tracker.close();
        }
    }

    private static void stop(Framework framework) {
        try {
            framework.stop();
            framework.waitForStop(STOP_TIMEOUT_MS);
        } catch (BundleException | InterruptedException e) {
            // Exiting anyway; the cache stays consistent because Felix writes bundle state at install time.
        }
    }

    /** Installs every bundle jar of bundle/ that suits this platform; returns those to start (not fragments). */
    private static List<Bundle> install(BundleContext context, ProductLayout layout, List<String> problems) throws IOException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(layout.bundles(), "*.jar")) {
            dir.forEach(jars::add);
        }
        jars.sort(null);
        Map<String, String> platform = PlatformFilter.currentPlatform();
        List<Bundle> toStart = new ArrayList<>();
        for (Path jar : jars) {
            Manifest manifest;
            try (JarFile jf = new JarFile(jar.toFile())) {
                manifest = jf.getManifest();
            }
            if (manifest == null || manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME) == null) {
                problems.add(jar.getFileName() + " is not an OSGi bundle");
                continue;
            }
            String filter = manifest.getMainAttributes().getValue("Eclipse-PlatformFilter");
            if (!PlatformFilter.matches(filter, platform)) {
                continue; // a native fragment for another operating system or architecture
            }
            try {
                Bundle b = context.installBundle(jar.toUri().toString());
                if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                    toStart.add(b);
                }
            } catch (BundleException e) {
                problems.add(jar.getFileName() + ": " + e.getMessage());
            }
        }
        return toStart;
    }

    static Map<String, Object> frameworkProperties(ProductLayout layout, BundleCache cache, PrintStream err) throws IOException {
        Map<String, Object> p = new HashMap<>();
        p.put(Constants.FRAMEWORK_STORAGE, cache.directory().toString());
        if (cache.isFresh()) {
            p.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        }
        p.put("bmswb.home", layout.home().toString());
        p.put("bmswb.user.dir", layout.userDir().toString());
        p.put("felix.cm.dir", layout.configuration().toString());
        p.put("felix.fileinstall.dir", layout.plugins().toString());
        p.put("felix.fileinstall.filter", ".*\\.(jar|cfg|config)");
        p.put("felix.fileinstall.poll", "300");
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.log.level", "1");
        p.put("felix.log.level", "1");
        p.put("felix.log.logger", new StderrLogger(err));
        // etc/framework.properties of the product, then -D options, override the defaults above.
        Path etc = layout.home().resolve("etc").resolve("framework.properties");
        if (Files.isRegularFile(etc)) {
            Properties props = new Properties();
            try (InputStream in = Files.newInputStream(etc)) {
                props.load(in);
            }
            props.stringPropertyNames().forEach(k -> p.put(k, props.getProperty(k)));
        }
        for (String k : System.getProperties().stringPropertyNames()) {
            if (k.startsWith("felix.") || k.startsWith("org.osgi.") || k.startsWith("ds.")) {
                p.put(k, System.getProperty(k));
            }
        }
        Files.createDirectories(layout.plugins());
        return p;
    }

    /** Felix's own messages go to standard error, never into a command's output. */
    private static final class StderrLogger extends Logger {
        private final PrintStream err;

        StderrLogger(PrintStream err) {
            this.err = err;
        }

        @Override
        protected void doLog(Bundle bundle, @SuppressWarnings("rawtypes") ServiceReference sr, int level, String msg,
                Throwable throwable) {
            String who = bundle == null ? "" : " [" + bundle.getSymbolicName() + "]";
            err.println("bmswb: framework" + who + ": " + msg + (throwable == null ? "" : ": " + throwable));
        }
    }

}
