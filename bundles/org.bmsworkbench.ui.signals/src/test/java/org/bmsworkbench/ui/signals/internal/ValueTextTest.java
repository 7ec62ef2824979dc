package org.bmsworkbench.ui.signals.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.StandardSignals;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.junit.jupiter.api.Test;

class ValueTextTest {
    private static final MgMasterLvProfile MG = MgMasterLvProfile.defaults();

    private static String text(String key, Object value) {
        SignalDescriptor d = StandardSignals.find(key).orElseThrow();
        return ValueText.of(d, value, MG);
    }

    @Test
    void numbersKeepTheDecimalsTheirUnitNeeds() {
        assertEquals("53.10 V", text("pack.voltage", 53.1));
        assertEquals("3.312 V", text("cell.voltage.min", 3.312));
        assertEquals("-12.3 A", text("pack.current", -12.3));
        assertEquals("0.0 A", text("pack.current", 0.0));
        assertEquals("21.5 °C", text("pack.temperature", 21.5));
        assertEquals("87.25 %", text("soc.precise", 87.25));
        assertEquals("1.234 kWh", text("energy.charged", 1.234));
        assertEquals("1.20 kWh", text("energy.charged", 1.2));
        assertEquals("3.313 V", text("cell.voltage.min", 3.31251));
        assertEquals("87 %", text("soc", 87L));
        assertEquals("264 min", text("time_to_go", 264L));
    }

    @Test
    void notAvailableIsSaidInWords() {
        assertEquals("not available", text("capacity.remaining", null));
    }

    @Test
    void codesCarryTheirMeaningFromTheDeviceProfile() {
        assertEquals("10 · Error", text("bms.state", 10L));
        assertEquals("13 · Over voltage detected", text("bms.error", 13L));
        assertEquals("0 · no error", text("error.history.2", 0L));
        assertEquals("2025-10-09 08:53:20 UTC", text("error.history.1.time", 1_759_999_999L + 1));
        assertEquals("none", text("error.history.1.time", 0L));
        assertEquals("0x06000190 · Charging, Main safety contactor closed, Main safety contactor closed, Allowed to charge,"
                + " Allowed to discharge", text("bms.flags", 0x06000190L));
        assertEquals("0xA390 · MG Master LV", text("bms.product_id", 0xA390L));
        assertEquals("15003 (0x3A9B)", text("bms.type_id", 15003L));
    }

    @Test
    void withoutAProfileCodesAreNumbers() {
        SignalDescriptor state = StandardSignals.find("bms.state").orElseThrow();
        assertEquals("10", ValueText.of(state, 10L, null));
        assertEquals("0x00000010", ValueText.of(StandardSignals.find("bms.flags").orElseThrow(), 16L, null));
    }

    @Test
    void textBooleansAndAlarms() {
        assertEquals("MG-BMS", text("bms.manufacturer", "MG-BMS"));
        assertEquals("yes", text("event.preventive_shutdown", true));
        assertEquals("raised", text("alarm.high_voltage", "raised"));
    }
}
