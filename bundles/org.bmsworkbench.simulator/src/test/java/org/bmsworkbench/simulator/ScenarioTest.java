package org.bmsworkbench.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.bmsworkbench.device.mg.MgProfileSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every scenario's warnings, alarms and states, in order, over virtual time. */
class ScenarioTest {
    static final long EPOCH = 1_700_000_000_000L;
    static final List<Long> BOOT = List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 16L, 9L);

    static Timeline run(Scenario scenario, double seconds) {
        return timeline(scenario).runTo(seconds);
    }

    static Timeline timeline(Scenario scenario) {
        return new Timeline(device(SimulatorOptions.defaults().withScenario(scenario)));
    }

    static MasterLvDevice device(SimulatorOptions options) {
        return new MasterLvDevice(options, EPOCH, MgMasterLvProfile.defaults());
    }

    private static void assertAllClearAtTheEnd(Timeline t) {
        t.last().forEach((k, v) -> {
            if (k.startsWith("alarm.") || k.startsWith("warning.")) {
                assertEquals("cleared", v, () -> k + " at the end; events " + t.events());
            }
        });
    }

    private static boolean noAlarmOrWarning(Timeline t) {
        return t.never(e -> "raised".equals(e.value()));
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void everyAlarmOfALevelComesAfterItsWarning(Scenario scenario) {
        Timeline t = run(scenario, 2400);
        for (Protection p : Protection.values()) {
            if (p.band() != null && t.has("alarm." + p.key(), "raised")) {
                int alarm = t.first("alarm." + p.key(), "raised");
                int warning = t.first("warning." + p.key(), "raised");
                assertTrue(t.event(warning).millis() < t.event(alarm).millis(),
                        () -> scenario + ": " + t.event(alarm) + " without an earlier warning: " + t.events());
            }
        }
    }

    @Test
    void normalBootsAndRunsADayWithoutAlarms() {
        Timeline t = run(Scenario.NORMAL, 3 * 3600);
        assertEquals(BOOT, t.states());
        assertTrue(noAlarmOrWarning(t), () -> t.events().toString());
        double minSoc = t.samples().stream().mapToDouble(s -> (Double) s.get("soc.precise")).min().orElseThrow();
        double maxSoc = t.samples().stream().mapToDouble(s -> (Double) s.get("soc.precise")).max().orElseThrow();
        assertTrue(minSoc < 66 && maxSoc >= 70, "the SOC goes down and up again: " + minSoc + ".." + maxSoc);
        assertEquals(1L, t.last().get("relay.state"));
    }

    @Test
    void chargingFillsThePackAndTheLimitTapers() {
        Timeline t = run(Scenario.CHARGING, 3 * 3600);
        assertTrue(noAlarmOrWarning(t), () -> t.events().toString());
        Map<String, Object> at95 = t.samples().stream().filter(s -> (Double) s.get("soc.precise") >= 95).findFirst()
                .orElseThrow();
        assertTrue((Double) at95.get("limit.charge_current") < 60, "tapered at 95 %: " + at95.get("limit.charge_current"));
        assertEquals(100L, t.last().get("soc"));
        assertEquals(0.0, t.last().get("limit.charge_current"));
        long flags = (Long) t.last().get("bms.flags");
        assertTrue((flags & DeviceSignals.FLAG_CHARGED) != 0 && (flags & DeviceSignals.FLAG_CHARGING) == 0);
    }

    @Test
    void dischargingEmptiesThePackUntilTheLimitStopsIt() {
        Timeline t = run(Scenario.DISCHARGING, 3 * 3600);
        assertTrue(noAlarmOrWarning(t), () -> t.events().toString());
        Map<String, Object> at10 = t.samples().stream().filter(s -> (Double) s.get("soc.precise") <= 10).findFirst()
                .orElseThrow();
        assertTrue((Double) at10.get("limit.discharge_current") < 100, "tapered at 10 %: " + at10);
        assertTrue((Long) at10.get("bms.flags") % 2 == 0);
        assertTrue(((Long) at10.get("bms.flags") & DeviceSignals.FLAG_LOW_SOC) != 0);
        assertEquals(0.0, t.last().get("limit.discharge_current"));
        assertEquals(0.0, t.last().get("pack.current"));
    }

    @Test
    void highTemperatureWarnsThenAlarmsThenClears() {
        Timeline t = run(Scenario.HIGH_TEMPERATURE, 2700);
        t.assertInOrder("warning.high_temperature_charge=raised", "alarm.high_temperature_charge=raised",
                "alarm.high_temperature=raised", "alarm.high_temperature=cleared",
                "warning.high_temperature=cleared", "warning.high_temperature_charge=cleared");
        t.assertInOrder("warning.high_temperature=raised", "alarm.high_temperature=raised");
        t.assertInOrder("alarm.high_temperature_charge=raised", "alarm.high_temperature_charge=cleared");
        assertAllClearAtTheEnd(t);
        assertEquals(List.of(BOOT), List.of(t.states()), "no error state, only protective limits");
    }

    @Test
    void lowTemperatureChargeStopsChargingBelowZeroAndResumes() {
        Timeline t = run(Scenario.LOW_TEMPERATURE_CHARGE, 2700);
        t.assertInOrder("warning.low_temperature_charge=raised", "alarm.low_temperature_charge=raised",
                "alarm.low_temperature_charge=cleared", "warning.low_temperature_charge=cleared");
        long alarm = t.event(t.first("alarm.low_temperature_charge", "raised")).millis();
        assertTrue(t.samples().get((int) (alarm / 500) + 2).get("pack.current").equals(0.0), "charging stopped");
        assertTrue((Double) t.last().get("pack.current") > 0, "charging again");
        assertAllClearAtTheEnd(t);
    }

    @Test
    void cellImbalanceWarnsAlarmsAndClearsAsBalancingBringsTheCellBack() {
        Timeline t = run(Scenario.CELL_IMBALANCE, 600);
        t.assertInOrder("warning.cell_imbalance=raised", "alarm.cell_imbalance=raised", "alarm.cell_imbalance=cleared",
                "warning.cell_imbalance=cleared");
        assertAllClearAtTheEnd(t);
    }

    @Test
    void overVoltageOpensTheChargeRelayAndClearsWhenTheChargerIsGone() {
        Timeline t = run(Scenario.OVER_VOLTAGE, 900);
        t.assertInOrder("warning.high_voltage=raised", "alarm.high_voltage=raised", "alarm.high_voltage=cleared",
                "warning.high_voltage=cleared");
        long alarm = t.event(t.first("alarm.high_voltage", "raised")).millis();
        Map<String, Object> after = t.samples().get((int) (alarm / 500) + 1);
        assertEquals(0.0, after.get("pack.current"), "the relay stopped the charger");
        assertEquals(0L, (Long) after.get("bms.flags") & DeviceSignals.FLAG_ALLOWED_TO_CHARGE);
        assertAllClearAtTheEnd(t);
        assertEquals(BOOT, t.states());
    }

    @Test
    void underVoltageOpensTheLoadRelayAndClearsWhenCharging() {
        Timeline t = run(Scenario.UNDER_VOLTAGE, 1800);
        t.assertInOrder("warning.low_voltage=raised", "alarm.low_voltage=raised", "alarm.low_voltage=cleared",
                "warning.low_voltage=cleared");
        long alarm = t.event(t.first("alarm.low_voltage", "raised")).millis();
        assertEquals(0.0, t.samples().get((int) (alarm / 500) + 1).get("pack.current"));
        assertTrue(t.after("alarm.low_voltage", "raised", "cleared").millis() > 1100_000, "cleared once the charger is on");
        assertAllClearAtTheEnd(t);
    }

    @Test
    void shortCircuitTripsToErrorEighteenWhichTheDefaultProfileCountsAsASafetyLock() {
        Timeline t = run(Scenario.SHORT_CIRCUIT, 600);
        t.assertInOrder("warning.high_current=raised", "alarm.short_circuit=raised");
        assertTrue(t.after("warning.high_current", "raised", "cleared").millis()
                >= t.event(t.first("alarm.short_circuit", "raised")).millis());
        assertEquals(t.event(t.first("alarm.short_circuit", "raised")).millis(),
                t.event(t.first("bms.state", 10L)).millis());
        assertEquals(t.event(t.first("bms.state", 10L)).millis(), t.event(t.first("bms.error", 18L)).millis());
        assertEquals(10L, t.last().get("bms.state"));
        assertEquals("raised", t.last().get("alarm.short_circuit"));
        assertEquals(18L, t.last().get("error.history.1"));
        assertEquals(0.0, t.last().get("pack.current"));
    }

    @Test
    void shortCircuitRestartsByItselfWhenTheProfileDoesNotLockOnEighteen() {
        MgProfileSettings d = MgProfileSettings.defaults();
        MgMasterLvProfile profile = new MgMasterLvProfile(new MgProfileSettings(d.unlockRegister(), false,
                Set.of(13, 14, 15, 16), d.nodeAddress()));
        Timeline t = new Timeline(new MasterLvDevice(SimulatorOptions.defaults().withScenario(Scenario.SHORT_CIRCUIT),
                EPOCH, profile)).runTo(300);
        t.assertInOrder("warning.high_current=raised", "alarm.short_circuit=raised", "alarm.short_circuit=cleared");
        t.assertInOrder("warning.high_current=raised", "bms.state=10", "bms.state=12", "transmitting=false",
                "transmitting=true", "bms.state=1", "bms.state=8", "bms.state=16", "bms.state=9");
        long error = t.event(t.first("bms.state", 10L)).millis();
        assertEquals(error + 30_000, t.event(t.first("bms.state", 12L)).millis(), "restarts 30 s later");
        assertEquals(18L, t.last().get("error.history.1"));
        assertEquals(0L, t.last().get("bms.error"));
        assertAllClearAtTheEnd(t);
        assertTrue((Double) t.last().get("pack.current") < 0, "the load runs again");
    }

    @Test
    void safetyLockIsErrorThirteenWithItsHistoryAlarmsRaisedAndTheContactorOpen() {
        Timeline t = run(Scenario.SAFETY_LOCK, 3600);
        t.assertInOrder("warning.high_voltage=raised", "alarm.high_voltage=raised", "bms.state=10");
        long lockedAt = t.event(t.first("bms.state", 10L)).millis();
        assertEquals(lockedAt, t.event(t.first("bms.error", 13L)).millis());
        Map<String, Object> end = t.last();
        assertEquals(10L, end.get("bms.state"));
        assertEquals(13L, end.get("bms.error"));
        assertEquals("raised", end.get("alarm.high_voltage"));
        assertEquals("raised", end.get("alarm.general"));
        assertEquals("raised", end.get("warning.high_voltage"));
        assertEquals(List.of(13L, 18L, 25L, 14L), List.of(end.get("error.history.1"), end.get("error.history.2"),
                end.get("error.history.3"), end.get("error.history.4")));
        long lockSecond = (EPOCH + lockedAt) / 1000;
        assertTrue(Math.abs((Long) end.get("error.history.1.time") - lockSecond) <= 1);
        assertEquals(EPOCH / 1000 - 2 * 86_400, end.get("error.history.2.time"));
        assertEquals(EPOCH / 1000 - 12 * 86_400, end.get("error.history.3.time"));
        assertEquals(EPOCH / 1000 - 40 * 86_400, end.get("error.history.4.time"));
        assertEquals(0L, (Long) end.get("bms.flags") & DeviceSignals.FLAG_CONTACTOR_CLOSED);
        assertEquals(0.0, end.get("pack.current"));
        assertEquals(0L, end.get("relay.state"));
        assertEquals(0.0, end.get("limit.charge_current"));
        assertEquals(0.0, end.get("limit.discharge_current"));
        assertEquals(0xFFL, end.get("setting.combined_bms"), "settings read 0xFF in error state");
        assertTrue(t.never(e -> e.key().equals("transmitting") && Boolean.FALSE.equals(e.value())), "frames keep coming");
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 16L, 9L, 10L), t.states());
    }

    @Test
    void commsLossFallsSilentAfterAMinute() {
        Timeline t = run(Scenario.COMMS_LOSS, 600);
        assertEquals(60_000, t.event(t.first("transmitting", false)).millis());
        assertFalse(t.has("transmitting", true) && t.first("transmitting", true) > t.first("transmitting", false));
        assertTrue(noAlarmOrWarning(t));
    }
}
