package org.bmsworkbench.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.bmsworkbench.protocol.sma.codec.SmaCodec;
import org.junit.jupiter.api.Test;

/** The frames the simulated Master LV sends, encoded by a real protocol (SMA), over virtual time. */
class VirtualMasterLvTest {
    private static final long EPOCH = ScenarioTest.EPOCH;
    private static final List<Integer> SMA_IDS = List.of(0x351, 0x355, 0x356, 0x35A, 0x35B, 0x35E, 0x35F);

    private final TestProtocols registry = new TestProtocols().install(TestProtocols.sma());
    private final List<String> problems = new ArrayList<>();

    private VirtualMasterLv bms(SimulatorOptions options) {
        return new VirtualMasterLv(options, EPOCH, MgMasterLvProfile.defaults(), registry::find, problems::add);
    }

    private static SimulatorOptions sma(Scenario scenario) {
        return SimulatorOptions.defaults().withProtocol("sma").withScenario(scenario);
    }

    @Test
    void allSmaMessagesEvery500Milliseconds() {
        VirtualMasterLv bms = bms(sma(Scenario.NORMAL));
        List<CanFrame> frames = bms.advanceTo(10_000);
        assertEquals(21 * 7, frames.size());
        for (int cycle = 0; cycle <= 20; cycle++) {
            for (int i = 0; i < 7; i++) {
                CanFrame f = frames.get(cycle * 7 + i);
                assertEquals(SMA_IDS.get(i), f.id());
                assertEquals((EPOCH + cycle * 500L) * 1000, f.timestampMicros());
                assertEquals(VirtualMasterLv.BUS, f.bus());
            }
        }
        assertEquals(10_500, bms.nextDueMillis());
        assertTrue(problems.isEmpty(), problems::toString);
    }

    @Test
    void theFramesCarryWhatTheDeviceHas() throws Exception {
        VirtualMasterLv bms = bms(sma(Scenario.DISCHARGING));
        List<CanFrame> frames = bms.advanceTo(60_000);
        SmaCodec codec = new SmaCodec("sma");
        var expected = DeviceSignals.of(bms.device());
        for (CanFrame f : frames.subList(frames.size() - 7, frames.size())) {
            DecodedMessage m = codec.decode(f);
            m.signals().forEach((key, value) -> {
                Object want = expected.get(key);
                if (value instanceof Double d) {
                    assertEquals(((Number) want).doubleValue(), d, 0.051, key);
                } else {
                    assertEquals(want, value, key);
                }
            });
        }
        DecodedMessage basic = codec.decode(frames.get(frames.size() - 5));
        assertEquals(-100.0, (Double) basic.signals().get("pack.current"), 1.0);
        assertEquals("MG-BMS", codec.decode(frames.get(frames.size() - 2)).signals().get("bms.manufacturer"));
    }

    @Test
    void theSameSeedGivesTheSameFramesAndAnotherSeedOthers() {
        List<CanFrame> a = bms(sma(Scenario.NORMAL).withSeed(42)).advanceTo(1_200_000);
        List<CanFrame> b = bms(sma(Scenario.NORMAL).withSeed(42)).advanceTo(1_200_000);
        List<CanFrame> c = bms(sma(Scenario.NORMAL).withSeed(43)).advanceTo(1_200_000);
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertEquals(a.size(), c.size());
    }

    @Test
    void advancingInSmallOrLargeStepsGivesTheSameFrames() {
        VirtualMasterLv whole = bms(sma(Scenario.CHARGING));
        VirtualMasterLv pieces = bms(sma(Scenario.CHARGING));
        List<CanFrame> stepwise = new ArrayList<>();
        for (long t = 0; t <= 300_000; t += 37) {
            stepwise.addAll(pieces.advanceTo(t));
        }
        stepwise.addAll(pieces.advanceTo(300_000));
        assertEquals(whole.advanceTo(300_000), stepwise);
    }

    @Test
    void aMissingProtocolSendsNothingSaysSoOnceAndIsUsedWhenItArrives() {
        registry.uninstall("sma");
        VirtualMasterLv bms = bms(sma(Scenario.NORMAL));
        assertEquals(List.of(), bms.advanceTo(5_000));
        assertEquals(List.of("protocol sma is not installed: the simulator sends none of its frames until it is"), problems);
        registry.install(TestProtocols.sma());
        List<CanFrame> frames = bms.advanceTo(6_000);
        assertEquals(2 * 7, frames.size());
        assertEquals(1, problems.size());
    }

    @Test
    void commsLossStopsTheFramesAfterAMinute() {
        VirtualMasterLv bms = bms(sma(Scenario.COMMS_LOSS));
        List<CanFrame> frames = bms.advanceTo(600_000);
        long last = frames.get(frames.size() - 1).timestampMicros() / 1000 - EPOCH;
        assertEquals(59_500, last);
    }

    @Test
    void aSafetyLockedBmsKeepsSending() {
        VirtualMasterLv bms = bms(sma(Scenario.SAFETY_LOCK));
        bms.advanceTo(300_000);
        assertEquals(10, bms.device().state());
        assertEquals(7 * 120, bms.advanceTo(360_000).size());
    }

    @Test
    void aRestartFallsSilentForTwoSeconds() {
        VirtualMasterLv bms = bms(sma(Scenario.NORMAL));
        bms.advanceTo(20_000);
        bms.device().write(0x0379, 1);
        List<CanFrame> frames = bms.advanceTo(40_000);
        List<Long> times = frames.stream().map(f -> f.timestampMicros() / 1000 - EPOCH).distinct().toList();
        long gap = 0;
        for (int i = 1; i < times.size(); i++) {
            gap = Math.max(gap, times.get(i) - times.get(i - 1));
        }
        assertEquals(2_500, gap, "2 s of silence: four cycles are not sent");
    }
}
