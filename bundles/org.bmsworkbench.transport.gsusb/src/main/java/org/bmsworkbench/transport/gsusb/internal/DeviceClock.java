package org.bmsworkbench.transport.gsusb.internal;

import org.bmsworkbench.can.spi.AdapterTime;

/**
 * A gs_usb device's 32-bit microsecond timestamps as wall-clock microseconds: unwrapped (the
 * counter wraps every 2³² µs, 71.6 minutes; Linux's gs_usb.c keeps the overflow the same way) and
 * anchored to the host's clock by {@link AdapterTime}, so that frames keep the device's spacing
 * also across the wrap. Reader thread only.
 */
final class DeviceClock {
    private final AdapterTime anchor = new AdapterTime();
    private long last = -1;
    private long high;

    /** Wall-clock microseconds of device time {@code raw} (0..2³²-1) read at host time {@code hostMicros}. */
    long toWallClock(long raw, long hostMicros) {
        if (last >= 0 && raw < last && last - raw > 0x8000_0000L) {
            high += 0x1_0000_0000L;
        }
        last = raw;
        return anchor.toWallClock(high + raw, hostMicros);
    }

    /** The device was started again: its clock starts anew, the next frame anchors again. */
    void reset() {
        last = -1;
        high = 0;
        anchor.reset();
    }
}
