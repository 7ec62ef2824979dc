package org.bmsworkbench.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.felix.framework.Logger;
import org.bmsworkbench.launcher.Main.ProductLayout;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * The properties Felix starts with: the cache, the beginning start level, FileInstall on plugins/,
 * the switches that make a headless command start faster, Felix's messages on standard error; then
 * {@code etc/framework.properties} of the product and {@code -D} options over them.
 */
final class FrameworkProperties {
    private FrameworkProperties() {
    }

    static Map<String, Object> of(ProductLayout layout, BundleCache cache, int startLevel,
            PrintStream err) throws IOException {
        Map<String, Object> p = new HashMap<>();
        // A headless command leaves the window's bundles (StartLevels.WINDOW) installed but not started.
        p.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, Integer.toString(startLevel));
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
        p.put("felix.fileinstall.start.level", Integer.toString(StartLevels.PLUGINS));
        // FileInstall's first scan runs inside its start, before the command: it adopts the jars that
        // PluginFolder installed (updating each once, the first time, to record its checksum). Delayed to
        // its own thread, that update would restart a plugin while a command uses it; on an empty or
        // settled folder the scan costs under a millisecond.
        p.put("felix.fileinstall.noInitialDelay", "true");
        // Declarative Services keeps the parsed component descriptions in its bundle cache instead of
        // parsing every bundle's XML at each start.
        p.put("ds.cache.metadata", "true");
        // SCR asks the log service before every message it might write, and nothing shows those
        // messages: off unless BMSWB_DEBUG is set (or -Dds.log.enabled=true).
        if (System.getenv("BMSWB_DEBUG") == null) {
            p.put("ds.log.enabled", "false");
        }
        // When a bundle cannot see a class, Felix walks the caller's stack to guess whether JDK code
        // asked for it (implicit boot delegation). It asks at each service event, for every listener
        // whose bundle does not import the service's package: about 20 ms of a headless command's CPU.
        // The window, whose toolkit and native libraries may load classes that way, keeps the default.
        if (startLevel < StartLevels.WINDOW) {
            p.put("felix.bootdelegation.implicit", "false");
        }
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
        return p;
    }

    /**
     * Felix's own messages go to standard error as one line each, never into a command's
     * output; the stack trace only with {@code BMSWB_DEBUG} set.
     */
    private static final class StderrLogger extends Logger {
        private final PrintStream err;

        StderrLogger(PrintStream err) {
            this.err = err;
        }

        @Override
        protected void doLog(Bundle bundle, @SuppressWarnings("rawtypes") ServiceReference sr, int level, String msg,
                Throwable throwable) {
            print(bundle == null ? "" : " [" + bundle.getSymbolicName() + "]", msg, throwable);
        }

        @Override
        protected void doLog(int level, String msg, Throwable throwable) {
            print("", msg, throwable);
        }

        @Override
        protected void doLogOut(int level, String msg, Throwable throwable) {
            print("", msg, throwable);
        }

        private void print(String who, String msg, Throwable throwable) {
            // A bundle the framework failed to start at a start level: the launcher reports it in its
            // one line (StartLevels.notStarted), the resolver's explanation with BMSWB_DEBUG.
            if (throwable instanceof BundleException && msg.startsWith("Error starting")
                    && System.getenv("BMSWB_DEBUG") == null) {
                return;
            }
            err.println("bmswb: framework" + who + ": " + msg + (throwable == null ? "" : ": " + throwable));
            if (throwable != null && System.getenv("BMSWB_DEBUG") != null) {
                throwable.printStackTrace(err);
            }
        }
    }
}
