package org.bmsworkbench.simulator;

import static org.bmsworkbench.simulator.VregAnswersTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bmsworkbench.bms.registers.Outcome;
import org.bmsworkbench.bms.registers.RegisterResult;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.bmsworkbench.device.mg.UnlockCode;
import org.bmsworkbench.device.mg.UnlockSettings;
import org.bmsworkbench.device.mg.simulator.SimulatorUnlockCodes;
import org.bmsworkbench.protocol.nmea2000.internal.Nmea2000Protocol;
import org.bmsworkbench.protocol.vreg.codec.VregCodec;
import org.bmsworkbench.protocol.vreg.internal.VregRegisterAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real {@code RegisterAccess} of the VREG bundle against the simulated Master LV on an
 * in-process NMEA 2000 connection ({@link SimBus}, virtual time): what {@code bmswb vreg
 * read|write} does, and the unlock code written as the unlock service will write it.
 */
class SimulatorRegisterAccessTest {
    private static final MgMasterLvProfile PROFILE = MgMasterLvProfile.defaults();

    private final List<String> problems = new ArrayList<>();
    private final VregRegisterAccess access = new VregRegisterAccess(new VregRegisterAccess.Config() {
        @Override public Class<? extends Annotation> annotationType() { return VregRegisterAccess.Config.class; }
        @Override public int node() { return 0x50; }
        @Override public int source() { return 0x20; }
        // an answer comes at once; the long timeout only keeps a loaded machine from retrying
        @Override public int timeoutMillis() { return 10_000; }
        @Override public int tries() { return 1; }
    });
    private SimBus bus;

    private SimBus bus(Scenario scenario) {
        bus = new SimBus(new VirtualMasterLv(SimulatorOptions.defaults().withProtocol("nmea2000").withScenario(scenario),
                ScenarioTest.EPOCH, PROFILE, new TestProtocols().install(new Nmea2000Protocol())::find, problems::add));
        return bus;
    }

    @AfterEach
    void stop() throws Exception {
        Method deactivate = VregRegisterAccess.class.getDeclaredMethod("deactivate");
        deactivate.setAccessible(true);
        deactivate.invoke(access);
        if (bus != null) {
            bus.close();
        }
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(60, TimeUnit.SECONDS);
    }

    private RegisterResult read(int register) throws Exception {
        return get(access.read(bus, register));
    }

    /** Sends a frame and waits until the device has answered it; returns the answers. */
    private List<CanFrame> sendAndSettle(CanFrame frame) throws Exception {
        int before = bus.log.size();
        bus.send(frame);
        bus.onBus(() -> null);
        return bus.log.subList(before, bus.log.size()).stream().filter(f -> f.direction() == Direction.RX).toList();
    }

    @Test
    void readsTheFirmwareTheStateOfChargeAndTheState() throws Exception {
        bus(Scenario.NORMAL).advanceTo(10_000);
        List<RegisterResult> results = get(access.readAll(bus, List.of(0x0102, 0x0FFF, 0x0371), access.defaults()));
        assertTrue(results.stream().allMatch(RegisterResult::ok), results::toString);
        assertEquals(Map.of("bms.firmware", "1.24"), results.get(0).values());
        double soc = bus.onBus(() -> DeviceRegisters.find(0x0FFF).orElseThrow().raw().applyAsLong(
                bmsOf(bus).device())) / 100.0;
        assertEquals(Map.of("soc", soc), results.get(1).values());
        assertTrue(soc > 60 && soc < 80, "normal starts at 70 %: " + soc);
        assertEquals(Map.of("bms.state", 9L), results.get(2).values(), "running");
        assertTrue(problems.isEmpty(), problems::toString);
    }

    @Test
    void aWriteToASettingIsConfirmedAndReadsBack() throws Exception {
        bus(Scenario.NORMAL).advanceTo(10_000);
        RegisterResult write = get(access.write(bus, 0x0374, 2, access.defaults()));
        assertEquals(Outcome.OK, write.outcome(), write.message());
        assertTrue(write.message().contains("confirmed"), write.message());
        assertEquals(Map.of("setting.sync_group", 2L), read(0x0374).values());
        bus.advanceTo(20_000);
        assertEquals(Map.of("setting.sync_group", 2L), read(0x0374).values(), "kept");
        assertEquals(2, (int) bus.onBus(() -> bmsOf(bus).device().setting(Setting.SYNC_GROUP)));
    }

    @Test
    void anOutOfRangeWriteIsRefusedWithAck8100() throws Exception {
        bus(Scenario.NORMAL).advanceTo(10_000);
        int logged = bus.log.size();
        RegisterResult refused = get(access.write(bus, 0x0374, 4, access.defaults()));
        assertEquals(Outcome.REFUSED, refused.outcome(), "RegisterAccess checks the catalogue's range first");
        assertEquals(logged, bus.log.size(), "nothing was sent");
        // sent anyway, as a tool without the catalogue would: the device refuses it to the writer
        CanFrame write = VregCodec.INSTANCE.value(0x0374, Map.of("setting.sync_group", 4L), 0x20, 0x50, "can0",
                CanFrame.NO_TIMESTAMP);
        assertEquals(List.of("1CEF2050 6699020074030081"), text(sendAndSettle(write)));
        assertEquals(Map.of("setting.sync_group", 0L), read(0x0374).values(), "unchanged");
    }

    @Test
    void aWriteTheDeviceRefusesEndsWithRejected8100() throws Exception {
        bus(Scenario.SAFETY_LOCK).advanceTo(400_000);
        RegisterResult rejected = get(access.write(bus, 0x0374, 1, access.defaults()));
        assertEquals(Outcome.REJECTED, rejected.outcome(), rejected.message());
        assertEquals(0x8100, rejected.code());
        RegisterResult setting = read(0x0374);
        assertEquals(Outcome.OK, setting.outcome());
        assertTrue(setting.values().containsKey("setting.sync_group"));
        assertNull(setting.values().get("setting.sync_group"), "0xFF = not available in error state");
    }

    @Test
    void anUnknownRegisterIsAnsweredWithAck8000ToTheRequester() throws Exception {
        bus(Scenario.NORMAL).advanceTo(10_000);
        RegisterResult unknown = read(0x1234);
        assertEquals(Outcome.UNKNOWN_REGISTER, unknown.outcome(), unknown.message());
        assertEquals(0x8000, unknown.code());
        CanFrame ack = bus.log.get(bus.log.size() - 1);
        assertEquals(List.of("1CEF2050 6699020034120080"), text(List.of(ack)), "addressed to 0x20");
    }

    @Test
    void theUnlockCodeOverCanWrongThenRight() throws Exception {
        bus(Scenario.SAFETY_LOCK).advanceTo(400_000);
        assertEquals(Map.of("bms.state", 10L), read(0x0371).values());
        assertEquals(Map.of("bms.error", 13L), read(0x2101).values());
        UnlockSettings unlock = PROFILE.unlockSettings();
        UnlockCode right = SimulatorUnlockCodes.codeFor(SimulatorOptions.DEFAULT_SERIAL);
        UnlockCode wrong = new UnlockCode(right.un32() ^ 0x10);

        // the path the unlock service takes: RegisterAccess refuses a register outside the catalogue
        assertEquals(Outcome.REFUSED, get(access.write(bus, unlock.registerId(), wrong.un32(), access.defaults())).outcome());
        CanFrame wrongWrite = VregCodec.INSTANCE.rawValue(unlock.registerId(), unlock.payload(wrong), 0x20, 0x50, "can0",
                CanFrame.NO_TIMESTAMP);
        assertEquals(List.of("1CEF2050 6699020010EE0081"), text(sendAndSettle(wrongWrite)), "a wrong code: ACK 0x8100");
        assertEquals(Map.of("bms.state", 10L), read(0x0371).values(), "still locked");

        CanFrame rightWrite = VregCodec.INSTANCE.rawValue(unlock.registerId(), unlock.payload(right), 0x20, 0x50, "can0",
                CanFrame.NO_TIMESTAMP);
        assertEquals(List.of(), sendAndSettle(rightWrite), "the BMS restarts at once: no answer");
        List<CanFrame> after = bus.advanceTo(420_000);
        long first = after.get(0).timestampMicros() / 1000 - ScenarioTest.EPOCH;
        assertTrue(first >= 402_000 && first <= 402_500, "2 s of silence, then frames again: " + first);
        List<Long> states = new ArrayList<>();
        for (CanFrame f : after) {
            if (VregCodec.isVreg(f) && f.u8(2) == 0x71 && f.u8(3) == 0x03) {
                states.add((long) f.u8(4));
            }
        }
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 16L, 9L), states, "on change: initialising, pre-charging, running");
        assertEquals(Map.of("bms.error", 0L), read(0x2101).values());
        assertEquals(13L, read(0x2110).values().get("error.history.1"), "the history keeps the lock");
        assertEquals(Outcome.OK, get(access.write(bus, 0x0374, 1, access.defaults())).outcome(), "settings writable again");
    }

    private static VirtualMasterLv bmsOf(SimBus bus) {
        return bus.bms;
    }
}
