package org.bmsworkbench.transport.pcan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.InvalidUriException;
import org.junit.jupiter.api.Test;

/** pcan: URIs; handles and PCAN_BAUD_* values from PEAK's public PCANBasic.h. */
class PcanSettingsTest {
    private static PcanSettings of(String uri) {
        return PcanSettings.of(ConnectionUri.parse(uri));
    }

    @Test
    void channelsBitRatesAndModes() {
        assertEquals(new PcanSettings(0x51, 500_000, (short) 0x001C, true), of("pcan:PCAN_USBBUS1?bitrate=500000&mode=listen-only"));
        assertEquals(new PcanSettings(0x51, 500_000, (short) 0x001C, false), of("pcan:PCAN_USBBUS1"));
        assertEquals(new PcanSettings(0x509, 125_000, (short) 0x031C, false), of("pcan:usbbus9?bitrate=125k"));
        assertEquals(new PcanSettings(0x52, 250_000, (short) 0x011C, false), of("pcan:USB2?bitrate=250000"));
        assertEquals(new PcanSettings(0x51, 1_000_000, (short) 0x0014, false), of("pcan:0x51?bitrate=1M"));
        assertEquals(new PcanSettings(0x801, 500_000, (short) 0x001C, false), of("pcan:PCAN_LANBUS1"));
        assertEquals(new PcanSettings(0x41, 500_000, (short) 0x001C, false), of("pcan:PCAN_PCIBUS1"));
        assertEquals("PCAN_USBBUS16", of("pcan:PCAN_USBBUS16").busName());
    }

    @Test
    void badUrisSayWhatIsWrong() {
        assertEquals("'pcan:PCAN_USBBUS17': 'PCAN_USBBUS17' is not a PCAN-Basic channel (PCAN_USBBUS1 … PCAN_USBBUS16,"
                + " PCAN_PCIBUS1 …, PCAN_LANBUS1 …; 'bmswb adapters' lists the attached ones)",
                assertThrows(InvalidUriException.class, () -> of("pcan:PCAN_USBBUS17")).getMessage());
        assertEquals("'pcan:PCAN_USBBUS1?bitrate=333333': option bitrate=333333 is not a PCAN_BAUD_* bit rate (allowed:"
                + " 10k, 20k, 50k, 100k, 125k, 250k, 500k, 800k, 1M)",
                assertThrows(InvalidUriException.class, () -> of("pcan:PCAN_USBBUS1?bitrate=333333")).getMessage());
        assertThrows(InvalidUriException.class, () -> of("pcan:PCAN_USBBUS1?mode=silent"));
        assertThrows(InvalidUriException.class, () -> of("pcan:PCAN_USBBUS1?speed=1"));
        assertThrows(InvalidUriException.class, () -> of("pcan://host/PCAN_USBBUS1"));
        assertThrows(InvalidUriException.class, () -> of("pcan:"));
    }
}
