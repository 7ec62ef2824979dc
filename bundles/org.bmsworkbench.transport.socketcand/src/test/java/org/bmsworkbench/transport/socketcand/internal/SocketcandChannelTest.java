package org.bmsworkbench.transport.socketcand.internal;

import static org.bmsworkbench.can.testing.RecordingListener.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.testing.RecordingListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The channel against a fake socketcand on loopback: handshake, frames both ways, faults, reconnection. */
class SocketcandChannelTest {
    /** Short timeouts and back-off, so that the tests do not wait for the real ones. */
    private static final SocketcandTransport.Timing FAST = new SocketcandTransport.Timing(2_000, 1_000, 50, 200);

    private final SocketcandTransport transport = new SocketcandTransport(FAST);
    private final RecordingListener listener = new RecordingListener();
    private FakeSocketcand server;
    private CanChannel channel;

    @AfterEach
    void closeAll() throws IOException {
        if (channel != null) {
            channel.close();
        }
        transport.deactivate();
        if (server != null) {
            server.close();
        }
    }

    private CanChannel open(String uri) throws IOException {
        channel = transport.open(ConnectionUri.parse(uri), listener);
        return channel;
    }

    @Test
    void framesArriveAfterTheHandshakeAndSentFramesReachTheServer() throws Exception {
        server = new FakeSocketcand();
        open(server.uri() + "?bitrate=250000");
        FakeSocketcand.Peer peer = server.nextPeer();
        peer.write("< frame 356 1600000000.500000 C014850CD700 >< frame 19F21450 1600000000.600000 C01485 >");
        await(() -> listener.frames.size() == 2, "two frames");
        assertEquals(CanFrame.of(1_600_000_000_500_000L, "can0", 0x356, false, (byte) 0xC0, (byte) 0x14, (byte) 0x85,
                (byte) 0x0C, (byte) 0xD7, (byte) 0x00), listener.frames.get(0));
        assertTrue(listener.frames.get(1).extended());
        channel.send(CanFrame.of(0, "can0", 0x1CEF50FF, true, (byte) 0x01, (byte) 0xFF));
        assertEquals("< send 1CEF50FF 2 01 FF >", peer.element());
        assertEquals(250_000, channel.bitrate());
        assertEquals(List.of(), listener.errors);
        assertEquals(1, transport.openChannels());
    }

    @Test
    void anUnknownBusIsRefusedWithTheServersWords() throws Exception {
        server = new FakeSocketcand();
        IOException e = assertThrows(IOException.class, () -> open("socketcand://127.0.0.1:" + server.port() + "/can7"));
        assertEquals("socketcand 127.0.0.1:" + server.port() + " refused bus can7: could not open bus", e.getMessage());
        assertEquals(0, transport.openChannels());
    }

    @Test
    void nobodyListeningIsAClearFailure() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int free = port;
        IOException e = assertThrows(IOException.class, () -> open("socketcand://127.0.0.1:" + free + "/can0"));
        assertEquals("socketcand 127.0.0.1:" + free + " refused the connection", e.getMessage());
    }

    @Test
    void aServerThatIsNotSocketcandIsNamedAsSuch() throws Exception {
        server = new FakeSocketcand(0, peer -> {
            peer.write("SSH-2.0-OpenSSH_9.2\r\n");
            return true;
        });
        IOException e = assertThrows(IOException.class, () -> open(server.uri()));
        assertTrue(e.getMessage().startsWith("socketcand 127.0.0.1:" + server.port()
                + " sent something that is not socketcand's protocol during the handshake: unexpected 'S'"), e.getMessage());
    }

    @Test
    void aSilentServerTimesOutTheHandshake() throws Exception {
        server = new FakeSocketcand(0, peer -> true);
        IOException e = assertThrows(IOException.class, () -> open(server.uri()));
        assertEquals("socketcand 127.0.0.1:" + server.port() + " did not complete the handshake within 1 s (waiting for"
                + " '< hi >'; is it a socketcand server?)", e.getMessage());
    }

    @Test
    void aRawmodeErrorFailsTheHandshake() throws Exception {
        server = new FakeSocketcand(0, peer -> {
            peer.write("< hi >");
            peer.element();
            peer.write("< ok >");
            peer.element();
            peer.write("< error unknown command >");
            return true;
        });
        IOException e = assertThrows(IOException.class, () -> open(server.uri()));
        assertEquals("socketcand 127.0.0.1:" + server.port() + " answered an error: unknown command", e.getMessage());
    }

    @Test
    void errorRepliesAndGarbageAreTransportErrorsAndFramesGoOn() throws Exception {
        server = new FakeSocketcand();
        open(server.uri());
        FakeSocketcand.Peer peer = server.nextPeer();
        peer.write("< error unknown command >junk< frame 123 1.0 zz >< error 004 2.000000 >< frame 123 3.0 01 >");
        await(() -> listener.frames.size() == 2, "the error frame and the good frame");
        String s = "socketcand 127.0.0.1:" + server.port();
        assertEquals(List.of(s + " answered an error: unknown command",
                s + ": unexpected 'j' outside an element, skipped up to the next '<'",
                s + ": bad hex digit in the data: '< frame 123 1.0 zz >'"), listener.errors.subList(0, 3));
        assertTrue(listener.frames.get(0).error());
        assertEquals(0x123, listener.frames.get(1).id());
    }

    @Test
    void remoteFramesCannotBeSentAndSayWhy() throws Exception {
        server = new FakeSocketcand();
        open(server.uri());
        IOException e = assertThrows(IOException.class, () -> channel.send(CanFrame.remote(0, "can0", 0x123, false, 1)));
        assertTrue(e.getMessage().contains("no command to send a remote (RTR) frame"), e.getMessage());
    }

    @Test
    void aServerClosingMidFrameDropsThePartAndReconnects() throws Exception {
        server = new FakeSocketcand();
        open(server.uri());
        FakeSocketcand.Peer first = server.nextPeer();
        first.write("< frame 123 1.0 01 >< frame 456 2.0 0");
        await(() -> listener.frames.size() == 1, "the whole frame");
        first.close();
        await(() -> listener.stateStartsWith("RECONNECTING: socketcand 127.0.0.1:" + server.port()
                + " closed the connection, retrying in 50 ms"), "RECONNECTING");
        FakeSocketcand.Peer second = server.nextPeer();
        await(() -> listener.stateStartsWith("CONNECTED: reconnected to socketcand://127.0.0.1:" + server.port() + "/can0"),
                "CONNECTED");
        second.write("< frame 789 3.0 03 >");
        await(() -> listener.frames.size() == 2, "the frame after reconnecting");
        assertEquals(List.of(0x123, 0x789), listener.frames.stream().map(CanFrame::id).toList(),
                "the half frame was dropped, not glued to the next connection's bytes");
        channel.send(CanFrame.of(0, "can0", 0x10, false, (byte) 1));
        assertEquals("< send 010 1 01 >", second.element());
    }

    @Test
    void aServerThatIsGoneIsRetriedWithBackOffAndResumesWhenItIsBack() throws Exception {
        server = new FakeSocketcand();
        int port = server.port();
        open(server.uri());
        server.nextPeer();
        server.close();
        await(() -> listener.states.stream().filter(s -> s.startsWith("RECONNECTING: socketcand 127.0.0.1:" + port
                + " refused the connection, retrying in 200 ms")).count() >= 2, () -> "retries at the longest back-off: "
                + listener.states);
        IOException e = assertThrows(IOException.class, () -> channel.send(CanFrame.of(0, "can0", 1, false)));
        assertTrue(e.getMessage().contains("not connected (reconnecting)"), e.getMessage());
        List<String> delays = listener.states.stream().map(s -> s.replaceAll(".*retrying in ", "")).distinct().toList();
        assertEquals(List.of("50 ms", "100 ms", "200 ms"), delays.subList(0, 3), listener.states::toString);
        server = new FakeSocketcand(port, FakeSocketcand.HANDSHAKE);
        FakeSocketcand.Peer back = server.nextPeer();
        await(() -> listener.states.get(listener.states.size() - 1).startsWith("CONNECTED"), "CONNECTED again");
        back.write("< frame 001 1.0 >");
        await(() -> listener.frames.size() == 1, "a frame from the server that came back");
    }

    @Test
    void cyclingTheServerLeaksNoThreadOrSocket() throws Exception {
        server = new FakeSocketcand();
        int port = server.port();
        Set<Long> before = threadIds();
        open(server.uri());
        for (int cycle = 0; cycle < 5; cycle++) {
            server.nextPeer();
            server.close();
            int c = cycle;
            await(() -> listener.states.stream().filter(s -> s.startsWith("RECONNECTING")).count() > c, "RECONNECTING");
            server = new FakeSocketcand(port, FakeSocketcand.HANDSHAKE);
            int connected = cycle + 1;
            await(() -> listener.states.stream().filter(s -> s.startsWith("CONNECTED")).count() == connected, "CONNECTED");
        }
        Thread reader = ((SocketcandChannel) channel).reader();
        assertEquals(1, threadIds().stream().filter(id -> !before.contains(id)).count(),
                "only the reader thread was added: " + threadNames());
        channel.close();
        assertFalse(reader.isAlive(), "the reader ended with close()");
        assertEquals(0, transport.openChannels());
        Set<Long> after = threadIds();
        after.removeAll(before);
        assertEquals(Set.of(), after, "no thread left: " + threadNames());
    }

    @Test
    void closeWhileRetryingReturnsAtOnceAndEndsTheReader() throws Exception {
        server = new FakeSocketcand();
        open(server.uri());
        server.nextPeer();
        server.close();
        await(() -> listener.stateStartsWith("RECONNECTING"), "RECONNECTING");
        Thread reader = ((SocketcandChannel) channel).reader();
        channel.close();
        assertFalse(reader.isAlive());
        int reports = listener.states.size();
        Thread.sleep(300); // longer than the longest back-off: a leftover retry would report
        assertEquals(reports, listener.states.size(), listener.states::toString);
    }

    @Test
    void deactivatingTheTransportClosesItsChannels() throws Exception {
        server = new FakeSocketcand();
        open(server.uri());
        FakeSocketcand.Peer peer = server.nextPeer();
        Thread reader = ((SocketcandChannel) channel).reader();
        transport.deactivate();
        assertFalse(reader.isAlive());
        assertThrows(IOException.class, peer::element, "the server sees the connection closed");
        assertThrows(IOException.class, () -> open(server.uri()));
    }

    private static Set<Long> threadIds() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> !t.getName().startsWith("fake-socketcand")).map(Thread::threadId)
                .collect(Collectors.toSet());
    }

    private static String threadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).sorted().toList().toString();
    }
}
