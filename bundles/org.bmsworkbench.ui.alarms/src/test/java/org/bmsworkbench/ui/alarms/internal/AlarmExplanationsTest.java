package org.bmsworkbench.ui.alarms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.StandardSignals;
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
}
