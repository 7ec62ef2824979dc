package org.bmsworkbench.service.lockout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bmsworkbench.bms.StandardSignals;
import org.junit.jupiter.api.Test;

/**
 * Every protection of docs/SIGNALS.md "Cell-level BMS makes over serial" has its words; the causes
 * follow the lockout article (seeds/002_284b27b6deb6b031.txt, "Why the BMS locks" 1–5).
 */
class ProtectionsTest {

    @Test
    void everyCatalogueNameIsExplainedInCatalogueOrder() {
        assertEquals(StandardSignals.protectionNames(), Protections.all().stream().map(Protection::name).toList());
        for (Protection p : Protections.all()) {
            for (String text : List.of(p.label(), p.meaning(), p.causes(), p.check())) {
                assertFalse(text.isBlank(), p.name());
                assertFalse(text.contains("TODO"), p.name());
            }
            assertTrue(p.meaning().endsWith("."), p.name() + ": " + p.meaning());
            assertTrue(p.check().endsWith("."), p.name() + ": " + p.check());
            // the catalogue's descriptor is named after the same label
            assertEquals(p.label() + " protection", StandardSignals.find(p.protectionKey()).orElseThrow().label());
        }
    }

    @Test
    void chargeProtectionsOpenTheChargeMosfetAndDischargeOnesTheDischargeMosfet() {
        for (String name : List.of("cell_over_voltage", "pack_over_voltage", "charge_over_temperature",
                "charge_under_temperature", "charge_over_current")) {
            Protection p = Protections.of(name).orElseThrow();
            assertTrue(p.opensCharge() && !p.opensDischarge(), name);
        }
        for (String name : List.of("cell_under_voltage", "pack_under_voltage", "discharge_over_temperature",
                "discharge_under_temperature", "discharge_over_current", "short_circuit")) {
            Protection p = Protections.of(name).orElseThrow();
            assertTrue(!p.opensCharge() && p.opensDischarge(), name);
        }
        Protection frontEnd = Protections.of("frontend_error").orElseThrow();
        assertTrue(frontEnd.opensCharge() && frontEnd.opensDischarge());
        assertEquals("charge and discharge", frontEnd.opensText());
        // the software lock is what a host's switching releases: it holds nothing off by a cause of its own
        Protection lock = Protections.of("fet_software_lock").orElseThrow();
        assertFalse(lock.opensCharge() || lock.opensDischarge());
        assertEquals("none", lock.opensText());
    }

    @Test
    void theArticlesCausesAreNamed() {
        // 1. "charged with an inverter that is too powerful"; 4. imbalance "especially during charging to 100%"
        Protection ov = Protections.of("cell_over_voltage").orElseThrow();
        assertTrue(ov.causes().contains("charger") && ov.causes().contains("100 %"), ov.causes());
        assertTrue(ov.check().contains("highest cell") && ov.check().contains("balancing"), ov.check());
        // 1. "unused for a long time"; "How to unlock" 2. a small charging current (0.05–0.1 C); 5. a laboratory supply
        Protection uv = Protections.of("cell_under_voltage").orElseThrow();
        assertTrue(uv.causes().contains("unused for months"), uv.causes());
        assertTrue(uv.check().contains("0.05–0.1 C") && uv.check().contains("laboratory supply"), uv.check());
        // 2. "At temperatures below 0 °C, charging is prohibited"
        assertTrue(Protections.of("charge_under_temperature").orElseThrow().meaning().contains("0 °C"));
        // 3. "startup surges", "improper inverter connection"
        Protection oc = Protections.of("discharge_over_current").orElseThrow();
        assertTrue(oc.causes().contains("start-up surge") && oc.causes().contains("connected wrongly"), oc.causes());
        // "never short the terminals manually in an attempt to bypass the BMS"
        assertTrue(Protections.of("short_circuit").orElseThrow().check().contains("never bridge the BMS"));
        // 5. "firmware error"; "Firmware update (for experienced users only)"
        Protection fe = Protections.of("frontend_error").orElseThrow();
        assertTrue(fe.causes().contains("firmware") && fe.check().contains("only if you know how"));
    }

    @Test
    void keysNameTheirProtection() {
        assertEquals("cell_over_voltage", Protections.ofKey("protection.cell_over_voltage").orElseThrow().name());
        assertEquals("charge_over_current", Protections.ofKey("warning.charge_over_current").orElseThrow().name());
        assertTrue(Protections.ofKey("alarm.high_voltage").isEmpty());
        assertTrue(Protections.ofKey("warning.high_voltage").isEmpty());
        assertTrue(Protections.ofKey("protection.nonsense").isEmpty());
        assertTrue(Protections.ofKey(null).isEmpty());
    }
}
