package org.bmsworkbench.transport.socketcan.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * JavaCAN's native library, from the class path (the x86_64 jar), outside OSGi. Runs on Linux
 * x86_64; needs no CAN interface and not even SocketCAN in the kernel.
 */
class JavacanNativesTest {
    private static void assumeLinuxX8664() {
        assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"),
                "JavaCAN's x86_64 natives are on the test class path: Linux x86_64 only");
    }

    @Test
    void theNativeLibraryLoads() throws IOException {
        assumeLinuxX8664();
        JavacanSocket.loadNatives();
    }

    @Test
    void openingAMissingInterfaceFailsInNativeCodeWithAClearMessage() {
        assumeLinuxX8664();
        IOException e = assertThrows(IOException.class, () -> JavacanSocket.open("bmswbnone0"));
        // without SocketCAN in the kernel (these build machines) socket(PF_CAN) itself fails;
        // with it, the interface lookup does
        assertTrue(e.getMessage().startsWith("this Linux kernel offers no SocketCAN raw socket (")
                || e.getMessage().startsWith("cannot open a raw CAN socket on bmswbnone0: "), e.getMessage());
    }
}
