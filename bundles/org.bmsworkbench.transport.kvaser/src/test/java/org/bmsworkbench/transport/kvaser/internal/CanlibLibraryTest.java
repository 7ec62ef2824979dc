package org.bmsworkbench.transport.kvaser.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Native;
import java.io.IOException;
import java.util.Optional;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.testing.RecordingListener;
import org.junit.jupiter.api.Test;

/** Without Kvaser's CANlib the transport stays installed and says, in one line, what to install. */
class CanlibLibraryTest {
    private static CanlibLibrary absent(String os) {
        return new CanlibLibrary(null, os, name -> Native.load(name + "-absent-on-purpose", Canlib.class));
    }

    @Test
    void aMissingLibraryIsOneLineNamingItAndWhereItComesFrom() {
        KvaserTransport linux = new KvaserTransport(absent("Linux"), KvaserTransport.Timing.DEFAULT);
        String expected = "Kvaser's CANlib library libcanlib.so is not installed: install Kvaser's Linux drivers and SDK,"
                + " linuxcan, which build libcanlib.so (www.kvaser.com → Downloads → Kvaser Linux Drivers and SDK)";
        assertEquals(Optional.of(expected), linux.unavailable());
        IOException e = assertThrows(IOException.class,
                () -> linux.open(ConnectionUri.parse("kvaser:0"), new RecordingListener()));
        assertEquals(expected, e.getMessage());
        assertEquals(java.util.List.of(), linux.discover());
        String windows = absent("Windows 11").unavailable().orElseThrow();
        assertTrue(windows.startsWith("Kvaser's CANlib library canlib32.dll is not installed: install Kvaser's drivers"
                + " for Windows"), windows);
        String mac = absent("Mac OS X").unavailable().orElseThrow();
        assertTrue(mac.startsWith("Kvaser CANlib exists for Windows and Linux only"), mac);
    }

    @Test
    void theLibraryIsLoadedOnFirstUseOnly() {
        int[] loads = {0};
        KvaserTransport t = new KvaserTransport(new CanlibLibrary(null, "Linux", name -> {
            loads[0]++;
            throw new UnsatisfiedLinkError(name);
        }), KvaserTransport.Timing.DEFAULT);
        t.description();
        t.validate(ConnectionUri.parse("kvaser:0"));
        assertEquals(0, loads[0], "nothing loaded by the component or by validate");
        t.unavailable();
        t.unavailable();
        assertEquals(2, loads[0], "a missing library is looked for again");
    }
}
