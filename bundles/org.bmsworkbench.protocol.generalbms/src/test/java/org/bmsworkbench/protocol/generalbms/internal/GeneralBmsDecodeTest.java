package org.bmsworkbench.protocol.generalbms.internal;

import static org.bmsworkbench.protocol.generalbms.internal.Frames.frame;
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
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/** Frames written out by hand from guide 1.4.2, decoded by a General BMS session. */
class GeneralBmsDecodeTest {
    private final ProtocolSession session = new GeneralBmsProtocol().newSession();

    private DecodedMessage decode(CanFrame frame) throws MalformedFrameException {
        return session.decode(frame);
    }

    private static Map<String, Object> values(Object... keysAndValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    // 1.4.2 Battery cell info, 0x373: un16 1 mV, un16 1 mV, un16 1 K, un16 1 K
    @Test
    void cellInfoInVoltsAndDegreesCelsius() throws Exception {
        DecodedMessage m = decode(frame(0x373, "F00C070D28012B01"));
        assertEquals("general-bms", m.protocol());
        assertEquals("battery_cell_info", m.message());
        assertEquals(List.of("cell.voltage.min", "cell.voltage.max", "cell.temperature.min", "cell.temperature.max"),
                new ArrayList<>(m.signals().keySet()));
        assertEquals(3.312, m.signals().get("cell.voltage.min")); // 0x0CF0 = 3312 mV
        assertEquals(3.335, m.signals().get("cell.voltage.max")); // 0x0D07 = 3335 mV
        assertEquals(22.85, m.signals().get("cell.temperature.min")); // 0x0128 = 296 K
        assertEquals(25.85, m.signals().get("cell.temperature.max")); // 0x012B = 299 K
    }

    // 1.4: "Invalid value of a un16 is marked with 0xFFFF"; below 273 K is below freezing
    @Test
    void cellInfoMarkersAndFrost() throws Exception {
        DecodedMessage m = decode(frame(0x373, "FFFF070D0C01FFFF"));
        assertNull(m.signals().get("cell.voltage.min"));
        assertTrue(m.signals().containsKey("cell.voltage.min"));
        assertEquals(-5.15, m.signals().get("cell.temperature.min")); // 268 K
        assertNull(m.signals().get("cell.temperature.max"));
        assertEquals(-273.15, decode(frame(0x373, "0000000000000000")).signals().get("cell.temperature.min"));
        assertEquals(65.534, decode(frame(0x373, "FEFF000000000000")).signals().get("cell.voltage.min"));
    }

    // 1.4.2 Energy charged and discharged, 0x378: two un32 at 0.01 kWh
    @Test
    void energyInKilowattHoursAtTheGuidesResolution() throws Exception {
        DecodedMessage m = decode(frame(0x378, "40E20100CD810100"));
        assertEquals("energy", m.message());
        assertEquals(1234.56, m.signals().get("energy.charged")); // 123456 × 0.01
        assertEquals(987.65, m.signals().get("energy.discharged")); // 98765 × 0.01
        assertEquals(42949672.94, decode(frame(0x378, "FEFFFFFF00000000")).signals().get("energy.charged"));
    }

    // 1.4: "a un32 with 0xFFFFFFFF"
    @Test
    void energyMarkerIsNull() throws Exception {
        DecodedMessage m = decode(frame(0x378, "FFFFFFFF10270000"));
        assertNull(m.signals().get("energy.charged"));
        assertTrue(m.signals().containsKey("energy.charged"));
        assertEquals(100.0, m.signals().get("energy.discharged"));
    }

    // 1.4.2 0x380 "first 8 characters", 0x381 "last 8 characters"
    @Test
    void serialIsEmittedOnceBothHalvesAreKnown() throws Exception {
        DecodedMessage high = decode(frame(0x380, "4D474C5632303233")); // "MGLV2023"
        assertEquals("serial_number_high", high.message());
        assertEquals(Map.of(), high.signals(), "a half alone is no serial number");
        DecodedMessage low = decode(frame(0x381, "3030343200000000")); // "0042", NUL padded
        assertEquals("serial_number_low", low.message());
        assertEquals(Map.of("bms.serial", "MGLV20230042"), low.signals());
        DecodedMessage again = decode(frame(0x380, "4D474C5632303233"));
        assertEquals(Map.of("bms.serial", "MGLV20230042"), again.signals());
    }

    @Test
    void lowHalfFirstAndANewHalfReplacesTheOld() throws Exception {
        assertEquals(Map.of(), decode(frame(0x381, "3132333435363738")).signals());
        assertEquals(Map.of("bms.serial", "ABCDEFGH12345678"), decode(frame(0x380, "4142434445464748")).signals());
        assertEquals(Map.of("bms.serial", "ABCDEFGH87654321"), decode(frame(0x381, "3837363534333231")).signals());
    }

    @Test
    void halvesFromDifferentBusesAreNotJoined() throws Exception {
        assertEquals(Map.of(), decode(frame("can0", 0x380, "4142434445464748")).signals());
        assertEquals(Map.of(), decode(frame("can1", 0x381, "3132333435363738")).signals());
        assertEquals(Map.of("bms.serial", "ABCDEFGH12345678"),
                decode(frame("can1", 0x380, "4142434445464748")).signals());
    }

    @Test
    void serialOfPaddingOnlyIsNull() throws Exception {
        decode(frame(0x380, "FFFFFFFFFFFFFFFF"));
        DecodedMessage m = decode(frame(0x381, "0000000000000000"));
        assertTrue(m.signals().containsKey("bms.serial"));
        assertNull(m.signals().get("bms.serial"));
    }

    @Test
    void serialKeepsInnerSpacesAndShowsOtherBytesAsQuestionMarks() throws Exception {
        decode(frame(0x380, "4D47204C56010202")); // "MG LV" then control bytes
        assertEquals("MG LV???0042", decode(frame(0x381, "3030343220202020")).signals().get("bms.serial"));
    }

    @Test
    void sharedSmaFramesDecodeUnderGeneralBms() throws Exception {
        DecodedMessage m = decode(frame(0x356, "C01485FFD700")); // 1.4.2 Battery basic info
        assertEquals("general-bms", m.protocol());
        assertEquals("battery_basic_info", m.message());
        assertEquals(53.12, m.signals().get("pack.voltage"));
        assertEquals(-12.3, m.signals().get("pack.current"));
        assertEquals("MG-BMS", decode(frame(0x35E, "4D472D424D530000")).signals().get("bms.manufacturer"));
    }

    @Test
    void shortFramesAreMalformedAndNamed() {
        for (int id : new int[] {0x373, 0x378, 0x380, 0x381}) {
            MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> decode(frame(id, "00112233445566")));
            assertTrue(e.getMessage().contains(String.format("0x%03X", id)), e.getMessage());
            assertTrue(e.getMessage().contains("8"), e.getMessage());
        }
    }

    @Test
    void otherFramesAreNotGeneralBms() throws Exception {
        assertNull(decode(frame(0x372, "0000000000000000")));
        assertNull(decode(CanFrame.of(Frames.TIME, "can0", 0x373, true, new byte[8])));
        assertNull(decode(CanFrame.remote(Frames.TIME, "can0", 0x380, false, 8)));
    }

    @Test
    void encodesTheGuidesFrames() {
        assertEquals(frame(0x373, "F00C070D28012B01"), encode("battery_cell_info", values("cell.voltage.min", 3.312,
                "cell.voltage.max", 3.335, "cell.temperature.min", 22.85, "cell.temperature.max", 25.85)));
        assertEquals(frame(0x373, "FFFF070D0C01FFFF"), encode("battery_cell_info", values("cell.voltage.max", 3.335,
                "cell.temperature.min", -5.15, "cell.temperature.max", null)));
        assertEquals(frame(0x378, "40E20100CD810100"), encode("energy", values("energy.charged", 1234.56,
                "energy.discharged", 987.65)));
        assertEquals(frame(0x378, "FFFFFFFF10270000"), encode("energy", values("energy.discharged", 100L)));
        Map<String, Object> serial = values("bms.serial", "MGLV20230042");
        assertEquals(frame(0x380, "4D474C5632303233"), encode("serial_number_high", serial));
        assertEquals(frame(0x381, "3030343200000000"), encode("serial_number_low", serial));
        assertEquals(frame(0x381, "0000000000000000"), encode("serial_number_low", values("bms.serial", "SHORT")));
        assertEquals(frame(0x380, "0000000000000000"), encode("serial_number_high", values()));
    }

    @Test
    void encodingRejectsValuesOutOfRangeNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> encode("battery_cell_info", values("cell.voltage.min", 65.535)));
        assertTrue(e.getMessage().contains("cell.voltage.min"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> encode("battery_cell_info",
                values("cell.temperature.max", -274.0)));
        assertTrue(e.getMessage().contains("cell.temperature.max"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> encode("energy", values("energy.charged", -0.01)));
        assertTrue(e.getMessage().contains("energy.charged"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> encode("serial_number_low", values("bms.serial", "0123456789ABCDEFG")));
        assertTrue(e.getMessage().contains("0x381") && e.getMessage().contains("16"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> encode("serial_number_high", values("bms.serial", "é")));
        assertTrue(e.getMessage().contains("ASCII"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> encode("serial_number_high", values("bms.serial", 42)));
        assertTrue(e.getMessage().contains("not text"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> encode("serial_number", values()));
    }

    private CanFrame encode(String message, Map<String, ?> values) {
        List<CanFrame> frames = session.encode(message, values, "can0", Frames.TIME);
        assertEquals(1, frames.size());
        return frames.get(0);
    }
}
