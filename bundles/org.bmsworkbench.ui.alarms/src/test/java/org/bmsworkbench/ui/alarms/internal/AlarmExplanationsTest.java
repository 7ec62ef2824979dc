package org.bmsworkbench.ui.alarms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.StandardSignals;
import org.bmsworkbench.service.lockout.Protection;
import org.bmsworkbench.service.lockout.Protections;
import org.junit.jupiter.api.Test;

class AlarmExplanationsTest {

    @Test
    void everyStandardAlarmWarningAndEventIsExplained() {
        for (SignalDescriptor d : StandardSignals.all()) {
            if (d.group().equals("alarms") || d.group().equals("warnings") || d.group().equals("events")) {
                AlarmExplanations.Explanation e = AlarmExplanations.of(d.key());
                assertFalse(e.meaning().contains("no description"), d.key());
                assertTrue(e.meaning().endsWith("."), d.key());
                assertTrue(e.check().endsWith("."), d.key());
            }
        }
    }

    @Test
    void anAlarmAndItsWarningMeanTheSameCondition() {
        assertEquals(AlarmExplanations.of("alarm.cell_imbalance"), AlarmExplanations.of("warning.cell_imbalance"));
    }

    @Test
    void anUnknownKeyIsNamed() {
        assertTrue(AlarmExplanations.of("alarm.oem_thing").meaning().contains("alarm.oem_thing"));
    }

    /** The catalogue's protection.* and boolean warning.* keys (cell-level makes) use the lockout service's words. */
    @Test
    void aCellLevelBmsesProtectionsAndWarningsAreExplainedWithWhatToCheck() {
        for (Protection p : Protections.all()) {
            AlarmExplanations.Explanation e = AlarmExplanations.of(p.protectionKey());
            assertEquals(p.meaning() + " Causes: " + p.causes(), e.meaning());
            assertEquals(p.check(), e.check());
        }
        AlarmExplanations.Explanation w = AlarmExplanations.of("warning.charge_under_temperature");
        assertEquals("Pre-alarm: nearing the limit of the charge under-temperature protection; the BMS has not"
                + " switched anything off for it yet.", w.meaning());
        // the 0x35A short-circuit warning keeps its own words
        assertEquals(AlarmExplanations.of("alarm.short_circuit"), AlarmExplanations.of("warning.short_circuit"));
        assertTrue(AlarmExplanations.of("protection.short_circuit").check().contains("precharge"));
    }
}
