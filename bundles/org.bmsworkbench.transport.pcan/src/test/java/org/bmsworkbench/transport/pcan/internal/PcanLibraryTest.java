package org.bmsworkbench.transport.pcan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Native;
import java.io.IOException;
import java.util.Optional;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.testing.RecordingListener;
import org.junit.jupiter.api.Test;

/** Without PEAK's library the transport stays installed and says, in one line, what to install. */
class PcanLibraryTest {
    /** JNA looking for a library that is on no machine, as it looks for libpcanbasic.so where PEAK's is not installed. */
    private static PcanLibrary absent(String os) {
        return new PcanLibrary(null, os, name -> Native.load(name + "-absent-on-purpose", PcanBasic.class));
    }

    @Test
    void aMissingLibraryIsOneLineNamingItAndWhereItComesFrom() {
        PcanTransport linux = new PcanTransport(absent("Linux"), PcanTransport.Timing.DEFAULT);
        String expected = "PEAK's PCAN-Basic library libpcanbasic.so is not installed: install PEAK's PCAN-Basic API for"
                + " Linux (www.peak-system.com → Support → Downloads → PCAN-Basic for Linux; it needs PEAK's pcan driver"
                + " or the kernel's peak_usb)";
        assertEquals(Optional.of(expected), linux.unavailable());
        IOException e = assertThrows(IOException.class,
                () -> linux.open(ConnectionUri.parse("pcan:PCAN_USBBUS1"), new RecordingListener()));
        assertEquals(expected, e.getMessage());
        assertEquals(java.util.List.of(), linux.discover());
        String windows = absent("Windows 11").unavailable().orElseThrow();
        assertTrue(windows.startsWith("PEAK's PCAN-Basic library PCANBasic.dll is not installed: install PEAK's device"
                + " driver package"), windows);
        String mac = absent("Mac OS X").unavailable().orElseThrow();
        assertTrue(mac.startsWith("PEAK's PCAN-Basic library libPCBUSB.dylib is not installed: install the PCBUSB"), mac);
        for (String m : new String[] {expected, windows, mac}) {
            assertTrue(!m.contains("\n"), m);
        }
    }

    @Test
    void aNamedPathThatIsNotThereSaysSo() {
        PcanLibrary named = new PcanLibrary("/nonexistent/libpcanbasic.so", "Linux", name -> {
            throw new AssertionError("not loaded");
        });
        assertEquals("PCAN-Basic library /nonexistent/libpcanbasic.so (named by bmswb.pcan.library or"
                + " BMSWB_PCAN_LIBRARY) does not exist; install PEAK's PCAN-Basic API for Linux (www.peak-system.com →"
                + " Support → Downloads → PCAN-Basic for Linux; it needs PEAK's pcan driver or the kernel's peak_usb)",
                named.unavailable().orElseThrow());
    }

    @Test
    void theLibraryIsLoadedOnFirstUseOnly() {
        int[] loads = {0};
        PcanTransport t = new PcanTransport(new PcanLibrary(null, "Linux", name -> {
            loads[0]++;
            throw new UnsatisfiedLinkError(name);
        }), PcanTransport.Timing.DEFAULT);
        t.description();
        t.validate(ConnectionUri.parse("pcan:PCAN_USBBUS1"));
        assertEquals(0, loads[0], "nothing loaded by the component or by validate");
        t.unavailable();
        assertEquals(1, loads[0]);
        t.unavailable();
        assertEquals(2, loads[0], "a missing library is looked for again (the user may have installed it)");
    }
}
