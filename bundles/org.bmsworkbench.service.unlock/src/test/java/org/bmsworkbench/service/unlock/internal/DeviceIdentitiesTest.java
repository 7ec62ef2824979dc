package org.bmsworkbench.service.unlock.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.bmsworkbench.service.unlock.DeviceIdentity;
import org.bmsworkbench.service.unlock.DeviceKind;
import org.bmsworkbench.simulator.SimulatorOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who the device is, from the model's values, the device profile and what the channel offers. */
class DeviceIdentitiesTest {
    private final MgMasterLvProfile profile = MgMasterLvProfile.defaults();
    private SimulatedBus bus;

    @AfterEach
    void close() {
        if (bus != null) {
            bus.close();
        }
    }

    private SimulatedBus bus(String uri) {
        bus = new SimulatedBus(uri, SimulatorOptions.defaults(), 1);
        return bus;
    }

    @Test
    void theSerialTheBmsSendsWinsOverTheSimulatorsOwn() {
        DeviceIdentity id = DeviceIdentities.identify(bus("sim:"), Map.of("bms.serial", " HQ2245ABCDE "), profile);
        assertEquals("HQ2245ABCDE", id.serial());
        assertEquals("bms.serial", id.serialSource());
        assertEquals(DeviceKind.SIMULATED, id.kind());
    }

    @Test
    void aSimDeviceThatSendsNoSerialIsNamedByTheSerialItsChannelOffers() {
        DeviceIdentity id = DeviceIdentities.identify(bus("sim:?protocol=nmea2000"), Map.of(), profile);
        assertEquals(SimulatorOptions.DEFAULT_SERIAL, id.serial());
        assertEquals("sim: URI", id.serialSource());
    }

    @Test
    void onlySimIsTrustedForTheOfferedSerial() {
        // what is behind a port or a socket cannot be known: no serial is taken from the channel there
        DeviceIdentity id = DeviceIdentities.identify(bus("slcan:/dev/ttyACM0"), Map.of(), profile);
        assertFalse(id.serialKnown());
        assertEquals("none", id.serialSource());
        assertEquals(DeviceKind.REAL, id.kind());
    }

    @Test
    void theProductNameComesFromTheProfile() {
        DeviceIdentity id = DeviceIdentities.identify(bus("sim:"),
                Map.of("bms.product_id", 0xA392, "bms.firmware", "1.07"), profile);
        assertEquals(0xA392, id.productId());
        assertEquals(profile.productName(0xA392), id.productName());
        assertFalse(id.productName().isEmpty());
        assertEquals("1.07", id.firmware());
    }
}
