package org.bmsworkbench.transport.serial.internal;

import java.io.IOException;
import java.util.List;

/** The machine's serial ports: opened by name, listed for discovery. */
interface SerialPorts {
    /**
     * Opens {@code port} (a path such as {@code /dev/ttyUSB0} or a link to it, or {@code COM4})
     * with 8 data bits, the settings' speed, parity and stop bits, without flow control.
     *
     * @throws IOException naming the port and the reason (no such port, permission denied, busy)
     */
    SerialLine open(SerialSettings settings) throws IOException;

    /** The ports the system lists (pseudo-terminals are not among them). */
    List<PortInfo> list();

    /**
     * What the system says of one port.
     *
     * @param path        {@code /dev/ttyUSB0}, {@code COM4}
     * @param description the port's own description (the USB product string, when there is one)
     * @param name        the system's descriptive name
     * @param vendorId    USB vendor id, or -1
     * @param productId   USB product id, or -1
     */
    record PortInfo(String path, String description, String name, int vendorId, int productId) {
    }
}
