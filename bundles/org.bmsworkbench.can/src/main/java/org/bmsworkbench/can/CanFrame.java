package org.bmsworkbench.can;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One classic CAN 2.0 frame, immutable.
 *
 * <p>The identifier is 11-bit ({@code extended == false}, 0..0x7FF) or 29-bit (0..0x1FFFFFFF).
 * A data frame carries {@code dlc} bytes; a remote frame carries a DLC but no data. An error
 * frame carries the error class in its identifier and data, as SocketCAN reports it.
 * The timestamp is microseconds since the Unix epoch, UTC, as the log or adapter gave it
 * ({@link #NO_TIMESTAMP} when the source had none).
 */
public final class CanFrame {
    /** Marks a frame whose source gave no time. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;
    public static final int MAX_STANDARD_ID = 0x7FF;
    public static final int MAX_EXTENDED_ID = 0x1FFF_FFFF;
    private static final byte[] EMPTY = new byte[0];
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

    private CanFrame(long timestampMicros, String bus, int id, boolean extended, boolean remote,
            boolean error, int dlc, byte[] data, Direction direction) {
        if (extended ? (id < 0 || id > MAX_EXTENDED_ID) : (id < 0 || id > MAX_STANDARD_ID)) {
            throw new IllegalArgumentException(String.format("CAN id 0x%X does not fit a %s identifier",
                    id, extended ? "29-bit" : "11-bit"));
        }
        if (dlc < 0 || dlc > 8) {
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
    }

    /** A received data frame; {@code data} is copied. */
    public static CanFrame of(long timestampMicros, String bus, int id, boolean extended, byte... data) {
        return new CanFrame(timestampMicros, bus, id, extended, false, false, data.length, data.clone(), Direction.RX);
    }

    /** A received data frame whose array the caller hands over and will not touch again (no copy). */
    public static CanFrame wrap(long timestampMicros, String bus, int id, boolean extended, byte[] data) {
        return new CanFrame(timestampMicros, bus, id, extended, false, false, data.length, data, Direction.RX);
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
        return new CanFrame(micros, bus, id, extended, remote, error, dlc, data, direction);
    }

    public CanFrame withBus(String newBus) {
        return new CanFrame(timestampMicros, newBus, id, extended, remote, error, dlc, data, direction);
    }

    public CanFrame withDirection(Direction newDirection) {
        return new CanFrame(timestampMicros, bus, id, extended, remote, error, dlc, data, newDirection);
    }

    public long timestampMicros() { return timestampMicros; }
    public boolean hasTimestamp() { return timestampMicros != NO_TIMESTAMP; }
    public String bus() { return bus; }
    public int id() { return id; }
    public boolean extended() { return extended; }
    public boolean remote() { return remote; }
    public boolean error() { return error; }
    public int dlc() { return dlc; }
    public Direction direction() { return direction; }

    /** Number of data bytes actually carried (0 for a remote frame). */
    public int length() { return data.length; }

    /** Data byte {@code index} as an unsigned value 0..255. */
    public int u8(int index) { return data[index] & 0xFF; }

    /** A copy of the data bytes. */
    public byte[] data() { return data.clone(); }

    /** Copies the data bytes into {@code target} at {@code offset}. */
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
                && f.direction == direction && f.bus.equals(bus) && Arrays.equals(f.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timestampMicros, bus, id, extended, remote, error, dlc, direction) * 31 + Arrays.hashCode(data);
    }

    /** candump-like: {@code can0 356#C0148500 (RX)}. */
    @Override
    public String toString() {
        return bus + " " + idHex() + "#" + (remote ? "R" + dlc : dataHex()) + (error ? " ERR" : "")
                + " (" + direction + ")";
    }
}
