package org.bmsworkbench.transport.gsusb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The device's 32-bit microsecond timestamp ({@code timestamp_us} of gs_host_frame; gs_usb.c:
 * "Timestamp 32 bit timer runs at 1 MHz (1 µs tick) ... overflow (will be after ~71 minutes)").
 */
class DeviceClockTest {
    private static final long HOST = 1_700_000_000_000_000L;

    @Test
    void framesKeepTheDevicesSpacingAcrossTheWrap() {
        DeviceClock clock = new DeviceClock();
        assertEquals(HOST, clock.toWallClock(0xFFFF_FF00L, HOST));
        // 0x200 µs later by the device, read 5 ms later by the host (USB and scheduling delay)
        assertEquals(HOST + 0x200, clock.toWallClock(0x0000_0100L, HOST + 5_000));
        assertEquals(HOST + 0x200 + 1_000_000, clock.toWallClock(0x0000_0100L + 1_000_000, HOST + 1_004_000));
    }

    @Test
    void aResetAnchorsAgain() {
        DeviceClock clock = new DeviceClock();
        clock.toWallClock(0xFFFF_FF00L, HOST);
        clock.reset();
        assertEquals(HOST + 9_000_000, clock.toWallClock(0x10, HOST + 9_000_000));
        assertEquals(HOST + 9_000_100, clock.toWallClock(0x10 + 100, HOST + 9_000_900));
    }
}
