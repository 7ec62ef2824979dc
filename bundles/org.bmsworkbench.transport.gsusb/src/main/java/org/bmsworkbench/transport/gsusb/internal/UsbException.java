package org.bmsworkbench.transport.gsusb.internal;

import java.io.IOException;

/** A failed USB operation, with what kind of failure it was (libusb's error codes, grouped). */
final class UsbException extends IOException {
    private static final long serialVersionUID = 1L;

    enum Kind {
        /** The device is gone (unplugged): LIBUSB_ERROR_NO_DEVICE. */
        NO_DEVICE,
        /** No permission to open it: LIBUSB_ERROR_ACCESS. */
        ACCESS,
        /** Another program or a kernel driver holds the interface: LIBUSB_ERROR_BUSY. */
        BUSY,
        /** LIBUSB_ERROR_NOT_FOUND, NOT_SUPPORTED: nothing there to talk to (no driver on Windows). */
        NOT_FOUND,
        /** LIBUSB_ERROR_PIPE: the device refused the request (a stall). */
        STALL,
        /** LIBUSB_ERROR_TIMEOUT. */
        TIMEOUT,
        /** Anything else (LIBUSB_ERROR_IO, OVERFLOW, ...). */
        OTHER
    }

    private final Kind kind;

    UsbException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    /** Whether the device went away, as an I/O error on a transfer also says after an unplug. */
    boolean gone() {
        return kind == Kind.NO_DEVICE || kind == Kind.OTHER;
    }
}
