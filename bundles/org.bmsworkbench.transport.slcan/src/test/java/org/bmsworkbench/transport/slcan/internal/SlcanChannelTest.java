package org.bmsworkbench.transport.slcan.internal;

import static org.bmsworkbench.can.testing.RecordingListener.await;
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
import org.bmsworkbench.can.testing.FakePorts;
import org.bmsworkbench.can.testing.RecordingListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The channel against in-memory ports: set-up, frames both ways, status, unplug and replug. */
class SlcanChannelTest {
    private final FakePorts ports = new FakePorts();
    private final SlcanTransport transport = new SlcanTransport(ports, new SlcanChannel.Timing(20, 80, 0));
    private final RecordingListener recorder = new RecordingListener();
    private CanChannel channel;

    private SlcanChannel open(String uri) throws IOException {
        channel = transport.open(ConnectionUri.parse(uri), recorder);
        return (SlcanChannel) channel;
    }

    @AfterEach
    void closeChannel() {
        if (channel != null) {
            channel.close();
        }
    }

    @Test
    void setsTheAdapterUpClosingFirst() throws IOException {
        open("slcan:/dev/ttyACM0?bitrate=250k");
        assertEquals("\r\r\rC\rS5\rZ0\rO\r", ports.last().writtenText());
        assertEquals(250_000, channel.bitrate());
    }

    @Test
    void listenOnlyWithTimestampsAndRefusesToSend() throws IOException {
        open("slcan:COM3?bitrate=1000000&mode=listen-only&timestamps=on");
        assertEquals("\r\r\rC\rS8\rZ1\rL\r", ports.last().writtenText());
        IOException e = assertThrows(IOException.class, () -> channel.send(CanFrame.of(0, "x", 0x100, false)));
        assertTrue(e.getMessage().contains("listen-only"), e.getMessage());
    }

    @Test
    void sendsAllFourKindsOfFrames() throws IOException {
        open("slcan:/dev/ttyACM0");
        channel.send(CanFrame.of(0, "x", 0x351, false, (byte) 0x12, (byte) 0xAB));
        channel.send(CanFrame.of(0, "x", 0x1CEFFF50, true, (byte) 1));
        channel.send(CanFrame.remote(0, "x", 0x100, false, 8));
        channel.send(CanFrame.remote(0, "x", 0x100, true, 0));
        assertTrue(ports.last().writtenText().endsWith("O\rt351212AB\rT1CEFFF50101\rr1008\rR000001000\r"),
                ports.last().writtenText());
        assertThrows(IOException.class, () -> channel.send(CanFrame.error(0, "x", 4, new byte[8])));
    }

    @Test
    void decodesReceivedFramesWithThePortAsBus() throws IOException {
        open("slcan:/dev/ttyACM0");
        long before = System.currentTimeMillis() * 1000;
        ports.last().sends("t35680102030405060708\rT1CEFFF50");
        ports.last().sends("1AA\rr1002\r");
        await(() -> recorder.frames.size() == 3, "three frames");
        CanFrame f = recorder.frames.get(0);
        assertEquals("ttyACM0 356#0102030405060708 (RX)", f.toString());
        assertTrue(f.timestampMicros() >= before - 1000 && f.timestampMicros() <= System.currentTimeMillis() * 1000 + 1000);
        assertEquals("ttyACM0 1CEFFF50#AA (RX)", recorder.frames.get(1).toString());
        assertEquals("ttyACM0 100#R2 (RX)", recorder.frames.get(2).toString());
    }

    @Test
    void adapterTimestampsAreUsedWhenAsked() throws Exception {
        open("slcan:/dev/ttyACM0?timestamps=on");
        ports.last().sends("t1000EA5A\r");
        await(() -> recorder.frames.size() == 1, "the first frame");
        Thread.sleep(20); // the next two arrive later than the adapter's 5 and 9 ms (no frame arrives before it was received)
        ports.last().sends("t1000EA5F\rt10000003\r");
        await(() -> recorder.frames.size() == 3, "three frames");
        long t0 = recorder.frames.get(0).timestampMicros();
        assertEquals(5_000, recorder.frames.get(1).timestampMicros() - t0);
        assertEquals(9_000, recorder.frames.get(2).timestampMicros() - t0);
    }

    @Test
    void statusFlagsAreReportedAsTransportErrors() throws IOException {
        SlcanChannel ch = open("slcan:/dev/ttyACM0");
        await(() -> ports.last().writtenText().contains("F\r"), "a status request");
        ports.last().sends("F8C\r");
        await(() -> !recorder.errors.isEmpty(), "the report");
        assertEquals(List.of("the adapter on /dev/ttyACM0 reports error warning, data overrun, bus error (F8C)"),
                recorder.errors);
        assertEquals(1, ch.statusReports());
        ports.last().sends("F00\r");
        assertTrue(ch.statusPolling());
    }

    @Test
    void anAdapterThatRefusesFIsNoLongerAsked() throws IOException {
        SlcanChannel ch = open("slcan:/dev/ttyACM0");
        await(() -> ports.last().writtenText().contains("F\r"), "a status request");
        ports.last().sends("\u0007");
        await(() -> !ch.statusPolling(), "polling to stop");
        assertEquals(List.of(), recorder.errors);
    }

    @Test
    void repliesToTheSetUpThatComeAfterTheSettleTimeAreNoErrors() throws IOException {
        open("slcan:/dev/ttyACM0"); // settle time 0: every reply comes late
        ports.last().sends("\u0007\r\r\rt1000\r");
        await(() -> recorder.frames.size() == 1, "the first frame");
        assertEquals(List.of(), recorder.errors, "C refused on a closed adapter is expected");
    }

    @Test
    void garbageAndRefusalsAreReportedAndDecodingGoesOn() throws IOException {
        open("slcan:/dev/ttyACM0");
        ports.last().sends("\u0007\r\r\r"); // the set-up's replies: C refused (it was closed), S, Z, O accepted
        ports.last().sends("xx\r\u0007t1000\r");
        await(() -> recorder.frames.size() == 1, "the frame after the garbage");
        assertEquals(List.of("/dev/ttyACM0: not an SLCAN line: 'xx\\r'",
                "the adapter on /dev/ttyACM0 refused a command (BEL)"), recorder.errors);
    }

    @Test
    void unplugReportsReconnectingRetriesAndComesBackByItself() throws IOException {
        open("slcan:/dev/ttyACM0?bitrate=125000");
        FakePorts.FakeLine first = ports.last();
        ports.present = false;
        first.unplugged = true;
        await(() -> recorder.states.size() >= 2, "two retries");
        assertTrue(first.closed, "the failed port is released");
        assertTrue(recorder.states.get(0).startsWith("RECONNECTING: port /dev/ttyACM0 gone (reading failed"),
                recorder.states.toString());
        assertTrue(recorder.states.get(0).endsWith("retrying in 20 ms"), recorder.states.toString());
        assertTrue(recorder.states.get(1).startsWith("RECONNECTING: port /dev/ttyACM0 still gone (/dev/ttyACM0: no such port), retrying in 40 ms"),
                recorder.states.toString());
        IOException e = assertThrows(IOException.class, () -> channel.send(CanFrame.of(0, "x", 1, false)));
        assertTrue(e.getMessage().contains("gone"), e.getMessage());

        ports.present = true;
        await(() -> recorder.lastState() == ConnectionState.CONNECTED, "CONNECTED again");
        assertEquals("CONNECTED: reconnected to /dev/ttyACM0 at 125 kbit/s", recorder.states.get(recorder.states.size() - 1));
        FakePorts.FakeLine second = ports.last();
        assertTrue(second.writtenText().startsWith("\r\r\rC\rS4\rZ0\rO\r"), second.writtenText());
        second.sends("t1000\r");
        await(() -> recorder.frames.size() == 1, "a frame after the replug");
        channel.send(CanFrame.of(0, "x", 0x123, false));
        assertTrue(second.writtenText().contains("t1230\r"));
    }

    @Test
    void closeSendsCloseReleasesThePortAndEndsTheThread() throws IOException {
        open("slcan:/dev/ttyACM0");
        FakePorts.FakeLine line = ports.last();
        assertEquals(1, readerThreads());
        channel.close();
        assertTrue(line.writtenText().endsWith("C\r"));
        assertTrue(line.closed);
        assertEquals(0, readerThreads());
        assertEquals(0, transport.openChannels());
        assertThrows(IOException.class, () -> channel.send(CanFrame.of(0, "x", 1, false)));
    }

    @Test
    void closeWhileReconnectingEndsTheRetries() throws IOException {
        open("slcan:/dev/ttyACM0");
        ports.present = false;
        ports.last().unplugged = true;
        await(() -> recorder.lastState() == ConnectionState.RECONNECTING, "RECONNECTING");
        channel.close();
        assertEquals(0, readerThreads());
        int opened = ports.opened.size();
        ports.present = true;
        assertEquals(opened, ports.opened.size());
    }

    @Test
    void aMissingPortFailsTheOpenWithItsName() {
        ports.present = false;
        IOException e = assertThrows(IOException.class, () -> open("slcan:/dev/ttyUSB9"));
        assertEquals("/dev/ttyUSB9: no such port", e.getMessage());
        assertEquals(0, readerThreads());
        assertEquals(0, transport.openChannels());
    }

    @Test
    void deactivateClosesWhatIsOpen() throws IOException {
        open("slcan:/dev/ttyACM0");
        transport.deactivate();
        assertEquals(0, readerThreads());
        assertThrows(IOException.class, () -> transport.open(ConnectionUri.parse("slcan:/dev/ttyACM0"), recorder));
        assertFalse(ports.opened.size() > 1);
    }

    static long readerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("bmswb-slcan-")).count();
    }
}
