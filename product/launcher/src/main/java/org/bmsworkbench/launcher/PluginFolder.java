package org.bmsworkbench.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;

/**
 * Brings the installed bundles in line with the folders before the first command runs.
 * FileInstall watches plugins/ only once the framework is up, on its own thread; without this
 * step a command started right after a jar was dropped might not see it, and a jar deleted while
 * bmswb was not running would stay installed from the cache. Locations use FileInstall's form
 * ({@code File.toURI()}), so FileInstall goes on managing these bundles.
 */
final class PluginFolder {
    private PluginFolder() {
    }

    static String location(Path jar) {
        return jar.toAbsolutePath().toFile().toURI().toString();
    }

    /**
     * Uninstalls bundles whose {@code file:} jar is gone, installs the jars of {@code plugins}
     * that are not installed and updates those changed since.
     *
     * @return the bundles to start (fragments excluded)
     */
    static List<Bundle> reconcile(BundleContext context, Path plugins, PrintStream err) throws IOException {
        Map<String, Bundle> byLocation = new HashMap<>();
        for (Bundle b : context.getBundles()) {
            if (b.getBundleId() == 0) {
                continue;
            }
            String loc = b.getLocation();
            Path file = fileOf(loc);
            if (file != null && !Files.exists(file)) {
                uninstall(b, err);
            } else {
                byLocation.put(loc, b);
            }
        }
        List<Bundle> toStart = new ArrayList<>();
        if (!Files.isDirectory(plugins)) {
            return toStart;
        }
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(plugins, "*.jar")) {
            dir.forEach(jars::add);
        }
        jars.sort(null);
        for (Path jar : jars) {
            String loc = location(jar);
            Bundle b = byLocation.get(loc);
            try {
                if (b == null) {
                    b = context.installBundle(loc);
                } else if (Files.getLastModifiedTime(jar).toMillis() > b.getLastModified()) {
                    b.update();
                }
                if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null && b.getState() != Bundle.ACTIVE) {
                    toStart.add(b);
                }
            } catch (BundleException e) {
                err.println("bmswb: plugins/" + jar.getFileName() + " was not installed: " + e.getMessage());
            }
        }
        return toStart;
    }

    private static void uninstall(Bundle b, PrintStream err) {
        try {
            b.uninstall();
        } catch (BundleException e) {
            err.println("bmswb: could not remove " + b.getSymbolicName() + " (its jar is gone): " + e.getMessage());
        }
    }

    /** The file of a {@code file:} location, or null for other locations. */
    static Path fileOf(String location) {
        if (location == null || !location.startsWith("file:")) {
            return null;
        }
        try {
            return Paths.get(URI.create(location));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
