package org.bmsworkbench.transport.pcan.internal;

import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * PEAK's PCAN-Basic library, loaded through JNA when first needed (opening a channel, listing
 * adapters), never when the bundle starts. Its file is {@code PCANBasic.dll} on Windows,
 * {@code libpcanbasic.so} on Linux and {@code libPCBUSB.dylib} (the macOS port from mac-can.com)
 * on macOS, found where the system looks for libraries; the system property {@value #PROPERTY}
 * or the environment variable {@value #ENV} names another file. A library that is not there
 * gives one line naming it and where it comes from, and is looked for again next time (the user
 * may install it meanwhile); once loaded it stays.
 */
final class PcanLibrary {
    static final String PROPERTY = "bmswb.pcan.library";
    static final String ENV = "BMSWB_PCAN_LIBRARY";

    /** Loads the library at a name or path (JNA in the product). */
    @FunctionalInterface
    interface Loader {
        PcanBasic load(String nameOrPath);
    }

    private final String explicitPath;
    private final String os;
    private final Loader loader;
    private PcanBasic api;

    PcanLibrary(String explicitPath, String os, Loader loader) {
        this.explicitPath = explicitPath == null || explicitPath.isBlank() ? null : explicitPath;
        this.os = os.toLowerCase(Locale.ROOT);
        this.loader = loader;
    }

    /** The system's library, or the one {@value #PROPERTY} / {@value #ENV} names. */
    static PcanLibrary fromSystem() {
        String path = System.getProperty(PROPERTY);
        if (path == null || path.isBlank()) {
            path = System.getenv(ENV);
        }
        return new PcanLibrary(path, System.getProperty("os.name", ""), name -> Native.load(name, PcanBasic.class,
                JnaOptions.OPTIONS));
    }

    boolean windows() {
        return os.startsWith("windows");
    }

    private boolean mac() {
        return os.startsWith("mac") || os.startsWith("darwin");
    }

    /** The file the library has on this system: {@code PCANBasic.dll}, {@code libpcanbasic.so}, {@code libPCBUSB.dylib}. */
    String fileName() {
        return windows() ? "PCANBasic.dll" : mac() ? "libPCBUSB.dylib" : "libpcanbasic.so";
    }

    private String jnaName() {
        return windows() ? "PCANBasic" : mac() ? "PCBUSB" : "pcanbasic";
    }

    /** Where the library comes from, for the one line saying it is missing. */
    private String whereFrom() {
        if (windows()) {
            return "install PEAK's device driver package, which brings PCANBasic.dll (www.peak-system.com → Support →"
                    + " Downloads → Drivers)";
        }
        if (mac()) {
            return "install the PCBUSB library for macOS (www.mac-can.com), PEAK's PCAN-Basic port";
        }
        return "install PEAK's PCAN-Basic API for Linux (www.peak-system.com → Support → Downloads → PCAN-Basic"
                + " for Linux; it needs PEAK's pcan driver or the kernel's peak_usb)";
    }

    /** The library, loading it on the first call. */
    synchronized PcanBasic get() throws IOException {
        if (api != null) {
            return api;
        }
        String target = explicitPath != null ? explicitPath : jnaName();
        if (explicitPath != null && !Files.isRegularFile(Path.of(explicitPath))) {
            throw new IOException("PCAN-Basic library " + explicitPath + " (named by " + PROPERTY + " or " + ENV
                    + ") does not exist; " + whereFrom());
        }
        try {
            api = loader.load(target);
            return api;
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            if (String.valueOf(e.getMessage()).contains("jnidispatch")) {
                throw new IOException("JNA's native part (jnidispatch) does not load on this system, so PEAK's library"
                        + " cannot be called (" + firstLine(e) + ")");
            }
            if (explicitPath != null) {
                throw new IOException("PCAN-Basic library " + explicitPath + " does not load (" + firstLine(e) + ")");
            }
            throw new IOException("PEAK's PCAN-Basic library " + fileName() + " is not installed: " + whereFrom());
        }
    }

    /** Empty when the library loads, else the line that says what to install. */
    Optional<String> unavailable() {
        try {
            get();
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage()).strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }
}
