package org.bmsworkbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.bmsworkbench.can.testing.StubBusLibrary;

/**
 * What the adapter ITs ({@link VendorAdaptersIT}, {@link GsUsbAdapterIT}) do with the shared C stub
 * bus of {@code org.bmsworkbench.can.testing}: build a stub with gcc, run {@code bmswb} with the bus
 * sending 40 frames a second (an MG Master LV on SMA, guide 1.5.1, answering vreg reads, guide 1.5.4),
 * and pull the adapter out and back while {@code monitor} runs.
 */
final class StubBus {
    private StubBus() {
    }

    /** Runs {@code bmswb} with extra environment variables on top of the caller's stub set-up. */
    @FunctionalInterface
    interface Runner {
        Bmswb.Result run(Map<String, String> env, String... args) throws IOException;
    }

    /** Builds the stub library {@code out} from {@code sources}; skips the test where there is no gcc. */
    static Path compile(Path out, Path sources) {
        String failure = StubBusLibrary.compile(out, sources);
        assumeTrue(failure == null || !failure.startsWith("no gcc"), "no gcc to build the stub bus: " + failure);
        assertNull(failure, "gcc");
        return out;
    }

    /** Runs {@code pb} (60 s at most) with the stub bus at 40 frames a second and {@code env}. */
    static Bmswb.Result run(ProcessBuilder pb, Map<String, String> env) throws IOException {
        pb.environment().put("STUB_RATE", "40");
        pb.environment().putAll(env);
        return Bmswb.finish(pb, 60);
    }

    /** The monitor line of the stub's 0x356 (battery voltage, current, temperature) on {@code bus}. */
    static String batteryBasicInfo(String bus) {
        return "\"bus\":\"" + bus + "\",\"protocol\":\"sma\",\"can_id\":\"0x356\",\"message\":\"battery_basic_info\","
                + "\"signals\":{\"pack.voltage\":53.12,\"pack.current\":-12.3,\"pack.temperature\":21.5}}";
    }

    /** {@code vreg read 0x0FFF 0x0100} answered by the stub's BMS. */
    static void assertVregRead(Bmswb.Result r) {
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().matches("(?s).*0x0FFF\\s+State-of-Charge\\s+soc=87.5 %.*"), r::toString);
        assertTrue(r.out().contains("bms.product_id=41872 (MG Master LV general)"), r::toString);
    }

    /**
     * Monitors {@code uri} for 9 s while the adapter is pulled out after 2.5 s (the stub's {@code
     * STUB_UNPLUG_FILE} made in {@code workDir}) and put back 2.5 s later: reported gone with {@code
     * why} and back on {@code bus}, with frames after.
     */
    static void assertMonitorRidesOutAnUnplug(Path workDir, Runner bmswb, String uri, String bus, String why)
            throws Exception {
        Path unplugged = workDir.resolve("unplugged");
        Files.deleteIfExists(unplugged);
        Thread plug = new Thread(() -> {
            try {
                Thread.sleep(2500);
                Files.writeString(unplugged, "");
                Thread.sleep(2500);
                Files.delete(unplugged);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        plug.start();
        Map<String, String> env = new HashMap<>();
        env.put("STUB_UNPLUG_FILE", unplugged.toString());
        Bmswb.Result r = bmswb.run(env, "monitor", "--connect", uri, "--protocol", "sma", "--format", "jsonl",
                "--duration", "9");
        plug.join();
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.err().contains("connection: RECONNECTING (" + bus + " gone (" + why), r::toString);
        assertTrue(r.err().contains("connection: CONNECTED (" + bus + " is back (500 kbit/s))"), r::toString);
        int back = r.err().indexOf("CONNECTED (" + bus + " is back");
        assertTrue(back > 0 && r.out().lines().count() > 40, r::toString);
    }
}
