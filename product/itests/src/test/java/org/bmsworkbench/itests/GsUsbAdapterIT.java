package org.bmsworkbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bmsworkbench.transport.gsusb.internal.StubBusCandleLight;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code gsusb:} transport in the real {@code bin/bmswb}.
 *
 * <p>As shipped: usb4java, embedded in the bundle, loads its JNI library from the bundle's class
 * loader inside Felix and libusb starts (or the transport is listed as installed but unavailable
 * with one line), the library's temporary copy is removed, and with no gs_usb device attached
 * (the build machines have no USB devices) monitor and record exit 1 with one line.
 *
 * <p>With a fake device: a second copy of the product gets a test fragment of the gsusb bundle
 * holding the bundle's {@code FakeCandleLight} (gs_usb at the level of USB transfers) on the shared
 * C stub bus of the pcan and kvaser stubs ({@link StubBusCandleLight}, {@code src/test/c/gsusb},
 * built with gcc, {@link StubBus}), chosen with {@code -Dbmswb.gsusb.backend}: adapters, monitor, record, vreg read
 * and an unplug go through the transport's real code down to the USB transfers. No real adapter
 * or USB device is involved.
 */
class GsUsbAdapterIT {
    private static final String DESCRIPTION = "{\"type\":\"transport\",\"scheme\":\"gsusb\",\"description\":"
            + "\"candleLight/CANable adapters with gs_usb firmware, directly over USB"
            + " (gsusb:0?bitrate=500000&mode=listen-only)\"";
    private static Bmswb bmswb;
    private static Bmswb faked;
    private static Path stub;

    @BeforeAll
    static void copyProductTwice() throws Exception {
        bmswb = Bmswb.copy();
        faked = Bmswb.copy();
        Path dir = Files.createDirectories(faked.workDir.resolve("stubs"));
        stub = StubBus.compile(dir.resolve("libgsusbstub.so"), Path.of("src/test/c/gsusb").toAbsolutePath());
        writeFragment(faked.home.resolve("bundle/org.bmsworkbench.transport.gsusb.stubdevice.jar"));
    }

    /** A fragment of the gsusb bundle with the fake device's classes (they join the bundle's own package). */
    private static void writeFragment(Path jar) throws IOException {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> c : List.of(StubBusCandleLight.class, StubBusCandleLight.class.getSuperclass())) {
            classes.add(c);
            classes.addAll(List.of(c.getDeclaredClasses()));
        }
        BundleJar.write(jar, "org.bmsworkbench.transport.gsusb.stubdevice",
                Map.of("Fragment-Host", "org.bmsworkbench.transport.gsusb", "Import-Package", "com.sun.jna"), classes);
    }

    @AfterAll
    static void removeCopies() throws IOException {
        if (bmswb != null) {
            bmswb.close();
        }
        if (faked != null) {
            faked.close();
        }
    }

    private static Bmswb.Result withFake(Map<String, String> env, String... args) throws IOException {
        ProcessBuilder pb = faked.builder(args);
        pb.environment().put("BMSWB_JAVA_OPTS", "-Dbmswb.gsusb.backend=org.bmsworkbench.transport.gsusb.internal"
                + ".StubBusCandleLight -Dbmswb.gsusb.stub=" + stub);
        return StubBus.run(pb, env);
    }

    @Test
    void adaptersListsGsusbAndUsbStartsInFelixLeavingNoCopyBehind() throws Exception {
        Path tmp = Files.createDirectories(bmswb.workDir.resolve("tmp"));
        ProcessBuilder pb = bmswb.builder("adapters", "--format", "jsonl");
        pb.environment().put("BMSWB_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp);
        Bmswb.Result r = Bmswb.finish(pb, 60);
        assertEquals(0, r.status(), r::toString);
        String line = r.out().lines().filter(l -> l.startsWith(DESCRIPTION)).findFirst().orElseThrow(
                () -> new AssertionError("no gsusb transport: " + r));
        // available (libusb started) or unavailable because libusb cannot start here; never a native that does not load
        assertTrue(line.equals(DESCRIPTION + "}") || line.startsWith(DESCRIPTION + ",\"available\":false,"
                + "\"unavailable_reason\":\"libusb cannot start"), line);
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(0, left.filter(p -> p.getFileName().toString().startsWith("usb4java")).count(),
                    "usb4java's copy of its library in " + tmp);
        }
    }

    @Test
    void withoutADeviceMonitorAndRecordSayInOneLineAndExitOne() {
        Bmswb.Result monitor = bmswb.run("monitor", "--connect", "gsusb:0", "--duration", "2");
        assertEquals(1, monitor.status(), monitor::toString);
        assertEquals(1, monitor.err().lines().count(), monitor::toString);
        assertTrue(monitor.err().equals("bmswb monitor: cannot connect to gsusb:0: no gs_usb device 0 is attached (none"
                + " is: is a candleLight/CANable with gs_usb firmware plugged in?)\n")
                || monitor.err().startsWith("bmswb monitor: cannot connect to gsusb:0: libusb cannot start"), monitor::toString);
        Bmswb.Result record = bmswb.run("record", "--connect", "gsusb:0038002A4E50?bitrate=250k", "--duration", "2", "-o",
                "x.log");
        assertEquals(1, record.status(), record::toString);
        assertEquals(1, record.err().lines().count(), record::toString);
        assertTrue(record.err().startsWith("bmswb record: cannot connect to gsusb:0038002A4E50?bitrate=250k: "),
                record::toString);
    }

    @Test
    void theFakeDeviceIsDiscovered() throws Exception {
        Bmswb.Result r = withFake(Map.of(), "adapters");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().matches("(?s).*\\*\\s+gsusb:0\\s+0\\s+candleLight USB to CAN adapter, serial 0038002A4E50, 1 CAN channel, bus 1"
                + " address 5\\s+1d50:606f\\s+candleLight / CANable \\(gs_usb\\).*"), r::toString);
    }

    @Test
    void monitorAndRecordReceiveTheStubBusFramesThroughTheFakeDevice() throws Exception {
        Bmswb.Result m = withFake(Map.of(), "monitor", "--connect", "gsusb:0?bitrate=250000&mode=listen-only",
                "--protocol", "sma", "--format", "jsonl", "--duration", "2");
        assertEquals(0, m.status(), m::toString);
        assertTrue(m.out().contains(StubBus.batteryBasicInfo("gsusb0")), m::toString);
        Path log = faked.workDir.resolve("gsusb.log");
        Bmswb.Result r = withFake(Map.of(), "record", "--connect", "gsusb:0038002A4E50", "--duration", "2", "-o",
                log.toString());
        assertEquals(0, r.status(), r::toString);
        List<String> lines = Files.readAllLines(log);
        assertTrue(lines.size() >= 40, lines.size() + " frames");
        assertTrue(lines.stream().anyMatch(l -> l.endsWith(" gsusb-0038002A4E50 356#C01485FFD700")), lines::toString);
    }

    @Test
    void vregReadRoundTripsThroughTheFakeDevice() throws Exception {
        StubBus.assertVregRead(withFake(Map.of(), "vreg", "read", "--connect", "gsusb:0", "0x0FFF", "0x0100"));
    }

    @Test
    void monitorRidesOutAnUnplug() throws Exception {
        StubBus.assertMonitorRidesOutAnUnplug(faked.workDir, GsUsbAdapterIT::withFake, "gsusb:0", "gsusb0",
                "unplugged: LIBUSB_ERROR_NO_DEVICE");
    }
}
