package org.bmsworkbench.can.spi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An adapter vendor's library (PEAK's PCAN-Basic, Kvaser's CANlib) called through JNA: found where
 * the system looks for libraries under its {@link #systemName}, or at the file a system property or
 * an environment variable names ({@link #configuredPath}). What goes wrong is one line: the named
 * file does not exist or does not load, JNA's own native part does not load, or the library is not
 * installed, with where it comes from ({@code "PEAK's PCAN-Basic library libpcanbasic.so is not
 * installed: install …"}). Free of JNA itself: the transport passes the {@link Loader}.
 *
 * @param <T> the library's JNA interface
 */
@ConsumerType
public abstract class VendorLibrary<T> extends NativeLibrary<T> {

    /** Loads the library at a name or path (JNA's {@code Native.load} in the product); a failure is a {@link LinkageError}. */
    @FunctionalInterface
    public interface Loader<T> {
        T load(String nameOrPath);
    }

    private final String vendor;
    private final String library;
    private final String property;
    private final String env;
    private final String explicitPath;
    private final String os;
    private final Loader<T> loader;

    /**
     * @param vendor       the vendor, possessive, as messages name it: {@code PEAK's}
     * @param library      the library's name: {@code PCAN-Basic}
     * @param property     the system property that may name the file: {@code bmswb.pcan.library}
     * @param env          the environment variable that may name it: {@code BMSWB_PCAN_LIBRARY}
     * @param explicitPath the file they named ({@link #configuredPath}), or null (or blank) for the system's
     * @param os           the operating system's name ({@code os.name})
     */
    protected VendorLibrary(String vendor, String library, String property, String env, String explicitPath, String os,
            Loader<T> loader) {
        this.vendor = vendor;
        this.library = library;
        this.property = property;
        this.env = env;
        this.explicitPath = explicitPath == null || explicitPath.isBlank() ? null : explicitPath;
        this.os = os.toLowerCase(Locale.ROOT);
        this.loader = loader;
    }

    /** The file the system property, else the environment variable, names; null when neither does. */
    public static String configuredPath(String property, String env) {
        String path = System.getProperty(property);
        return path == null || path.isBlank() ? System.getenv(env) : path;
    }

    /** The library's file on this system: {@code libpcanbasic.so}. */
    public abstract String fileName();

    /** The name the system's library search takes: {@code pcanbasic}. */
    protected abstract String systemName();

    /** Where the library comes from, for the line saying it is missing: {@code install PEAK's …}. */
    protected abstract String whereFrom();

    /** Why the library cannot be had on this system at all, or null (checked first, unless a file is named). */
    protected String unsupported() {
        return null;
    }

    /** Checks (and initializes) the library just loaded; the message says why it cannot be used. */
    protected void loaded(T api) throws IOException {
    }

    public final boolean windows() {
        return os.startsWith("windows");
    }

    public final boolean mac() {
        return os.startsWith("mac") || os.startsWith("darwin");
    }

    @Override
    protected final T load() throws IOException {
        String unsupported = explicitPath == null ? unsupported() : null;
        if (unsupported != null) {
            throw new IOException(unsupported);
        }
        if (explicitPath != null && !Files.isRegularFile(Path.of(explicitPath))) {
            throw new IOException(library + " library " + explicitPath + " (named by " + property + " or " + env
                    + ") does not exist; " + whereFrom());
        }
        T api;
        try {
            api = loader.load(explicitPath != null ? explicitPath : systemName());
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            if (String.valueOf(e.getMessage()).contains("jnidispatch")) {
                throw new IOException("JNA's native part (jnidispatch) does not load on this system, so " + vendor
                        + " library cannot be called (" + firstLine(e) + ")");
            }
            if (explicitPath != null) {
                throw new IOException(library + " library " + explicitPath + " does not load (" + firstLine(e) + ")");
            }
            throw new IOException(vendor + " " + library + " library " + fileName() + " is not installed: " + whereFrom());
        }
        loaded(api);
        return api;
    }
}
