package org.bmsworkbench.transport.gsusb.internal;

import static org.bmsworkbench.can.testing.RecordingListener.await;
import static org.bmsworkbench.transport.gsusb.internal.GsUsb.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.DiscoveredAdapter;
import org.bmsworkbench.can.testing.RecordingListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code gsusb:} transport against {@link FakeCandleLight}, a candleLight at the level of USB
 * transfers. The frames are those of an MG Master LV on SMA (guide 1.5.1: 0x356 pack voltage
 * 53.12 V, current -12.3 A, temperature 21.5 °C). No real adapter or USB device is involved.
 */
class GsUsbChannelTest {
    private static final GsUsbTransport.Timing FAST = new GsUsbTransport.Timing(30, 60, 300);
    private static final byte[] SMA_356 = {(byte) 0xC0, 0x14, (byte) 0x85, (byte) 0xFF, (byte) 0xD7, 0x00};
    private FakeCandleLight device = FakeCandleLight.candleLight();
    private GsUsbTransport transport = new GsUsbTransport(new UsbAccess(() -> device), FAST);
    private CanChannel channel;

    @AfterEach
    void close() {
        if (channel != null) {
            channel.close();
        }
    }

    private CanChannel open(String uri, RecordingListener l) throws IOException {
        channel = transport.open(ConnectionUri.parse(uri), l);
        return channel;
    }

    @Test
    void theChannelIsSetUpAsLinuxDoesItAndReceivesFramesWithTheDevicesTime() throws Exception {
        RecordingListener l = new RecordingListener();
        open("gsusb:0", l);
        // gs_usb.c: host format, device config, bt_const, then bit timing and mode start on ip link up
        assertEquals(List.of("HOST_FORMAT beef", "DEVICE_CONFIG 1", "BT_CONST 0", "MODE 0 reset 0x0",
                "BITTIMING 0 6 7 2 1 6", "MODE 0 start 0x10"), device.requests);
        assertEquals("CONNECTED: gsusb0 at 500 kbit/s (sample point 87.5 %, tq 125 ns, prop-seg 6 phase-seg1 7"
                + " phase-seg2 2 sjw 1 brp 6)", l.states.get(0));
        long before = System.currentTimeMillis() * 1000;
        device.receive(CanFrame.of(0, "x", 0x356, false, SMA_356));
        device.receive(CanFrame.of(0, "x", 0x18EF5000, true, new byte[] {1, 2, 3}));
        device.receive(CanFrame.remote(0, "x", 0x123, false, 2));
        await(() -> l.frames.size() == 3, "three frames");
        CanFrame first = l.frames.get(0);
        assertEquals("gsusb0", first.bus());
        assertEquals("C01485FFD700", first.dataHex());
        assertTrue(Math.abs(first.timestampMicros() - before) < 2_000_000, first::toString);
        assertTrue(l.frames.get(1).extended() && l.frames.get(1).id() == 0x18EF5000);
        assertTrue(l.frames.get(2).remote() && l.frames.get(2).dlc() == 2);
        long spacing = l.frames.get(1).timestampMicros() - first.timestampMicros();
        assertTrue(spacing >= 0 && spacing < 1_000_000, "the device's clock keeps the spacing: " + spacing);
    }

    @Test
    void sentFramesGoOutWithEchoIdsThatTheirEchoesFree() throws Exception {
        RecordingListener l = new RecordingListener();
        CanChannel c = open("gsusb:0038002A4E50?bitrate=250000", l);
        assertTrue(device.requests.contains("BITTIMING 0 6 7 2 1 12"), device.requests::toString);
        for (int i = 0; i < 25; i++) { // more than the ten echo slots: a send waits for a slot an echo frees
            c.send(CanFrame.of(0, "x", 0x0EF00 + i, true, new byte[] {0x01, 0x0F, (byte) 0xFF}));
        }
        assertEquals(25, device.written.size());
        assertEquals(0, device.written.get(0).echoId());
        assertEquals(0x8000_0000 | 0xEF00, device.written.get(0).canId());
        Thread.sleep(400); // longer than the echo time-out: every echo came, nothing is reported
        assertTrue(l.frames.isEmpty(), "an echo is not a received frame: " + l.frames);
        assertTrue(l.errors.isEmpty(), l.errors::toString);
    }

    @Test
    void withoutAcknowledgementTheTenSlotsFillAndTheLateEchoesAreReportedOnce() throws Exception {
        device.acknowledged = false;
        RecordingListener l = new RecordingListener();
        CanChannel c = open("gsusb:0", l);
        CanFrame f = CanFrame.of(0, "x", 0x10, false, (byte) 1);
        for (int i = 0; i < ECHO_SLOTS; i++) {
            c.send(f); // written; the device keeps retrying it on a bus nobody acknowledges
        }
        IOException full = assertThrows(IOException.class, () -> c.send(f));
        assertTrue(full.getMessage().startsWith("gsusb gsusb0: 10 frames still wait for the adapter's echo: nobody"
                + " acknowledges them on the bus"), full.getMessage());
        assertEquals(ECHO_SLOTS, device.written.size());
        await(() -> !l.errors.isEmpty(), "the late echoes reported");
        Thread.sleep(300);
        // Reported once. Usually all ten were written before the first was 300 ms late; a test thread
        // stalled by a loaded machine between two sends leaves fewer in that one report.
        assertEquals(1, l.errors.size(), l.errors::toString);
        assertTrue(l.errors.get(0).matches("gsusb0: the adapter has not echoed ([1-9]|10) frames? within 300 ms: nobody"
                + " acknowledges them on the bus \\(is the bus connected, the bit rate right, another node powered\\?\\)"),
                l.errors.get(0));
    }

    @Test
    void listenOnlySetsTheModeFlagAndNeverWrites() throws Exception {
        CanChannel c = open("gsusb:0?mode=listen-only", new RecordingListener());
        assertEquals(LISTEN_ONLY | HW_TIMESTAMP, device.modeFlags());
        IOException e = assertThrows(IOException.class, () -> c.send(CanFrame.of(0, "x", 0x10, false, (byte) 1)));
        assertTrue(e.getMessage().startsWith("gsusb gsusb0 is listen-only (mode=listen-only)"), e.getMessage());
        assertTrue(device.written.isEmpty());
    }

    @Test
    void canFdWithTheDataPhaseTimingFromBtConstExt() throws Exception {
        BitTimingConstants g4 = new BitTimingConstants(80_000_000, 1, 256, 1, 128, 128, 1, 512, 1);
        BitTimingConstants g4Data = new BitTimingConstants(80_000_000, 1, 32, 1, 16, 16, 1, 32, 1);
        device = new FakeCandleLight("FD01", 1, LISTEN_ONLY | LOOP_BACK | HW_TIMESTAMP | FD | BT_CONST_EXT, g4, g4Data);
        transport = new GsUsbTransport(new UsbAccess(() -> device), FAST);
        RecordingListener l = new RecordingListener();
        CanChannel c = open("gsusb:0?bitrate=500000&dbitrate=2000000", l);
        assertEquals(List.of("HOST_FORMAT beef", "DEVICE_CONFIG 1", "BT_CONST 0", "BT_CONST_EXT 0", "MODE 0 reset 0x0",
                "BITTIMING 0 69 70 20 10 1", "DATA_BITTIMING 0 14 15 10 5 1", "MODE 0 start 0x110"), device.requests);
        byte[] payload = new byte[64];
        payload[63] = 0x5A;
        device.receive(CanFrame.fd(0, "x", 0x123, false, true, false, payload));
        device.receive(CanFrame.of(0, "x", 0x356, false, SMA_356)); // a classic frame on an FD channel
        await(() -> l.frames.size() == 2, "an FD and a classic frame");
        CanFrame fd = l.frames.get(0);
        assertTrue(fd.fd() && fd.brs() && !fd.esi() && fd.length() == 64 && fd.u8(63) == 0x5A, fd::toString);
        assertFalse(l.frames.get(1).fd());
        c.send(CanFrame.fd(0, "x", 0x321, false, true, false, new byte[20]));
        HostFrame out = device.written.get(0);
        assertEquals(FLAG_FD | FLAG_BRS, out.flags());
        assertEquals(11, out.dlc()); // 20 bytes: DLC code 11
    }

    @Test
    void whatTheDeviceCannotDoIsRefusedInOneLine() {
        IOException fd = assertThrows(IOException.class, () -> open("gsusb:0?dbitrate=2M", new RecordingListener()));
        assertEquals("gs_usb device 0 does not offer CAN FD (its firmware reports no GS_CAN_FEATURE_FD); leave out"
                + " dbitrate= for classic CAN", fd.getMessage());
        IOException ch = assertThrows(IOException.class, () -> open("gsusb:0?channel=1", new RecordingListener()));
        assertEquals("gs_usb device 0 has 1 CAN channel; there is no channel=1", ch.getMessage());
        IOException none = assertThrows(IOException.class, () -> open("gsusb:1", new RecordingListener()));
        assertEquals("no gs_usb device 1 is attached (1 is; 'bmswb adapters' lists them)", none.getMessage());
        IOException serial = assertThrows(IOException.class, () -> open("gsusb:FFFF", new RecordingListener()));
        assertTrue(serial.getMessage().startsWith("no gs_usb device with serial number FFFF is attached"));
        IOException sendFd = assertThrows(IOException.class, () -> open("gsusb:0", new RecordingListener())
                .send(CanFrame.fd(0, "x", 1, false, false, false, new byte[12])));
        assertTrue(sendFd.getMessage().contains("a CAN FD frame needs the channel opened with dbitrate="), sendFd.getMessage());
        assertEquals(0, device.openLinks.get() - (channel == null ? 0 : 1), "failed opens release the device");
    }

    @Test
    void withNoDeviceAttachedOpenSaysSo() {
        device.unplug();
        IOException e = assertThrows(IOException.class, () -> open("gsusb:0", new RecordingListener()));
        assertEquals("no gs_usb device 0 is attached (none is: is a candleLight/CANable with gs_usb firmware plugged"
                + " in?)", e.getMessage());
    }

    @Test
    void errorFramesArePassedOnAndTheControllerStateReportedOnceEachChange() throws Exception {
        RecordingListener l = new RecordingListener();
        open("gsusb:0", l);
        device.error(CAN_ERR_CRTL, (byte) 0, (byte) CAN_ERR_CRTL_TX_WARNING);
        device.error(CAN_ERR_CRTL, (byte) 0, (byte) CAN_ERR_CRTL_TX_WARNING);
        device.error(CAN_ERR_CRTL, (byte) 0, (byte) CAN_ERR_CRTL_TX_PASSIVE);
        device.error(CAN_ERR_BUSOFF);
        device.error(CAN_ERR_RESTARTED);
        await(() -> l.frames.size() == 5, "five error frames");
        assertTrue(l.frames.stream().allMatch(CanFrame::error));
        assertEquals(CAN_ERR_BUSOFF, l.frames.get(3).id());
        assertEquals(List.of("gsusb0: the CAN controller is error warning", "gsusb0: the CAN controller is error passive",
                "gsusb0: the CAN controller is bus off (too many errors: is the bit rate right and the bus terminated?)",
                "gsusb0: the CAN controller is error active"), l.errors);
    }

    @Test
    void anUnplugReconnectsAfterABackOffAndFramesFlowAgain() throws Exception {
        RecordingListener l = new RecordingListener();
        CanChannel c = open("gsusb:0", l);
        device.unplug();
        await(() -> l.lastState() == ConnectionState.RECONNECTING, "RECONNECTING");
        assertTrue(l.states.get(1).startsWith("RECONNECTING: gsusb0 gone (unplugged: LIBUSB_ERROR_NO_DEVICE"),
                l.states::toString);
        assertTrue(l.states.get(1).endsWith("retrying in 30 ms"), l.states::toString);
        IOException e = assertThrows(IOException.class, () -> c.send(CanFrame.of(0, "x", 1, false)));
        assertTrue(e.getMessage().contains("adapter gone (reconnecting)"), e.getMessage());
        await(() -> l.count("RECONNECTING:") >= 2, "a second try");
        assertTrue(l.states.get(2).startsWith("RECONNECTING: gsusb0 still gone (no gs_usb device with serial number"
                + " 0038002A4E50 is attached"), l.states::toString);
        device.replug();
        await(() -> l.lastState() == ConnectionState.CONNECTED, "CONNECTED");
        assertEquals("CONNECTED: gsusb0 is back (500 kbit/s)", l.states.get(l.states.size() - 1));
        assertTrue(device.started());
        device.receive(CanFrame.of(0, "x", 0x356, false, SMA_356));
        await(() -> l.hasFrame(0x356, "C01485FFD700"), "a frame after the replug");
        c.send(CanFrame.of(0, "x", 0x10, false, (byte) 1));
    }

    @Test
    void aHundredUnplugCyclesLeaveThreadsAndHandlesAsTheyWere() throws Exception {
        RecordingListener l = new RecordingListener();
        open("gsusb:0", l);
        int threads = Thread.activeCount();
        for (int i = 1; i <= 100; i++) {
            int n = i;
            device.unplug();
            await(() -> l.count("RECONNECTING:") >= n, "RECONNECTING " + n);
            device.replug();
            await(() -> l.count("CONNECTED:") >= n + 1, "CONNECTED " + n);
        }
        assertEquals(1, device.openLinks.get(), "one link open, the others released");
        assertEquals(threads, Thread.activeCount(), "threads");
        assertEquals(1, transport.openChannels());
    }

    @Test
    void closeStopsTheChannelOnTheDeviceAndReleasesIt() throws Exception {
        RecordingListener l = new RecordingListener();
        GsUsbChannel c = (GsUsbChannel) open("gsusb:0", l);
        c.close();
        assertFalse(c.reader().isAlive());
        assertEquals("MODE 0 reset 0x0", device.requests.get(device.requests.size() - 1));
        assertFalse(device.started());
        assertEquals(0, device.openLinks.get());
        assertEquals(0, transport.openChannels());
        IOException e = assertThrows(IOException.class, () -> c.send(CanFrame.of(0, "x", 1, false)));
        assertTrue(e.getMessage().contains("channel closed"), e.getMessage());
    }

    @Test
    void closingWhileReconnectingEndsTheLoop() throws Exception {
        RecordingListener l = new RecordingListener();
        GsUsbChannel c = (GsUsbChannel) open("gsusb:0", l);
        device.unplug();
        await(() -> l.lastState() == ConnectionState.RECONNECTING, "RECONNECTING");
        c.close();
        assertFalse(c.reader().isAlive());
        assertEquals(0, device.openLinks.get());
    }

    @Test
    void discoveryListsTheDeviceWithItsSerial() {
        List<DiscoveredAdapter> found = transport.discover();
        assertEquals(1, found.size());
        DiscoveredAdapter a = found.get(0);
        assertEquals("gsusb:0", a.uri());
        assertEquals("1d50:606f", a.usbIds());
        assertEquals("candleLight USB to CAN adapter, serial 0038002A4E50, 1 CAN channel, bus 1 address 5",
                a.description());
        assertEquals("candleLight / CANable (gs_usb)", a.knownAdapter());
        device.unplug();
        assertTrue(transport.discover().isEmpty());
        // a two-channel device is listed once per channel
        device = new FakeCandleLight("DUAL", 2, LISTEN_ONLY, FakeCandleLight.STM32F0, null);
        List<DiscoveredAdapter> two = new GsUsbTransport(new UsbAccess(() -> device), FAST).discover();
        assertEquals(List.of("gsusb:0", "gsusb:0?channel=1"), two.stream().map(DiscoveredAdapter::uri).toList());
        assertEquals("candleLight USB to CAN adapter, serial DUAL, 2 CAN channels, bus 1 address 5 (channel 1)",
                two.get(1).description());
    }

    @Test
    void aNativeLibraryThatDoesNotLoadMakesTheTransportUnavailableInOneLine() throws Exception {
        GsUsbTransport t = new GsUsbTransport(new UsbAccess(() -> {
            throw new UnsatisfiedLinkError("no libusb4java in java.library.path");
        }), FAST);
        String why = t.unavailable().orElseThrow();
        assertTrue(why.startsWith("usb4java's native library does not load on this system ("), why);
        assertEquals(1, why.lines().count());
        assertTrue(t.discover().isEmpty());
        IOException e = assertThrows(IOException.class, () -> t.open(ConnectionUri.parse("gsusb:0"),
                new RecordingListener()));
        assertEquals(why, e.getMessage());
        GsUsbTransport fails = new GsUsbTransport(new UsbAccess(() -> {
            throw new UsbException(UsbException.Kind.OTHER, "LIBUSB_ERROR_OTHER: Other error");
        }), FAST);
        assertEquals("libusb cannot start, so no gs_usb adapter can be reached: LIBUSB_ERROR_OTHER: Other error",
                fails.unavailable().orElseThrow());
    }

    /**
     * The reader's CPU while the fake delivers 4,000 frames/s (a 500 kbit/s bus full of 8-byte
     * standard frames). It includes the fake's side of the transfers, not libusb's: printed,
     * asserted only to be under a quarter of one core, so that a busy loop fails.
     */
    @Test
    void cpuAtAFullFiveHundredKbitBus() throws Exception {
        RecordingListener l = new RecordingListener();
        GsUsbChannel c = (GsUsbChannel) open("gsusb:0", l);
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.concurrent.atomic.AtomicBoolean feeding = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread feeder = new Thread(() -> {
            long next = System.nanoTime();
            while (feeding.get()) {
                for (int i = 0; i < 20; i++) { // 20 frames every 5 ms
                    device.receive(CanFrame.of(0, "x", 0x356, false, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
                }
                next += 5_000_000;
                java.util.concurrent.locks.LockSupport.parkNanos(next - System.nanoTime());
            }
        }, "feeder");
        feeder.start();
        Thread.sleep(500);
        int n0 = l.frames.size();
        long cpu0 = mx.getThreadCpuTime(c.reader().threadId());
        long t0 = System.nanoTime();
        Thread.sleep(5000);
        long cpu = mx.getThreadCpuTime(c.reader().threadId()) - cpu0;
        long wall = System.nanoTime() - t0;
        int frames = l.frames.size() - n0;
        feeding.set(false);
        feeder.join();
        double rate = frames * 1e9 / wall;
        double share = 100.0 * cpu / wall;
        System.out.printf("gsusb reader at %.0f frames/s: %.1f %% of one core (%.1f µs a frame; load average %s)%n",
                rate, share, cpu / 1000.0 / Math.max(1, frames),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        assertTrue(rate > 3000, "frames/s " + rate);
        assertTrue(share < 25, "CPU " + share + " %");
    }

    @Test
    void nothingIsLoadedUntilUsed() {
        boolean[] started = {false};
        GsUsbTransport t = new GsUsbTransport(new UsbAccess(() -> {
            started[0] = true;
            return device;
        }), FAST);
        t.validate(ConnectionUri.parse("gsusb:0?bitrate=1M"));
        assertFalse(started[0], "validate and construction start no USB");
        t.discover();
        assertTrue(started[0]);
    }
}
