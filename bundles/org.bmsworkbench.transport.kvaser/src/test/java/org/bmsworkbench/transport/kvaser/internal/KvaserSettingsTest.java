package org.bmsworkbench.transport.kvaser.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.InvalidUriException;
import org.junit.jupiter.api.Test;

/** kvaser: URIs; canBITRATE_* values from Kvaser's public canlib.h. */
class KvaserSettingsTest {
    private static KvaserSettings of(String uri) {
        return KvaserSettings.of(ConnectionUri.parse(uri));
    }

    @Test
    void channelsBitRatesAndModes() {
        assertEquals(new KvaserSettings(0, 500_000, -2, false), of("kvaser:0"));
        assertEquals(new KvaserSettings(0, 500_000, -2, true), of("kvaser:0?bitrate=500000&mode=listen-only"));
        assertEquals(new KvaserSettings(1, 1_000_000, -1, false), of("kvaser:1?bitrate=1M"));
        assertEquals(new KvaserSettings(2, 250_000, -3, false), of("kvaser:2?bitrate=250k"));
        assertEquals(new KvaserSettings(0, 125_000, -4, false), of("kvaser:0?bitrate=125000"));
        assertEquals(new KvaserSettings(0, 62_500, -6, false), of("kvaser:0?bitrate=62500"));
        assertEquals("kvaser3", of("kvaser:3").busName());
    }

    @Test
    void badUrisSayWhatIsWrong() {
        assertEquals("'kvaser:leaf': 'leaf' is not a CANlib channel number (0, 1, …; 'bmswb adapters' lists them)",
                assertThrows(InvalidUriException.class, () -> of("kvaser:leaf")).getMessage());
        assertEquals("'kvaser:0?bitrate=800k': option bitrate=800k is not a canBITRATE_* bit rate (allowed: 10k, 50k,"
                + " 62500, 83333, 100k, 125k, 250k, 500k, 1M)",
                assertThrows(InvalidUriException.class, () -> of("kvaser:0?bitrate=800k")).getMessage());
        assertThrows(InvalidUriException.class, () -> of("kvaser:0?mode=silent"));
        assertThrows(InvalidUriException.class, () -> of("kvaser://x/0"));
        assertThrows(InvalidUriException.class, () -> of("kvaser:"));
    }
}
