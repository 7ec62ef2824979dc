package org.bmsworkbench.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.bmsworkbench.device.mg.simulator.SimulatorUnlockCodes;
import org.junit.jupiter.api.Test;

/** Settings, the restart request, the unlock path and Combined BMS. */
class DeviceWriteTest {
    private static final MgMasterLvProfile PROFILE = MgMasterLvProfile.defaults();
    private static final int UNLOCK = PROFILE.unlockSettings().registerId();

    private static MasterLvDevice device(Scenario scenario, boolean combined) {
        return new MasterLvDevice(SimulatorOptions.defaults().withScenario(scenario).withCombined(combined),
                ScenarioTest.EPOCH, PROFILE);
    }

    private static long code(MasterLvDevice d) {
        return SimulatorUnlockCodes.codeFor(d.options().serial()).un32();
    }

    @Test
    void settingsAreRangeChecked() {
        MasterLvDevice d = device(Scenario.NORMAL, false);
        d.advanceTo(10_000);
        assertEquals(WriteResult.ACCEPTED, d.write(0x0374, 3));
        assertEquals(3, d.setting(Setting.SYNC_GROUP));
        assertEquals(WriteResult.OUT_OF_RANGE, d.write(0x0374, 4));
        assertEquals(3, d.setting(Setting.SYNC_GROUP), "unchanged");
        assertEquals(WriteResult.ACCEPTED, d.write(0x0387, 96));
        assertEquals(WriteResult.OUT_OF_RANGE, d.write(0x0387, 97));
        assertEquals(WriteResult.OUT_OF_RANGE, d.write(0x0090, 2));
        assertEquals(WriteResult.OUT_OF_RANGE, d.write(0x0090, -1));
        assertEquals(WriteResult.NOT_WRITABLE, d.write(0x0FFF, 5000), "read-only");
        assertEquals(WriteResult.UNKNOWN_REGISTER, d.write(0x1234, 1), "unknown");
    }

    @Test
    void aRestartRequestShutsDownFallsSilentAndBootsAgain() {
        MasterLvDevice d = device(Scenario.NORMAL, false);
        Timeline t = new Timeline(d).runTo(20);
        assertEquals(WriteResult.ACCEPTED, d.write(0x0379, 1));
        t.runTo(60);
        t.assertInOrder("bms.state=9", "bms.state=12", "transmitting=false", "transmitting=true", "bms.state=1",
                "bms.state=8", "bms.state=16", "bms.state=9");
        assertEquals(0, d.setting(Setting.RESTART_REQUEST), "the request is taken");
    }

    @Test
    void aWrongCodeIsRefusedAndTheRightOneRestartsTheLockedBms() {
        MasterLvDevice d = device(Scenario.SAFETY_LOCK, false);
        Timeline t = new Timeline(d).runTo(400);
        assertEquals(10, d.state());
        assertTrue(d.locked());
        assertEquals(WriteResult.OUT_OF_RANGE, d.write(UNLOCK, code(d) ^ 1));
        assertEquals(WriteResult.NOT_WRITABLE, d.write(0x0379, 1), "no settings in error state");
        t.runTo(410);
        assertEquals(10, d.state(), "still locked");
        assertEquals(WriteResult.ACCEPTED, d.write(UNLOCK, code(d)));
        t.runTo(500);
        t.assertInOrder("bms.state=10", "transmitting=false", "transmitting=true", "bms.state=1", "bms.state=8",
                "bms.state=16", "bms.state=9");
        t.assertInOrder("alarm.high_voltage=raised", "alarm.high_voltage=cleared");
        t.assertInOrder("warning.high_voltage=raised", "warning.high_voltage=cleared");
        assertEquals("cleared", t.last().get("alarm.general"));
        assertEquals(0L, t.last().get("bms.error"));
        assertEquals(13L, t.last().get("error.history.1"), "the history keeps the lock");
        assertTrue(d.contactorClosed());
        assertEquals(WriteResult.OUT_OF_RANGE, d.write(UNLOCK, code(d)), "nothing to unlock any more");
    }

    @Test
    void withCombinedBmsTheUnlockedBmsWaitsInStandbyForTheStartCommand() {
        MasterLvDevice d = device(Scenario.SAFETY_LOCK, true);
        Timeline t = new Timeline(d).runTo(20);
        d.write(0x0379, 1); // start command at power-up
        t.runTo(400);
        assertEquals(10, d.state());
        assertEquals(WriteResult.ACCEPTED, d.write(UNLOCK, code(d)));
        t.runTo(600);
        assertEquals(BmsState.STANDBY, d.state(), "waits for the SmartLink MX");
        assertEquals(WriteResult.ACCEPTED, d.write(0x0379, 1));
        t.runTo(620);
        List<Long> states = t.states();
        assertEquals(List.of(10L, 0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 14L, 15L, 16L, 9L),
                states.subList(states.lastIndexOf(10L), states.size()));
    }

    @Test
    void theSerialNumberDecidesTheCode() {
        MasterLvDevice other = new MasterLvDevice(new SimulatorOptions("general-bms", Scenario.SAFETY_LOCK,
                "MG0000SIM0000002", 1, 1, 4, 1, 200, 0, false), ScenarioTest.EPOCH, PROFILE);
        new Timeline(other).runTo(400);
        assertEquals(WriteResult.OUT_OF_RANGE, other.write(UNLOCK,
                SimulatorUnlockCodes.codeFor(SimulatorOptions.DEFAULT_SERIAL).un32()));
        assertEquals(WriteResult.ACCEPTED, other.write(UNLOCK, SimulatorUnlockCodes.codeFor("MG0000SIM0000002").un32()));
    }
}
