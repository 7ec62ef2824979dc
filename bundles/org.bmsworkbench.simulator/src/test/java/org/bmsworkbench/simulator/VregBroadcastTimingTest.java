package org.bmsworkbench.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bmsworkbench.bms.registers.RegisterInfo;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.bmsworkbench.protocol.nmea2000.internal.Nmea2000Protocol;
import org.bmsworkbench.protocol.vreg.codec.VregCatalogue;
import org.bmsworkbench.protocol.vreg.codec.VregCodec;
import org.bmsworkbench.simulator.DeviceRegisters.Register;
import org.junit.jupiter.api.Test;

/**
 * Guide 1.5.4.2, "Periodically / on Change": registers marked periodic are broadcast every 5 s,
 * those marked on change at most 1 s after their value changed. Virtual time, 100 ms steps.
 */
class VregBroadcastTimingTest {
    private static final long EPOCH_MICROS = ScenarioTest.EPOCH * 1000;

    private final List<String> problems = new ArrayList<>();

    private VirtualMasterLv bms(Scenario scenario) {
        TestProtocols registry = new TestProtocols().install(new Nmea2000Protocol());
        return new VirtualMasterLv(SimulatorOptions.defaults().withProtocol("nmea2000").withScenario(scenario),
                ScenarioTest.EPOCH, MgMasterLvProfile.defaults(), registry::find, problems::add);
    }

    /** Virtual ms of each VREG broadcast from 0x50, by register. */
    private static Map<Integer, List<Long>> broadcasts(List<CanFrame> frames) {
        Map<Integer, List<Long>> times = new TreeMap<>();
        for (CanFrame f : frames) {
            if (VregCodec.isVreg(f) && (f.id() & 0xFFFF) == 0xFF50) {
                int register = f.u8(2) | f.u8(3) << 8;
                times.computeIfAbsent(register, r -> new ArrayList<>()).add((f.timestampMicros() - EPOCH_MICROS) / 1000);
            }
        }
        return times;
    }

    @Test
    void theDevicesFlagsAreTheCataloguesFlags() {
        for (Register r : DeviceRegisters.all()) {
            RegisterInfo info = VregCatalogue.INSTANCE.find(r.id()).orElseThrow();
            assertEquals(info.periodic(), r.periodic(), info.idHex() + " periodic");
            assertEquals(info.onChange(), r.onChange(), info.idHex() + " on change");
            assertEquals(info.size(), r.bytes(), info.idHex() + " size");
        }
    }

    @Test
    void periodicRegistersAreBroadcastEveryFiveSeconds() {
        VirtualMasterLv bms = bms(Scenario.NORMAL);
        Map<Integer, List<Long>> times = broadcasts(bms.advanceTo(30_000));
        List<Long> every5s = List.of(0L, 5_000L, 10_000L, 15_000L, 20_000L, 25_000L, 30_000L);
        int periodic = 0;
        for (Register r : DeviceRegisters.all()) {
            String name = String.format("0x%04X", r.id());
            if (r.periodic() && !r.onChange()) {
                assertEquals(every5s, times.get(r.id()), name);
                periodic++;
            } else if (r.periodic()) {
                assertTrue(times.get(r.id()).containsAll(every5s), name + " " + times.get(r.id()));
            } else if (!r.onChange()) {
                assertFalse(times.containsKey(r.id()), name + " is sent only when asked");
            }
        }
        assertEquals(4, periodic, "0xED8D, 0xED8F, 0x0385, 0x0386");
        assertTrue(problems.isEmpty(), problems::toString);
    }

    @Test
    void onChangeRegistersAreBroadcastWithinOneSecondOfAChangeAndOnlyThen() {
        VirtualMasterLv bms = bms(Scenario.CHARGING);
        List<CanFrame> frames = new ArrayList<>();
        Map<Integer, Long> previous = new HashMap<>();
        List<long[]> changes = new ArrayList<>(); // {register, virtual ms}
        List<Long> silent = new ArrayList<>();
        for (long t = 0; t <= 90_000; t += MasterLvDevice.STEP_MILLIS) {
            frames.addAll(bms.advanceTo(t));
            if (t == 40_000) { // a restart request: 9 → 12, silence, 0…8, 16, 9
                frames.addAll(bms.receive(VregAnswersTest.frame(0x1CEF5020, "66 99 79 03 01 FF FF FF")));
            }
            if (!bms.device().transmitting()) {
                silent.add(t);
            }
            for (Register r : DeviceRegisters.all()) {
                long raw = r.raw().applyAsLong(bms.device());
                Long before = previous.put(r.id(), raw);
                if (r.onChange() && before != null && before != raw) {
                    changes.add(new long[] {r.id(), t});
                }
            }
        }
        assertEquals(41_000L, silent.get(0), "1 s of shutting down, then the 2 s of silence of a reboot");
        assertTrue(silent.size() >= 20 && silent.get(silent.size() - 1) <= 43_000, silent::toString);
        Map<Integer, List<Long>> times = broadcasts(frames);
        for (long[] change : changes) {
            if (silent.stream().anyMatch(s -> s >= change[1] && s <= change[1] + 1000)) {
                continue; // a BMS that falls silent sends its news when it speaks again
            }
            List<Long> sent = times.getOrDefault((int) change[0], List.of());
            assertTrue(sent.stream().anyMatch(s -> s >= change[1] && s <= change[1] + 1000),
                    String.format("0x%04X changed at %d ms, broadcast at %s", change[0], change[1], sent));
        }
        assertTrue(changes.stream().anyMatch(c -> c[0] == 0x0FFF), "SOC rises");
        assertTrue(changes.stream().anyMatch(c -> c[0] == 0x0379), "the restart request");

        // the BMS state, in order, each once: no broadcast repeats the value before it
        List<Long> states = new ArrayList<>();
        for (CanFrame f : frames) {
            if (VregCodec.isVreg(f) && f.u8(2) == 0x71 && f.u8(3) == 0x03) {
                states.add((long) f.u8(4));
            }
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 16L, 9L, 12L, 0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 16L, 9L),
                states);
        for (int i = 1; i < states.size(); i++) {
            assertNotEquals(states.get(i - 1), states.get(i));
        }
    }

    @Test
    void aSilentBmsBroadcastsNothing() {
        VirtualMasterLv bms = bms(Scenario.COMMS_LOSS);
        bms.advanceTo(60_000);
        assertEquals(List.of(), bms.advanceTo(120_000));
    }
}
