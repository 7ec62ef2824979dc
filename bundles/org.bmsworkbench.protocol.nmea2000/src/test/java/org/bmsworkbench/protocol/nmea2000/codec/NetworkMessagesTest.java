package org.bmsworkbench.protocol.nmea2000.codec;

import static org.bmsworkbench.protocol.nmea2000.codec.Frames.hex;
import static org.bmsworkbench.protocol.nmea2000.codec.Frames.n2k;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/**
 * Address claim, ISO Request and ISO Acknowledgement frames, laid out as canboat's PGN 60928, 59904
 * and 59392 ({@code analyzer/pgn-generated-data.h}: request = the PGN in 3 bytes; acknowledgement =
 * control, group function, 3 reserved bytes, PGN), identifiers as J1939-21 (PDU1: the PS byte is the
 * destination).
 */
class NetworkMessagesTest {
    private static final IsoName NAVICO = IsoName.of(1088507, 275, 0, 155, 40, 0, 4, true);

    @Test
    void anAddressClaimGoesToAllWithPriority6() throws Exception {
        CanFrame claim = NetworkMessages.addressClaim(NAVICO, 5, "can0", 42);
        // canboat pgn-test.in: 6,60928,5,255,8,fb,9b,70,22,00,9b,50,c0
        assertEquals("18EEFF05", claim.idHex());
        assertEquals("FB9B7022009B50C0", claim.dataHex().toUpperCase());
        assertTrue(claim.extended());
        assertEquals(42, claim.timestampMicros());
        assertEquals("can0", claim.bus());
        assertEquals(NetworkMessages.ADDRESS_CLAIM, NetworkMessages.pgnOf(claim));
        assertEquals(255, NetworkMessages.destinationOf(claim));
        assertEquals(NAVICO, IsoName.read(claim));
        assertEquals("18EEFFFE", NetworkMessages.cannotClaim(NAVICO, "can0", 0).idHex(), "from the null address 254");
    }

    @Test
    void anIsoRequestCarriesThreeBytesOfPgn() throws Exception {
        CanFrame request = NetworkMessages.isoRequest(NetworkMessages.ADDRESS_CLAIM, 0x20, 255, "can0", 0);
        assertEquals("18EAFF20", request.idHex());
        assertEquals("00EE00", hex(request.data()));
        assertEquals(60928, NetworkMessages.requestedPgn(request));
        CanFrame toOne = NetworkMessages.isoRequest(NetworkMessages.PRODUCT_INFORMATION, 0x20, 0x50, "can0", 0);
        assertEquals("18EA5020", toOne.idHex());
        assertEquals("14F001", hex(toOne.data()), "126996 = 0x01F014");
        assertEquals(126996, NetworkMessages.requestedPgn(toOne));
        assertEquals(0x50, NetworkMessages.destinationOf(toOne));
        assertEquals(59904, NetworkMessages.pgnOf(toOne));
        MalformedFrameException e = assertThrows(MalformedFrameException.class,
                () -> NetworkMessages.requestedPgn(n2k("18EAFF20", "00EE")));
        assertEquals("0x18EAFF20 PGN 59904 iso_request needs 3 data bytes, got 2", e.getMessage());
        e = assertThrows(MalformedFrameException.class, () -> NetworkMessages.requestedPgn(n2k("18EEFF20", "00EE00")));
        assertEquals("0x18EEFF20 is not an ISO Request (PGN 59904)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NetworkMessages.isoRequest(0x40000, 0x20, 255, "can0", 0));
        assertThrows(IllegalArgumentException.class, () -> NetworkMessages.isoRequest(60928, 256, 255, "can0", 0));
    }

    @Test
    void anIsoAcknowledgementNamesControlAndPgn() throws Exception {
        CanFrame nak = NetworkMessages.isoAcknowledgement(NetworkMessages.NAK, 126996, 0x50, 0x20, "can0", 0);
        assertEquals("18E82050", nak.idHex());
        assertEquals("01FFFFFFFF14F001", hex(nak.data()));
        assertEquals(NetworkMessages.NAK, NetworkMessages.acknowledgementControl(nak));
        assertEquals(126996, NetworkMessages.acknowledgedPgn(nak));
        assertEquals(59392, NetworkMessages.pgnOf(nak));
        assertThrows(MalformedFrameException.class, () -> NetworkMessages.acknowledgedPgn(n2k("18E82050", "01FFFFFF")));
    }

    @Test
    void pgnAndDestinationOfAnyFrame() {
        assertEquals(127508, NetworkMessages.pgnOf(n2k("19F21450", "005E0A85FF777400")));
        assertEquals(255, NetworkMessages.destinationOf(n2k("19F21450", "005E0A85FF777400")));
        assertEquals(61184, NetworkMessages.pgnOf(n2k("1CEF5020", "6699010002")));
        assertEquals(0x50, NetworkMessages.destinationOf(n2k("1CEF5020", "6699010002")));
        assertEquals(126996, NetworkMessages.pgnOf(n2k("19F01403", "00")));
        assertEquals(-1, NetworkMessages.pgnOf(CanFrame.of(0, "can0", 0x356, false, new byte[8])));
        assertEquals(-1, NetworkMessages.destinationOf(CanFrame.of(0, "can0", 0x356, false, new byte[8])));
        assertEquals(-1, NetworkMessages.pgnOf(CanFrame.remote(0, "can0", 0x18EAFF20, true, 3)));
    }
}
