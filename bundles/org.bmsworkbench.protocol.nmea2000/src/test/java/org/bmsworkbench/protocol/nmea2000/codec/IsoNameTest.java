package org.bmsworkbench.protocol.nmea2000.codec;

import static org.bmsworkbench.protocol.nmea2000.codec.Frames.hex;
import static org.bmsworkbench.protocol.nmea2000.codec.Frames.n2k;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bmsworkbench.bms.MalformedFrameException;
import org.junit.jupiter.api.Test;

/**
 * The ISO NAME of PGN 60928, checked against canboat's own test data: {@code analyzer/tests/pgn-60928.in}
 * and its expected decode {@code pgn-60928-nv.out}, and {@code pgn-test.in} / {@code pgn-test-json.out}
 * (canboat 01d0dc3). The bit layout is ISO 11783-5 / J1939-81 as canboat's PGN 60928 has it.
 */
class IsoNameTest {
    /** pgn-60928.in: {@code 2022-09-10T12:10:16.812Z,6,60928,35,255,8,19,e8,e4,10,00,82,78,c0}. */
    private static final String AIRMAR = "19E8E410008278C0";
    /** pgn-60928.in: {@code 2026-01-01T00:00:00.000Z,6,60928,7,255,8,16,0b,e0,e7,07,be,8c,c0}. */
    private static final String FURUNO = "160BE0E707BE8CC0";
    /** pgn-test.in: {@code 2022-09-10T12:10:16.614Z,6,60928,5,255,8,fb,9b,70,22,00,9b,50,c0}. */
    private static final String NAVICO = "FB9B7022009B50C0";

    @Test
    void airmarDepthSounderAsCanboatDecodesIt() throws Exception {
        // canboat: Unique Number 321561, Manufacturer Code 135 Airmar, Device Instance Lower 0, Upper 0,
        // Device Function 130 Bottom Depth, Device Class 60 Navigation, System Instance 0,
        // Industry Group 4 Marine, Arbitrary address capable 1
        IsoName name = IsoName.read(n2k("18EEFF23", AIRMAR));
        assertEquals(321561, name.uniqueNumber());
        assertEquals(135, name.manufacturerCode());
        assertEquals("Airmar", Manufacturers.name(name.manufacturerCode()));
        assertEquals(0, name.deviceInstance());
        assertEquals(130, name.deviceFunction());
        assertEquals(60, name.deviceClass());
        assertEquals("Navigation", DeviceClasses.classLabel(name.deviceClass()));
        assertEquals("Bottom Depth", DeviceClasses.functionLabel(name.deviceClass(), name.deviceFunction()));
        assertEquals(0, name.systemInstance());
        assertEquals(4, name.industryGroup());
        assertTrue(name.arbitraryAddressCapable());
        assertEquals("0xC0788200" + "10E4E819", name.toHex());
    }

    @Test
    void furunoRadiotelephoneWithALowerDeviceInstance() throws Exception {
        // canboat: Unique Number 2838, Manufacturer Code 1855 Furuno, Device Instance Lower 7, Upper 0,
        // Device Function 190 Radiotelephone, Device Class 70 Communication, Industry Group 4, AAC 1
        IsoName name = IsoName.read(n2k("18EEFF07", FURUNO));
        assertEquals(2838, name.uniqueNumber());
        assertEquals(1855, name.manufacturerCode());
        assertEquals("Furuno", Manufacturers.name(1855));
        assertEquals(7, name.deviceInstance());
        assertEquals(190, name.deviceFunction());
        assertEquals("Radiotelephone", DeviceClasses.functionLabel(70, 190));
        assertEquals(70, name.deviceClass());
        assertEquals(4, name.industryGroup());
        assertTrue(name.arbitraryAddressCapable());
    }

    @Test
    void navicoRudderFromTheFieldsGivesCanboatsBytes() throws Exception {
        // canboat: Unique Number 1088507, Navico, Device Function Rudder (155), Device Class Steering
        // and Control surfaces (40), Industry Group Marine, AAC Yes
        IsoName name = IsoName.of(1088507, 275, 0, 155, 40, 0, 4, true);
        assertEquals(NAVICO, hex(name.toBytes()));
        assertEquals(name, IsoName.read(n2k("18EEFF05", NAVICO)));
        assertEquals("Rudder", DeviceClasses.functionLabel(40, 155));
        assertEquals("Navico", Manufacturers.name(275));
        assertEquals(IsoName.read(n2k("18EEFF23", AIRMAR)), IsoName.of(321561, 135, 0, 130, 60, 0, 4, true));
        assertEquals(IsoName.read(n2k("18EEFF07", FURUNO)), IsoName.of(2838, 1855, 7, 190, 70, 0, 4, true));
    }

    @Test
    void everyFieldAtItsLimitsStaysInItsBits() {
        IsoName all = IsoName.of(0x1F_FFFF, 0x7FF, 0xFF, 0xFF, 0x7F, 0xF, 0x7, true);
        assertEquals("0xFFFEFFFFFFFFFFFF", all.toHex(), "only the reserved bit 48 is clear");
        IsoName mg = IsoName.of(1, 1160, 0, 170, 35, 0, 4, false);
        assertEquals(1, mg.uniqueNumber());
        assertEquals(1160, mg.manufacturerCode());
        assertEquals(170, mg.deviceFunction());
        assertEquals(35, mg.deviceClass());
        assertFalse(mg.arbitraryAddressCapable());
        assertEquals(0, IsoName.of(0, 0, 0, 0, 0, 0, 0, false).value());
        assertThrows(IllegalArgumentException.class, () -> IsoName.of(0x20_0000, 0, 0, 0, 0, 0, 0, false));
        assertThrows(IllegalArgumentException.class, () -> IsoName.of(0, 0x800, 0, 0, 0, 0, 0, false));
        assertThrows(IllegalArgumentException.class, () -> IsoName.of(0, 0, 256, 0, 0, 0, 0, false));
        assertThrows(IllegalArgumentException.class, () -> IsoName.of(0, 0, 0, 0, 128, 0, 0, false));
        assertThrows(IllegalArgumentException.class, () -> IsoName.of(0, 0, 0, 0, 0, 16, 0, false));
        assertThrows(IllegalArgumentException.class, () -> IsoName.of(0, 0, 0, 0, 0, 0, 8, false));
        assertThrows(IllegalArgumentException.class, () -> IsoName.of(-1, 0, 0, 0, 0, 0, 0, false));
    }

    @Test
    void theNumericallyLowerNameOutranksEvenAcrossTheSignBit() {
        IsoName low = new IsoName(0x0000_0000_0000_0001L);
        IsoName high = new IsoName(0x4000_0000_0000_0000L);
        IsoName capable = new IsoName(0x8000_0000_0000_0000L);
        assertTrue(low.outranks(high));
        assertFalse(high.outranks(low));
        assertTrue(high.outranks(capable), "bit 63 (arbitrary address capable) makes a NAME larger, not negative");
        assertFalse(low.outranks(low));
    }

    @Test
    void aShortClaimIsMalformed() {
        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> IsoName.read(n2k("18EEFF23", "19E8E410")));
        assertEquals("0x18EEFF23 PGN 60928 address_claim needs 8 data bytes, got 4", e.getMessage());
    }
}
