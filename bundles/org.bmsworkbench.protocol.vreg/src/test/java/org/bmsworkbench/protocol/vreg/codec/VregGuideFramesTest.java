package org.bmsworkbench.protocol.vreg.codec;

import static org.bmsworkbench.protocol.vreg.codec.Frames.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/** Frames written out by hand from guide 1.5.4 (the section is cited per test). */
class VregGuideFramesTest {
    private final VregCodec codec = VregCodec.INSTANCE;

    private DecodedMessage decode(int canId, String hex) throws MalformedFrameException {
        return codec.decode(frame(canId, hex));
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private Map<String, Object> values(String registerLe, String value) throws MalformedFrameException {
        DecodedMessage m = decode(0x1CEFFF50, "6699" + registerLe + value);
        assertEquals("vreg", m.message());
        return m.signals();
    }

    // ---- 1.5.4.3 Examples ----

    @Test
    void guideExampleRequestForTheFirmwareVersion() throws Exception {
        CanFrame f = frame(0x1CEF5020, "66 99 01 00 02 01 FF FF");
        DecodedMessage m = codec.decode(f);
        assertEquals("vreg", m.protocol());
        assertEquals("vreg_request", m.message());
        assertEquals(0x20, m.source());
        assertEquals(0x50, m.destination());
        assertEquals(0x0102, m.register());
        assertNull(m.code());
        assertNull(m.pgn());
        assertEquals(Map.of(), m.signals());
        assertEquals(f, codec.request(0x0102, 0xFFFF, 0x20, 0x50, "can0", Frames.TIME));
        assertEquals(f, codec.encode(m));
    }

    @Test
    void guideExampleBroadcastReplyIsFirmware104() throws Exception {
        CanFrame f = frame(0x1CEFFF50, "66 99 02 01 00 00 04 01");
        DecodedMessage m = codec.decode(f);
        assertEquals("vreg", m.message());
        assertEquals(0x50, m.source());
        assertEquals(0xFF, m.destination());
        assertEquals(0x0102, m.register());
        assertEquals(map("bms.firmware", "1.04"), m.signals());
        assertEquals(f, codec.value(0x0102, Map.of("bms.firmware", "1.04"), 0x50, 0xFF, "can0", Frames.TIME));
    }

    @Test
    void guideExampleAckInvalidRequestIsAddressedToTheRequester() throws Exception {
        CanFrame f = frame(0x1CEF2050, "66 99 02 00 02 01 00 80");
        DecodedMessage m = codec.decode(f);
        assertEquals("vreg_ack", m.message());
        assertEquals(0x50, m.source());
        assertEquals(0x20, m.destination());
        assertEquals(0x0102, m.register());
        assertEquals(0x8000, m.code());
        assertEquals(Map.of(), m.signals());
        assertEquals(f, codec.ack(0x0102, 0x8000, 0x50, 0x20, "can0", Frames.TIME));
    }

    // ---- 1.5.4.1 Message definition ----

    @Test
    void addressesComeFromTheIdentifier() throws Exception {
        DecodedMessage m = decode(0x1CEF5030, "6699FF0F2E22FFFF");
        assertEquals(0x30, m.source(), "1CEF5030: source 0x30");
        assertEquals(0x50, m.destination(), "target 0x50");
    }

    @Test
    void aRequestMayOmitItsMaskOrCarryOne() throws Exception {
        assertEquals(Map.of(), decode(0x1CEF5020, "669901000201").signals(), "6 bytes: mask 0xFFFF");
        DecodedMessage masked = decode(0x1CEF5020, "66990100000300FF");
        assertEquals(0x0300, masked.register());
        assertEquals(map("vreg.mask", 0xFF00L), masked.signals());
        assertEquals(frame(0x1CEF5020, "66990100000300FF"), codec.encode(masked));
    }

    @Test
    void paddingMayBeZeroOrFf() throws Exception {
        assertEquals(values("FF0F", "2E22FFFF"), values("FF0F", "2E220000"));
        assertEquals(map("bms.state", 9L), values("7103", "09000000"));
        assertEquals(map("bms.state", 9L), values("7103", "09FFFFFF"));
        assertEquals(map("bms.state", 9L), decode(0x1CEFFF50, "6699710309").signals(), "DLC 5 is enough for an un8");
    }

    @Test
    void framesThatAreNotVregAreNotDecoded() throws Exception {
        assertNull(decode(0x1CEFFF50, "3F9FFF0F2E22FFFF"), "another manufacturer's 0xEF00");
        assertNull(decode(0x19F21450, "6699FF0F2E22FFFF"), "PGN 127508");
        assertNull(codec.decode(CanFrame.of(Frames.TIME, "can0", 0x356, false, new byte[] {0x66, (byte) 0x99, 0, 0})));
        assertNull(decode(0x1CEFFF50, "669934120000FFFF"), "register 0x1234 is not in the guide");
        assertNull(decode(0x1CEFFF50, "66"));
        // docs/SIGNALS.md "Other devices on the bus": Garmin (0xE5 0x98 = code 229, marine), Simrad,
        // Raymarine use 0xEF00 too, with 6, 7 or 8 bytes (a real PCAN-View trace has 141): never VREG
        // and never malformed VREG
        assertNull(decode(0x1CEFFF03, "E59801020304"));
        assertNull(decode(0x1CEF0403, "E5980100040400"));
        assertNull(decode(0x1CEFFF09, "E598010004041C00"));
        assertNull(decode(0x1CEFFF09, "6698FF0F2E22FFFF"), "0x66 alone is not Victron's code");
        assertNull(decode(0x1CEFFF09, ""));
    }

    @Test
    void shortFramesAreMalformedAndSayWhy() {
        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> decode(0x1CEFFF50, "6699FF"));
        assertTrue(e.getMessage().contains("1CEFFF50"), e.getMessage());
        e = assertThrows(MalformedFrameException.class, () -> decode(0x1CEFFF50, "6699FF0F2E"));
        assertTrue(e.getMessage().contains("0x0FFF") && e.getMessage().contains("needs 6"), e.getMessage());
        assertThrows(MalformedFrameException.class, () -> decode(0x1CEF2050, "669902000201"), "ACK without code");
        assertThrows(MalformedFrameException.class, () -> decode(0x1CEF5020, "66990100"), "request without register");
        assertThrows(MalformedFrameException.class, () -> decode(0x1CEFFF50, "66998603010203"), "0x0386 needs 8 bytes");
    }

    // ---- 1.5.4.2 VREG ID list: BMS status values ----

    @Test
    void voltageAndCurrentWithTheirMarkers() throws Exception {
        assertEquals(map("pack.voltage", 53.12), values("8DED", "C014FFFF"));
        assertEquals(map("pack.voltage", null), values("8DED", "FF7FFFFF"), "0x7FFF = not available");
        assertEquals(map("pack.current", -12.3), values("8FED", "85FFFFFF"));
        assertEquals(map("pack.current", null), values("8FED", "FF7FFFFF"));
        assertEquals(map("pack.current", -3276.8), values("8FED", "0080FFFF"), "0x8000 is a value for VREG");
    }

    @Test
    void cellVoltagesAndTemperatures() throws Exception {
        assertEquals(map("cell.voltage.min", 3.28, "cell.voltage.max", 3.35), values("8503", "48014F01"));
        assertEquals(map("cell.temperature.min", 25.0, "cell.temperature.max", 30.0), values("8603", "77746B76"));
        assertEquals(map("history.cell_voltage.min", 2.95, "history.cell_voltage.max", 3.61), values("8403", "27016901"));
    }

    @Test
    void socTimeToGoAndConsumedAh() throws Exception {
        assertEquals(map("soc", 87.5), values("FF0F", "2E22FFFF"));
        Object soc = values("FF0F", "10270000").get("soc");
        assertInstanceOf(Double.class, soc);
        assertEquals(100.0, soc);
        assertEquals(map("time_to_go", 125L), values("FE0F", "7D00FFFF"));
        assertEquals(map("time_to_go", null), values("FE0F", "FFFFFFFF"));
        assertEquals(map("charge.consumed", -25.5), values("FFEE", "01FFFFFF"));
    }

    @Test
    void errorHistoryFlagsStateErrorAndRelay() throws Exception {
        assertEquals(map("error.history.1", 13L, "error.history.2", 14L, "error.history.3", 0L, "error.history.4", 0L),
                values("1021", "0D0E0000"));
        assertEquals(map("error.history.1.time", 1_600_000_000L), values("1121", "00105E5F"));
        assertEquals(map("error.history.4.time", 0L), values("1421", "00000000"));
        assertEquals(map("bms.flags", 0x0600_0010L), values("0021", "10000006"));
        assertEquals(map("bms.state", 10L), values("7103", "0AFFFFFF"));
        assertEquals(map("bms.error", 18L), values("0121", "12FFFFFF"));
        assertEquals(map("relay.state", 1L), values("4E03", "01FFFFFF"));
    }

    // ---- System configuration, history, limits ----

    @Test
    void configuration() throws Exception {
        assertEquals(map("capacity.installed", 400L), values("0010", "9001FFFF"));
        assertEquals(map("config.batteries", 4L, "config.cells_per_battery", 8L, "config.parallel", 2L, "config.series", 2L),
                values("8003", "04080202"));
    }

    @Test
    void history() throws Exception {
        assertEquals(map("history.deepest_discharge", -180.5), values("0003", "F3F8FFFF"));
        assertEquals(map("history.total_ah_drawn", -12345.6), values("0503", "C01DFEFF"));
        assertEquals(map("history.voltage.min", 44.8), values("0603", "80110000"));
        assertEquals(map("history.voltage.max", 57.6), values("0703", "80160000"));
        assertEquals(map("history.auto_syncs", 42L), values("0903", "2A000000"));
        assertEquals(map("energy.discharged", 1234.56), values("1003", "40E20100"));
        assertEquals(map("energy.charged", 1300.0), values("1103", "D0FB0100"));
        assertEquals(map("history.temperature.max", 45.5), values("1203", "797CFFFF"));
        assertEquals(map("history.temperature.min", -10.0), values("1303", "CB66FFFF"));
    }

    @Test
    void limitsWithTheirMarkers() throws Exception {
        assertEquals(map("limit.charge_voltage", 55.2), values("9003", "90150000"));
        assertEquals(map("limit.charge_voltage", null), values("9003", "FFFFFFFF"), "0xFFFFFFFF = not available");
        assertEquals(map("limit.charge_current", 150.0), values("9103", "DC050000"));
        assertEquals(map("limit.discharge_voltage", 44.0), values("9203", "30110000"));
        assertEquals(map("limit.discharge_current", null), values("9303", "FFFFFFFF"));
        assertEquals(map("charger_link.percentage", 100L), values("1420", "64FFFFFF"));
        assertEquals(map("charger_link.percentage", null), values("1420", "FFFFFFFF"), "0xFF = not available");
        assertEquals(map("charger_link.current_limit", 80.0), values("1520", "2003FFFF"));
        assertEquals(map("charger_link.current_limit", null), values("1520", "FFFFFFFF"));
    }

    // ---- Settings (read and write) ----

    @Test
    void settingsReadFfAsNotAvailable() throws Exception {
        assertEquals(map("setting.sync_group", 2L), values("7403", "02FFFFFF"));
        assertEquals(map("setting.sync_group", null), values("7403", "FFFFFFFF"), "read 0xFF: system in error state");
        assertEquals(map("setting.parallel", 96L), values("8703", "60FFFFFF"));
        assertEquals(map("setting.bluetooth", 1L), values("9000", "01FFFFFF"));
    }

    @Test
    void aWriteIsAValueAddressedToTheNode() throws Exception {
        CanFrame f = frame(0x1CEF5020, "6699740302FFFFFF");
        DecodedMessage m = codec.decode(f);
        assertEquals("vreg", m.message());
        assertEquals(0x20, m.source());
        assertEquals(0x50, m.destination());
        assertEquals(map("setting.sync_group", 2L), m.signals());
        assertEquals(f, codec.value(0x0374, Map.of("setting.sync_group", 2L), 0x20, 0x50, "can0", Frames.TIME));
    }

    // ---- Device ----

    @Test
    void productIdFirmwareAndInstance() throws Exception {
        assertEquals(map("bms.product_id", 0xA392L), values("0001", "92A3FFFF"));
        assertEquals(map("bms.firmware", "12.34.56"), values("0201", "00563412"));
        assertEquals(map("bms.firmware", "1.24"), values("0201", "00002401"));
        assertEquals(map("bms.firmware", null), values("0201", "00FFFFFF"), "0xFFFF = no firmware present");
        assertEquals(map("bms.firmware", null), values("0201", "FFFFFF00"));
        assertEquals(map("vreg.device_instance", 0L), values("0501", "00FFFFFF"));
    }

    @Test
    void stringsCarryFourCharactersAFrame() throws Exception {
        assertEquals(map("bms.serial", "HQ21"), values("0A01", "48513231"));
        assertEquals(map("bms.serial", "AB"), values("0A01", "41420000"), "zero-ended");
        assertEquals(map("bms.serial", null), values("0A01", "00000000"));
        assertEquals(map("vreg.model_name", "MG"), values("0B01", "4D470000"));
        assertEquals(frame(0x1CEFFF50, "66990A0141420000"),
                codec.value(0x010A, Map.of("bms.serial", "AB"), 0x50, 0xFF, "can0", Frames.TIME));
    }

    // ---- Encoding refuses what the register cannot carry ----

    @Test
    void encoderRefusesValuesOutOfRangeAndMarkers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> codec.value(0x0FFF, Map.of("soc", 700.0), 0x50, 0xFF, "can0", 0));
        assertTrue(e.getMessage().contains("0x0FFF") && e.getMessage().contains("soc"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> codec.value(0xED8D, Map.of("pack.voltage", 327.67), 0x50, 0xFF, "can0", 0));
        assertTrue(e.getMessage().contains("not-available marker"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> codec.value(0x0FFF, Map.of(), 0x50, 0xFF, "can0", 0),
                "soc has no marker: a value is needed");
        assertThrows(IllegalArgumentException.class, () -> codec.value(0x1234, Map.of(), 0x50, 0xFF, "can0", 0));
        assertThrows(IllegalArgumentException.class,
                () -> codec.value(0x0102, Map.of("bms.firmware", "v1"), 0x50, 0xFF, "can0", 0));
        assertThrows(IllegalArgumentException.class,
                () -> codec.value(0x010A, Map.of("bms.serial", "HQ2101"), 0x50, 0xFF, "can0", 0));
        assertThrows(IllegalArgumentException.class, () -> codec.request(0x10000, 0xFFFF, 0x20, 0x50, "can0", 0));
    }

    @Test
    void nullIsSentAsTheMarker() {
        Map<String, Object> na = new LinkedHashMap<>();
        na.put("pack.voltage", null);
        CanFrame f = codec.value(0xED8D, na, 0x50, 0xFF, "can0", Frames.TIME);
        assertEquals("66998DEDFF7FFFFF", f.dataHex());
        assertEquals(0x1CEFFF50, f.id());
        assertTrue(Arrays.equals(new byte[] {0x66, (byte) 0x99}, Arrays.copyOf(f.data(), 2)));
    }
}
