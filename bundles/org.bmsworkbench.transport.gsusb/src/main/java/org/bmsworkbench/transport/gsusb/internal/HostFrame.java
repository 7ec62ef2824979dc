package org.bmsworkbench.transport.gsusb.internal;

import static org.bmsworkbench.transport.gsusb.internal.GsUsb.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.bmsworkbench.can.CanFrame;

/**
 * One {@code struct gs_host_frame}, the unit of the bulk endpoints: {@code echo_id} (u32),
 * {@code can_id} (u32, with Linux's EFF/RTR/ERR flags), {@code can_dlc}, {@code channel},
 * {@code flags} (FD, BRS, ESI, overflow), a reserved byte, 8 data bytes (64 for CAN FD), and a
 * 32-bit microsecond timestamp when the channel was started with hardware timestamps.
 *
 * @param echoId    our echo id for a frame we sent (and its echo), {@link GsUsb#ECHO_ID_RX} for one received
 * @param canId     the raw {@code can_id} with its flags
 * @param dlc       the DLC code (0..8, for CAN FD 0..15)
 * @param data      the data bytes the DLC covers (a copy)
 * @param timestamp the device's microseconds (32 bits), or -1 when the frame has none
 */
record HostFrame(int echoId, int canId, int dlc, int channel, int flags, byte[] data, long timestamp) {

    boolean fd() {
        return (flags & FLAG_FD) != 0;
    }

    boolean echo() {
        return echoId != ECHO_ID_RX;
    }

    /** The frame to send for {@code frame} on {@code channel} with {@code echoId}. */
    static HostFrame of(CanFrame frame, int channel, int echoId) {
        int id = frame.id() | (frame.extended() ? CAN_EFF_FLAG : 0) | (frame.remote() ? CAN_RTR_FLAG : 0);
        if (frame.fd()) {
            return new HostFrame(echoId, id, CanFrame.fdDlcCodeOf(frame.length()), channel,
                    FLAG_FD | (frame.brs() ? FLAG_BRS : 0) | (frame.esi() ? FLAG_ESI : 0), frame.data(), -1);
        }
        return new HostFrame(echoId, id, frame.remote() ? frame.dlc() : frame.length(), channel, 0,
                frame.remote() ? new byte[0] : frame.data(), -1);
    }

    /** The bytes on the wire: the CAN FD layout for an FD frame or when {@code fdLayout}, a timestamp when there is one. */
    byte[] encode(boolean fdLayout) {
        boolean big = fdLayout || fd();
        ByteBuffer b = ByteBuffer.allocate(frameSize(big, timestamp >= 0)).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(echoId).putInt(canId).put((byte) dlc).put((byte) channel).put((byte) flags).put((byte) 0);
        b.put(data);
        if (timestamp >= 0) {
            b.putInt(12 + (big ? 64 : 8), (int) timestamp);
        }
        return b.array();
    }

    /**
     * The host frame in the first {@code length} bytes of {@code bytes}; a frame with FD in its
     * flags takes the 64-byte layout. {@code timestamps}: the channel runs with hardware timestamps.
     *
     * @throws IllegalArgumentException when the bytes are too short for the frame they announce
     */
    static HostFrame decode(byte[] bytes, int length, boolean timestamps) {
        if (length < 12) {
            throw new IllegalArgumentException("a host frame of " + length + " bytes (at least 12 expected)");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, 0, length).order(ByteOrder.LITTLE_ENDIAN);
        int echoId = b.getInt(0);
        int canId = b.getInt(4);
        int dlc = bytes[8] & 0xFF;
        int channel = bytes[9] & 0xFF;
        int flags = bytes[10] & 0xFF;
        boolean fd = (flags & FLAG_FD) != 0;
        int need = frameSize(fd, timestamps);
        if (length < need) {
            throw new IllegalArgumentException("a " + (fd ? "CAN FD " : "") + "host frame of " + length + " bytes ("
                    + need + " expected)");
        }
        int len;
        if (fd) {
            len = CanFrame.fdLengthOf(dlc & 0x0F);
        } else {
            len = (canId & CAN_RTR_FLAG) != 0 ? 0 : Math.min(8, dlc);
        }
        byte[] data = new byte[len];
        System.arraycopy(bytes, 12, data, 0, len);
        long ts = timestamps ? b.getInt(12 + (fd ? 64 : 8)) & 0xFFFF_FFFFL : -1;
        return new HostFrame(echoId, canId, dlc, channel, flags, data, ts);
    }

    /** The workbench frame at {@code micros} on {@code bus}: data, remote, error (class and details as SocketCAN has them) or CAN FD. */
    CanFrame toCanFrame(long micros, String bus) {
        if ((canId & CAN_ERR_FLAG) != 0) {
            return CanFrame.error(micros, bus, canId & CAN_EFF_MASK, data.length == 8 ? data : java.util.Arrays.copyOf(data, 8));
        }
        boolean extended = (canId & CAN_EFF_FLAG) != 0;
        int id = canId & (extended ? CAN_EFF_MASK : CAN_SFF_MASK);
        if (fd()) {
            return CanFrame.wrapFd(micros, bus, id, extended, (flags & FLAG_BRS) != 0, (flags & FLAG_ESI) != 0, data);
        }
        if ((canId & CAN_RTR_FLAG) != 0) {
            return CanFrame.remote(micros, bus, id, extended, Math.min(8, dlc));
        }
        return CanFrame.wrap(micros, bus, id, extended, data);
    }
}
