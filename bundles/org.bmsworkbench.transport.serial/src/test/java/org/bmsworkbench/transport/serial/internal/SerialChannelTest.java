package org.bmsworkbench.transport.serial.internal;

import static org.bmsworkbench.can.testing.RecordingListener.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.PlaybackControl;
import org.bmsworkbench.can.StreamLink;
import org.bmsworkbench.can.testing.FakePorts;
import org.bmsworkbench.can.testing.RecordingListener;
import org.bmsworkbench.serialport.Parity;
import org.junit.jupiter.api.Test;

/**
 * The channel on in-memory ports. The bytes are a JBD read request for register 0x03 and the
 * start of its answer (vendor guide: DD A5 03 00 FF FD 77; the answer starts DD 03 00).
 */
class SerialChannelTest {
    private static final byte[] READ_03 = {(byte) 0xDD, (byte) 0xA5, 0x03, 0x00, (byte) 0xFF, (byte) 0xFD, 0x77};

    private final FakePorts ports = new FakePorts();
    private final SerialTransport transport = new SerialTransport(ports, new SerialChannel.Timing(20, 80));
    private final RecordingListener recorder = new RecordingListener();

    private CanChannel open(String uri) throws IOException {
        return transport.open(ConnectionUri.parse(uri), recorder);
    }

    @Test
    void eachReadIsAChunkNamedAfterThePort() throws Exception {
        long before = System.currentTimeMillis() * 1000;
        try (CanChannel c = open("serial:/dev/ttyUSB0?protocol=jbd")) {
            ports.last().sends((byte) 0xDD, (byte) 0x03, (byte) 0x00);
            ports.last().sends((byte) 0x1D);
            await(() -> recorder.frames.size() == 2, "two chunks");
            CanFrame first = recorder.frames.get(0);
            assertTrue(first.chunk());
            assertEquals("ttyUSB0 rx DD0300 (RX)", first.toString());
            assertEquals("ttyUSB0 rx 1D (RX)", recorder.frames.get(1).toString());
            assertTrue(first.timestampMicros() >= before, "host time of arrival");
        }
    }

    @Test
    void sendWritesAChunksBytesAndRefusesCanFrames() throws Exception {
        try (CanChannel c = open("serial:COM4?protocol=daly")) {
            c.send(CanFrame.chunk(0, "COM4", Direction.TX, READ_03));
            assertArrayEquals(READ_03, ports.last().written());
            IOException e = assertThrows(IOException.class, () -> c.send(CanFrame.of(0, "can0", 0x356, false, new byte[2])));
            assertEquals("serial:COM4 carries bytes, not CAN frames; cannot send can0 356#0000 (RX)", e.getMessage());
            assertArrayEquals(READ_03, ports.last().written());
        }
    }

    @Test
    void listenOnlySniffsAndNeverSends() throws Exception {
        try (CanChannel c = open("serial:/dev/ttyUSB1?mode=listen-only")) {
            IOException e = assertThrows(IOException.class, () -> c.send(CanFrame.chunk(0, "ttyUSB1", Direction.TX, READ_03)));
            assertTrue(e.getMessage().contains("listen-only"), e.getMessage());
            assertEquals(0, ports.last().written().length);
            ports.last().sends(READ_03);
            await(() -> recorder.frames.size() == 1, "the sniffed request");
        }
    }

    @Test
    void offersTheStreamLinkOfItsUri() throws Exception {
        try (CanChannel c = open("serial:/dev/ttyUSB0?protocol=jbd&poll=250&baud=19200&parity=even&stopbits=2")) {
            StreamLink link = c.control(StreamLink.class).orElseThrow();
            assertEquals("ttyUSB0", link.port());
            assertEquals("jbd", link.protocol());
            assertEquals(Duration.ofMillis(250), link.pollPeriod());
            assertFalse(c.control(PlaybackControl.class).isPresent());
            assertEquals(new FakePorts.Request("/dev/ttyUSB0", 19200, Parity.EVEN, 2), ports.requests.get(0));
            assertEquals("19200 8E2", SerialSettings.of(ConnectionUri.parse(
                    "serial:/dev/ttyUSB0?protocol=jbd&poll=250&baud=19200&parity=even&stopbits=2")).lineLabel());
        }
    }

    @Test
    void unplugReportsReconnectingAndReplugConnected() throws Exception {
        try (CanChannel c = open("serial:/dev/ttyUSB0")) {
            FakePorts.FakeLine first = ports.last();
            ports.present = false;
            first.unplugged = true;
            await(() -> recorder.stateStartsWith("RECONNECTING"), "RECONNECTING");
            assertTrue(first.closed, "the port is released");
            assertTrue(recorder.states.get(0).startsWith(
                    "RECONNECTING: port /dev/ttyUSB0 gone (reading failed (system error 5)), retrying in 20 ms"),
                    recorder.states.toString());
            IOException e = assertThrows(IOException.class, () -> c.send(CanFrame.chunk(0, "ttyUSB0", Direction.TX, READ_03)));
            assertTrue(e.getMessage().startsWith("port /dev/ttyUSB0 is gone (reconnecting)"), e.getMessage());
            await(() -> recorder.states.stream().anyMatch(s -> s.contains("still gone (/dev/ttyUSB0: no such port)")),
                    "a second try");
            ports.present = true;
            await(() -> recorder.lastState() == ConnectionState.CONNECTED, "CONNECTED");
            assertTrue(recorder.states.get(recorder.states.size() - 1).endsWith("reconnected to /dev/ttyUSB0 at 9600 8N1"),
                    recorder.states.toString());
            ports.last().sends((byte) 0x77);
            await(() -> recorder.frames.size() == 1, "a chunk after the replug");
        }
    }

    @Test
    void closeEndsTheReaderAndReleasesThePort() throws Exception {
        SerialChannel c = (SerialChannel) open("serial:/dev/ttyUSB0");
        assertTrue(c.readerAlive());
        assertEquals(1, transport.openChannels());
        c.close();
        assertFalse(c.readerAlive());
        assertTrue(ports.last().closed);
        assertEquals(0, transport.openChannels());
        c.close(); // idempotent
    }

    @Test
    void deactivateClosesWhatIsOpenAndRefusesMore() throws Exception {
        SerialChannel c = (SerialChannel) open("serial:/dev/ttyUSB0");
        transport.deactivate();
        assertFalse(c.readerAlive());
        assertThrows(IOException.class, () -> open("serial:/dev/ttyUSB0"));
    }

    @Test
    void aMissingPortFailsTheOpen() {
        ports.present = false;
        IOException e = assertThrows(IOException.class, () -> open("serial:/dev/ttyUSB9"));
        assertEquals("/dev/ttyUSB9: no such port", e.getMessage());
        assertEquals(0, transport.openChannels());
    }
}
