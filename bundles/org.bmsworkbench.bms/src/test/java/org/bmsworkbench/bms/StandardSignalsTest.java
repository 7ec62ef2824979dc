package org.bmsworkbench.bms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalogue against the key table of docs/SIGNALS.md, written out here row by row. */
class StandardSignalsTest {

    private static final List<String> ALARM_NAMES = List.of("general", "high_voltage", "low_voltage",
            "high_temperature", "low_temperature", "high_temperature_charge", "low_temperature_charge",
            "high_current", "high_charge_current", "contactor", "short_circuit", "bms_internal", "cell_imbalance");

    /** key → unit, in the order of the docs/SIGNALS.md table ("" for plain numbers, text, alarms and events). */
    private static Map<String, String> expected() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("limit.charge_voltage", "V");
        m.put("limit.charge_current", "A");
        m.put("limit.discharge_current", "A");
        m.put("limit.discharge_voltage", "V");
        m.put("soc", "%");
        m.put("soc.precise", "%");
        m.put("soh", "%");
        m.put("pack.voltage", "V");
        m.put("pack.current", "A");
        m.put("pack.temperature", "°C");
        m.put("cell.voltage.min", "V");
        m.put("cell.voltage.max", "V");
        m.put("cell.temperature.min", "°C");
        m.put("cell.temperature.max", "°C");
        m.put("energy.charged", "kWh");
        m.put("energy.discharged", "kWh");
        m.put("capacity.installed", "Ah");
        m.put("capacity.remaining", "Ah");
        m.put("time_to_go", "min");
        m.put("charge.consumed", "Ah");
        m.put("bms.manufacturer", "");
        m.put("bms.type_id", "");
        m.put("bms.firmware", "");
        m.put("bms.hw_config", "");
        m.put("bms.serial", "");
        m.put("bms.product_id", "");
        m.put("bms.state", "");
        m.put("bms.error", "");
        m.put("bms.flags", "");
        for (int i = 1; i <= 4; i++) {
            m.put("error.history." + i, "");
        }
        for (int i = 1; i <= 4; i++) {
            m.put("error.history." + i + ".time", "s");
        }
        m.put("relay.state", "");
        m.put("config.batteries", "");
        m.put("config.cells_per_battery", "");
        m.put("config.parallel", "");
        m.put("config.series", "");
        m.put("history.deepest_discharge", "Ah");
        m.put("history.total_ah_drawn", "Ah");
        m.put("history.voltage.min", "V");
        m.put("history.voltage.max", "V");
        m.put("history.auto_syncs", "");
        m.put("history.temperature.max", "°C");
        m.put("history.temperature.min", "°C");
        m.put("history.cell_voltage.min", "V");
        m.put("history.cell_voltage.max", "V");
        m.put("charger_link.percentage", "%");
        m.put("charger_link.current_limit", "A");
        for (String s : List.of("sync_group", "startup_on_charger", "strategy", "combined_bms", "restart_request",
                "parallel", "series", "bluetooth")) {
            m.put("setting." + s, "");
        }
        for (String a : ALARM_NAMES) {
            m.put("alarm." + a, "");
        }
        for (String a : ALARM_NAMES) {
            m.put("warning." + a, "");
        }
        m.put("event.preventive_shutdown", "");
        // docs/SIGNALS.md "Cell-level BMS makes over serial (JBD, Daly, …)"
        m.put("capacity.nominal", "Ah");
        m.put("cycles", "");
        m.put("cell.count", "");
        m.put("bms.model", "");
        m.put("fet.charge", "");
        m.put("fet.discharge", "");
        for (String p : PROTECTIONS) {
            m.put("protection." + p, "");
        }
        for (String p : PROTECTIONS) {
            if (!p.equals("short_circuit")) { // the 0x35A key of that name keeps its alarm state
                m.put("warning." + p, "");
            }
        }
        return m;
    }

    /** The protection names of docs/SIGNALS.md, in its order. */
    private static final List<String> PROTECTIONS = List.of("cell_over_voltage", "cell_under_voltage",
            "pack_over_voltage", "pack_under_voltage", "charge_over_temperature", "charge_under_temperature",
            "discharge_over_temperature", "discharge_under_temperature", "charge_over_current",
            "discharge_over_current", "short_circuit", "frontend_error", "fet_software_lock");

    @Test
    void protectionNamesFollowTheTable() {
        assertEquals(PROTECTIONS, StandardSignals.protectionNames());
    }

    @Test
    void findsPerCellKeysWithinRange() {
        assertEquals("V", StandardSignals.find("cell.16.voltage").orElseThrow().unit());
        assertEquals(SignalKind.BOOLEAN, StandardSignals.find("cell.1.balancing").orElseThrow().kind());
        assertEquals("°C", StandardSignals.find("temperature.3").orElseThrow().unit());
        assertEquals("Cell 7 voltage", StandardSignals.find("cell.7.voltage").orElseThrow().label());
        assertTrue(StandardSignals.find("cell.0.voltage").isEmpty());
        assertTrue(StandardSignals.find("cell.257.voltage").isEmpty());
        assertTrue(StandardSignals.find("cell.01.voltage").isEmpty());
        assertTrue(StandardSignals.find("temperature.x").isEmpty());
        assertEquals(List.of("cell.<n>.voltage", "cell.<n>.balancing", "temperature.<n>"),
                StandardSignals.patterns().stream().map(SignalDescriptor::key).toList());
    }

    private static Map<String, SignalDescriptor> byKey() {
        return StandardSignals.all().stream().collect(Collectors.toMap(SignalDescriptor::key, d -> d));
    }

    @Test
    void hasNoDuplicateKeys() {
        Set<String> seen = new HashSet<>();
        for (SignalDescriptor d : StandardSignals.all()) {
            assertTrue(seen.add(d.key()), "duplicate key " + d.key());
        }
    }

    @Test
    void holdsExactlyTheKeysOfTheSignalsTableWithTheirUnits() {
        Map<String, String> expected = expected();
        Map<String, SignalDescriptor> actual = byKey();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertTrue(actual.containsKey(e.getKey()), "missing " + e.getKey());
            assertEquals(e.getValue(), actual.get(e.getKey()).unit(), "unit of " + e.getKey());
        }
        assertEquals(expected.keySet(), actual.keySet());
        assertEquals(List.copyOf(expected.keySet()), StandardSignals.all().stream().map(SignalDescriptor::key).toList(),
                "catalogue order follows the table");
    }

    @Test
    void kindsFollowTheTable() {
        Map<String, SignalDescriptor> all = byKey();
        for (String text : List.of("bms.manufacturer", "bms.firmware", "bms.serial")) {
            assertEquals(SignalKind.TEXT, all.get(text).kind(), text);
        }
        assertEquals(SignalKind.BOOLEAN, all.get("event.preventive_shutdown").kind());
        assertEquals(26, all.values().stream().filter(d -> d.kind() == SignalKind.ALARM).count());
        for (SignalDescriptor d : all.values()) {
            boolean alarm = (d.key().startsWith("alarm.") || d.key().startsWith("warning."))
                    && !(d.key().startsWith("warning.") && PROTECTIONS.contains(d.key().substring(8))
                            && !d.key().equals("warning.short_circuit"));
            assertEquals(alarm, d.kind() == SignalKind.ALARM, d.key());
            if (!alarm && d.kind() != SignalKind.TEXT && d.kind() != SignalKind.BOOLEAN) {
                assertEquals(SignalKind.NUMBER, d.kind(), d.key());
            }
        }
        assertEquals(SignalKind.NUMBER, all.get("bms.type_id").kind());
        assertEquals(SignalKind.NUMBER, all.get("error.history.1.time").kind());
    }

    @Test
    void everyDescriptorHasAKnownGroupALabelAndOneSentence() {
        Set<String> groups = Set.of("pack", "cells", "limits", "energy", "identity", "status", "history", "settings",
                "alarms", "warnings", "events");
        for (SignalDescriptor d : StandardSignals.all()) {
            assertTrue(groups.contains(d.group()), d.key() + " in unknown group " + d.group());
            assertFalse(d.label().isBlank(), d.key());
            assertTrue(d.description().endsWith("."), d.key() + ": " + d.description());
        }
        Map<String, SignalDescriptor> all = byKey();
        assertEquals("alarms", all.get("alarm.cell_imbalance").group());
        assertEquals("warnings", all.get("warning.general").group());
        assertEquals("events", all.get("event.preventive_shutdown").group());
        assertEquals("cells", all.get("cell.voltage.min").group());
        assertEquals("settings", all.get("setting.bluetooth").group());
        assertEquals("history", all.get("history.auto_syncs").group());
    }

    @Test
    void findGivesTheStandardDescriptor() {
        assertEquals("V", StandardSignals.find("pack.voltage").orElseThrow().unit());
        assertTrue(StandardSignals.find("oem.fan_speed").isEmpty());
    }
}
