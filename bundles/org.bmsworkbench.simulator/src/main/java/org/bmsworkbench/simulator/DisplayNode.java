package org.bmsworkbench.simulator;

import java.util.List;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.protocol.nmea2000.codec.IsoName;
import org.bmsworkbench.protocol.nmea2000.codec.ProductInformation;

/**
 * The display of the {@code network} scenario: it holds its address (0x20, the address a naive
 * sender takes) with a NAME that is not arbitrary-address capable, so it outranks any NAME that
 * is, and it cannot move: it claims, defends, answers ISO Requests and sends nothing periodic.
 */
final class DisplayNode extends NetworkDevice {

    DisplayNode(IsoName name, ProductInformation product, int address) {
        super("display", name, product, address);
    }

    @Override
    long nextDueMillis() {
        return Long.MAX_VALUE;
    }

    @Override
    List<CanFrame> sendDue(long millis, long epochMillis) {
        return List.of();
    }
}
