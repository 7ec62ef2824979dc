package org.bmsworkbench.simulator.cellbms;

import static org.bmsworkbench.simulator.cellbms.Bytes.hex;
import static org.bmsworkbench.simulator.cellbms.Bytes.u16;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulated JBD's answers byte for byte. Requests and answers are written out by hand from the
 * Overkill Solar / bms-tools "JBD_REGISTER_MAP.md" (packet layout, checksum = 0x10000 − sum of
 * the register (request) or status (answer), length and data bytes; register 0x03 basic info,
 * 0x04 cell voltages, 0x05 device name; 0x00 56 78 factory mode, 0x01 00 00 exit, 0xE1 MOSFET
 * control bit 0 = charge off, bit 1 = discharge off), and JBD's "Software Board General Protocol
 * V13" (9600 8N1, big-endian).
 */
class JbdAnswersTest {
    /** Read basic info: 0x10000 − 0x03 = 0xFFFD. */
    static final String READ_BASIC = "DD A5 03 00 FF FD 77";
    /** Read cell voltages: 0x10000 − 0x04 = 0xFFFC. */
    static final String READ_CELLS = "DD A5 04 00 FF FC 77";
    /** Read device name: 0x10000 − 0x05 = 0xFFFB. */
    static final String READ_NAME = "DD A5 05 00 FF FB 77";
    /** Enter factory mode: 0x10000 − (0x00 + 0x02 + 0x56 + 0x78) = 0xFF30. */
    static final String ENTER_FACTORY = "DD 5A 00 02 56 78 FF 30 77";
    /** Exit factory mode: 0x10000 − (0x01 + 0x02) = 0xFFFD. */
    static final String EXIT_FACTORY = "DD 5A 01 02 00 00 FF FD 77";
    /** Both MOSFETs on: 0x10000 − (0xE1 + 0x02) = 0xFF1D. */
    static final String FETS_ON = "DD 5A E1 02 00 00 FF 1D 77";
    /** Charge MOSFET off: 0x10000 − (0xE1 + 0x02 + 0x01) = 0xFF1C. */
    static final String CHARGE_OFF = "DD 5A E1 02 00 01 FF 1C 77";

    private final CellBms bms = new CellBms(CellBmsOptions.defaults(CellBmsMake.JBD));
    private final JbdAnswers jbd = new JbdAnswers(bms);

    private byte[] only(String request) {
        List<byte[]> answers = jbd.receive(hex(request));
        assertEquals(1, answers.size(), "answers to " + request);
        return answers.get(0);
    }

    /** The checksum of an answer, computed here from the register map's rule. */
    private static int checksumOf(byte[] frame) {
        int sum = 0;
        for (int i = 2; i < frame.length - 3; i++) {
            sum += frame[i] & 0xFF;
        }
        return (0x10000 - sum) & 0xFFFF;
    }

    @Test
    void basicInfoHasTheRegisterMapsLayoutAndTheBoardsValues() {
        bms.advanceTo(10_000);
        byte[] a = only(READ_BASIC);
        assertEquals(34, a.length, hex(a));
        assertEquals("DD03001B", hex(a).substring(0, 8), "start, register, status ok, 27 data bytes (2 NTCs)");
        assertEquals(0x77, a[33] & 0xFF);
        assertEquals(checksumOf(a), u16(a, 31));
        CellPack pack = bms.pack();
        assertEquals(Math.round(pack.packVoltage() * 100), u16(a, 4), "pack voltage in 10 mV");
        assertEquals(Math.round(pack.current() * 100), (short) u16(a, 6), "current in 10 mA, signed");
        assertTrue((short) u16(a, 6) < 0, "normal starts discharging: negative");
        assertEquals(Math.round(pack.remainingAh() * 100), u16(a, 8), "remaining in 10 mAh");
        assertEquals("2710", hex(a).substring(20, 24), "nominal 100 Ah = 10000 × 10 mAh");
        assertEquals(12, u16(a, 12), "cycles");
        assertEquals("30B4", hex(a).substring(28, 32), "2024-05-20: (24 << 9) | (5 << 5) | 20");
        assertEquals("00000000" + "0000", hex(a).substring(32, 44), "no balancing, no protection");
        assertEquals(0x21, a[22] & 0xFF, "software version 2.1");
        assertEquals(Math.round(pack.socPercent()), a[23] & 0xFF, "RSOC %");
        assertEquals(0x03, a[24], "both MOSFETs on");
        assertEquals(16, a[25], "cells");
        assertEquals(2, a[26], "NTCs");
        assertEquals(2731 + Math.round(pack.temperature(0) * 10), u16(a, 27), "NTC 1 in 0.1 K");
        assertEquals(2731 + Math.round(pack.temperature(1) * 10), u16(a, 29), "NTC 2 in 0.1 K");
    }

    @Test
    void cellVoltagesAndDeviceName() {
        byte[] a = only(READ_CELLS);
        assertEquals("DD040020", hex(a).substring(0, 8), "16 cells × 2 bytes");
        assertEquals(39, a.length);
        for (int i = 0; i < 16; i++) {
            assertEquals(Math.round(bms.pack().cellVoltage(i) * 1000), u16(a, 4 + 2 * i), "cell " + (i + 1) + " mV");
        }
        assertEquals(checksumOf(a), u16(a, 36));
        // "JBD-SP16S-SIM01" is 15 bytes summing to 0x3D1; + 0x0F = 0x3E0 → 0x10000 − 0x3E0 = 0xFC20
        assertEquals("DD05000F" + hex("JBD-SP16S-SIM01".getBytes()) + "FC2077", hex(only(READ_NAME)));
    }

    @Test
    void mosfetControlNeedsFactoryModeAndIsConfirmed() {
        assertEquals("DDE18000FF8077", hex(only(CHARGE_OFF)), "refused outside factory mode: status 0x80");
        assertTrue(bms.protections().chargeFet());
        assertEquals("DD000000000077", hex(only(ENTER_FACTORY)), "ok: checksum 0x10000 − 0 = 0x0000");
        assertTrue(jbd.factoryMode());
        assertEquals("DDE10000000077", hex(only(CHARGE_OFF)));
        assertFalse(bms.protections().chargeFet());
        assertTrue(bms.protections().dischargeFet());
        byte[] basic = only(READ_BASIC);
        assertEquals(0x02, basic[24], "only the discharge MOSFET on");
        assertEquals(0x1000, u16(basic, 20), "protection bit 12: MOSFET locked by software");
        assertEquals("DDE10000000077", hex(only(FETS_ON)));
        assertTrue(bms.protections().chargeFet());
        assertEquals("DD010000000077", hex(only(EXIT_FACTORY)));
        assertFalse(jbd.factoryMode());
        assertEquals("DDE18000FF8077", hex(only(FETS_ON)));
    }

    @Test
    void unknownRegistersAndBadWritesAreAnsweredWithError() {
        // read 0xAA (error counts, factory registers): 0x10000 − 0xAA = 0xFF56
        assertEquals("DDAA8000FF8077", hex(only("DD A5 AA 00 FF 56 77")));
        // enter factory mode with a wrong password 12 34: 0x10000 − (0x02 + 0x12 + 0x34) = 0xFFB8
        assertEquals("DD008000FF8077", hex(only("DD 5A 00 02 12 34 FF B8 77")));
        assertFalse(jbd.factoryMode());
    }

    @Test
    void badBytesAreSkippedAndSplitRequestsAnswered() {
        assertTrue(jbd.receive(hex("DD A5 03 00 FF FE 77")).isEmpty(), "bad checksum: no answer");
        assertTrue(jbd.receive(hex("00 11 DD 77 DD A5 03")).isEmpty(), "noise, then half a request");
        List<byte[]> answers = jbd.receive(hex("00 FF FD 77" + READ_CELLS.replace(" ", "")));
        assertEquals(2, answers.size());
        assertEquals(0x03, answers.get(0)[1]);
        assertEquals(0x04, answers.get(1)[1]);
        assertTrue(jbd.receive(hex("DD A5 03 00 FF FD 78")).isEmpty(), "wrong end byte: no answer");
    }

    @Test
    void aProtectionShowsInTheStatusWordAndRefusesTheMosfet() {
        CellBms ov = new CellBms(CellBmsOptions.defaults(CellBmsMake.JBD).withScenario(LockoutScenario.CELL_OVER_VOLTAGE));
        JbdAnswers a = new JbdAnswers(ov);
        ov.advanceTo(40_000);
        assertTrue(ov.protections().active(CellProtection.CELL_OVER_VOLTAGE));
        byte[] basic = a.receive(hex(READ_BASIC)).get(0);
        assertEquals(0x0001, u16(basic, 20), "bit 0: cell over-voltage");
        assertEquals(0x02, basic[24], "charge MOSFET off");
        assertEquals(1, a.receive(hex(ENTER_FACTORY)).size());
        assertEquals("DDE18000FF8077", hex(a.receive(hex(FETS_ON)).get(0)), "refused while the protection is active");
        ov.advanceTo(80_000);
        assertFalse(ov.protections().active(CellProtection.CELL_OVER_VOLTAGE), "released");
        basic = a.receive(hex(READ_BASIC)).get(0);
        assertEquals(0x0000, u16(basic, 20), "no protection bit: nothing says why");
        assertEquals(0x02, basic[24], "yet the charge MOSFET is still off: the lockout");
        assertEquals("DDE10000000077", hex(a.receive(hex(FETS_ON)).get(0)));
        assertEquals(0x03, a.receive(hex(READ_BASIC)).get(0)[24], "the host switched it on");
    }
}
