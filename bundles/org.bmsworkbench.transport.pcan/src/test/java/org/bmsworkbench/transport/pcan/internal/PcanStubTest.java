package org.bmsworkbench.transport.pcan.internal;

import static org.bmsworkbench.can.testing.RecordingListener.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.DiscoveredAdapter;
import org.bmsworkbench.can.testing.RecordingListener;
import org.bmsworkbench.can.testing.StubBusChecks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transport against the stub PCAN-Basic of {@code src/test/c} (PEAK's function names, types and
 * codes from the public PCANBasic.h over a small simulated bus). What a real PCAN-USB does that
 * the stub does not is listed in the README.
 */
class PcanStubTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private StubLibrary.Control stub;
    private PcanTransport transport;

    @BeforeEach
    void setUp() {
        stub = StubLibrary.control();
        transport = new PcanTransport(StubLibrary.library(), new PcanTransport.Timing(20, 80));
    }

    @AfterEach
    void tearDown() {
        transport.deactivate();
        stub.stub_set_unplugged(0);
        assertEquals(0, stub.stub_open_channels(), "every channel uninitialized");
    }

    private PcanChannel open(String uri, RecordingListener listener) throws IOException {
        return (PcanChannel) transport.open(ConnectionUri.parse(uri), listener);
    }

    @Test
    void receivesTheBusFramesWithWallClockTimesAndWaitsOnTheReceiveEvent() throws Exception {
        RecordingListener l = new RecordingListener();
        long before = System.currentTimeMillis() * 1000;
        PcanChannel c = open("pcan:PCAN_USBBUS1?bitrate=500000", l);
        // the stub's MG Master LV on SMA (guide 1.5.1): 0x356 = 53.12 V, -12.3 A, 21.5 degC
        await(() -> l.hasFrame(0x356, "C01485FFD700") && l.hasFrame(0x355, "570064002E22"), "the stub's first frames");
        CanFrame f = l.frames.stream().filter(x -> x.id() == 0x356).findFirst().orElseThrow();
        assertEquals("PCAN_USBBUS1", f.bus());
        assertFalse(f.extended());
        assertTrue(f.timestampMicros() >= before - 1_000_000 && f.timestampMicros() <= System.currentTimeMillis() * 1000 + 1_000_000,
                "wall-clock µs: " + f.timestampMicros());
        assertEquals("PCAN_RECEIVE_EVENT descriptor, poll(2)", c.waitKind());
        assertEquals(500_000, c.bitrate());
        byte[] data = {1, 2, 3};
        stub.stub_queue(0, 0x18FF50E5, 1, 3, data);
        await(() -> l.frames.stream().anyMatch(x -> x.id() == 0x18FF50E5 && x.extended() && x.dataHex().equals("010203")),
                "an extended frame queued while the reader waits");
        c.close();
        assertFalse(c.reader().isAlive());
    }

    @Test
    void sendsFramesAndAVregRequestIsAnswered() throws Exception {
        RecordingListener l = new RecordingListener();
        PcanChannel c = open("pcan:PCAN_USBBUS1?bitrate=250k", l);
        long written = stub.stub_written();
        // guide 1.5.4.3: a request for VREG 0x0FFF (SOC) from 0x20 to the BMS at 0x50
        c.send(CanFrame.of(0, "x", 0x1CEF5020, true, HEX.parseHex("66990100FF0FFFFF")));
        assertEquals(written + 1, stub.stub_written());
        int[] id = new int[1];
        byte[] bytes = new byte[64];
        int len = stub.stub_last_written(id, bytes);
        assertEquals(0x1CEF5020, id[0]);
        assertEquals("66990100FF0FFFFF", HEX.formatHex(bytes, 0, len));
        await(() -> l.hasFrame(0x1CEFFF50, "6699FF0F2E22FFFF"), "the stub BMS's broadcast of SOC 87.50 %");
        c.send(CanFrame.remote(0, "x", 0x123, false, 2));
        assertEquals(written + 2, stub.stub_written());
        IOException fd = assertThrows(IOException.class,
                () -> c.send(CanFrame.fd(0, "x", 0x10, false, true, false, new byte[12])));
        assertTrue(fd.getMessage().contains("CAN FD frames are not sent"), fd.getMessage());
    }

    @Test
    void listenOnlyNeverWrites() throws Exception {
        RecordingListener l = new RecordingListener();
        PcanChannel c = open("pcan:PCAN_USBBUS2?mode=listen-only&bitrate=125000", l);
        await(() -> l.hasFrame(0x356, "C01485FFD700"), "frames in listen-only mode");
        long written = stub.stub_written();
        long refused = stub.stub_pcan_writes_in_listen_only();
        IOException e = assertThrows(IOException.class, () -> c.send(CanFrame.of(0, "x", 0x100, false, (byte) 1)));
        assertEquals("pcan PCAN_USBBUS2 is listen-only (mode=listen-only): nothing is sent; cannot send "
                + CanFrame.of(0, "x", 0x100, false, (byte) 1), e.getMessage());
        assertEquals(written, stub.stub_written());
        assertEquals(refused, stub.stub_pcan_writes_in_listen_only(), "CAN_Write was not even called");
    }

    @Test
    void busErrorStatesAreReportedOnceEach() throws Exception {
        RecordingListener l = new RecordingListener();
        PcanChannel c = open("pcan:PCAN_USBBUS1", l);
        stub.stub_set_bus_state(3);
        await(() -> l.errors.stream().anyMatch(m -> m.startsWith("PCAN_USBBUS1: PCAN_ERROR_BUSOFF")), () -> "bus-off: " + l.errors);
        Thread.sleep(300);
        assertEquals(1, l.errors.stream().filter(m -> m.contains("BUSOFF")).count(), l.errors::toString);
        IOException e = assertThrows(IOException.class, () -> c.send(CanFrame.of(0, "x", 0x100, false)));
        assertTrue(e.getMessage().endsWith("PCAN_ERROR_BUSOFF: bus error, the CAN controller is bus-off (0x00010)"), e.getMessage());
        stub.stub_set_bus_state(2);
        await(() -> l.errors.stream().anyMatch(m -> m.contains("PCAN_ERROR_BUSPASSIVE")), () -> "passive: " + l.errors);
    }

    @Test
    void unplugReconnectsWithTheReasonAndResumes() throws Exception {
        RecordingListener l = new RecordingListener();
        PcanChannel c = open("pcan:PCAN_USBBUS1", l);
        await(() -> l.frames.size() >= 4, "first frames");
        stub.stub_set_unplugged(1);
        await(() -> l.stateStartsWith("RECONNECTING: PCAN_USBBUS1 gone (PCAN_ERROR_ILLHW"), () -> "reconnecting: " + l.states);
        await(() -> l.stateStartsWith("RECONNECTING: PCAN_USBBUS1 still gone (CAN_Initialize at 500 kbit/s failed"),
                () -> "retries: " + l.states);
        IOException e = assertThrows(IOException.class, () -> c.send(CanFrame.of(0, "x", 0x100, false)));
        assertTrue(e.getMessage().contains("adapter gone (reconnecting)"), e.getMessage());
        int before = l.frames.size();
        stub.stub_set_unplugged(0);
        await(() -> l.stateStartsWith("CONNECTED: PCAN_USBBUS1 is back (500 kbit/s)"), () -> "back: " + l.states);
        await(() -> l.frames.size() >= before + 4, "frames after the replug");
        c.send(CanFrame.of(0, "x", 0x100, false, (byte) 1));
    }

    @Test
    void aHundredUnplugCyclesLeakNoThreadNoDescriptor() throws Exception {
        RecordingListener l = new RecordingListener();
        PcanChannel c = open("pcan:PCAN_USBBUS1", l);
        await(() -> l.frames.size() >= 4, "first frames");
        StubBusChecks.unplugCyclesLeakNothing(stub, l, 100);
        assertEquals(1, stub.stub_open_channels());
        c.close();
    }

    @Test
    void discoveryListsTheAttachedChannels() {
        List<DiscoveredAdapter> found = transport.discover();
        assertEquals(List.of(
                new DiscoveredAdapter("pcan", "pcan:PCAN_USBBUS1", "PCAN_USBBUS1", "PCAN-USB, device id 0x11, available", -1, -1, "PEAK PCAN-USB"),
                new DiscoveredAdapter("pcan", "pcan:PCAN_USBBUS2", "PCAN_USBBUS2", "PCAN-USB, device id 0x12, available", -1, -1, "PEAK PCAN-USB")),
                found);
        assertEquals(java.util.Optional.empty(), transport.unavailable());
        stub.stub_set_unplugged(1);
        assertEquals(List.of(), transport.discover());
    }

    @Test
    void openingAMissingOrBusyChannelSaysWhy() throws Exception {
        IOException absent = assertThrows(IOException.class, () -> open("pcan:PCAN_USBBUS3", new RecordingListener()));
        assertEquals("PCAN_USBBUS3: CAN_Initialize at 500 kbit/s failed: PCAN_ERROR_ILLHW: the hardware handle is invalid"
                + " (the adapter is not there) (0x01400) — is the adapter plugged in? 'bmswb adapters' lists the attached"
                + " channels", absent.getMessage());
        open("pcan:PCAN_USBBUS1", new RecordingListener());
        IOException busy = assertThrows(IOException.class, () -> open("pcan:PCAN_USBBUS1", new RecordingListener()));
        assertTrue(busy.getMessage().contains("PCAN_ERROR_INITIALIZE") && busy.getMessage().endsWith("may have it open"),
                busy.getMessage());
    }

    /**
     * The CPU the reader uses while the stub delivers 4,000 frames/s (a 500 kbit/s bus full of
     * 8-byte standard frames carries about 4,000 frames/s). Printed; asserted only to be under a
     * quarter of one core, far above what it should take, so a busy loop fails.
     */
    @Test
    void cpuAtAFullFiveHundredKbitBus() throws Exception {
        RecordingListener l = new RecordingListener();
        PcanChannel c = open("pcan:PCAN_USBBUS1", l);
        await(() -> l.frames.size() >= 4, "first frames");
        StubBusChecks.readerCpuAtAFullBus(stub, l, c.reader(), "pcan");
    }
}
