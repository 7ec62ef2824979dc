package org.bmsworkbench.can.spi;

import java.io.IOException;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A native part an adapter transport needs (a vendor's library, the USB session), loaded when first
 * needed (opening a channel, listing adapters), never when the bundle starts. A load that fails
 * says why in one line and is tried again next time (the user may install what is missing
 * meanwhile); once loaded, it stays until {@link #forget()}.
 *
 * @param <T> what loading gives: the library's interface, a session
 */
@ConsumerType
public abstract class NativeLibrary<T> {
    private T loaded;

    /** Loads it; the message of a failure is the one line saying why and what to do. Under this object's lock. */
    protected abstract T load() throws IOException;

    /** What {@link #load} gave, loading it on the first call and on each one after a failure. */
    public final synchronized T get() throws IOException {
        if (loaded == null) {
            loaded = load();
        }
        return loaded;
    }

    /** Empty when it loads, else the line that says why not (for the transport's {@code unavailable()}). */
    public final Optional<String> unavailable() {
        try {
            get();
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Forgets what was loaded, so that the next {@link #get} loads again; what was loaded, or null. */
    protected final synchronized T forget() {
        T t = loaded;
        loaded = null;
        return t;
    }

    /** The first line of a failure's message, stripped (native loaders write several); its class's name when it has none. */
    public static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()).strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }
}
