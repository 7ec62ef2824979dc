package org.bmsworkbench.transport.gsusb.internal;

import java.io.IOException;
import java.util.Locale;
import org.bmsworkbench.can.spi.NativeLibrary;

/**
 * The USB session, started when first needed (opening a channel, listing adapters), never when
 * the bundle starts: starting it loads usb4java's native library. A start that fails gives one
 * line saying why (no native library for this platform, libusb cannot start) and is tried again
 * next time; a session that started stays until {@link #close()} (the can SPI's {@link NativeLibrary}).
 */
final class UsbAccess extends NativeLibrary<UsbBackend> implements AutoCloseable {

    /** Starts a backend (usb4java in the product). */
    @FunctionalInterface
    interface Starter {
        UsbBackend start() throws IOException;
    }

    private final Starter starter;
    /** Guarded by this object. */
    private boolean closed;

    UsbAccess(Starter starter) {
        this.starter = starter;
    }

    /** Names a stand-in for USB: a class of this bundle or of a fragment attached to it (product tests only). */
    static final String BACKEND_PROPERTY = "bmswb.gsusb.backend";

    /** libusb through usb4java; this names {@link Usb4javaBackend} only inside the lambda, so nothing loads before it runs. */
    static UsbAccess usb4java() {
        return new UsbAccess(() -> Usb4javaBackend.start());
    }

    /**
     * USB as the product has it: libusb through usb4java, unless the system property {@value
     * #BACKEND_PROPERTY} names a {@link UsbBackend} class with a public no-argument constructor,
     * found with this bundle's class loader — a test fragment's fake device (product/itests
     * {@code GsUsbAdapterIT}); nothing else can add classes there.
     */
    static UsbAccess fromSystem() {
        String backend = System.getProperty(BACKEND_PROPERTY);
        if (backend == null || backend.isBlank()) {
            return usb4java();
        }
        return new UsbAccess(() -> {
            try {
                return (UsbBackend) Class.forName(backend.strip(), true, UsbAccess.class.getClassLoader())
                        .getConstructor().newInstance();
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IOException(BACKEND_PROPERTY + "=" + backend + " is not a USB backend of the gsusb bundle ("
                        + e + ")");
            }
        });
    }

    /** Starts the session (on the first {@link #get()}, and after a start that failed). */
    @Override
    protected UsbBackend load() throws IOException {
        if (closed) {
            throw new IOException("the gsusb transport is stopped");
        }
        try {
            return starter.start();
        } catch (UsbException e) {
            throw new IOException("libusb cannot start, so no gs_usb adapter can be reached: " + e.getMessage());
        } catch (LinkageError | RuntimeException e) {
            // UnsatisfiedLinkError, NoClassDefFoundError, ExceptionInInitializerError, usb4java's LoaderException
            Throwable cause = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
            throw new IOException("usb4java's native library does not load on this system (" + platform() + "): "
                    + firstLine(cause) + "; gs_usb adapters need libusb through usb4java, which ships it for Linux"
                    + " x86/x86-64/arm/aarch64, Windows x86/x86-64 and macOS x86-64");
        }
    }

    /** Ends the session (when the component stops). */
    @Override
    public synchronized void close() {
        closed = true;
        UsbBackend backend = forget();
        if (backend != null) {
            backend.close();
        }
    }

    private static String platform() {
        return System.getProperty("os.name", "?").toLowerCase(Locale.ROOT) + " " + System.getProperty("os.arch", "?");
    }
}
