package org.bmsworkbench.protocol.vreg.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.StandardSignals;
import org.bmsworkbench.bms.registers.RegisterField;
import org.bmsworkbench.bms.registers.RegisterInfo;
import org.junit.jupiter.api.Test;

/** The catalogue against the table of guide 1.5.4.2 and the keys of docs/SIGNALS.md. */
class VregCatalogueTest {
    private final VregCatalogue catalogue = VregCatalogue.INSTANCE;

    /** docs/SIGNALS.md, the "carried by ... VREG" column, written out key by key. */
    private static final Map<String, Integer> SIGNALS_MD = new LinkedHashMap<>();

    static {
        Object[] rows = {"limit.charge_voltage", 0x0390, "limit.charge_current", 0x0391, "limit.discharge_current", 0x0393,
            "limit.discharge_voltage", 0x0392, "soc", 0x0FFF, "pack.voltage", 0xED8D, "pack.current", 0xED8F,
            "cell.voltage.min", 0x0385, "cell.voltage.max", 0x0385, "cell.temperature.min", 0x0386,
            "cell.temperature.max", 0x0386, "energy.charged", 0x0311, "energy.discharged", 0x0310,
            "capacity.installed", 0x1000, "time_to_go", 0x0FFE, "charge.consumed", 0xEEFF, "bms.firmware", 0x0102,
            "bms.serial", 0x010A, "bms.product_id", 0x0100, "bms.state", 0x0371, "bms.error", 0x2101, "bms.flags", 0x2100,
            "error.history.1", 0x2110, "error.history.2", 0x2110, "error.history.3", 0x2110, "error.history.4", 0x2110,
            "error.history.1.time", 0x2111, "error.history.2.time", 0x2112, "error.history.3.time", 0x2113,
            "error.history.4.time", 0x2114, "relay.state", 0x034E, "config.batteries", 0x0380,
            "config.cells_per_battery", 0x0380, "config.parallel", 0x0380, "config.series", 0x0380,
            "history.deepest_discharge", 0x0300, "history.total_ah_drawn", 0x0305, "history.voltage.min", 0x0306,
            "history.voltage.max", 0x0307, "history.auto_syncs", 0x0309, "history.temperature.max", 0x0312,
            "history.temperature.min", 0x0313, "history.cell_voltage.min", 0x0384, "history.cell_voltage.max", 0x0384,
            "charger_link.percentage", 0x2014, "charger_link.current_limit", 0x2015, "setting.sync_group", 0x0374,
            "setting.startup_on_charger", 0x0375, "setting.strategy", 0x0376, "setting.combined_bms", 0x0377,
            "setting.restart_request", 0x0379, "setting.parallel", 0x0387, "setting.series", 0x0388,
            "setting.bluetooth", 0x0090};
        for (int i = 0; i < rows.length; i += 2) {
            SIGNALS_MD.put((String) rows[i], (Integer) rows[i + 1]);
        }
    }

    @Test
    void everyVregKeyOfSignalsMdIsCarriedByItsRegisterWithTheStandardUnit() {
        SIGNALS_MD.forEach((key, id) -> {
            RegisterInfo r = catalogue.findByKey(key).orElseThrow(() -> new AssertionError("no register for " + key));
            assertEquals(id, r.id(), key);
            SignalDescriptor standard = StandardSignals.find(key).orElseThrow();
            RegisterField field = r.fields().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
            assertEquals(standard.unit(), field.unit(), key);
        });
    }

    @Test
    void everyRegisterOfTheGuideIsThereOnce() {
        List<Integer> ids = catalogue.registers().stream().map(RegisterInfo::id).toList();
        assertEquals(ids.size(), ids.stream().distinct().count());
        for (int id : new int[] {0x0100, 0x0102, 0x0105, 0x010A, 0x010B, 0xED8D, 0xED8F, 0x0385, 0x0386, 0x0FFF, 0x0FFE,
            0xEEFF, 0x2110, 0x2111, 0x2112, 0x2113, 0x2114, 0x2100, 0x0371, 0x2101, 0x034E, 0x1000, 0x0380, 0x0300,
            0x0305, 0x0306, 0x0307, 0x0309, 0x0310, 0x0311, 0x0312, 0x0313, 0x0384, 0x0390, 0x0391, 0x0392, 0x0393,
            0x2014, 0x2015, 0x0374, 0x0375, 0x0376, 0x0377, 0x0379, 0x0387, 0x0388, 0x0090}) {
            assertTrue(catalogue.find(id).isPresent(), String.format("0x%04X", id));
        }
        assertEquals(47, ids.size());
    }

    @Test
    void onlyTheSettingsAreWritableWithTheGuidesRanges() {
        Map<Integer, Long> max = new TreeMap<>();
        catalogue.registers().stream().filter(RegisterInfo::writable).forEach(r -> {
            assertEquals(0L, r.min());
            assertEquals("settings", r.group());
            assertEquals(0xFFL, r.fields().get(0).notAvailable(), "read 0xFF = not available");
            max.put(r.id(), r.max());
        });
        assertEquals(Map.of(0x0374, 3L, 0x0375, 1L, 0x0376, 1L, 0x0377, 1L, 0x0379, 1L, 0x0387, 96L, 0x0388, 96L,
                0x0090, 1L), max);
        RegisterInfo group = catalogue.find(0x0374).orElseThrow();
        assertTrue(group.accepts(3));
        assertFalse(group.accepts(4));
        assertFalse(catalogue.find(0x0FFF).orElseThrow().accepts(0), "read-only");
    }

    @Test
    void flagsAndMarkersFollowTheGuide() {
        RegisterInfo soc = catalogue.find(0x0FFF).orElseThrow();
        assertTrue(soc.periodic() && soc.onChange());
        RegisterInfo ttg = catalogue.find(0x0FFE).orElseThrow();
        assertFalse(ttg.periodic() || ttg.onChange());
        assertEquals(0xFFFFL, ttg.fields().get(0).notAvailable());
        assertEquals(0x7FFFL, catalogue.find(0xED8D).orElseThrow().fields().get(0).notAvailable());
        assertEquals(0xFFFF_FFFFL, catalogue.find(0x0391).orElseThrow().fields().get(0).notAvailable());
        assertEquals(null, soc.fields().get(0).notAvailable(), "the guide names no marker for SOC");
        assertEquals("0.01 %", soc.fields().get(0).resolution());
        assertEquals("0.01 K → °C", catalogue.find(0x0386).orElseThrow().fields().get(0).resolution());
    }

    @Test
    void labelsOfTheGuide() {
        RegisterInfo product = catalogue.find(0x0100).orElseThrow();
        assertEquals("MG Master LV 400", product.label(0xA392));
        assertEquals("MG Master LV 1000", product.label(0xA394));
        RegisterInfo state = catalogue.find(0x0371).orElseThrow();
        assertEquals("Initializing", state.label(5));
        assertEquals("Running", state.label(9));
        assertEquals("Error", state.label(10));
        assertEquals("Pre-charging", state.label(16));
        assertEquals("Battery protection automatic shutdown", catalogue.find(0x2101).orElseThrow().label(18));
        assertEquals("Contactor failure", catalogue.find(0x2110).orElseThrow().label(26), "error history uses the error table");
        Map<Integer, String> bits = catalogue.find(0x2100).orElseThrow().bitLabels();
        assertEquals("Charged", bits.get(0));
        assertEquals("Warning high discharge current", bits.get(14));
        assertEquals("Allowed to discharge", bits.get(26));
        assertFalse(bits.containsKey(9), "bit 9 is not implemented");
    }
}
