package org.bmsworkbench.protocol.nmea2000.codec;

import static org.bmsworkbench.protocol.nmea2000.codec.Frames.hex;
import static org.bmsworkbench.protocol.nmea2000.codec.Frames.n2k;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.protocol.nmea2000.codec.BatteryStatus.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PGN 127508 Battery Status, frames written out by hand from guide 1.5.3.1 (and 1.5.3 for the instances). */
class BatteryStatusTest {
    private final Nmea2000Codec codec = new Nmea2000Codec();
    private final FastPacketAssembler assembler = new FastPacketAssembler();

    private DecodedMessage decode(String id, String data) throws MalformedFrameException {
        return codec.decode(n2k(id, data), assembler);
    }

    // 1.5.3.1.1 instance 0: 26.54 V (0x0A5E), -12.3 A (0xFF85), 298.15 K (0x7477), SID 0 — docs/SIGNALS.md's example line
    @Test
    void packInstanceAsSignalsMdShowsIt() throws Exception {
        DecodedMessage m = decode("19F21450", "005E0A85FF777400");
        assertEquals("nmea2000", m.protocol());
        assertEquals("battery_status", m.message());
        assertEquals(127508, m.pgn());
        assertEquals(80, m.source());
        assertNull(m.destination(), "PDU2: no destination");
        assertEquals(List.of("pack.voltage", "pack.current", "pack.temperature"), new ArrayList<>(m.signals().keySet()));
        assertEquals(26.54, m.signals().get("pack.voltage"));
        assertEquals(-12.3, m.signals().get("pack.current"));
        assertEquals(25.0, m.signals().get("pack.temperature"));
    }

    // 1.5.3.1.2 instance 1: lowest cell 3.31 V, field 3 "not implemented (0x7FFF)", lowest cell 295.65 K
    @Test
    void lowestCellInstance() throws Exception {
        DecodedMessage m = decode("19F21450", "014B01FF7F7D7300");
        assertEquals(Map.of("cell.voltage.min", 3.31, "cell.temperature.min", 22.5), m.signals());
    }

    // 1.5.3.1.3 instance 2: highest cell 3.33 V, 0x7FFF, 298.15 K
    @Test
    void highestCellInstance() throws Exception {
        DecodedMessage m = decode("19F21450", "024D01FF7F777400");
        assertEquals(Map.of("cell.voltage.max", 3.33, "cell.temperature.max", 25.0), m.signals());
    }

    // 1.5.3: "Data instance ... can be changed by steps of 32"; BATTERY_BANK_MIN/MAX follow it
    @ParameterizedTest
    @ValueSource(ints = {0, 32, 64, 96, 128, 160, 192, 224})
    void everyDataInstanceBase(int base) throws Exception {
        String v = "4B01FF7F7D7301";
        assertEquals(Role.PACK, BatteryStatus.read(n2k("19F21450", hex(new byte[] {(byte) base}) + v)).role());
        assertEquals(Map.of("cell.voltage.min", 3.31, "cell.temperature.min", 22.5),
                decode("19F21450", hex(new byte[] {(byte) (base + 1)}) + v).signals());
        assertEquals(Map.of("cell.voltage.max", 3.31, "cell.temperature.max", 22.5),
                decode("19F21450", hex(new byte[] {(byte) (base + 2)}) + v).signals());
        assertEquals(base, BatteryStatus.read(n2k("19F21450", hex(new byte[] {(byte) (base + 2)}) + v)).dataInstance());
    }

    @Test
    void anInstanceTheGuideDoesNotDefineGivesNoKeys() throws Exception {
        DecodedMessage m = decode("19F21450", "055E0A85FF777400");
        assertEquals("battery_status", m.message());
        assertTrue(m.signals().isEmpty());
        assertEquals(Role.OTHER, BatteryStatus.read(n2k("19F21450", "FF5E0A85FF777400")).role());
    }

    // docs/SIGNALS.md: 0x7FFF int16 not available, 0x7FFE error; temperature also 0xFFFF / 0xFFFE (uint16, as canboat)
    @Test
    void markersAreNull() throws Exception {
        Map<String, Object> s = decode("19F21450", "00FE7FFF7FFFFF02").signals();
        assertEquals(3, s.size());
        s.values().forEach(v -> assertNull(v));
        for (String t : List.of("FF7F", "FE7F", "FFFF", "FEFF")) {
            assertNull(decode("19F21450", "014B01FF7F" + t + "02").signals().get("cell.temperature.min"), t);
        }
        assertEquals(-273.15, decode("19F21450", "024B01FF7F000002").signals().get("cell.temperature.max"));
        assertEquals(382.18, decode("19F21450", "024B01FF7FFDFF02").signals().get("cell.temperature.max"));
        assertEquals(-327.68, decode("19F21450", "0000800080000002").signals().get("pack.voltage"));
        assertEquals(-3276.8, decode("19F21450", "0000800080000002").signals().get("pack.current"));
    }

    @Test
    void anyPriorityAndSourceAndTheIdentifierFields() throws Exception {
        DecodedMessage m = decode("09F21401", "005E0A85FF777400"); // priority 2, source 1
        assertEquals(1, m.source());
        assertEquals(127508, m.pgn());
        assertNull(decode("1BF21450", "005E0A85FF777400"), "reserved (extended data page) bit set: another PGN");
        assertNull(decode("18F21450", "005E0A85FF777400"), "data page 0: another PGN");
    }

    @Test
    void aShortFrameIsMalformedAndNamesItself() {
        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> decode("19F21450", "005E0A85FF7774"));
        assertTrue(e.getMessage().contains("19F21450") && e.getMessage().contains("needs 8 data bytes, got 7"), e.getMessage());
    }

    @Test
    void encodesEachRoleFromItsKeys() {
        Map<String, Object> pack = Map.of("pack.voltage", 26.54, "pack.current", -12.3, "pack.temperature", 25.0);
        assertEquals("005E0A85FF777400", hex(BatteryStatus.of(pack, 0, 0).toBytes()));
        assertEquals("214B01FF7F7D7307", hex(BatteryStatus.of(Map.of("cell.voltage.min", 3.31, "cell.temperature.min", 22.5), 32, 7).toBytes()));
        assertEquals("E24D01FF7FFFFF07", hex(BatteryStatus.of(Map.of("cell.voltage.max", 3.33), 224, 7).toBytes()));
        assertEquals("00FF7FFF7FFFFFFF", hex(BatteryStatus.of(Map.of(), 0, 0xFF).toBytes()), "no keys: the pack, all markers");
        Map<String, Object> nulls = new HashMap<>();
        nulls.put("cell.temperature.max", null);
        assertEquals("02FF7FFF7FFFFF00", hex(BatteryStatus.of(nulls, 0, 0).toBytes()));
    }

    @Test
    void encodingRejectsMixedRolesBadBasesAndValuesOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> BatteryStatus.of(Map.of("pack.voltage", 1.0, "cell.voltage.min", 1.0), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> BatteryStatus.of(Map.of("pack.voltage", 1.0), 33, 0));
        assertThrows(IllegalArgumentException.class, () -> BatteryStatus.of(Map.of("pack.voltage", 1.0), 256, 0));
        assertThrows(IllegalArgumentException.class, () -> BatteryStatus.of(Map.of("pack.voltage", 327.67), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> BatteryStatus.of(Map.of("pack.voltage", 327.65), 0, 0), "guide: +/- 327.64 V");
        assertEquals("000480FF7FFFFF00", hex(BatteryStatus.of(Map.of("pack.voltage", -327.64), 0, 0).toBytes()));
        assertThrows(IllegalArgumentException.class, () -> BatteryStatus.of(Map.of("pack.current", -3276.9), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> BatteryStatus.of(Map.of("pack.temperature", -273.16), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> BatteryStatus.of(Map.of("pack.temperature", 54.52), 0, 0), "0x7FFF");
        assertThrows(IllegalArgumentException.class, () -> BatteryStatus.of(Map.of("pack.voltage", "26.5"), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> BatteryStatus.of(Map.of("pack.voltage", Double.NaN), 0, 0));
    }
}
