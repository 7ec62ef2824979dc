package org.bmsworkbench.simulator;

/** What a VREG write to the simulated BMS did, and the ACK code a refusal is answered with. */
public enum WriteResult {
    /** Taken; the new value is broadcast (no OK ACK, as Victron devices do). */
    ACCEPTED(0),
    /** The register is writable but the value is outside its range (or an unlock code that is wrong, or written while not locked): ACK 0x8100. */
    OUT_OF_RANGE(0x8100),
    /** The register exists but is read-only, or it is a setting and the BMS is in error state: ACK 0x8100. */
    NOT_WRITABLE(0x8100),
    /** The device has no such register: ACK 0x8000. */
    UNKNOWN_REGISTER(0x8000);

    private final int ackCode;

    WriteResult(int ackCode) {
        this.ackCode = ackCode;
    }

    /** The VREG ACK code that answers this result; 0 for {@link #ACCEPTED}, which is answered by a broadcast. */
    public int ackCode() {
        return ackCode;
    }
}
