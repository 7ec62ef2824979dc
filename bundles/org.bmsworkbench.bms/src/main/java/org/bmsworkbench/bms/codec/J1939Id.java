package org.bmsworkbench.bms.codec;

/**
 * A 29-bit identifier as NMEA 2000 (ISO 11783 / SAE J1939) lays it out, guide 1.5.2:
 * {@code <3-bit priority><1-bit reserved><1-bit data page><8-bit PDU format><8-bit PDU specific><8-bit source>}.
 * With a PDU format below 240 (PDU1, e.g. VREG's 0xEF) the PDU-specific byte is the
 * destination address and not part of the PGN; from 240 up (PDU2, e.g. 0x1F214) it is.
 *
 * @param priority    0..7
 * @param reserved    the extended data page bit, 0 or 1 (0 on NMEA 2000)
 * @param dataPage    0 or 1
 * @param pduFormat   0..255
 * @param pduSpecific 0..255: destination (PDU1) or group extension (PDU2)
 * @param source      0..255
 */
public record J1939Id(int priority, int reserved, int dataPage, int pduFormat, int pduSpecific, int source) {
    /** The global (broadcast) address. */
    public static final int BROADCAST = 0xFF;

    public J1939Id {
        check("priority", priority, 7);
        check("reserved bit", reserved, 1);
        check("data page", dataPage, 1);
        check("PDU format", pduFormat, 255);
        check("PDU specific", pduSpecific, 255);
        check("source", source, 255);
    }

    private static void check(String what, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(what + " " + value + " is outside 0.." + max);
        }
    }

    /** Splits a 29-bit identifier. */
    public static J1939Id parse(int canId) {
        if (canId < 0 || canId > 0x1FFF_FFFF) {
            throw new IllegalArgumentException(String.format("0x%X is not a 29-bit identifier", canId));
        }
        return new J1939Id(canId >>> 26 & 7, canId >>> 25 & 1, canId >>> 24 & 1, canId >>> 16 & 0xFF,
                canId >>> 8 & 0xFF, canId & 0xFF);
    }

    /**
     * The identifier for sending {@code pgn} from {@code source}; {@code destination} is used for
     * a PDU1 PGN (ignored, may be anything, for PDU2).
     */
    public static J1939Id of(int priority, int pgn, int source, int destination) {
        if (pgn < 0 || pgn > 0x3FFFF) {
            throw new IllegalArgumentException(String.format("PGN 0x%X is outside 0..0x3FFFF", pgn));
        }
        int pf = pgn >>> 8 & 0xFF;
        int ps = pf < 240 ? destination : pgn & 0xFF;
        return new J1939Id(priority, pgn >>> 17 & 1, pgn >>> 16 & 1, pf, ps, source);
    }

    /** PDU1: addressed to one node (PDU format below 240). */
    public boolean pdu1() {
        return pduFormat < 240;
    }

    /** The parameter group number, including the data page (e.g. 127508 = 0x1F214, VREG 0xEF00). */
    public int pgn() {
        return reserved << 17 | dataPage << 16 | pduFormat << 8 | (pdu1() ? 0 : pduSpecific);
    }

    /** The destination address for PDU1, {@link #BROADCAST} for PDU2. */
    public int destination() {
        return pdu1() ? pduSpecific : BROADCAST;
    }

    /** The 29-bit identifier again. */
    public int canId() {
        return priority << 26 | reserved << 25 | dataPage << 24 | pduFormat << 16 | pduSpecific << 8 | source;
    }
}
