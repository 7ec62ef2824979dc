package org.bmsworkbench.transport.gsusb.internal;

import java.util.List;
import java.util.Optional;

/**
 * The gs_usb protocol of candleLight firmware as the Linux driver speaks it
 * ({@code drivers/net/can/usb/gs_usb.c}; candleLight_fw {@code include/gs_usb.h}): vendor
 * requests on endpoint 0 addressed to interface 0, host frames on a bulk IN and a bulk OUT
 * endpoint, all numbers little-endian.
 */
final class GsUsb {
    private GsUsb() {
    }

    /** A USB id pair the Linux driver binds (its {@code gs_usb_table}). */
    record KnownDevice(int vendorId, int productId, String name) {
    }

    /** The ids of Linux's {@code gs_usb_table}, interface 0 of each. */
    static final List<KnownDevice> DEVICES = List.of(
            new KnownDevice(0x1d50, 0x606f, "candleLight / CANable (gs_usb)"),
            new KnownDevice(0x1209, 0x2323, "candleLight (pid.codes)"),
            new KnownDevice(0x1cd2, 0x606f, "CES CANext FD"),
            new KnownDevice(0x16d0, 0x10b8, "ABE CANdebugger FD"),
            new KnownDevice(0x16d0, 0x0f30, "Xylanta SAINT3"));

    static Optional<KnownDevice> known(int vendorId, int productId) {
        return DEVICES.stream().filter(d -> d.vendorId() == vendorId && d.productId() == productId).findFirst();
    }

    /** The interface every gs_usb device carries its CAN channels on. */
    static final int INTERFACE = 0;
    /** The endpoints of candleLight firmware, used when the descriptors name none. */
    static final int ENDPOINT_IN = 0x81;
    static final int ENDPOINT_OUT = 0x02;

    // enum gs_usb_breq
    static final int BREQ_HOST_FORMAT = 0;
    static final int BREQ_BITTIMING = 1;
    static final int BREQ_MODE = 2;
    static final int BREQ_BERR = 3;
    static final int BREQ_BT_CONST = 4;
    static final int BREQ_DEVICE_CONFIG = 5;
    static final int BREQ_TIMESTAMP = 6;
    static final int BREQ_IDENTIFY = 7;
    static final int BREQ_DATA_BITTIMING = 10;
    static final int BREQ_BT_CONST_EXT = 11;

    /** What the host writes with BREQ_HOST_FORMAT: its byte order, as the device reads 0x0000beef. */
    static final int HOST_FORMAT = 0x0000beef;

    // enum gs_can_mode
    static final int MODE_RESET = 0;
    static final int MODE_START = 1;

    // GS_CAN_MODE_* flags and GS_CAN_FEATURE_* bits (the same positions)
    static final int LISTEN_ONLY = 1;
    static final int LOOP_BACK = 1 << 1;
    static final int TRIPLE_SAMPLE = 1 << 2;
    static final int ONE_SHOT = 1 << 3;
    static final int HW_TIMESTAMP = 1 << 4;
    static final int IDENTIFY = 1 << 5;
    static final int USER_ID = 1 << 6;
    static final int PAD_PKTS_TO_MAX_PKT_SIZE = 1 << 7;
    static final int FD = 1 << 8;
    static final int REQ_USB_QUIRK_LPC546XX = 1 << 9;
    static final int BT_CONST_EXT = 1 << 10;
    static final int TERMINATION = 1 << 11;
    static final int BERR_REPORTING = 1 << 12;
    static final int GET_STATE = 1 << 13;

    // gs_host_frame flags
    static final int FLAG_OVERFLOW = 1;
    static final int FLAG_FD = 1 << 1;
    static final int FLAG_BRS = 1 << 2;
    static final int FLAG_ESI = 1 << 3;

    /** The echo id of a frame the device received from the bus (not an echo of ours). */
    static final int ECHO_ID_RX = 0xFFFF_FFFF;
    /** How many of our frames may wait for their echo at once (Linux's GS_MAX_TX_URBS). */
    static final int ECHO_SLOTS = 10;

    // linux/can.h can_id flags
    static final int CAN_EFF_FLAG = 0x8000_0000;
    static final int CAN_RTR_FLAG = 0x4000_0000;
    static final int CAN_ERR_FLAG = 0x2000_0000;
    static final int CAN_EFF_MASK = 0x1FFF_FFFF;
    static final int CAN_SFF_MASK = 0x7FF;

    // linux/can/error.h: classes in can_id, details in data[1]
    static final int CAN_ERR_BUSOFF = 0x40;
    static final int CAN_ERR_CRTL = 0x04;
    static final int CAN_ERR_RESTARTED = 0x100;
    static final int CAN_ERR_CRTL_RX_OVERFLOW = 0x01;
    static final int CAN_ERR_CRTL_TX_OVERFLOW = 0x02;
    static final int CAN_ERR_CRTL_RX_WARNING = 0x04;
    static final int CAN_ERR_CRTL_TX_WARNING = 0x08;
    static final int CAN_ERR_CRTL_RX_PASSIVE = 0x10;
    static final int CAN_ERR_CRTL_TX_PASSIVE = 0x20;
    static final int CAN_ERR_CRTL_ACTIVE = 0x40;

    /** The size of a host frame: header 12, data 8 or 64, timestamp 4 when asked for. */
    static int frameSize(boolean fd, boolean timestamp) {
        return 12 + (fd ? 64 : 8) + (timestamp ? 4 : 0);
    }
}
