package org.bmsworkbench.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.InvalidUriException;
import org.bmsworkbench.can.SimulatedDevice;
import org.bmsworkbench.can.StreamLink;
import org.bmsworkbench.can.testing.RecordingListener;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.bmsworkbench.simulator.TestProtocols;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code sim:?device=jbd|daly} through the {@code sim} transport on its own scheduler thread: the
 * channel offers a {@link StreamLink} naming the make, answers a request (sent as a TX chunk, as
 * the live poller sends it) with RX chunks that reassemble to the answer frame, sometimes split
 * in two, and says nothing unasked; a Daly on CAN answers 29-bit frames; the MG Master LV is
 * unchanged. Requests written out by hand (JBD register map; Daly UART protocol, see the
 * {@code cellbms} tests).
 */
class CellBmsChannelTest {
    private static final long EPOCH = 1_700_000_000_000L;
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private final SimTransport transport = new SimTransport(new TestProtocols().install(TestProtocols.sma()),
            MgMasterLvProfile.defaults(), () -> EPOCH);

    @AfterEach
    void stop() {
        transport.deactivate();
    }

    private CanChannel open(String uri, RecordingListener r) throws IOException {
        return transport.open(ConnectionUri.parse(uri), r);
    }

    @Test
    void aJbdOffersItsStreamLinkAndAnswersEveryRequestInChunks() throws Exception {
        RecordingListener r = new RecordingListener();
        CanChannel c = open("sim:?device=jbd&speed=10&poll=500", r);
        StreamLink link = c.control(StreamLink.class).orElseThrow();
        assertEquals("jbd0", link.port());
        assertEquals("jbd", link.protocol(), "so that auto mode decodes as jbd");
        assertEquals(Duration.ofMillis(500), link.pollPeriod());
        assertEquals(new SimulatedDevice("JBD-SP16S-SIM01"), c.control(SimulatedDevice.class).orElseThrow());
        assertTrue(r.states.get(0).startsWith("CONNECTED: simulated JBD BMS JBD-SP16S-SIM01, 16 cells, UART jbd0,"
                + " scenario normal, speed ×10"), r.states::toString);
        Thread.sleep(300);
        assertTrue(r.frames.isEmpty(), "speaks only when asked: " + r.frames);

        int splits = 0;
        for (int i = 0; i < 20; i++) {
            int before = r.frames.size();
            c.send(CanFrame.chunk(System.currentTimeMillis() * 1000, "jbd0", Direction.TX, HEX.parseHex("DDA50300FFFD77")));
            RecordingListener.await(() -> joined(r.frames.subList(before, r.frames.size())).length >= 34, "answer " + i);
            List<CanFrame> chunks = List.copyOf(r.frames.subList(before, r.frames.size()));
            byte[] answer = joined(chunks);
            assertEquals(34, answer.length, "one whole answer, nothing more");
            assertEquals("DD03001B", HEX.formatHex(answer, 0, 4));
            assertEquals(0x77, answer[33] & 0xFF);
            for (CanFrame f : chunks) {
                assertTrue(f.chunk() && f.direction() == Direction.RX && f.bus().equals("jbd0"), f::toString);
                assertTrue(f.timestampMicros() >= EPOCH * 1000, "virtual time from the epoch");
            }
            splits += chunks.size() - 1;
        }
        assertTrue(splits >= 1 && splits < 20, "some answers come in two chunks: " + splits);
        assertEquals(0, c.bitrate(), "a byte stream has no CAN bit rate");
        c.close();
        assertTrue(r.errors.isEmpty(), r.errors::toString);
    }

    private static byte[] joined(List<CanFrame> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunks.forEach(f -> out.writeBytes(f.data()));
        return out.toByteArray();
    }

    @Test
    void aDalyOnUartAnswersCellVoltagesInThreeFrames() throws Exception {
        RecordingListener r = new RecordingListener();
        CanChannel c = open("sim:?device=daly&speed=10", r);
        assertEquals(new StreamLink("daly0", "daly", StreamLink.DEFAULT_POLL_PERIOD).protocol(),
                c.control(StreamLink.class).orElseThrow().protocol());
        // A5 40 95 08 00×8, checksum 0xA5 + 0x40 + 0x95 + 0x08 = 0x182 → 0x82
        c.send(CanFrame.chunk(0, "daly0", Direction.TX, HEX.parseHex("A54095080000000000000000" + "82")));
        RecordingListener.await(() -> joined(r.frames).length >= 39, "three frames");
        byte[] all = joined(r.frames);
        assertEquals(39, all.length);
        for (int n = 0; n < 3; n++) {
            assertEquals("A5019508" + String.format("%02X", n + 1), HEX.formatHex(all, 13 * n, 13 * n + 5));
        }
        c.close();
    }

    @Test
    void aDalyOnCanAnswersWith29BitFrames() throws Exception {
        RecordingListener r = new RecordingListener();
        CanChannel c = open("sim:?device=daly&link=can&speed=10", r);
        assertTrue(c.control(StreamLink.class).isEmpty(), "a CAN channel is no byte stream");
        assertEquals(250_000, c.bitrate());
        assertTrue(r.states.get(0).contains(", CAN, scenario normal"), r.states::toString);
        c.send(CanFrame.of(0, "can0", 0x18950140, true, new byte[8]));
        RecordingListener.await(() -> r.frames.size() >= 3, "three frames");
        for (int n = 0; n < 3; n++) {
            CanFrame f = r.frames.get(n);
            assertEquals(0x18954001, f.id());
            assertTrue(f.extended());
            assertEquals(n + 1, f.u8(0), "frame number");
        }
        c.send(CanFrame.remote(0, "can0", 0x18900140, true, 8));
        c.send(CanFrame.of(0, "can0", 0x123, false, new byte[8]));
        c.send(CanFrame.chunk(0, "daly0", Direction.TX, HEX.parseHex("A54090080000000000000000" + "7D")));
        Thread.sleep(300);
        assertEquals(3, r.frames.size(), "other frames are not requests: " + r.frames);
        c.close();
    }

    @Test
    void theMgMasterLvIsUnchanged() throws Exception {
        RecordingListener r = new RecordingListener();
        CanChannel c = open("sim:?device=mg&protocol=sma&speed=50", r);
        assertTrue(c.control(StreamLink.class).isEmpty());
        assertEquals(new SimulatedDevice("MG0000SIM0000001"), c.control(SimulatedDevice.class).orElseThrow());
        assertEquals(500_000, c.bitrate());
        RecordingListener.await(() -> r.frames.size() >= 14, "two SMA cycles");
        assertEquals(0x351, r.frames.get(0).id());
        assertFalse(r.frames.get(0).chunk());
        c.close();
        assertTrue(transport.description().contains("device=jbd"), transport.description());
    }

    @Test
    void badUrisAreNamed() {
        assertEquals("'sim:?device=bms': option device=bms is not one of daly, jbd, mg",
                assertThrows(InvalidUriException.class, () -> transport.validate(ConnectionUri.parse("sim:?device=bms")))
                        .getMessage());
        assertThrows(InvalidUriException.class, () -> transport.validate(ConnectionUri.parse("sim:?device=jbd&cells=2")));
        assertThrows(InvalidUriException.class, () -> transport.validate(ConnectionUri.parse("sim:?device=mg&cells=8")));
        transport.validate(ConnectionUri.parse("sim:?device=daly&link=can&cells=32"));
    }
}
