package org.bmsworkbench.simulator;

import java.util.List;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.protocol.nmea2000.codec.IsoName;
import org.bmsworkbench.protocol.nmea2000.codec.ProductInformation;

/**
 * The {@link VirtualMasterLv} as a device of a {@link Nmea2000Network}: its frames (PGN
 * 127508/127506, VREG) and its VREG answers are the Master LV's own, sent from the address it
 * holds; it is online while it holds one and is not silent (rebooting, comms loss).
 */
final class MasterLvNode extends NetworkDevice {
    private final VirtualMasterLv bms;

    MasterLvNode(VirtualMasterLv bms, IsoName name, ProductInformation product) {
        super("MG Master LV", name, product, bms.address());
        this.bms = bms;
    }

    VirtualMasterLv bms() {
        return bms;
    }

    @Override
    boolean online() {
        return super.online() && bms.device().transmitting();
    }

    @Override
    void moveTo(int newAddress) {
        super.moveTo(newAddress);
        bms.moveTo(newAddress);
    }

    @Override
    long nextDueMillis() {
        return bms.nextDueMillis();
    }

    @Override
    List<CanFrame> sendDue(long millis, long epochMillis) {
        List<CanFrame> frames = bms.advanceTo(millis);
        return super.online() ? frames : List.of();
    }

    @Override
    void runTo(long millis) {
        bms.advanceTo(millis);
    }

    @Override
    List<CanFrame> receive(CanFrame frame) {
        return super.online() ? bms.receive(frame) : List.of();
    }
}
