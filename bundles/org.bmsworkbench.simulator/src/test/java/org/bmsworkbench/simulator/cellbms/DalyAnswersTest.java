package org.bmsworkbench.simulator.cellbms;

import static org.bmsworkbench.simulator.cellbms.Bytes.hex;
import static org.bmsworkbench.simulator.cellbms.Bytes.u16;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulated Daly's answers byte for byte. Frames written out by hand from the Daly UART/RS485
 * protocol as dalybms ({@code dalybms/daly_bms.py}: {@code a5 40 <id> 08 …}, checksum = low byte
 * of the sum; 0x95 "b 3h x" per frame with the frame number first, 0x96 "b 7b" offset 40;
 * {@code error_codes.py}: the 0x98 bits), esphome {@code daly_bms.cpp} (0x90 current offset 30000
 * in 0.1 A, SOC in 0.1 %; 0x93 MOSFET bytes; answers from address 0x01) and Daly2MQTT
 * ({@code daly-bms-uart.cpp}: 0xD9 / 0xDA with byte 0 = 1 on, 0 off; 0x97 byte i bit j = cell 8i + j + 1).
 */
class DalyAnswersTest {
    private final CellBms bms = new CellBms(CellBmsOptions.defaults(CellBmsMake.DALY));
    private final DalyAnswers daly = new DalyAnswers(bms);

    /** A host request from 0x40 with empty data: checksum = 0xA5 + 0x40 + id + 0x08. */
    private static String request(int id, String data) {
        byte[] f = hex("A540" + String.format("%02X", id) + "08" + data);
        int sum = 0;
        for (byte b : f) {
            sum += b & 0xFF;
        }
        return hex(f) + String.format("%02X", sum & 0xFF);
    }

    private List<byte[]> ask(int id) {
        return daly.receive(hex(request(id, "0000000000000000")));
    }

    private static void assertFrame(byte[] f, int id) {
        assertEquals(13, f.length);
        assertEquals("A501" + String.format("%02X", id) + "08", hex(f).substring(0, 8), hex(f));
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += f[i] & 0xFF;
        }
        assertEquals(sum & 0xFF, f[12] & 0xFF, "checksum of " + hex(f));
    }

    @Test
    void theRequestsChecksumIsTheLowByteOfTheSum() {
        assertEquals("A5409008000000000000000" + "07D", request(0x90, "0000000000000000"),
                "0xA5 + 0x40 + 0x90 + 0x08 = 0x17D");
    }

    @Test
    void packVoltageCurrentAndSoc() {
        bms.advanceTo(10_000);
        byte[] f = ask(0x90).get(0);
        assertFrame(f, 0x90);
        assertEquals(Math.round(bms.pack().packVoltage() * 10), u16(f, 4), "0.1 V");
        assertEquals(u16(f, 4), u16(f, 6), "acquisition voltage: the same measurement");
        assertEquals(30000 - 150, u16(f, 8), "15 A discharge: 30000 − 150");
        assertEquals(Math.round(bms.pack().socPercent() * 10), u16(f, 10), "0.1 %");
    }

    @Test
    void minMaxStatusAndMosfets() {
        byte[] f91 = ask(0x91).get(0);
        assertFrame(f91, 0x91);
        assertEquals(Math.round(bms.pack().cellVoltageMax() * 1000), u16(f91, 4));
        assertEquals(Math.round(bms.pack().cellVoltageMin() * 1000), u16(f91, 7));
        byte[] f92 = ask(0x92).get(0);
        assertFrame(f92, 0x92);
        assertEquals(Math.round(bms.pack().temperatureMax()) + 40, f92[4] & 0xFF, "°C + 40");
        byte[] f93 = ask(0x93).get(0);
        assertFrame(f93, 0x93);
        assertEquals("000101", hex(f93).substring(8, 14), "idle, charge MOSFET on, discharge MOSFET on");
        assertEquals(Math.round(bms.pack().remainingAh() * 1000),
                (long) u16(f93, 8) << 16 | u16(f93, 10), "remaining mAh, 32 bits");
        byte[] f94 = ask(0x94).get(0);
        assertFrame(f94, 0x94);
        assertEquals("0802", hex(f94).substring(8, 12), "8 cells, 2 sensors");
        assertEquals(12, u16(f94, 9), "cycles");
    }

    @Test
    void cellVoltagesComeThreeToAFrameNumberedFromOne() {
        List<byte[]> frames = ask(0x95);
        assertEquals(3, frames.size(), "8 cells: frames 1, 2, 3");
        for (int n = 0; n < 3; n++) {
            byte[] f = frames.get(n);
            assertFrame(f, 0x95);
            assertEquals(n + 1, f[4], "frame number");
            for (int k = 0; k < 3; k++) {
                int cell = n * 3 + k;
                long expected = cell < 8 ? Math.round(bms.pack().cellVoltage(cell) * 1000) : 0;
                assertEquals(expected, u16(f, 5 + 2 * k), "cell " + (cell + 1));
            }
        }
        CellBms big = new CellBms(CellBmsOptions.defaults(CellBmsMake.DALY).withCells(32));
        assertEquals(11, new DalyAnswers(big).answer(0x95, new byte[8]).size(), "32 cells: 11 frames");
    }

    @Test
    void temperaturesSevenToAFrameOffset40() {
        List<byte[]> frames = ask(0x96);
        assertEquals(1, frames.size());
        byte[] f = frames.get(0);
        assertFrame(f, 0x96);
        assertEquals(1, f[4]);
        assertEquals(Math.round(bms.pack().temperature(0)) + 40, f[5] & 0xFF);
        assertEquals(Math.round(bms.pack().temperature(1)) + 40, f[6] & 0xFF);
        assertEquals("0000000000", hex(f).substring(14, 24), "sensors 3..7 absent");
    }

    @Test
    void faultsAndBalancingDuringACellImbalance() {
        CellBms b = new CellBms(CellBmsOptions.defaults(CellBmsMake.DALY).withScenario(LockoutScenario.CELL_IMBALANCE));
        DalyAnswers a = new DalyAnswers(b);
        b.advanceTo(20_000);
        byte[] f97 = a.answer(0x97, new byte[8]).get(0);
        assertEquals("1000000000000000", hex(f97), "cell 5 (byte 0 bit 4) balancing");
        byte[] before = a.answer(0x98, new byte[8]).get(0);
        assertEquals(0x00, before[0], "below 3.55 V: nothing");
        b.advanceTo(85_000);
        assertTrue(b.protections().active(CellProtection.CELL_OVER_VOLTAGE), "tripped");
        byte[] f98 = a.answer(0x98, new byte[8]).get(0);
        assertEquals(0x03, f98[0], "cell voltage high, levels 1 and 2");
        assertEquals(1, f98[7], "one active protection");
    }

    @Test
    void mosfetCommandsAnswerTheStateAndAreRefusedWhileAProtectionHolds() {
        byte[] off = daly.receive(hex(request(0xD9, "0000000000000000"))).get(0);
        assertFrame(off, 0xD9);
        assertEquals("00", hex(off).substring(8, 10), "discharge MOSFET now off");
        assertEquals("0100", hex(ask(0x93).get(0)).substring(10, 14));
        byte[] on = daly.receive(hex(request(0xD9, "0100000000000000"))).get(0);
        assertEquals("01", hex(on).substring(8, 10));

        CellBms s = new CellBms(CellBmsOptions.defaults(CellBmsMake.DALY).withScenario(LockoutScenario.INVERTER_SURGE));
        DalyAnswers a = new DalyAnswers(s);
        s.advanceTo(40_000);
        assertTrue(s.protections().active(CellProtection.DISCHARGE_OVER_CURRENT));
        assertEquals(0x08, a.answer(0x98, new byte[8]).get(0)[2] & 0x0C, "byte 2: discharge over-current level 2");
        assertEquals(0, a.answer(0xD9, hex("0100000000000000")).get(0)[0], "refused: still off");
        s.advanceTo(70_000);
        assertEquals(0, a.answer(0x98, new byte[8]).get(0)[2], "released");
        assertEquals(0, a.answer(0x93, new byte[8]).get(0)[2], "discharge MOSFET still off: the lockout");
        assertEquals(1, a.answer(0xD9, hex("0100000000000000")).get(0)[0], "switched on by the host");
    }

    @Test
    void badFramesAndOtherIdsGetNoAnswer() {
        assertTrue(daly.receive(hex("A54090080000000000000000" + "7E")).isEmpty(), "bad checksum");
        assertTrue(ask(0x50).isEmpty(), "unknown id");
        assertTrue(daly.receive(hex("A5019008000000000000000046")).isEmpty(), "from the BMS's own address");
        String good = request(0x90, "0000000000000000");
        assertTrue(daly.receive(hex("FFA5" + good.substring(0, 10))).isEmpty(), "noise and half a frame");
        assertEquals(1, daly.receive(hex(good.substring(10))).size());
    }

    @Test
    void canIdsCarryTheDataId() {
        assertEquals(0x18900140, DalyAnswers.canRequestId(0x90));
        assertEquals(0x18904001, DalyAnswers.canAnswerId(0x90));
        assertEquals(0x95, DalyAnswers.dataIdOfCanRequest(0x18950140));
        assertEquals(-1, DalyAnswers.dataIdOfCanRequest(0x18954001), "an answer is no request");
    }
}
