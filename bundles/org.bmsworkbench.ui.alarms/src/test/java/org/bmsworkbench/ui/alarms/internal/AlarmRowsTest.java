package org.bmsworkbench.ui.alarms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bmsworkbench.bms.AlarmRecord;
import org.bmsworkbench.bms.AlarmState;
import org.junit.jupiter.api.Test;

class AlarmRowsTest {

    private static AlarmRecord raised(String key, long last, long count) {
        return new AlarmRecord(key, AlarmState.RAISED, 1L, last, null, count);
    }

    @Test
    void activeAlarmsFirstThenTheShutdownThenWarnings() {
        Map<String, AlarmRecord> records = new TreeMap<>();
        for (AlarmRecord r : List.of(raised("warning.general", 5, 1), raised("alarm.short_circuit", 3, 1),
                raised("event.preventive_shutdown", 4, 1), raised("alarm.high_voltage", 2, 1),
                new AlarmRecord("alarm.low_voltage", AlarmState.CLEARED, 1L, 1L, 2L, 1),
                new AlarmRecord("warning.contactor", AlarmState.UNKNOWN, null, null, null, 0))) {
            records.put(r.key(), r);
        }
        assertEquals(List.of("alarm.high_voltage", "alarm.short_circuit", "event.preventive_shutdown", "warning.general"),
                AlarmRows.active(records).stream().map(AlarmRows.Row::key).toList());
        assertEquals(List.of("warning.general", "event.preventive_shutdown", "alarm.short_circuit", "alarm.high_voltage",
                "alarm.low_voltage"), AlarmRows.history(records).stream().map(AlarmRows.Row::key).toList());
        assertEquals("Short circuit alarm", AlarmRows.label("alarm.short_circuit"));
    }

    @Test
    void checksNameEachConditionOnce() {
        Map<String, AlarmRecord> records = new TreeMap<>();
        records.put("alarm.high_voltage", raised("alarm.high_voltage", 2, 1));
        records.put("warning.high_voltage", raised("warning.high_voltage", 1, 1));
        records.put("warning.cell_imbalance", raised("warning.cell_imbalance", 1, 1));
        String checks = AlarmTables.checks(AlarmRows.active(records));
        assertEquals(2, checks.lines().count(), checks);
        assertEquals("Cell imbalance warning — check the highest and lowest cell voltages; leave the battery on charge to"
                + " balance (can take hours).", checks.lines().toList().get(1));
    }

    /** docs/SIGNALS.md "Cell-level BMS makes over serial": protection.<name> and boolean warning.<name>. */
    @Test
    void aCellLevelBmsesProtectionsComeAfterAlarmsAndBeforeTheShutdownWithTheirCatalogueLabels() {
        Map<String, AlarmRecord> records = new TreeMap<>();
        for (AlarmRecord r : List.of(raised("warning.cell_over_voltage", 6, 1), raised("protection.short_circuit", 5, 1),
                raised("protection.cell_over_voltage", 7, 2), raised("event.preventive_shutdown", 4, 1),
                raised("alarm.high_voltage", 2, 1))) {
            records.put(r.key(), r);
        }
        List<AlarmRows.Row> active = AlarmRows.active(records);
        assertEquals(List.of("alarm.high_voltage", "protection.cell_over_voltage", "protection.short_circuit",
                "event.preventive_shutdown", "warning.cell_over_voltage"), active.stream().map(AlarmRows.Row::key).toList());
        assertEquals(AlarmRows.Severity.PROTECTION, active.get(1).severity());
        assertEquals("Protection", active.get(1).severity().label);
        assertEquals("Cell over-voltage protection", active.get(1).label());
        assertEquals("Cell over-voltage warning", active.get(4).label());
        assertEquals(AlarmRows.Severity.WARNING, active.get(4).severity());
        // the warning adds no check line of its own while its protection is active
        String checks = AlarmTables.checks(active);
        assertEquals(4, checks.lines().count(), checks);
        assertEquals("Cell over-voltage protection — check the charger's or inverter's charge voltage and profile"
                + " against the pack's limit, the highest cell voltage, and balancing (a long charge in balancing mode"
                + " evens the cells out).", checks.lines().toList().get(1));
    }
}
