package org.bmsworkbench.can;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One CAN frame, immutable: classic CAN 2.0 or CAN FD.
 *
 * <p>The identifier is 11-bit ({@code extended == false}, 0..0x7FF) or 29-bit (0..0x1FFFFFFF).
 * A classic data frame carries {@code dlc} bytes (0..8); a remote frame carries a DLC but no
 * data. An error frame carries the error class in its identifier and data, as SocketCAN
 * reports it. A CAN FD frame ({@link #fd()}) carries 0..8, 12, 16, 20, 24, 32, 48 or 64 bytes,
 * its {@link #dlc()} is that length, and it has the flags bit rate switch ({@link #brs()}) and
 * error state indicator ({@link #esi()}); it is never a remote frame.
 * The timestamp is microseconds since the Unix epoch, UTC, as the log or adapter gave it
 * ({@link #NO_TIMESTAMP} when the source had none).
 *
 * <p>A byte-stream link (a serial line to a JBD or Daly BMS) carries no CAN frames: its
 * connection carries {@linkplain #chunk() chunks}, the bytes as they were read or written in
 * one go, 1..{@value #MAX_CHUNK_LENGTH} of them, with the port as their bus. A chunk has id 0,
 * is not extended, FD, remote or an error frame, and its {@link #dlc()} is its length. Protocol
 * frames may span chunks or share one; finding them is the protocol session's work. Code that
 * handles CAN frames only (CAN log writers, CAN protocols, CAN adapters) ignores or refuses
 * chunks: {@link #chunk()} tells them apart.
 */
public final class CanFrame implements FrameView {
    /** Marks a frame whose source gave no time. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;
    public static final int MAX_STANDARD_ID = 0x7FF;
    public static final int MAX_EXTENDED_ID = 0x1FFF_FFFF;
    /** The most data bytes a CAN FD frame carries. */
    public static final int MAX_FD_LENGTH = 64;
    /** The most bytes one {@linkplain #chunk() chunk} of a byte stream carries. */
    public static final int MAX_CHUNK_LENGTH = 4096;
    private static final byte[] EMPTY = new byte[0];
    /** The data lengths of CAN FD DLC codes 9..15. */
    private static final int[] FD_LENGTHS = {12, 16, 20, 24, 32, 48, 64};
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final long timestampMicros;
    private final String bus;
    private final int id;
    private final boolean extended;
    private final boolean remote;
    private final boolean error;
    private final int dlc;
    private final byte[] data;
    private final Direction direction;
    /** Bit 0 FD, bit 1 BRS, bit 2 ESI. */
    private final byte fdFlags;

    private static final int FD = 1;
    private static final int BRS = 2;
    private static final int ESI = 4;
    private static final int CHUNK = 8;

    private CanFrame(long timestampMicros, String bus, int id, boolean extended, boolean remote,
            boolean error, int dlc, byte[] data, Direction direction) {
        this(timestampMicros, bus, id, extended, remote, error, dlc, data, direction, 0);
    }

    private CanFrame(long timestampMicros, String bus, int id, boolean extended, boolean remote,
            boolean error, int dlc, byte[] data, Direction direction, int fdFlags) {
        if (extended ? (id < 0 || id > MAX_EXTENDED_ID) : (id < 0 || id > MAX_STANDARD_ID)) {
            throw new IllegalArgumentException(String.format("CAN id 0x%X does not fit a %s identifier",
                    id, extended ? "29-bit" : "11-bit"));
        }
        if ((fdFlags & CHUNK) != 0) {
            if (dlc < 1 || dlc > MAX_CHUNK_LENGTH) {
                throw new IllegalArgumentException("a chunk of " + dlc + " bytes is outside 1.." + MAX_CHUNK_LENGTH);
            }
        } else if ((fdFlags & FD) != 0) {
            if (remote) {
                throw new IllegalArgumentException("a CAN FD frame cannot be a remote frame");
            }
            if (!isFdLength(dlc)) {
                throw new IllegalArgumentException("CAN FD length " + dlc
                        + " is not one of 0..8, 12, 16, 20, 24, 32, 48, 64");
            }
        } else if (dlc < 0 || dlc > 8) {
            throw new IllegalArgumentException("DLC " + dlc + " is outside 0..8");
        }
        if (!remote && data.length != dlc) {
            throw new IllegalArgumentException("DLC " + dlc + " but " + data.length
                    + (data.length == 1 ? " data byte" : " data bytes"));
        }
        this.timestampMicros = timestampMicros;
        this.bus = Objects.requireNonNull(bus, "bus");
        this.id = id;
        this.extended = extended;
        this.remote = remote;
        this.error = error;
        this.dlc = dlc;
        this.data = remote ? EMPTY : data;
        this.direction = Objects.requireNonNull(direction, "direction");
        this.fdFlags = (byte) fdFlags;
    }

    /** Whether {@code length} is a length a CAN FD frame can carry: 0..8, 12, 16, 20, 24, 32, 48, 64. */
    public static boolean isFdLength(int length) {
        return length >= 0 && length <= 8 || length == 12 || length == 16 || length == 20 || length == 24
                || length == 32 || length == 48 || length == 64;
    }

    /** The data length of a CAN FD DLC code 0..15 (9 → 12, … 15 → 64). */
    public static int fdLengthOf(int dlcCode) {
        if (dlcCode < 0 || dlcCode > 15) {
            throw new IllegalArgumentException("DLC code " + dlcCode + " is outside 0..15");
        }
        return dlcCode <= 8 ? dlcCode : FD_LENGTHS[dlcCode - 9];
    }

    /** The DLC code 0..15 of a CAN FD data length (12 → 9, … 64 → 15). */
    public static int fdDlcCodeOf(int length) {
        if (!isFdLength(length)) {
            throw new IllegalArgumentException("CAN FD length " + length + " is not one of 0..8, 12, 16, 20, 24, 32, 48, 64");
        }
        return switch (length) {
            case 12 -> 9;
            case 16 -> 10;
            case 20 -> 11;
            case 24 -> 12;
            case 32 -> 13;
            case 48 -> 14;
            case 64 -> 15;
            default -> length;
        };
    }

    /** A received data frame; {@code data} is copied. */
    public static CanFrame of(long timestampMicros, String bus, int id, boolean extended, byte... data) {
        return new CanFrame(timestampMicros, bus, id, extended, false, false, data.length, data.clone(), Direction.RX);
    }

    /** A received data frame whose array the caller hands over and will not touch again (no copy). */
    public static CanFrame wrap(long timestampMicros, String bus, int id, boolean extended, byte[] data) {
        return new CanFrame(timestampMicros, bus, id, extended, false, false, data.length, data, Direction.RX);
    }

    /**
     * A received CAN FD data frame; {@code data} is copied.
     *
     * @param brs bit rate switch: the data phase ran at the higher bit rate
     * @param esi error state indicator: the sender was error passive
     * @throws IllegalArgumentException when the length is not a CAN FD length
     */
    public static CanFrame fd(long timestampMicros, String bus, int id, boolean extended, boolean brs, boolean esi,
            byte... data) {
        return wrapFd(timestampMicros, bus, id, extended, brs, esi, data.clone());
    }

    /** {@link #fd} without copying {@code data}: the caller hands the array over. */
    public static CanFrame wrapFd(long timestampMicros, String bus, int id, boolean extended, boolean brs, boolean esi,
            byte[] data) {
        return new CanFrame(timestampMicros, bus, id, extended, false, false, data.length, data, Direction.RX,
                FD | (brs ? BRS : 0) | (esi ? ESI : 0));
    }

    /**
     * A chunk of a byte stream: {@code bytes} as read from ({@link Direction#RX}) or written to
     * ({@link Direction#TX}) the serial port named {@code port} in one go; {@code bytes} is copied.
     *
     * @throws IllegalArgumentException when there are no bytes or more than {@value #MAX_CHUNK_LENGTH}
     */
    public static CanFrame chunk(long timestampMicros, String port, Direction direction, byte... bytes) {
        return new CanFrame(timestampMicros, port, 0, false, false, false, bytes.length, bytes.clone(), direction,
                CHUNK);
    }

    /** A remote (RTR) frame asking for {@code dlc} bytes. */
    public static CanFrame remote(long timestampMicros, String bus, int id, boolean extended, int dlc) {
        return new CanFrame(timestampMicros, bus, id, extended, true, false, dlc, EMPTY, Direction.RX);
    }

    /** An error frame as SocketCAN reports it (error class in the id, details in the data). */
    public static CanFrame error(long timestampMicros, String bus, int errorClass, byte... data) {
        return new CanFrame(timestampMicros, bus, errorClass & MAX_EXTENDED_ID, true, false, true, data.length,
                data.clone(), Direction.RX);
    }

    public CanFrame withTimestamp(long micros) {
        return new CanFrame(micros, bus, id, extended, remote, error, dlc, data, direction, fdFlags);
    }

    public CanFrame withBus(String newBus) {
        return new CanFrame(timestampMicros, newBus, id, extended, remote, error, dlc, data, direction, fdFlags);
    }

    public CanFrame withDirection(Direction newDirection) {
        return new CanFrame(timestampMicros, bus, id, extended, remote, error, dlc, data, newDirection, fdFlags);
    }

    @Override
    public long timestampMicros() { return timestampMicros; }
    public boolean hasTimestamp() { return timestampMicros != NO_TIMESTAMP; }
    @Override
    public String bus() { return bus; }
    @Override
    public int id() { return id; }
    @Override
    public boolean extended() { return extended; }
    @Override
    public boolean remote() { return remote; }
    @Override
    public boolean error() { return error; }
    @Override
    public int dlc() { return dlc; }
    @Override
    public Direction direction() { return direction; }

    /** A CAN FD frame (up to 64 data bytes). */
    @Override
    public boolean fd() { return (fdFlags & FD) != 0; }

    /** CAN FD bit rate switch; false for a classic frame. */
    @Override
    public boolean brs() { return (fdFlags & BRS) != 0; }

    /** CAN FD error state indicator; false for a classic frame. */
    @Override
    public boolean esi() { return (fdFlags & ESI) != 0; }

    /** A chunk of a byte stream (a serial line), not a CAN frame: see {@link #chunk(long, String, Direction, byte...)}. */
    @Override
    public boolean chunk() { return (fdFlags & CHUNK) != 0; }

    /** Number of data bytes actually carried (0 for a remote frame). */
    @Override
    public int length() { return data.length; }

    /** Data byte {@code index} as an unsigned value 0..255. */
    @Override
    public int u8(int index) { return data[index] & 0xFF; }

    /** Itself: a frame is immutable. */
    @Override
    public CanFrame toFrame() { return this; }

    /** A copy of the data bytes. */
    public byte[] data() { return data.clone(); }

    /** Copies the data bytes into {@code target} at {@code offset}. */
    @Override
    public void copyData(byte[] target, int offset) { System.arraycopy(data, 0, target, offset, data.length); }

    /** The identifier as written in logs: 3 hex digits for 11-bit, 8 for 29-bit, upper case. */
    public String idHex() {
        return extended ? String.format("%08X", id) : String.format("%03X", id);
    }

    /** The data bytes as contiguous upper-case hex, e.g. {@code C0148500}. */
    public String dataHex() { return HEX.formatHex(data); }

    @Override
    public boolean equals(Object o) {
        return o instanceof CanFrame f && f.timestampMicros == timestampMicros && f.id == id
                && f.extended == extended && f.remote == remote && f.error == error && f.dlc == dlc
                && f.direction == direction && f.fdFlags == fdFlags && f.bus.equals(bus) && Arrays.equals(f.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timestampMicros, bus, id, extended, remote, error, dlc, direction, fdFlags) * 31
                + Arrays.hashCode(data);
    }

    /**
     * candump-like: {@code can0 356#C0148500 (RX)}, a CAN FD frame {@code can0 356##1C0148500 (RX)};
     * a chunk as in a serial trace, {@code ttyUSB0 rx DD03001D (RX)}.
     */
    @Override
    public String toString() {
        if (chunk()) {
            return bus + " " + (direction == Direction.TX ? "tx " : "rx ") + dataHex() + " (" + direction + ")";
        }
        String body = fd() ? "#" + Integer.toHexString((brs() ? 1 : 0) | (esi() ? 2 : 0)).toUpperCase() + dataHex()
                : remote ? "R" + dlc : dataHex();
        return bus + " " + idHex() + "#" + body + (error ? " ERR" : "")
                + " (" + direction + ")";
    }
}
