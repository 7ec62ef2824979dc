package org.bmsworkbench.transport.gsusb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.testing.RecordingListener;
import org.junit.jupiter.api.Test;

/**
 * The real usb4java 1.3.0 and its JNI library (libusb linked in), loaded from the class path as the
 * bundle loads it from its own jar: the native part loads on this machine (Linux x86-64), libusb
 * starts or says in one line why not, and with no gs_usb device attached (there is none on the
 * build machines) listing gives nothing and opening gives the one line a user sees.
 */
class Usb4javaBackendTest {

    @Test
    void theNativeLibraryLoadsAndWithoutADeviceOpeningSaysSo() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && System.getProperty("os.arch").equals("amd64"),
                "the test class path carries the linux-x86-64 native only");
        UsbAccess usb = UsbAccess.usb4java();
        GsUsbTransport t = new GsUsbTransport(usb, GsUsbTransport.Timing.DEFAULT);
        try {
            Optional<String> why = t.unavailable();
            // From a jar or a bundle the Loader copies its library to a temporary folder, which must be gone once
            // loaded (the product ends with Runtime.halt, so deleteOnExit never runs; GsUsbAdapterIT checks the
            // product); from target/classes (a file: URL, as here when bnd has put it there) it loads it in place.
            java.io.File copy = Usb4javaBackend.extractedLibraryFolder();
            if (copy == null) {
                assertEquals("file", org.usb4java.Loader.class.getResource("/org/usb4java/linux-x86-64/libusb4java.so")
                        .getProtocol());
            } else {
                assertTrue(!copy.exists(), "the copy is removed once loaded: " + copy);
            }
            assertTrue(why.isEmpty() || why.get().startsWith("libusb cannot start"), "the native library loads: " + why);
            why.ifPresent(w -> assertEquals(1, w.lines().count(), w));
            if (why.isEmpty()) {
                List<UsbBackend.UsbDeviceInfo> devices = usb.get().devices();
                assumeTrue(devices.isEmpty(), "a gs_usb device is attached here: " + devices);
                assertTrue(t.discover().isEmpty());
                IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                        () -> t.open(ConnectionUri.parse("gsusb:0"), new RecordingListener()));
                assertEquals("no gs_usb device 0 is attached (none is: is a candleLight/CANable with gs_usb firmware"
                        + " plugged in?)", e.getMessage());
            }
        } finally {
            t.deactivate();
        }
    }
}
