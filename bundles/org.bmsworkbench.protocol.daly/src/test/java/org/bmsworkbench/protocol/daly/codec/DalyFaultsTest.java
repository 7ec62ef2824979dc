package org.bmsworkbench.protocol.daly.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.SignalKind;
import org.bmsworkbench.bms.StandardSignals;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.junit.jupiter.api.Test;

/**
 * 0x98: the Daly UART/485 protocol's fault table (as python-daly-bms error_codes.py transcribes
 * "Part 4_ Daly RS485+UART Protocol.pdf"): bytes 0-2 pair each fault's "level one alarm" (bit
 * 2k) with its "level two alarm" (bit 2k+1); bytes 3-6 single bits; byte 7 the fault code.
 */
class DalyFaultsTest {

    private static Map<String, Object> faults(int byteIndex, int bit) throws MalformedFrameException {
        byte[] data = new byte[8];
        data[byteIndex] = (byte) (1 << bit);
        CanFrame f = CanFrame.chunk(1, "p", Direction.RX, DalyCodec.uartFrame(1, 0x98, data));
        return new DalyDecoder().decodeAll(f).get(0).signals();
    }

    private static List<String> raised(Map<String, Object> s) {
        List<String> keys = new ArrayList<>();
        s.forEach((k, v) -> {
            if (Boolean.TRUE.equals(v)) {
                keys.add(k);
            }
        });
        return keys;
    }

    @Test
    void levelOneIsAWarningLevelTwoAProtection() throws MalformedFrameException {
        assertEquals(List.of("warning.cell_over_voltage"), raised(faults(0, 0)));
        assertEquals(List.of("protection.cell_over_voltage"), raised(faults(0, 1)));
        assertEquals(List.of("warning.cell_under_voltage"), raised(faults(0, 2)));
        assertEquals(List.of("protection.cell_under_voltage"), raised(faults(0, 3)));
        assertEquals(List.of("warning.pack_over_voltage"), raised(faults(0, 4)));
        assertEquals(List.of("protection.pack_over_voltage"), raised(faults(0, 5)));
        assertEquals(List.of("warning.pack_under_voltage"), raised(faults(0, 6)));
        assertEquals(List.of("protection.pack_under_voltage"), raised(faults(0, 7)));
        assertEquals(List.of("warning.charge_over_temperature"), raised(faults(1, 0)));
        assertEquals(List.of("protection.charge_over_temperature"), raised(faults(1, 1)));
        assertEquals(List.of("warning.charge_under_temperature"), raised(faults(1, 2)));
        assertEquals(List.of("protection.charge_under_temperature"), raised(faults(1, 3)));
        assertEquals(List.of("warning.discharge_over_temperature"), raised(faults(1, 4)));
        assertEquals(List.of("protection.discharge_over_temperature"), raised(faults(1, 5)));
        assertEquals(List.of("warning.discharge_under_temperature"), raised(faults(1, 6)));
        assertEquals(List.of("protection.discharge_under_temperature"), raised(faults(1, 7)));
        assertEquals(List.of("warning.charge_over_current"), raised(faults(2, 0)));
        assertEquals(List.of("protection.charge_over_current"), raised(faults(2, 1)));
        assertEquals(List.of("warning.discharge_over_current"), raised(faults(2, 2)));
        assertEquals(List.of("protection.discharge_over_current"), raised(faults(2, 3)));
    }

    @Test
    void oneLevelFaultsThatAreProtectionsAndTheRest() throws MalformedFrameException {
        assertEquals(List.of("protection.short_circuit"), raised(faults(6, 2)), "short circuit protect fault");
        assertEquals(List.of("protection.frontend_error"), raised(faults(5, 0)), "AFE acquisition chip malfunction");
        assertEquals(List.of("daly.fault.soc_low_2"), raised(faults(2, 7)));
        assertEquals(List.of("daly.fault.cell_voltage_difference_1"), raised(faults(3, 0)));
        assertEquals(List.of("daly.fault.charge_mos_adhesion"), raised(faults(4, 4)));
        assertEquals(List.of("daly.fault.eeprom"), raised(faults(5, 3)));
        assertEquals(List.of("daly.fault.low_voltage_no_charge"), raised(faults(6, 3)));
        assertEquals(List.of(), raised(faults(3, 4)), "an undefined bit raises nothing");
        assertEquals(List.of(), raised(faults(6, 7)));
    }

    @Test
    void everyDefinedBitRaisesExactlyItsOwnKey() throws MalformedFrameException {
        for (DalySignals.Fault f : DalySignals.FAULTS) {
            assertEquals(List.of(f.key()), raised(faults(f.byteIndex(), f.bit())), f.toString());
        }
        assertEquals(20 + 4 + 4 + 8 + 8 + 4, DalySignals.FAULTS.size());
    }

    @Test
    void theFaultCodeIsByteSeven() throws MalformedFrameException {
        byte[] data = new byte[8];
        data[7] = 0x2A;
        CanFrame f = CanFrame.chunk(1, "p", Direction.RX, DalyCodec.uartFrame(1, 0x98, data));
        assertEquals(42L, new DalyDecoder().decodeAll(f).get(0).signals().get(DalySignals.FAULT_CODE));
    }

    /** The standard keys it fills are the catalogue's booleans; warning.short_circuit (the 0x35A alarm-state key) is never one. */
    @Test
    void keysMatchTheCatalogue() throws MalformedFrameException {
        Map<String, Object> all = faults(0, 0);
        assertFalse(all.containsKey("warning.short_circuit"));
        for (String key : all.keySet()) {
            if (key.startsWith("daly.")) {
                continue;
            }
            Optional<SignalDescriptor> d = StandardSignals.find(key);
            assertTrue(d.isPresent(), key);
            assertEquals(SignalKind.BOOLEAN, d.get().kind(), key);
        }
        for (String name : StandardSignals.protectionNames()) {
            boolean daly = !name.equals("fet_software_lock"); // Daly has no such bit
            assertEquals(daly, all.containsKey("protection." + name), name);
            boolean levelled = daly && !name.equals("short_circuit") && !name.equals("frontend_error");
            assertEquals(levelled, all.containsKey("warning." + name), name);
        }
    }
}
