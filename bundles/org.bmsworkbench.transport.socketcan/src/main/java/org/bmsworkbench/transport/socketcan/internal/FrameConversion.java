package org.bmsworkbench.transport.socketcan.internal;

import java.time.Instant;
import org.bmsworkbench.can.CanFrame;

/** Between the workbench's {@link CanFrame} and JavaCAN's. Classic CAN only (no CAN FD). */
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
        return frame.extended()
                ? tel.schich.javacan.CanFrame.createExtended(frame.id(), (byte) 0, data)
                : tel.schich.javacan.CanFrame.create(frame.id(), (byte) 0, data);
    }

    /**
     * A received JavaCAN frame on {@code bus} at {@code time} (the kernel's timestamp, or null for
     * "now"); null for a CAN FD frame, which the workbench does not model.
     */
    static CanFrame fromJavacan(tel.schich.javacan.CanFrame frame, String bus, Instant time) {
        long micros = time != null ? time.getEpochSecond() * 1_000_000 + time.getNano() / 1000
                : System.currentTimeMillis() * 1000;
        if (frame.isFDFrame() || frame.getDataLength() > 8) {
            return null;
        }
        byte[] data = new byte[frame.getDataLength()];
        frame.getData(data, 0, data.length);
        if (frame.isError()) {
            return CanFrame.error(micros, bus, frame.getId(), data);
        }
        if (frame.isRemoteTransmissionRequest()) {
            return CanFrame.remote(micros, bus, frame.getId(), frame.isExtended(), data.length);
        }
        return CanFrame.wrap(micros, bus, frame.getId(), frame.isExtended(), data);
    }
}
