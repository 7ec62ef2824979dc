package org.bmsworkbench.transport.pcan.internal;

import com.sun.jna.Native;
import org.bmsworkbench.can.spi.VendorLibrary;

/**
 * PEAK's PCAN-Basic library, loaded through JNA when first needed (opening a channel, listing
 * adapters), never when the bundle starts. Its file is {@code PCANBasic.dll} on Windows,
 * {@code libpcanbasic.so} on Linux and {@code libPCBUSB.dylib} (the macOS port from mac-can.com)
 * on macOS, found where the system looks for libraries; the system property {@value #PROPERTY}
 * or the environment variable {@value #ENV} names another file. A library that is not there
 * gives one line naming it and where it comes from, and is looked for again next time (the user
 * may install it meanwhile); once loaded it stays (the can SPI's {@link VendorLibrary}).
 */
final class PcanLibrary extends VendorLibrary<PcanBasic> {
    static final String PROPERTY = "bmswb.pcan.library";
    static final String ENV = "BMSWB_PCAN_LIBRARY";

    PcanLibrary(String explicitPath, String os, Loader<PcanBasic> loader) {
        super("PEAK's", "PCAN-Basic", PROPERTY, ENV, explicitPath, os, loader);
    }

    /** The system's library, or the one {@value #PROPERTY} / {@value #ENV} names. */
    static PcanLibrary fromSystem() {
        return new PcanLibrary(configuredPath(PROPERTY, ENV), System.getProperty("os.name", ""),
                name -> Native.load(name, PcanBasic.class, JnaOptions.OPTIONS));
    }

    /** The file the library has on this system: {@code PCANBasic.dll}, {@code libpcanbasic.so}, {@code libPCBUSB.dylib}. */
    @Override
    public String fileName() {
        return windows() ? "PCANBasic.dll" : mac() ? "libPCBUSB.dylib" : "libpcanbasic.so";
    }

    @Override
    protected String systemName() {
        return windows() ? "PCANBasic" : mac() ? "PCBUSB" : "pcanbasic";
    }

    @Override
    protected String whereFrom() {
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
}
