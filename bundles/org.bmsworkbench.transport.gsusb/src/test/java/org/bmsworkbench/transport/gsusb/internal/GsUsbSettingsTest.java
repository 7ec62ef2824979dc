package org.bmsworkbench.transport.gsusb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.InvalidUriException;
import org.junit.jupiter.api.Test;

class GsUsbSettingsTest {
    private static GsUsbSettings of(String uri) {
        return GsUsbSettings.of(ConnectionUri.parse(uri));
    }

    @Test
    void anIndexASerialAndTheOptions() {
        assertEquals(new GsUsbSettings(0, null, 0, 500_000, 0, false, false), of("gsusb:0"));
        GsUsbSettings s = of("gsusb:0038002A4E50?bitrate=250k&mode=listen-only&channel=1");
        assertEquals(new GsUsbSettings(-1, "0038002A4E50", 1, 250_000, 0, true, false), s);
        assertEquals("gsusb-0038002A4E50.1", s.busName());
        assertEquals("gsusb0", of("gsusb:0").busName());
        GsUsbSettings fd = of("gsusb:1?bitrate=500000&dbitrate=2M");
        assertTrue(fd.fd());
        assertEquals(2_000_000, fd.dataBitrate());
        assertTrue(of("gsusb:0?mode=loopback").loopback());
    }

    @Test
    void badUrisSayWhatIsWrong() {
        assertEquals("'gsusb:0?bitrate=fast': option bitrate=fast is not a bit rate between 5k and 15M (e.g. 500000,"
                + " 500k, 1M)", assertThrows(InvalidUriException.class, () -> of("gsusb:0?bitrate=fast")).getMessage());
        assertTrue(assertThrows(InvalidUriException.class, () -> of("gsusb:0?dbitrate=250k")).getMessage()
                .contains("is below the nominal bitrate 500 kbit/s"));
        assertTrue(assertThrows(InvalidUriException.class, () -> of("gsusb:0?speed=1")).getMessage()
                .contains("unknown option 'speed'"));
        assertTrue(assertThrows(InvalidUriException.class, () -> of("gsusb:a/b")).getMessage()
                .contains("is neither a device index"));
        assertTrue(assertThrows(InvalidUriException.class, () -> of("gsusb:0?mode=silent")).getMessage()
                .contains("mode=silent is not one of listen-only, loopback, normal"));
        assertTrue(assertThrows(InvalidUriException.class, () -> of("gsusb:")).getMessage()
                .contains("missing device index or serial number"));
    }
}
