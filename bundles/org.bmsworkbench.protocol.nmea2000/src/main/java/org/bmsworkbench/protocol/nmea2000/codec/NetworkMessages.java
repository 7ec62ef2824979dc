package org.bmsworkbench.protocol.nmea2000.codec;

import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.codec.FrameFields;
import org.bmsworkbench.bms.codec.J1939Id;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;

/**
 * The network-management frames of ISO 11783-5 / SAE J1939-81 as NMEA 2000 uses them: ISO Address
 * Claim (PGN 60928, the 8-byte {@link IsoName}), ISO Request (59904, the requested PGN in 3 bytes),
 * ISO Acknowledgement (59392: control, group function, 3 reserved bytes, PGN), all PDU1 and sent
 * with priority 6; and the identifier arithmetic every PGN shares. Field layouts as canboat
 * ({@code analyzer/pgn-generated-data.h}) has them.
 */
public final class NetworkMessages {
    public static final int ADDRESS_CLAIM = 60928;
    public static final int ISO_REQUEST = 59904;
    public static final int ISO_ACKNOWLEDGEMENT = 59392;
    public static final int PRODUCT_INFORMATION = 126996;
    /** Manufacturer proprietary single frame (PDU1, 0xEF00): VREG's PGN, also Garmin's, Simrad's, Raymarine's. */
    public static final int PROPRIETARY_SINGLE = 61184;
    /** The source address of a device that could not claim one ("cannot claim"). */
    public static final int NULL_ADDRESS = 254;
    /** The global destination. */
    public static final int GLOBAL_ADDRESS = 255;
    /** Priority of the network-management PGNs. */
    public static final int PRIORITY = 6;
    /** ISO Acknowledgement control: positive. */
    public static final int ACK = 0;
    /** ISO Acknowledgement control: negative (the requested PGN is not supported). */
    public static final int NAK = 1;
    /** ISO Acknowledgement control: access denied. */
    public static final int ACCESS_DENIED = 2;
    /** ISO Acknowledgement control: cannot respond (busy). */
    public static final int CANNOT_RESPOND = 3;

    private NetworkMessages() {
    }

    /** An address claim of {@code name} for {@code source}, to all (priority 6, PGN 60928). */
    public static CanFrame addressClaim(IsoName name, int source, String bus, long timestampMicros) {
        return frame(ADDRESS_CLAIM, source, GLOBAL_ADDRESS, name.toBytes(), bus, timestampMicros);
    }

    /** "Cannot claim address": the address claim of {@code name} sent from the null address 254. */
    public static CanFrame cannotClaim(IsoName name, String bus, long timestampMicros) {
        return addressClaim(name, NULL_ADDRESS, bus, timestampMicros);
    }

    /** An ISO Request for {@code requestedPgn} to {@code destination} (255: all): 3 data bytes, little endian. */
    public static CanFrame isoRequest(int requestedPgn, int source, int destination, String bus, long timestampMicros) {
        checkPgn(requestedPgn);
        byte[] data = {(byte) requestedPgn, (byte) (requestedPgn >>> 8), (byte) (requestedPgn >>> 16)};
        return frame(ISO_REQUEST, source, destination, data, bus, timestampMicros);
    }

    /**
     * The PGN an ISO Request asks for.
     *
     * @throws MalformedFrameException when the frame is not a PGN 59904 data frame or has fewer than 3 bytes
     */
    public static int requestedPgn(CanFrame isoRequest) throws MalformedFrameException {
        if (pgnOf(isoRequest) != ISO_REQUEST) {
            throw new MalformedFrameException("0x" + isoRequest.idHex() + " is not an ISO Request (PGN 59904)");
        }
        FrameFields.requireLength(isoRequest, 3, "PGN 59904 iso_request");
        return isoRequest.u8(0) | isoRequest.u8(1) << 8 | isoRequest.u8(2) << 16;
    }

    /**
     * An ISO Acknowledgement of {@code pgn}: {@code control} ({@link #ACK}, {@link #NAK},
     * {@link #ACCESS_DENIED}, {@link #CANNOT_RESPOND}), group function 0xFF, reserved 0xFF.
     */
    public static CanFrame isoAcknowledgement(int control, int pgn, int source, int destination, String bus,
            long timestampMicros) {
        if (control < 0 || control > 0xFF) {
            throw new IllegalArgumentException("control " + control + " is outside 0..255");
        }
        checkPgn(pgn);
        byte[] data = {(byte) control, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) pgn,
            (byte) (pgn >>> 8), (byte) (pgn >>> 16)};
        return frame(ISO_ACKNOWLEDGEMENT, source, destination, data, bus, timestampMicros);
    }

    /** The control byte of an ISO Acknowledgement. */
    public static int acknowledgementControl(CanFrame acknowledgement) throws MalformedFrameException {
        requireAcknowledgement(acknowledgement);
        return acknowledgement.u8(0);
    }

    /** The PGN an ISO Acknowledgement answers (bytes 5–7). */
    public static int acknowledgedPgn(CanFrame acknowledgement) throws MalformedFrameException {
        requireAcknowledgement(acknowledgement);
        return acknowledgement.u8(5) | acknowledgement.u8(6) << 8 | acknowledgement.u8(7) << 16;
    }

    private static void requireAcknowledgement(CanFrame frame) throws MalformedFrameException {
        if (pgnOf(frame) != ISO_ACKNOWLEDGEMENT) {
            throw new MalformedFrameException("0x" + frame.idHex() + " is not an ISO Acknowledgement (PGN 59392)");
        }
        FrameFields.requireLength(frame, 8, "PGN 59392 iso_acknowledgement");
    }

    /**
     * The PGN of any 29-bit data frame (PDU1: the destination byte removed), or -1 for an 11-bit,
     * remote, error or CAN FD frame (NMEA 2000 and J1939 are classic CAN).
     */
    public static int pgnOf(CanFrame frame) {
        return pgnOf((FrameView) frame);
    }

    /** {@link #pgnOf(CanFrame)} of a view (a frame a reader fills again per line). */
    public static int pgnOf(FrameView frame) {
        if (!frame.extended() || frame.remote() || frame.error() || frame.fd()) {
            return -1;
        }
        // as J1939Id.pgn(), without an object per frame: every frame of a bus passes here
        int id = frame.id();
        int pgn = id >>> 8 & 0x3FFFF;
        return (id >>> 16 & 0xFF) < 240 ? pgn & 0x3FF00 : pgn;
    }

    /** The destination of a PDU1 frame, 255 for PDU2 (and -1 for a frame {@link #pgnOf} rejects). */
    public static int destinationOf(CanFrame frame) {
        return destinationOf((FrameView) frame);
    }

    /** {@link #destinationOf(CanFrame)} of a view. */
    public static int destinationOf(FrameView frame) {
        if (pgnOf(frame) < 0) {
            return -1;
        }
        return (frame.id() >>> 16 & 0xFF) < 240 ? frame.id() >>> 8 & 0xFF : J1939Id.BROADCAST;
    }

    /** The source address of a 29-bit frame. */
    public static int sourceOf(CanFrame frame) {
        return frame.id() & 0xFF;
    }

    /** {@link #sourceOf(CanFrame)} of a view. */
    public static int sourceOf(FrameView frame) {
        return frame.id() & 0xFF;
    }

    private static CanFrame frame(int pgn, int source, int destination, byte[] data, String bus, long timestampMicros) {
        if (source < 0 || source > 0xFF) {
            throw new IllegalArgumentException("source " + source + " is outside 0..255");
        }
        if (destination < 0 || destination > 0xFF) {
            throw new IllegalArgumentException("destination " + destination + " is outside 0..255");
        }
        int id = J1939Id.of(PRIORITY, pgn, source, destination).canId();
        return CanFrame.wrap(timestampMicros, bus, id, true, data);
    }

    private static void checkPgn(int pgn) {
        if (pgn < 0 || pgn > 0x3FFFF) {
            throw new IllegalArgumentException("PGN " + pgn + " is outside 0..262143");
        }
    }
}
