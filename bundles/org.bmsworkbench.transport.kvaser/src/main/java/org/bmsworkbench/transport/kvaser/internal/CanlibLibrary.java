package org.bmsworkbench.transport.kvaser.internal;

import com.sun.jna.Native;
import java.io.IOException;
import org.bmsworkbench.can.spi.VendorLibrary;

/**
 * Kvaser's CANlib, loaded through JNA when first needed (opening a channel, listing adapters),
 * never when the bundle starts, and initialized once ({@code canInitializeLibrary}). Its file is
 * {@code canlib32.dll} on Windows (Kvaser's driver package; the name is the same on 64-bit) and
 * {@code libcanlib.so} on Linux (Kvaser's linuxcan); Kvaser offers no CANlib for macOS. The
 * system property {@value #PROPERTY} or the environment variable {@value #ENV} names another
 * file. A missing library gives one line naming it and where it comes from, and is looked for
 * again next time (the can SPI's {@link VendorLibrary}).
 */
final class CanlibLibrary extends VendorLibrary<Canlib> {
    static final String PROPERTY = "bmswb.kvaser.library";
    static final String ENV = "BMSWB_KVASER_LIBRARY";

    CanlibLibrary(String explicitPath, String os, Loader<Canlib> loader) {
        super("Kvaser's", "CANlib", PROPERTY, ENV, explicitPath, os, loader);
    }

    static CanlibLibrary fromSystem() {
        return new CanlibLibrary(configuredPath(PROPERTY, ENV), System.getProperty("os.name", ""),
                name -> Native.load(name, Canlib.class, JnaOptions.OPTIONS));
    }

    @Override
    public String fileName() {
        return windows() ? "canlib32.dll" : "libcanlib.so";
    }

    @Override
    protected String systemName() {
        return windows() ? "canlib32" : "canlib";
    }

    @Override
    protected String whereFrom() {
        if (windows()) {
            return "install Kvaser's drivers for Windows, which bring canlib32.dll (www.kvaser.com → Downloads →"
                    + " Kvaser Drivers for Windows; the CANlib SDK adds headers and samples)";
        }
        return "install Kvaser's Linux drivers and SDK, linuxcan, which build libcanlib.so (www.kvaser.com → Downloads"
                + " → Kvaser Linux Drivers and SDK)";
    }

    @Override
    protected String unsupported() {
        return mac() ? "Kvaser CANlib exists for Windows and Linux only; on macOS reach a Kvaser adapter"
                + " through a Linux or Windows machine (socketcand://) or use another adapter" : null;
    }

    /** Initializes the library ({@code canInitializeLibrary}), which also tells it is CANlib. */
    @Override
    protected void loaded(Canlib api) throws IOException {
        try {
            api.canInitializeLibrary();
        } catch (UnsatisfiedLinkError e) {
            throw new IOException("the library found as " + fileName() + " is not Kvaser's CANlib (it has no"
                    + " canInitializeLibrary): " + whereFrom());
        }
    }
}
