package org.bmsworkbench.transport.slcan.internal;

import java.io.IOException;
import java.util.List;

/** The machine's serial ports: opened by name, listed for discovery. */
interface SerialPorts {
    /**
     * Opens {@code port} (a path such as {@code /dev/ttyACM0} or a link to it, or {@code COM3})
     * 8N1 without flow control at {@code baud}.
     *
     * @throws IOException naming the port and the reason (no such port, permission denied, busy)
     */
    SerialLine open(String port, int baud) throws IOException;

    /** The ports the system lists (pseudo-terminals are not among them). */
    List<PortInfo> list();

    /**
     * What the system says of one port.
     *
     * @param path        {@code /dev/ttyACM0}, {@code COM3}
     * @param description the port's own description (the USB product string, when there is one)
     * @param name        the system's descriptive name
     * @param vendorId    USB vendor id, or -1
     * @param productId   USB product id, or -1
     */
    record PortInfo(String path, String description, String name, int vendorId, int productId) {
    }
}
