package org.bmsworkbench.can;

import java.util.Objects;

/**
 * What a device simulated in this process says it is: offered by a channel whose far end is such
 * a device (the {@code sim:} transport) and obtained with
 * {@code connection.control(SimulatedDevice.class)}. It lets a consumer name the device the way a
 * real one names itself on the bus, without knowing the simulator: a real device offers nothing
 * of the kind, and what is behind a serial port or socket is never taken for simulated.
 *
 * @param serial the serial number the simulated BMS is configured with (the one its unlock code is
 *               computed from); never blank
 */
public record SimulatedDevice(String serial) {
    public SimulatedDevice {
        Objects.requireNonNull(serial, "serial");
        if (serial.isBlank()) {
            throw new IllegalArgumentException("a simulated device's serial must not be blank");
        }
    }
}
