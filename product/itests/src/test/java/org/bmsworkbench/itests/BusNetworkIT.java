package org.bmsworkbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real {@code bin/bmswb} on a busy NMEA 2000 bus (the simulator's {@code network} scenario:
 * the MG Master LV at 0x50 with data instance base 32, a Victron battery monitor at 0x41 with two
 * batteries, a charger, and a display holding 0x20 with a NAME that outranks the workbench's):
 * {@code devices} lists them all and the workbench at the address it claimed, not 0x20;
 * {@code monitor} follows the MG and shows cell values only from it; {@code vreg read} reaches it;
 * a recording decodes with no cell value from anyone else. On an 11-bit bus the BMS and an
 * inverter are told apart by role.
 */
class BusNetworkIT {
    private static final String NETWORK = "sim:?protocol=nmea2000&scenario=network";

    private static Bmswb bmswb;

    @BeforeAll
    static void copyProduct() {
        bmswb = Bmswb.copy();
    }

    @AfterAll
    static void removeCopy() throws IOException {
        bmswb.close();
    }

    private static List<Map<String, Object>> objects(String jsonl) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String line : jsonl.split("\n")) {
            if (!line.isBlank()) {
                list.add(Json.object(line));
            }
        }
        return list;
    }

    private static long number(Object o) {
        return ((Number) o).longValue();
    }

    @Test
    void devicesListsEveryDeviceAndTheWorkbenchAtTheAddressItClaimed() {
        Bmswb.Result r = bmswb.run("devices", "--connect", NETWORK, "--duration", "3", "--format", "jsonl");
        assertEquals(0, r.status(), r.err());
        Map<Long, Map<String, Object>> byAddress = new TreeMap<>();
        for (Map<String, Object> d : objects(r.out())) {
            assertEquals(List.of("address", "name", "manufacturer_code", "manufacturer", "device_class",
                    "device_function", "model", "software", "serial", "pgns", "last_seen", "self", "role"),
                    List.copyOf(d.keySet()), d.toString());
            byAddress.put(number(d.get("address")), d);
        }
        Map<String, Object> mg = byAddress.get(80L);
        assertEquals(1160L, number(mg.get("manufacturer_code")), mg.toString());
        assertEquals("MG Energy Systems", mg.get("manufacturer"));
        assertEquals("MG Master LV", mg.get("model"), "from its Product Information, asked for by PGN 59904");
        assertTrue(((List<?>) mg.get("pgns")).stream().map(BusNetworkIT::number).toList()
                .containsAll(List.of(60928L, 127506L, 127508L)), mg.toString());
        assertEquals(358L, number(byAddress.get(0x41L).get("manufacturer_code")));
        assertEquals(229L, number(byAddress.get(0x20L).get("manufacturer_code")), "the display holds 0x20");
        assertEquals(false, byAddress.get(0x20L).get("self"));
        List<Map<String, Object>> self = byAddress.values().stream().filter(d -> Boolean.TRUE.equals(d.get("self"))).toList();
        assertEquals(1, self.size(), r.out());
        assertNotEquals(0x20L, number(self.get(0).get("address")), "the workbench yields 0x20 to the display");
        assertEquals(2047L, number(self.get(0).get("manufacturer_code")));
        assertTrue(((String) self.get(0).get("name")).matches("0x[0-9A-F]{16}"), self.toString());
    }

    @Test
    void listenOnlySendsNothingSoTheWorkbenchIsNotListed() {
        Bmswb.Result r = bmswb.run("devices", "--connect", NETWORK, "--duration", "2", "--format", "jsonl",
                "--listen-only");
        assertEquals(0, r.status(), r.err());
        List<Map<String, Object>> devices = objects(r.out());
        assertFalse(devices.isEmpty(), r.out());
        assertTrue(devices.stream().noneMatch(d -> Boolean.TRUE.equals(d.get("self"))), r.out());
    }

    @Test
    void monitorFollowsTheMgMasterLvAndShowsCellValuesOnlyFromIt() {
        Bmswb.Result r = bmswb.run("monitor", "--connect", NETWORK + "&speed=4", "--duration", "3", "--format", "jsonl");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("bmswb monitor: following MG Master LV at 80 (address claim with manufacturer code 1160)"),
                r.err());
        boolean otherBattery = false;
        boolean mgCells = false;
        for (Map<String, Object> m : objects(r.out())) {
            @SuppressWarnings("unchecked")
            Map<String, Object> signals = (Map<String, Object>) m.get("signals");
            boolean cells = signals.keySet().stream().anyMatch(k -> k.startsWith("cell."));
            long source = m.get("source") == null ? -1 : number(m.get("source"));
            if (source == 0x41 && "battery_status".equals(m.get("message"))) {
                otherBattery = true;
                assertFalse(cells, m.toString());
                assertTrue(signals.containsKey("pack.voltage"), m.toString());
            }
            if (cells) {
                assertEquals(80, source, m.toString());
                mgCells = true;
            }
        }
        assertTrue(otherBattery && mgCells, r.out());
    }

    @Test
    void vregReadReachesTheMgMasterLvOnTheBusyBus() {
        Bmswb.Result r = bmswb.run("vreg", "read", "--connect", NETWORK, "0x0FFF", "0x0102");
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("soc="), r.out());
        assertTrue(r.out().contains("bms.firmware="), r.out());
    }

    @Test
    void aRecordingOfTheNetworkDecodesWithCellValuesOnlyFromTheMg() {
        Bmswb.Result record = bmswb.run("record", "--connect", NETWORK + "&speed=10", "--duration", "2", "-o", "net.log");
        assertEquals(0, record.status(), record.err());
        Bmswb.Result decoded = bmswb.run("decode", "--strict", "--format", "jsonl", "net.log");
        assertEquals(0, decoded.status(), decoded.err());
        int fromMonitor = 0;
        for (Map<String, Object> m : objects(decoded.out())) {
            @SuppressWarnings("unchecked")
            Map<String, Object> signals = (Map<String, Object>) m.get("signals");
            if (signals.keySet().stream().anyMatch(k -> k.startsWith("cell."))) {
                assertEquals(80, number(m.get("source")), m.toString());
            }
            if (m.get("source") != null && number(m.get("source")) == 0x41 && m.get("instance") != null) {
                fromMonitor++;
            }
        }
        assertTrue(fromMonitor > 0, "the battery monitor's records carry source and instance: " + decoded.out());
    }

    @Test
    void anElevenBitBusHasTheBmsAndTheInverterByRole() {
        Bmswb.Result r = bmswb.run("devices", "--connect", "sim:?protocol=general-bms&scenario=network", "--duration",
                "2", "--format", "jsonl");
        assertEquals(0, r.status(), r.err());
        Map<String, Map<String, Object>> byRole = new TreeMap<>();
        for (Map<String, Object> d : objects(r.out())) {
            assertEquals(null, d.get("address"), d.toString());
            byRole.put((String) d.get("role"), d);
        }
        assertEquals(List.of("bms", "inverter"), List.copyOf(byRole.keySet()), r.out());
        assertTrue(((List<?>) byRole.get("inverter").get("can_ids")).containsAll(List.of("0x305", "0x307")), r.out());
        assertEquals("MG-BMS", byRole.get("bms").get("manufacturer"), r.out());
    }
}
