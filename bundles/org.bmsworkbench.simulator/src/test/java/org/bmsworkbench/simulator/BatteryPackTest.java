package org.bmsworkbench.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class BatteryPackTest {
    private static final SimulatorOptions OPTIONS = SimulatorOptions.defaults();

    private static BatteryPack pack(double soc) {
        return new BatteryPack(OPTIONS, soc, 20);
    }

    @Test
    void stateOfChargeIntegratesCurrent() {
        BatteryPack p = pack(50);
        for (int i = 0; i < 3600; i++) {
            p.step(1, -40, 20); // 40 A for an hour out of 200 Ah
        }
        assertEquals(30.0, p.socPercent(), 1e-9);
        assertEquals(60.0, p.remainingAh(), 1e-9);
        assertEquals(-140.0, p.consumedAh(), 1e-9);
        for (int i = 0; i < 1800; i++) {
            p.step(1, 100, 20);
        }
        assertEquals(55.0, p.socPercent(), 1e-9);
    }

    @Test
    void chargeStaysBetweenEmptyAndFull() {
        BatteryPack p = pack(99);
        for (int i = 0; i < 600; i++) {
            p.step(1, 100, 20);
        }
        assertEquals(100.0, p.socPercent(), 1e-9);
        for (int i = 0; i < 20_000; i++) {
            p.step(1, -100, 20);
        }
        assertEquals(0.0, p.socPercent(), 1e-9);
    }

    @Property
    void restVoltageRisesWithSoc(@ForAll @DoubleRange(min = 0, max = 99) double soc) {
        assertTrue(OcvCurve.cellVoltage(soc + 1) > OcvCurve.cellVoltage(soc));
        BatteryPack low = pack(soc);
        BatteryPack high = pack(soc + 1);
        assertTrue(high.packVoltage() > low.packVoltage());
        assertEquals(16 * low.cellVoltageMin(), low.packVoltage(), 1e-9);
    }

    @Test
    void voltageFollowsCurrentAndSoc() {
        BatteryPack p = pack(50);
        double rest = p.packVoltage();
        assertEquals(16 * 3.29, rest, 1e-9);
        p.step(0.1, 100, 20);
        assertTrue(p.packVoltage() > rest + 16 * 0.05 - 1e-9, "ohmic rise under 0.5 C charge");
        BatteryPack d = pack(50);
        d.step(0.1, -100, 20);
        assertTrue(d.packVoltage() < rest - 16 * 0.05 + 1e-9, "ohmic drop under 0.5 C discharge");
    }

    @Test
    void temperatureDriftsToAmbientAndCurrentHeats() {
        BatteryPack idle = pack(50);
        BatteryPack loaded = pack(50);
        for (int i = 0; i < 3000; i++) {
            idle.step(1, 0, 35);
            loaded.step(1, -200, 35);
        }
        assertEquals(35, (idle.temperatureMin() + idle.temperatureMax()) / 2, 1.0);
        assertTrue(loaded.temperatureMax() > idle.temperatureMax() + 4, "1 C heats by about 5 °C");
    }

    @Test
    void limitsTightenNearFullAndEmpty() {
        ProtectionMonitor none = new ProtectionMonitor();
        double mid = ChargeLimits.chargeCurrent(pack(50), none, true);
        assertEquals(100, mid, 1e-9);
        assertTrue(ChargeLimits.chargeCurrent(pack(95), none, true) < mid);
        assertTrue(ChargeLimits.chargeCurrent(pack(99), none, true) < ChargeLimits.chargeCurrent(pack(95), none, true));
        assertEquals(0, ChargeLimits.chargeCurrent(pack(100), none, true));
        assertEquals(0, ChargeLimits.chargeCurrent(pack(50), none, false));
        double dmid = ChargeLimits.dischargeCurrent(pack(50), none, true);
        assertEquals(200, dmid, 1e-9);
        assertTrue(ChargeLimits.dischargeCurrent(pack(10), none, true) < dmid);
        assertEquals(0, ChargeLimits.dischargeCurrent(pack(2), none, true));
        assertEquals(56.0, ChargeLimits.chargeVoltage(pack(50)), 1e-9);
        assertEquals(44.8, ChargeLimits.dischargeVoltage(pack(50)), 1e-9);
    }

    @Test
    void historyFollowsThePack() {
        BatteryPack p = pack(50);
        double charged = p.history().energyChargedKwh();
        double drawn = p.history().totalAhDrawn();
        for (int i = 0; i < 3600; i++) {
            p.step(1, -50, 20);
        }
        assertEquals(drawn - 50, p.history().totalAhDrawn(), 1e-6);
        assertEquals(-0.85 * 200, p.history().deepestDischargeAh(), 1e-9, "not deeper than the past yet");
        for (int i = 0; i < 3600; i++) {
            p.step(1, -30, 20);
        }
        assertEquals(-180, p.history().deepestDischargeAh(), 1e-6);
        for (int i = 0; i < 7200; i++) {
            p.step(1, 100, 20);
        }
        assertTrue(p.history().energyChargedKwh() > charged + 8);
        assertEquals(31, p.history().autoSyncs(), "one more full charge");
        assertTrue(p.history().voltageMax() >= p.packVoltage());
    }

    @Test
    void configurationScalesThePack() {
        SimulatorOptions twelve = new SimulatorOptions("sma", Scenario.NORMAL, "S", 1, 1, 1, 3, 600, 0, false);
        BatteryPack p = new BatteryPack(twelve, 50, 20);
        assertEquals(4, p.cells());
        assertEquals(4 * 3.29, p.packVoltage(), 1e-9);
        assertEquals(3, twelve.batteries());
        assertEquals(12, twelve.nominalVoltage());
    }
}
