package org.bmsworkbench.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The {@code bmswb} process: checks the Java version, starts Felix with the product's bundles
 * ({@link ProductRuntime}), runs the command line on this (the main) thread, and exits with its
 * status. The main thread matters: on macOS the SWT Display must live there.
 */
public final class Main {
    static final int REQUIRED_JAVA = 21;

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream err = System.err;
        StartupTrace trace = StartupTrace.start(err);
        int feature = javaFeatureVersion();
        if (feature < REQUIRED_JAVA) {
            err.println("bmswb: BMS Workbench needs Java " + REQUIRED_JAVA + " or newer; this is Java " + feature
                    + " (" + System.getProperty("java.home") + ").");
            err.println("bmswb: install a JDK " + REQUIRED_JAVA + "+ (e.g. from https://adoptium.net) and set JAVA_HOME to it.");
            System.exit(1);
        }
        int status;
        try {
            ProductLayout layout = ProductLayout.detect();
            ClassDataArchive.dropIfStale(layout.home(), layout.userDir());
            status = ProductRuntime.run(layout, args, err);
        } catch (LaunchException e) {
            err.println("bmswb: " + e.getMessage());
            status = 1;
        }
        System.out.flush();
        trace.mark("exit");
        err.flush();
        // Bundles may have left non-daemon threads; the status is what counts.
        Runtime.getRuntime().halt(status);
    }

    static int javaFeatureVersion() {
        String spec = System.getProperty("java.specification.version", "0");
        if (spec.startsWith("1.")) {
            spec = spec.substring(2);
        }
        try {
            return Integer.parseInt(spec);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A failure to start the product, with the one line the user sees. */
    static final class LaunchException extends Exception {
        private static final long serialVersionUID = 1L;

        LaunchException(String message) {
            super(message);
        }

        LaunchException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Where things are: the product home (bin/, lib/, bundle/, plugins/) and the user's directory
     * (configuration, bundle cache).
     */
    record ProductLayout(Path home, Path userDir) {
        Path bundles() { return home.resolve("bundle"); }
        Path plugins() { return home.resolve("plugins"); }
        Path configuration() { return userDir.resolve("config"); }
        Path caches() { return userDir.resolve("cache"); }

        static ProductLayout detect() throws LaunchException {
            String homeProp = System.getProperty("bmswb.home");
            Path home;
            if (homeProp != null) {
                home = Paths.get(homeProp);
            } else {
                try {
                    Path jar = Paths.get(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                    home = jar.getParent().getParent();
                } catch (Exception e) {
                    throw new LaunchException("cannot tell where the product is installed; set -Dbmswb.home", e);
                }
            }
            home = home.toAbsolutePath().normalize();
            if (!Files.isDirectory(home.resolve("bundle"))) {
                throw new LaunchException("no bundle/ folder in " + home + " (is this a BMS Workbench product folder?)");
            }
            String userProp = System.getProperty("bmswb.user.dir", System.getenv("BMSWB_USER_DIR"));
            Path user = userProp != null && !userProp.isBlank() ? Paths.get(userProp)
                    : Paths.get(System.getProperty("user.home"), ".bmsworkbench");
            try {
                Files.createDirectories(user);
            } catch (IOException e) {
                throw new LaunchException("cannot create " + user + ": " + e.getMessage(), e);
            }
            return new ProductLayout(home, user.toAbsolutePath().normalize());
        }
    }
}
