package org.bmsworkbench.protocol.jbd.codec;

import static org.bmsworkbench.protocol.jbd.codec.Chunks.rx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.StandardSignals;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/**
 * Our own frames, built field by field from the register map of the JBD protocol (V4/V13
 * "basic information 0x03", and the Overkill Solar / bms-tools JBD_REGISTER_MAP.md: balance bits
 * 0x0C cells 1–16 and 0x0E cells 17–32, protection bits 0–12 in the order cell over-voltage,
 * cell under-voltage, pack over-voltage, pack under-voltage, charge over-temperature, charge
 * under-temperature, discharge over-temperature, discharge under-temperature, charge
 * over-current, discharge over-current, short circuit, front-end IC error, MOSFET software lock;
 * current S16 in 10 mA, negative while discharging).
 */
class JbdCodecTest {
    private final JbdCodec codec = JbdCodec.INSTANCE;
    private final CanFrame chunk = rx("DD");

    /** A 0x03 reply: fixed fields as given, then the NTC raw values. */
    private static JbdFrame basic(int voltage, int current, int balanceLow, int balanceHigh, int protection, int fets, int cells,
            int... ntcs) {
        byte[] d = new byte[23 + 2 * ntcs.length];
        put(d, 0, voltage);
        put(d, 2, current);
        put(d, 4, 5000);
        put(d, 6, 10000);
        put(d, 8, 42);
        put(d, 10, 0x2078);
        put(d, 12, balanceLow);
        put(d, 14, balanceHigh);
        put(d, 16, protection);
        d[18] = 0x21;
        d[19] = 55;
        d[20] = (byte) fets;
        d[21] = (byte) cells;
        d[22] = (byte) ntcs.length;
        for (int i = 0; i < ntcs.length; i++) {
            put(d, 23 + 2 * i, ntcs[i]);
        }
        return JbdFrame.reply(0x03, 0, d);
    }

    private static void put(byte[] d, int at, int v) {
        d[at] = (byte) (v >> 8);
        d[at + 1] = (byte) v;
    }

    private Map<String, Object> decode(JbdFrame f) throws MalformedFrameException {
        return codec.decode(f, chunk).signals();
    }

    @Test
    void fourCellsDischargingWithANegativeCurrent() throws Exception {
        // 13.20 V, -12.34 A (0xFB2E), cell 2 balancing, charge MOSFET off, discharge on, one NTC at -5.0 °C (2681)
        Map<String, Object> s = decode(basic(1320, 0xFB2E, 0b10, 0, 0, 0b10, 4, 2681));
        assertEquals(13.2, s.get("pack.voltage"));
        assertEquals(-12.34, s.get("pack.current"));
        assertEquals(50.0, s.get("capacity.remaining"));
        assertEquals(100.0, s.get("capacity.nominal"));
        assertEquals(42L, s.get("cycles"));
        assertEquals("2.1", s.get("bms.firmware"));
        assertEquals(55L, s.get("soc"));
        assertEquals(false, s.get("fet.charge"));
        assertEquals(true, s.get("fet.discharge"));
        assertEquals(List.of(false, true, false, false),
                List.of(s.get("cell.1.balancing"), s.get("cell.2.balancing"), s.get("cell.3.balancing"), s.get("cell.4.balancing")));
        assertTrue(!s.containsKey("cell.5.balancing"));
        assertEquals(-5.0, s.get("temperature.1"));
        assertEquals(-5.0, s.get("cell.temperature.min"));
        assertEquals(-5.0, s.get("cell.temperature.max"));
        assertEquals(-327.68, decode(basic(0, 0x8000, 0, 0, 0, 0, 4)).get("pack.current"));
        assertEquals(327.67, decode(basic(0, 0x7FFF, 0, 0, 0, 0, 4)).get("pack.current"), "positive while charging");
    }

    @Test
    void sixteenCellsUseTheLowBalanceWordOnly() throws Exception {
        Map<String, Object> s = decode(basic(5320, 0, 0x8001, 0xFFFF, 0, 3, 16, 2981, 2931, 3031));
        assertEquals(true, s.get("cell.1.balancing"));
        assertEquals(false, s.get("cell.2.balancing"));
        assertEquals(true, s.get("cell.16.balancing"));
        assertTrue(!s.containsKey("cell.17.balancing"), "bits of cells the pack does not have are not keys");
        assertEquals(25.0, s.get("temperature.1"));
        assertEquals(20.0, s.get("temperature.2"));
        assertEquals(30.0, s.get("temperature.3"));
        assertEquals(20.0, s.get("cell.temperature.min"));
        assertEquals(30.0, s.get("cell.temperature.max"));
    }

    @Test
    void thirtyTwoCellsUseTheHighBalanceWordForCells17To32() throws Exception {
        Map<String, Object> s = decode(basic(10640, 0, 0x0000, 0x8002, 0, 3, 32));
        for (int n = 1; n <= 32; n++) {
            assertEquals(n == 18 || n == 32, s.get("cell." + n + ".balancing"), "cell " + n);
        }
        assertEquals(32L, s.get("cell.count"));
        assertTrue(!s.containsKey("cell.temperature.min"), "no NTC, no temperature keys");
        Map<String, Object> many = decode(basic(0, 0, 0xFFFF, 0xFFFF, 0, 3, 40));
        assertEquals(true, many.get("cell.32.balancing"));
        assertTrue(!many.containsKey("cell.33.balancing"), "JBD has balance bits for 32 cells only");
    }

    @Test
    void eachProtectionBitIsItsStandardName() throws Exception {
        List<String> names = StandardSignals.protectionNames();
        assertEquals(13, names.size());
        for (int bit = 0; bit < 13; bit++) {
            Map<String, Object> s = decode(basic(0, 0, 0, 0, 1 << bit, 0, 4));
            for (int other = 0; other < 13; other++) {
                assertEquals(other == bit, s.get("protection." + names.get(other)), "bit " + bit + ", " + names.get(other));
            }
            assertEquals((long) (1 << bit), s.get("jbd.protection_flags"));
        }
        assertEquals("short_circuit", names.get(10));
        assertEquals("fet_software_lock", names.get(12));
        // bit 13 (ESPHome: "Charge timeout Close") has no standard name; it stays in the raw flags
        Map<String, Object> s = decode(basic(0, 0, 0, 0, 1 << 13, 0, 4));
        assertEquals(8192L, s.get("jbd.protection_flags"));
        assertTrue(names.stream().noneMatch(n -> Boolean.TRUE.equals(s.get("protection." + n))));
    }

    @Test
    void shortOrOddRepliesAreMalformedAndNamed() {
        MalformedFrameException e = assertThrows(MalformedFrameException.class,
                () -> codec.decode(JbdFrame.reply(0x03, 0, new byte[20]), chunk));
        assertEquals("JBD 0x03 reply of 20 data bytes, fewer than the 23 of its fixed fields", e.getMessage());
        byte[] d = basic(0, 0, 0, 0, 0, 0, 4, 2981, 2981).data();
        e = assertThrows(MalformedFrameException.class,
                () -> codec.decode(JbdFrame.reply(0x03, 0, java.util.Arrays.copyOf(d, 26)), chunk));
        assertEquals("JBD 0x03 reply of 26 data bytes names 2 temperature sensors, which need 27", e.getMessage());
        e = assertThrows(MalformedFrameException.class, () -> codec.decode(JbdFrame.reply(0x04, 0, new byte[7]), chunk));
        assertEquals("JBD 0x04 reply of 7 data bytes, not a whole number of 2-byte cell voltages", e.getMessage());
    }

    @Test
    void extraBytesAfterTheTemperaturesAreLeftAlone() throws Exception {
        byte[] d = java.util.Arrays.copyOf(basic(0, 0, 0, 0, 0, 0, 4, 2981).data(), 25 + 3);
        assertEquals(25.0, decode(JbdFrame.reply(0x03, 0, d)).get("temperature.1"));
    }

    @Test
    void acknowledgementsErrorsAndRequests() throws Exception {
        DecodedMessage ack = codec.decode(JbdFrame.reply(0x00, 0), chunk);
        assertEquals("jbd_ack", ack.message());
        assertEquals(0x00, ack.register());
        assertEquals(0, ack.code());
        assertEquals(Map.of(), ack.signals());
        DecodedMessage error = codec.decode(JbdFrame.reply(0x03, 0x80), chunk);
        assertEquals("jbd_error", error.message(), "an error reply carries no values, whatever its register");
        assertEquals(0x03, error.register());
        assertEquals(0x80, error.code());
        assertNull(codec.decode(JbdFrame.read(0x03), chunk), "the host's requests carry no values");
        assertNull(codec.decode(JbdFrame.write(0xE1, (byte) 0, (byte) 2), chunk));
        assertEquals("write 0xE1 0002", JbdFrame.write(0xE1, (byte) 0, (byte) 2).toString());
    }

    @Test
    void namesWithALengthByteOrPadding() {
        assertEquals("JBD-SP04S034", JbdCodec.model(("\u000C" + "JBD-SP04S034").getBytes()));
        assertEquals("AB", JbdCodec.model("AB\0\0  ".getBytes()));
        assertEquals("A?B", JbdCodec.model("A\u0001B".getBytes()));
        assertEquals("", JbdCodec.model(new byte[0]));
    }

    @Test
    void productionDateAndFirmware() {
        assertEquals("2016-03-24", JbdCodec.productionDate(0x2078));
        assertNull(JbdCodec.productionDate(0));
        assertEquals("1.0", JbdCodec.firmware(0x10));
        assertEquals("8.0", JbdCodec.firmware(0x80));
        assertEquals("2.1", JbdCodec.firmware(0x21));
    }

    @Test
    void encodingGivesBackWhatDecodingRead() throws Exception {
        JbdFrame original = basic(1320, 0xFB2E, 0x0005, 0x0000, 0x1001, 0b01, 4, 2681, 2981);
        Map<String, Object> s = decode(original);
        assertEquals(original, codec.encode("basic_info", s));
        JbdFrame cells = Chunks.only("DD 04 00 08 0F 45 0F 3D 0F 37 0F 3D FE C6 77");
        Map<String, Object> values = new LinkedHashMap<>(decode(cells));
        assertEquals(cells, codec.encode("cell_voltages", values));
        values.put("cell.count", 2L);
        assertEquals(4, codec.encode("cell_voltages", values).length(), "cell.count decides how many");
        assertEquals("DD050003414243FF3777", codec.encode("hardware", Map.of("bms.model", "ABC")).hex());
    }

    @Test
    void encodingRefusesWhatDoesNotFit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> codec.encode("basic_info", Map.of("pack.voltage", 700.0)));
        assertEquals("pack.voltage does not fit its JBD field: raw 70000 is outside 0..65535", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> codec.encode("basic_info", Map.of("bms.firmware", "1.2.3")));
        assertEquals("bms.firmware = 1.2.3 is not MAJOR.MINOR with both 0..15", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> codec.encode("jbd_ack", Map.of()));
        assertEquals("protocol jbd encodes no message jbd_ack; it encodes [basic_info, cell_voltages, hardware]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> codec.encode("basic_info", Map.of("soc", 12.5)));
    }
}
