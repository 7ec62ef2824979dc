/*
 * The shared stub bus (org.bmsworkbench.can.testing, stub/stub_bus.h) offered to the Java fake
 * candleLight of GsUsbAdapterIT (StubBusCandleLight), which lives in a test fragment of the gsusb
 * bundle inside the real bin/bmswb: the fake speaks gs_usb on the USB side, this is its CAN side.
 * Frames are passed as id, flags (STUB_FLAG_*), length and 64 data bytes. Nothing here comes from a
 * vendor; it is test code only.
 */
#include <string.h>
#include "stub_bus.h"

#define EXPORT __attribute__((visibility("default")))

EXPORT int gsusb_stub_open(int ch) { return stub_bus_open(ch); }

EXPORT void gsusb_stub_close(int ch) { stub_bus_close(ch); }

/* 1 while the adapter is unplugged (STUB_UNPLUG_FILE exists, or stub_set_unplugged). */
EXPORT int gsusb_stub_unplugged(void) { return stub_bus_unplugged(); }

/* The next frame of channel ch within timeout_ms: its length, -1 when none came. */
EXPORT int gsusb_stub_pop(int ch, int timeout_ms, unsigned int *id, unsigned int *flags, unsigned char *data) {
    stub_frame f;
    if (!stub_bus_pop(ch, &f, timeout_ms)) {
        return -1;
    }
    *id = f.id;
    *flags = f.flags;
    memcpy(data, f.data, f.len > 64 ? 64 : f.len);
    return f.len;
}

/* A frame the host sent on channel ch: answered when it is a VREG or ISO request. */
EXPORT void gsusb_stub_write(int ch, unsigned int id, unsigned int flags, int len, const unsigned char *data) {
    stub_frame f;
    memset(&f, 0, sizeof f);
    f.id = id;
    f.flags = flags;
    f.len = (unsigned char) (len > 64 ? 64 : len);
    memcpy(f.data, data, f.len);
    f.time_us = stub_bus_now_us();
    stub_bus_write(ch, &f);
}
