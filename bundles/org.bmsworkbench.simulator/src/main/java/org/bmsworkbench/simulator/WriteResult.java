package org.bmsworkbench.simulator;

/** What a VREG write to the simulated BMS did. */
public enum WriteResult {
    /** Taken; the new value is broadcast. */
    ACCEPTED,
    /** The register exists but the value is outside its range (or an unlock code that is wrong, or written while not locked): ACK 0x8100. */
    OUT_OF_RANGE,
    /** The register is unknown or read-only, or the BMS is in error state: ACK 0x8000. */
    REFUSED
}
