package org.bmsworkbench.transport.socketcan.internal;

import java.time.Instant;
import org.bmsworkbench.can.CanFrame;

/** Between the workbench's {@link CanFrame} and JavaCAN's: classic CAN and CAN FD. */
final class FrameConversion {
    /** The RTR flag of a SocketCAN {@code can_id}; JavaCAN's raw id carries it. */
    static final int CAN_RTR_FLAG = 0x4000_0000;

    private FrameConversion() {
    }

    /** A JavaCAN frame to send: standard or extended id, the data, or the RTR flag and DLC for a remote frame. */
    static tel.schich.javacan.CanFrame toJavacan(CanFrame frame) {
        if (frame.error()) {
            throw new IllegalArgumentException("an error frame cannot be sent (" + frame + ")");
        }
        if (frame.remote()) {
            int id = frame.id() | CAN_RTR_FLAG | (frame.extended() ? 0x8000_0000 : 0);
            // a remote frame carries a DLC but no data: the kernel takes can_dlc as the requested length
            return tel.schich.javacan.CanFrame.createRaw(id, (byte) 0, new byte[frame.dlc()], 0, frame.dlc());
        }
        byte[] data = frame.data();
        byte flags = frame.fd() ? (byte) (tel.schich.javacan.CanFrame.FD_FLAG_FD_FRAME
                | (frame.brs() ? tel.schich.javacan.CanFrame.FD_FLAG_BIT_RATE_SWITCH : 0)
                | (frame.esi() ? tel.schich.javacan.CanFrame.FD_FLAG_ERROR_STATE_INDICATOR : 0)) : 0;
        return frame.extended()
                ? tel.schich.javacan.CanFrame.createExtended(frame.id(), flags, data)
                : tel.schich.javacan.CanFrame.create(frame.id(), flags, data);
    }

    /**
     * A received JavaCAN frame on {@code bus} at {@code time} (the kernel's timestamp, or null for
     * "now"); a CAN FD frame keeps its bit rate switch and error state indicator flags. Null for a
     * frame no CAN frame can be (a CAN FD length that is none, more than 8 bytes in a classic frame).
     */
    static CanFrame fromJavacan(tel.schich.javacan.CanFrame frame, String bus, Instant time) {
        long micros = time != null ? time.getEpochSecond() * 1_000_000 + time.getNano() / 1000
                : System.currentTimeMillis() * 1000;
        byte[] data = new byte[frame.getDataLength()];
        frame.getData(data, 0, data.length);
        if (frame.isFDFrame()) {
            if (!CanFrame.isFdLength(data.length) || frame.isError() || frame.isRemoteTransmissionRequest()) {
                return null;
            }
            int flags = frame.getFlags();
            return CanFrame.wrapFd(micros, bus, frame.getId(), frame.isExtended(),
                    (flags & tel.schich.javacan.CanFrame.FD_FLAG_BIT_RATE_SWITCH) != 0,
                    (flags & tel.schich.javacan.CanFrame.FD_FLAG_ERROR_STATE_INDICATOR) != 0, data);
        }
        if (data.length > 8) {
            return null;
        }
        if (frame.isError()) {
            return CanFrame.error(micros, bus, frame.getId(), data);
        }
        if (frame.isRemoteTransmissionRequest()) {
            return CanFrame.remote(micros, bus, frame.getId(), frame.isExtended(), data.length);
        }
        return CanFrame.wrap(micros, bus, frame.getId(), frame.isExtended(), data);
    }
}
