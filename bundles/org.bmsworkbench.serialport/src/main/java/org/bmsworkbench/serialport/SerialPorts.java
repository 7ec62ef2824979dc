package org.bmsworkbench.serialport;

import java.io.IOException;
import java.util.List;

/** The machine's serial ports: opened by name, listed for discovery. */
public interface SerialPorts {
    /**
     * Opens {@code port} (a path such as {@code /dev/ttyUSB0} or a link to it, or {@code COM4})
     * with 8 data bits, {@code baud}, {@code parity} and {@code stopBits} (1 or 2), without flow
     * control.
     *
     * @throws IOException naming the port and the reason (no such port, permission denied, busy)
     */
    SerialLine open(String port, int baud, Parity parity, int stopBits) throws IOException;

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
        /** The description and the descriptive name, once when one contains the other. */
        public String label() {
            String d = description == null ? "" : description.strip();
            String n = name == null ? "" : name.strip();
            if (d.isEmpty() || n.contains(d)) {
                return n;
            }
            if (n.isEmpty() || d.contains(n)) {
                return d;
            }
            return d + " (" + n + ")";
        }
    }
}
