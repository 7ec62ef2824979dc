package org.bmsworkbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code pcan:} and {@code kvaser:} transports in the real {@code bin/bmswb}: JNA and its
 * dispatch library in the product's Felix, the one line a missing vendor library gives, and —
 * against the stub PCAN-Basic and CANlib of the two bundles' {@code src/test/c} over the shared
 * stub bus of {@code org.bmsworkbench.can.testing}, compiled here with gcc ({@link
 * StubBus#compile}) and named by {@code BMSWB_PCAN_LIBRARY} / {@code BMSWB_KVASER_LIBRARY}
 * — adapters discovered, monitor and record receiving the stub's frames (an MG Master LV on SMA, guide
 * 1.5.1), vreg read answered (guide 1.5.4) and an unplug ridden out. No real adapter is involved.
 */
class VendorAdaptersIT {
    private static final Path BUNDLES = Path.of("../../bundles").toAbsolutePath().normalize();
    private static Bmswb bmswb;
    private static Path pcan;
    private static Path canlib;

    @BeforeAll
    static void buildStubsAndCopyProduct() throws Exception {
        bmswb = Bmswb.copy();
        Path dir = Files.createDirectories(bmswb.workDir.resolve("stubs"));
        pcan = StubBus.compile(dir.resolve("libpcanbasic.so"), BUNDLES.resolve("org.bmsworkbench.transport.pcan/src/test/c"));
        canlib = StubBus.compile(dir.resolve("libcanlib.so"), BUNDLES.resolve("org.bmsworkbench.transport.kvaser/src/test/c"));
    }

    @AfterAll
    static void removeCopy() throws IOException {
        if (bmswb != null) {
            bmswb.close();
        }
    }

    private static Bmswb.Result withStubs(Map<String, String> env, String... args) throws IOException {
        ProcessBuilder pb = bmswb.builder(args);
        pb.environment().put("BMSWB_PCAN_LIBRARY", pcan.toString());
        pb.environment().put("BMSWB_KVASER_LIBRARY", canlib.toString());
        return StubBus.run(pb, env);
    }

    @Test
    void withoutTheVendorLibrariesEachSaysInOneLineWhatToInstall() throws Exception {
        ProcessBuilder adapters = bmswb.builder("adapters", "--format", "jsonl");
        adapters.environment().remove("BMSWB_PCAN_LIBRARY");
        adapters.environment().remove("BMSWB_KVASER_LIBRARY");
        Bmswb.Result a = Bmswb.finish(adapters, 60);
        assertEquals(0, a.status(), a::toString);
        assertTrue(a.out().contains("{\"type\":\"transport\",\"scheme\":\"pcan\",\"description\":\"PEAK PCAN adapters"
                + " through PEAK's PCAN-Basic library (pcan:PCAN_USBBUS1?bitrate=500000&mode=listen-only)\",\"available\":false,"
                + "\"unavailable_reason\":\"PEAK's PCAN-Basic library libpcanbasic.so is not installed: install PEAK's"
                + " PCAN-Basic API for Linux"), a::toString);
        assertTrue(a.out().contains("\"scheme\":\"kvaser\",") && a.out().contains("\"unavailable_reason\":\"Kvaser's CANlib"
                + " library libcanlib.so is not installed: install Kvaser's Linux drivers and SDK, linuxcan"), a::toString);
        Bmswb.Result monitor = bmswb.run("monitor", "--connect", "pcan:PCAN_USBBUS1", "--duration", "2");
        assertEquals(1, monitor.status(), monitor::toString);
        assertEquals("bmswb monitor: cannot connect to pcan:PCAN_USBBUS1: PEAK's PCAN-Basic library libpcanbasic.so is"
                + " not installed: install PEAK's PCAN-Basic API for Linux (www.peak-system.com → Support → Downloads →"
                + " PCAN-Basic for Linux; it needs PEAK's pcan driver or the kernel's peak_usb)\n", monitor.err());
        Bmswb.Result record = bmswb.run("record", "--connect", "kvaser:0", "--duration", "2", "-o", "x.log");
        assertEquals(1, record.status(), record::toString);
        assertEquals(1, record.err().lines().count(), record::toString);
        assertTrue(record.err().startsWith("bmswb record: cannot connect to kvaser:0: Kvaser's CANlib library"
                + " libcanlib.so is not installed: install Kvaser's Linux drivers and SDK"), record::toString);
    }

    @Test
    void theStubAdaptersAreDiscovered() throws Exception {
        Bmswb.Result r = withStubs(Map.of(), "adapters");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().matches("(?s).*\\*\\s+pcan:PCAN_USBBUS1\\s+PCAN_USBBUS1\\s+PCAN-USB, device id 0x11, available.*"), r::toString);
        assertTrue(r.out().matches("(?s).*\\*\\s+kvaser:0\\s+0\\s+Kvaser Leaf Light v2 \\(stub\\) \\(channel 0\\), serial 12345.*"), r::toString);
        assertTrue(!r.out().contains("Installed but unavailable"), r::toString);
    }

    @Test
    void monitorAndRecordReceiveTheStubsFrames() throws Exception {
        Bmswb.Result m = withStubs(Map.of(), "monitor", "--connect", "pcan:PCAN_USBBUS1?bitrate=250000&mode=listen-only",
                "--protocol", "sma", "--format", "jsonl", "--duration", "2");
        assertEquals(0, m.status(), m::toString);
        assertTrue(m.out().contains(StubBus.batteryBasicInfo("PCAN_USBBUS1")), m::toString);
        Bmswb.Result k = withStubs(Map.of(), "monitor", "--connect", "kvaser:0", "--protocol", "sma", "--format", "jsonl",
                "--duration", "2");
        assertEquals(0, k.status(), k::toString);
        assertTrue(k.out().contains("\"bus\":\"kvaser0\",\"protocol\":\"sma\",\"can_id\":\"0x355\""), k::toString);
        for (String uri : List.of("pcan:PCAN_USBBUS2", "kvaser:1")) {
            Path log = bmswb.workDir.resolve(uri.replace(':', '_') + ".log");
            Bmswb.Result r = withStubs(Map.of(), "record", "--connect", uri, "--duration", "2", "-o", log.toString());
            assertEquals(0, r.status(), r::toString);
            List<String> lines = Files.readAllLines(log);
            assertTrue(lines.size() >= 40, uri + ": " + lines.size() + " frames");
            assertTrue(lines.stream().anyMatch(l -> l.endsWith(" 356#C01485FFD700")), uri + ": " + lines);
        }
    }

    @Test
    void vregReadRoundTripsThroughBothStubs() throws Exception {
        for (String uri : List.of("pcan:PCAN_USBBUS1", "kvaser:0?bitrate=250000")) {
            StubBus.assertVregRead(withStubs(Map.of(), "vreg", "read", "--connect", uri, "0x0FFF", "0x0100"));
        }
    }

    @Test
    void monitorRidesOutAnUnplug() throws Exception {
        StubBus.assertMonitorRidesOutAnUnplug(bmswb.workDir, VendorAdaptersIT::withStubs, "pcan:PCAN_USBBUS1",
                "PCAN_USBBUS1", "PCAN_ERROR_ILLHW");
    }
}
