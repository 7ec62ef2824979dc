package org.bmsworkbench.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StatusFieldsTest {
    @Test
    void aLocalPathIsShortenedToItsNameKeepingTheOptions() {
        assertEquals("slcan:…/ttyACM0?bitrate=500000", StatusFields.shortUri("slcan:/dev/ttyACM0?bitrate=500000"));
        assertEquals("slcan:…/usb-CANable_b158aa7-if00", StatusFields.shortUri("slcan:/dev/serial/by-id/usb-CANable_b158aa7-if00"));
        assertEquals("replay:…/big.log?speed=600&loop=true", StatusFields.shortUri("replay:/tmp/logs/big.log?speed=600&loop=true"));
    }

    @Test
    void otherUrisAreShownAsTheyAre() {
        for (String uri : new String[] {"sim:", "sim:?scenario=safety-lock", "loop:bench?bitrate=250000", "slcan:COM3",
                "slcan:/A", "socketcand://host:29536/can0", "snapshot:capture.zip", StatusFields.NOT_CONNECTED}) {
            assertEquals(uri, StatusFields.shortUri(uri));
        }
    }
}
