package org.bmsworkbench.protocol.nmea2000.codec;

import static org.bmsworkbench.protocol.nmea2000.codec.Frames.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.bmsworkbench.bms.MalformedFrameException;
import org.junit.jupiter.api.Test;

/** PGN 126996 Product Information, 134 bytes, field layout of canboat's {@code pgn-generated-data.h}. */
class ProductInformationTest {
    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    private static String pad(String asciiHex, int bytes) {
        StringBuilder b = new StringBuilder(asciiHex.replace(" ", ""));
        while (b.length() < bytes * 2) {
            b.append("FF");
        }
        return b.toString();
    }

    /** Written by hand: version 2.100, product code 4242, the four strings padded with 0xFF, level 1, LEN 2. */
    private static final String OURS = "3408" + "9210"
            + pad("4D 47 20 4D 61 73 74 65 72 20 4C 56", 32) // "MG Master LV"
            + pad("31 2E 30 34", 32) // "1.04"
            + pad("48 57 20 32", 32) // "HW 2"
            + pad("48 51 32 32 30 31 41 42 43 44 45", 32) // "HQ2201ABCDE"
            + "01" + "02";

    @Test
    void ourExampleBothWays() throws Exception {
        ProductInformation info = new ProductInformation(2100, 4242, "MG Master LV", "1.04", "HW 2", "HQ2201ABCDE", 1, 2);
        assertEquals(134, bytes(OURS).length);
        assertEquals(OURS, hex(info.toBytes()));
        assertEquals(info, ProductInformation.read(bytes(OURS)));
    }

    @Test
    void canboatsMastervoltExampleWithZeroPaddingAndJunkAfterTheZero() throws Exception {
        // canboat analyzer/tests/switch-multi-to-one-line.in, 2011-04-25-06:25:02.017, src 60, 134 bytes; expected in
        // switch-multi-to-one-line.out: NMEA 2000 Version = 1.210; Product Code = 9878; Model ID =
        // MasterBus NMEA Interface; Software Version Code = 1.00; Model Version = 1.00; Model Serial
        // Code = XD18A0019 (bytes ... 00 ... 4E 4D 45 41 32 30 30 30 00 ...); Certification Level = 3;
        // Load Equivalency = 0
        String payload = "ba 04 96 26 4d 61 73 74 65 72 42 75 73 20 4e 4d 45 41 20 49 6e 74 65 72 66 61 63 65 00 00 00 00 00 00 00 00"
                + "31 2e 30 30 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"
                + "31 2e 30 30 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"
                + "58 44 31 38 41 30 30 31 39 00 00 00 00 00 00 00 00 4e 4d 45 41 32 30 30 30 00 00 00 00 00 00 00 03 00";
        ProductInformation info = ProductInformation.read(bytes(payload));
        assertEquals(1210, info.nmea2000Version());
        assertEquals(9878, info.productCode());
        assertEquals("MasterBus NMEA Interface", info.modelId());
        assertEquals("1.00", info.softwareVersion());
        assertEquals("1.00", info.modelVersion());
        assertEquals("XD18A0019", info.modelSerial(), "the string ends at the first 0x00, as canboat reads it");
        assertEquals(3, info.certificationLevel());
        assertEquals(0, info.loadEquivalency());
    }

    @Test
    void paddingOfAnyKindIsTrimmedAndAnEmptyFieldIsNull() throws Exception {
        byte[] payload = new ProductInformation(0, 0, null, null, null, null, 0, 0).toBytes();
        assertArrayEquals(bytes(pad("", 32)), java.util.Arrays.copyOfRange(payload, 4, 36));
        byte[] spaced = payload.clone();
        System.arraycopy(bytes("41 42 20 40 40 20"), 0, spaced, 36, 6); // "AB @@ " then 0xFF
        ProductInformation info = ProductInformation.read(spaced);
        assertNull(info.modelId());
        assertEquals("AB", info.softwareVersion());
        assertNull(info.modelSerial());
    }

    @Test
    void badInput() {
        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> ProductInformation.read(new byte[133]));
        assertEquals("PGN 126996 product_information needs 134 payload bytes, got 133", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new ProductInformation(0, 0, "x".repeat(33), null, null, null, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ProductInformation(0, 0, "é", null, null, null, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ProductInformation(0x10000, 0, null, null, null, null, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ProductInformation(0, 0, null, null, null, null, 256, 0));
    }
}
