package org.bmsworkbench.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.ProtocolRegistry;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.bms.registers.Outcome;
import org.bmsworkbench.bms.registers.RegisterAccess;
import org.bmsworkbench.bms.registers.RegisterResult;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.Connections;
import org.bmsworkbench.can.Direction;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The simulated MG Master LV on NMEA 2000 in the product's framework, through the real
 * services: {@code sim:?protocol=nmea2000&speed=10} opened by {@code Connections}, its PGN
 * 127508/127506 frames and VREG broadcasts decoded by the installed NMEA 2000 and VREG
 * protocols, and the product's {@code RegisterAccess} reading and writing its registers.
 */
@RunWith(PaxExam.class)
public class SimulatorIT {
    private static final long TIMEOUT_MS = 20_000;

    @Inject
    private BundleContext context;
    @Inject
    private Connections connections;
    @Inject
    private ProtocolRegistry protocols;
    @Inject
    private RegisterAccess registers;

    @org.ops4j.pax.exam.Configuration
    public Option[] configuration() {
        List<Option> options = new ArrayList<>();
        options.add(junitBundles());
        options.addAll(ProductBundles.provision(n -> n.endsWith(".jar") && !n.startsWith("org.apache.felix.fileinstall")));
        return options(options.toArray(new Option[0]));
    }

    @Test
    public void theSimulatorsVregCodecImportIsWiredToTheVregBundle() {
        Bundle simulator = installed("org.bmsworkbench.simulator");
        List<String> providers = new ArrayList<>();
        for (BundleWire w : simulator.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.package")) {
            if ("org.bmsworkbench.protocol.vreg.codec".equals(w.getCapability().getAttributes().get("osgi.wiring.package"))) {
                providers.add(w.getProvider().getSymbolicName());
            }
        }
        assertEquals("the optional import is wired in the product", List.of("org.bmsworkbench.protocol.vreg"), providers);
    }

    @Test
    public void nmea2000FramesAndVregBroadcastsDecodeAndRegistersAnswer() throws Exception {
        Connection bus = connections.open("sim:?protocol=nmea2000&speed=10");
        try {
            ProtocolSession nmea2000 = protocols.find("nmea2000").orElseThrow().newSession();
            ProtocolSession vreg = protocols.find("vreg").orElseThrow().newSession();
            Set<String> seen = new TreeSet<>();
            Map<String, Object> values = new ConcurrentHashMap<>();
            List<String> problems = new CopyOnWriteArrayList<>();
            bus.subscribe(frame -> {
                if (frame.direction() == Direction.RX) {
                    decode(frame, nmea2000, vreg, seen, values, problems);
                }
            });
            InFramework.await("the connection", TIMEOUT_MS, () -> bus.state() == ConnectionState.CONNECTED);
            // 127508 × 3 and 127506 every 1.5 s, periodic VREGs every 5 s of virtual time: 0.5 s at speed 10
            InFramework.await("both PGNs, all three instances and a periodic VREG", TIMEOUT_MS, () -> seen.containsAll(
                    List.of("127508/0", "127508/1", "127508/2", "127506", "vreg/0xED8D")));
            assertTrue(problems.toString(), problems.isEmpty());
            for (String key : List.of("pack.voltage", "pack.current", "pack.temperature", "cell.voltage.min",
                    "cell.voltage.max", "cell.temperature.min", "cell.temperature.max", "soc", "capacity.remaining")) {
                assertTrue(key + " in " + values, values.get(key) instanceof Number);
            }
            double cells = ((Number) values.get("cell.voltage.max")).doubleValue();
            assertTrue("a LiFePO4 cell: " + cells, cells > 3.0 && cells < 3.5);

            // what bmswb vreg read does: the BMS boots in 6.5 s of virtual time, then runs (state 9)
            InFramework.await("the BMS to run", TIMEOUT_MS, () -> Long.valueOf(9).equals(read(bus, 0x0371).values().get("bms.state")));
            List<RegisterResult> read = registers.readAll(bus, List.of(0x0102, 0x0FFF, 0x0371), registers.defaults())
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            assertTrue(read.toString(), read.stream().allMatch(RegisterResult::ok));
            assertEquals("1.24", read.get(0).values().get("bms.firmware"));
            double soc = ((Number) read.get(1).values().get("soc")).doubleValue();
            assertTrue("normal starts at 70 %: " + soc, soc > 65 && soc <= 70);

            RegisterResult write = registers.write(bus, 0x0374, 3, registers.defaults()).get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            assertEquals(write.message(), Outcome.OK, write.outcome());
            assertEquals(3L, read(bus, 0x0374).values().get("setting.sync_group"));
            RegisterResult unknown = read(bus, 0x1234);
            assertEquals(unknown.message(), Outcome.UNKNOWN_REGISTER, unknown.outcome());
            assertEquals(Integer.valueOf(0x8000), unknown.code());
        } finally {
            bus.close();
        }
    }

    private RegisterResult read(Connection bus, int register) {
        try {
            return registers.read(bus, register).get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("reading " + register + ": " + e, e);
        }
    }

    private static void decode(CanFrame frame, ProtocolSession nmea2000, ProtocolSession vreg, Set<String> seen,
            Map<String, Object> values, List<String> problems) {
        try {
            int pgn = frame.id() >>> 8 & 0x3FFFF;
            boolean nmea = pgn == 127508 || pgn == 127506;
            DecodedMessage m = nmea ? nmea2000.decode(frame) : vreg.decode(frame);
            if (m == null) {
                if (!nmea) { // the first frame of a 127506 fast packet decodes to nothing
                    problems.add("not decoded: " + frame);
                }
                return;
            }
            if (m.source() == null || m.source() != 0x50) {
                problems.add("not from 0x50: " + frame);
            }
            if (m.pgn() != null) {
                seen.add(m.pgn() == 127508 ? "127508/" + frame.u8(0) : String.valueOf(m.pgn()));
            } else {
                seen.add(String.format("vreg/0x%04X", m.register()));
            }
            m.signals().forEach((k, v) -> {
                if (v != null) {
                    values.put(k, v);
                }
            });
        } catch (MalformedFrameException | RuntimeException e) {
            problems.add(frame + ": " + e);
        }
    }

    private Bundle installed(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }
}
