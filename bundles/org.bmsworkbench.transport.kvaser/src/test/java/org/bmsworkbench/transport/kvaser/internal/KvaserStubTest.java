package org.bmsworkbench.transport.kvaser.internal;

import static org.bmsworkbench.can.testing.RecordingListener.await;
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
 * The transport against the stub CANlib of {@code src/test/c} (Kvaser's function names, types and
 * codes from the public canlib.h/canstat.h over a small simulated bus). What a real Kvaser device
 * does that the stub does not is listed in the README.
 */
class KvaserStubTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private StubLibrary.Control stub;
    private KvaserTransport transport;

    @BeforeEach
    void setUp() {
        stub = StubLibrary.control();
        transport = new KvaserTransport(StubLibrary.library(), new KvaserTransport.Timing(20, 80));
    }

    @AfterEach
    void tearDown() {
        transport.deactivate();
        stub.stub_set_unplugged(0);
        assertEquals(0, stub.stub_open_channels(), "every channel off the bus");
    }

    private KvaserChannel open(String uri, RecordingListener listener) throws IOException {
        return (KvaserChannel) transport.open(ConnectionUri.parse(uri), listener);
    }

    @Test
    void receivesTheBusFramesWithWallClockTimes() throws Exception {
        RecordingListener l = new RecordingListener();
        long before = System.currentTimeMillis() * 1000;
        KvaserChannel c = open("kvaser:0?bitrate=500000", l);
        // the stub's MG Master LV on SMA (guide 1.5.1): 0x356 = 53.12 V, -12.3 A, 21.5 degC
        await(() -> l.hasFrame(0x356, "C01485FFD700") && l.hasFrame(0x355, "570064002E22"), "the stub's first frames");
        CanFrame f = l.frames.stream().filter(x -> x.id() == 0x356).findFirst().orElseThrow();
        assertEquals("kvaser0", f.bus());
        assertTrue(f.timestampMicros() >= before - 1_000_000 && f.timestampMicros() <= System.currentTimeMillis() * 1000 + 1_000_000,
                "wall-clock µs: " + f.timestampMicros());
        assertEquals(500_000, c.bitrate());
        stub.stub_queue(0, 0x18FF50E5, 1, 3, new byte[] {1, 2, 3});
        await(() -> l.frames.stream().anyMatch(x -> x.id() == 0x18FF50E5 && x.extended() && x.dataHex().equals("010203")),
                "an extended frame queued while the reader waits in canReadWait");
        c.close();
        assertFalse(c.reader().isAlive());
    }

    @Test
    void sendsFramesAndAVregRequestIsAnswered() throws Exception {
        RecordingListener l = new RecordingListener();
        KvaserChannel c = open("kvaser:1?bitrate=250k", l);
        long written = stub.stub_written();
        // guide 1.5.4.3: a request for VREG 0x0100 (product id) from 0x20 to the BMS at 0x50
        c.send(CanFrame.of(0, "x", 0x1CEF5020, true, HEX.parseHex("669901000001FFFF")));
        assertEquals(written + 1, stub.stub_written());
        int[] id = new int[1];
        byte[] bytes = new byte[64];
        int len = stub.stub_last_written(id, bytes);
        assertEquals(0x1CEF5020, id[0]);
        assertEquals("669901000001FFFF", HEX.formatHex(bytes, 0, len));
        await(() -> l.hasFrame(0x1CEFFF50, "6699000190A3FFFF"), "the stub BMS's broadcast of product id 0xA390");
        c.send(CanFrame.remote(0, "x", 0x123, false, 2));
        assertEquals(written + 2, stub.stub_written());
    }

    @Test
    void listenOnlyIsSilentAndNeverWrites() throws Exception {
        RecordingListener l = new RecordingListener();
        KvaserChannel c = open("kvaser:0?mode=listen-only", l);
        await(() -> l.hasFrame(0x356, "C01485FFD700"), "frames in silent mode");
        long written = stub.stub_written();
        long silent = stub.stub_kvaser_writes_while_silent();
        IOException e = assertThrows(IOException.class, () -> c.send(CanFrame.of(0, "x", 0x100, false, (byte) 1)));
        assertTrue(e.getMessage().startsWith("kvaser kvaser0 is listen-only (mode=listen-only): nothing is sent"), e.getMessage());
        assertEquals(written, stub.stub_written());
        assertEquals(silent, stub.stub_kvaser_writes_while_silent(), "canWrite was not even called");
    }

    @Test
    void busStatesAreReportedOnceEach() throws Exception {
        RecordingListener l = new RecordingListener();
        open("kvaser:0", l);
        stub.stub_set_bus_state(3);
        await(() -> l.errors.contains("kvaser0: canSTAT_BUS_OFF: the controller is bus-off"), () -> "bus-off: " + l.errors);
        Thread.sleep(500);
        assertEquals(1, l.errors.stream().filter(m -> m.contains("BUS_OFF")).count(), l.errors::toString);
        stub.stub_set_bus_state(2);
        await(() -> l.errors.contains("kvaser0: canSTAT_ERROR_PASSIVE: the controller is error passive"), () -> "passive: " + l.errors);
    }

    @Test
    void unplugReconnectsWithTheReasonAndResumes() throws Exception {
        RecordingListener l = new RecordingListener();
        KvaserChannel c = open("kvaser:0", l);
        await(() -> l.frames.size() >= 4, "first frames");
        stub.stub_set_unplugged(1);
        await(() -> l.stateStartsWith("RECONNECTING: kvaser0 gone (canERR_NOTFOUND: the device or channel was not found (-3))"),
                () -> "reconnecting: " + l.states);
        await(() -> l.stateStartsWith("RECONNECTING: kvaser0 still gone (canOpenChannel(0) failed: canERR_NOTFOUND"),
                () -> "retries: " + l.states);
        IOException e = assertThrows(IOException.class, () -> c.send(CanFrame.of(0, "x", 0x100, false)));
        assertTrue(e.getMessage().contains("adapter gone (reconnecting)"), e.getMessage());
        int before = l.frames.size();
        stub.stub_set_unplugged(0);
        await(() -> l.stateStartsWith("CONNECTED: kvaser0 is back (500 kbit/s)"), () -> "back: " + l.states);
        await(() -> l.frames.size() >= before + 4, "frames after the replug");
        c.send(CanFrame.of(0, "x", 0x100, false, (byte) 1));
    }

    @Test
    void aHundredUnplugCyclesLeakNoThreadNoDescriptor() throws Exception {
        RecordingListener l = new RecordingListener();
        KvaserChannel c = open("kvaser:0", l);
        await(() -> l.frames.size() >= 4, "first frames");
        StubBusChecks.unplugCyclesLeakNothing(stub, l, 100);
        assertEquals(1, stub.stub_open_channels());
        c.close();
    }

    @Test
    void discoveryListsTheChannelsWithNamesAndSerials() {
        assertEquals(List.of(
                new DiscoveredAdapter("kvaser", "kvaser:0", "0", "Kvaser Leaf Light v2 (stub) (channel 0), serial 12345", -1, -1,
                        "Kvaser Leaf Light v2 (stub)"),
                new DiscoveredAdapter("kvaser", "kvaser:1", "1", "Kvaser Leaf Light v2 (stub) (channel 1), serial 12345", -1, -1,
                        "Kvaser Leaf Light v2 (stub)")),
                transport.discover());
        assertEquals(java.util.Optional.empty(), transport.unavailable());
        stub.stub_set_unplugged(1);
        assertEquals(List.of(), transport.discover());
    }

    @Test
    void openingAMissingChannelSaysWhy() {
        IOException absent = assertThrows(IOException.class, () -> open("kvaser:5", new RecordingListener()));
        assertEquals("kvaser5: canOpenChannel(5) failed: canERR_NOTFOUND: the device or channel was not found (-3) — is the"
                + " adapter plugged in? 'bmswb adapters' lists the CANlib channels", absent.getMessage());
    }

    /** The reader's CPU while the stub delivers 4,000 frames/s (a full 500 kbit/s bus); printed, bounded loosely. */
    @Test
    void cpuAtAFullFiveHundredKbitBus() throws Exception {
        RecordingListener l = new RecordingListener();
        KvaserChannel c = open("kvaser:0", l);
        await(() -> l.frames.size() >= 4, "first frames");
        StubBusChecks.readerCpuAtAFullBus(stub, l, c.reader(), "kvaser");
    }
}
