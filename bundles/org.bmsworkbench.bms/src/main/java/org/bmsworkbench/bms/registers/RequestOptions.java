package org.bmsworkbench.bms.registers;

import java.time.Duration;
import java.util.Objects;

/**
 * Where a register request goes and how long it waits.
 *
 * @param node    the device's address (the MG Master LV's default is 0x50)
 * @param source  our own address on the bus (0x20 as in the guide's example, 1.5.4.3)
 * @param timeout how long to wait for an answer per try
 * @param tries   how many times a request is sent before giving up
 */
public record RequestOptions(int node, int source, Duration timeout, int tries) {
    /** The MG Master LV's default node address. */
    public static final int DEFAULT_NODE = 0x50;
    /** The requester address of the guide's example (1.5.4.3). */
    public static final int DEFAULT_SOURCE = 0x20;
    public static final RequestOptions DEFAULT = new RequestOptions(DEFAULT_NODE, DEFAULT_SOURCE, Duration.ofMillis(500), 3);

    public RequestOptions {
        checkAddress("node", node);
        checkAddress("source", source);
        if (node == source) {
            throw new IllegalArgumentException(String.format("source 0x%02X is the node's own address", source));
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout " + timeout + " must be positive");
        }
        if (tries < 1 || tries > 100) {
            throw new IllegalArgumentException("tries " + tries + " is outside 1..100");
        }
    }

    /** 0..253: 254 is the J1939 null address and 255 broadcast. */
    private static void checkAddress(String what, int address) {
        if (address < 0 || address > 0xFD) {
            throw new IllegalArgumentException(String.format("%s address 0x%X is outside 0x00..0xFD", what, address));
        }
    }

    public RequestOptions withNode(int newNode) {
        return new RequestOptions(newNode, source, timeout, tries);
    }

    /**
     * These options sent to {@code newNode}: when our source address is that node's own, the
     * next address is taken (a claimed address replaces the source anyway).
     */
    public RequestOptions towards(int newNode) {
        int newSource = source == newNode ? (newNode + 1) % 0xFE : source;
        return new RequestOptions(newNode, newSource, timeout, tries);
    }

    public RequestOptions withSource(int newSource) {
        return new RequestOptions(node, newSource, timeout, tries);
    }

    public RequestOptions withTimeout(Duration newTimeout) {
        return new RequestOptions(node, source, newTimeout, tries);
    }

    public RequestOptions withTries(int newTries) {
        return new RequestOptions(node, source, timeout, newTries);
    }
}
