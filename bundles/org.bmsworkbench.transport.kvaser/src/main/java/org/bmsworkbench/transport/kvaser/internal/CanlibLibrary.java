package org.bmsworkbench.transport.kvaser.internal;

import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Kvaser's CANlib, loaded through JNA when first needed (opening a channel, listing adapters),
 * never when the bundle starts, and initialized once ({@code canInitializeLibrary}). Its file is
 * {@code canlib32.dll} on Windows (Kvaser's driver package; the name is the same on 64-bit) and
 * {@code libcanlib.so} on Linux (Kvaser's linuxcan); Kvaser offers no CANlib for macOS. The
 * system property {@value #PROPERTY} or the environment variable {@value #ENV} names another
 * file. A missing library gives one line naming it and where it comes from, and is looked for
 * again next time.
 */
final class CanlibLibrary {
    static final String PROPERTY = "bmswb.kvaser.library";
    static final String ENV = "BMSWB_KVASER_LIBRARY";

    @FunctionalInterface
    interface Loader {
        Canlib load(String nameOrPath);
    }

    private final String explicitPath;
    private final String os;
    private final Loader loader;
    private Canlib api;

    CanlibLibrary(String explicitPath, String os, Loader loader) {
        this.explicitPath = explicitPath == null || explicitPath.isBlank() ? null : explicitPath;
        this.os = os.toLowerCase(Locale.ROOT);
        this.loader = loader;
    }

    static CanlibLibrary fromSystem() {
        String path = System.getProperty(PROPERTY);
        if (path == null || path.isBlank()) {
            path = System.getenv(ENV);
        }
        return new CanlibLibrary(path, System.getProperty("os.name", ""), name -> Native.load(name, Canlib.class,
                JnaOptions.OPTIONS));
    }

    private boolean windows() {
        return os.startsWith("windows");
    }

    private boolean mac() {
        return os.startsWith("mac") || os.startsWith("darwin");
    }

    String fileName() {
        return windows() ? "canlib32.dll" : "libcanlib.so";
    }

    private String whereFrom() {
        if (windows()) {
            return "install Kvaser's drivers for Windows, which bring canlib32.dll (www.kvaser.com → Downloads →"
                    + " Kvaser Drivers for Windows; the CANlib SDK adds headers and samples)";
        }
        return "install Kvaser's Linux drivers and SDK, linuxcan, which build libcanlib.so (www.kvaser.com → Downloads"
                + " → Kvaser Linux Drivers and SDK)";
    }

    /** The library, loaded and initialized on the first call. */
    synchronized Canlib get() throws IOException {
        if (api != null) {
            return api;
        }
        if (explicitPath == null && mac()) {
            throw new IOException("Kvaser CANlib exists for Windows and Linux only; on macOS reach a Kvaser adapter"
                    + " through a Linux or Windows machine (socketcand://) or use another adapter");
        }
        if (explicitPath != null && !Files.isRegularFile(Path.of(explicitPath))) {
            throw new IOException("CANlib library " + explicitPath + " (named by " + PROPERTY + " or " + ENV
                    + ") does not exist; " + whereFrom());
        }
        Canlib loaded;
        try {
            loaded = loader.load(explicitPath != null ? explicitPath : windows() ? "canlib32" : "canlib");
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            if (String.valueOf(e.getMessage()).contains("jnidispatch")) {
                throw new IOException("JNA's native part (jnidispatch) does not load on this system, so Kvaser's"
                        + " library cannot be called (" + e.getMessage().strip().lines().findFirst().orElse("") + ")");
            }
            if (explicitPath != null) {
                String m = String.valueOf(e.getMessage()).strip();
                throw new IOException("CANlib library " + explicitPath + " does not load ("
                        + (m.contains("\n") ? m.substring(0, m.indexOf('\n')).strip() : m) + ")");
            }
            throw new IOException("Kvaser's CANlib library " + fileName() + " is not installed: " + whereFrom());
        }
        try {
            loaded.canInitializeLibrary();
        } catch (UnsatisfiedLinkError e) {
            throw new IOException("the library found as " + fileName() + " is not Kvaser's CANlib (it has no"
                    + " canInitializeLibrary): " + whereFrom());
        }
        api = loaded;
        return api;
    }

    Optional<String> unavailable() {
        try {
            get();
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
    }
}
