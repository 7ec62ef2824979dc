package org.bmsworkbench.simulator;

import java.util.List;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.protocol.nmea2000.codec.IsoName;
import org.bmsworkbench.protocol.nmea2000.codec.NetworkMessages;
import org.bmsworkbench.protocol.nmea2000.codec.ProductInformation;

/**
 * One simulated device of a {@link Nmea2000Network}: its ISO NAME, its Product Information, the
 * address it holds (or none, after it could not claim one) and its periodic frames. The address
 * claim and the answers to ISO Requests are the network's ({@link Nmea2000Network}); the
 * device only says what it sends and when.
 */
abstract class NetworkDevice {
    /** What it is, in words ("battery monitor"). */
    final String role;
    final IsoName name;
    final ProductInformation product;
    /** The address it claims at start-up. */
    final int preferredAddress;
    private int address;

    NetworkDevice(String role, IsoName name, ProductInformation product, int address) {
        this.role = role;
        this.name = name;
        this.product = product;
        this.preferredAddress = address;
        this.address = address;
    }

    /** The address it holds, or {@link NetworkMessages#NULL_ADDRESS} when it could not claim one. */
    final int address() {
        return address;
    }

    /** Whether it holds an address (and so sends and answers). */
    boolean online() {
        return address != NetworkMessages.NULL_ADDRESS;
    }

    /** Sends from {@code newAddress} from now on ({@link NetworkMessages#NULL_ADDRESS}: falls silent). */
    void moveTo(int newAddress) {
        this.address = newAddress;
    }

    /** Virtual time of its next periodic frames; {@link Long#MAX_VALUE} for a device that sends none. */
    abstract long nextDueMillis();

    /**
     * Its periodic frames due at virtual time {@code millis} ({@code nextDueMillis() <= millis}),
     * stamped {@code epochMillis + millis}; moves {@link #nextDueMillis()} on. Nothing while offline.
     */
    abstract List<CanFrame> sendDue(long millis, long epochMillis);

    /** Lets its model run up to {@code millis} (after its due frames are sent). */
    void runTo(long millis) {
    }

    /** Its answers to a frame that is not network management; most devices answer nothing. */
    List<CanFrame> receive(CanFrame frame) {
        return List.of();
    }

    @Override
    public String toString() {
        return role + " at " + address + " (NAME " + name.toHex() + ")";
    }
}
