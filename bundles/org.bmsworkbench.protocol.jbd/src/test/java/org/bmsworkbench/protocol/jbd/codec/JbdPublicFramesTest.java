package org.bmsworkbench.protocol.jbd.codec;

import static org.bmsworkbench.protocol.jbd.codec.Chunks.bytes;
import static org.bmsworkbench.protocol.jbd.codec.Chunks.only;
import static org.bmsworkbench.protocol.jbd.codec.Chunks.rx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.junit.jupiter.api.Test;

/**
 * Frames quoted byte for byte in public sources, written out here by hand, decoded to the values
 * those sources state. Sources:
 * <ul>
 * <li>[V4] Jiabaida "Software Board General Protocol V4" (JBD's RS485/RS232/UART protocol,
 * https://cdn.shopifycdn.net/s/files/1/0606/5199/5298/files/JDB_RS485-RS232-UART-Bluetooth-Communication_Protocol.pdf),
 * as transcribed with a field-by-field decode at https://jblance.github.io/powermon/protocol_docs/jkv4/;
 * the same example is in Overkill Solar's "JBD Protocol English version.pdf"
 * (github.com/FurTrader/OverkillSolarBMS).</li>
 * <li>[V13] JBD "Software Board Universal Protocol V13", as transcribed in
 * github.com/mahmoudamr1205/Electra_Bike, JBD_BMS/Software_Board_Universal_Protocol_V13.md,
 * sections 3.1–3.4 and 11.</li>
 * <li>[ESPHome] github.com/syssi/esphome-jbd-bms, components/jbd_bms/jbd_bms.cpp: the "Example
 * response" comment of {@code parse_jbd_bms_byte_} with its value table, and the fake-traffic
 * frames of {@code update()} (a JBD-SP04S034 4S BMS).</li>
 * <li>[simat] github.com/simat/BatteryMonitor wiki, "Generic Chinese Bluetooth BMS communication
 * protocol": the requests JBDTools sends.</li>
 * </ul>
 */
class JbdPublicFramesTest {
    private final JbdCodec codec = JbdCodec.INSTANCE;

    private DecodedMessage decode(String hex) throws Exception {
        return codec.decode(only(hex), rx(hex));
    }

    /** [simat] "DD A5 03 00 FF FD 77 / DD A5 04 00 FF FC 77 / DD A5 05 00 FF FB 77"; [V13] 3.4 "DD A5 AA 00 FF 56 77". */
    @Test
    void readRequestsAreTheOnesJbdToolsSends() {
        assertEquals("DDA50300FFFD77", JbdFrame.read(0x03).hex());
        assertEquals("DDA50400FFFC77", JbdFrame.read(0x04).hex());
        assertEquals("DDA50500FFFB77", JbdFrame.read(0x05).hex());
        assertEquals("DDA5AA00FF5677", JbdFrame.read(0xAA).hex());
        JbdFrame parsed = only("DD A5 03 00 FF FD 77");
        assertTrue(parsed.request());
        assertFalse(parsed.write());
        assertEquals(0x03, parsed.register());
    }

    /**
     * [V4] 0x03: "0x1700 total voltage 58.88V, current 0, remaining capacity 7.2Ah, nominal
     * capacity 10Ah, cycles 0, production date 0x2078 -> 24 Mar 2016, equilibrium 0, protection
     * 0, software version 0x10 = version 1.0, remaining soc 72%, fet control 0x03 -> bit0 is
     * charge, bit1 is discharge, number of cells 15, number of temp sensors 2, temp sensor 1
     * 0x0B76 -> 20.3C, temp sensor 2 0x0B82 -> 21.5C, crc 0xFBFF on bytes 00 1B 17 … 0B 82".
     */
    @Test
    void basicInformationOfTheProtocolDocument() throws Exception {
        String hex = "DD 03 00 1B 17 00 00 00 02 D0 03 E8 00 00 20 78 00 00 00 00 00 00 10 48 03 0F 02 0B 76 0B 82 FB FF 77";
        JbdFrame f = only(hex);
        assertEquals(0xFBFF, f.checksum());
        assertArrayEquals(bytes(hex), f.bytes(), "re-encoded byte for byte");
        DecodedMessage m = decode(hex);
        assertEquals("jbd", m.protocol());
        assertEquals("basic_info", m.message());
        assertEquals(0x03, m.register());
        Map<String, Object> s = m.signals();
        assertEquals(58.88, s.get("pack.voltage"));
        assertEquals(0.0, s.get("pack.current"));
        assertEquals(7.2, s.get("capacity.remaining"));
        assertEquals(10.0, s.get("capacity.nominal"));
        assertEquals(0L, s.get("cycles"));
        assertEquals("2016-03-24", s.get("jbd.production_date"));
        assertEquals("1.0", s.get("bms.firmware"));
        assertEquals(72L, s.get("soc"));
        assertEquals(true, s.get("fet.charge"));
        assertEquals(true, s.get("fet.discharge"));
        assertEquals(15L, s.get("cell.count"));
        assertEquals(20.3, s.get("temperature.1"));
        assertEquals(21.5, s.get("temperature.2"));
        assertEquals(20.3, s.get("cell.temperature.min"));
        assertEquals(21.5, s.get("cell.temperature.max"));
        assertEquals(false, s.get("cell.1.balancing"));
        assertEquals(false, s.get("cell.15.balancing"));
        assertFalse(s.containsKey("cell.16.balancing"), "only the cells the BMS has");
        assertEquals(false, s.get("protection.cell_over_voltage"));
        assertEquals(0L, s.get("jbd.protection_flags"));
    }

    /**
     * [ESPHome] "0xDD 0x03 0x00 0x1D 0x06 0x17 … 0xFA 0x85 0x77": "Total voltage 1559, Current,
     * Residual Capacity 499, Nominal Capacity 500, Cycle Life, Production date 0x2C 0x7C,
     * Balancer Status 0, Protection Status 0, Version 0x80 = 8.0, State of charge 0x64, Mosfet
     * bitmask 0x03, Cell count 0x04, Temperature sensors 0x03, Temperature 1 0x0B 0x8D, 2 0x0B
     * 0x8C, 3 0x0B 0x88" with temperature = (raw − 2731) × 0.1 and 10 mV / 10 mA / 10 mAh units.
     */
    @Test
    void basicInformationOfAFourCellEsphomeBms() throws Exception {
        DecodedMessage m = decode("DD 03 00 1D 06 17 00 00 01 F3 01 F4 00 00 2C 7C 00 00 00 00 00 00 80 64 03 04 03 0B 8D 0B 8C 0B 88 FA 85 77");
        Map<String, Object> s = m.signals();
        assertEquals(15.59, s.get("pack.voltage"));
        assertEquals(4.99, s.get("capacity.remaining"));
        assertEquals(5.0, s.get("capacity.nominal"));
        assertEquals("8.0", s.get("bms.firmware"));
        assertEquals(100L, s.get("soc"));
        assertEquals(4L, s.get("cell.count"));
        assertEquals(22.6, s.get("temperature.1"));
        assertEquals(22.5, s.get("temperature.2"));
        assertEquals(22.1, s.get("temperature.3"));
        assertNull(s.get("temperature.4"));
        assertEquals(22.1, s.get("cell.temperature.min"));
        assertEquals(22.6, s.get("cell.temperature.max"));
        assertEquals("2022-03-28", s.get("jbd.production_date"), "0x2C7C: year 0x16, month 3, day 28");
    }

    /** [V13] 3.2 / 11: "DD 04 00 1E 0F 66 … 0F 3D F9 F9 77", 15 cells in mV, high byte first (section 1). */
    @Test
    void cellVoltagesOfTheProtocolDocument() throws Exception {
        DecodedMessage m = decode("DD 04 00 1E 0F 66 0F 63 0F 63 0F 64 0F 3E 0F 63 0F 37 0F 5B 0F 65 0F 3B 0F 63 0F 63 0F 3C 0F 66 0F 3D F9 F9 77");
        assertEquals("cell_voltages", m.message());
        assertEquals(0x04, m.register());
        Map<String, Object> s = m.signals();
        double[] expected = {3.942, 3.939, 3.939, 3.940, 3.902, 3.939, 3.895, 3.931, 3.941, 3.899, 3.939, 3.939, 3.900, 3.942, 3.901};
        for (int n = 1; n <= 15; n++) {
            assertEquals(expected[n - 1], s.get("cell." + n + ".voltage"), "cell " + n);
        }
        assertFalse(s.containsKey("cell.16.voltage"));
        assertEquals(3.895, s.get("cell.voltage.min"));
        assertEquals(3.942, s.get("cell.voltage.max"));
    }

    /** [ESPHome] fake traffic "Start: 0xDD 0x04 0x00 0x08", 0x0F45 0x0F3D 0x0F37 0x0F3D, "End: 0xFE 0xC6 0x77". */
    @Test
    void cellVoltagesOfAFourCellBms() throws Exception {
        Map<String, Object> s = decode("DD 04 00 08 0F 45 0F 3D 0F 37 0F 3D FE C6 77").signals();
        assertEquals(3.909, s.get("cell.1.voltage"));
        assertEquals(3.901, s.get("cell.2.voltage"));
        assertEquals(3.895, s.get("cell.3.voltage"));
        assertEquals(3.901, s.get("cell.4.voltage"));
        assertEquals(6, s.size(), "four cells, min, max");
    }

    /** [V13] 3.3: "DD 05 00 0A 30 31 32 33 34 35 36 37 38 39 FD E9 77"; [ESPHome] the 25 characters of a JBD-SP04S034, "End: 0xFA, 0x08, 0x77". */
    @Test
    void hardwareNames() throws Exception {
        DecodedMessage m = decode("DD 05 00 0A 30 31 32 33 34 35 36 37 38 39 FD E9 77");
        assertEquals("hardware", m.message());
        assertEquals(0x05, m.register());
        assertEquals(Map.of("bms.model", "0123456789"), m.signals());
        assertEquals(Map.of("bms.model", "JBD-SP04S034-L4S-200A-B-U"), decode(
                "DD 05 00 19 4A 42 44 2D 53 50 30 34 53 30 33 34 2D 4C 34 53 2D 32 30 30 41 2D 42 2D 55 FA 08 77").signals());
    }

    /** [V4] the checksum rule: "sum of command code, length, data bytes, inverted + 1" — for a reply, status, length, data. */
    @Test
    void checksumRuleOfTheProtocolDocument() {
        assertEquals(0xFFFD, JbdFrame.checksum(0x03, 0x00, new byte[0], 0, 0));
        byte[] data = bytes("17 00 00 00 02 D0 03 E8 00 00 20 78 00 00 00 00 00 00 10 48 03 0F 02 0B 76 0B 82");
        assertEquals(0xFBFF, JbdFrame.checksum(0x00, 0x1B, data, 0, data.length));
    }
}
