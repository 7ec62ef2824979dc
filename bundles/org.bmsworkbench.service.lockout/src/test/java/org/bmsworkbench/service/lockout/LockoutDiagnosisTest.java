package org.bmsworkbench.service.lockout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bmsworkbench.service.lockout.Fakes.FakeConnection;
import org.bmsworkbench.service.lockout.Fakes.FakeSession;
import org.junit.jupiter.api.Test;

/** The diagnosis of a model fed with the keys of docs/SIGNALS.md "Cell-level BMS makes over serial". */
class LockoutDiagnosisTest {

    private static FakeSession session() {
        return new FakeSession(new FakeConnection("sim:?device=jbd"), "jbd");
    }

    @Test
    void aModelWithoutCellLevelKeysSaysSo() {
        FakeSession s = session().apply(0, "soc", 80L, "alarm.high_voltage", "raised");
        LockoutDiagnosis d = LockoutDiagnosis.of(s.model());
        assertFalse(d.cellLevel());
        assertFalse(d.lockedOut());
        assertEquals(List.of("Summary: no MOSFET or protection state from this BMS"), d.lines());
    }

    @Test
    void anActiveProtectionHoldsItsMosfetWithTheHighestCell() {
        FakeSession s = session().apply(0, "fet.charge", false, "fet.discharge", true,
                "protection.cell_over_voltage", true, "protection.short_circuit", false,
                "cell.1.voltage", 3.41, "cell.2.voltage", 3.652, "cell.3.voltage", 3.38, "cell.voltage.max", 3.652);
        LockoutDiagnosis d = LockoutDiagnosis.of(s.model());
        assertTrue(d.cellLevel());
        assertTrue(d.lockedOut());
        assertEquals(1, d.active().size());
        TrippedProtection t = d.active().get(0);
        assertEquals("highest cell 3.652 V (cell 2)", t.evidence());
        assertEquals(Fakes.T0, t.raisedMicros());
        assertEquals(List.of(Protections.of("cell_over_voltage").orElseThrow()), d.blocking(true));
        assertEquals(List.of(), d.blocking(false));
        assertEquals("locked out: Cell over-voltage protection is active, the BMS still sees the cause;"
                + " charge MOSFET off, discharge MOSFET on", d.summary());
        List<String> lines = d.lines();
        assertEquals("Charge MOSFET: off, held off by Cell over-voltage", lines.get(1));
        assertEquals("Discharge MOSFET: on", lines.get(2));
        assertEquals("Cell over-voltage protection: ACTIVE - the BMS still sees the cause; it opens the charge MOSFET",
                lines.get(3));
        assertTrue(lines.get(4).endsWith("Now: highest cell 3.652 V (cell 2)."), lines.get(4));
        assertTrue(lines.get(5).startsWith("  Causes: A charger or inverter"), lines.get(5));
        assertTrue(lines.get(6).startsWith("  Check: the charger's or inverter's charge voltage"), lines.get(6));
        assertEquals(7, lines.size());
    }

    @Test
    void aClearedProtectionWithItsMosfetStillOffSaysTheCauseIsGone() {
        FakeSession s = session().apply(0, "fet.charge", true, "fet.discharge", true, "protection.cell_under_voltage",
                false);
        s.apply(10, "fet.discharge", false, "protection.cell_under_voltage", true, "cell.1.voltage", 2.41,
                "cell.2.voltage", 3.2);
        s.apply(95, "protection.cell_under_voltage", false, "cell.1.voltage", 2.95);
        LockoutDiagnosis d = LockoutDiagnosis.of(s.model());
        assertTrue(d.active().isEmpty());
        assertEquals(1, d.protections().size());
        TrippedProtection t = d.protections().get(0);
        assertFalse(t.active());
        assertEquals(Fakes.T0 + 10_000_000, t.raisedMicros());
        assertEquals(Fakes.T0 + 95_000_000, t.clearedMicros());
        assertEquals("lowest cell 2.95 V (cell 1)", t.evidence());
        assertTrue(d.lockedOut());
        assertTrue(d.blocking(false).isEmpty());
        assertEquals("charge MOSFET on, discharge MOSFET off; no protection is active: the cause is gone, and the"
                + " MOSFET stays off until it is switched on", d.summary());
        assertEquals("Discharge MOSFET: off, no protection holds it off: it can be switched on", d.lines().get(2));
        assertEquals("Cell under-voltage protection: cleared - the cause is gone, but the discharge MOSFET is still off"
                + " until switched on", d.lines().get(3));
    }

    @Test
    void booleanWarningsAreListedAndTheStringOnesOfTheSmaFrameAreNot() {
        FakeSession s = session().apply(0, "fet.charge", true, "fet.discharge", true,
                "warning.charge_over_temperature", true, "warning.short_circuit", "raised", "temperature.1", 41.5,
                "temperature.2", 44.0);
        LockoutDiagnosis d = LockoutDiagnosis.of(s.model());
        assertEquals(1, d.warnings().size());
        assertEquals("warmest sensor 44.0 °C (sensor 2)", d.warnings().get(0).evidence());
        assertFalse(d.lockedOut());
        assertEquals("charge MOSFET on, discharge MOSFET on; no protection is active, charge over-temperature warning"
                + " raised", d.summary());
        assertTrue(d.lines().contains("Charge over-temperature warning: raised - nearing the protection's limit"));
    }

    @Test
    void everyProtectionIsExplainedInTheLinesWithItsCheck() {
        for (Protection p : Protections.all()) {
            FakeSession s = session().apply(0, "fet.charge", !p.opensCharge(), "fet.discharge", !p.opensDischarge(),
                    p.protectionKey(), true, "pack.voltage", 58.9, "pack.current", -210.0, "cell.temperature.min", -4.0,
                    "cell.temperature.max", 61.0);
            LockoutDiagnosis d = LockoutDiagnosis.of(s.model());
            List<String> lines = d.lines();
            assertTrue(lines.get(3).startsWith(p.label() + " protection: ACTIVE"), lines.get(3));
            assertTrue(lines.contains("  Check: " + p.check()), p.name());
            assertTrue(lines.contains("  Causes: " + p.causes()), p.name());
            assertTrue(d.summary().startsWith("locked out: " + p.label() + " protection is active"), d.summary());
            assertEquals(p.opensCharge(), d.blocking(true).contains(p), p.name());
            assertEquals(p.opensDischarge(), d.blocking(false).contains(p), p.name());
        }
        assertEquals("pack 58.9 V", evidenceOf("pack_over_voltage"));
        assertEquals("current -210.0 A", evidenceOf("discharge_over_current"));
        assertEquals("coldest sensor -4.0 °C", evidenceOf("charge_under_temperature"));
        assertEquals("warmest sensor 61.0 °C", evidenceOf("discharge_over_temperature"));
        assertEquals("", evidenceOf("frontend_error"));
    }

    private static String evidenceOf(String name) {
        Protection p = Protections.of(name).orElseThrow();
        FakeSession s = session().apply(0, p.protectionKey(), true, "pack.voltage", 58.9, "pack.current", -210.0,
                "cell.temperature.min", -4.0, "cell.temperature.max", 61.0);
        return LockoutDiagnosis.of(s.model()).active().get(0).evidence();
    }

    @Test
    void unknownMosfetStatesStayUnknown() {
        LockoutDiagnosis d = LockoutDiagnosis.of(session().apply(0, "protection.frontend_error", true).model());
        assertNull(d.fetCharge());
        assertTrue(d.cellLevel());
        assertEquals("Charge MOSFET: unknown, held off by Front-end error", d.lines().get(1));
    }
}
